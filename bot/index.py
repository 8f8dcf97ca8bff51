"""The search index behind the engine: phrasings -> per-entry similarity scores.

Four views of similarity are blended, because each fails differently:
- word TF-IDF against each entry's centroid (what the entry is about as a whole);
- word TF-IDF against its nearest phrasings (a reader's exact wording);
- character n-gram TF-IDF, centroid and nearest phrasings (typos, word forms, run-together words).
Centroid scores cost one sparse product over the entries, so they are computed for all;
nearest-phrasing scores come from inverted postings, so their cost follows the query's rarer
words rather than the number of phrasings. Nothing here knows about Telegram or packs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
from scipy import sparse

from bot.bayes import WordBayes
from bot.classifier import Classifier
from bot.rows import accumulate, gather

K_NEAREST = 3  # phrasings averaged per entry: robust to one odd phrasing, cheap to compute
CHAR_N = (2, 5)
WEIGHTS = {"word_centroid": 1.0, "char_centroid": 0.5, "word_nearest": 1.0, "char_nearest": 0.5}
# Features in more phrasings than this share add cost to nearest-phrasing search, not
# discrimination (the centroids still use them). Character n-grams are far more common.
MAX_POSTING_SHARE = {"words": 0.05, "chars": 0.01}
TOP_PHRASINGS = 256  # nearest phrasings kept per query: enough for K of every close entry


def char_ngrams(tokens: Sequence[str]) -> list[str]:
    """Character n-grams inside word boundaries, as scikit-learn's `char_wb` makes them."""
    grams: list[str] = []
    lo, hi = CHAR_N
    for token in tokens:
        padded = f" {token} "
        size = len(padded)
        grams += [padded[i:i + n] for n in range(lo, min(hi, size) + 1)
                  for i in range(size - n + 1)]
    return grams


def word_features(tokens: Sequence[str]) -> list[str]:
    return [*tokens, *(f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False))]


@dataclass
class _Space:
    """One TF-IDF feature space: vocabulary, idf, phrasing postings and entry centroids."""

    vocab: dict[str, int]
    idf: np.ndarray
    postings: sparse.csr_matrix  # feature x phrasing, rows pruned of over-common features
    centroids: sparse.csr_matrix  # feature x entry

    @classmethod
    def build(cls, counts: sparse.csr_matrix, vocab: dict[str, int], owners: np.ndarray,
              n_entries: int, max_share: float, scale: np.ndarray | None = None) -> _Space:
        """From feature x phrasing counts (no duplicate entries): TF-IDF, postings, centroids.

        Feature-major throughout, so no phrasing-major copy is made: document frequencies
        are the row lengths, and the weighted matrix is already the postings.
        """
        n = counts.shape[1]
        docs = sparse.csr_matrix(counts, dtype=np.float32)
        lengths = np.diff(docs.indptr)
        df = lengths.astype(np.float32)
        idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
        data = docs.data  # 10 million values at 100,000 phrasings: changed in place
        np.log(data, out=data)
        data += 1.0
        data *= np.repeat(idf, lengths)  # sublinear TF-IDF
        data /= _column_norms(docs, n)[docs.indices]  # each phrasing of unit length
        if scale is not None and (scale != 1.0).any():
            data *= scale[docs.indices]
        owned = sparse.csr_matrix((np.ones(n, dtype=np.float32), (np.arange(n), owners)),
                                  shape=(n, n_entries))
        centroids = docs @ owned  # feature x entry: the sum of each entry's phrasings
        centroids.data /= _column_norms(centroids, n_entries)[centroids.indices]
        centroids.sort_indices()
        common = df > max(max_share * n, 50)
        postings = _drop_rows(docs, common) if common.any() else docs
        return cls(vocab, idf, postings, centroids)

    def counts(self, features: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
        """(feature ids, how often each occurs) of a query; unknown features are dropped."""
        counts = Counter(j for f in features if (j := self.vocab.get(f)) is not None)
        return (np.fromiter(counts.keys(), dtype=np.int64, count=len(counts)),
                np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))

    def vector(self, features: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
        """(feature ids, L2-normalised weights) of a query; unknown features are dropped."""
        ids, counts = self.counts(features)
        if not len(ids):
            return ids, counts
        tf = 1.0 + np.log(counts)
        weights = tf * self.idf[ids]
        return ids, (weights / np.linalg.norm(weights)).astype(np.float32)

    def centroid_scores(self, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        return accumulate(self.centroids, ids, weights,
                          self.centroids.shape[1]).astype(np.float32)

    def phrasing_scores(self, ids: np.ndarray, weights: np.ndarray,
                        keep: int = TOP_PHRASINGS) -> tuple[np.ndarray, np.ndarray]:
        """(phrasing indices, similarity) of the `keep` phrasings nearest the query.

        Sums run over the postings of the query's features only, so the cost follows how
        many phrasings share its rarer words, not how many phrasings there are.
        """
        if not len(ids):
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        hits, scaled = gather(self.postings, ids, weights)
        if not len(hits):
            return hits, scaled
        phrasings, inverse = np.unique(hits, return_inverse=True)
        sums = np.bincount(inverse, weights=scaled).astype(np.float32)
        if len(sums) > keep:
            top = np.argpartition(sums, -keep)[-keep:]
            phrasings, sums = phrasings[top], sums[top]
        return phrasings, sums


def _with_bigrams(tokens: sparse.csr_matrix, flat: np.ndarray, doc: np.ndarray,
                  names: list[str]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Word features (`word_features`) x phrasing counts: the tokens', then the bigrams'."""
    vocab = {name: i for i, name in enumerate(names)}
    same = doc[1:] == doc[:-1]
    first, second, where = flat[:-1][same], flat[1:][same], doc[1:][same]
    size = tokens.shape[1]
    pairs, which = np.unique(first * size + second, return_inverse=True)
    for j, key in enumerate(pairs.tolist()):
        vocab[f"{names[key // size]} {names[key % size]}"] = size + j
    bigrams = sparse.csr_matrix(
        (np.ones(len(which), dtype=np.float32), (which.ravel(), where)),
        shape=(max(len(pairs), 1), tokens.shape[0]))
    return sparse.vstack([tokens.T.tocsr(), bigrams], format="csr"), vocab


def _column_norms(matrix: sparse.csr_matrix, size: int) -> np.ndarray:
    """L2 length of each column (1 for an empty one), summed in float64 row by row."""
    squares = sparse.csr_matrix((np.square(matrix.data, dtype=np.float64), matrix.indices,
                                 matrix.indptr), shape=(matrix.shape[0], size))
    norms = np.sqrt(np.ones(matrix.shape[0]) @ squares).astype(np.float32)
    norms[norms == 0] = 1.0
    return norms


def _drop_rows(matrix: sparse.csr_matrix, drop: np.ndarray) -> sparse.csr_matrix:
    """The same matrix with the rows marked in `drop` emptied."""
    lengths = np.diff(matrix.indptr)
    keep = np.repeat(~drop, lengths)
    indptr = np.r_[0, np.cumsum(np.where(drop, 0, lengths))]
    return sparse.csr_matrix((matrix.data[keep], matrix.indices[keep], indptr),
                             shape=matrix.shape)


def nearest_per_entry(phrasings: np.ndarray, scores: np.ndarray, owners: np.ndarray,
                      n_entries: int, k: int = K_NEAREST) -> np.ndarray:
    """Mean of each entry's k best phrasing scores (missing phrasings count as 0)."""
    out = np.zeros(n_entries, dtype=np.float32)
    if not len(phrasings):
        return out
    entry = owners[phrasings]
    order = np.lexsort((-scores, entry))
    entry, scores = entry[order], scores[order]
    starts = np.flatnonzero(np.r_[True, entry[1:] != entry[:-1]])
    rank = np.arange(len(entry)) - np.repeat(starts, np.diff(np.r_[starts, len(entry)]))
    keep = rank < k
    np.add.at(out, entry[keep], scores[keep])
    return out / k


class Index:
    """Per-entry similarity of a tokenised query, blended from the four views above."""

    def __init__(self, phrasings: Sequence[Sequence[str]], owners: Sequence[int],
                 n_entries: int, weights: Sequence[float] | None = None,
                 classify: bool = False, char_weight: float | None = None):
        """`weights` scale each phrasing's vector (default 1): less telling texts count less.
        `classify` also trains a `Classifier` (seconds, not milliseconds) on the same words.
        `char_weight`: each character view's weight in the blend, in place of `WEIGHTS`'."""
        self.blend = dict(WEIGHTS)
        if char_weight is not None:
            self.blend.update(char_centroid=char_weight, char_nearest=char_weight)
        self.owners = np.asarray(owners, dtype=np.int64)
        scale = None if weights is None else np.asarray(weights, dtype=np.float32)
        self.n_entries = n_entries
        # Both spaces are built from distinct tokens, not from every phrasing's features: a
        # phrasing x token count matrix times each token's features (its character n-grams;
        # the word space adds its bigrams), so the cost follows the vocabulary, in C loops.
        # Token ids by C-level maps over the flattened phrasings: a Python loop per token
        # is most of the build at 100,000 phrasings.
        names = list(dict.fromkeys(chain.from_iterable(phrasings)))
        ids = {name: i for i, name in enumerate(names)}
        lengths = np.fromiter(map(len, phrasings), dtype=np.int64, count=len(phrasings))
        flat = np.fromiter(map(ids.__getitem__, chain.from_iterable(phrasings)),
                           dtype=np.int64, count=int(lengths.sum()))
        n = len(phrasings)
        doc = np.repeat(np.arange(n, dtype=np.int64), lengths)
        size = max(len(names), 1)
        tokens = sparse.csr_matrix((np.ones(len(flat), dtype=np.float32), (doc, flat)),
                                   shape=(n, size))
        tokens.sum_duplicates()
        word_counts, word_vocab = _with_bigrams(tokens, flat, doc, names)
        self.bayes = WordBayes(word_counts, self.owners, n_entries)
        self.classifier = (Classifier(word_counts, self.owners, n_entries) if classify
                           else None)
        self.words = _Space.build(word_counts, word_vocab, self.owners,
                                  n_entries, MAX_POSTING_SHARE["words"], scale)
        # Each distinct token's n-grams, ids in order of first appearance.
        per_name = [char_ngrams((name,)) for name in names]
        every = list(chain.from_iterable(per_name))
        grams = {gram: i for i, gram in enumerate(dict.fromkeys(every))}
        cols = np.fromiter(map(grams.__getitem__, every), dtype=np.int64, count=len(every))
        rows = np.repeat(np.arange(len(names), dtype=np.int64),
                         np.fromiter(map(len, per_name), dtype=np.int64, count=len(names)))
        per_token = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                                      shape=(size, max(len(grams), 1)))
        self.chars = _Space.build((tokens @ per_token).T.tocsr(), grams, self.owners,
                                  n_entries, MAX_POSTING_SHARE["chars"], scale)

    def second_opinions(self, tokens: Sequence[str], entries: np.ndarray
                        ) -> tuple[np.ndarray, np.ndarray]:
        """Of `entries`: how much less likely naive Bayes finds each than the likeliest (<= 0),
        and the classifier's log P(entry | words) (0, no opinion, without one). The question's
        word features are counted once for both."""
        ids, counts = self.words.counts(word_features(tokens))
        shortfall = self.bayes.shortfall(ids, counts, entries)
        if self.classifier is None:
            return shortfall, np.zeros(len(entries))
        return shortfall, self.classifier.log_posterior(ids)[entries]

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """Blended similarity (0-1) of the query to every entry."""
        total = np.zeros(self.n_entries, dtype=np.float32)
        for space, features, centroid, nearest in (
            (self.words, word_features(tokens), "word_centroid", "word_nearest"),
            (self.chars, char_ngrams(tokens), "char_centroid", "char_nearest"),
        ):
            ids, weights = space.vector(features)
            total += self.blend[centroid] * space.centroid_scores(ids, weights)
            hits, sims = space.phrasing_scores(ids, weights)
            total += self.blend[nearest] * nearest_per_entry(hits, sims, self.owners,
                                                             self.n_entries)
        return total / sum(self.blend.values())
