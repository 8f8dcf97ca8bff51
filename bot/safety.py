"""The safety screen: a message that signals a medical emergency or a risk of suicide or
self-harm gets a fixed, calm safety reply before anything else sees it.

Everything a deployment may change lives in `knowledge/safety.yaml` (patterns, reply texts,
helplines), validated here so `python -m bot check` can name the file, rule and field of any
mistake. Matching is regular expressions over a normalised form of the message:

- casefolded, accents folded ("está" -> "esta"), apostrophes dropped ("can't" -> "cant"),
  zero-width characters removed, censoring and digits-for-letters undone ("d*e", "k1ll"),
  every other punctuation mark a space;
- split into clauses at sentence punctuation and commas, so a rule's `unless` (a question
  *about* risk, a hypothetical) only cancels a hit in its own clause; a rule's `requires`
  (context such as a transplant, for a fever) may be anywhere in the message;
- letters repeated three or more times tried both as two and as one ("killll" -> "kill",
  "diiie" -> "die"), and once more with misspelt key words (the file's `vocabulary`)
  corrected within one edit (two for words of twelve letters or more);
- a rule's `language` picks the reply's language, English when the file has none for it; a
  message with signs of both kinds gets the self-harm reply, which names the emergency
  number first.
- only the first and last `max_chars` characters are examined (1000 by default), which keeps a
  100 KB message as cheap as a long one; a crisis phrase hidden in the middle of a longer
  message is the accepted miss.

Patterns must not nest unbounded quantifiers (`(a+)+`); `check` rejects the obvious forms, so
matching stays linear in the capped length.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.knowledge import KnowledgeError, Problem

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when built with libyaml

DEFAULT_SAFETY_FILE = "safety.yaml"
DEFAULT_LANGUAGE = "en"
MAX_CHARS = 1000
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_FRAGMENT = re.compile(r"\{([a-z_]+)\}")
# Nested unbounded repetition, e.g. (a+)+ or (\w*)*: the classic catastrophic backtracking.
_NESTED = re.compile(r"\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*]")


class CrisisKind(StrEnum):
    EMERGENCY = "emergency"
    SELF_HARM = "self_harm"


# A message with signs of both gets the self-harm reply: it names the emergency number first.
PRECEDENCE = (CrisisKind.SELF_HARM, CrisisKind.EMERGENCY)


@dataclass(frozen=True)
class Crisis:
    """A message the screen caught: `reply` is the fixed text to send, and nothing else."""

    kind: CrisisKind
    reply: str
    rule: str = ""  # the rule that fired (for tests and curators; never logged with the text)


# -- normalisation ------------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f"
                                    "\u2060\u2061\u2062\u2063\u2064\ufeff"), None)
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})
_APOSTROPHES = re.compile(r"['’‘`´ʼ′]")
_CLAUSE = re.compile(r"[.!?;,¿¡\n\r\t…|/()\[\]\"“”«»]+|\s[-–—]+\s")
_NON_WORD = re.compile(r"[\W_]+")
_REPEAT3 = re.compile(r"([^\W\d_])\1{2,}")
_CENSORED = re.compile(r"(?<=[a-z])[*]+(?=[a-z])")  # "d*e", "k*ll": the missing letter an i
_LEET = str.maketrans("01345", "oieas")
_MIXED = re.compile(r"\b[a-z]\w*\d\w*")  # "k1ll", "su1c1de" (not "39c": a number first)


def fold(text: str) -> str:
    """Casefolded, accents and invisible characters off, apostrophes dropped."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", text.translate(_LIGATURES))


def clauses(text: str, max_chars: int = MAX_CHARS) -> list[str]:
    """The examined part of a message as normalised clauses (each " word word ... ")."""
    if len(text) > 2 * max_chars:
        text = text[:max_chars] + "\n" + text[-max_chars:]
    out = []
    folded = _CENSORED.sub("i", fold(text))
    folded = _MIXED.sub(lambda m: m.group().translate(_LEET), folded)
    for part in _CLAUSE.split(folded):
        words = _NON_WORD.sub(" ", part).split()
        if words:
            out.append(" ".join(words))
    return out


# -- the screen ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    id: str
    kind: CrisisKind
    language: str
    pattern: re.Pattern[str]
    requires: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()

    def hit(self, clauses: Iterable[str], whole: str) -> bool:
        for clause in clauses:
            if self.pattern.search(clause) and not any(u.search(clause) for u in self.unless):
                return not self.requires or any(r.search(whole) for r in self.requires)
        return False


class SafetyScreen:
    """Emergency and self-harm rules plus the replies to send, read from the safety file."""

    def __init__(self, rules: Iterable[Rule], replies: dict[CrisisKind, dict[str, str]], *,
                 figures: re.Pattern[str] | None = None, vocabulary: Iterable[str] = (),
                 max_chars: int = MAX_CHARS):
        ordered = list(rules)
        self.rules = tuple(r for kind in PRECEDENCE for r in ordered if r.kind is kind)
        self.replies = replies
        self.figures = figures
        self.vocabulary = tuple(sorted({w for w in vocabulary if len(w) >= 6}))
        self._known = frozenset(self.vocabulary)
        self.max_chars = max_chars
        self._correct = lru_cache(maxsize=16384)(self._correct_word)

    def check(self, text: str) -> Crisis | None:
        """The crisis a message signals, or None. Self-harm is tried before emergencies."""
        variants = list(self._variants(clauses(text, self.max_chars)))
        if not variants:
            return None
        for rule in self.rules:
            for parts in variants:
                if rule.hit(parts, " | ".join(parts)):
                    return Crisis(rule.kind, self.reply(rule.kind, rule.language), rule.id)
        return None

    def reply(self, kind: CrisisKind, language: str = DEFAULT_LANGUAGE) -> str:
        texts = self.replies[kind]
        return texts.get(language) or texts[DEFAULT_LANGUAGE]

    def _variants(self, parts: list[str]) -> Iterator[list[str]]:
        """The clauses as written, with elongations squeezed to two letters and to one, and
        with misspelt vocabulary words corrected (an extra try, never instead of the text)."""
        seen: set[tuple[str, ...]] = set()
        for squeeze, correct in ((r"\1\1", False), (r"\1", False), (r"\1\1", True)):
            if correct and not self.vocabulary:
                continue
            out = []
            for part in parts:
                part = _REPEAT3.sub(squeeze, part)
                if correct:
                    part = " ".join(self._correct(w) for w in part.split())
                if self.figures is not None:
                    part = " ".join(self.figures.sub(" ", f" {part} ").split())
                if part:
                    out.append(f" {part} ")
            key = tuple(out)
            if out and key not in seen:
                seen.add(key)
                yield out

    def _correct_word(self, word: str) -> str:
        if len(word) < 6 or word in self._known or not word.isalpha():
            return word
        limit = 2 if len(word) >= 12 else 1  # "conversing" is not "convulsing"
        best = process.extractOne(word, self.vocabulary, scorer=OSA.distance,
                                  score_cutoff=limit)
        return best[0] if best is not None else word


# -- the file -----------------------------------------------------------------------------------


def _regex(source: str, fragments: dict[str, str], file: Path, problems: list[Problem],
           entry: str | None, field: str) -> str | None:
    """A pattern with its {fragments} filled in, or None (and a Problem) if it is unusable."""
    if not isinstance(source, str) or not source.strip():
        problems.append(Problem(file, "must be a non-empty pattern", entry, field))
        return None
    unknown = [n for n in _FRAGMENT.findall(source) if n not in fragments]
    if unknown:
        problems.append(Problem(file, f"uses undefined word group {{{unknown[0]}}} "
                                      f"(define it under `words`)", entry, field))
        return None
    filled = _FRAGMENT.sub(lambda m: fragments[m.group(1)], source)
    if _NESTED.search(filled):
        problems.append(Problem(file, f"nests repetition ({source!r}), which can take "
                                      f"exponential time: write it without (x+)+", entry, field))
        return None
    return filled


def _compiles(source: str, filled: str, file: Path, problems: list[Problem],
              entry: str | None, field: str) -> bool:
    try:
        re.compile(filled)
    except re.error as exc:
        problems.append(Problem(file, f"is not a valid regular expression ({source!r}): {exc}",
                                entry, field))
        return False
    return True


def _patterns(raw: Any, fragments: dict[str, str], file: Path, problems: list[Problem],
              entry: str | None, field: str, required: bool) -> re.Pattern[str] | None:
    if raw is None and not required:
        return None
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(file, "must be a non-empty list of patterns", entry, field))
        return None
    found = [_regex(p, fragments, file, problems, entry, f"{field}[{i}]")
             for i, p in enumerate(raw, start=1)]
    good = [p for p in found if p is not None]
    if len(good) != len(found):
        return None
    try:  # compiled once as a whole; one by one only to name a broken pattern
        return re.compile("|".join(f"(?:{p})" for p in good))
    except re.error:
        for i, (source, filled) in enumerate(zip(raw, good, strict=True), start=1):
            _compiles(source, filled, file, problems, entry, f"{field}[{i}]")
        return None


def _pattern_list(raw: Any, fragments: dict[str, str], file: Path, problems: list[Problem],
                  entry: str, field: str, shared: dict[str, re.Pattern[str]],
                  ) -> tuple[re.Pattern[str], ...]:
    """Optional patterns kept apart: rules share many (`{question}`), compiled once each."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(file, "must be a non-empty list of patterns", entry, field))
        return ()
    out = []
    for i, source in enumerate(raw, start=1):
        filled = _regex(source, fragments, file, problems, entry, f"{field}[{i}]")
        if filled is None:
            continue
        if filled not in shared:
            if not _compiles(source, filled, file, problems, entry, f"{field}[{i}]"):
                continue
            shared[filled] = re.compile(filled)
        out.append(shared[filled])
    return tuple(out)


def _read(file: Path) -> tuple[Any, list[Problem]]:
    try:
        return yaml.load(file.read_text(encoding="utf-8"), Loader=_LOADER), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        return None, [Problem(file, f"is not valid YAML{where}: {getattr(exc, 'problem', exc)}")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(file, f"cannot be read: {exc}")]


def _replies(raw: Any, file: Path, problems: list[Problem]) -> dict[CrisisKind, dict[str, str]]:
    out: dict[CrisisKind, dict[str, str]] = {}
    if not isinstance(raw, dict):
        problems.append(Problem(file, "must map emergency and self_harm to their reply texts",
                                None, "replies"))
        return out
    for kind in CrisisKind:
        texts = raw.get(kind.value)
        if isinstance(texts, str):
            texts = {DEFAULT_LANGUAGE: texts}
        if not isinstance(texts, dict) or not texts:
            problems.append(Problem(file, "is missing: give at least the English (en) text",
                                    kind.value, "replies"))
            continue
        table: dict[str, str] = {}
        for lang, text in texts.items():
            if not LANGUAGE.match(str(lang)):
                problems.append(Problem(file, f"{lang!r} is not a language code like en or es",
                                        kind.value, f"replies.{lang}"))
            elif not isinstance(text, str) or not text.strip():
                problems.append(Problem(file, "must be a non-empty text", kind.value,
                                        f"replies.{lang}"))
            else:
                table[str(lang)] = text.strip()
        if DEFAULT_LANGUAGE not in texts:
            problems.append(Problem(file, "needs an English (en) text, the fallback",
                                    kind.value, "replies"))
        out[kind] = table
    for key in raw:
        if key not in {k.value for k in CrisisKind}:
            problems.append(Problem(file, f"unknown kind {key!r} (emergency or self_harm)",
                                    None, "replies"))
    return out


def _words(raw: Any, file: Path, problems: list[Problem]) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(Problem(file, "must map a name to a pattern", None, "words"))
        return {}
    fragments: dict[str, str] = {}
    for name, source in raw.items():
        if not isinstance(name, str) or not re.fullmatch(r"[a-z_]+", name):
            problems.append(Problem(file, f"name {name!r} must be lowercase letters or _",
                                    None, "words"))
            continue
        filled = _regex(source, fragments, file, problems, None, f"words.{name}")
        if filled is not None and _compiles(source, filled, file, problems, None,
                                            f"words.{name}"):
            fragments[name] = f"(?:{filled})"
    return fragments


def _load(file: Path) -> tuple[SafetyScreen | None, list[Problem]]:
    data, problems = _read(file)
    if problems:
        return None, problems
    if not isinstance(data, dict):
        return None, [Problem(file, "must be a mapping with replies and rules")]
    replies = _replies(data.get("replies"), file, problems)
    fragments = _words(data.get("words"), file, problems)
    figures = _patterns(data.get("figures_of_speech"), fragments, file, problems, None,
                        "figures_of_speech", required=False)
    vocabulary = data.get("vocabulary") or []
    if not isinstance(vocabulary, list) or not all(isinstance(w, str) for w in vocabulary):
        problems.append(Problem(file, "must be a list of words", None, "vocabulary"))
        vocabulary = []
    max_chars = data.get("max_chars", MAX_CHARS)
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 100:
        problems.append(Problem(file, "must be a whole number of at least 100", None,
                                "max_chars"))
        max_chars = MAX_CHARS

    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        problems.append(Problem(file, "must be a non-empty list", None, "rules"))
        raw_rules = []
    rules: list[Rule] = []
    shared: dict[str, re.Pattern[str]] = {}
    seen: set[str] = set()
    for index, raw in enumerate(raw_rules, start=1):
        label = f"#{index}"
        if not isinstance(raw, dict):
            problems.append(Problem(file, "must be a mapping with id, kind and patterns", label))
            continue
        rule_id = raw.get("id")
        if not isinstance(rule_id, str) or not rule_id.strip():
            problems.append(Problem(file, "is missing or empty", label, "id"))
        else:
            label = rule_id.strip()
            if label in seen:
                problems.append(Problem(file, "is used by another rule", label, "id"))
            seen.add(label)
        kind = raw.get("kind")
        if kind not in {k.value for k in CrisisKind}:
            problems.append(Problem(file, "must be emergency or self_harm", label, "kind"))
        language = str(raw.get("language", DEFAULT_LANGUAGE))
        if not LANGUAGE.match(language):
            problems.append(Problem(file, "must be a language code like en or es", label,
                                    "language"))
        unknown = set(raw) - {"id", "kind", "language", "patterns", "requires", "unless"}
        if unknown:
            problems.append(Problem(file, f"unknown field(s): {', '.join(sorted(unknown))}",
                                    label, None))
        pattern = _patterns(raw.get("patterns"), fragments, file, problems, label,
                            "patterns", required=True)
        requires = _pattern_list(raw.get("requires"), fragments, file, problems, label,
                                 "requires", shared)
        unless = _pattern_list(raw.get("unless"), fragments, file, problems, label, "unless",
                               shared)
        if pattern is not None and kind in {k.value for k in CrisisKind}:
            rules.append(Rule(label, CrisisKind(kind), language, pattern, requires, unless))
    if problems:
        return None, problems
    return SafetyScreen(rules, replies, figures=figures,
                        vocabulary=(fold(w) for w in vocabulary), max_chars=max_chars), []


def check_safety(path: Path) -> list[Problem]:
    """Every problem with a safety file (empty when it is sound): for `python -m bot check`."""
    return _load(Path(path))[1]


def load_safety(path: Path) -> SafetyScreen:
    """Read the safety file or raise `KnowledgeError` naming every problem."""
    screen, problems = _load(Path(path))
    if screen is None:
        raise KnowledgeError(problems)
    return screen
