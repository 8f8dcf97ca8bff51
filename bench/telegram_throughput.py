"""Telegram throughput: many simulated readers ask the real bot process through the stand-in.

The bot runs as its own process (as in production) and long-polls the Bot API stand-in from
tests/botapi.py, served here. Each simulated reader asks a question, waits for the answer, and
asks the next (a closed loop), so the figures are what the bot sustains, not a queue draining.
Prints questions answered per second and the median and 99th-percentile reply latency (from
the update being available to its sendMessage arriving), and fails if any answer is lost.

    python3 bench/telegram_throughput.py [--questions 3000] [--readers 200] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.knowledge import load_knowledge  # noqa: E402
from tests.botapi import TOKEN, BotAPI, Call  # noqa: E402

TARGET = 300.0  # questions per second: ten times Telegram's ~30 messages/s per bot
OFF_TOPIC = ["What's the weather tomorrow?", "Who won the match?", "😀", "How do I bake bread?"]


def questions(knowledge_dir: Path, count: int, seed: int = 7) -> list[str]:
    """Readers' questions: the pack's own phrasings, lower-cased variants and some off-topic."""
    pool = [q for e in load_knowledge(knowledge_dir).entries for q in e.questions]
    pool += [q.lower().rstrip("?") for q in pool] + OFF_TOPIC
    rng = random.Random(seed)
    return [rng.choice(pool) for _ in range(count)]


def bot_command(via_main: bool, profile: Path | None = None) -> list[str]:
    python = [sys.executable] + (["-m", "cProfile", "-o", str(profile)] if profile else [])
    if via_main:
        return [*python, "-m", "bot"]
    return [*python, str(Path(__file__).resolve()), "--serve-bot"]


def serve_bot() -> None:
    """The child process: the bot exactly as production runs it, settings from the env."""
    from bot import logs
    from bot.service import open_conversation
    from bot.settings import Settings
    from bot.telegram import run

    settings = Settings.load(env_file=None)
    logs.setup(settings.log_level, settings.telegram_bot_token)
    log = None
    if settings.record_questions:
        from bot.storage import QuestionLog

        log = QuestionLog.open(settings)
    run(settings, open_conversation(settings.knowledge_dir, settings.answer_threshold, log))


async def bench(args: argparse.Namespace) -> dict[str, float | int]:
    asked = questions(args.knowledge, args.questions)
    per_reader = -(-len(asked) // args.readers)
    queues = {1000 + r: asked[r::args.readers] for r in range(args.readers)}
    pending: dict[int, deque[float]] = {r: deque() for r in queues}  # when each was available
    latencies: list[float] = []
    replies: list[str] = []
    done = asyncio.Event()
    ready = asyncio.Event()
    extra = 0  # replies nobody was waiting for (would mean duplicates)

    async with BotAPI() as api:
        def ask_next(reader: int) -> None:
            if queues[reader]:
                api.message(reader, queues[reader].pop())
                pending[reader].append(time.perf_counter())

        def on_call(call: Call) -> None:
            nonlocal extra
            if call.method == "getUpdates":
                ready.set()
            if call.method != "sendMessage" or call.failed:
                return
            waiting = pending.get(call.params.get("chat_id"))
            if not waiting:
                extra += 1
                return
            latencies.append(call.at - waiting.popleft())
            replies.append(call.params.get("text", ""))
            if not args.rate:
                ask_next(call.params["chat_id"])
            if len(latencies) == len(asked):
                done.set()

        async def arrive_at_rate() -> None:
            """Open loop: questions arrive at --rate per second whether answered or not."""
            readers = itertools.cycle(queues)
            start, fed = time.perf_counter(), 0
            while fed < len(asked):
                due = min(len(asked), int((time.perf_counter() - start) * args.rate) + 1)
                for _ in range(due - fed):
                    ask_next(next(readers))
                fed = due
                await asyncio.sleep(0.005)

        api.on_call = on_call
        with tempfile.TemporaryDirectory() as data_dir:
            env = dict(os.environ, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.base_url,
                       KNOWLEDGE_DIR=str(args.knowledge), DATA_DIR=data_dir,
                       RECORD_QUESTIONS="true" if args.record else "false",
                       TELEGRAM_RATE_LIMIT="0",  # measure the bot, not Telegram's cap
                       FLOOD_MESSAGES=str(per_reader + 5), LOG_LEVEL="WARNING",
                       PYTHONPATH=str(ROOT))
            child = await asyncio.create_subprocess_exec(
                *bot_command(args.via_main, args.profile), cwd=ROOT, env=env)
            try:
                await asyncio.wait_for(ready.wait(), 30)
                start = time.perf_counter()
                if args.rate:
                    feeder = asyncio.create_task(arrive_at_rate())
                else:
                    for reader in queues:
                        ask_next(reader)
                with contextlib.suppress(TimeoutError):  # reported below as lost answers
                    await asyncio.wait_for(done.wait(), args.timeout)
                elapsed = time.perf_counter() - start
                if args.rate:
                    feeder.cancel()
            finally:
                child.terminate()  # the bot stops gracefully on SIGTERM
                await asyncio.wait_for(child.wait(), 15)
    latencies.sort()
    answered = len(latencies)
    return {
        "mode": f"open loop at {args.rate:g}/s" if args.rate else "closed loop",
        "questions": len(asked), "readers": args.readers, "answered": answered,
        "lost": len(asked) - answered, "duplicates": extra,
        "errors": sum("went wrong" in r or "couldn't send" in r for r in replies),
        "passages": sum("<blockquote>" in r for r in replies),
        "seconds": round(elapsed, 3),
        "questions_per_second": round(answered / elapsed, 1) if elapsed else 0.0,
        "median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else 0.0,
        "p99_ms": round(latencies[int(0.99 * (answered - 1))] * 1000, 1) if latencies else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=3000)
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--knowledge", type=Path, default=ROOT / "knowledge")
    parser.add_argument("--rate", type=float, default=0.0,
                        help="offer this many questions/s (open loop) instead of a closed loop")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--record", action="store_true", help="log questions to SQLite too")
    parser.add_argument("--via-main", action="store_true",
                        help="start the bot with `python -m bot` instead of this script")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--profile", type=Path, help="write the bot's cProfile data here")
    parser.add_argument("--serve-bot", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bot:
        serve_bot()
        return
    figures = asyncio.run(bench(args))
    fast_enough = figures["questions_per_second"] >= (
        min(TARGET, args.rate) * 0.97 if args.rate else TARGET)
    ok = (figures["lost"] == 0 and figures["duplicates"] == 0 and figures["errors"] == 0
          and fast_enough)
    if args.json:
        print(json.dumps({**figures, "target": TARGET, "ok": ok}))
    else:
        print(f"{figures['mode']}: "
              f"{figures['answered']}/{figures['questions']} questions answered from "
              f"{figures['readers']} readers in {figures['seconds']} s "
              f"({figures['passages']} with a passage); lost {figures['lost']}, "
              f"duplicates {figures['duplicates']}, errors {figures['errors']}")
        print(f"throughput: {figures['questions_per_second']} questions/s "
              f"(target {TARGET:.0f})")
        print(f"latency: median {figures['median_ms']} ms, p99 {figures['p99_ms']} ms")
        print("OK" if ok else "BELOW TARGET OR LOST ANSWERS")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
