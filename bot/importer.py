"""`import`: a publisher's FAQ (spreadsheet, saved page, Markdown, web address) -> a new pack.

The pack is written to a staging folder, never straight into the served knowledge, so a curator
looks at it (and `check`s it) before readers see it. Answers are quoted verbatim from the pack's
source text: the article given with `--source-text`, or the FAQ page's own text. An entry gets as
many phrasings as the FAQ has (often one): that is advice for the curator, never invented.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from bot.faqpage import Page, PageError, chatbot_variables, clean, fetch, read_html, read_markdown
from bot.knowledge import ENTRY_ID, MIN_QUESTIONS, PACK_FILE, entry_ids, squash
from bot.text import normalise

STAGING = Path("imported")  # default parent of a new pack: not the served knowledge folder
EXAMPLES = 3  # rows named per kind of advice


class PackImportError(ValueError):
    """The FAQ cannot become a pack; the message names the file, line and column."""


@dataclass(frozen=True)
class Row:
    """One question with its answer, where it was found, and its own link if any."""

    question: str
    answer: str
    where: str  # "row 3", "question 2"
    url: str = ""


@dataclass(frozen=True)
class Faq:
    """What a FAQ file or page holds; `text` is the page's text (None for a spreadsheet)."""

    rows: list[Row]
    text: str | None = None
    title: str = ""
    publisher: str = ""
    url: str = ""


@dataclass
class Advice:
    """Advice grouped by kind, so 300 rows with one issue read as one line, not 300."""

    kinds: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, kind: str, example: str = "") -> None:
        self.kinds[kind].append(example)

    def lines(self) -> tuple[str, ...]:
        out = []
        for kind, examples in self.kinds.items():
            named = [e for e in examples if e]
            if not named:
                out.append(kind)
                continue
            more = ", …" if len(named) > EXAMPLES else ""
            out.append(f"{kind} ({len(named)}: {', '.join(named[:EXAMPLES])}{more})")
        return tuple(out)


@dataclass(frozen=True)
class ImportedPack:
    path: Path  # the new pack folder
    entries: int
    phrasings: int
    advice: tuple[str, ...]

    def summary(self) -> str:
        lines = [f"Created {self.path / PACK_FILE}: {self.entries} entries, "
                 f"{self.phrasings} phrasings."]
        lines += [f"- {a}" for a in self.advice]
        lines.append(f"Check it with `python -m bot --knowledge {self.path.parent} check`, then "
                     f"move {self.path} into the knowledge folder to serve it.")
        return "\n".join(lines)


_SLUG_DROP = {"a", "an", "the", "is", "are", "do", "does", "can", "i", "my", "me", "of", "to",
              "it", "in", "for", "what", "how", "why", "when", "who", "which", "will", "should"}


def slug(text: str, limit: int = 40) -> str:
    """A stable, readable entry id from a question: its content words, hyphenated."""
    tokens = re.findall(r"[a-z0-9]+", normalise(text).replace("'", ""))
    content = [w for w in tokens if w not in _SLUG_DROP] or tokens or ["entry"]
    out = ""
    for w in content:
        candidate = f"{out}-{w}" if out else w
        if len(candidate) > limit:
            break
        out = candidate
    return out or content[0][:limit]


# -- reading ----------------------------------------------------------------------------------

def read_faq(source: str | Path) -> Faq:
    """Rows of a CSV/TSV, a saved HTML page, a Markdown file or an http(s) address."""
    text = str(source)
    try:
        if text.startswith(("https://", "http://")):
            body, final = fetch(text)
            return _page_faq(read_html(body, final))
        path = Path(source)
        suffix = path.suffix.lower()
        if suffix in {".html", ".htm", ".xhtml"}:
            return _page_faq(read_html(_read(path), ""))
        if suffix in {".md", ".markdown"}:
            return _page_faq(read_markdown(_decode(path, _read(path))))
    except PageError as exc:
        raise PackImportError(f"{source}: {exc}") from exc
    return Faq(_read_rows(Path(source)))


def _page_faq(page: Page) -> Faq:
    rows = [Row(qa.question, qa.answer, f"question {n}", qa.url)
            for n, qa in enumerate(page.items, start=1)]
    return Faq(rows, page.text, page.title, page.publisher, page.url)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PackImportError(f"{path}: cannot be read: {exc.strerror or exc}") from exc


def _decode(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PackImportError(f"{path}: is not UTF-8 text (export the spreadsheet as "
                              f"UTF-8 CSV or TSV): {exc}") from exc
    if not text.strip():
        raise PackImportError(f"{path}: is empty")
    return text


def _delimiter(path: Path, text: str) -> str:
    first = text.splitlines()[0]
    suffix = path.suffix.lower()
    if suffix in {".tsv", ".tab"}:
        return "\t"
    if suffix == ".csv" and "\t" not in first:
        return ";" if first.count(";") > first.count(",") else ","  # comma-decimal locales
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t").delimiter
    except csv.Error as exc:
        raise PackImportError(f"{path}: is not CSV or TSV (cannot tell the column "
                              "separator)") from exc


def _table(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """Records with the line each starts on; a syntax error names its line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(path, text),
                        strict=True)
    table: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return table
        except csv.Error as exc:
            hint = " (a quoted cell opened there is never closed)" if "end of data" in str(
                exc) else ""
            raise PackImportError(f"{path}: line {start}: {exc}{hint}") from exc
        table.append((start, record))


def _read_rows(path: Path) -> list[Row]:
    table = _table(path, _decode(path, _read(path)))
    header = [h.strip().lower() for h in table[0][1]]
    missing = [c for c in ("question", "answer") if c not in header]
    if missing:
        raise PackImportError(
            f"{path}: needs columns 'question' and 'answer' (and optionally 'source_url'); "
            f"the first row has {', '.join(repr(h) for h in table[0][1]) or 'nothing'}")
    rows = []
    for line, values in table[1:]:
        if not any(v.strip() for v in values):
            continue
        cells = {h: (values[i].strip() if i < len(values) else "") for i, h in enumerate(header)}
        for column in ("question", "answer"):
            if not cells.get(column):
                raise PackImportError(f"{path}: line {line}: column {column!r} is empty")
        rows.append(Row(cells["question"], cells["answer"], f"line {line}",
                        cells.get("source_url", "")))
    if not rows:
        raise PackImportError(f"{path}: has a header but no rows")
    return rows


# -- building the pack ------------------------------------------------------------------------

@dataclass
class Group:
    """Rows sharing one answer: one entry."""

    answer: str
    questions: list[str]
    url: str


def _group(rows: list[Row], advice: Advice) -> list[Group]:
    """Rows with the same cleaned answer become one entry with several phrasings."""
    groups: dict[str, Group] = {}
    owner_of: dict[str, str] = {}
    for row in rows:
        answer, question = clean(row.answer), " ".join(clean(row.question).split())
        if variables := chatbot_variables(answer):
            advice.add("answers with chatbot placeholders were left out (a reader would see "
                       "them as typed); write them out in full", f"{row.where} {variables[0]!r}")
            continue
        key = squash(answer)
        group = groups.setdefault(key, Group(answer, [], row.url))
        qkey = normalise(question)
        if owner_of.setdefault(qkey, key) != key:
            advice.add("questions listed under two different answers were kept under the "
                       "first; check which one is right", f"{row.where} {question!r}")
            continue
        if question not in group.questions:
            group.questions.append(question)
    return [g for g in groups.values() if g.questions]


def _entries(groups: list[Group], taken: set[str], url: str) -> list[dict[str, Any]]:
    entries = []
    for group in groups:
        base = slug(group.questions[0])
        entry_id, n = base, 2
        while entry_id in taken:
            entry_id, n = f"{base}-{n}", n + 1
        taken.add(entry_id)
        entry: dict[str, Any] = {"id": entry_id, "questions": group.questions,
                                 "answer": squash(group.answer)}
        own = url.split("#")[0] + group.url if group.url.startswith("#") else group.url
        if own and own != url:
            entry["url"] = own
        entries.append(entry)
    return entries


def _source(faq: Faq, origin: str, name: str, title: str | None, publisher: str | None,
            url: str | None, advice: Advice) -> tuple[str, str, str]:
    """The pack's title, publisher and link, from the options or the FAQ itself."""
    urls = list(dict.fromkeys(r.url for r in faq.rows if r.url and "#" not in r.url))
    url = url or faq.url or (urls[0] if urls else None)
    if not url:
        raise PackImportError(f"{origin}: no source URL: give --url, or fill the source_url "
                              "column with the article's address")
    if not url.startswith(("https://", "http://")):
        raise PackImportError(f"source URL {url!r} must be an http(s) link")
    if len(urls) > 1:
        advice.add(f"the rows cite {len(urls)} different pages: each entry links its own, "
                   f"the pack links {url}")
    if not title:
        title = faq.title or Path(origin).stem.replace("_", " ").replace("-", " ").strip(
            ).capitalize() or name
        advice.add(f"title set to {title!r}; give --title for the real title")
    if not publisher:
        publisher = faq.publisher or re.sub(r"^www\.", "", url.split("/")[2])
        advice.add(f"publisher set to {publisher!r}; give --publisher to name it properly")
    return title[:300], publisher[:300], url


def _target(origin: str, faq: Faq, out: Path | None, name: str | None) -> Path:
    if out is None:
        stem = Path(origin.rstrip("/")).stem if "://" not in origin else faq.title or "faq"
        out = STAGING / (name or slug(stem.replace("_", " "), 48))
    if not ENTRY_ID.match(out.name):
        raise PackImportError(f"pack name {out.name!r} must be 1-48 lowercase letters, digits, "
                              "'-' or '_'")
    if out.exists():
        raise PackImportError(f"{out} already exists; choose another --out or --name "
                              "(import never overwrites a pack)")
    return out


def _source_text(faq: Faq, entries: list[dict[str, Any]], given: Path | None,
                 advice: Advice) -> tuple[str, str]:
    """The pack's source text and a comment saying where it came from."""
    if given is not None:
        try:
            return Path(given).read_text(encoding="utf-8"), f"a copy of {Path(given).name}"
        except (OSError, UnicodeDecodeError) as exc:
            raise PackImportError(f"{given}: the source text cannot be read: {exc}") from exc
    if faq.text is not None:
        return faq.text + "\n", "the FAQ page's text"
    advice.add("no source text given: source.txt holds the answers themselves; replace it "
               "with the article's text and `check` will verify every quote")
    return "\n\n".join(e["answer"] for e in entries) + "\n", "the answers themselves (no " \
        "source text was given: replace it with the article's text when you have it)"


def _verbatim(entries: list[dict[str, Any]], text: str) -> None:
    haystack = squash(text)
    missing = [e["id"] for e in entries if e["answer"] not in haystack]
    if missing:
        raise PackImportError(f"{len(missing)} answer(s) are not quoted verbatim from the "
                              f"source text: {', '.join(missing[:EXAMPLES])}"
                              f"{', …' if len(missing) > EXAMPLES else ''}")


def import_pack(source: str | Path, out: Path | None = None, knowledge_dir: Path | None = None,
                source_text: Path | None = None, name: str | None = None,
                title: str | None = None, publisher: str | None = None,
                url: str | None = None) -> ImportedPack:
    """Create a pack folder `out` (default `imported/<name>`) from a FAQ.

    Entry ids are unique across `knowledge_dir` (the served knowledge) and the packs beside
    `out`. Never overwrites: an existing folder is an error.
    """
    origin = str(source)
    faq = read_faq(source)
    target = _target(origin, faq, Path(out) if out else None, name)
    advice = Advice()
    title, publisher, url = _source(faq, origin, target.name, title, publisher, url, advice)
    taken = entry_ids(target.parent) | (entry_ids(knowledge_dir) if knowledge_dir else set())
    entries = _entries(_group(faq.rows, advice), taken, url)
    if not entries:
        raise PackImportError(f"{origin}: no question could be imported")
    few = [e["id"] for e in entries if len(e["questions"]) < MIN_QUESTIONS]
    if few:
        for entry_id in few:
            advice.add(f"entries with fewer than {MIN_QUESTIONS} phrasings are served; "
                       "readers' questions in `stats` show which to add", entry_id)
    text, origin_note = _source_text(faq, entries, source_text, advice)
    _verbatim(entries, text)
    data = {"title": title, "publisher": publisher, "url": url, "source_text": "source.txt",
            "entries": entries}
    shown = origin if "://" in origin else Path(origin).name
    header = (f"# Knowledge pack imported from {shown}"
              f" on {datetime.now(UTC).date().isoformat()} by `python -m bot import`.\n"
              "# Curators edit this file by hand; `python -m bot check` validates it.\n"
              f"# source.txt is {origin_note}; every answer is quoted verbatim from it.\n\n")
    _write(target, header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True,
                                           width=100), text)
    return ImportedPack(target, len(entries), sum(len(e["questions"]) for e in entries),
                        advice.lines())


def _write(target: Path, pack: str, text: str) -> None:
    target.mkdir(parents=True)
    try:
        (target / "source.txt").write_text(text, encoding="utf-8")
        (target / PACK_FILE).write_text(pack, encoding="utf-8")
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        raise
