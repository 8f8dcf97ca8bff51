"""The safety screen skips a rule only when its pattern cannot match: the strings a pattern is
said to need occur in every text it matches (the screen's verdicts against trying every rule
are in test_safety.py)."""

from __future__ import annotations

import random
import re

import pytest

from bot.literals import Prefilter, needed

# Each construct the reading knows, and some it must leave alone.
PATTERNS = [
    r"\bkill(?:ing)? (?:my ?self|me)\b",
    r"^ (?:suicide|suicidal|i want out) $",
    r"^(?=.*\bgarage\b)(?=.*\b(?:engine (?:\w+ ){0,1}(?:running|on)|exhaust)\b)",
    r"\b(?:took|swallowed) (?:all|every one of) (?:my |the )?(?:pills|tablets)\b",
    r"(?<!not )\bover ?dose\w*",
    r"\bend(?:ing)? it(?: all)? $|\bto end it all\b",
    r"[kc]ill (?:him|her)?self",
    r"(?:a|b)+c",
    r"x(?:yz)*w",
    r"(?:ab|)cd|ef",
    r"(?!no )\w+ pills",
    r"(.)\1 dead",
    r"(?i)Dead",
    r"(?:no|not){1,3} (?:breath|air)",
    r"سانس ن[ہه][یيى]ں",
]
# The pieces random texts are built from: the patterns' words and phrases, and near misses.
PIECES = ["kill", "killing", "k", "c", "ill", "my", "self", "me", "myself", "kill myself",
          "cill herself", "killing me", "suicide", "suicidal", "i want out", "garage",
          "engine", "running", "engine is running", "exhaust", "took", "all", "every one of",
          "the", "pills", "tablets", "took all my pills", "swallowed every one of the tablets",
          "not", "over", "dose", "overdosed", "end", "ending it all", "it", "to end it all",
          "a", "b", "x", "yz", "w", "xyzw", "cd", "ef", "abcd", "no", "dead", "DEAD", "aa dead",
          "breath", "air", "not no breath", "سانس", "نہیں", "نهيں", "سانس نہیں", "\n", "ab"]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_every_text_a_pattern_matches_contains_a_string_it_needs(pattern: str) -> None:
    compiled = re.compile(pattern)
    needs = needed(compiled)
    if needs is None:
        return  # nothing claimed, nothing skipped
    pieces = random.Random(pattern)
    matched = 0
    for _ in range(4000):
        words = [pieces.choice(PIECES) for _ in range(pieces.randint(1, 6))]
        text = "".join(w + pieces.choice(("", " ", " ", " ")) for w in words)
        text = pieces.choice(("", " ")) + text
        if compiled.search(text):
            matched += 1
            assert any(s in text for s in needs), (pattern, text, sorted(needs))
    assert matched, f"no random text matched {pattern!r}: the test proved nothing"


def test_what_a_pattern_needs_is_spelt_out_from_its_words() -> None:
    assert needed(re.compile(r"\bkill(?:ing)? (?:my ?self|me)\b")) == {
        "kill myself", "kill my self", "kill me", "killing myself", "killing my self",
        "killing me"}
    assert needed(re.compile(r"[kc]ill (?:him|her)?self")) == {
        "kill self", "kill himself", "kill herself", "cill self", "cill himself",
        "cill herself"}
    assert needed(re.compile(r"^(?=.*\bgarage\b)(?=.*\bexhaust\b)")) in ({"garage"},
                                                                      {"exhaust"})


@pytest.mark.parametrize("pattern", [r"\w+|dead", r"(?i)dead", r"(.)\1", r".*"])
def test_a_pattern_with_a_branch_or_case_it_cannot_pin_down_needs_nothing_known(
        pattern: str) -> None:
    assert needed(re.compile(pattern)) is None


def test_the_prefilter_keeps_every_pattern_whose_strings_occur_and_those_it_cannot_read() -> None:
    patterns = [re.compile(p) for p in (r"\bkill me\b", r"\w+", r"\bgarage\b", "ab")]
    prefilter = Prefilter(patterns)
    assert prefilter.possible(" please kill me now ") == [0, 1]
    assert prefilter.possible(" the garage door ") == [1, 2]
    assert prefilter.possible(" cab ") == [1, 3]
