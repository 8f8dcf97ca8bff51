"""Where to set the answer threshold: accuracy on the question sets at each confidence.

    python bench/tune.py [QUESTION_FILE ...]

For each threshold, in-scope accuracy (right passage) and out-of-scope rejection over the
labelled question files (default: the engine's four sets in tests/data). The engine's
THRESHOLD is the one that maximises the smaller of the two: a wrong answer about health costs
as much as a missed one.
Run it after editing a pack or the engine, and before changing THRESHOLD.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.engine import Engine
from bot.evaluation import evaluate, question_files, read_questions
from bot.knowledge import load_knowledge
from bot.tuning import THRESHOLD

ROOT = Path(__file__).resolve().parent.parent
# The engine's labelled question sets; tests/data also holds the safety screen's and small
# talk's sets, which label other things and would read as thousands of in-scope misses.
QUESTION_FILES = question_files(ROOT / "tests" / "data")


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or QUESTION_FILES
    questions = [q for f in files for q in read_questions(f)]
    engine = Engine.from_knowledge(load_knowledge(ROOT / "knowledge"))
    print(f"{len(questions)} questions from {', '.join(f.name for f in files)}")
    print(f"{'threshold':>9}  {'in scope':>8}  {'out of scope':>12}")
    best = (0.0, THRESHOLD)
    for step in range(50, 91):
        engine.threshold = step / 2
        report = evaluate(engine, questions)
        ins, outs = report.in_scope_accuracy, report.out_of_scope_rejection
        mark = "  <- current" if engine.threshold == THRESHOLD else ""
        print(f"{engine.threshold:9.1f}  {ins:8.1%}  {outs:12.1%}{mark}")
        best = max(best, (min(ins, outs), engine.threshold))
    print(f"best balance at {best[1]} (worse side {best[0]:.1%}); current THRESHOLD {THRESHOLD}")


if __name__ == "__main__":
    main(sys.argv[1:])
