"""The classifier that joins knowledge with one topic and many phrasings per entry."""

from __future__ import annotations

from itertools import product

import numpy as np
import pytest

from bot.engine import Engine
from bot.knowledge import Entry, Source, load_knowledge
from bot.results import Answer, Declined
from bot.tuning import CLASSIFIED_THRESHOLD, THRESHOLD
from tests.conftest import SHIPPED_KNOWLEDGE_DIR

SOURCE = Source("Card help", "An example bank", "https://example.org/help")


def _entry(entry_id: str, *slots: list[str]) -> Entry:
    """An entry whose phrasings are every combination of the slots' words."""
    questions = tuple(" ".join(w for w in words if w) for words in product(*slots))
    return Entry(entry_id, SOURCE.title, questions, f"About {entry_id}.", SOURCE)


# One topic (every entry is about "card"), over 100 phrasings each: a bank's intents.
CARD_HELP = [
    _entry("card-arrival", ["when will", "how long until", "how soon will", "when does"],
           ["my", "the"], ["new", "replacement", "", "ordered"],
           ["card arrive", "card come", "card be delivered", "card get here"]),
    _entry("card-pin", ["how do i", "can i", "where do i", "i want to"],
           ["change", "reset", "update", "set"], ["my", "the"],
           ["card pin", "pin number", "pin code", "pin for my card"]),
    _entry("top-up-limit", ["what is the", "is there a", "how high is the", "tell me the"],
           ["top up", "top-up", "topping up", "maximum top up"],
           ["limit", "cap", "maximum amount", "ceiling"], ["", "on my card", "for my account"]),
]


def test_a_topic_with_many_phrasings_per_entry_is_served_with_a_classifier() -> None:
    engine = Engine(CARD_HELP, answer_types=False)
    assert engine.index.classifier is not None
    assert engine.threshold == CLASSIFIED_THRESHOLD
    assert Engine(CARD_HELP, threshold=40.0).threshold == 40.0  # an operator's choice stands


def test_the_seed_pack_and_a_general_assistant_are_served_without_one() -> None:
    seed = Engine.from_knowledge(load_knowledge(SHIPPED_KNOWLEDGE_DIR))
    assert seed.index.classifier is None and seed.threshold == THRESHOLD
    # Many phrasings per entry, but no one topic: weather, music and cooking.
    general = [_entry(name, ["what is", "tell me", "where is", "i want"], ["the", "a", "my"],
                      [f"{name} {word}" for word in words], ["", "now", "please", "today"])
               for name, words in (("weather", ("forecast", "report", "outlook")),
                                   ("music", ("playlist", "song", "album")),
                                   ("recipe", ("idea", "list", "book")))]
    assert Engine(general, answer_types=False).index.classifier is None


def test_a_near_miss_in_the_topics_own_words_is_declined_and_questions_still_answered(
        ) -> None:
    classified = Engine(CARD_HELP, answer_types=False)
    plain = Engine(CARD_HELP, answer_types=False, classify=False)
    near_miss = "what about my card"  # about a card, but none of the words that decide
    assert isinstance(plain.ask(near_miss), Answer)
    assert isinstance(classified.ask(near_miss), Declined)
    for question, expected in (("when is my replacement card going to arrive", "card-arrival"),
                               ("how can i reset the pin on my card", "card-pin"),
                               ("whats the maximum top up on my account", "top-up-limit")):
        result = classified.ask(question)
        assert isinstance(result, Answer) and result.entry.id == expected, question


def test_the_classifiers_probabilities_follow_the_deciding_words() -> None:
    index = Engine(CARD_HELP, answer_types=False).index
    classifier = index.classifier
    assert classifier is not None
    ids, _ = index.words.counts(["pin", "code"])
    posterior = np.exp(classifier.log_posterior(ids))
    assert posterior.sum() == pytest.approx(1.0, abs=1e-5)
    assert posterior.argmax() == 1 and posterior[1] > 0.5  # card-pin
    unknown = classifier.log_posterior(np.empty(0, dtype=np.int64))
    assert np.allclose(np.exp(unknown), 1 / 3)  # no deciding word: no opinion
