"""Question -> `Answer` | `Ambiguous` | `Declined`. Pure: no Telegram, no I/O.

(First version: a plain fuzzy scan; the scoring is replaced by the tuned matcher.)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.knowledge import Entry, Knowledge
from bot.text import Synonyms, normalise


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float  # 0-100: the engine's confidence that this entry answers the question


@dataclass(frozen=True)
class Answer:
    question: str
    match: Match
    runners_up: tuple[Match, ...] = ()
    outcome = "answered"

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
    outcome = "ambiguous"

    @property
    def score(self) -> float:
        return self.candidates[0].score


@dataclass(frozen=True)
class Declined:
    """Nothing answers the question confidently; `suggestions` are questions it can answer."""

    question: str
    suggestions: tuple[Entry, ...]
    closest: Match | None = None
    outcome = "declined"

    @property
    def score(self) -> float:
        return self.closest.score if self.closest else 0.0


Result = Answer | Ambiguous | Declined


class Engine:
    def __init__(self, entries: Sequence[Entry],
                 synonyms: Mapping[str, Sequence[str]] | None = None,
                 threshold: float | None = None, margin: float = 3.0):
        self.entries = tuple(entries)
        self._by_id = {e.id: e for e in self.entries}
        self.synonyms = Synonyms(synonyms)
        self.threshold = 80.0 if threshold is None else threshold
        self.margin = margin
        self._owners: list[int] = []
        self._choices: list[str] = []
        for index, entry in enumerate(self.entries):
            for q in entry.questions:
                self._owners.append(index)
                self._choices.append(self._prepare(q))

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge, threshold: float | None = None) -> Engine:
        return cls(knowledge.entries, knowledge.synonyms, threshold)

    def _prepare(self, text: str) -> str:
        from bot.text import words
        return " ".join(self.synonyms.apply(words(text)))

    def entry(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def rank(self, question: str, limit: int = 5) -> list[Match]:
        """Entries by confidence, best first, at most one per entry."""
        query = self._prepare(question)
        if not query:
            return []
        best: dict[int, float] = {}
        for _, score, i in process.extract(query, self._choices, scorer=fuzz.WRatio,
                                           limit=limit * 8):
            owner = self._owners[i]
            best[owner] = max(best.get(owner, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:limit]
        return [Match(self.entries[i], float(s)) for i, s in ranked]

    def ask(self, question: str) -> Result:
        ranked = self.rank(question, limit=4)
        if not ranked or ranked[0].score < self.threshold:
            return Declined(question, self.suggest(question), ranked[0] if ranked else None)
        close = [m for m in ranked[1:] if ranked[0].score - m.score < self.margin
                 and m.score >= self.threshold]
        if close:
            return Ambiguous(question, (ranked[0], *close[:2]))
        return Answer(question, ranked[0], tuple(ranked[1:]))

    def suggest(self, question: str, limit: int = 3) -> tuple[Entry, ...]:
        """Questions the engine can answer that are nearest to what was asked."""
        ranked = self.rank(question, limit=limit)
        chosen = [m.entry for m in ranked]
        for entry in self.entries:
            if len(chosen) >= limit:
                break
            if entry not in chosen:
                chosen.append(entry)
        return tuple(chosen[:limit])

    def related(self, entry: Entry, limit: int = 3) -> tuple[Entry, ...]:
        """Other entries a reader of this answer may ask next."""
        ranked = [m.entry for m in self.rank(" ".join(entry.questions[:3]), limit=limit + 1)]
        others = [e for e in ranked if e.id != entry.id]
        for e in self.entries:
            if len(others) >= limit:
                break
            if e.id != entry.id and e not in others:
                others.append(e)
        return tuple(others[:limit])


__all__ = ["Answer", "Ambiguous", "Declined", "Engine", "Match", "Result", "normalise"]
