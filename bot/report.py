"""The curator's reports on the question log: `stats` (how readers fared, and which of their
questions went unanswered) and `suggest` (phrasings to add, as YAML ready to paste).

Each report is a plain function returning data (`collect_stats`, `collect_suggestions`) and a
renderer to text; the command line formats and prints them. Nothing here writes to a pack.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from bot.engine import Engine
from bot.grouping import MIN_COVERAGE, NEAR_THRESHOLD, Folder, Group, Ranker, group_questions
from bot.knowledge import PACK_FILE, Entry, Knowledge
from bot.log_queries import (
    Window,
    chat_kind_counts,
    declined_questions,
    entry_votes,
    outcome_counts,
    reading,
    top_entries,
    unhelpful_answers,
)
from bot.outcomes import ChatKind, Outcome
from bot.results import Answer
from bot.text import normalise

TOP = 10  # rows shown per table in the human report
GROUPS_SHOWN = 20
PHRASINGS_PROPOSED = 3
LABELS = {Outcome.ANSWERED: "answered", Outcome.AMBIGUOUS: "ambiguous",
          Outcome.DECLINED: "declined", Outcome.SMALLTALK: "small talk",
          Outcome.SAFETY: "safety"}  # safety: a count only, never what was said


# -- stats ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EntryCount:
    entry: str
    question: str  # the entry's first phrasing, or a note that it left the pack
    count: int
    helpful: int = 0


@dataclass(frozen=True)
class Stats:
    database: str
    days: int | None
    threshold: float
    questions: int
    outcomes: dict[Outcome, int]  # every outcome
    chat_kinds: dict[ChatKind, int]  # the kinds that occur
    helpful: int
    unhelpful: int
    top_entries: tuple[EntryCount, ...]
    unhelpful_entries: tuple[EntryCount, ...]  # count = 👎, helpful = 👍
    unanswered: tuple[Group, ...] = field(default=())

    def rate(self, outcome: Outcome) -> float:
        return self.outcomes.get(outcome, 0) / self.questions if self.questions else 0.0

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["rates"] = {o.value: round(self.rate(o), 4) for o in Outcome}
        for group, raw in zip(self.unanswered, data["unanswered"], strict=True):
            raw["representative"] = group.representative
            raw["verdict"] = verdict(group, self.threshold)
        return data


def _entry_label(knowledge: Knowledge, entry_id: str | None) -> str:
    entry = knowledge.entry(entry_id) if entry_id else None
    return entry.question if entry else "(no longer in the knowledge packs)"


def verdict(group: Group, threshold: float) -> str:
    """Which of the curator's two moves the group calls for."""
    if group.closest is None:
        return "not covered"
    if group.closest.near(threshold):
        return f"add a phrasing to {group.closest.entry}"
    return "the article may not cover this"


def collect_stats(database: Path, knowledge: Knowledge, engine: Ranker,
                  days: int | None = None, now: float | None = None) -> Stats:
    """Read the question log and summarise it; raises `StorageError` if it cannot be read."""
    window = Window.last_days(days, now)
    with reading(database) as conn:
        outcomes = outcome_counts(conn, window)
        kinds = chat_kind_counts(conn, window)
        top = top_entries(conn, window, TOP)
        votes = entry_votes(conn, window)
        declined = declined_questions(conn, window)
    return Stats(
        database=str(database),
        days=days,
        threshold=float(engine.threshold),
        questions=sum(outcomes.values()),
        outcomes=outcomes,
        chat_kinds=kinds,
        helpful=sum(v.up for v in votes),
        unhelpful=sum(v.down for v in votes),
        top_entries=tuple(EntryCount(e, _entry_label(knowledge, e), n) for e, n in top),
        unhelpful_entries=tuple(EntryCount(v.entry_id or "?", _entry_label(knowledge, v.entry_id),
                                           v.down, v.up) for v in votes if v.down)[:TOP],
        unanswered=tuple(group_questions(declined, Folder(knowledge.synonyms), engine)),
    )


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def render_stats(stats: Stats) -> str:
    period = f"the last {stats.days} days" if stats.days else "everything kept"
    lines = [f"Questions in {period}: {stats.questions:,}  ({stats.database})"]
    if not stats.questions:
        return lines[0] + "\nNothing to report yet."
    for outcome, label in LABELS.items():
        n = stats.outcomes.get(outcome, 0)
        lines.append(f"  {label:<10} {n:>9,}  {_percent(n, stats.questions):>6}")
    lines.append("  by chat: " + ", ".join(f"{k} {v:,}" for k, v in
                                             sorted(stats.chat_kinds.items())))
    lines.append(f"  feedback: {stats.helpful:,} 👍, {stats.unhelpful:,} 👎")
    if stats.top_entries:
        lines += ["", "Most asked entries:"]
        lines += [f"  {e.count:>7,}  {e.entry}: {e.question}" for e in stats.top_entries]
    if stats.unhelpful_entries:
        lines += ["", "Entries with the most 👎:"]
        lines += [f"  {e.count:>5,} 👎 {e.helpful:>5,} 👍  {e.entry}: {e.question}"
                  for e in stats.unhelpful_entries]
    if stats.unanswered:
        distinct = sum(len(g.phrasings) for g in stats.unanswered)
        lines += ["", f"Unanswered questions: {stats.outcomes[Outcome.DECLINED]:,} asks, "
                      f"{distinct:,} distinct wordings, {len(stats.unanswered):,} groups "
                      f"(threshold {stats.threshold:g}):"]
        for group in stats.unanswered[:GROUPS_SHOWN]:
            closest = (f"closest {group.closest.entry} ({group.closest.score:g})"
                       if group.closest else "no close entry")
            lines.append(f"  {group.count:>6,}x  “{group.representative}”  — {closest}: "
                         f"{verdict(group, stats.threshold)}")
            for p in group.phrasings[1:4]:
                lines.append(f"            also “{p.text}” ({p.count:,})")
            if len(group.phrasings) > 4:
                lines.append(f"            … and {len(group.phrasings) - 4:,} more wordings")
        if len(stats.unanswered) > GROUPS_SHOWN:
            lines.append(f"  … and {len(stats.unanswered) - GROUPS_SHOWN:,} smaller groups "
                         "(--json lists them all)")
    return "\n".join(lines)


# -- suggest ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Proposal:
    """New phrasings for an existing entry, and the evidence for them."""

    pack: str
    file: str
    entry: str
    phrasings: tuple[str, ...]
    asks: int  # how many recorded asks the group holds
    closest_score: float
    answered_with: str | None = None  # set when the evidence is 👎 on another entry
    would_answer: int | None = None  # of `asks`, how many the engine answers with the change


@dataclass(frozen=True)
class Suggestions:
    threshold: float
    proposals: tuple[Proposal, ...]
    not_covered: tuple[Group, ...]  # groups with no entry near enough: the article's gap

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        for group, raw in zip(self.not_covered, data["not_covered"], strict=True):
            raw["representative"] = group.representative
        return data


def _fresh_phrasings(group: Group, entry: Entry, knowledge: Knowledge) -> tuple[str, ...]:
    """Wordings worth adding: not already in the entry, and not so close to another entry's
    phrasing that `check` would reject the pack."""
    mine = {normalise(q) for q in entry.questions}
    others = [normalise(q) for e in knowledge.entries if e.id != entry.id for q in e.questions]
    chosen: list[str] = []
    for p in group.phrasings:
        key = normalise(p.text)
        if not key or key in mine:
            continue
        if others and process.extractOne(key, others, scorer=fuzz.ratio, score_cutoff=95):
            continue
        if any(fuzz.ratio(key, normalise(c)) >= 95 for c in chosen):
            continue
        chosen.append(p.text)
        if len(chosen) == PHRASINGS_PROPOSED:
            break
    return tuple(chosen)


def _would_answer(engine: Ranker, knowledge: Knowledge, proposals: list[Proposal],
                  groups: list[Group]) -> list[Proposal]:
    """Re-ask each group's questions with every proposal applied: evidence the fix works.

    Only the real engine can be rebuilt over the changed pack; any other ranker (a test's)
    leaves `would_answer` unset.
    """
    if not isinstance(engine, Engine) or not proposals:
        return proposals
    added: dict[str, list[str]] = {}
    for p in proposals:
        added.setdefault(p.entry, []).extend(p.phrasings)
    packs = tuple(replace(pack, entries=tuple(
        replace(e, questions=e.questions + tuple(added.get(e.id, ()))) for e in pack.entries))
        for pack in knowledge.packs)
    trial = type(engine).from_knowledge(replace(knowledge, packs=packs),
                                        threshold=engine.threshold)
    checked = []
    for proposal, group in zip(proposals, groups, strict=True):
        hits = 0
        for phrasing in group.phrasings:
            result = trial.ask(phrasing.text)
            if isinstance(result, Answer) and result.entry.id == proposal.entry:
                hits += phrasing.count
        checked.append(replace(proposal, would_answer=hits))
    return checked


def collect_suggestions(database: Path, knowledge: Knowledge, engine: Ranker) -> Suggestions:
    """Proposed phrasings from declined and 👎 questions whose closest entry is near the
    threshold. Reads only; writes nothing."""
    with reading(database) as conn:
        declined = declined_questions(conn)
        unhelpful = unhelpful_answers(conn)
    folder = Folder(knowledge.synonyms)
    floor = float(engine.threshold) - NEAR_THRESHOLD
    proposals: list[Proposal] = []
    evidence: list[Group] = []
    not_covered: list[Group] = []

    def propose(group: Group, entry_id: str, score: float) -> None:
        entry = knowledge.entry(entry_id)
        fresh = _fresh_phrasings(group, entry, knowledge) if entry else ()
        if entry is None or not fresh:
            not_covered.append(group)  # nothing new to add: the curator must look at it
            return
        pack = next(p for p in knowledge.packs if p.name == entry.pack)
        proposals.append(Proposal(entry.pack, str(pack.path / PACK_FILE), entry.id, fresh,
                                  group.count, score, group.answered_with))
        evidence.append(group)

    for group in group_questions(declined, folder, engine):
        if group.closest is not None and group.closest.near(engine.threshold):
            propose(group, group.closest.entry, group.closest.score)
        else:
            not_covered.append(group)
    for answered_with, rows in sorted(unhelpful.items()):
        for group in group_questions(rows, folder, engine, answered_with=answered_with):
            better = [m for m in engine.rank(group.representative, limit=3)
                      if m.entry.id != answered_with and m.score >= floor
                      and m.coverage >= MIN_COVERAGE]
            if better:
                propose(group, better[0].entry.id, round(float(better[0].score), 1))
            else:
                not_covered.append(group)
    proposals = _would_answer(engine, knowledge, proposals, evidence)
    return Suggestions(float(engine.threshold), tuple(proposals), tuple(not_covered))


def yaml_scalar(text: str) -> str:
    """One YAML scalar, quoted only when YAML needs it (a phrasing like `MS: what is it?`)."""
    dumped = yaml.safe_dump(" ".join(text.split()), allow_unicode=True, width=1 << 30)
    return dumped.removesuffix("\n...\n").strip()


def render_suggestions(s: Suggestions) -> str:
    if not s.proposals and not s.not_covered:
        return "No suggestions: no declined or 👎 questions recorded yet."
    lines: list[str] = []
    if s.proposals:
        lines += ["# Proposed phrasings: paste each under the entry's `questions:` in its pack",
                  "# file, then run `python -m bot check`. Nothing has been written.", ""]
        by_file: dict[str, list[Proposal]] = {}
        for p in s.proposals:
            by_file.setdefault(p.file, []).append(p)
        for file, proposals in by_file.items():
            lines.append(f"# {file}")
            merged: dict[str, list[Proposal]] = {}
            for p in proposals:
                merged.setdefault(p.entry, []).append(p)
            for entry_id, ps in merged.items():
                lines += [f"- id: {entry_id}", "  questions:"]
                seen: set[str] = set()
                for p in ps:
                    why = (f"answered with {p.answered_with}, marked 👎 {p.asks}x"
                           if p.answered_with else f"declined {p.asks}x")
                    fix = (f"; with this, {p.would_answer} of {p.asks} would be answered here"
                           if p.would_answer is not None else "")
                    lines.append(f"    # {why}; scored {p.closest_score:g} "
                                 f"(threshold {s.threshold:g}){fix}")
                    for phrasing in p.phrasings:
                        if phrasing not in seen:
                            seen.add(phrasing)
                            lines.append(f"    - {yaml_scalar(phrasing)}")
            lines.append("")
    if s.not_covered:
        lines.append(f"# Nothing to propose for these {len(s.not_covered):,} groups: no entry "
                     "is near enough, so the article may not cover them:")
        for g in s.not_covered[:GROUPS_SHOWN]:
            closest = f"closest {g.closest.entry} {g.closest.score:g}" if g.closest else "none"
            extra = f", answered with {g.answered_with} and marked 👎" if g.answered_with else ""
            lines.append(f"#   {g.count:>6,}x “{g.representative}” ({closest}{extra})")
        if len(s.not_covered) > GROUPS_SHOWN:
            lines.append(f"#   … and {len(s.not_covered) - GROUPS_SHOWN:,} more (--json)")
    return "\n".join(lines).rstrip() + "\n"
