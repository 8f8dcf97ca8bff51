"""The curator's loop: what readers asked that the pack could not answer, and what to add.

Each command is a plain function returning data (`collect_stats`, `collect_suggestions`,
`import_pack`) plus a `*_command` wrapper returning printable text or JSON, so the command line
stays a thin layer and tests call the same code. Nothing here writes to an existing pack:
`suggest` prints YAML for the curator to paste, and `import` only ever creates a new pack.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import yaml
from rapidfuzz import fuzz, process
from scipy import sparse

from bot.engine import STOPWORDS
from bot.knowledge import ENTRY_ID, MIN_QUESTIONS, PACK_FILE, Entry, Knowledge, pack_files, squash
from bot.settings import Settings
from bot.storage import StorageError, Window, open_for_reading
from bot.text import Synonyms, normalise, stem, words

GROUP_CUTOFF = 80.0  # token_sort_ratio over stemmed, synonym-folded words: "same question"
NEAR_THRESHOLD = 15.0  # a closest entry this far below the threshold is worth a new phrasing
# ...if its words cover at least this share of the question: "hsct price?" comes near the
# entry on what HSCT is, but asks about a price the entry never mentions.
MIN_COVERAGE = 0.5
BLOCK = 1000  # rows of the similarity matrix computed at once (1000 x n bytes)
TOP = 10  # rows shown per table in the human report
GROUPS_SHOWN = 20
PHRASINGS_PROPOSED = 3


class Ranker(Protocol):
    """The part of `bot.engine.Engine` the curator uses."""

    threshold: float

    def rank(self, question: str, limit: int = 5) -> list[Any]: ...


# -- grouping similar questions ------------------------------------------------------------------


class Folder:
    """Reduces a question to the words that carry its meaning, for grouping.

    Uses the pack's own synonyms and stems so "cost of a stem cell transplant" and "HSCT costs"
    land together. A synonym's canonical phrase becomes its initials ("hsct"): a character
    scorer would otherwise find any two questions naming it alike.
    """

    def __init__(self, synonyms: dict[str, tuple[str, ...]] | None = None):
        self._synonyms = Synonyms(synonyms)

    def __call__(self, text: str) -> str:
        out = []
        for w in self._synonyms.apply(words(text)):
            if "_" in w:
                out.append("".join(part[:1] for part in w.split("_")))
            elif w not in STOPWORDS:  # too common to tell two questions apart
                out.append(stem(w))
        return " ".join(out)


def cluster(keys: Sequence[str], weights: Sequence[int],
            cutoff: float = GROUP_CUTOFF, workers: int = -1) -> list[list[int]]:
    """Greedy leader clustering: most-weighted first, each leader takes its free neighbours.

    Every member is similar to its group's leader (unlike connected components, which chain
    unrelated questions together). The similarity matrix is computed by rapidfuzz in blocks so
    10,000 questions need ~10 MB at a time. Returns groups of indexes, leader first.
    """
    n = len(keys)
    if n == 0:
        return []
    blocks = []
    for start in range(0, n, BLOCK):
        scores = process.cdist(keys[start:start + BLOCK], keys, scorer=fuzz.token_sort_ratio,
                               score_cutoff=cutoff, dtype=np.uint8, workers=workers)
        blocks.append(sparse.csr_matrix(scores))
    graph = sparse.vstack(blocks, format="csr")
    order = sorted(range(n), key=lambda i: (-weights[i], keys[i]))
    group_of = np.full(n, -1, dtype=np.int64)
    groups: list[list[int]] = []
    for leader in order:
        if group_of[leader] >= 0:
            continue
        row = graph.indices[graph.indptr[leader]:graph.indptr[leader + 1]]
        free = row[group_of[row] < 0]
        group_of[free] = len(groups)
        group_of[leader] = len(groups)
        members = sorted((int(i) for i in free if i != leader),
                         key=lambda i: (-weights[i], keys[i]))
        groups.append([leader, *members])
    return groups


@dataclass(frozen=True)
class Phrasing:
    text: str  # as a reader typed it (the most common spelling of this wording)
    count: int


@dataclass(frozen=True)
class Closest:
    entry: str
    question: str
    score: float
    coverage: float = 1.0

    def near(self, threshold: float) -> bool:
        """Close enough that a new phrasing, not new knowledge, would answer it."""
        return self.score >= threshold - NEAR_THRESHOLD and self.coverage >= MIN_COVERAGE


@dataclass(frozen=True)
class Group:
    """Questions that ask the same thing, with the entry that comes closest to answering it."""

    count: int  # asks in total
    phrasings: tuple[Phrasing, ...]  # distinct wordings, most asked first
    closest: Closest | None
    answered_with: str | None = None  # for 👎 groups: the entry readers found unhelpful

    @property
    def representative(self) -> str:
        return self.phrasings[0].text


def group_questions(rows: Iterable[tuple[str, int]], folder: Folder, engine: Ranker,
                    answered_with: str | None = None) -> list[Group]:
    """(question, count) rows -> groups of similar questions, largest first."""
    by_key: dict[str, dict[str, int]] = {}
    for text, count in rows:
        text = " ".join(text.split())
        key = folder(text) or normalise(text)
        if key:
            spellings = by_key.setdefault(key, {})
            spellings[text] = spellings.get(text, 0) + count
    keys = list(by_key)
    weights = [sum(by_key[k].values()) for k in keys]
    groups: list[Group] = []
    for members in cluster(keys, weights):
        phrasings = tuple(Phrasing(max(by_key[keys[i]].items(), key=lambda kv: kv[1])[0],
                                   weights[i]) for i in members)
        ranked = engine.rank(phrasings[0].text, limit=1)
        closest = (Closest(ranked[0].entry.id, ranked[0].entry.question,
                           round(float(ranked[0].score), 1),
                           ranked[0].coverage) if ranked else None)
        groups.append(Group(sum(p.count for p in phrasings), phrasings, closest,
                            answered_with))
    groups.sort(key=lambda g: (-g.count, g.representative))
    return groups


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
    outcomes: dict[str, int]
    chat_kinds: dict[str, int]
    helpful: int
    unhelpful: int
    top_entries: tuple[EntryCount, ...]
    unhelpful_entries: tuple[EntryCount, ...]  # count = 👎, helpful = 👍
    unanswered: tuple[Group, ...] = field(default=())

    def rate(self, outcome: str) -> float:
        return self.outcomes.get(outcome, 0) / self.questions if self.questions else 0.0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["rates"] = {o: round(self.rate(o), 4) for o in ("answered", "ambiguous",
                                                              "declined")}
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
    where, args = window.clause("q.asked_at")
    conn = open_for_reading(database)
    try:
        outcomes = dict(conn.execute(
            f"SELECT outcome, count(*) FROM questions q WHERE {where} GROUP BY outcome",
            args).fetchall())
        kinds = dict(conn.execute(
            f"SELECT chat_kind, count(*) FROM questions q WHERE {where} GROUP BY chat_kind",
            args).fetchall())
        top = conn.execute(
            f"SELECT entry_id, count(*) AS n FROM questions q WHERE {where}"
            " AND outcome = 'answered' AND entry_id IS NOT NULL"
            " GROUP BY entry_id ORDER BY n DESC, entry_id LIMIT ?", (*args, TOP)).fetchall()
        votes = conn.execute(
            f"SELECT q.entry_id, sum(f.helpful = 0) AS down, sum(f.helpful = 1)"
            f" FROM feedback f JOIN questions q ON q.id = f.question_id WHERE {where}"
            " GROUP BY q.entry_id ORDER BY down DESC, q.entry_id", args).fetchall()
        declined = conn.execute(
            f"SELECT question, count(*) FROM questions q WHERE {where}"
            " AND outcome = 'declined' GROUP BY question", args).fetchall()
    except sqlite3.Error as exc:
        raise StorageError(f"cannot read the question log {database}: {exc}") from exc
    finally:
        conn.close()
    folder = Folder(knowledge.synonyms)
    return Stats(
        database=str(database),
        days=days,
        threshold=float(engine.threshold),
        questions=sum(outcomes.values()),
        outcomes={o: outcomes.get(o, 0) for o in ("answered", "ambiguous", "declined")},
        chat_kinds=kinds,
        helpful=sum(int(v[2] or 0) for v in votes),
        unhelpful=sum(int(v[1] or 0) for v in votes),
        top_entries=tuple(EntryCount(e, _entry_label(knowledge, e), n) for e, n in top),
        unhelpful_entries=tuple(EntryCount(e, _entry_label(knowledge, e), int(d), int(u or 0))
                                for e, d, u in votes if d)[:TOP],
        unanswered=tuple(group_questions(declined, folder, engine)),
    )


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def render_stats(stats: Stats) -> str:
    period = f"the last {stats.days} days" if stats.days else "everything kept"
    lines = [f"Questions in {period}: {stats.questions:,}  ({stats.database})"]
    if not stats.questions:
        return lines[0] + "\nNothing to report yet."
    for outcome in ("answered", "ambiguous", "declined"):
        n = stats.outcomes[outcome]
        lines.append(f"  {outcome:<10} {n:>9,}  {_percent(n, stats.questions):>6}")
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
        lines += ["", f"Unanswered questions: {stats.outcomes['declined']:,} asks, "
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


def stats_command(settings: Settings, knowledge: Knowledge, engine: Ranker,
                  days: int | None = None, as_json: bool = False) -> str:
    """`python -m bot stats [--days N] [--json]`: the printable report."""
    stats = collect_stats(settings.database, knowledge, engine, days)
    if as_json:
        return json.dumps(stats.to_json(), ensure_ascii=False, indent=2)
    return render_stats(stats)


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

    def to_json(self) -> dict[str, Any]:
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


def _unhelpful_rows(conn: sqlite3.Connection) -> dict[str, list[tuple[str, int]]]:
    """Answered questions that got more 👎 than 👍, by the entry they were answered with."""
    rows = conn.execute(
        "SELECT q.entry_id, q.question, sum(f.helpful = 0) AS down, sum(f.helpful = 1) AS up"
        " FROM feedback f JOIN questions q ON q.id = f.question_id"
        " WHERE q.outcome = 'answered' GROUP BY q.entry_id, q.question HAVING down > up"
    ).fetchall()
    out: dict[str, list[tuple[str, int]]] = {}
    for entry_id, question, down, _ in rows:
        out.setdefault(entry_id, []).append((question, int(down)))
    return out


def _would_answer(engine: Any, knowledge: Knowledge, proposals: list[Proposal],
                  groups: list[Group]) -> list[Proposal]:
    """Re-ask each group's questions with every proposal applied: evidence the fix works."""
    from_knowledge = getattr(type(engine), "from_knowledge", None)
    if from_knowledge is None or not proposals:
        return proposals
    added: dict[str, list[str]] = {}
    for p in proposals:
        added.setdefault(p.entry, []).extend(p.phrasings)
    packs = tuple(replace(pack, entries=tuple(
        replace(e, questions=e.questions + tuple(added.get(e.id, ()))) for e in pack.entries))
        for pack in knowledge.packs)
    trial = from_knowledge(Knowledge(packs), threshold=engine.threshold)
    checked = []
    for proposal, group in zip(proposals, groups, strict=True):
        hits = 0
        for p in group.phrasings:
            result = trial.ask(p.text)
            if result.outcome == "answered" and result.entry.id == proposal.entry:
                hits += p.count
        checked.append(replace(proposal, would_answer=hits))
    return checked


def collect_suggestions(database: Path, knowledge: Knowledge, engine: Ranker) -> Suggestions:
    """Proposed phrasings from declined and 👎 questions whose closest entry is near the
    threshold. Reads only; writes nothing."""
    conn = open_for_reading(database)
    try:
        declined = conn.execute("SELECT question, count(*) FROM questions"
                                " WHERE outcome = 'declined' GROUP BY question").fetchall()
        unhelpful = _unhelpful_rows(conn)
    except sqlite3.Error as exc:
        raise StorageError(f"cannot read the question log {database}: {exc}") from exc
    finally:
        conn.close()
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


def suggest_command(settings: Settings, knowledge: Knowledge, engine: Ranker,
                    as_json: bool = False) -> str:
    """`python -m bot suggest [--json]`: proposed additions, ready to paste."""
    suggestions = collect_suggestions(settings.database, knowledge, engine)
    if as_json:
        return json.dumps(suggestions.to_json(), ensure_ascii=False, indent=2)
    return render_suggestions(suggestions)


# -- import -----------------------------------------------------------------------------------

class PackImportError(ValueError):
    """The spreadsheet cannot become a pack; the message names the file, row and column."""


@dataclass(frozen=True)
class ImportedPack:
    path: Path  # the new pack directory
    entries: int
    phrasings: int
    advice: tuple[str, ...]

    def summary(self) -> str:
        lines = [f"Created {self.path / PACK_FILE}: {self.entries} entries, "
                 f"{self.phrasings} phrasings."]
        lines += [f"- {a}" for a in self.advice]
        lines.append("Run `python -m bot check` to validate it like any other pack.")
        return "\n".join(lines)


_SLUG_DROP = {"a", "an", "the", "is", "are", "do", "does", "can", "i", "my", "me", "of", "to",
              "it", "in", "for", "what", "how", "why", "when", "who", "which", "will", "should"}


def slug(text: str, limit: int = 40) -> str:
    """A stable, readable entry id from a question: its content words, hyphenated."""
    tokens = [w for w in re.findall(r"[a-z0-9]+", normalise(text).replace("'", ""))]
    content = [w for w in tokens if w not in _SLUG_DROP] or tokens or ["entry"]
    out = ""
    for w in content:
        candidate = f"{out}-{w}" if out else w
        if len(candidate) > limit:
            break
        out = candidate
    return out or content[0][:limit]


def _read_rows(path: Path) -> list[dict[str, str]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackImportError(f"{path}: cannot be read: {exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackImportError(f"{path}: is not UTF-8 text (export the spreadsheet as "
                              f"UTF-8 CSV or TSV): {exc}") from exc
    if not text.strip():
        raise PackImportError(f"{path}: is empty")
    suffix = path.suffix.lower()
    if suffix in {".tsv", ".tab"}:
        delimiter = "\t"
    elif suffix == ".csv" and "\t" not in text.splitlines()[0]:
        delimiter = ","
        first = text.splitlines()[0]
        if first.count(";") > first.count(","):
            delimiter = ";"  # spreadsheets in comma-decimal locales
    else:
        try:
            delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;\t").delimiter
        except csv.Error as exc:
            raise PackImportError(f"{path}: is not CSV or TSV (cannot tell the column "
                                  "separator)") from exc
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table = list(reader)
    except csv.Error as exc:
        raise PackImportError(f"{path}: line {reader.line_num}: {exc}") from exc
    header = [h.strip().lower() for h in table[0]]
    missing = [c for c in ("question", "answer") if c not in header]
    if missing:
        raise PackImportError(
            f"{path}: needs columns 'question' and 'answer' (and optionally 'source_url'); "
            f"the first row has {', '.join(repr(h) for h in table[0]) or 'nothing'}")
    rows = []
    for number, values in enumerate(table[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        row = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        for column in ("question", "answer"):
            if not row.get(column):
                raise PackImportError(f"{path}: row {number}: column {column!r} is empty")
        row["_row"] = str(number)
        rows.append(row)
    if not rows:
        raise PackImportError(f"{path}: has a header but no rows")
    return rows


def _existing_ids(knowledge_dir: Path) -> set[str]:
    """Entry ids used by other packs: ids must be unique across the knowledge directory."""
    ids: set[str] = set()
    for file in pack_files(knowledge_dir) if knowledge_dir.is_dir() else []:
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        for entry in data.get("entries") or [] if isinstance(data, dict) else []:
            if isinstance(entry, dict) and entry.get("id"):
                ids.add(str(entry["id"]))
    return ids


def import_pack(path: Path, knowledge_dir: Path, source_text: Path | None = None,
                name: str | None = None, title: str | None = None,
                publisher: str | None = None, url: str | None = None) -> ImportedPack:
    """Create `knowledge_dir/<name>/` from a CSV/TSV of question, answer[, source_url].

    Rows with the same answer (whitespace aside) become one entry with several phrasings.
    Never overwrites: an existing pack directory is an error.
    """
    path = Path(path)
    knowledge_dir = Path(knowledge_dir)
    rows = _read_rows(path)
    name = name or slug(path.stem.replace("_", " "), 48)
    if not ENTRY_ID.match(name):
        raise PackImportError(f"pack name {name!r} must be 1-48 lowercase letters, digits, "
                              "'-' or '_'")
    target = knowledge_dir / name
    if target.exists():
        raise PackImportError(f"{target} already exists; choose another --name "
                              "(import never overwrites a pack)")
    urls = list(dict.fromkeys(r["source_url"] for r in rows if r.get("source_url")))
    url = url or (urls[0] if urls else None)
    if not url:
        raise PackImportError(f"{path}: no source URL: give --url, or fill the source_url "
                              "column with the article's address")
    if not url.startswith(("https://", "http://")):
        raise PackImportError(f"source URL {url!r} must be an http(s) link")
    advice: list[str] = []
    if len(urls) > 1:
        advice.append(f"the rows cite {len(urls)} different source URLs; a pack quotes one "
                      f"article, so this pack cites {url} — split the file if that is wrong")
    if not title:
        title = path.stem.replace("_", " ").replace("-", " ").strip().capitalize() or name
        advice.append(f"title set to {title!r}; give --title for the article's real title")
    if not publisher:
        publisher = re.sub(r"^www\.", "", url.split("/")[2]) if "//" in url else url
        advice.append(f"publisher set to {publisher!r}; give --publisher to name it properly")

    grouped: dict[str, tuple[str, list[str]]] = {}
    owner_of: dict[str, str] = {}
    for row in rows:
        answer = row["answer"]
        question = " ".join(row["question"].split())
        key = squash(answer)
        _, questions = grouped.setdefault(key, (answer, []))
        qkey = normalise(question)
        if qkey in owner_of and owner_of[qkey] != key:
            advice.append(f"row {row['_row']}: {question!r} appears under two different "
                          "answers; keep it under one")
            continue
        owner_of[qkey] = key
        if question not in questions:
            questions.append(question)

    taken = _existing_ids(knowledge_dir)
    entries = []
    for answer, questions in grouped.values():
        base = slug(questions[0])
        entry_id, n = base, 2
        while entry_id in taken:
            entry_id, n = f"{base}-{n}", n + 1
        taken.add(entry_id)
        entries.append({"id": entry_id, "questions": questions, "answer": squash(answer)})
    few = [e["id"] for e in entries if len(e["questions"]) < MIN_QUESTIONS]
    if few:
        advice.append(f"{len(few)} of {len(entries)} entries have fewer than {MIN_QUESTIONS} "
                      f"phrasings ({', '.join(few[:5])}{', …' if len(few) > 5 else ''}); "
                      "`check` will flag them: add the ways readers would ask")

    header = [f"# Knowledge pack imported from {path.name} on "
              f"{datetime.now(UTC).date().isoformat()} by `python -m bot import`.",
              "# Curators edit this file by hand; `python -m bot check` validates it."]
    if source_text is not None:
        source_text = Path(source_text)
        if not source_text.is_file():
            raise PackImportError(f"{source_text}: the source text file does not exist")
        header.append("# source.txt is a copy of " + source_text.name + "; every answer must be "
                      "quoted verbatim from it.")
    else:
        header.append("# No source text was given, so source.txt holds the answers themselves: "
                      "the verbatim rule is then only as good as the spreadsheet. Replace it "
                      "with the article's text when you have it.")
        advice.append("no source text given: source.txt holds the answers themselves; "
                      "replace it with the article's text and `check` will verify every quote")
    data = {"title": title, "publisher": publisher, "url": url, "source_text": "source.txt",
            "entries": entries}
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)

    target.mkdir(parents=True)
    try:
        if source_text is not None:
            shutil.copyfile(source_text, target / "source.txt")
        else:
            (target / "source.txt").write_text(
                "\n\n".join(e["answer"] for e in entries) + "\n", encoding="utf-8")
        (target / PACK_FILE).write_text("\n".join(header) + "\n\n" + body, encoding="utf-8")
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        raise
    return ImportedPack(target, len(entries), sum(len(e["questions"]) for e in entries),
                        tuple(advice))


def import_command(path: Path, out_dir: Path, source_text: Path | None = None,
                   name: str | None = None, title: str | None = None,
                   publisher: str | None = None, url: str | None = None,
                   as_json: bool = False) -> str:
    """`python -m bot import FILE`: create the pack and return what to print.

    Raises `PackImportError` with a message fit to show the curator.
    """
    imported = import_pack(path, out_dir, source_text, name, title, publisher, url)
    if as_json:
        return json.dumps({"path": str(imported.path), "entries": imported.entries,
                           "phrasings": imported.phrasings, "advice": list(imported.advice)},
                          ensure_ascii=False, indent=2)
    return imported.summary()
