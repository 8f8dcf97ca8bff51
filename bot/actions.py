"""Button actions: what a reply button asks for, encoded once and parsed once.

The encoded form is Telegram's callback data (at most 64 bytes); the terminal chat uses the
same actions for its numbered choices. Anything that does not parse is `None`: forged or stale
button data gets a polite reply, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ANSWER_PREFIX = "a"  # a:<entry-id>   answer that entry
VOTE_PREFIX = "fb"  # fb:up:<key> / fb:down:<key>   rate the answer recorded under <key>
TOPICS_PREFIX = "t"  # t:<page>   a page of /topics

# For CallbackQueryHandler(pattern=...): each action's handler is routed by its prefix.
ANSWER_PATTERN = f"^{ANSWER_PREFIX}:"
VOTE_PATTERN = f"^{VOTE_PREFIX}:"
TOPICS_PATTERN = f"^{TOPICS_PREFIX}:"

_KEY = re.compile(r"^[A-Za-z0-9_-]{1,48}$")
_ENTRY = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")
MAX_PAGE = 10_000


@dataclass(frozen=True)
class AnswerEntry:
    entry_id: str


@dataclass(frozen=True)
class Vote:
    key: str
    helpful: bool


@dataclass(frozen=True)
class TopicsPage:
    page: int


Action = AnswerEntry | Vote | TopicsPage


def answer(entry_id: str) -> str:
    return f"{ANSWER_PREFIX}:{entry_id}"


def vote(key: str, helpful: bool) -> str:
    return f"{VOTE_PREFIX}:{'up' if helpful else 'down'}:{key}"


def topics(page: int) -> str:
    return f"{TOPICS_PREFIX}:{page}"


def encode(action: Action) -> str:
    if isinstance(action, AnswerEntry):
        return answer(action.entry_id)
    if isinstance(action, Vote):
        return vote(action.key, action.helpful)
    return topics(action.page)


def parse(data: str | None) -> Action | None:
    """The action a button's data asks for; None for anything malformed or unknown."""
    prefix, _, rest = (data or "").partition(":")
    if prefix == ANSWER_PREFIX and _ENTRY.match(rest):
        return AnswerEntry(rest)
    if prefix == VOTE_PREFIX:
        direction, _, key = rest.partition(":")
        if direction in {"up", "down"} and _KEY.match(key):
            return Vote(key, direction == "up")
    if prefix == TOPICS_PREFIX and rest.isascii() and rest.isdigit() and int(rest) < MAX_PAGE:
        return TopicsPage(int(rest))
    return None
