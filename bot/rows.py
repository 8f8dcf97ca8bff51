"""Weighted sums over a few rows of a sparse matrix: how a query's features meet an index.

Shared by the similarity views (`bot.index`) and naive Bayes (`bot.bayes`), whose matrices are
both feature x something: a query touches a handful of feature rows, so gathering those rows
directly costs far less than scipy's sliced copy.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse


def gather(rows: sparse.csr_matrix, ids: np.ndarray, weights: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray]:
    """Column indices and weighted values of `rows[ids]`, without scipy's sliced copy."""
    starts = rows.indptr[ids]
    lengths = rows.indptr[ids + 1] - starts
    total = int(lengths.sum())
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
    return rows.indices[offsets], rows.data[offsets] * np.repeat(weights, lengths)


def accumulate(rows: sparse.csr_matrix, ids: np.ndarray, weights: np.ndarray,
               size: int) -> np.ndarray:
    """weights @ rows[ids] as a dense vector of `size` (float64 sums)."""
    if not len(ids):
        return np.zeros(size)
    columns, scaled = gather(rows, ids, weights)
    return np.bincount(columns, weights=scaled, minlength=size)
