"""A passage a reader quotes back from the article names the answer that holds it.

Readers paste the article's words and ask what they mean ('"may continue to worsen" what does
that mean', 'reconstitute the immune system, meaning?'). Read back word for word, such a
passage names its answer as surely as a curated phrasing names its entry, whatever the words
around it. Kept apart from the engine's scoring: it compares the reader's own words with each
answer's, not their synonyms ("repopulate the immune system" is the infusion's wording, not the
animal studies' "reconstitute"), and only passages, not terms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.text import STOPWORDS, words

# A passage in double quotes, straight or curly, or in single quotes set off by spaces (so an
# apostrophe, "don't" or "patients' own", never opens one).
_QUOTE = re.compile(r'"([^"]+)"|\u201c([^\u201d]+)\u201d|(?<![^\s(])\'([^\']+)\'(?![^\s.,;:!?)])')
# Or asked about by name, unquoted: "X what does that mean", "what does X mean".
# ("cells that contain a nucleus - what's that number about?", "... what does that mean in this
# article")
_MEANING = re.compile(r"^(.+?)[\s,.:;!?-]+(?:what(?: does|'s|’s| is) (?:that|this|it) (?:\w+ )?"
                      r"(?:mean|refer to|about)(?: here| in (?:this|the) (?:article|context|text))?"
                      r"|meaning)\W*$|^what does (.+?) (?:mean|refer to)\W*$", re.IGNORECASE)
# Content words a quote needs: a quoted term ("HSCT", "hot" MS) is a word among the others.
QUOTE_WORDS = 2


class Quotes:
    """Finds which answer, if exactly one, holds a passage a question quotes."""

    def __init__(self, answers: Sequence[Sequence[str]]):
        """`answers`: each answer's `words`, as the engine has them at build."""
        self._answers = [tuple(answer) for answer in answers]

    def named(self, question: str) -> int | None:
        """The index of the one answer holding every passage the question quotes; None when
        it quotes none, or a passage no answer or several answers hold."""
        found = None
        for quote in _quotes(question):
            span = tuple(words(quote))
            if sum(w not in STOPWORDS for w in span) < QUOTE_WORDS:
                continue
            holders = {i for i, answer in enumerate(self._answers) if _holds(answer, span)}
            if len(holders) != 1 or (found is not None and holders != {found}):
                return None
            found = holders.pop()
        return found


def _quotes(question: str) -> list[str]:
    """Passages a question quotes, or asks the meaning of."""
    found = [next(filter(None, quote)) for quote in _QUOTE.findall(question)]
    meaning = _MEANING.match(question.strip())
    if meaning and not found:
        found.append(next(filter(None, meaning.groups())))
    return found


def _holds(passage: Sequence[str], span: Sequence[str]) -> bool:
    """Whether `span` occurs in `passage` as consecutive words."""
    size = len(span)
    return any(passage[i:i + size] == tuple(span)
               for i in range(len(passage) - size + 1) if passage[i] == span[0])
