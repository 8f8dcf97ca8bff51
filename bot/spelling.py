"""A reader's misspelt word, spelt as a known vocabulary spells it.

The engine corrects toward the knowledge's own words, the safety screen toward its crisis
vocabulary; both use one corrector with their own caution about which words to touch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.text import MAX_WORD_CHARS

SPLIT_MIN = 3  # shortest word a run-together pair ("stemcell") may be split into
# Question words readers type with a letter left out ("wht", "wich", "shoud"), put back even
# when short. Only these, and never a missing first letter: the same rule on every word would
# turn "cold" into "could", "cat" into "cant" and "ill" into "will".
CLIPPED = ("what", "which", "when", "where", "does", "should", "would")


def swaps(word: str) -> Iterator[str]:
    """The word with two neighbouring letters swapped, its first letter kept ("hcst" for
    "hsct", "wnat" for "want"): the commonest slip of thumbs on a phone."""
    return (word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1))


class Speller:
    """Corrects words to `vocabulary` (commonest first: a tie goes to the commoner word).

    `shortest`: shorter words are too easily "corrected" into another real word, so they get
    only a swap of two neighbouring letters ("hcst"), and only with `swaps`. `long_word`: from
    this length a word may have two typos. `splits`: a run-together pair of vocabulary words
    ("stemcell") comes apart, and a vocabulary word typed as two ("chicken pox", "anti
    virals") is joined. `clipped`: a question word missing a letter is put back (`CLIPPED`).
    `function_words`: a split into one of these and a word of substance is refused, as that
    is how real words end up in pieces ("progress ive", "out come", "see med"); a slip between
    two function words ("whatis") or two words of substance ("stemcell") still comes apart.
    `stem`: a word with the stem of a vocabulary word is taken as another form of it, not
    as a typo of some other word: "talking" becomes "talk", not "walking".
    """

    def __init__(self, vocabulary: Iterable[str], *, known: Iterable[str] = (),
                 shortest: int, long_word: int, swaps: bool = False, splits: bool = False,
                 clipped: bool = False, function_words: Iterable[str] = (),
                 stem: Callable[[str], str] | None = None):
        self.vocabulary = [w for w in dict.fromkeys(vocabulary) if len(w) >= 3 and w.isalpha()]
        self._in_vocabulary = frozenset(self.vocabulary)
        self._known = self._in_vocabulary.union(known)  # never corrected
        self.shortest = shortest
        self.long_word = long_word
        self.swaps = swaps
        self.splits = splits
        self._function = frozenset(function_words)
        self._stem = stem
        self._by_stem: dict[str, list[str]] = {}
        if stem is not None:
            for w in self.vocabulary:
                self._by_stem.setdefault(stem(w), []).append(w)
        self._clipped = {w[:i] + w[i + 1:]: w for w in (CLIPPED if clipped else ())
                         for i in range(1, len(w))}

    def correct_all(self, text_words: Sequence[str]) -> list[str]:
        """Each word corrected, after joining two that the vocabulary spells as one (with
        `splits`). Two known words stay apart: "every one" may mean each one."""
        joined: list[str] = []
        pending = list(text_words)
        while pending:
            word = pending.pop(0)
            if (self.splits and pending and word + pending[0] in self._in_vocabulary
                    and not (word in self._known and pending[0] in self._known)):
                word += pending.pop(0)
            joined.append(word)
        return [fixed for word in joined for fixed in self.correct(word)]

    def _compares_known(self, word: str) -> bool:
        """A comparative or superlative of a known word ("newer", "safest", "riskier",
        "bigger"): a form of that word, not a typo of another ("newer" is not "never")."""
        for ending in ("er", "est"):
            if not word.endswith(ending):
                continue
            base = word[:-len(ending)]
            bases = (base, base + "e", base[:-1] + "y" if base.endswith("i") else "",
                     base[:-1] if len(base) > 2 and base[-1] == base[-2] else "")
            return any(len(b) >= 3 and b in self._known for b in bases)
        return False

    def correct(self, word: str) -> list[str]:
        """The word as the vocabulary spells it: itself, one word, or (split) two."""
        if (word in self._known or len(word) < 3 or len(word) > MAX_WORD_CHARS
                or not word.isalpha()):  # no real word is that long: nothing to correct
            return [word]
        if word in self._clipped:
            return [self._clipped[word]]
        if len(word) < self.shortest:
            if not self.swaps:
                return [word]
            return [next((w for w in swaps(word) if w in self._in_vocabulary), word)]
        if self.splits:
            for cut in range(SPLIT_MIN, len(word) - SPLIT_MIN + 1):
                head, tail = word[:cut], word[cut:]
                if (head in self._in_vocabulary and tail in self._in_vocabulary
                        and (head in self._function) == (tail in self._function)):
                    return [head, tail]
        if self._compares_known(word):  # "newer" is no typo of "never"
            return [word]
        forms = self._by_stem.get(self._stem(word)) if self._stem else None
        if forms:  # commonest first, so a tie goes to the commoner form
            return [min(forms, key=lambda form: OSA.distance(word, form))]
        limit = 2 if len(word) >= self.long_word else 1  # "remitting" is not "resetting"
        hit = process.extractOne(word, self.vocabulary, scorer=OSA.distance,
                                 score_cutoff=limit)
        return [hit[0]] if hit else [word]
