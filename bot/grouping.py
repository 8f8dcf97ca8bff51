"""Grouping the questions readers asked: rewordings of one question land in one group, with the
pack entry that comes closest to answering it.

The curator's reports (`bot.report`) read groups, not rows: 300 asks of "is hsct on the nhs"
in a dozen spellings are one thing to fix, and the closest entry says which fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse

from bot.results import Match
from bot.text import STOPWORDS, Synonyms, normalise, stem, words

GROUP_CUTOFF = 80.0  # token_sort_ratio over stemmed, synonym-folded words: "same question"
NEAR_THRESHOLD = 15.0  # a closest entry this far below the threshold is worth a new phrasing
# ...if its words cover at least this share of the question: "hsct price?" comes near the
# entry on what HSCT is, but asks about a price the entry never mentions.
MIN_COVERAGE = 0.5
BLOCK = 1000  # rows of the similarity matrix computed at once (1000 x n bytes)


class Ranker(Protocol):
    """The part of `bot.engine.Engine` the curator's reports use."""

    threshold: float

    def rank(self, question: str, limit: int = 5) -> list[Match]: ...


class Folder:
    """Reduces a question to the words that carry its meaning, for grouping.

    Uses the pack's own synonyms and stems so "cost of a stem cell transplant" and "HSCT costs"
    land together. A synonym's canonical phrase becomes its initials ("hsct"): a character
    scorer would otherwise find any two questions naming it alike.
    """

    def __init__(self, synonyms: dict[str, tuple[str, ...]] | None = None):
        self._synonyms = Synonyms(synonyms)

    def __call__(self, text: str) -> str:
        out = []
        for w in self._synonyms.apply(words(text)):
            if "_" in w:
                out.append("".join(part[:1] for part in w.split("_")))
            elif w not in STOPWORDS:  # too common to tell two questions apart
                out.append(stem(w))
        return " ".join(out)


def cluster(keys: Sequence[str], weights: Sequence[int],
            cutoff: float = GROUP_CUTOFF, workers: int = -1) -> list[list[int]]:
    """Greedy leader clustering: most-weighted first, each leader takes its free neighbours.

    Every member is similar to its group's leader (unlike connected components, which chain
    unrelated questions together). The similarity matrix is computed by rapidfuzz in blocks so
    10,000 questions need ~10 MB at a time. Returns groups of indexes, leader first.
    """
    n = len(keys)
    if n == 0:
        return []
    blocks = []
    for start in range(0, n, BLOCK):
        scores = process.cdist(keys[start:start + BLOCK], keys, scorer=fuzz.token_sort_ratio,
                               score_cutoff=cutoff, dtype=np.uint8, workers=workers)
        blocks.append(sparse.csr_matrix(scores))
    graph = sparse.vstack(blocks, format="csr")
    order = sorted(range(n), key=lambda i: (-weights[i], keys[i]))
    group_of = np.full(n, -1, dtype=np.int64)
    groups: list[list[int]] = []
    for leader in order:
        if group_of[leader] >= 0:
            continue
        row = graph.indices[graph.indptr[leader]:graph.indptr[leader + 1]]
        free = row[group_of[row] < 0]
        group_of[free] = len(groups)
        group_of[leader] = len(groups)
        members = sorted((int(i) for i in free if i != leader),
                         key=lambda i: (-weights[i], keys[i]))
        groups.append([leader, *members])
    return groups


@dataclass(frozen=True)
class Phrasing:
    text: str  # as a reader typed it (the most common spelling of this wording)
    count: int


@dataclass(frozen=True)
class Closest:
    entry: str
    question: str
    score: float
    coverage: float = 1.0

    def near(self, threshold: float) -> bool:
        """Close enough that a new phrasing, not new knowledge, would answer it."""
        return self.score >= threshold - NEAR_THRESHOLD and self.coverage >= MIN_COVERAGE


@dataclass(frozen=True)
class Group:
    """Questions that ask the same thing, with the entry that comes closest to answering it."""

    count: int  # asks in total
    phrasings: tuple[Phrasing, ...]  # distinct wordings, most asked first
    closest: Closest | None
    answered_with: str | None = None  # for 👎 groups: the entry readers found unhelpful

    @property
    def representative(self) -> str:
        return self.phrasings[0].text


def group_questions(rows: Iterable[tuple[str, int]], folder: Folder, engine: Ranker,
                    answered_with: str | None = None) -> list[Group]:
    """(question, count) rows -> groups of similar questions, largest first."""
    by_key: dict[str, dict[str, int]] = {}
    for text, count in rows:
        text = " ".join(text.split())
        key = folder(text) or normalise(text)
        if key:
            spellings = by_key.setdefault(key, {})
            spellings[text] = spellings.get(text, 0) + count
    keys = list(by_key)
    weights = [sum(by_key[k].values()) for k in keys]
    groups: list[Group] = []
    for members in cluster(keys, weights):
        phrasings = tuple(Phrasing(max(by_key[keys[i]].items(), key=lambda kv: kv[1])[0],
                                   weights[i]) for i in members)
        ranked = engine.rank(phrasings[0].text, limit=1)
        closest = (Closest(ranked[0].entry.id, ranked[0].entry.question,
                           round(float(ranked[0].score), 1),
                           ranked[0].coverage) if ranked else None)
        groups.append(Group(sum(p.count for p in phrasings), phrasings, closest,
                            answered_with))
    groups.sort(key=lambda g: (-g.count, g.representative))
    return groups
