"""BANKING77-OOS benchmark: hard, in-domain out-of-scope questions.

    python bench/banking.py

50 banking intents are entries (their `train` phrasings the questions); the other 27 intents'
queries are near misses that share the domain's words (id-oos), and CLINC150's out-of-scope
queries are out of domain (ood-oos). Methods: this engine, extractOne, BM25 and a MiniLM
sentence-embedding nearest neighbour (offline; `.[minilm]`). Each method's threshold is
chosen on the `valid` splits by balanced accuracy (mean of in-scope accuracy and out-of-scope
recall, both kinds of out-of-scope together); figures are on the `test` splits. Dataset:
../shared/datasets/banking77-oos (see its README).
"""

from __future__ import annotations

import time
from pathlib import Path

from intents import (
    MINILM_INSTALL,
    Prediction,
    Predictor,
    bm25_predictor,
    engine_predictor,
    entries,
    extract_one_predictor,
    minilm_predictor,
    pick_threshold,
    rates,
)

from bot.engine import Engine
from bot.knowledge import Source

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "datasets" / "banking77-oos"
SOURCE = Source("BANKING77-OOS", "Zhang et al., NLP4ConvAI 2022; Casanueva et al. 2020",
                "https://arxiv.org/abs/2106.04564")


def read(split: str) -> list[tuple[str, str]]:
    """(query, label) rows of one split folder, blank lines skipped."""
    folder = DATA / split
    texts = (folder / "seq.in").read_text(encoding="utf-8").splitlines()
    labels = (folder / "label").read_text(encoding="utf-8").splitlines()
    return [(t.strip(), lab.strip()) for t, lab in zip(texts, labels, strict=True)
            if t.strip()]


def splits(part: str) -> dict[str, list[tuple[str, str]]]:
    """In scope, in-domain and out-of-domain out-of-scope rows of `valid` or `test`."""
    return {"in": read(part), "id": read(f"id-oos/{part}"), "ood": read(f"ood-oos/{part}")}


def line(name: str, predict: Predictor, val: dict[str, list[tuple[str, str]]],
         test: dict[str, list[tuple[str, str]]]) -> None:
    def run(rows: dict[str, list[tuple[str, str]]]) -> dict[str, list[Prediction]]:
        return {k: predict([t for t, _ in v]) for k, v in rows.items()}

    def gold(rows: dict[str, list[tuple[str, str]]], kinds: tuple[str, ...]) -> list[str]:
        return [lab for k in kinds for _, lab in rows[k]]

    kinds = ("in", "id", "ood")
    pv, pt = run(val), run(test)
    threshold = pick_threshold([p for k in kinds for p in pv[k]], gold(val, kinds), True)
    ins, _ = rates(pt["in"], gold(test, ("in",)), threshold)
    _, id_rec = rates(pt["id"], gold(test, ("id",)), threshold)
    _, ood_rec = rates(pt["ood"], gold(test, ("ood",)), threshold)
    _, oos_rec = rates([*pt["id"], *pt["ood"]], gold(test, ("id", "ood")), threshold)
    print(f"  {name:<34} {ins:7.1%} {id_rec:7.1%} {ood_rec:7.1%} {oos_rec:7.1%} "
          f"{(ins + oos_rec) / 2:9.1%}")


def main() -> None:
    train = read("train")
    val, test = splits("valid"), splits("test")
    texts = [t for t, _ in train]
    intents = [i for _, i in train]
    start = time.perf_counter()
    engine = Engine(entries(train, SOURCE), answer_types=False)
    trained = "with its classifier, " if engine.index.classifier is not None else ""
    print(f"BANKING77-OOS: {len(train):,} phrasings, {len(engine.entries)} intents (engine "
          f"built {trained}in {time.perf_counter() - start:.1f} s); test = {len(test['in']):,} in "
          f"scope, {len(test['id']):,} in-domain and {len(test['ood']):,} out-of-domain "
          f"out of scope; threshold by balanced accuracy on valid")
    print(f"  {'method':<34} {'in-sc.':>7} {'id-oos':>7} {'ood-oos':>7} {'all oos':>7} "
          f"{'balanced':>9}")
    line("this engine", engine_predictor(engine), val, test)
    plain = Engine(entries(train, SOURCE), answer_types=False, classify=False)
    line("  without its classifier", engine_predictor(plain), val, test)
    line("extractOne token_sort_ratio", extract_one_predictor(texts, intents), val, test)
    bm25 = bm25_predictor(texts, intents)
    if bm25 is None:
        print("  BM25: bm25s is not installed (pip install -e '.[bench]')")
    else:
        line("BM25 (bm25s)", bm25, val, test)
    start = time.perf_counter()
    minilm = minilm_predictor(texts, intents)
    if minilm is None:
        print(f"  MiniLM: not installed ({MINILM_INSTALL})")
        return
    built = time.perf_counter() - start
    start = time.perf_counter()
    line("MiniLM nearest (all-MiniLM-L6-v2)", minilm, val, test)
    queries = sum(len(rows) for split in (val, test) for rows in split.values())
    print(f"  (MiniLM: model loaded and {len(texts):,} phrasings embedded in {built:.1f} s; "
          f"{queries:,} queries embedded and ranked in {time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
