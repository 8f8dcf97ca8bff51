"""What a question is about, weighed against what the knowledge knows.

A question's words are not equal: "stem cell" is in most entries and says little about which
one answers; a word no entry knows ("mortality", "insurance") says the question is about
something the knowledge may not hold. `Focus` weighs each word by how few entries use it,
gives words no entry knows a weight of their own (more when they name the question's subject:
"help with MS fatigue"), and says how much of a question's weighted content an entry covers.
The engine multiplies its similarity by that coverage, so a near miss that shares the topic's
words but asks about something else is declined.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain, pairwise

import numpy as np

from bot.measures import NUMBER_WORDS, TIME_UNITS
from bot.text import ASPECTS, STOPWORDS_STEMMED, stem
from bot.tuning import (
    ANCHOR_SHARE,
    CONTENT_FREE,
    CONTEXT_SHARE,
    SUBJECT_FOCUS,
    SUBJECT_REACH,
    TOPIC_SHARE,
    TOPIC_USE,
    UNKNOWN_FOCUS,
)

ASPECTS_STEMMED = frozenset(stem(w) for w in ASPECTS)
_SUBJECT_AFTER = frozenset(map(stem, ("for", "with", "cure", "treat", "help", "against", "by")))
_TIME_UNITS = frozenset(map(stem, TIME_UNITS))
# How many and how long, in a story around the question: context, like "65" in "I'm 65".
_COUNTING = frozenset(map(stem, NUMBER_WORDS)) | _TIME_UNITS | {stem("ago")}  # "weeks": "week"


def counts(token: str) -> bool:
    """A number or a unit of time: how many or how long, never what a question is about."""
    return token.isdigit() or token in _COUNTING


class Focus:
    """Each entry's words, and each word's weight by how few entries use it."""

    def __init__(self, vocabularies: Sequence[frozenset[str]],
                 phrasings: Sequence[Sequence[str]]):
        """`vocabularies`: each entry's words (its phrasings' and its passage's); `phrasings`:
        every phrasing, to tell whether the knowledge has one topic (`topical`)."""
        self.vocab = list(vocabularies)
        self.places = True  # a place named last is a subject (`_subjects`)
        spread = Counter(chain.from_iterable(self.vocab))
        n = len(self.vocab)
        self.weight = {t: float(np.log((1.0 + n) / (1.0 + c)) + 1.0) for t, c in spread.items()}
        self.unknown_weight = float(np.log(1.0 + n) + 1.0)
        content_spread = [(t, c) for t, c in spread.items() if t not in STOPWORDS_STEMMED]
        self.topical = _topical([t for t, c in content_spread if c >= TOPIC_SHARE * n],
                                phrasings)
        # the topic's own words: a question with one of them is on the topic
        self.anchors = frozenset(t for t, c in content_spread
                                 if self.topical and c >= max(2, ANCHOR_SHARE * n))

    def knows(self, token: str) -> bool:
        return token in self.weight

    def familiar(self, tokens: Sequence[str]) -> bool:
        """Every content word is one the knowledge uses (ages and durations aside)."""
        content = [t for t in tokens if t not in STOPWORDS_STEMMED and not counts(t)]
        return bool(content) and all(t in self.weight for t in content)

    def content(self, tokens: Sequence[str], told: Sequence[str] = ()) -> dict[str, float]:
        """The question's content words, each weighted by how few entries use it: "stem cell"
        says little about which entry fits; a word no entry knows ("mortality") says the
        question is elsewhere. Words of the story around it (`told`) no entry knows share
        `CONTEXT_SHARE` between them. Once per question; `coverage` reads it per candidate."""
        subjects = self._subjects(tokens)
        content = {t: self.weight.get(t) or self.unknown_weight * (
                       1.0 if t in ASPECTS_STEMMED
                       else UNKNOWN_FOCUS * (SUBJECT_FOCUS if t in subjects else 1.0))
                   for t in dict.fromkeys(tokens) if t not in STOPWORDS_STEMMED
                   and not (counts(t) and t not in self.weight)}  # "I'm 65", "for ten years"
        untold = {t for t in told if t not in self.weight and t not in content
                  and t not in STOPWORDS_STEMMED and not counts(t)}
        for t in untold:
            content[t] = CONTEXT_SHARE * self.unknown_weight * UNKNOWN_FOCUS / len(untold)
        return content

    def coverage(self, content: Mapping[str, float], entry_index: int) -> float:
        """Share of the question's weighted content (`content`) the entry's words cover."""
        if not content:
            return CONTENT_FREE  # "hello there": only an almost exact phrasing should match
        vocab = self.vocab[entry_index]
        return (math.fsum(w for t, w in content.items() if t in vocab)
                / math.fsum(content.values()))

    def off_topic(self, tokens: Sequence[str]) -> bool:
        """The question names a subject the knowledge never mentions, and none of its topic."""
        if not self.anchors or any(t in self.anchors for t in tokens):
            return False
        return any(t not in self.weight and t not in STOPWORDS_STEMMED
                   and t not in ASPECTS_STEMMED and not counts(t) for t in tokens)

    def _subjects(self, tokens: Sequence[str]) -> frozenset[str]:
        """Words no entry knows that name what the question is about (`SUBJECT_FOCUS`): the
        first within two words of "for", "with"... ("help with MS fatigue"), or of "by"
        ("approved by the NHS": who approves is the question). "For decades" says how long,
        not about what."""
        if not self.anchors:
            return frozenset()
        found = set()
        for i, before in enumerate(tokens):
            if before not in _SUBJECT_AFTER:
                continue
            for word in tokens[i + 1:i + 1 + SUBJECT_REACH]:
                if (word not in self.weight and word not in _TIME_UNITS
                        and word not in STOPWORDS_STEMMED):
                    found.add(word)
                    break
        # "who funded the review?", "who sponsored it": the verb right after "who", when no
        # entry knows it, is what is asked of the people (not the review, which is named)
        for before, word in pairwise(tokens):
            if (before == "who" and word not in self.weight and word not in STOPWORDS_STEMMED
                    and not counts(word)):
                found.add(word)
        # "...a trial in Chicago?", "is hsct available in moscow": a place asked about, last.
        # Not where a classifier tells the entries apart (`places`): there a place is a detail
        # of the knowledge's own questions ("top up in euros", "a card in Spain").
        last = tokens[-2:]
        if (self.places and len(last) == 2 and last[0] == "in" and last[1] not in self.weight
                and last[1] not in STOPWORDS_STEMMED and not counts(last[1])):
            found.add(last[1])
        return frozenset(found)


def _topical(widespread: Sequence[str], phrasings: Sequence[Sequence[str]]) -> bool:
    """Whether any of the words in most entries is also in `TOPIC_USE` of the phrasings."""
    if not widespread:
        return False
    candidates = frozenset(widespread)
    used = Counter(chain.from_iterable(map(candidates.intersection, phrasings)))
    return any(count >= TOPIC_USE * len(phrasings) for count in used.values())
