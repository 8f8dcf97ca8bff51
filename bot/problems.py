"""What is wrong with a curator's file, located precisely enough to fix by hand: the YAML
reading and the problem reports shared by packs, the lexicon, safety and small talk.

A curator edits YAML by hand, so it is read strictly (a key given twice is an error, not a
silent overwrite) and every problem names its file, and where it can the entry and field.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


class _Loader(_BASE_LOADER):  # type: ignore[valid-type,misc]
    """Safe loading, except that a key given twice in one mapping is an error: YAML itself
    keeps the last one silently, so a curator's second `patterns:` would erase the first."""


def _unique_keys(loader: Any, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, Hashable):
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is given twice in one mapping",
                    key_node.start_mark)
            seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_keys)


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


@dataclass
class Findings:
    """Errors and advice gathered while reading packs."""

    errors: list[Problem] = field(default_factory=list)
    advice: list[Problem] = field(default_factory=list)

    def error(self, file: Path, message: str, entry: str | None = None,
              field: str | None = None) -> None:
        self.errors.append(Problem(file, message, entry, field))

    def advise(self, file: Path, message: str, entry: str | None = None,
               field: str | None = None) -> None:
        self.advice.append(Problem(file, message, entry, field))

    def extend(self, other: Findings) -> None:
        self.errors.extend(other.errors)
        self.advice.extend(other.advice)


def read_yaml(file: Path) -> tuple[Any, Problem | None]:
    """A curator's YAML file (packs, safety, small talk), or the Problem saying where it breaks."""
    try:
        return yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader), None  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        return None, Problem(file, f"is not valid YAML{where}: {getattr(exc, 'problem', exc)}")
    except (OSError, UnicodeDecodeError) as exc:
        return None, Problem(file, f"cannot be read: {exc}")


def listed(raw_list: Any, file: Path, problems: list[Problem], key: str, noun: str,
           fields: str, id_form: tuple[re.Pattern[str], str] | None = None,
           ) -> Iterator[tuple[str, dict[str, Any]]]:
    """The mappings of a curator's list (a pack's entries, safety rules, small-talk intents),
    each with the label its problems are reported under: its id, or its place ("#3") when the
    id is missing. A missing, malformed or repeated id is reported here, once for every list;
    `id_form` is the pattern an id must match and what to say when it does not."""
    if not isinstance(raw_list, list) or not raw_list:
        problems.append(Problem(file, "must be a non-empty list", None, key))
        return
    seen: set[str] = set()
    for index, raw in enumerate(raw_list, start=1):
        label = f"#{index}"
        if not isinstance(raw, dict):
            problems.append(Problem(file, f"must be a mapping with {fields}", label))
            continue
        given = _id(raw.get("id"))
        if not given:
            problems.append(Problem(file, "is missing or empty", label, "id"))
        else:
            label = given
            if id_form is not None and not id_form[0].match(label):
                problems.append(Problem(file, id_form[1], label, "id"))
            if label in seen:
                problems.append(Problem(file, f"is used by another {noun}", label, "id"))
            seen.add(label)
        yield label, raw


def _id(value: Any) -> str:
    """An id as written: `id: 12` is a curator's id too, `id: yes` (a YAML boolean) is not."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return ""
    return str(value).strip()


def summarise(advice: Sequence[Problem], shown: int = 3) -> list[str]:
    """Advice fit to print or log: the first few of each kind per file, then how many more."""
    kinds: dict[tuple[Path, str | None, str], list[Problem]] = {}
    for problem in advice:
        kind = re.sub(r"'[^']*'|\d+", "", problem.message)  # the message without its details
        kinds.setdefault((problem.file, problem.field, kind), []).append(problem)
    lines: list[str] = []
    for (file, field_name, _), problems in kinds.items():
        lines += [str(p) for p in problems[:shown]]
        if len(problems) > shown:
            lines.append(f"{file}: field {field_name!r}: {len(problems) - shown} more like "
                         "these (`check --strict` lists them all)")
    return lines
