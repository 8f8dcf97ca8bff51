"""How everyday chat is read word by word: folded (case, accents, apostrophes), letters typed
over and over squeezed, and shorthand read ("thx" -> "thanks", "hru" -> "how are you"), so a
message and a curator's phrasing compare in one form.

Kept apart from `bot.smalltalk`'s matching: the knowledge check normalises phrasings with it
before there is anything to match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from bot.smalltalk_typos import remember
from bot.text import APOSTROPHE_MARKS, APOSTROPHES, COMBINING_MARKS, INVISIBLE, STRETCHED

_WORD = rf"[^\W_](?:[^\W_]|[{COMBINING_MARKS}])*"
_TOKEN = re.compile(rf"{_WORD}(?:[{APOSTROPHE_MARKS}]{_WORD})*|[^\w\s]", re.UNICODE)
_DOUBLE = re.compile(r"([^\W\d_])\1")
_SKIN_TONES = re.compile("[\U0001f3fb-\U0001f3ff]")


@dataclass(frozen=True)
class Token:
    """A word or emoji of a message, normalised, with where it stands in the text (so a
    piece of small talk can be cut off and the rest kept as the reader typed it)."""

    norm: str
    start: int
    end: int


def single(norm: str) -> str:
    """Doubled letters said once: the fallback form for "hii", "byee", "yess", "thankss"."""
    return _DOUBLE.sub(r"\1", norm)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE).casefold()
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return _SKIN_TONES.sub("", APOSTROPHES.sub("", text))


def is_symbol(token: str) -> bool:
    return len(token) == 1 and unicodedata.category(token) in {"So", "Sk", "Sm"}


class Words:
    """A message's words in the form phrasings are kept in."""

    def __init__(self, shorthand: dict[str, str] | None = None, doubled: Iterable[str] = ()):
        self.shorthand = dict(shorthand or {})
        # words said twice that mean more than the word once ("ciao ciao" is goodbye where
        # "ciao" is hello too): kept as a pair, where any other doubled word is said once
        self.doubled = frozenset(fold(w) for w in doubled)
        # each word's reading remembered: words recur from message to message ("hi", "thanks")
        self._read: dict[str, str] = {}

    def tokens(self, text: str) -> list[Token]:
        """Words and emoji with their place in `text`; each word folded, squeezed, expanded."""
        out: list[Token] = []
        for m in _TOKEN.finditer(text):
            raw = m.group()
            if not raw[0].isalnum() and not is_symbol(raw):
                continue  # punctuation
            norm = self._read.get(raw)
            if norm is None:
                norm = self._expand(fold(raw))
                remember(self._read, raw, norm)
            if norm and out and norm in self.doubled and out[-1].norm in (norm, f"{norm} {norm}"):
                out[-1] = Token(f"{norm} {norm}", out[-1].start, m.end())  # "ciao ciao"
            elif norm and (not out or out[-1].norm != norm):  # "bye bye", "👍👍" said once
                out.append(Token(norm, m.start(), m.end()))
        return out

    def _expand(self, word: str) -> str:
        """A folded word squeezed and its shorthand read. A letter typed three times or more
        may have its own entry ("kkkkk" laughs where "kk" is ok); a doubled letter falls back
        to the single one when only that is shorthand ("thxxx", "plss", "cyaa")."""
        long = STRETCHED.sub(r"\1\1\1", word)
        if long in self.shorthand:
            return self.shorthand[long]
        norm = STRETCHED.sub(r"\1\1", word)
        if norm in self.shorthand:
            return self.shorthand[norm]
        one = single(norm)
        return self.shorthand.get(one, norm) if len(norm) > 3 else norm

    def normalise(self, text: str) -> str:
        """The comparable form of a message or phrasing."""
        return " ".join(t.norm for t in self.tokens(text))
