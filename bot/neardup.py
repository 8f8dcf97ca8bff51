"""Phrasings so alike across two entries that the engine could not tell them apart.

Comparing every phrasing with every other is quadratic in time and (with one similarity matrix)
in memory: 30,000 phrasings took 37 s and 3.7 GB. Two phrasings at `fuzz.ratio` >= 95 differ
by a few characters, so they share almost every word; each phrasing is therefore compared only
with phrasings sharing one of its rarest words (a "block"), in row chunks of bounded size.
Exact collisions (same normalised text) are found by a dictionary first, so the commonest case
never depends on the blocking.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

CUTOFF = 95  # fuzz.ratio at or above which two phrasings are "nearly identical"
KEY_WORDS = 3  # rarest distinct words of a phrasing that put it in a block
CHUNK_CELLS = 4_000_000  # similarity cells computed at once (uint8: 4 MB)


def near_pairs(texts: Sequence[str], owners: Sequence[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of normalised `texts` owned by different `owners`, ratio >= CUTOFF.

    Each pair is reported once, ordered by j then i, so the first phrasing "owns" the clash.
    """
    pairs: set[tuple[int, int]] = set()
    first_of: dict[str, int] = {}
    for j, text in enumerate(texts):
        i = first_of.setdefault(text, j)
        if i != j and owners[i] != owners[j]:
            pairs.add((i, j))
    for block in _blocks(texts):
        pairs.update(_similar_in(block, texts, owners))
    return sorted(pairs, key=lambda p: (p[1], p[0]))


def _blocks(texts: Sequence[str]) -> list[list[int]]:
    """Groups of phrasings sharing one of their KEY_WORDS rarest words (only groups of 2+)."""
    tokens = [tuple(dict.fromkeys(t.split())) for t in texts]
    frequency = Counter(w for ts in tokens for w in ts)
    members: dict[str, list[int]] = defaultdict(list)
    for index, words in enumerate(tokens):
        for word in sorted(words, key=lambda w: (frequency[w], w))[:KEY_WORDS]:
            members[word].append(index)
    return [m for m in members.values() if len(m) > 1]


def _similar_in(block: list[int], texts: Sequence[str],
                owners: Sequence[str]) -> set[tuple[int, int]]:
    choices = [texts[i] for i in block]
    rows = max(1, CHUNK_CELLS // len(block))
    found: set[tuple[int, int]] = set()
    for start in range(0, len(block), rows):
        scores = process.cdist(choices[start:start + rows], choices, scorer=fuzz.ratio,
                               score_cutoff=CUTOFF, dtype=np.uint8, workers=1)
        for r, c in zip(*np.nonzero(scores), strict=True):
            i, j = block[start + int(r)], block[int(c)]
            if i < j and owners[i] != owners[j]:
                found.add((i, j))
    return found
