"""Knowledge packs on disk -> validated `Pack` and `Entry` objects.

A pack is a folder holding `pack.yaml` (edited by hand by a curator) and the article's text;
files directly in the knowledge directory (safety and small-talk data) are not packs. Findings
come in two kinds, each naming the file, the entry and the field so a curator can act without
reading Python:

- **errors**: the pack cannot be served (bad YAML, a missing field, a duplicate id, an answer not
  quoted verbatim, a broken link, a source text outside the pack folder, an unreadable file).
  The bot refuses to start on them rather than answer from a half-read pack.
- **advice**: the pack can be served but would be better with work (few phrasings, phrasings too
  alike another entry's, a very long passage). A FAQ as published is served; `check --strict`
  holds a pack to the seed pack's standard.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from bot.problems import Findings, KnowledgeError, Problem, listed, read_yaml
from bot.settings import data_file

PACK_FILE = "pack.yaml"
# Everyday words for the terms packs use ("jab" for "vaccine", "tummy" for "stomach"), shaped
# like a pack's `synonyms:` and applied under them: the shipped one serves every health pack
# unless the knowledge directory has its own (an empty one turns it off).
LEXICON_FILE = "lexicon.yaml"
ENTRY_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")  # fits Telegram deep links and callback data
ENTRY_ID_FORM = "must be 1-48 lowercase letters, digits, '-' or '_'"
MIN_QUESTIONS = 6  # fewer is advice: the engine finds an entry by the ways readers ask
MAX_LABEL = 300  # characters of a title, publisher or citation: longer is an error
LONG_PASSAGE = 1500  # characters of an answer beyond which it is advice (readers page through)
MAX_URL = 2000
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
    """One answerable question: reader phrasings and the passage quoted from the source.

    `source` is the pack's, with `url` replaced when the entry links its own page.
    """

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
class Knowledge:
    """Every pack in a knowledge directory, with entries addressable by id.

    `advice` is what `check` would advise: the bot serves the packs and logs it once.
    `lexicon`: everyday words for the terms packs use (`LEXICON_FILE`), under their synonyms.
    """

    packs: tuple[Pack, ...]
    advice: tuple[Problem, ...] = field(default=(), compare=False)
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for p in self.packs for e in p.entries)

    @property
    def synonyms(self) -> dict[str, tuple[str, ...]]:
        """Every pack's, over the lexicon's: a word a pack maps is the pack's to map, and so
        is the rest of its lexicon group when the packs map the group's own term to a term of
        theirs: a pack reading "side effect" as "toxic" reads "adverse reactions" so too. A
        pack taking only some of its words ("shot" for a photograph) leaves the rest be."""
        mapped = {v: c for pack in self.packs for c, vs in pack.synonyms.items()
                  for v in (c, *vs)}
        lexicon: dict[str, tuple[str, ...]] = {}
        for canonical, variants in self.lexicon.items():
            group = (canonical, *variants)
            term = mapped.get(canonical, canonical)
            rest = tuple(v for v in group if v not in mapped and v != term)
            lexicon[term] = lexicon.get(term, ()) + rest
        merged: dict[str, tuple[str, ...]] = {}
        for table in (lexicon, *(pack.synonyms for pack in self.packs)):
            for canonical, variants in table.items():
                merged[canonical] = tuple(dict.fromkeys(merged.get(canonical, ()) + variants))
        return merged

    def entry(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    @cached_property
    def _by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}


@dataclass(frozen=True)
class Review:
    """What `check` found: the knowledge (None when there are errors), errors and advice."""

    knowledge: Knowledge | None
    errors: list[Problem]
    advice: list[Problem]


def squash(text: str) -> str:
    """Collapse whitespace so a passage can be compared with its source "whitespace aside"."""
    return " ".join(text.split())


def pack_files(directory: Path) -> list[Path]:
    """Pack files in a knowledge directory (one per folder), in a stable order."""
    return sorted(directory.glob(f"*/{PACK_FILE}"))


def _pack_folders(directory: Path, found: Findings) -> list[Path]:
    """Pack files of every folder; unreadable folders are errors, not silently skipped."""
    files: list[Path] = []
    for child in sorted(directory.iterdir()):
        if child.name.startswith((".", "_")) or child.is_file():
            continue  # hidden folders, and data files beside the packs
        if not child.is_dir():
            found.error(child, "cannot be read (a broken link or not a folder)")
            continue
        try:
            os.listdir(child)
        except OSError as exc:
            found.error(child, f"pack folder cannot be read: {exc.strerror or exc}")
            continue
        if (child / PACK_FILE).exists() or (child / PACK_FILE).is_symlink():
            files.append(child / PACK_FILE)
    return files


def _text(data: dict[str, Any], key: str, file: Path, found: Findings,
          entry: str | None = None, required: bool = True, limit: int | None = None) -> str:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            found.error(file, "is missing or empty", entry, key)
        return ""
    if not isinstance(value, (str, int, float)):
        found.error(file, f"must be text, not {type(value).__name__}", entry, key)
        return ""
    text = str(value).strip()
    if limit is not None and len(text) > limit:
        found.error(file, f"is {len(text)} characters long; at most {limit} fit under an answer",
                    entry, key)
        return ""
    return text


def _link(data: dict[str, Any], key: str, file: Path, found: Findings,
          entry: str | None = None, required: bool = True) -> str:
    url = _text(data, key, file, found, entry, required, MAX_URL)
    if url and (not url.startswith(("https://", "http://")) or any(c.isspace() for c in url)):
        found.error(file, "must be an http(s) link without spaces", entry, key)
    return url


def _synonyms(raw: Any, file: Path, found: Findings, key: str | None = "synonyms"
              ) -> dict[str, tuple[str, ...]]:
    """A `synonyms:` table (`key` None: the whole file is one, as the lexicon is)."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        found.error(file, "must map a word to a list of its variants", None, key)
        return {}
    table: dict[str, tuple[str, ...]] = {}
    for canonical, variants in raw.items():
        if isinstance(variants, str):
            variants = [variants]
        if not isinstance(variants, list) or not all(
            isinstance(v, (str, int)) and str(v).strip() for v in variants
        ):
            found.error(file, f"variants of {canonical!r} must be a list of words", None, key)
            continue
        table[str(canonical).strip().lower()] = tuple(str(v).strip().lower() for v in variants)
    return table


def _read_yaml(pack_file: Path, found: Findings) -> dict[str, Any] | None:
    data, problem = read_yaml(pack_file)
    if problem is not None:
        found.error(problem.file, problem.message)
        return None
    if not isinstance(data, dict):
        found.error(pack_file, "must be a mapping with title, source_text and entries")
        return None
    return data


def _source(data: dict[str, Any], pack_file: Path, found: Findings) -> Source:
    return Source(
        title=_text(data, "title", pack_file, found, limit=MAX_LABEL),
        publisher=_text(data, "publisher", pack_file, found, limit=MAX_LABEL),
        url=_link(data, "url", pack_file, found),
        citation=_text(data, "citation", pack_file, found, required=False, limit=MAX_LABEL),
        citation_url=_link(data, "citation_url", pack_file, found, required=False),
    )


def _source_text(data: dict[str, Any], pack_file: Path, found: Findings) -> str:
    """The article's text, which must live inside the pack folder (no absolute paths or links
    leading elsewhere: a pack must not quote files it does not own)."""
    name = _text(data, "source_text", pack_file, found)
    if not name:
        return ""
    folder = pack_file.parent.resolve()
    path = (pack_file.parent / name).resolve()
    if Path(name).is_absolute() or not path.is_relative_to(folder):
        found.error(pack_file, f"{name!r} must be a file inside the pack folder", None,
                    "source_text")
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        found.error(pack_file, f"cannot read {pack_file.parent / name}: {exc}", None,
                    "source_text")
        return ""


def _questions(raw: dict[str, Any], pack_file: Path, label: str,
               found: Findings) -> tuple[str, ...]:
    questions = raw.get("questions")
    if isinstance(questions, str) and questions.strip():
        questions = [questions]
    if not isinstance(questions, list) or not questions or not all(
        isinstance(q, str) and q.strip() for q in questions
    ):
        found.error(pack_file, "must be a list of question texts", label, "questions")
        return ()
    if len(questions) < MIN_QUESTIONS:
        found.advise(pack_file, f"has {len(questions)} phrasing(s); {MIN_QUESTIONS} or more "
                                "help readers find it", label, "questions")
    return tuple(q.strip() for q in questions)


def _entry(raw: dict[str, Any], label: str, pack: Pack, haystack: str,
           found: Findings) -> Entry | None:
    pack_file = pack.path / PACK_FILE
    entry_id = label if label == str(raw.get("id")).strip() else ""  # else "#3": no id
    questions = _questions(raw, pack_file, label, found)
    answer = _text(raw, "answer", pack_file, found, label)
    if answer and haystack and squash(answer) not in haystack:
        found.error(pack_file, "is not quoted verbatim from the source text", label, "answer")
    if len(answer) > LONG_PASSAGE:
        found.advise(pack_file, f"is {len(answer)} characters long; a shorter passage reads "
                                "better in a chat", label, "answer")
    url = _link(raw, "url", pack_file, found, label, required=False)
    if not (entry_id and questions and answer):
        return None
    source = replace(pack.source, url=url) if url else pack.source
    return Entry(entry_id, pack.name, questions, squash(answer), source)


def load_pack(pack_file: Path) -> tuple[Pack | None, Findings]:
    """Read one pack: the pack (None if unreadable) with the entries that read well, and
    every error and piece of advice. A pack with errors must not be served."""
    found = Findings()
    data = _read_yaml(pack_file, found)
    if data is None:
        return None, found
    source = _source(data, pack_file, found)
    source_text = _source_text(data, pack_file, found)
    pack = Pack(pack_file.parent.name, pack_file.parent, source, source_text, (),
                _synonyms(data.get("synonyms"), pack_file, found))
    haystack = squash(source_text)
    entries = [_entry(raw, label, pack, haystack, found)
               for label, raw in listed(data.get("entries"), pack_file, found.errors, "entries",
                                        "entry", "id, questions, answer",
                                        (ENTRY_ID, ENTRY_ID_FORM))]
    return replace(pack, entries=tuple(e for e in entries if e is not None)), found


def _read_packs(directory: Path, found: Findings) -> list[Pack]:
    try:
        files = _pack_folders(directory, found)
    except OSError as exc:
        found.error(directory, f"cannot be read: {exc.strerror or exc}")
        return []
    if not files and not found.errors:
        found.error(directory, f"holds no packs (no */{PACK_FILE})")
    packs: list[Pack] = []
    for file in files:
        pack, pack_found = load_pack(file)
        found.extend(pack_found)
        if pack is not None:
            packs.append(pack)
    return packs


def _across_packs(packs: list[Pack], found: Findings) -> None:
    """Ids unique across packs (an error); phrasings nearly identical across entries (advice)."""
    from bot.neardup import near_pairs
    from bot.text import normalise

    ids: dict[str, Pack] = {}
    for pack in packs:
        for entry in pack.entries:
            other = ids.setdefault(entry.id, pack)
            if other is not pack:
                found.error(pack.path / PACK_FILE, f"is also used in pack {other.name!r}",
                            entry.id, "id")
    owners = [(pack, entry, q) for pack in packs for entry in pack.entries
              for q in entry.questions]
    texts = [normalise(q) for _, _, q in owners]
    for i, j in near_pairs(texts, [f"{p.name}/{e.id}" for p, e, _ in owners]):
        pack, entry, question = owners[j]
        found.advise(pack.path / PACK_FILE,
                     f"phrasing {question!r} is nearly identical to {owners[i][2]!r} of entry "
                     f"{owners[i][1].id!r}: the bot cannot tell them apart", entry.id,
                     "questions")


def review_knowledge(directory: Path) -> Review:
    """Validate every pack in a directory: all errors and advice, not just the first."""
    directory = Path(directory)
    if not directory.is_dir():
        return Review(None, [Problem(directory, "is not a knowledge directory")], [])
    found = Findings()
    packs = _read_packs(directory, found)
    _across_packs(packs, found)
    lexicon = _lexicon(data_file(directory, LEXICON_FILE), found)
    if found.errors:
        return Review(None, found.errors, found.advice)
    return Review(Knowledge(tuple(packs), tuple(found.advice), lexicon), [], found.advice)


def _lexicon(file: Path, found: Findings) -> dict[str, tuple[str, ...]]:
    """The lexicon file's table (none when there is no file): a pack's `synonyms:` shape."""
    if not file.is_file():
        return {}
    data, problem = read_yaml(file)
    if problem is not None:
        found.error(problem.file, problem.message)
        return {}
    return _synonyms(data, file, found, None)


def check_knowledge(directory: Path,
                    strict: bool = False) -> tuple[Knowledge | None, list[Problem]]:
    """The knowledge and the problems that stop it being served (with `strict`, advice too)."""
    review = review_knowledge(directory)
    problems = review.errors + (review.advice if strict else [])
    return (None if problems else review.knowledge), problems


def load_knowledge(directory: Path, strict: bool = False) -> Knowledge:
    """Load a knowledge directory or raise `KnowledgeError` naming every problem."""
    knowledge, problems = check_knowledge(directory, strict)
    if knowledge is None:
        raise KnowledgeError(problems)
    return knowledge


def entry_ids(directory: Path) -> set[str]:
    """Ids of the entries in a knowledge directory that read well (errors elsewhere aside)."""
    if not Path(directory).is_dir():
        return set()
    found = Findings()
    return {e.id for pack in _read_packs(Path(directory), found) for e in pack.entries}
