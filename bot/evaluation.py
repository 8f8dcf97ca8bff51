"""Accuracy of the engine over a labelled question file: the bar every change is held to.

A question file has one question per line, `EXPECTED<TAB>QUESTION`, where EXPECTED is the id
of the entry that answers it or `-` when the knowledge does not (`#` starts a comment).
An in-scope question counts as answered only by an `Answer` of the right entry; an
out-of-scope one counts as rejected by anything but an `Answer`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.engine import Engine
from bot.results import Answer, Result

OUT_OF_SCOPE = "-"


def written_in_order(folder: Path, pattern: str) -> list[str]:
    """Names of the labelled sets matching `pattern`, in the order they were written
    (set.tsv, set2.tsv, ..., set10.tsv): later sets were written after the fixes the earlier
    ones led to."""
    return sorted((p.name for p in folder.glob(pattern)), key=lambda name: (len(name), name))


def question_files(folder: Path) -> list[Path]:
    """The engine's labelled question files in `folder`: every `*.tsv` but the crisis and
    small-talk sets beside them, which label other things."""
    return sorted(p for p in folder.glob("*.tsv")
                  if not p.name.startswith(("safety", "smalltalk")))


def read_labelled(path: Path) -> list[tuple[str, str]]:
    """(label, message) rows of a labelled set of another kind (`label<TAB>message`, `#`
    comments): crises and controls, small-talk intents."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, _, message = line.partition("\t")
            rows.append((label.strip(), message.strip()))
    return rows


@dataclass(frozen=True)
class Labelled:
    expected: str | None  # None: out of scope
    question: str
    line: int = 0


@dataclass
class Report:
    in_scope: int = 0
    answered: int = 0
    out_of_scope: int = 0
    rejected: int = 0
    # In scope with the right entry ranked first, whatever the threshold: what the ranking
    # alone gets right, before the decision to answer.
    ranked_first: int = 0
    # In scope and not answered, but the right entry is among the questions offered instead (a
    # "Did you mean" choice, or a suggestion under "I can't answer that"): one tap away.
    offered: int = 0
    # Questions answered with a passage that does not answer them: the costly mistake.
    wrong: int = 0
    misses: list[tuple[Labelled, Result]] = field(default_factory=list)

    @property
    def in_scope_accuracy(self) -> float:
        return self.answered / self.in_scope if self.in_scope else 1.0

    @property
    def out_of_scope_rejection(self) -> float:
        return self.rejected / self.out_of_scope if self.out_of_scope else 1.0

    @property
    def ranking_accuracy(self) -> float:
        return self.ranked_first / self.in_scope if self.in_scope else 1.0

    @property
    def reach(self) -> float:
        """In scope answered right or one tap away: what a reader gets to, declines included."""
        return (self.answered + self.offered) / self.in_scope if self.in_scope else 1.0

    @property
    def wrong_rate(self) -> float:
        total = self.in_scope + self.out_of_scope
        return self.wrong / total if total else 0.0

    @property
    def overall(self) -> float:
        total = self.in_scope + self.out_of_scope
        return (self.answered + self.rejected) / total if total else 1.0

    def as_dict(self) -> dict[str, object]:
        return {
            "in_scope": self.in_scope, "answered": self.answered,
            "in_scope_accuracy": round(self.in_scope_accuracy, 4),
            "out_of_scope": self.out_of_scope, "rejected": self.rejected,
            "out_of_scope_rejection": round(self.out_of_scope_rejection, 4),
            "overall": round(self.overall, 4),
            "ranked_first": self.ranked_first,
            "ranking_accuracy": round(self.ranking_accuracy, 4),
            "offered": self.offered, "reach": round(self.reach, 4),
            "answered_wrong": self.wrong, "wrong_rate": round(self.wrong_rate, 4),
            "misses": [
                {"line": q.line, "question": q.question, "expected": q.expected,
                 "got": r.entry.id if isinstance(r, Answer) else r.outcome,
                 "score": round(r.score, 2)}
                for q, r in self.misses
            ],
        }


class QuestionFileError(ValueError):
    """A line of a question file cannot be read; the message names the line."""


def read_questions(path: Path) -> list[Labelled]:
    """The labelled questions of a file; a file with none is an error, not "100% right"."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise QuestionFileError(f"not UTF-8 text (byte {exc.start}); save it as "
                                "UTF-8") from None
    rows: list[Labelled] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        expected, sep, question = raw.partition("\t")
        if not sep or not question.strip():
            raise QuestionFileError(f"{path}:{number}: expected 'ENTRY-ID<TAB>QUESTION' "
                                    f"(or '-<TAB>QUESTION' for out of scope)")
        expected = expected.strip()
        rows.append(Labelled(None if expected == OUT_OF_SCOPE else expected,
                             question.strip(), number))
    if not rows:
        raise QuestionFileError("no labelled questions (lines of "
                                "'ENTRY-ID<TAB>QUESTION')")
    return rows


def evaluate(engine: Engine, questions: Iterable[Labelled]) -> Report:
    report = Report()
    for item in questions:
        result = engine.ask(item.question)
        answered = result.entry.id if isinstance(result, Answer) else None
        if item.expected is None:
            report.out_of_scope += 1
            ok = answered is None
            report.rejected += ok
        else:
            report.in_scope += 1
            ok = answered == item.expected
            report.answered += ok
            ranked = engine.rank(item.question, limit=1)
            report.ranked_first += bool(ranked) and ranked[0].entry.id == item.expected
            report.offered += (not ok and not isinstance(result, Answer)
                               and item.expected in {e.id for e in result.offered})
        report.wrong += answered is not None and answered != item.expected
        if not ok:
            report.misses.append((item, result))
    return report


def unknown_ids(engine: Engine, questions: Iterable[Labelled]) -> list[Labelled]:
    """Labelled questions naming an entry the knowledge does not have (a typo in the file)."""
    return [q for q in questions if q.expected is not None and engine.entry(q.expected) is None]
