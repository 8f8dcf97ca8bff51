"""Small talk typed with a slip: "thnks", "good mornign", "thank you for teh help".

A piece of a message is one of the file's phrasings but for a typo when it has as many words
and one of them is a letter or a swapped pair off (`one_typo`). Only the phrasings whose
length can reach the similarity floor are compared, and each piece's answer is remembered,
so a message read piece by piece (`bot.smalltalk_pieces`) pays for the search once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TypeVar

from rapidfuzz import fuzz, process

from bot.spelling import swaps

CUTOFF = 86  # fuzz.ratio floor for a typo (a word's own floor is 10 lower)
PEEL_CUTOFF = 92  # a piece of a message: as many words, and closer than a whole message
FUZZY_FLOOR = CUTOFF - 10  # fuzz.ratio floor of the phrasings a typo is looked for among
CACHED = 8192  # readings kept; then all forgotten, as the engine's cache is
UNSEEN = "\0"  # no word, phrasing or intent id: a reading not yet remembered
Reading = TypeVar("Reading", str, str | None)


def remember(cache: dict[str, Reading], key: str, value: Reading) -> None:
    """Keeps a reading, forgetting every reading once CACHED are kept."""
    if len(cache) >= CACHED:
        cache.clear()
    cache[key] = value


def one_typo(piece: str, phrasing: str) -> bool:
    """Text is a phrasing but for a typo in one word of four letters or more, first letter
    right ("thnks" and "thnaks" are thanks, "thinks" is not; "is there" is not "hi there",
    "what is it" not "that is it"), or as close as a long phrase can be."""
    words, target = piece.split(), phrasing.split()
    if len(words) != len(target):
        return False
    differ = [(a, b) for a, b in zip(words, target, strict=True) if a != b]
    # "thank you for teh help"; never a word of one or two letters changed ("hello i" is not
    # "hello ji", nor "good morning is" "good morning ji")
    if (fuzz.ratio(piece, phrasing) >= PEEL_CUTOFF
            and all(min(len(a), len(b)) >= 3 for a, b in differ)):
        return True
    if len(differ) != 1:
        return False
    typed, meant = differ[0]
    floor = CUTOFF if len(words) == 1 else CUTOFF - 10  # "source" is not "sure"
    # "thnaks" is one slip of the thumbs, which `fuzz.ratio` counts as two edits
    return min(len(typed), len(meant)) >= 4 and typed[0] == meant[0] and (
        fuzz.ratio(typed, meant) >= floor or meant in swaps(typed))


def _lengths_within_reach(length: int) -> tuple[int, int]:
    """The lengths a phrasing can have for `fuzz.ratio` with a text of `length` characters to
    reach FUZZY_FLOOR: the ratio is at most 200 * shorter / (sum of the lengths), whatever the
    letters. Half a point wider, so no rounding ever leaves out a phrasing that would reach it."""
    floor = FUZZY_FLOOR - 0.5
    return math.ceil(length * floor / (200 - floor)), math.floor(length * (200 - floor) / floor)


class Typos:
    """The file's phrasings (with their intents), searched for one a piece is but for a typo."""

    def __init__(self, phrasings: Iterable[tuple[str, str]]):
        # by their number of words: a typo keeps the words a phrasing has (`one_typo`), so only
        # those are worth comparing; in file order, so the first listed wins a tie
        self._choices: dict[int, tuple[list[str], list[str]]] = {}
        for phrasing, intent_id in phrasings:
            choices, owners = self._choices.setdefault(phrasing.count(" "), ([], []))
            choices.append(phrasing)
            owners.append(intent_id)
        # the phrasings of a number of words within reach of a text's length
        self._near: dict[tuple[int, int], tuple[list[str], list[str]]] = {}
        self._found: dict[str, str | None] = {}

    def intent(self, norm: str) -> str | None:
        """The intent of the phrasing `norm` is but for a typo, or None."""
        hit = self._found.get(norm, UNSEEN)
        if hit is UNSEEN:
            choices, owners = self._near_phrasings(norm.count(" "), len(norm))
            close = process.extract(norm, choices, scorer=fuzz.ratio, limit=5,
                                    score_cutoff=FUZZY_FLOOR)
            hit = next((owners[i] for phrasing, _, i in close if one_typo(norm, phrasing)),
                       None)
            remember(self._found, norm, hit)
        return hit

    def _near_phrasings(self, spaces: int, length: int) -> tuple[list[str], list[str]]:
        """The phrasings (and their intents) of `spaces` + 1 words whose length is within reach
        of `length` (`_lengths_within_reach`), in the file's order: the others never reach the
        floor, so `process.extract` ranks the same phrasings, ties in the same order."""
        near = self._near.get((spaces, length))
        if near is None:
            low, high = _lengths_within_reach(length)
            choices, owners = self._choices.get(spaces, ([], []))
            kept = [i for i, phrasing in enumerate(choices) if low <= len(phrasing) <= high]
            near = [choices[i] for i in kept], [owners[i] for i in kept]
            self._near[(spaces, length)] = near
        return near
