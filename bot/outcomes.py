"""The words every layer shares about a reader's turn: outcomes, why a question was declined,
the kind of chat, and what the question log keeps of a turn.

Defined once here so storage, the curator's reports, the conversation and the front ends
spell them the same way (the stored values are these enums' values).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Outcome(StrEnum):
    """What the bot did with a message."""

    ANSWERED = "answered"  # an article passage
    AMBIGUOUS = "ambiguous"  # "Did you mean..." between close entries
    DECLINED = "declined"  # nothing answers it confidently
    SMALLTALK = "smalltalk"  # everyday chat, answered in the bot's own voice
    SAFETY = "safety"  # an emergency or self-harm message: the fixed safety reply


class DeclineReason(StrEnum):
    """Why a question was declined: each gets its own reply."""

    NOT_IN_ARTICLE = "not_in_article"  # on the article's topic, but the article does not say
    OFF_TOPIC = "off_topic"  # its main subject is absent from the article
    NOT_UNDERSTOOD = "not_understood"  # gibberish, a stray word, emoji, a bare number


class ChatKind(StrEnum):
    """Where a question was asked (the only context the question log keeps)."""

    PRIVATE = "private"
    GROUP = "group"
    INLINE = "inline"
    TERMINAL = "terminal"


@dataclass(frozen=True)
class TurnRecord:
    """What the question log keeps of one turn besides the text: never who asked."""

    outcome: Outcome
    entry_id: str | None = None
    pack: str | None = None
    score: float | None = None
    also: tuple[str, ...] = ()  # further entries the same message was answered with
