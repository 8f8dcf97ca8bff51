"""How the engine ranks a reader's message: as written, by its parts, and through the ways
readers wrap a question (an aside to the bot, "explain like I'm five", "in one line", a claim
to check, "what does X mean?"). Each reading is scored by the engine and each entry keeps
its best score, so a wrapping never hides the question inside it.

A mixin of `bot.engine.Engine`: the engine scores one text (`_rank`); this decides which
texts a message stands for.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Sequence
from itertools import chain

from bot.asking import asked_part, questions_in, told_part, with_lost_stop
from bot.claims import bare_claim, checked_claim
from bot.focus import Focus
from bot.framing import unaddressed, without_courtesy, without_hearsay, without_interjection
from bot.knowledge import Entry
from bot.readings import (
    article_asked,
    asked_in_letter,
    briefly_asked,
    in_question_order,
    indirectly_asked,
    meant_word,
    plainly_asked,
    topic_first,
    what_happens_then,
    without_purpose,
)
from bot.rephrasings import (
    first_of_its_kind,
    judged_fact,
    outcome_by_factor,
    study_as_report,
    summary_of_what,
    verbs_joined,
)
from bot.results import Match
from bot.text import (
    MAX_QUESTION_CHARS,
    QUESTION_WORDS,
    STOPWORDS_STEMMED,
    Synonyms,
    base_form,
    stem,
    words,
)
from bot.treatment_names import TreatmentNames
from bot.tuning import SUGGEST_SHARE

CACHED_MESSAGES = 4096  # rankings kept: a group repeats its questions, a benchmark its phrasings


class MessageRanking(ABC):
    """`rank`: a message's entries, best first, over every reading of it."""

    focus: Focus
    synonyms: Synonyms

    def _prepare_readings(self, entries: Sequence[Entry], default: float,
                          phrasings: Sequence[Sequence[str]] = ()) -> None:
        """`default`: the knowledge's own threshold, so a caller's never changes a ranking;
        `phrasings`: the entries' phrasings as tokens, to find the knowledge's subject."""
        # the knowledge's subject: of its topic's terms in more than a word ("stem cell
        # transplant"), the one most phrasings use; what "it" in a story's question stands for
        named = Counter(t for phrasing in phrasings for t in set(phrasing)
                        if "_" in t and t in self.focus.anchors)
        self._subject = named.most_common(1)[0][0] if named else None
        # its shorter names ("stem cells" of "stem cell treatment"), read as it where they
        # name the treatment
        self._treatment_names = TreatmentNames.of(
            self.synonyms.variants_of(self._subject) if self._subject else [])
        # each passage's own words, as written (no synonyms): the words it can explain
        self._answer_stems = {e.id: _own_stems(e.answer) for e in entries}
        # a question scoring under this is plainly beyond the knowledge
        # (`_beside_a_question_beyond`)
        self._beyond = SUGGEST_SHARE * default
        # the bar for a reading to stand in for the message (`rank`)
        self._bar = default
        self._cache: dict[str, list[Match]] = {}

    @abstractmethod
    def tokens(self, text: str, correct: bool = True) -> list[str]:
        """The engine's tokens of a text."""

    @abstractmethod
    def _rank(self, question: str, tokens: list[str],
              told: Sequence[str] = ()) -> list[Match]:
        """The engine's ranking of one text (`told`: the whole message's tokens)."""

    def rank(self, question: str, limit: int = 5) -> list[Match]:
        """Entries by confidence (0-100), best first; empty when nothing relates at all."""
        key = " ".join(unaddressed(question[:MAX_QUESTION_CHARS]).split())
        cached = self._cache.get(key)
        if cached is None:
            cached = self._rank_readings(key)
            reordered = in_question_order(key)
            if reordered:  # "..., stem cells can help me?": every reading of it asked as
                # "..., can stem cells help me?" too, as the phrasings ask
                cached = _better(cached, self._rank_readings(reordered))
            if len(self._cache) > CACHED_MESSAGES:
                self._cache.clear()
            self._cache[key] = cached
        return cached[:limit]

    def _rank_readings(self, key: str) -> list[Match]:
        """A message's entries over every reading of it (`rank`, before the cache)."""
        # "a summary of what HSCT is": what HSCT is, not the article's summary
        # "what did the study find": the report's findings, not a trial's (`study_as_report`)
        asked = (self._about_the_article(key) or summary_of_what(key)
                 or study_as_report(key) or key)
        best = self._rank_query(asked)
        brief = briefly_asked(key) if asked is key else None
        if brief:  # "who is it for, in one line": who it is for, said briefly, when that
            # alone is answered ("what does it say in one sentence" stays the summary)
            ranked = self._rank_query(brief)
            if ranked and ranked[0].score >= self._bar:
                best = ranked
        for reading in (
                without_courtesy(key),  # "hsct explain plz": without the courtesy
                without_interjection(key),  # "wait so you get chemo for this??"
                self._treatment_names.named(key),  # "do stem cells work...": the treatment
                without_hearsay(key),  # "the reset thing everyone talks about, what is it"
                plainly_asked(key)):  # "explain like I'm five why...": without the how
            if reading:  # the question read so, beside the message as typed
                best = _better(best, self._rank_query(reading))
        inner = indirectly_asked(key)
        if inner:  # "I should like to know whether...": the question inside
            best = _better(best, self._rank_message(inner))
        letter = asked_in_letter(key) if inner is None else None
        if letter:  # "Dear Sir, I am 72. I would be grateful to know whether...": the
            # question after the story, when that alone is answered (alone, it may raise
            # an entry the story kept down)
            ranked = self._rank_message(letter)
            if ranked and ranked[0].score >= self._bar:
                best = _better(best, ranked)
        return best

    def _about_the_article(self, message: str) -> str | None:
        """What "what does the article say about X?" asks of the article: X, when X is more than
        the knowledge's own topic ("...about older patients?" asks of them; "...about HSCT?"
        asks for the article's summary, as the whole message does) or a question of its own
        ("...about which patients benefit?")."""
        asked = article_asked(message)
        if asked is None:
            return None
        content = [t for t in self.tokens(asked) if t not in STOPWORDS_STEMMED]
        specific = any(t not in self.focus.anchors for t in content)
        return asked if specific or words(asked)[0] in QUESTION_WORDS else None

    def _rank_query(self, message: str) -> list[Match]:
        """`_rank_message`, with a search-box query's subject put in place ("hsct ms what is
        it" as "what is hsct ms": `topic_first`)."""
        return self._rank_message(topic_first(message) or message)

    def _rank_message(self, message: str) -> list[Match]:
        """A message ranked as a whole and by its parts."""
        tokens = self.tokens(message)
        ranked = self._rank(message, tokens)
        asked = asked_part(message)
        if asked:  # also scored alone; each entry keeps its better score
            asked_tokens = self.tokens(asked)
            ranked = _better(ranked, self._rank(asked, asked_tokens, told=tokens))
            named = self._named_in_story(told_part(message), asked_tokens)
            if named is not None:  # "My neuro mentioned HSCT. What is it?": what is HSCT
                alone = self._rank(asked, named)
                if alone and alone[0].score >= self._bar:
                    ranked = _better(ranked, alone)
        # "...so i can show my neuro", "...bot is that true?": the question, or the claim,
        # without the words around it
        # "I assume it's X, not Y - correct?": the claim alone
        for part in (without_purpose(message), checked_claim(message), bare_claim(message),
                     what_happens_then(message), judged_fact(message),
                     outcome_by_factor(message), first_of_its_kind(message),
                     verbs_joined(message)):
            if part:
                ranked = _better(ranked, self._rank(part, self.tokens(part)))
        # Only a lost stop, not a comma, is read as a story's end: in a FAQ's personal
        # questions the story names what is asked ("my 9 year old tested positive, how many
        # days does she stay home"); cut there, 3 of a blind FAQ's queries went to the wrong
        # entry for 2 reader questions gained.
        restored = with_lost_stop(message)
        if restored:  # "...i dont have time to read it whats it saying...": story, question
            ranked = _better(ranked, self._rank_message(restored))
        word = meant_word(message)
        if word:  # "what does depleted mean?": the passage that uses the word, alone
            used = _own_stems(word) - STOPWORDS_STEMMED
            ranked = _better(ranked, [m for m in self._rank(word, self.tokens(word))
                                      if used <= self._answer_stems[m.entry.id]])
        for first in self._beside_a_question_beyond(message):
            ranked = _better(ranked, first)
        return ranked

    def _named_in_story(self, story: str, asked: Sequence[str]) -> list[str] | None:
        """The question's tokens with "it" as the knowledge's subject, when the story before
        the question names it ("I was diagnosed in 2014. My neurologist mentioned HSCT but
        never explained it. What is it?": what is HSCT) and the question asks nothing else,
        what or how ("What actually is it?", "how does it work?"), in no words but the
        knowledge's topic's own. Only the subject: "...a
        project about her dad's MS. What is it?" may ask for anything the story names. None
        otherwise."""
        if (self._subject is None or _IT not in asked or asked[0] not in _WHAT_OR_HOW
                or not _OTHER_REFERENTS.isdisjoint(asked)
                or any(t not in STOPWORDS_STEMMED and t not in self.focus.anchors
                       for t in asked)
                or self._subject not in self.tokens(story)):
            # "..., is it?" checks a claim; "where was it?" asks of the story; "what does that
            # mean and is it true?" asks of what someone said
            return None
        at = list(asked).index(_IT)
        return [*asked[:at], self._subject, *asked[at + 1:]]

    def _beside_a_question_beyond(self, message: str) -> list[list[Match]]:
        """Each question's first entry, when a message asks two or more and one is plainly
        beyond the knowledge ("how much does it cost and do they collect the cells from marrow
        or blood?"): that one would keep the other from its answer. Each is scored in the
        message's story, not with the other's words. Only then: two questions the knowledge
        may answer are scored together, as the reader asked them (raising each one's entry
        answered more near misses of BANKING77 and ranked its few-shot FAQ worse)."""
        parts = questions_in(message)
        if not parts:
            return []
        story = self.tokens(told_part(message))
        firsts = []
        for part in parts:
            tokens = self.tokens(part)
            firsts.append(self._rank(part, tokens, told=story and [*story, *tokens])[:1])
        if all(first and first[0].score >= self._beyond for first in firsts):
            return []
        return firsts


_IT = stem("it")
_WHAT_OR_HOW = frozenset(map(stem, ("what", "how")))
_OTHER_REFERENTS = frozenset(map(stem, ("that", "this", "they", "them", "true")))


def _better(*rankings: Sequence[Match]) -> list[Match]:
    best: dict[str, Match] = {}
    for match in chain.from_iterable(rankings):
        if match.entry.id not in best or match.score > best[match.entry.id].score:
            best[match.entry.id] = match
    return sorted(best.values(), key=lambda m: -m.score)


def _own_stems(text: str) -> set[str]:
    """A text's words as the engine stems them, without synonyms: the words it says itself."""
    return {stem(base_form(w)) for w in words(text)}
