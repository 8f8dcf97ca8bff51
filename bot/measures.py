"""What kind of measure (a number, a time) a question asks for, and a passage can give.

"How long is the hospital stay?" can only be answered by a passage that gives a time:
matching on its other words would answer a question the article never addresses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.text import normalise

ANY_MEASURE = frozenset({"number", "time"})
TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty "
                "seventy eighty ninety hundred thousand").split()
_ASKS = {
    "number": re.compile(r"\bhow (many|much|often)\b|\bwhat (percentage|proportion|number|"
                         r"fraction|share)\b|\b(rate|odds|percentage|statistics?)\b"
                         # "what are the chances" asks for a number; "is there any chance
                         # it could restart MS?" and "is there a chance the cells restart
                         # the attack?" whether it can happen at all
                         r"|(?<!\bany )(?<!\bis there a )(?<!\bthere is a )(?<!\bthere s a )"
                         r"(?<!\bcould there be a )\bchances?\b"
                         # "what is the (exact) age limit?" asks for the limit itself, where
                         # "is there an age limit?" may be answered by who it is not for
                         r"|\bwhat(?: is| s|s)? (?:the |an |a )?(?:exact |precise |actual |upper |"
                         r"lower |max |maximum |minimum )?(?:\w+ )?(?:limit|cut ?off|cutoff)s?\b"
                         r"|\bexact (?:age|number|figure|limit|cut ?off|cutoff)s?\b"),
    "time": re.compile(r"\bhow (long|soon|quickly|fast)\b|\bwhen (will|can|could|do|does|"
                       r"should|would|is|are)\b|\bwhat age\b|\bhow old\b"),
}
_HOLDS = {
    "number": re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|"
                         r"hundred|thousand|million|percent|half|dozen|most|few|several)\b"),
    "time": re.compile(r"\b(" + "|".join(f"{unit}s?" for unit in TIME_UNITS)
                       + r"|ages?|aged|elderly|old|young"
                       # a date ("Online 16 Jan 2016") tells how old the work is
                       + r"|(?:19|20)\d\d)\b"),
}


# A measure asked in one breath with how or why it happens ("reconstitution of the immune
# system, how long and how"): the measure is not all the reader asks, and a passage that
# tells the how answers them, so no kind of passage is ruled out.
_AND_HOW = re.compile(r"\bhow (?:long|soon|quickly|fast|many|much|often) (?:and|or) "
                      r"(?:how(?! (?:long|soon|quickly|fast|many|much|often|old)\b)|why)\b")


def asks_for(text: str) -> frozenset[str]:
    """What kinds of measure a question asks for: "how many", "how long", "what age"."""
    folded = normalise(text)
    if _AND_HOW.search(folded):
        return frozenset()
    return frozenset(kind for kind, pattern in _ASKS.items() if pattern.search(folded))


def holds(passage: str) -> frozenset[str]:
    """What kinds of measure a passage could answer with."""
    folded = normalise(passage)
    return frozenset(kind for kind, pattern in _HOLDS.items() if pattern.search(folded))


# A reader's age as written in a hurry: "72 years old", "72 yrs old", "72yo", "72 y/o". The unit
# says nothing of what is asked, and "old" or "yo" would count as words no entry knows: the age
# is the number alone, as "I'm 72" has it. Matched over the words joined by spaces, each
# alternative a whole run of words.
_AGED = re.compile(r"(?<!\S)(\d{1,3})(?:(?:yo|yrs?)(?: old)?|yrs?old|years?old"
                   r"| yo| y o| (?:years?|yrs?) old)(?!\S)")


def ages_as_numbers(text_words: Sequence[str]) -> list[str]:
    """The words with an adult's age as its number alone (18 and over: "the study is 8 years
    old" keeps its words)."""
    if not any(w[:1].isdigit() for w in text_words):
        return list(text_words)
    return _AGED.sub(lambda m: m[1] if 18 <= int(m[1]) <= 120 else m[0],
                     " ".join(text_words)).split()
