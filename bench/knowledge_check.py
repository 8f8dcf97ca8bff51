"""`check` at scale: time and peak memory of validating a big pack, near-duplicates included.

    python bench/knowledge_check.py [--sizes 10000 30000 100000]

Each size runs in a fresh process (so peak memory is its own) over a synthetic pack: entries of
20 phrasings, 4-10 words drawn from a Zipf-like 20,000-word vocabulary, with 1 phrasing in 200
copied to another entry with a one-letter typo (near-duplicates the check must find). Prints,
per size: the near-duplicate step alone and the whole `check` (YAML read, validation, advice),
as seconds and peak resident memory (ru_maxrss) of the process.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from bot.knowledge import review_knowledge
from bot.neardup import near_pairs
from bot.text import normalise

PER_ENTRY = 20
VOCABULARY = 20_000
TYPO_EVERY = 200


def phrasings(count: int, seed: int = 7) -> list[list[str]]:
    """Entries' phrasings; every TYPO_EVERY-th phrasing is a typo'd copy from another entry."""
    rng = random.Random(seed)
    words = [f"w{n}{chr(97 + n % 26)}" for n in range(VOCABULARY)]
    weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
    texts = [" ".join(rng.choices(words, weights, k=rng.randint(4, 10))) for _ in range(count)]
    for i in range(TYPO_EVERY, count, TYPO_EVERY):
        source = texts[i - PER_ENTRY - 1]  # a phrasing of an earlier entry
        cut = rng.randrange(len(source))
        texts[i] = source[:cut] + "x" + source[cut + 1:]
    return [texts[i:i + PER_ENTRY] for i in range(0, count, PER_ENTRY)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(count: int, step: str) -> dict[str, float]:
    entries = phrasings(count)
    if step == "neardup":
        texts = [normalise(q) for qs in entries for q in qs]
        owners = [str(n) for n, qs in enumerate(entries) for _ in qs]
        before, start = peak_mb(), time.perf_counter()
        pairs = near_pairs(texts, owners)
        return {"seconds": time.perf_counter() - start, "peak_mb": peak_mb(),
                "before_mb": before, "pairs": len(pairs)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "big"
        folder.mkdir()
        (folder / "source.txt").write_text("The answer.\n", encoding="utf-8")
        data = {"title": "Big", "publisher": "Bench", "url": "https://example.org",
                "source_text": "source.txt",
                "entries": [{"id": f"e{n}", "questions": qs, "answer": "The answer."}
                            for n, qs in enumerate(entries)]}
        (folder / "pack.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
        before, start = peak_mb(), time.perf_counter()
        review = review_knowledge(Path(tmp))
        return {"seconds": time.perf_counter() - start, "peak_mb": peak_mb(),
                "before_mb": before, "errors": len(review.errors),
                "advice": len(review.advice)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--one", nargs=2, metavar=("COUNT", "STEP"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(int(args.one[0]), args.one[1])))
        return
    print(f"{'phrasings':>10} {'step':>14} {'seconds':>8} {'peak MB':>8} {'found':>7}")
    for count in args.sizes:
        for step in ("neardup", "check"):
            done = subprocess.run([sys.executable, __file__, "--one", str(count), step],
                                  capture_output=True, text=True, check=True)
            r = json.loads(done.stdout)
            found = r.get("pairs", r.get("advice", 0))
            label = "near-duplicates" if step == "neardup" else "whole check"
            print(f"{count:>10,} {label:>14} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f} "
                  f"{int(found):>7}", flush=True)
    print(f"(expected near-duplicates: about 1 in {TYPO_EVERY} phrasings; 'found' for the whole "
          "check counts all advice, including the same pairs)")


if __name__ == "__main__":
    main()
