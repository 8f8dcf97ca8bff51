"""Safety screen and small-talk figures on the labelled sets in tests/data.

    python bench/safety.py [--misses]

Prints, for each labelled crisis set (tests/data/safety.tsv, safety_fresh.tsv, safety_unseen.tsv,
every safety_blind*.tsv, the 30-language set and the near misses): crises caught (with the
right kind, and how many only the learnt model caught) and controls flagged; for
tests/data/smalltalk.tsv, the article questions and the FAQs' reader queries: messages
flagged; for CLINC150 and BANKING77-OOS (../shared/datasets, when present): messages flagged,
apart for the splits the learnt model never saw; the median and worst time per message, and
the time for a 100 KB message.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from bot.evaluation import read_labelled, written_in_order
from bot.safety import DEFAULT_SAFETY_FILE, MODEL_RULE
from bot.safety_file import load_safety
from bot.safety_model import everyday_splits

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# The labelled crisis sets: ours, the first two written blind, then safety_blind*.tsv in the
# order they were written (safety_blind.tsv, safety_blind2.tsv, ...).
CRISIS_SETS = ("safety.tsv", "safety_fresh.tsv", "safety_unseen.tsv",
               *written_in_order(DATA, "safety_blind*.tsv"), "safety_languages.tsv",
               "safety_near_misses.tsv")


def labelled(screen, name: str, times: list[float], show: bool) -> None:
    """Crises caught (and with the right kind) and controls flagged in one labelled set."""
    rows = read_labelled(DATA / name)
    for kind in ("emergency", "self_harm"):
        crises = [m for label, m in rows if label == kind]
        caught = right = learnt = 0
        for message in crises:
            t = time.perf_counter()
            crisis = screen.check(message)
            times.append(time.perf_counter() - t)
            caught += crisis is not None
            right += crisis is not None and crisis.kind == kind
            learnt += crisis is not None and crisis.rule == MODEL_RULE
            if show and (crisis is None or crisis.kind != kind):
                print(f"  MISS {kind}: {message!r} -> {crisis.kind if crisis else None}")
        if crises:
            print(f"{name} {kind:9}: {caught}/{len(crises)} caught, {right} with the right "
                  f"kind, {learnt} by the learnt model")
    controls = [m for label, m in rows if label == "control"]
    flagged = 0
    for message in controls:
        t = time.perf_counter()
        crisis = screen.check(message)
        times.append(time.perf_counter() - t)
        if crisis is not None:
            flagged += 1
            if show:
                print(f"  FLAGGED control: {message!r} ({crisis.rule})")
    print(f"{name} controls : {flagged}/{len(controls)} flagged")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()

    start = time.perf_counter()
    screen = load_safety(ROOT / "knowledge" / DEFAULT_SAFETY_FILE)
    loaded = time.perf_counter()
    load_safety(ROOT / "knowledge" / DEFAULT_SAFETY_FILE)  # what a knowledge reload pays
    print(f"load: {1000 * (loaded - start):.1f} ms at start, "
          f"{1000 * (time.perf_counter() - loaded):.1f} ms again on reload")

    times: list[float] = []
    for name in CRISIS_SETS:
        labelled(screen, name, times, args.misses)

    chat = read_labelled(DATA / "smalltalk.tsv") if (DATA / "smalltalk.tsv").exists() else []
    chat_flagged = [m for _, m in chat if screen.check(m) is not None]
    print(f"smalltalk.tsv       : {len(chat_flagged)}/{len(chat)} flagged")
    if args.misses:
        for message in chat_flagged:
            print(f"  FLAGGED chat: {message!r}")
    questions = [m for f in ("questions.tsv", "holdout.tsv") for _, m in read_labelled(DATA / f)]
    q_flagged = [m for m in questions if screen.check(m) is not None]
    print(f"article questions   : {len(q_flagged)}/{len(questions)} flagged")
    if args.misses:
        for message in q_flagged:
            print(f"  FLAGGED question: {message!r}")
    queries = [m for f in sorted((DATA / "faq-readers").glob("*-queries.tsv"))
               for _, m in read_labelled(f)]
    faq_flagged = [m for m in queries if screen.check(m) is not None]
    print(f"FAQ reader queries  : {len(faq_flagged)}/{len(queries)} flagged")
    if args.misses:
        for message in faq_flagged:
            print(f"  FLAGGED query: {message!r}")

    external(screen, args.misses)
    ms = [1000 * t for t in times]
    print(f"per message: median {statistics.median(ms):.3f} ms, worst {max(ms):.3f} ms")
    big = ("is hsct safe for people with ms and what about the risks " * 2000)[:100_000]
    t = time.perf_counter()
    screen.check(big)
    print(f"100 KB message: {1000 * (time.perf_counter() - t):.2f} ms")


DATASETS = ROOT.parent / "shared" / "datasets"


def external(screen, show: bool) -> None:
    """Everyday requests written elsewhere (CLINC150, BANKING77-OOS): none is a crisis,
    save a literal "call 911". The learnt model trained on their training splits."""
    splits = everyday_splits(DATASETS)
    for split, messages in splits.items():
        if not messages:
            continue
        flagged = [m for m in messages if screen.check(m) is not None]
        print(f"CLINC150 + BANKING77-OOS, {split} splits: {len(flagged)}/{len(messages)} flagged")
        if show:
            for message in flagged:
                print(f"  FLAGGED external: {message!r}")


if __name__ == "__main__":
    main()
