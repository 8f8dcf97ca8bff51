"""Naive Bayes as the engine's second opinion: it settles close calls, whatever the length."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

import bot.engine as engine_module
from bot.bayes import WordBayes
from bot.engine import Engine
from bot.knowledge import Entry, Source

SOURCE = Source("Bank FAQ", "a bank", "https://example.org/faq")


def _bayes() -> WordBayes:
    # Features 0-3; entry 0 uses 0 and 1 often, entry 1 uses 2 and 3, both use 1 once.
    counts = sparse.csr_matrix(np.array([[3, 2, 0, 0], [2, 1, 0, 0], [0, 1, 3, 2]],
                                        dtype=np.float32).T)  # feature x phrasing
    return WordBayes(counts, np.array([0, 0, 1]), 2)


def test_the_likeliest_entry_keeps_its_confidence_and_the_other_falls_behind() -> None:
    shortfall = _bayes().shortfall(np.array([0, 1]), np.array([1.0, 1.0]), np.array([0, 1]))
    assert shortfall[0] == 0.0
    assert shortfall[1] < 0.0


def test_repeating_a_question_does_not_make_naive_bayes_surer() -> None:
    bayes, entries = _bayes(), np.array([0, 1])
    once = bayes.shortfall(np.array([0, 2]), np.array([2.0, 1.0]), entries)
    twice = bayes.shortfall(np.array([0, 2]), np.array([4.0, 2.0]), entries)
    assert np.allclose(once, twice)


def test_a_question_with_no_known_words_has_no_shortfall() -> None:
    shortfall = _bayes().shortfall(np.empty(0, dtype=np.int64), np.empty(0), np.array([0, 1]))
    assert shortfall.tolist() == [0.0, 0.0]


def _entry(entry_id: str, questions: tuple[str, ...]) -> Entry:
    return Entry(entry_id, questions[0], questions, f"About {entry_id}.", SOURCE)


ARRIVAL = _entry("card-arrival", ("when will my card arrive", "my card has not arrived",
                                  "card still not here", "where is my new card",
                                  "has my card been sent", "card not arrived yet"))
LIMITS = _entry("card-limits", ("what is the limit on my card", "card spending limit",
                                "how much can i spend with my card", "daily card limit",
                                "is there a limit on my new card", "can i raise my card limit"))


def test_naive_bayes_lowers_the_runner_up_and_leaves_the_favourite_as_it_was(
        monkeypatch: pytest.MonkeyPatch) -> None:
    question = "is my new card here"
    with_bayes = Engine([ARRIVAL, LIMITS], answer_types=False).rank(question)
    monkeypatch.setattr(engine_module, "BAYES_WEIGHT", 0.0)
    without = Engine([ARRIVAL, LIMITS], answer_types=False).rank(question)
    assert [m.entry.id for m in with_bayes] == [m.entry.id for m in without] == [
        "card-arrival", "card-limits"]
    assert with_bayes[0].score == without[0].score
    assert with_bayes[1].score < without[1].score - 5
