"""A learnt second look at a message the safety file's patterns let through.

Patterns catch the wordings someone thought of; measured on crisis sets written blind, each
new set found 15-20% of its crises worded in ways no pattern had. A logistic regression over
character and word n-grams, trained on every labelled crisis and control message we have and
on thousands of everyday requests (CLINC150, BANKING77) that share alarming words ("my card
is dead", "an emergency transfer"), generalises to many of those wordings. It only adds
catches: it runs when no pattern fired, and only a probability past the safety file's
`model_threshold` counts.

The model is trained offline and shipped as a file beside the safety file:

    python -m bot.safety_model [--datasets ../shared/datasets] [--out knowledge/safety_model.npz]

It records a digest of the labelled sets it learnt from; a test fails when they change and the
model was not trained again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from bot.safety import CrisisKind, fold

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import HashingVectorizer

    from bot.knowledge import Knowledge

DEFAULT_MODEL_FILE = "safety_model.npz"
FEATURES = 2 ** 17  # per analyser; collisions are rare at this size, the file stays small
C = 60.0  # inverse regularisation: see docs/measurements.md (safety_blind44)
TOLERANCE = 1e-6  # the fit's stopping tolerance (scikit-learn's default, 1e-4, stops early)
CONTROL = "control"
LABELS = (CONTROL, *(kind.value for kind in CrisisKind))


@lru_cache(maxsize=1)
def _vectorisers() -> tuple[HashingVectorizer, ...]:
    # Imported here, once: scikit-learn takes most of a second to import.
    from sklearn.feature_extraction.text import HashingVectorizer

    return (HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=FEATURES,
                              alternate_sign=False),
            HashingVectorizer(analyzer="word", ngram_range=(1, 2), n_features=FEATURES,
                              alternate_sign=False))


def features(texts: Sequence[str]) -> sparse.csr_matrix:
    """Character n-grams within words (typos, other languages) beside word pairs."""
    folded = [fold(text) for text in texts]
    return sparse.hstack([v.transform(folded) for v in _vectorisers()]).tocsr()


@lru_cache(maxsize=1)
def _hashing() -> tuple[Callable[[str], int], tuple[Callable[[str], list[str]], ...]]:
    """The vectorisers' hash and analysers, looked up once (scikit-learn is imported lazily)."""
    from sklearn.utils import murmurhash3_32

    return murmurhash3_32, tuple(v.build_analyzer() for v in _vectorisers())


def row(text: str) -> tuple[np.ndarray, np.ndarray]:
    """One message's `features` (column indices and values), hashed as the vectorisers hash
    them (murmurhash3 of each n-gram, its absolute value modulo the width; counts scaled to unit
    length per analyser) but without their per-call checks, which cost a message three times
    the hashing itself."""
    murmurhash3_32, analysers = _hashing()
    folded = fold(text)
    indices: list[int] = []
    values: list[float] = []
    for offset, analyse in zip((0, FEATURES), analysers, strict=True):
        counts = Counter(abs(murmurhash3_32(gram)) % FEATURES for gram in analyse(folded))
        length = math.sqrt(sum(count * count for count in counts.values()))
        for column, count in counts.items():
            indices.append(offset + column)
            values.append(count / length)
    return np.array(indices, dtype=np.int64), np.array(values)


@dataclass(frozen=True)
class SafetyModel:
    """Weights per label over hashed n-gram features; `crisis` says which kind, if any."""

    weights: sparse.csr_matrix  # labels x features
    bias: np.ndarray  # per label
    labels: tuple[str, ...]
    trained_on: dict[str, str]  # labelled set name -> sha256 of its text
    _columns: np.ndarray = field(init=False, repr=False, compare=False)  # features x labels

    def __post_init__(self) -> None:
        object.__setattr__(self, "_columns", self.weights.T.toarray())

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """P(label | text) for each text, labels in `self.labels` order."""
        # Row by row, only the features a message has: scipy's sparse-by-dense product walks
        # every row of the weights and costs milliseconds a message.
        scores = np.array([values @ self._columns[indices]
                           for indices, values in map(row, texts)])
        scores = scores.reshape(len(texts), len(self.labels)) + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        odds = np.exp(scores)
        return np.asarray(odds / odds.sum(axis=1, keepdims=True))

    def crisis(self, text: str, threshold: float) -> CrisisKind | None:
        """The likelier crisis kind when P(crisis) reaches `threshold`, else None."""
        (row,) = self.probabilities([text])
        if 1.0 - row[self.labels.index(CONTROL)] < threshold:
            return None
        kinds = [(row[self.labels.index(kind.value)], kind) for kind in CrisisKind]
        return max(kinds, key=lambda pair: pair[0])[1]

    def save(self, path: Path) -> None:
        coo = self.weights.tocoo()
        np.savez_compressed(path, rows=coo.row.astype(np.int8), cols=coo.col.astype(np.int32),
                            values=coo.data.astype(np.float32), bias=self.bias,
                            shape=np.array(coo.shape),
                            meta=np.array(json.dumps({"labels": self.labels,
                                                      "trained_on": self.trained_on})))

    @classmethod
    def load(cls, path: Path) -> SafetyModel:
        """The model in `path`, ready: scikit-learn's import (most of a second) is paid now,
        while the bot starts, not by the first reader the model looks at."""
        _vectorisers()
        with np.load(path) as data:
            meta = json.loads(str(data["meta"]))
            weights = sparse.csr_matrix((data["values"], (data["rows"], data["cols"])),
                                        shape=tuple(data["shape"]))
            return cls(weights, data["bias"], tuple(meta["labels"]), meta["trained_on"])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(labelled: Iterable[tuple[str, str]], everyday: Iterable[str],
          trained_on: dict[str, str]) -> SafetyModel:
    """Fit the regression. Each label weighs the same in total, however many examples; within
    the controls, the labelled ones (near misses, readers' questions, chat) weigh as much as
    all the unlabelled everyday text, because they are the ones that share a crisis's words."""
    from sklearn.linear_model import LogisticRegression

    labelled = list(labelled)
    everyday = list(everyday)
    rows = labelled + [(CONTROL, text) for text in everyday]
    targets = [label for label, _ in rows]
    counts = {label: targets[:len(labelled)].count(label) for label in LABELS}
    share = len(rows) / len(LABELS)  # each label's total weight
    sample = [share / counts[label] / (2 if label == CONTROL else 1) for label, _ in labelled]
    sample += [share / len(everyday) / 2] * len(everyday)
    # Fitted to convergence: at the default tolerance the fit stopped early, and which near-miss
    # controls crossed the threshold jumped with C and with every new text (docs/measurements.md)
    fit = LogisticRegression(C=C, max_iter=3000, tol=TOLERANCE).fit(
        features([text for _, text in rows]), targets, sample_weight=np.array(sample))
    order = [list(fit.classes_).index(label) for label in LABELS]
    weights = sparse.csr_matrix(fit.coef_[order].astype(np.float32))
    weights.eliminate_zeros()
    return SafetyModel(weights, fit.intercept_[order].astype(np.float64), LABELS, trained_on)


# CLINC150's and BANKING77-OOS's splits the model learns from; the rest stay unseen, for
# `bench/safety.py` to measure it on.
CLINC_TRAINED_ON = ("train", "oos_train")
TRAINED_ON, UNSEEN = "trained on", "unseen"


def everyday_splits(datasets: Path) -> dict[str, list[str]]:
    """CLINC150's and BANKING77-OOS's messages, when present, by whether the model trains on
    them (`TRAINED_ON`) or not (`UNSEEN`)."""
    splits: dict[str, list[str]] = {UNSEEN: [], TRAINED_ON: []}
    clinc = datasets / "clinc150" / "data_full.json"
    if clinc.exists():
        data: dict[str, Any] = json.loads(clinc.read_text(encoding="utf-8"))
        for split in (*CLINC_TRAINED_ON, *(s for s in data if s not in CLINC_TRAINED_ON)):
            side = TRAINED_ON if split in CLINC_TRAINED_ON else UNSEEN
            splits[side] += [text for text, _ in data[split]]
    banking = datasets / "banking77-oos"
    for path in sorted(banking.glob("**/seq.in")):
        side = TRAINED_ON if path.parent == banking / "train" else UNSEEN
        splits[side] += path.read_text(encoding="utf-8").splitlines()
    return splits


def main(argv: Sequence[str] | None = None) -> None:
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description="Train the safety screen's learnt model.")
    parser.add_argument("--sets", type=Path, default=root / "tests" / "data",
                        help="folder of labelled safety sets (safety*.tsv)")
    parser.add_argument("--datasets", type=Path, default=root.parent / "shared" / "datasets",
                        help="folder holding clinc150/ and banking77-oos/ (optional)")
    parser.add_argument("--knowledge", type=Path, default=root / "knowledge",
                        help="knowledge folder: its packs' questions and small talk are "
                             "everyday text too")
    parser.add_argument("--out", type=Path, default=root / "knowledge" / DEFAULT_MODEL_FILE)
    args = parser.parse_args(argv)
    from bot.evaluation import read_labelled
    from bot.knowledge import load_knowledge
    from bot.smalltalk import DEFAULT_SMALLTALK_FILE

    files = sorted(args.sets.glob("safety*.tsv"))
    labelled = [row for path in files for row in read_labelled(path) if row[0] in LABELS]
    labelled += [(CONTROL, text) for text in _labelled_everyday(args.sets)]
    knowledge = load_knowledge(args.knowledge)
    everyday = (everyday_splits(args.datasets)[TRAINED_ON]
                + _knowledge_text(knowledge, args.knowledge / DEFAULT_SMALLTALK_FILE)
                + _health_prose(knowledge, args.sets))
    model = train(labelled, everyday, {path.name: digest(path) for path in files})
    model.save(args.out)
    print(f"{args.out}: {len(labelled)} labelled messages from {len(files)} sets, "
          f"{len(everyday)} everyday texts, {model.weights.nnz} weights")


def _labelled_everyday(sets: Path) -> list[str]:
    """The labelled everyday chat, readers' questions on the seed article and the questions of
    the FAQs kept for tests: greetings to everyone, symptoms and risks asked about, not
    happening. The FAQs' reader queries stay unseen."""
    from bot.evaluation import question_files, read_labelled, read_questions

    texts = [q.question for path in question_files(sets) for q in read_questions(path)]
    texts += [text for path in sorted(sets.glob("smalltalk*.tsv"))
              for _, text in read_labelled(path)]
    return texts + [row["question"] for row in _faq_rows(sets) if row.get("question")]


def _health_prose(knowledge: Knowledge, sets: Path) -> list[str]:
    """Sentences of the shipped packs' articles and of the test FAQs' answers: fever,
    infection, overdoses and death told as health writing tells them, happening to nobody.
    Without them the model reads a health question's words as a crisis more often."""
    texts = [pack.source_text for pack in knowledge.packs]
    texts += [row["answer"] for row in _faq_rows(sets) if row.get("answer")]
    return [sentence.strip() for text in texts for sentence in _SENTENCE_END.split(text)
            if len(sentence.split()) >= 4]


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _faq_rows(sets: Path) -> list[dict[str, str]]:
    """The rows of the FAQs kept for tests (question, answer, ...)."""
    import csv

    rows: list[dict[str, str]] = []
    for path in sorted(sets.glob("**/*.csv")):
        with path.open(encoding="utf-8", newline="") as found:
            rows += csv.DictReader(found)
    return rows


def _knowledge_text(knowledge: Knowledge, small: Path) -> list[str]:
    """Questions of the shipped packs and small-talk phrasings: what readers say every day."""
    from bot.smalltalk_file import load_smalltalk

    texts = [q for entry in knowledge.entries for q in entry.questions]
    if small.exists():
        texts += [p for intent in load_smalltalk(small).intents.values() for p in intent.phrasings]
    return texts


if __name__ == "__main__":
    main()
