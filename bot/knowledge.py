"""Knowledge packs on disk -> validated `Pack` and `Entry` objects.

A pack is a directory holding `pack.yaml` (edited by hand by a curator) and the article's text.
Every problem found is reported with the file, the entry and the field, so a curator can fix a
pack without reading Python; the bot refuses to start on a pack with problems rather than
answering from a half-read one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

PACK_FILE = "pack.yaml"
ENTRY_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")  # fits Telegram deep links and callback data
MIN_QUESTIONS = 6


@dataclass(frozen=True)
class Source:
    """Where a pack's knowledge comes from: shown under every answer."""

    title: str
    publisher: str
    url: str
    citation: str = ""
    citation_url: str = ""


@dataclass(frozen=True)
class Entry:
    """One answerable question: reader phrasings and the passage quoted from the source."""

    id: str
    pack: str
    questions: tuple[str, ...]
    answer: str
    source: Source

    @property
    def question(self) -> str:
        """The phrasing shown on buttons and in suggestions."""
        return self.questions[0]


@dataclass(frozen=True)
class Pack:
    name: str
    path: Path
    source: Source
    source_text: str
    entries: tuple[Entry, ...]
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack, located precisely enough to fix by hand."""

    file: Path
    message: str
    entry: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = [str(self.file)]
        if self.entry is not None:
            where.append(f"entry {self.entry!r}")
        if self.field is not None:
            where.append(f"field {self.field!r}")
        return f"{': '.join(where)}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge directory cannot be served; `problems` says exactly why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Knowledge:
    """Every pack in a knowledge directory, with entries addressable by id."""

    packs: tuple[Pack, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for p in self.packs for e in p.entries)

    @property
    def synonyms(self) -> dict[str, tuple[str, ...]]:
        merged: dict[str, tuple[str, ...]] = {}
        for pack in self.packs:
            for canonical, variants in pack.synonyms.items():
                merged[canonical] = tuple(dict.fromkeys(merged.get(canonical, ()) + variants))
        return merged

    def entry(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    @cached_property
    def _by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}


def squash(text: str) -> str:
    """Collapse whitespace so a passage can be compared with its source "whitespace aside"."""
    return " ".join(text.split())


def pack_files(directory: Path) -> list[Path]:
    """Pack files in a knowledge directory, in a stable order."""
    return sorted(directory.glob(f"*/{PACK_FILE}"))


def _text(data: dict[str, Any], key: str, file: Path, problems: list[Problem],
          entry: str | None = None, required: bool = True) -> str:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.append(Problem(file, "is missing or empty", entry, key))
        return ""
    if not isinstance(value, (str, int, float)):
        problems.append(Problem(file, f"must be text, not {type(value).__name__}", entry, key))
        return ""
    return str(value).strip()


def _synonyms(raw: Any, file: Path, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(Problem(file, "must map a word to a list of its variants", None,
                                "synonyms"))
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for canonical, variants in raw.items():
        if isinstance(variants, str):
            variants = [variants]
        if not isinstance(variants, list) or not all(
            isinstance(v, (str, int)) and str(v).strip() for v in variants
        ):
            problems.append(Problem(file, f"variants of {canonical!r} must be a list of words",
                                    None, "synonyms"))
            continue
        table[str(canonical).strip().lower()] = tuple(str(v).strip().lower() for v in variants)
    return table


def load_pack(pack_file: Path) -> tuple[Pack | None, list[Problem]]:
    """Read and validate one pack; returns the pack (None if unusable) and every problem."""
    problems: list[Problem] = []
    try:
        data = yaml.safe_load(pack_file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        return None, [Problem(pack_file, f"is not valid YAML{where}: "
                                         f"{getattr(exc, 'problem', exc)}")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(pack_file, f"cannot be read: {exc}")]
    if not isinstance(data, dict):
        return None, [Problem(pack_file, "must be a mapping with title, source_text and entries")]

    name = pack_file.parent.name
    source = Source(
        title=_text(data, "title", pack_file, problems),
        publisher=_text(data, "publisher", pack_file, problems),
        url=_text(data, "url", pack_file, problems),
        citation=_text(data, "citation", pack_file, problems, required=False),
        citation_url=_text(data, "citation_url", pack_file, problems, required=False),
    )
    for key in ("url", "citation_url"):
        url = getattr(source, key)
        if url and not url.startswith(("https://", "http://")):
            problems.append(Problem(pack_file, "must be an http(s) link", None, key))

    source_text = ""
    text_name = _text(data, "source_text", pack_file, problems)
    if text_name:
        text_path = pack_file.parent / text_name
        try:
            source_text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(pack_file, f"cannot read {text_path}: {exc}", None,
                                    "source_text"))
    haystack = squash(source_text)

    synonyms = _synonyms(data.get("synonyms"), pack_file, problems)

    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        problems.append(Problem(pack_file, "must be a non-empty list", None, "entries"))
        raw_entries = []
    entries: list[Entry] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_entries, start=1):
        label = f"#{index}"
        if not isinstance(raw, dict):
            problems.append(Problem(pack_file, "must be a mapping with id, questions, answer",
                                    label))
            continue
        entry_id = _text(raw, "id", pack_file, problems, label)
        if entry_id:
            label = entry_id
            if not ENTRY_ID.match(entry_id):
                problems.append(Problem(pack_file, "must be 1-48 lowercase letters, digits, "
                                                   "'-' or '_'", label, "id"))
            if entry_id in seen:
                problems.append(Problem(pack_file, "is used by another entry", label, "id"))
            seen.add(entry_id)
        questions = raw.get("questions")
        if not isinstance(questions, list) or not all(
            isinstance(q, str) and q.strip() for q in questions
        ):
            problems.append(Problem(pack_file, "must be a list of question texts", label,
                                    "questions"))
            questions = []
        elif len(questions) < MIN_QUESTIONS:
            problems.append(Problem(pack_file, f"needs at least {MIN_QUESTIONS} phrasings, "
                                               f"has {len(questions)}", label, "questions"))
        answer = _text(raw, "answer", pack_file, problems, label)
        if answer and haystack and squash(answer) not in haystack:
            problems.append(Problem(pack_file, "is not quoted verbatim from the source text",
                                    label, "answer"))
        if entry_id and questions and answer:
            entries.append(Entry(entry_id, name, tuple(q.strip() for q in questions),
                                 squash(answer), source))

    if problems:
        return None, problems
    return Pack(name, pack_file.parent, source, source_text, tuple(entries), synonyms), []


def _near_duplicates(packs: Iterable[Pack]) -> list[Problem]:
    """Phrasings so alike across two entries that the engine could not tell them apart."""
    from rapidfuzz import fuzz, process

    from bot.text import normalise

    owners: list[tuple[Pack, Entry, str]] = []
    for pack in packs:
        for entry in pack.entries:
            owners.extend((pack, entry, q) for q in entry.questions)
    texts = [normalise(o[2]) for o in owners]
    problems: list[Problem] = []
    if not texts:
        return problems
    matrix = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=95, workers=1)
    for i, j in zip(*matrix.nonzero(), strict=True):
        if i < j and owners[i][1].id != owners[j][1].id:
            pack, entry, question = owners[j]
            problems.append(Problem(
                pack.path / PACK_FILE,
                f"phrasing {question!r} is nearly identical to {owners[i][2]!r} "
                f"of entry {owners[i][1].id!r}",
                entry.id, "questions"))
    return problems


def check_knowledge(directory: Path) -> tuple[Knowledge | None, list[Problem]]:
    """Validate every pack in a directory: all problems, not just the first."""
    directory = Path(directory)
    if not directory.is_dir():
        return None, [Problem(directory, "is not a knowledge directory")]
    files = pack_files(directory)
    if not files:
        return None, [Problem(directory, f"holds no packs (no */{PACK_FILE})")]
    packs: list[Pack] = []
    problems: list[Problem] = []
    for file in files:
        pack, found = load_pack(file)
        problems.extend(found)
        if pack is not None:
            packs.append(pack)
    ids: dict[str, Pack] = {}
    for pack in packs:
        for entry in pack.entries:
            other = ids.setdefault(entry.id, pack)
            if other is not pack:
                problems.append(Problem(pack.path / PACK_FILE,
                                        f"is also used in pack {other.name!r}", entry.id, "id"))
    problems.extend(_near_duplicates(packs))
    if problems:
        return None, problems
    return Knowledge(tuple(packs)), []


def load_knowledge(directory: Path) -> Knowledge:
    """Load a knowledge directory or raise `KnowledgeError` naming every problem."""
    knowledge, problems = check_knowledge(directory)
    if knowledge is None:
        raise KnowledgeError(problems)
    return knowledge
