"""Engine build benchmark: what a hot reload costs, at 15,000 and 100,000 phrasings.

    python bench/build.py [--repeat N] [--profile]

Builds the engine N times (default 3) over CLINC150's training phrasings and over 100,000
(the same with generated variations, as `bench/engine.py` makes them) and prints the median
build seconds and the index's memory. `--profile` prints where one 100,000 build spends its
time instead (cProfile, by cumulative time).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import time

from engine import CLINC, clinc_entries, index_bytes, variations

from bot.engine import Engine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="builds per size (median)")
    parser.add_argument("--profile", action="store_true", help="profile one 100,000 build")
    args = parser.parse_args()
    train = json.loads(CLINC.read_text())["train"]
    sizes = {len(train): train, 100_000: variations(train, 100_000)}
    if args.profile:
        entries = clinc_entries(sizes[100_000])
        profiler = cProfile.Profile()
        profiler.runcall(Engine, entries, answer_types=False)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        return
    for size, rows in sizes.items():
        entries = clinc_entries(rows)
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            engine = Engine(entries, answer_types=False)
            times.append(time.perf_counter() - start)
        print(f"{size:>7,} phrasings: engine built in {statistics.median(times):.2f} s "
              f"(median of {args.repeat}; min {min(times):.2f}, max {max(times):.2f}), "
              f"index {index_bytes(engine) / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
