"""Benchmark: what the question log costs readers, and how `stats` scales for curators.

Targets (issue 4): recording adds under 1 ms to an answer (median), and `stats` over 1,000,000
recorded questions, 10,000 of them distinct declined questions, returns in under 30 seconds.

    python3 bench/recording.py [--rows 1000000] [--distinct 10000] [--answers 2000]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bot.engine import Engine
from bot.grouping import Folder
from bot.knowledge import Knowledge, load_knowledge
from bot.outcomes import ChatKind, TurnRecord
from bot.report import collect_stats, render_stats
from bot.results import Ambiguous, Answer, Result
from bot.settings import DEFAULT_KNOWLEDGE_DIR, Settings
from bot.storage import QuestionLog


def turn_record(result: Result) -> TurnRecord:
    """What the conversation hands the log for an engine result."""
    match = (result.match if isinstance(result, Answer) else result.candidates[0]
             if isinstance(result, Ambiguous) else result.closest)
    if match is None:
        return TurnRecord(result.outcome)
    return TurnRecord(result.outcome, match.entry.id, match.entry.pack, round(match.score, 2))

# Things readers ask that an article on HSCT for MS does not cover, and ways they ask them.
TOPICS = [
    "alcohol", "coffee", "vitamin d", "diet", "exercise", "yoga", "pregnancy", "breastfeeding",
    "hair loss", "fertility", "insurance", "the nhs", "medicare", "travel abroad", "mexico",
    "russia", "covid vaccines", "flu shots", "ocrevus", "tysabri", "lemtrada", "copaxone",
    "cannabis", "smoking", "depression", "fatigue", "memory", "eyesight", "driving", "work",
    "children", "my dog", "sunbathing", "swimming", "the gym", "sex", "sleep", "pain killers",
    "acupuncture", "stem cell clinics", "crowdfunding", "private clinics", "the waiting list",
    "lupus", "crohn's disease", "diabetes", "parkinson's", "als", "autism", "arthritis",
]
TEMPLATES = [
    "can i have {t} after hsct", "is {t} ok after a stem cell transplant",
    "what about {t}", "does hsct affect {t}", "how does hsct work with {t}",
    "will {t} be a problem after treatment", "is {t} covered", "can hsct help with {t}",
    "should i avoid {t}", "{t} and ms", "{t} after chemo", "is {t} safe during hsct",
    "how long before {t} after the transplant", "does the article say anything about {t}",
    "what do doctors say about {t}", "any advice on {t}", "how much does {t} cost",
    "where can i get {t}", "{t}?", "tell me about {t} and stem cells",
]
QUALIFIERS = ["", " for my wife", " for my husband", " in the uk", " in the us", " at 50",
              " with progressive ms", " with rrms", " long term", " in winter", " for kids",
              " at my age", " in canada"]
PREFIXES = ["", "", "", "hi, ", "hello ", "quick question: ", "please ", "um ", "so ", "ok "]
SUFFIXES = ["", "", "", "?", "??", " please", " thanks", " thx", " asap", "!"]


def declined_questions(n: int, rng: random.Random, fold: Folder) -> list[str]:
    """`n` questions distinct even after folding (so `stats` really groups `n` wordings),
    in realistic clusters: templates x topics x qualifiers, spelled with varied filler."""
    combos = list(itertools.product(TEMPLATES, TOPICS, QUALIFIERS))
    rng.shuffle(combos)
    seen: dict[str, str] = {}
    for template, topic, qualifier in combos:
        text = (rng.choice(PREFIXES) + template.format(t=topic) + qualifier
                + rng.choice(SUFFIXES))
        text = text.capitalize() if rng.random() < 0.3 else text
        seen.setdefault(fold(text), text)
        if len(seen) == n:
            return list(seen.values())
    raise SystemExit(f"only {len(seen)} distinct questions can be generated")


def fill(database: Path, knowledge: Knowledge, rows: int, distinct: int, seed: int = 4) -> int:
    """Write `rows` synthetic records spread over 90 days; returns how many were declined."""
    rng = random.Random(seed)
    declined = declined_questions(distinct, rng, Folder(knowledge.synonyms))
    # Popularity is skewed like real traffic: a few questions asked very often.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(distinct)]
    entries = knowledge.entries
    answered = [(q, e) for e in entries for q in e.questions]
    QuestionLog.open(Settings(database_path=database)).close()  # the schema, as the bot makes it
    now = int(time.time())
    n_declined = rows * 15 // 100
    n_ambiguous = rows * 5 // 100
    kinds = ["private"] * 6 + ["group"] * 2 + ["inline", "terminal"]

    def generate():
        # Every distinct question is asked at least once; the rest follow popularity.
        picks = list(range(distinct)) + rng.choices(range(distinct), weights=weights,
                                                    k=max(0, n_declined - distinct))
        for i in range(rows):
            asked = now - rng.randrange(90 * 86400)
            kind = kinds[i % len(kinds)]
            if i < n_declined:
                entry = entries[i % len(entries)]
                yield (asked, declined[picks[i]], "declined", entry.id, entry.pack,
                       40 + (i % 40), kind)
            elif i < n_declined + n_ambiguous:
                q, e = answered[i % len(answered)]
                yield (asked, q.lower(), "ambiguous", e.id, e.pack, 82.0, kind)
            else:
                q, e = answered[i % len(answered)]
                yield (asked, q, "answered", e.id, e.pack, 90 + (i % 10), kind)

    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO questions (key, asked_at, question, outcome, entry_id, pack,"
                     " score, chat_kind) VALUES (lower(hex(randomblob(12))), ?, ?, ?, ?, ?, ?, ?)",
                     generate())
    conn.execute("INSERT INTO feedback (question_id, helpful, given_at) SELECT id, id % 3 = 0,"
                 " asked_at FROM questions WHERE outcome = 'answered' AND id % 50 = 0")
    conn.execute("COMMIT")
    conn.close()
    return n_declined


def bench_record(directory: Path, engine: Engine, knowledge: Knowledge, answers: int) -> None:
    questions = [q for e in knowledge.entries for q in e.questions]
    questions += ["is hsct on the nhs", "can i drink alcohol after it", "weather in paris"]
    log = QuestionLog(directory / "record.sqlite3")
    with log:
        log.record("warm up", turn_record(engine.ask("warm up")), ChatKind.PRIVATE)
        ask_ms, record_ms = [], []
        for i in range(answers):
            question = questions[i % len(questions)]
            t0 = time.perf_counter()
            result = engine.ask(question)
            t1 = time.perf_counter()
            record = log.record(question, turn_record(result), ChatKind.PRIVATE)
            t2 = time.perf_counter()
            assert record is not None, "recording failed during the benchmark"
            ask_ms.append((t1 - t0) * 1000)
            record_ms.append((t2 - t1) * 1000)
    record_ms.sort()
    print(f"answer (engine.ask) median {statistics.median(ask_ms):.3f} ms over {answers} asks "
          "(repeated questions may hit the engine's cache)")
    print(f"record() added: median {statistics.median(record_ms):.3f} ms, "
          f"p95 {record_ms[int(len(record_ms) * 0.95)]:.3f} ms, max {record_ms[-1]:.3f} ms "
          f"(target: median < 1 ms) -> {'OK' if statistics.median(record_ms) < 1 else 'SLOW'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--distinct", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=2000)
    parser.add_argument("--knowledge", type=Path, default=DEFAULT_KNOWLEDGE_DIR)
    args = parser.parse_args()

    knowledge = load_knowledge(args.knowledge)
    engine = Engine.from_knowledge(knowledge)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        bench_record(directory, engine, knowledge, args.answers)

        database = directory / "stats.sqlite3"
        t0 = time.perf_counter()
        n_declined = fill(database, knowledge, args.rows, args.distinct)
        print(f"generated {args.rows:,} records ({n_declined:,} declined asks, "
              f"{args.distinct:,} distinct declined questions) in "
              f"{time.perf_counter() - t0:.1f} s")
        settings = Settings(database_path=database)
        t0 = time.perf_counter()
        report = render_stats(collect_stats(settings.database, knowledge, engine, days=None))
        elapsed = time.perf_counter() - t0
        groups = next(line for line in report.splitlines()
                      if line.startswith("Unanswered questions"))
        print(groups)
        print(f"stats over {args.rows:,} records: {elapsed:.2f} s (target < 30 s) -> "
              f"{'OK' if elapsed < 30 else 'SLOW'}")
        t0 = time.perf_counter()
        json.dumps(collect_stats(settings.database, knowledge, engine, days=7).to_json())
        print(f"stats --days 7 --json: {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
