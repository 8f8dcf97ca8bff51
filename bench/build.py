"""Engine build benchmark: what a hot reload costs, at 15,000 and 100,000 phrasings.

    python bench/build.py [--repeat N] [--profile]

Builds the engine N times (default 3) over CLINC150's training phrasings and over 100,000
(the same with generated variations, as `bench/engine.py` makes them), then the same for
BANKING77-OOS's: knowledge with one topic and many phrasings per entry, for which the engine
also trains its classifier (`bot.classifier`). Prints the median build seconds twice: cold,
as the first build in a process (the per-word caches of stems and spellings emptied first),
and warm, as a reload of the same knowledge in a running bot. Then the index's memory.
`--profile` prints where one cold 100,000 build spends its time instead (cProfile, by
cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import time
from collections.abc import Sequence

from banking import SOURCE as BANKING
from banking import read
from engine import CLINC, clinc_entries, index_bytes, variations
from intents import entries as intent_entries

from bot import text
from bot.engine import Engine
from bot.knowledge import Entry


def clear_caches() -> None:
    """Forget every word the process has stemmed, spelled or cut into n-grams."""
    for cached in (text.stem, text.spell, text._word):
        cached.cache_clear()


def timed(entries: Sequence[Entry], cold: bool) -> tuple[float, Engine]:
    if cold:
        clear_caches()
    start = time.perf_counter()
    engine = Engine(entries, answer_types=False)
    return time.perf_counter() - start, engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="builds of each kind (median)")
    parser.add_argument("--profile", action="store_true", help="profile one 100,000 build")
    args = parser.parse_args()
    train = json.loads(CLINC.read_text())["train"]
    if args.profile:
        entries = clinc_entries(variations(train, 100_000))
        clear_caches()
        profiler = cProfile.Profile()
        profiler.runcall(Engine, entries, answer_types=False)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        return
    banking = read("train")
    for name, entries in (
            ("CLINC150", clinc_entries(train)),
            ("CLINC150", clinc_entries(variations(train, 100_000))),
            ("BANKING77", intent_entries(banking, BANKING)),
            ("BANKING77", intent_entries(variations(banking, 100_000), BANKING))):
        medians = {}
        for kind in ("cold", "warm"):
            times = []
            for _ in range(args.repeat):
                seconds, engine = timed(entries, cold=kind == "cold")
                times.append(seconds)
            medians[kind] = statistics.median(times)
        trained = " with its classifier" if engine.index.classifier is not None else ""
        phrasings = sum(len(entry.questions) for entry in entries)
        print(f"{name} {phrasings:>7,} phrasings: engine built{trained} in "
              f"{medians['cold']:.2f} s cold, {medians['warm']:.2f} s warm "
              f"(medians of {args.repeat}); index {index_bytes(engine) / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
