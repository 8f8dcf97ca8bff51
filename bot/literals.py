"""The literal text a regular expression cannot match without: a cheap test that lets the
safety screen skip, for a given message, the hundreds of rules that cannot fire on it.

`needed(pattern)` is a set of strings such that any text the pattern matches in contains at
least one of them (or None when no such set is known). If none occurs in a text, searching it
cannot succeed, so skipping the search changes no result: this is a proof, not a heuristic,
which is why it may stand in front of crisis patterns. It is read off the pattern's parse
(`re._parser`, the standard library's own), keeping only what is certain:

- a run of parts that can only match a few exact strings (letters, "[yi]", "(?:ing)?",
  "(?:my|your)") is the set of those strings spelt out (`\\bkill(?:ing)? (?:my ?self|me)\\b`
  needs "kill myself", "kill my self", "kill me", "killing myself", ...);
- a sequence needs what any one of its parts needs (the most telling set is kept);
- an alternation needs one of what each branch needs, and nothing if a branch needs nothing;
- a group needs what its content needs; a repeat needs it only when it must occur at least once;
  a lookahead or lookbehind that must hold needs its content in the text;
- anything else (`\\w`, ".", a negative lookaround, anchors, back-references) needs nothing.

A pattern with case-insensitive matching, or one the parser does not read, needs nothing known.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import product
from re import _parser  # type: ignore[attr-defined]  # the stdlib's own parser; no public API
from typing import Any

Needs = frozenset[str] | None

MOST_SPELT = 32  # strings a run may spell out before it is cut in two
GRAM = 3  # a needed string is looked up by its first GRAM characters
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_FOLDING = re.IGNORECASE | re.LOCALE


@lru_cache(maxsize=4096)
def needed(pattern: re.Pattern[str]) -> Needs:
    """Strings one of which every text `pattern` matches in contains; None when none is known."""
    if pattern.flags & _FOLDING:
        return None
    try:
        return _Reading().sequence(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a construct this reading does not know: no filter, never a wrong one
        return None


class Prefilter:
    """Which of many patterns could match a text: those whose needed strings occur in it, and
    those that need nothing known. Costs a pass over the text's GRAM-letter pieces, however
    many patterns there are."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]):
        self._always: list[int] = []
        users: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            needs = needed(pattern)
            if needs is None:
                self._always.append(i)
            else:
                for string in needs:
                    users.setdefault(string, []).append(i)
        self._short = [(s, tuple(u)) for s, u in users.items() if len(s) < GRAM]
        self._by_start: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
        for string, used_by in users.items():
            if len(string) >= GRAM:
                self._by_start.setdefault(string[:GRAM], []).append((string, tuple(used_by)))

    def possible(self, text: str) -> list[int]:
        """The indices, in order, of the patterns that may match somewhere in `text`."""
        found = set(self._always)
        for string, used_by in self._short:
            if string in text:
                found.update(used_by)
        starts = {text[i:i + GRAM] for i in range(len(text) - GRAM + 1)}
        for start in starts & self._by_start.keys():
            for string, used_by in self._by_start[start]:
                if string in text:
                    found.update(used_by)
        return sorted(found)


class _Reading:
    """One pattern's parse read for what it needs; `_spelt` remembers each part (by identity,
    as parts are unhashable lists), since a group too varied to spell out is read again part by
    part."""

    def __init__(self) -> None:
        self._spelt: dict[int, tuple[Any, set[str] | None]] = {}

    def sequence(self, items: Any) -> Needs:
        candidates: list[frozenset[str]] = []
        run: set[str] = {""}
        for item in _chunks(items):
            spelt = self.spelt(item)
            if spelt is not None:
                joined = {a + b for a, b in product(run, spelt)}
                if len(joined) > MOST_SPELT:  # cut the run: what it spelt so far is needed
                    if "" not in run:
                        candidates.append(frozenset(run))
                    joined = set(spelt)
                run = joined
                continue
            if "" not in run:
                candidates.append(frozenset(run))
            run = {""}
            part = self.part(item)
            if part:
                candidates.append(part)
        if "" not in run:
            candidates.append(frozenset(run))
        return max(candidates, key=_telling, default=None)

    def part(self, item: tuple[Any, Any]) -> Needs:
        op, av = item
        name = str(op)
        if name == "SUBPATTERN":
            return None if av[1] & _FOLDING else self.sequence(av[3])
        if name == "ATOMIC_GROUP":
            return self.sequence(av)
        if name == "BRANCH":
            found: set[str] = set()
            for branch in av[1]:
                part = self.sequence(branch)
                if not part:
                    return None
                found |= part
            return frozenset(found)
        if name in _REPEATS and av[0] >= 1:
            return self.sequence(av[2])
        if name == "ASSERT":  # (direction, content): a lookaround that must hold
            return self.sequence(av[1])
        return None

    def spelt(self, item: tuple[Any, Any]) -> set[str] | None:
        """The exact strings one part can match, when there are few; otherwise None."""
        if item[0] is _TEXT:  # made by `_chunks`, not part of the parse: nothing to remember
            return {item[1]}
        # kept beside its result, so that no other part can take its identity while remembered
        key = id(item)
        if key not in self._spelt:
            self._spelt[key] = (item, self._spell(item))
        return self._spelt[key][1]

    def _spell(self, item: tuple[Any, Any]) -> set[str] | None:
        op, av = item
        name = str(op)
        if name == "LITERAL":
            return {chr(av)}
        if name == "IN":
            if len(av) <= MOST_SPELT and all(str(o) == "LITERAL" for o, _ in av):
                return {chr(c) for _, c in av}
            return None
        if name == "SUBPATTERN":
            return None if av[1] & _FOLDING else self.spelt_all(av[3])
        if name == "BRANCH":
            found: set[str] = set()
            for branch in av[1]:
                spelt = self.spelt_all(branch)
                if spelt is None:
                    return None
                found |= spelt
            return found if len(found) <= MOST_SPELT else None
        if name in _REPEATS and av[0] == 0 and av[1] == 1:
            inner = self.spelt_all(av[2])
            return None if inner is None else inner | {""}
        return None

    def spelt_all(self, items: Any) -> set[str] | None:
        out = {""}
        for item in _chunks(items):
            spelt = self.spelt(item)
            if spelt is None:
                return None
            out = {a + b for a, b in product(out, spelt)}
            if len(out) > MOST_SPELT:
                return None
        return out


_TEXT = object()  # a run of literal characters, as one part


def _chunks(items: Any) -> list[tuple[Any, Any]]:
    """A sequence's parts with each run of literal characters joined into one string: a word
    is one step, not one per letter."""
    out: list[tuple[Any, Any]] = []
    letters: list[str] = []
    for item in items:
        if item[0] is _parser.LITERAL:
            letters.append(chr(item[1]))
            continue
        if letters:
            out.append((_TEXT, "".join(letters)))
            letters = []
        out.append(item)  # the parse's own: `_Reading` remembers parts by identity
    if letters:
        out.append((_TEXT, "".join(letters)))
    return out


def _telling(strings: frozenset[str]) -> tuple[int, int]:
    """Longer strings turn up by chance more rarely, and fewer are cheaper to look for: past
    four letters, length matters less than count."""
    return min(4, *map(len, strings)), -len(strings)
