"""Reading and validating `smalltalk.yaml`: intents, phrasings, replies and own-case patterns.

Every mistake is a `Problem` naming the file, the intent and the field, so a curator can fix the
file without reading Python; `python -m bot check` lists them and the bot will not start on them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.chat_words import Words, fold
from bot.letters import Letter
from bot.problems import KnowledgeError, Problem, listed, read_yaml
from bot.smalltalk import DEFAULT_TOPIC, Intent, SmallTalk

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
INTENT_ID = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def _texts(raw: Any, file: Path, problems: list[Problem], entry: str, field: str) -> list[str]:
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(file, "must be a non-empty list of texts", entry, field))
        return []
    out = []
    for item in raw:
        if isinstance(item, bool):
            problems.append(Problem(file, f"has {item} where a text was meant: put quotes "
                                          "around yes, no, on and off", entry, field))
            continue
        if not isinstance(item, (str, int, float)) or not str(item).strip():
            problems.append(Problem(file, "has an empty or non-text item", entry, field))
            continue
        out.append(str(item).strip())
    return out


def _compile(sources: list[str], file: Path, problems: list[Problem],
             entry: str, field: str = "patterns") -> re.Pattern[str] | None:
    """Patterns as one regular expression; one by one only to name a broken one."""
    if not sources:
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in sources))
    except re.error:
        for i, source in enumerate(sources, start=1):
            try:
                re.compile(source)
            except re.error as exc:
                problems.append(Problem(file, f"is not a valid regular expression "
                                              f"({source!r}): {exc}", entry, f"{field}[{i}]"))
        return None


def _load(file: Path, topic: str) -> tuple[SmallTalk | None, list[Problem]]:
    data, problem = read_yaml(file)
    if problem is not None:
        return None, [problem]
    if not isinstance(data, dict):
        return None, [Problem(file, "must be a mapping with intents and own_case")]
    problems: list[Problem] = []

    shorthand = data.get("shorthand") or {}
    if not isinstance(shorthand, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in shorthand.items()):
        problems.append(Problem(file, "must map a short form to its words", None, "shorthand"))
        shorthand = {}
    connectors, fillers, vocatives, doubled = (
        _words(data, key, file, problems)
        for key in ("connectors", "fillers", "vocatives", "doubled"))
    folded = {fold(k): fold(v) for k, v in shorthand.items()}
    folded = {k: " ".join(folded.get(w, w) for w in v.split()) for k, v in folded.items()}
    # normalises phrasings as messages will be
    blank = Words(folded, doubled)

    intents: list[Intent] = []
    for label, raw in listed(data.get("intents"), file, problems, "intents", "intent",
                             "id, phrasings, replies",
                             (INTENT_ID, "must be lowercase letters, digits or _")):
        phrasings = [blank.normalise(p) for p in _texts(raw.get("phrasings"), file, problems,
                                                        label, "phrasings")]
        if any(not p for p in phrasings):
            problems.append(Problem(file, "has a phrasing with no words or emoji", label,
                                    "phrasings"))
        replies = _texts(raw.get("replies"), file, problems, label, "replies")
        for reply in replies:
            for name in PLACEHOLDER.findall(reply):
                if name != "topic":
                    problems.append(Problem(file, f"uses unknown placeholder {{{name}}} "
                                                  "(only {topic})", label, "replies"))
        examples = raw.get("examples", False)
        if not isinstance(examples, bool):
            problems.append(Problem(file, "must be true or false", label, "examples"))
        peel = str(raw.get("peel", "punctuated"))
        if peel not in ("always", "start", "punctuated"):
            problems.append(Problem(file, "must be always, start or punctuated", label, "peel"))
            peel = "punctuated"
        pattern = None
        if raw.get("patterns") is not None:
            pattern = _compile(_texts(raw["patterns"], file, problems, label, "patterns"),
                               file, problems, label)
        hint = None
        if raw.get("hints") is not None:
            hint = _compile(_texts(raw["hints"], file, problems, label, "hints"), file, problems,
                            label, "hints")
        feeling = None
        if raw.get("feelings") is not None:
            feeling = _compile([rf" (?:{f}) " for f in _texts(raw["feelings"], file, problems,
                                                                label, "feelings")],
                               file, problems, label, "feelings")
        taken_back_by: list[tuple[str, ...]] = []
        if raw.get("taken_back_by") is not None:  # "bye, oh wait, ...": see `Intent`
            said = _texts(raw["taken_back_by"], file, problems, label, "taken_back_by")
            taken_back_by = sorted({tuple(w) for t in said if (w := blank.normalise(t).split())},
                                   key=len, reverse=True)
        unknown = set(raw) - {"id", "phrasings", "replies", "examples", "peel", "patterns",
                              "hints", "feelings", "taken_back_by"}
        if unknown:
            problems.append(Problem(file, f"unknown field(s): {', '.join(sorted(unknown))}",
                                    label))
        if phrasings and replies:
            intents.append(Intent(label, tuple(dict.fromkeys(p for p in phrasings if p)),
                                  tuple(replies), examples is True, peel, pattern, hint,
                                  feeling, tuple(taken_back_by)))

    owners: dict[str, str] = {}
    for intent in intents:
        for phrasing in intent.phrasings:
            other = owners.setdefault(phrasing, intent.id)
            if other != intent.id:
                problems.append(Problem(file, f"phrasing {phrasing!r} is also in intent "
                                              f"{other!r}", intent.id, "phrasings"))

    own = data.get("own_case")
    own_reply, own_pattern = "", None
    if not isinstance(own, dict):
        problems.append(Problem(file, "must be a mapping with reply and patterns", None,
                                "own_case"))
    else:
        own_text = own.get("reply")
        if not isinstance(own_text, str) or not own_text.strip():
            problems.append(Problem(file, "is missing or empty", "own_case", "reply"))
        else:
            own_reply = own_text.strip()
        own_pattern = _compile(_texts(own.get("patterns"), file, problems, "own_case",
                                      "patterns"), file, problems, "own_case")
    opening, closing = _letters(data, file, problems, {i.id for i in intents})
    if problems:
        return None, problems
    return SmallTalk(intents, own_case_reply=own_reply, own_case=own_pattern, topic=topic,
                     shorthand=folded, connectors=connectors, fillers=fillers,
                     vocatives=vocatives, opening=opening, closing=closing,
                     doubled=doubled), []


def _letters(data: dict[str, Any], file: Path, problems: list[Problem],
             intents: set[str]) -> tuple[Letter | None, Letter | None]:
    """`letters:`, its `opening` and `closing`: the intent and words of a letter's frame."""
    letters = data.get("letters")
    if letters is None:
        return None, None
    if not isinstance(letters, dict) or set(letters) - {"opening", "closing"}:
        problems.append(Problem(file, "must be a mapping with opening and closing", None,
                                "letters"))
        return None, None
    return _letter(letters, "opening", file, problems, intents), _letter(
        letters, "closing", file, problems, intents)


def _letter(letters: dict[str, Any], key: str, file: Path, problems: list[Problem],
            intents: set[str]) -> Letter | None:
    raw = letters.get(key)
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"intent", "words"}:
        problems.append(Problem(file, "must be a mapping with intent and words", "letters", key))
        return None
    if raw["intent"] not in intents:
        problems.append(Problem(file, f"names no intent of this file ({raw['intent']!r})",
                                "letters", f"{key}.intent"))
        return None
    words = _texts(raw["words"], file, problems, "letters", f"{key}.words")
    return Letter(raw["intent"], tuple(words)) if words else None


def _words(data: dict[str, Any], key: str, file: Path, problems: list[Problem]) -> list[str]:
    """A top-level list of words (`connectors`, `fillers`, `vocatives`, `doubled`); [] when
    malformed."""
    found = data.get(key) or []
    if not isinstance(found, list) or not all(isinstance(w, str) for w in found):
        problems.append(Problem(file, "must be a list of words", None, key))
        return []
    return found


def check_smalltalk(path: Path) -> list[Problem]:
    """Every problem with a small-talk file (empty when it is sound)."""
    return _load(Path(path), DEFAULT_TOPIC)[1]


def load_smalltalk(path: Path, topic: str = DEFAULT_TOPIC) -> SmallTalk:
    """Read the small-talk file or raise `KnowledgeError` naming every problem.

    `topic` fills `{topic}` in replies: pass `topic_for([pack titles])`.
    """
    small, problems = _load(Path(path), topic)
    if small is None:
        raise KnowledgeError(problems)
    return small
