"""Question -> `Answer` | `Ambiguous` | `Declined`. Pure: no Telegram, no I/O.

Health information is at stake, so the engine prefers declining to guessing: an answer needs
a score over `THRESHOLD`, and two entries within `MARGIN` of each other are offered as a
choice instead of picking one (within `SPARSE_LEAD` when the knowledge is a FAQ as published).
Those and the engine's other tuned parameters, with the evidence for each, are in `bot.tuning`.
"""

from __future__ import annotations

import gc
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import cached_property, wraps
from itertools import chain
from statistics import median
from typing import ParamSpec

import numpy as np

from bot.asking import asks, questions_in
from bot.engine_spelling import spell_readers_queries, speller
from bot.focus import Focus
from bot.framing import unaddressed
from bot.index import Index
from bot.knowledge import MIN_QUESTIONS, Entry, Knowledge
from bot.measures import ANY_MEASURE, ages_as_numbers, asks_for, holds
from bot.message_ranking import MessageRanking
from bot.outcomes import DeclineReason
from bot.quotes import Quotes
from bot.results import Answer, Declined, Match, Result, decide
from bot.text import (
    MAX_QUESTION_CHARS,
    STOPWORDS,
    STOPWORDS_STEMMED,
    Synonyms,
    base_form,
    stem,
    words,
    words_of,
)
from bot.tuning import (
    ALSO_ASKED,
    ALSO_LEAD,
    BAYES_WEIGHT,
    CANDIDATES,
    CLASSIFIED_THRESHOLD,
    CLASSIFIER_PHRASINGS,
    CLASSIFIER_WEIGHT,
    MARGIN,
    OFF_TOPIC_FACTOR,
    PASSAGE_WEIGHT,
    RELATED,
    SIMILARITY_SHARE,
    SPARSE_BAYES_WEIGHT,
    SPARSE_CHAR_WEIGHT,
    SPARSE_HEADLINE,
    SPARSE_LEAD,
    SPARSE_PASSAGE_LENGTH,
    SPARSE_PASSAGE_WEIGHT,
    SUGGEST_SHARE,
    THRESHOLD,
)

_P = ParamSpec("_P")


def _collector_paused(build: Callable[_P, None]) -> Callable[_P, None]:
    """`build` with Python's cycle collector paused: a build makes hundreds of thousands of
    lists and tuples, and each collection mid-build re-walks all it has made so far (a
    seventh of a build at 100,000 phrasings)."""
    @wraps(build)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> None:
        enabled = gc.isenabled()
        gc.disable()
        try:
            build(*args, **kwargs)
        finally:
            if enabled:
                gc.enable()
    return paused


class Engine(MessageRanking):
    """Matches questions to entries and decides: answer, ask which, or decline.

    The score is the blended similarity (`bot.index`) times how much of the question's
    meaning the entry's own words cover: a question that shares "HSCT" with an entry but asks
    about mortality or cost is mostly made of words no entry knows, and is declined.
    """

    @_collector_paused
    def __init__(self, entries: Sequence[Entry],
                 synonyms: Mapping[str, Sequence[str]] | None = None,
                 threshold: float | None = None, margin: float = MARGIN,
                 answer_types: bool = True, classify: bool | None = None,
                 lead: float | None = None):
        """`classify`: train the classifier (`CLASSIFIER_PHRASINGS`), and `lead`: how far the
        first entry must lead the next to be answered alone (`SPARSE_LEAD`); None decides
        each by the knowledge's shape."""
        self.entries = tuple(entries)
        if not self.entries:
            raise ValueError("the engine needs at least one entry")
        self._by_id = {e.id: e for e in self.entries}
        self.synonyms = Synonyms(synonyms)
        self.margin = margin
        # Which passages can answer "how many..." or "how long..." at all: one that gives a
        # number or a time, or whose own question asks for it (a FAQ's "When should I get
        # tested?" answered "if you have symptoms": colonoscopy and covid FAQs +0.3 points
        # ranked first, the seed pack's files unchanged; every phrasing's, not only the first,
        # would let 3 more of the seed's out-of-scope questions through). Off for benchmarks
        # whose entries are intent labels rather than passages.
        self._measures = [holds(e.answer) | asks_for(e.question) if answer_types
                          else ANY_MEASURE for e in self.entries]
        texts = list(dict.fromkeys(chain.from_iterable(
            (*entry.questions, entry.answer) for entry in self.entries)))
        split = dict(zip(texts, words_of(texts), strict=True))
        phrasings_each = median(len(e.questions) for e in self.entries)
        sparse = phrasings_each < MIN_QUESTIONS  # a FAQ as published
        if sparse:
            spell_readers_queries(self.entries, split, synonyms)
        # one C loop: 100,000 texts add up
        vocabulary: Counter[str] = Counter(chain.from_iterable(split.values()))
        # Each distinct text made canonical once; then per entry, not per phrasing, in C loops.
        canonical_of = dict(zip(split, map(self._canonical, split.values()), strict=True))
        used = set(chain.from_iterable(canonical_of.values()))
        # Misspellings are put right only toward words the knowledge uses, itself or through a
        # synonym of its own: a lexicon word for a term it never mentions (as "catching" for
        # contagious was) would turn a reader's real word ("watching") into an unknown one. Such
        # words are still known, so never corrected themselves.
        elsewhere: list[str] = []
        for canonical, variants in (synonyms or {}).items():
            phrase_words = [w for phrase in (canonical, *variants) for w in words(phrase)]
            if stem("_".join(words(canonical))) in used:
                vocabulary.update(phrase_words)
            else:
                elsewhere.extend(phrase_words)
        vocabulary.update(sorted(STOPWORDS))  # misspelt function words ("shoudnt") too; sorted,
        # so a tie between two corrections is broken the same way whatever the hash seed
        self.speller = speller(vocabulary, elsewhere)
        passage_weight = SPARSE_PASSAGE_WEIGHT if sparse else PASSAGE_WEIGHT
        self._bayes_weight = SPARSE_BAYES_WEIGHT if sparse else BAYES_WEIGHT
        owners: list[int] = []
        phrasings: list[list[str]] = []
        self._exact: dict[tuple[str, ...], int] = {}  # a curated phrasing, word for word
        self.quotes = Quotes([split[entry.answer] for entry in self.entries])
        vocabularies: list[frozenset[str]] = []
        weights: list[float] = []
        # In a FAQ as published, a passage longer than a question weighs as its words would in
        # questions (`SPARSE_PASSAGE_LENGTH`): a phrasing's vector is of unit length, so each
        # of a long passage's many words would count for little.
        question_length = (median(len(canonical_of[q]) for e in self.entries
                                  for q in e.questions) if sparse else 0)
        for index, entry in enumerate(self.entries):
            passage = canonical_of[entry.answer]
            questions = [canonical_of[question] for question in entry.questions]
            if passage_weight > 0:  # the answer is evidence too, though not a question
                owners.append(index)
                phrasings.append([t for t in passage if t not in STOPWORDS_STEMMED])
                weights.append(passage_weight * (
                    _passage_length(len(phrasings[-1]), question_length) if sparse else 1.0))
            owners.extend([index] * len(questions))
            phrasings.extend(questions)
            weights.extend([1.0] * len(questions))
            for key in map(tuple, questions):
                self._exact.setdefault(key, index)
            vocabularies.append(frozenset(passage).union(*questions))
        self.focus = Focus(vocabularies, phrasings)
        # A FAQ's own question, in its content words (with their weights and the total): what
        # its answer is about
        self._headlines: list[tuple[dict[str, float], float]] | None = None
        if sparse:
            self._headlines = []
            for entry in self.entries:
                said = frozenset(canonical_of[entry.question]) - STOPWORDS_STEMMED
                weights_of = {t: self.focus.weight[t] for t in said}
                self._headlines.append((weights_of, math.fsum(weights_of.values())))
        if classify is None:
            classify = self.focus.topical and phrasings_each >= CLASSIFIER_PHRASINGS
        if lead is None:
            lead = SPARSE_LEAD if sparse else 0.0
        self.lead = lead
        self.index = Index(phrasings, owners, len(self.entries), weights, classify=classify,
                           char_weight=SPARSE_CHAR_WEIGHT if sparse else None)
        self.focus.places = self.index.classifier is None
        default = THRESHOLD if self.index.classifier is None else CLASSIFIED_THRESHOLD
        self.threshold = default if threshold is None else threshold
        self._prepare_readings(self.entries, default, phrasings)
        self._related: np.ndarray | None = None  # entry x entry likeness, on first use

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge, threshold: float | None = None) -> Engine:
        return cls(knowledge.entries, knowledge.synonyms, threshold)

    # -- text to tokens -------------------------------------------------------------------

    def tokens(self, text: str, correct: bool = True) -> list[str]:
        """Words, spelling-corrected, synonyms made canonical, then stemmed.

        The knowledge itself is not corrected: its spelling is what corrections aim at.
        """
        if not correct:
            return self._canonical(words(text))
        return self._canonical(self.speller.correct_all(words(text)))

    def _canonical(self, text_words: Sequence[str]) -> list[str]:
        """Synonyms made canonical, then stemmed."""
        # A canonical synonym token ("bone_marrow") is not alphabetic, so `stem` keeps it.
        # An irregular past ("found") as its verb ("find"), once no synonym phrase holds it.
        return [stem(base_form(w)) for w in self.synonyms.apply(ages_as_numbers(text_words))]

    # -- ranking and deciding ---------------------------------------------------------------

    def entry(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def _rank(self, question: str, tokens: list[str],
               told: Sequence[str] = ()) -> list[Match]:
        """`tokens`: the question's (`tokens`); `told`: the whole message's, when `question`
        is the part of it that asks."""
        if not tokens or not _has_letters(question):  # "65", "?!", emoji: nothing to understand
            return []
        focus = OFF_TOPIC_FACTOR if self.focus.off_topic(tokens) else 1.0
        similarity = self.index.scores(tokens)
        exact = self._exact.get(tuple(tokens))
        if exact is None:
            exact = self.quotes.named(question)
        if exact is not None:
            similarity[exact] = 1.0
        top = np.argsort(-similarity)[:CANDIDATES]
        wants = asks_for(question)
        top = np.array([i for i in top if similarity[i] > 0
                        and (i == exact or wants <= self._measures[i])], dtype=np.int64)
        shortfall, posterior = self.index.second_opinions(tokens, top)
        doubt = np.exp(self._bayes_weight * (shortfall + CLASSIFIER_WEIGHT * posterior))
        content = self.focus.content(tokens, told)
        unsaid = self._unsaid(tokens, top)
        scored = []
        for i, belief, headline in zip(top, doubt, unsaid, strict=True):
            coverage = self.focus.coverage(content, int(i))
            confidence = focus * (float(similarity[i]) ** SIMILARITY_SHARE
                                  * coverage ** (1.0 - SIMILARITY_SHARE))
            if i != exact:
                confidence *= float(belief) * float(headline)
            if confidence > 0:
                scored.append(Match(self.entries[i], round(100.0 * confidence, 2),
                                    round(coverage, 3)))
        scored.sort(key=lambda m: -m.score)
        return scored

    def _unsaid(self, tokens: Sequence[str], top: np.ndarray) -> np.ndarray:
        """Of the entries `top`, in a FAQ as published: how far each falls behind the others
        for the words of its own question the reader did not say (1 for the one that says most
        of them; all 1 when the knowledge is not such a FAQ). `SPARSE_HEADLINE`."""
        if self._headlines is None or not len(top):
            return np.ones(len(top))
        asked = set(tokens)
        said = np.ones(len(top))
        for n, i in enumerate(top):
            headline, total = self._headlines[int(i)]
            if total:
                said[n] = math.fsum(w for t, w in headline.items() if t in asked) / total
        factor = SPARSE_HEADLINE + (1.0 - SPARSE_HEADLINE) * said
        return factor / factor.max()

    def ask(self, question: str) -> Result:
        ranked = self.rank(question, limit=CANDIDATES)
        familiar = asks(question) and self.focus.familiar(
            self.tokens(question[:MAX_QUESTION_CHARS]))
        result = decide(question, ranked, self.threshold, self.margin, self.lead, familiar)
        if isinstance(result, Declined):
            # two or more questions each answered alone, though not the message whole ("what
            # do they do to the immune system? how do the cells go back in? who is it for?")
            answers = self._each_asked(question)
            if len(answers) < 2:
                return Declined(question, self.suggest(question, ranked), result.closest,
                                self.why_declined(question))
            result, also = answers[0], answers[1:]
        elif isinstance(result, Answer):
            also = tuple(a for a in self._each_asked(question) if a.entry != result.entry)
        else:
            return result
        also = also[:ALSO_ASKED]
        shown = {result.entry, *(a.entry for a in also)}
        related = [e for e in self.related(result.entry, RELATED + len(also)) if e not in shown]
        return replace(result, related=tuple(related[:RELATED]), also=also)

    def _each_asked(self, message: str) -> tuple[Answer, ...]:
        """Of a message that asks two or more questions, those an entry of its own answers,
        each held to the threshold as if asked alone and well ahead of the next entry
        (`ALSO_LEAD`): a passage shown beside another must not be a close call."""
        found: list[Answer] = []
        for part in questions_in(message[:MAX_QUESTION_CHARS]):
            ranked = self.rank(part, limit=CANDIDATES)
            result = decide(part, ranked, self.threshold, self.margin, self.lead)
            if (isinstance(result, Answer)
                    and (len(ranked) < 2 or ranked[0].score >= ALSO_LEAD * ranked[1].score)
                    and all(a.entry != result.entry for a in found)):
                found.append(result)
        return tuple(found)

    @cached_property
    def _named(self) -> dict[str, list[str]]:
        """Each concept the synonyms name ("ms itself", for "what is MS"), as the words of its
        name: a reader who asks of one was understood, and about the topic when its name is
        (`why_declined`). On the first decline, not at every build."""
        return {stem(base_form(token)): [t for w in token.split("_") for t in self._canonical([w])]
                for token in self.synonyms.canonical_tokens()}

    def why_declined(self, question: str) -> DeclineReason:
        """Not understood (no words, a number, gibberish, one stray word), off the knowledge's
        topic, or on it but not in it: each gets its own reply. A message of words that name a
        concept of the synonyms is understood ("what is MS?" is not in the article, "high blood
        pressure food" is off it); one word alone ("hubby") is still no question."""
        question = unaddressed(question[:MAX_QUESTION_CHARS])
        if not _has_letters(question):
            return DeclineReason.NOT_UNDERSTOOD
        said = self.tokens(question)
        tokens = [t for token in said for t in self._named.get(token, (token,))]
        known = [t for t in tokens if self.focus.knows(t) or t in STOPWORDS_STEMMED]
        content = [t for t in tokens if t not in STOPWORDS_STEMMED]
        named = len(words(question)) > 1 and any(t in self._named for t in said)
        if not named and (
                not known or (len(tokens) == 1 and not (content and self.focus.knows(content[0])))):
            return DeclineReason.NOT_UNDERSTOOD
        if self.focus.off_topic(tokens):
            return DeclineReason.OFF_TOPIC
        return DeclineReason.NOT_IN_ARTICLE

    def pick(self, entry_id: str, question: str = "") -> Answer | None:
        """The answer to an entry the reader chose (a button, a deep link, an inline result).

        None when no entry has that id (a stale button after the knowledge changed).
        """
        entry = self._by_id.get(entry_id)
        if entry is None:
            return None
        return Answer(question or entry.question, Match(entry, 100.0),
                      related=self.related(entry))

    def suggest(self, question: str, ranked: Sequence[Match] | None = None,
                limit: int = 3) -> tuple[Entry, ...]:
        """Answerable questions nearest to what was asked (the first topics when none is)."""
        if ranked is None:
            ranked = self.rank(question, limit=limit)
        floor = SUGGEST_SHARE * self.threshold
        chosen = [m.entry for m in ranked if m.score >= floor][:limit]
        for entry in self.entries:
            if len(chosen) >= limit:
                break
            if entry not in chosen:
                chosen.append(entry)
        return tuple(chosen)

    def related(self, entry: Entry, limit: int = RELATED) -> tuple[Entry, ...]:
        """Entries whose questions are most alike this one's: what a reader may ask next."""
        if self._related is None:
            centroids = self.index.words.centroids
            self._related = np.asarray((centroids.T @ centroids).todense())
        i = self.entries.index(entry)
        order = [int(j) for j in np.argsort(-self._related[i]) if j != i]
        return tuple(self.entries[j] for j in order[:limit])


def _passage_length(words_in_passage: int, question_length: float) -> float:
    """How many times a passage's weight a passage of this many content words weighs, beside
    questions of `question_length` words: the square root of how much longer it is, so its
    words each weigh as a question's would; never less than 1 (an intent's name as its
    "passage" keeps its weight), at most `SPARSE_PASSAGE_LENGTH` times."""
    if question_length <= 0:
        return 1.0
    return float(np.clip(np.sqrt(words_in_passage / question_length), 1.0,
                         SPARSE_PASSAGE_LENGTH))


def _has_letters(text: str) -> bool:
    return any(any(ch.isalpha() for ch in w) for w in words(text[:MAX_QUESTION_CHARS]))
