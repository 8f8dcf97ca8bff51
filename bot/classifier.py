"""Which entry a question belongs to, learnt by telling the entries apart: a multinomial
logistic regression over the index's word features.

Naive Bayes and the similarity views judge each entry by its own words, so a question that
belongs to no entry but speaks the topic's everyday language ("can I verify my identity
online?" beside "why must I verify my identity?") looks as likely as one that belongs.
Trained to tell the entries apart, logistic regression learns which words decide between
them; on a question with none of them its probability spreads thin, and the engine's
confidence drops with it. It needs many phrasings per entry to learn that, and a knowledge
without one topic meets few such near misses (its out-of-scope questions are about other
things, which coverage catches), so the engine trains one only for knowledge with one topic
and many phrasings per entry (`bot.engine`).
"""

from __future__ import annotations

import numpy as np
from scipy import optimize, sparse

L2 = 3e-5  # weight penalty; with few iterations, stopping early regularises as much
ITERATIONS = 12  # L-BFGS steps: the held-out gain is made by then; more fit only the phrasings
MIN_PHRASINGS = 2  # features in fewer phrasings are names and typos, not deciding words
MAX_PHRASINGS = 6_000  # a larger knowledge trains on a fixed sample: reload time is bounded


class Classifier:
    """log P(entry | words) over every entry, from binary word features of unit length."""

    def __init__(self, counts: sparse.csr_matrix, owners: np.ndarray, n_entries: int):
        """`counts`: feature x phrasing counts (the index's layout); `owners`: each phrasing's
        entry."""
        features, n = counts.shape
        chosen = np.arange(n)
        if n > MAX_PHRASINGS:
            chosen = np.sort(np.random.default_rng(0).choice(n, MAX_PHRASINGS, replace=False))
        docs = sparse.csr_matrix(counts.T, dtype=np.float32)[chosen]  # phrasing x feature
        docs.data[:] = 1.0
        kept = np.flatnonzero(np.diff(sparse.csc_matrix(docs).indptr) >= MIN_PHRASINGS)
        docs = docs[:, kept].tocsr()
        lengths = np.sqrt(np.diff(docs.indptr)).astype(np.float32)
        lengths[lengths == 0] = 1.0
        docs = sparse.csr_matrix(sparse.diags(1.0 / lengths) @ docs)
        self.n_entries = n_entries
        self._row = np.full(features, -1, dtype=np.int64)
        self._row[kept] = np.arange(len(kept))
        self.weights = _fit(docs, owners[chosen], n_entries)

    @property
    def nbytes(self) -> int:
        """Memory its arrays hold."""
        return self.weights.nbytes + self._row.nbytes

    def log_posterior(self, ids: np.ndarray) -> np.ndarray:
        """log P(entry | the question's word features `ids`), for every entry."""
        rows = self._row[ids] if len(ids) else ids
        rows = rows[rows >= 0]
        if not len(rows):  # no deciding word at all: every entry as likely
            return np.full(self.n_entries, -np.log(self.n_entries))
        logits = self.weights[rows].sum(axis=0) / np.sqrt(len(rows))
        logits -= logits.max()
        return logits - np.log(np.exp(logits).sum())


def _fit(docs: sparse.csr_matrix, labels: np.ndarray, n_entries: int) -> np.ndarray:
    """Weights (feature x entry) minimising cross-entropy plus the L2 penalty."""
    n, features = docs.shape
    transposed = docs.T.tocsr()
    rows = np.arange(n)

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        weights = flat.reshape(features, n_entries).astype(np.float32)
        probs = docs @ weights
        probs -= probs.max(axis=1, keepdims=True)
        np.exp(probs, out=probs)
        probs /= probs.sum(axis=1, keepdims=True)
        value = -float(np.log(probs[rows, labels] + 1e-12).mean()) + L2 / 2 * float(flat @ flat)
        probs[rows, labels] -= 1.0
        gradient = transposed @ probs / n + L2 * weights
        return value, gradient.ravel().astype(np.float64)

    found = optimize.minimize(loss, np.zeros(features * n_entries), jac=True,
                              method="L-BFGS-B", options={"maxiter": ITERATIONS})
    return np.asarray(found.x, dtype=np.float32).reshape(features, n_entries)
