"""Small-talk figures on the labelled sets in tests/data.

    python bench/smalltalk.py [--misses]

Prints, for tests/data/smalltalk.tsv: the share of each core kind (greeting, thanks, goodbye,
identity/human, capabilities) given the right intent, every intent's accuracy, and how many
everyday messages the seed pack's engine would answer with a passage (small talk first, then the
engine on whatever is left, as the conversation does); for the article questions
(tests/data/questions.tsv, holdout.tsv): how many are taken whole as small talk (must be none);
load time and time per message (everyday lines and article questions). For the sets written
blind (tests/data/smalltalk_unseen.tsv and every smalltalk_blind*.tsv), through the whole
conversation (safety, small talk, engine): intents right, everyday lines given a passage, and
the article questions wrapped in small talk that the engine is asked and answers.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path

from bot.engine import Engine
from bot.evaluation import read_labelled, written_in_order
from bot.knowledge import load_knowledge
from bot.results import Ambiguous, Answer, Result
from bot.smalltalk import DEFAULT_SMALLTALK_FILE
from bot.smalltalk_file import load_smalltalk

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORE = {"greeting": "greeting", "thanks": "thanks", "goodbye": "goodbye",
        "identity": "identity", "human": "identity", "capabilities": "capabilities"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss")
    parser.add_argument("--clinc-split", default="test", choices=("test", "val", "train"),
                        help="CLINC150 split to count (tune on train/val, report test)")
    args = parser.parse_args()

    start = time.perf_counter()
    small = load_smalltalk(ROOT / "knowledge" / DEFAULT_SMALLTALK_FILE)
    print(f"load: {1000 * (time.perf_counter() - start):.1f} ms")
    engine = Engine.from_knowledge(load_knowledge(ROOT / "knowledge"))

    rows = read_labelled(DATA / "smalltalk.tsv")
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    passages = []
    times = []
    for label, message in rows:
        t = time.perf_counter()
        chat = small.match(message)
        times.append(time.perf_counter() - t)
        total[label] += 1
        if label == "-" or (chat is not None and CORE.get(chat.intent, chat.intent)
                            == CORE.get(label, label)):
            right[label] += 1
        elif args.misses:
            print(f"  MISS {label}: {message!r} -> {chat.intent if chat else None}")
        asked = message if chat is None else chat.rest
        if asked and isinstance(engine.ask(asked), Answer | Ambiguous):
            passages.append(message)
    core = [k for k in total if k in CORE]
    core_right, core_total = sum(right[k] for k in core), sum(total[k] for k in core)
    print(f"smalltalk.tsv core kinds: {core_right}/{core_total} "
          f"({100 * core_right / core_total:.1f}%) given the right intent")
    for label in sorted(total):
        if label != "-":
            print(f"  {label:13} {right[label]}/{total[label]}")
    print(f"smalltalk.tsv answered with a passage: {len(passages)}/{len(rows)}")
    if args.misses:
        for message in passages:
            print(f"  PASSAGE: {message!r}")

    questions = [m for f in ("questions.tsv", "holdout.tsv") for label, m in
                 read_labelled(DATA / f) if label != "-"]
    question_times, chats = [], []
    for message in questions:  # each read once, and timed
        t = time.perf_counter()
        chats.append(small.match(message))
        question_times.append(time.perf_counter() - t)
    whole = [(m, c.intent) for m, c in zip(questions, chats, strict=True)
             if c is not None and not c.rest]
    peeled = [(m, c) for m, c in zip(questions, chats, strict=True) if c is not None and c.rest]
    print(f"article questions taken whole as small talk: {len(whole)}/{len(questions)}")
    print(f"article questions with small talk peeled off: {len(peeled)}/{len(questions)}")
    if args.misses:
        for message, intent in whole:
            print(f"  WHOLE: {message!r} -> {intent}")
        for message, chat in peeled:
            print(f"  PEELED: {message!r} -> {chat.intent}, rest {chat.rest!r}")
    for name in BLIND_SETS:
        blind(name, args.misses)
    clinc(small, engine, args.clinc_split, args.misses)
    ms = [1000 * t for t in times]
    print(f"per message: median {statistics.median(ms):.3f} ms, worst {max(ms):.3f} ms")
    # an article question is read piece by piece before it is left to the engine: the dearer case
    ms = [1000 * t for t in question_times]
    print(f"per article question: median {statistics.median(ms):.3f} ms, "
          f"worst {max(ms):.3f} ms")
    big = ("hello there what is hsct and how long does it take " * 2000)[:100_000]
    t = time.perf_counter()
    small.match(big)
    print(f"100 KB message: {1000 * (time.perf_counter() - t):.2f} ms")


# Sets written blind, in the order they were written.
BLIND_SETS = ("smalltalk_unseen.tsv", *written_in_order(DATA, "smalltalk_blind*.tsv"))


def blind(name: str, misses: bool = False) -> None:
    """A set written blind, through the conversation, as a reader would meet it."""
    from bot.conversation import MENTION
    from bot.outcomes import ChatKind, Outcome
    from bot.service import open_conversation

    conversation = open_conversation(ROOT / "knowledge")
    engine = conversation.engine
    real_ask, asked = engine.ask, []

    def ask(question: str) -> Result:  # the engine, counting what it is asked
        asked.append(question)
        return real_ask(question)

    engine.ask = ask  # type: ignore[method-assign]
    passages = [e.answer for e in engine.entries]
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for label, message in read_labelled(DATA / name):
        asked.clear()
        turn = conversation.reply(message, ChatKind.PRIVATE)
        # as the conversation reads it: a Telegram @username is not part of the message
        chat = (conversation.smalltalk.match(MENTION.sub(" ", message))
                if conversation.smalltalk else None)
        quoted = turn.outcome in (Outcome.ANSWERED, Outcome.AMBIGUOUS) or any(
            p in turn.reply.text for p in passages)
        kind = "question" if label == "question" else "-" if label == "-" else (
            "core" if label in CORE else "other")
        total[kind] += 1
        if kind == "question":
            ok = bool(asked) and quoted
            right["question asked"] += bool(asked)
        elif kind == "-":
            ok = not quoted
        else:
            ok = (turn.outcome is Outcome.SMALLTALK and chat is not None
                  and CORE.get(chat.intent, chat.intent) == CORE.get(label, label))
            right[f"{kind} passage"] += quoted
        right[kind] += ok
        if misses and not ok:
            print(f"  BLIND MISS {label}: {message!r} -> {turn.outcome.value}"
                  f"{' ' + chat.intent if chat else ''}")
    print(f"{name} (written blind), through the conversation: "
          f"core kinds {right['core']}/{total['core']}, other intents "
          f"{right['other']}/{total['other']} right; everyday lines with a passage "
          f"{right['core passage'] + right['other passage'] + total['-'] - right['-']}"
          f"/{total['core'] + total['other'] + total['-']}; small talk + question: engine asked "
          f"{right['question asked']}/{total['question']}, answered {right['question']}"
          f"/{total['question']}")


CLINC = ROOT.parent / "shared" / "datasets" / "clinc150" / "data_full.json"
CLINC_CORE = {"greeting", "goodbye", "thank_you", "are_you_a_bot", "what_is_your_name",
              "who_made_you", "where_are_you_from", "what_can_i_ask_you"}


def clinc(small, engine: Engine, split: str = "test", misses: bool = False) -> None:
    """CLINC150's test split, written independently: its small-talk intents that are our core
    kinds (greetings, goodbyes, thanks, "are you a bot", name/maker/origin, "what can I ask"),
    counted as given small talk when the conversation would reply with it."""
    if not CLINC.exists():
        return
    data = json.loads(CLINC.read_text(encoding="utf-8"))
    given = total = passages = 0
    rows = data[split] + data[f"oos_{split}"]
    for text, label in rows:
        chat = small.match(text)
        asked = text if chat is None else chat.rest
        answered = bool(asked) and isinstance(engine.ask(asked), Answer | Ambiguous)
        passages += answered and label in CLINC_CORE
        if label in CLINC_CORE:
            total += 1
            given += chat is not None and not answered
            if misses and (chat is None or answered):
                print(f"  CLINC MISS {label}: {text!r} -> "
                      f"{chat.intent if chat else None}{' PASSAGE' if answered else ''}")
    print(f"CLINC150 {split}, core small-talk intents: {given}/{total} "
          f"({100 * given / total:.1f}%) given small talk, {passages} answered with a passage")


if __name__ == "__main__":
    main()
