"""A message written as a letter: its opening ("Dear HSCT team,") and closing ("Kind regards,
Helen") found, so the small talk around them can read what the letter says.

Older readers and people new to chat bots write to the bot as they would to a clinic. A
salutation names the topic ("HSCT team") but asks nothing, so it must never reach the article
engine on its own; what lies between the two is read as any message. The words are data
(`letters:` in the small-talk file); this module only knows their shape.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.text import QUESTION_OPENERS

# A name after a letter's opening word ("Dear HSCT team", "Dear Sir/Madam") or its closing
# ("Best regards, R. Jones"): a few words, no sentence punctuation.
_NAME = r"[^\W\d_][\w.'’/&-]*"


@dataclass(frozen=True)
class Letter:
    """How a message written as a letter opens ("Dear HSCT team,") or closes ("Yours sincerely,
    Peter"): the words, and the intent a message that is only that is."""

    intent: str
    words: tuple[str, ...]


def _said(words: Sequence[str]) -> str:
    """Words as alternatives of a regular expression, the longest first, spaces any space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


class Letters:
    """Finds a letter's frame in a message."""

    def __init__(self, opening: Letter | None, closing: Letter | None):
        # (pattern, intent) of each frame the file has words for
        self._opening = (
            (re.compile(rf"^\s*(?:{_said(opening.words)})\b(?P<name>(?:\s+{_NAME}){{0,4}}?)"
                        r"\s*(?:(?P<sep>[,:;!\n]+)|$)", re.IGNORECASE), opening.intent)
            if opening and opening.words else None)
        self._closing = (
            (re.compile(rf"(?:^|(?<=[,.;:!?\n]))\s*(?:{_said(closing.words)})\b"
                        rf"\s*[,.!]*(?:\s+{_NAME}){{0,3}}\s*[.!]*\s*$", re.IGNORECASE),
             closing.intent)
            if closing and closing.words else None)

    def unframe(self, text: str) -> tuple[str, str] | None:
        """(what the letter says, the intent of its frame), or None when it has no frame. The
        intent is the opening's when there is one ("Dear team, thanks. Regards" greets)."""
        body, intent = text, None
        if self._closing is not None:
            pattern, said = self._closing
            m = pattern.search(body)  # first: "Liebe Grüße, Anna" is not "Dear Grüße"
            if m is not None:
                body, intent = body[:m.start()], said
        if self._opening is not None:
            pattern, said = self._opening
            m = pattern.match(body)
            # no comma after the name: the whole message, and no question in it ("Dear HSCT
            # team" is a salutation, "dear god is hsct safe" a question)
            if m is not None and (m["sep"] or not QUESTION_OPENERS.intersection(
                    re.sub(r"['’]", "", m["name"].casefold()).split())):
                body, intent = body[m.end():], said
        return None if intent is None else (body, intent)
