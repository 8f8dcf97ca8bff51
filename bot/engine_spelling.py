"""The engine's spelling: a reader's words put right toward the knowledge's, and, in a FAQ as
published, the readers' queries it keeps as phrasings spelt as the FAQ spells its words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain

from bot.knowledge import Entry
from bot.measures import NUMBER_WORDS, TIME_UNITS
from bot.spelling import Speller
from bot.text import IRREGULAR, STOPWORDS, stem, words
from bot.tuning import CORRECT_MIN, LONG_WORD, SPARSE_TRUSTED

# Never spelling-corrected, though the knowledge may not use them: "three weeks" is not "there
# wees", "in hours" not "in our"; the engine reads them as how many or how long (`focus.counts`).
MEASURE_WORDS = (*NUMBER_WORDS, *TIME_UNITS, *(f"{unit}s" for unit in TIME_UNITS))


def speller(vocabulary: Counter[str], known: Iterable[str]) -> Speller:
    """Corrects toward `vocabulary`, commonest first; `known` words are never corrected."""
    return Speller((w for w, _ in vocabulary.most_common()),
                   known=chain(vocabulary, known, MEASURE_WORDS, IRREGULAR),
                   shortest=CORRECT_MIN, long_word=LONG_WORD, swaps=True, splits=True,
                   clipped=True, function_words=STOPWORDS, stem=stem)


def spell_readers_queries(entries: Sequence[Entry], split: dict[str, list[str]],
                          synonyms: Mapping[str, Sequence[str]] | None) -> None:
    """In a FAQ as published, the phrasings past its own question are readers' queries, typed
    as readers type ("contagous", "norovirous"). A word that neither the FAQ's own questions
    and answers use nor `SPARSE_TRUSTED` phrasings share is spelt as the FAQ spells it (in
    `split`, each text's words), so a later reader's word, corrected the same way, meets it."""
    # In the entries' order, not a set's: words tied in count are tried in the order first met,
    # so a tie between two corrections never depends on Python's hash seed.
    own = dict.fromkeys(text for entry in entries for text in (entry.question, entry.answer))
    counts = Counter(chain.from_iterable(split.values()))
    trusted = Counter({w: n for w, n in counts.items() if n >= SPARSE_TRUSTED})
    trusted.update(chain.from_iterable(split[text] for text in own))
    trusted.update(sorted(STOPWORDS))
    lexicon = [w for canonical, variants in (synonyms or {}).items()
               for phrase in (canonical, *variants) for w in words(phrase)]
    fix = speller(trusted, lexicon)
    for text, text_words in split.items():
        if text not in own:
            split[text] = fix.correct_all(text_words)
