"""Where to set the answer threshold: accuracy on the question sets at each confidence.

    python bench/tune.py [--held-out] [QUESTION_FILE ...]

For each threshold, in-scope accuracy (right passage) and out-of-scope rejection over the
labelled question files (default: the curated reader files in tests/data, not the held-out ones,
so a threshold chosen here is measured fairly on those). Two choices are printed: the best
balance (the smaller of the two at its highest) and the most right answers less `WRONG_COST`
times the wrong ones (a wrong passage or an out-of-scope question answered). THRESHOLD is the
second: a wrong answer about health costs more than a missed one, which still offers buttons.
Run it after editing a pack or the engine, and before changing THRESHOLD.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.engine import Engine
from bot.evaluation import evaluate, question_files, read_questions
from bot.knowledge import load_knowledge
from bot.tuning import THRESHOLD

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.test_accuracy import HELD_OUT  # noqa: E402  (the files no one tunes on)

# The engine's labelled question sets; tests/data also holds the safety screen's and small
# talk's sets, which label other things and would read as thousands of in-scope misses.
QUESTION_FILES = question_files(ROOT / "tests" / "data")
WRONG_COST = 2  # a wrong answer costs as much as this many missed ones


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path,
                        help="labelled question files (default: the curated ones in tests/data)")
    parser.add_argument("--held-out", action="store_true",
                        help="sweep the held-out files instead: to read, never to choose by")
    args = parser.parse_args()
    files = args.files or [path for path in QUESTION_FILES
                           if (path.name in HELD_OUT) == args.held_out]
    questions = [q for f in files for q in read_questions(f)]
    engine = Engine.from_knowledge(load_knowledge(ROOT / "knowledge"))
    print(f"{len(questions)} questions from {len(files)} files: "
          f"{', '.join(f.name for f in files)}")
    print(f"{'threshold':>9}  {'in scope':>8}  {'out of scope':>12}  {'wrong':>5}")
    best = (0.0, THRESHOLD)
    careful = (float("-inf"), THRESHOLD)
    for step in range(50, 91):
        engine.threshold = step / 2
        report = evaluate(engine, questions)
        ins, outs = report.in_scope_accuracy, report.out_of_scope_rejection
        mark = "  <- current" if engine.threshold == THRESHOLD else ""
        print(f"{engine.threshold:9.1f}  {ins:8.1%}  {outs:12.1%}  {report.wrong:5}{mark}")
        best = max(best, (min(ins, outs), engine.threshold))
        careful = max(careful, (report.answered - WRONG_COST * report.wrong, engine.threshold))
    print(f"best balance at {best[1]} (worse side {best[0]:.1%}); most right answers less "
          f"{WRONG_COST} x the wrong ones at {careful[1]}; current THRESHOLD {THRESHOLD}")


if __name__ == "__main__":
    main()
