"""Reading and validating `safety.yaml`: the crisis rules, their patterns and the replies.

Every mistake is a `Problem` naming the file, the rule and the field (a pattern that does not
compile, one that could take exponential time, a reply missing for a kind), so a deployment
editing its own emergency numbers cannot break the screen silently.
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.problems import KnowledgeError, Problem, listed, read_yaml
from bot.safety import (
    DEFAULT_LANGUAGE,
    MAX_CHARS,
    MODEL_THRESHOLD,
    CrisisKind,
    Rule,
    SafetyScreen,
    fold,
)
from bot.safety_model import SafetyModel

_FRAGMENT = re.compile(r"\{([a-z_]+)\}")
# Nested unbounded repetition, e.g. (a+)+ or (\w*)*: the classic catastrophic backtracking.
_NESTED = re.compile(r"\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*]")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
# Letters beyond ASCII, which messages lose accents on before matching (`fold`): a pattern's are
# folded the same way, so "й" or "å" written in a rule can match at all. ASCII is left alone:
# casefolding would turn the escapes \S, \W, \D, \B into their opposites.
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]+")
# Compiling the rules' patterns is almost all of loading the file (`re` keeps only 512): kept
# for the process, a reload of an unchanged file compiles nothing and an edit only what changed.
_compile = lru_cache(maxsize=4096)(re.compile)


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
    filled = _BEYOND_ASCII.sub(lambda m: fold(m.group()),
                               _FRAGMENT.sub(lambda m: fragments[m.group(1)], source))
    if _NESTED.search(filled):
        problems.append(Problem(file, f"nests repetition ({source!r}), which can take "
                                      f"exponential time: write it without (x+)+", entry, field))
        return None
    return filled


def _compiles(source: str, filled: str, file: Path, problems: list[Problem],
              entry: str | None, field: str) -> bool:
    try:
        _compile(filled)
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
        return _compile("|".join(f"(?:{p})" for p in good))
    except re.error:
        for i, (source, filled) in enumerate(zip(raw, good, strict=True), start=1):
            _compiles(source, filled, file, problems, entry, f"{field}[{i}]")
        return None


def _pattern_list(raw: Any, fragments: dict[str, str], file: Path, problems: list[Problem],
                  entry: str, field: str) -> tuple[re.Pattern[str], ...]:
    """Optional patterns kept apart: rules share many (`{question}`), compiled once each
    (`_compile`)."""
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
        if _compiles(source, filled, file, problems, entry, f"{field}[{i}]"):
            out.append(_compile(filled))
    return tuple(out)


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
    data, problem = read_yaml(file)
    if problem is not None:
        return None, [problem]
    if not isinstance(data, dict):
        return None, [Problem(file, "must be a mapping with replies and rules")]
    problems: list[Problem] = []
    replies = _replies(data.get("replies"), file, problems)
    fragments = _words(data.get("words"), file, problems)
    figures = _patterns(data.get("figures_of_speech"), fragments, file, problems, None,
                        "figures_of_speech", required=False)
    vocabulary, real_words = (_word_list(data, name, file, problems)
                              for name in ("vocabulary", "real_words"))
    max_chars = data.get("max_chars", MAX_CHARS)
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 100:
        problems.append(Problem(file, "must be a whole number of at least 100", None,
                                "max_chars"))
        max_chars = MAX_CHARS

    model, threshold = _model(data, file, problems)
    language_words = _language_words(data.get("language_words"), file, problems)

    rules: list[Rule] = []
    for label, raw in listed(data.get("rules"), file, problems, "rules", "rule",
                             "id, kind and patterns"):
        kind = raw.get("kind")
        if kind not in {k.value for k in CrisisKind}:
            problems.append(Problem(file, "must be emergency or self_harm", label, "kind"))
        language = None if raw.get("language") is None else str(raw["language"])
        if language is not None and not LANGUAGE.match(language):
            problems.append(Problem(file, "must be a language code like en or es", label,
                                    "language"))
        unknown = set(raw) - {"id", "kind", "language", "patterns", "requires", "unless"}
        if unknown:
            problems.append(Problem(file, f"unknown field(s): {', '.join(sorted(unknown))}",
                                    label, None))
        pattern = _patterns(raw.get("patterns"), fragments, file, problems, label,
                            "patterns", required=True)
        requires = _pattern_list(raw.get("requires"), fragments, file, problems, label,
                                 "requires")
        unless = _pattern_list(raw.get("unless"), fragments, file, problems, label, "unless")
        if pattern is not None and kind in {k.value for k in CrisisKind}:
            rules.append(Rule(label, CrisisKind(kind), language, pattern, requires, unless))
    if problems:
        return None, problems
    return SafetyScreen(rules, replies, figures=figures,
                        vocabulary=(fold(w) for w in vocabulary),
                        real_words=(fold(w) for w in real_words), max_chars=max_chars,
                        model=model, model_threshold=threshold,
                        language_words=language_words), []


def _word_list(data: dict[str, Any], name: str, file: Path,
               problems: list[Problem]) -> list[str]:
    words = data.get(name) or []
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        problems.append(Problem(file, "must be a list of words", None, name))
        return []
    return words


def _language_words(raw: Any, file: Path, problems: list[Problem]) -> dict[str, list[str]]:
    """`language_words`: a language code -> the common words that mark a message as in it."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(Problem(file, "must map a language code to a list of its common words",
                                None, "language_words"))
        return {}
    out: dict[str, list[str]] = {}
    for lang, found in raw.items():
        if not LANGUAGE.match(str(lang)):
            problems.append(Problem(file, f"{lang!r} is not a language code like en or es", None,
                                    f"language_words.{lang}"))
        elif (not isinstance(found, list) or not found
              or not all(isinstance(w, str) and w.strip() for w in found)):
            problems.append(Problem(file, "must be a non-empty list of words", None,
                                    f"language_words.{lang}"))
        else:
            out[str(lang)] = found
    return out


def _model(data: dict[str, Any], file: Path,
           problems: list[Problem]) -> tuple[SafetyModel | None, float]:
    """The learnt model named by `model` (a file beside the safety file) and its threshold."""
    threshold = data.get("model_threshold", MODEL_THRESHOLD)
    if (not isinstance(threshold, (int, float)) or isinstance(threshold, bool)
            or not 0.5 <= threshold < 1.0):
        problems.append(Problem(file, "must be a probability from 0.5 up to 1 (not 1)", None,
                                "model_threshold"))
        threshold = MODEL_THRESHOLD
    name = data.get("model")
    if name is None:
        return None, float(threshold)
    if not isinstance(name, str) or not (file.parent / name).is_file():
        problems.append(Problem(file, f"must name a model file beside {file.name}", None,
                                "model"))
        return None, float(threshold)
    try:
        return SafetyModel.load(file.parent / name), float(threshold)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        problems.append(Problem(file, f"could not be read: {exc}", None, "model"))
        return None, float(threshold)


def check_safety(path: Path) -> list[Problem]:
    """Every problem with a safety file (empty when it is sound): for `python -m bot check`."""
    return _load(Path(path))[1]


def load_safety(path: Path) -> SafetyScreen:
    """Read the safety file or raise `KnowledgeError` naming every problem."""
    screen, problems = _load(Path(path))
    if screen is None:
        raise KnowledgeError(problems)
    return screen
