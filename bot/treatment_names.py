"""A treatment's shorter names, as readers who never learnt its name call it: "stem cells" for
"stem cell treatment" ("do stem cells work if you're in a wheelchair?"). Read as the treatment
only where they name it (what works, what one has, what is too risky, whom it is for), never
where they name the cells (collected, returned, immature). Blanket synonyms for them cost
wrong answers on every reader set tried, so the engine scores this as a reading of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.text import QUESTION_OPENERS, STOPWORDS, words

# The treatment named by what it uses, as readers who never learnt its name call it ("do stem
# cells work if you're in a wheelchair?", "is getting stem cells hard on the body?", "stem
# cells too risky for my dad?"): the cells, or the marrow, as what works or what one has. Not
# the cells themselves, collected, returned, rare or immature ("do they get stem cells from
# the blood?", "why do the stem cells have to be immature?"): those keep their words.
PROCEDURE_NOUNS = frozenset("treatment treatments therapy therapies procedure procedures "
                            "transplant transplants transplantation".split())
_MODAL = r"do|does|did|can|could|will|would|might|may"
_EFFECT = (r"work|works|worked|help|helps|helped|fix|fixes|stop|stops|halt|halts|slow|slows|"
           r"make|makes|treat|treats|cure|cures|improve|improves|reverse|reverses|benefit|"
           r"benefits|do\s+anything|do\s+any\s+good")
_RECEIVE = (r"get|gets|getting|got|have|has|having|had|try|tries|trying|tried|undergo|"
            r"undergoes|undergoing|undergone|receive|receiving|received")
# a question, or a comparison, is not a search-box query
_ASKING = "|".join(sorted(QUESTION_OPENERS | {"vs", "versus", "or", "and"}))
_TAKEN = (r"from|out|back|off|collected|harvested|taken|removed|returned|in|into|inside|"
          r"that|which|they|to|made|make|with|of")


class TreatmentNames:
    """What a treatment's shorter names (`names`: each the words a procedure noun follows in
    one of its names, "stem cell" of "stem cell treatment", with the name to read for it) stand
    for in a message (`named`)."""

    def __init__(self, names: dict[tuple[str, ...], str]):
        self._full = {" ".join(short): full for short, full in names.items()}
        if not self._full:
            self._patterns: tuple[re.Pattern[str], ...] = ()
            return
        alternatives = "|".join(
            r"\s+".join(map(re.escape, short[:-1])) + ("\\s+" if len(short) > 1 else "")
            + re.escape(short[-1]) + "s?"
            for short in sorted(names, key=len, reverse=True))
        # atomic: "stem cells from" is not "stem" and then "cells from"
        name = rf"(?P<n>(?>{alternatives})(?![\w-]))"
        self._patterns = (
            re.compile(rf"\b(?:{_MODAL})\s+{name}\s+(?:really\s+|actually\s+|even\s+)?"
                       rf"(?:{_EFFECT})\b", re.IGNORECASE),
            re.compile(rf"\b(?:{_RECEIVE})\s+{name}\b(?!\s+(?:{_TAKEN})\b)", re.IGNORECASE),
            re.compile(rf"^\W*(?:(?:are|is|were|was)\s+)?{name}\s+(?:(?:too|so|very|really)\s+)?"
                       rf"(?:dangerous|risky|worth)\b", re.IGNORECASE),
            # whom it is for ("who are stem cells for ms best for?"): cells are for no one
            re.compile(rf"\bwho\s+(?:are|is)\s+{name}\b", re.IGNORECASE),
            # a search-box query, someone and then the name ("wheelchair user stem cells")
            re.compile(rf"^(?!.*\b(?:{_ASKING})\b)\W*\w.*?\s+{name}\W*$", re.IGNORECASE),
        )

    @classmethod
    def of(cls, own: Iterable[tuple[str, ...]]) -> TreatmentNames:
        """From the treatment's own names (as words): the words before a procedure noun in
        one of them ("stem cell" of "stem cell treatment"), when not a name of its own and no
        function word."""
        said = set(own)
        shorter: dict[tuple[str, ...], str] = {}
        for phrase in sorted(said):
            short = phrase[:-1]
            if (len(phrase) > 1 and phrase[-1] in PROCEDURE_NOUNS and short not in said
                    and not any(w in STOPWORDS for w in short)):
                shorter.setdefault(short, " ".join(phrase))
        return cls(shorter)

    def named(self, text: str) -> str | None:
        """The message with the treatment's name where a shorter name stands for it; None
        when none does."""
        for pattern in self._patterns:
            found = pattern.search(text)
            if found is not None:
                said = " ".join(words(found.group("n")))
                full = self._full.get(said) or self._full.get(said[:-1] if said.endswith("s")
                                                              else said)
                if full is None:
                    continue
                return f"{text[:found.start('n')]}{full}{text[found.end('n'):]}"
        return None
