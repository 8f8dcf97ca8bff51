"""A second opinion on which entry a question's words belong to: multinomial naive Bayes.

The similarity views (`bot.index`) ask "which phrasings look like this question?"; naive
Bayes asks "which entry's wording would produce these words?". They err differently: a
question that shares one rare word with a phrasing of the wrong entry can look alike, while
the words it shares with the right entry's many phrasings pile up as evidence. Among the few
entries the similarity views put forward, the engine lowers those naive Bayes finds less
likely than the likeliest one.
Built from the same word-feature counts as the index, so it costs one sparse product.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from bot.rows import accumulate

ALPHA = 0.05  # additive smoothing: small, because phrasings are short and words telling


class WordBayes:
    """log P(words | entry) up to a constant, over unigram and bigram word features.

    Entries are taken as equally likely a priori: how many phrasings a curator wrote for an
    entry says nothing about how often readers ask it.
    """

    def __init__(self, counts: sparse.csr_matrix, owners: np.ndarray, n_entries: int,
                 alpha: float = ALPHA):
        """`counts`: feature x phrasing counts (the index's layout); `owners`: each phrasing's
        entry."""
        size, n = counts.shape
        assign = sparse.csr_matrix(
            (np.ones(n, dtype=np.float32), (np.arange(n), owners)), shape=(n, n_entries))
        per_entry = sparse.csr_matrix(counts @ assign)  # feature x entry counts
        per_entry.sum_duplicates()
        totals = np.asarray(per_entry.sum(axis=0), dtype=np.float64).ravel()
        # log P(f|e) = log(N_ef + a) - log(N_e + a V); the log(a) every entry shares is
        # dropped, so only the features an entry has seen are stored.
        per_entry.data = np.log1p(per_entry.data / alpha).astype(np.float32)
        self.evidence = per_entry
        self.norm = np.log(totals + alpha * size).astype(np.float32)

    def log_scores(self, ids: np.ndarray, counts: np.ndarray, entries: np.ndarray
                   ) -> np.ndarray:
        """log P(words | entry) of `entries`, up to a shared constant."""
        total = accumulate(self.evidence, ids, counts, self.evidence.shape[1])
        length = float(counts.sum())
        return total[entries] - length * self.norm[entries]

    def shortfall(self, ids: np.ndarray, counts: np.ndarray, entries: np.ndarray
                  ) -> np.ndarray:
        """How far each of `entries` falls behind the likeliest one, per word feature (<= 0).

        Per feature, because naive Bayes multiplies its evidence as if every word were
        independent: over a whole question the best entry looks near certain and the rest
        near impossible. The mean log-likelihood per feature keeps the order and a sense of
        proportion whatever the question's length.
        """
        if not len(entries) or not len(ids):
            return np.zeros(len(entries))
        scores = self.log_scores(ids, counts, entries)
        return (scores - scores.max()) / float(counts.sum())
