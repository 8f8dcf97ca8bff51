"""What the engine decides, and the decision itself: answer, ask which, or decline.

Pure data every front end and reply composer reads; `decide` is apart from the engine so
benchmarks can sweep thresholds over one ranking.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.knowledge import Entry
from bot.outcomes import DeclineReason, Outcome
from bot.text import words
from bot.tuning import FAMILIAR_LEAD, FAMILIAR_SHARE, LONG_LEAD, LONG_MESSAGE, LONG_SHARE


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float  # 0-100: the engine's confidence that this entry answers the question
    # Share of the question's content words the entry's own words cover. Low coverage means
    # the question asks about something the entry never mentions, not a new phrasing of it.
    coverage: float = 1.0


@dataclass(frozen=True)
class Answer:
    question: str
    match: Match
    runners_up: tuple[Match, ...] = ()
    related: tuple[Entry, ...] = ()  # what a reader may ask next (buttons under the answer)
    # The message's other questions, each answered by an entry of its own ("what is HSCT? is
    # it safe for old people?"): shown with it, so no question is silently dropped
    also: tuple[Answer, ...] = ()
    outcome = Outcome.ANSWERED

    @property
    def entry(self) -> Entry:
        return self.match.entry

    @property
    def score(self) -> float:
        return self.match.score


@dataclass(frozen=True)
class Ambiguous:
    """Two or more entries fit about equally well: the reader picks ("Did you mean...")."""

    question: str
    candidates: tuple[Match, ...]
    outcome = Outcome.AMBIGUOUS

    @property
    def score(self) -> float:
        return self.candidates[0].score

    @property
    def offered(self) -> tuple[Entry, ...]:
        """The questions the reply offers as buttons."""
        return tuple(m.entry for m in self.candidates)


@dataclass(frozen=True)
class Declined:
    """Nothing answers the question confidently; `suggestions` are questions it can answer."""

    question: str
    suggestions: tuple[Entry, ...]
    closest: Match | None = None
    reason: DeclineReason = DeclineReason.NOT_IN_ARTICLE
    outcome = Outcome.DECLINED

    @property
    def score(self) -> float:
        return self.closest.score if self.closest else 0.0

    @property
    def offered(self) -> tuple[Entry, ...]:
        """The questions the reply offers as buttons: one when the message was not understood
        (gibberish, a bare number: nearness means little), else every suggestion."""
        if self.reason is DeclineReason.NOT_UNDERSTOOD:
            return self.suggestions[:1]
        return self.suggestions


Result = Answer | Ambiguous | Declined


def decide(question: str, ranked: Sequence[Match], threshold: float,
           margin: float, lead: float = 0.0, familiar: bool = False) -> Result:
    """The decision alone, so benchmarks can sweep thresholds over one ranking.

    A runner-up within `margin` that also clears the threshold is a second answer; one within
    `lead`, whatever its score, means the first is not sure enough to be given alone.
    `familiar`: the message asks, in words the knowledge uses only (`FAMILIAR_LEAD`).
    """
    if not ranked or not _sure(question, ranked, threshold, familiar):
        return Declined(question, (), ranked[0] if ranked else None)
    top = ranked[0].score
    close = [m for m in ranked[1:3]
             if top - m.score < lead or (m.score >= threshold and top - m.score < margin)]
    if close:
        return Ambiguous(question, (ranked[0], *close))
    return Answer(question, ranked[0], tuple(ranked[1:4]))


def _sure(question: str, ranked: Sequence[Match], threshold: float, familiar: bool) -> bool:
    """Over the threshold, or far ahead of the next entry in a long message (the story around
    a question is words no entry has, and they lower every entry's score alike) or in one
    made only of the knowledge's own words (`FAMILIAR_LEAD`)."""
    top = ranked[0].score
    if top >= threshold:
        return True
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    if len(words(question)) >= LONG_MESSAGE:
        return top >= LONG_SHARE * threshold and top >= LONG_LEAD * runner_up
    return (familiar and top >= FAMILIAR_SHARE * threshold
            and top >= FAMILIAR_LEAD * runner_up > 0)


