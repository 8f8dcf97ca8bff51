"""Keeping other people out of the question log: a question's text is scrubbed before it is
stored.

A reader may name someone else ("my friend @sam asked…", a text mention, a phone number or an
e-mail address). None of that helps a curator, and storing it would break the log's promise
that it knows nobody; each is replaced by a placeholder saying what was there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

NAME = "@…"
EMAIL = "[e-mail]"
PHONE = "[phone]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Telegram usernames: 5-32 of letters, digits and _, starting with a letter; shorter ones are
# still someone, so from 2 characters.
_MENTION = re.compile(r"(?<![\w.@])@[A-Za-z][A-Za-z0-9_]{1,31}\b")
# A run of digits, spaces, dashes, dots and parentheses, optionally after "+" (one character
# class, so matching stays linear). Whether it is a phone number is decided by `_phone`.
_DIGITS = re.compile(r"(?<![\w+.,:/])(\+\s?)?\(?\d[\d ().-]*\d\)?(?!\w)")
INTERNATIONAL = 7  # digits after "+": +44 20 7946 0958 has 12, the shortest plans 7
LOCAL = 9  # without "+", fewer digits are years, ranges and amounts ("2016-2020", "1 000")
LONGEST = 15  # ITU E.164


def scrub(text: str, names: Sequence[str] = ()) -> str:
    """`text` without e-mail addresses, @mentions, phone numbers and the given `names`."""
    text = _EMAIL.sub(EMAIL, text)
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", NAME, text, flags=re.IGNORECASE)
    text = _MENTION.sub(NAME, text)
    return _DIGITS.sub(_phone, text)


def _phone(match: re.Match[str]) -> str:
    found = match.group(0)
    digits = sum(c.isdigit() for c in found)
    least = INTERNATIONAL if match.group(1) else LOCAL
    decimal = found.count(".") == 1 and not re.search(r"[ ()-]", found)  # 3.14159265358
    if not least <= digits <= LONGEST or decimal:
        return found
    # A bracket around the number ("(call 0161 496 0000)") is the sentence's, not the number's.
    before = "(" if found.startswith("(") and found.count("(") > found.count(")") else ""
    after = ")" if found.endswith(")") and found.count(")") > found.count("(") else ""
    return before + PHONE + after
