"""Command line: parses, dispatches, prints. Each command calls one library function."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from bot import logs
from bot.conversation import Conversation, Turn
from bot.curator import PackImportError
from bot.engine import Ambiguous, Answer, Declined, Engine
from bot.knowledge import Knowledge, KnowledgeError, check_knowledge, load_knowledge
from bot.outcomes import ChatKind, Outcome
from bot.settings import Settings, SettingsError
from bot.storage import QuestionLog, StorageError

log = logging.getLogger("bot")


KINDS = {Outcome.ANSWERED: "answer", Outcome.AMBIGUOUS: "ambiguous",
         Outcome.DECLINED: "declined", Outcome.SMALLTALK: "smalltalk", Outcome.SAFETY: "safety"}


def turn_json(question: str, turn: Turn) -> dict[str, object]:
    """The `ask --json` line: one flat object a script can rely on.

    `matched` is true only for an article answer; `reply` is the plain text a reader sees.
    """
    result = turn.result
    obj: dict[str, object] = {
        "question": question, "kind": KINDS[turn.outcome], "matched": False, "entry": None,
        "score": round(result.score, 2) if result is not None else 0.0, "answer": None,
        "source": None, "suggestions": [], "reply": turn.reply.text}
    if isinstance(result, Answer):
        entry = result.entry
        obj.update(matched=True, entry=entry.id, answer=entry.answer,
                   source={"title": entry.source.title, "url": entry.source.url},
                   suggestions=[e.question for e in result.related])
    elif isinstance(result, Ambiguous):
        obj["suggestions"] = [c.entry.question for c in result.candidates]
    elif isinstance(result, Declined):
        obj["suggestions"] = [e.question for e in result.suggestions]
    return obj


def export_json(knowledge: Knowledge) -> list[dict[str, object]]:
    return [
        {"id": e.id, "pack": e.pack, "questions": list(e.questions), "answer": e.answer,
         "source": {"title": e.source.title, "url": e.source.url}}
        for e in knowledge.entries
    ]


def _questions(given: Sequence[str], stdin: TextIO) -> Iterable[str]:
    if given:
        yield from given
        return
    for line in stdin:
        if line.strip():
            yield line.rstrip("\n")


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    conversation = _conversation(settings)
    for question in _questions(args.question, sys.stdin):
        turn = conversation.reply(question, ChatKind.TERMINAL)
        if args.json:
            print(json.dumps(turn_json(question, turn), ensure_ascii=False), flush=True)
        else:
            print(f"? {question}\n{turn.reply.text}\n", flush=True)
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    knowledge, problems = check_knowledge(settings.knowledge_dir)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in {settings.knowledge_dir}", file=sys.stderr)
        return 1
    assert knowledge is not None
    for pack in knowledge.packs:
        print(f"ok  {pack.name}: {len(pack.entries)} entries, "
              f"{sum(len(e.questions) for e in pack.entries)} phrasings")
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    print(json.dumps(export_json(_knowledge(settings)), ensure_ascii=False, indent=2))
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from bot.evaluation import QuestionFileError, evaluate, read_questions, unknown_ids

    engine = _engine(settings)
    try:
        questions = read_questions(args.file)
    except (OSError, QuestionFileError) as exc:
        print(f"cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    if unknown := unknown_ids(engine, questions):
        for q in unknown:
            print(f"{args.file}:{q.line}: no entry {q.expected!r}", file=sys.stderr)
        return 2
    report = evaluate(engine, questions)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"in scope:     {report.answered}/{report.in_scope} answered correctly "
          f"({report.in_scope_accuracy:.1%})")
    print(f"out of scope: {report.rejected}/{report.out_of_scope} declined "
          f"({report.out_of_scope_rejection:.1%})")
    print(f"overall:      {report.overall:.1%}  (threshold {engine.threshold})")
    if report.misses:
        print("\nmisses:")
    for item, result in report.misses:
        got = result.entry.id if isinstance(result, Answer) else result.outcome
        print(f"  line {item.line}: {item.question!r}\n"
              f"    expected {item.expected or 'out of scope'}, got {got} "
              f"(score {result.score:.1f})")
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    from bot.terminal import chat

    question_log = QuestionLog.open(settings) if getattr(args, "record", False) else None
    try:
        return chat(_conversation(settings, question_log))
    finally:
        if question_log is not None:
            question_log.close()


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from bot.curator import stats_command

    knowledge, engine = _loaded(settings)
    print(stats_command(settings, knowledge, engine, days=args.days, as_json=args.json))
    return 0


def cmd_suggest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.curator import suggest_command

    knowledge, engine = _loaded(settings)
    print(suggest_command(settings, knowledge, engine, as_json=args.json))
    return 0


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from bot.curator import import_command

    print(import_command(args.file, settings.knowledge_dir, source_text=args.source_text,
                         name=args.name, title=args.title, publisher=args.publisher,
                         url=args.url, as_json=args.json))
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """No command: Telegram when a token is configured, else the terminal chat."""
    if not settings.has_token:
        print("No TELEGRAM_BOT_TOKEN is set, so this is the terminal chat.\n"
              "To run on Telegram, put TELEGRAM_BOT_TOKEN=<token from @BotFather> in .env "
              "(see .env.example) and start again.\n", file=sys.stderr)
        return cmd_chat(args, settings)
    from bot import telegram

    question_log = QuestionLog.open(settings)
    conversation = _conversation(settings, question_log)
    mode = "webhook" if settings.webhook_url else "polling"
    log.info("starting the Telegram bot (%s) with %d entries", mode,
             len(conversation.engine.entries))
    try:
        telegram.run(settings, conversation)
    except (SettingsError, telegram.StartupError) as exc:  # e.g. a rejected token or webhook
        print(f"Cannot start the Telegram bot: {exc}", file=sys.stderr)
        return 2
    finally:
        question_log.close()
    return 0


def _knowledge(settings: Settings) -> Knowledge:
    return load_knowledge(settings.knowledge_dir)


def _loaded(settings: Settings) -> tuple[Knowledge, Engine]:
    knowledge = _knowledge(settings)
    return knowledge, Engine.from_knowledge(knowledge, settings.confidence)


def _engine(settings: Settings) -> Engine:
    return _loaded(settings)[1]


def _conversation(settings: Settings, question_log: QuestionLog | None = None) -> Conversation:
    """The one conversation every front end talks through, over the served knowledge."""
    knowledge, engine = _loaded(settings)
    return Conversation(knowledge, engine, log=question_log)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Answer readers' questions about a health article, quoting it verbatim. "
                    "With no command: the Telegram bot if TELEGRAM_BOT_TOKEN is set, "
                    "otherwise the terminal chat.")
    parser.add_argument("--knowledge", type=Path, metavar="DIR",
                        help="knowledge directory (default: $KNOWLEDGE_DIR or ./knowledge)")
    parser.add_argument("--env-file", default=".env", metavar="FILE",
                        help="settings file read after the environment (default: .env)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("chat", help="talk to the bot in the terminal")
    p.add_argument("--record", action="store_true",
                   help="record the questions in the question log, as Telegram does")
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("ask", help="answer questions given, or one per line on stdin")
    p.add_argument("question", nargs="*", help="questions (default: read standard input)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("check", help="validate every knowledge pack")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export", help="the whole knowledge base as JSON")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("eval", help="accuracy over a labelled question file")
    p.add_argument("file", type=Path, help="lines of ENTRY-ID<TAB>QUESTION ('-' = out of scope)")
    p.add_argument("--json", action="store_true", help="the report as JSON")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("stats", help="what readers asked, and what went unanswered")
    p.add_argument("--days", type=int, metavar="N", help="only the last N days")
    p.add_argument("--json", action="store_true", help="the report as JSON")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("suggest", help="phrasings to add to entries, ready to paste")
    p.add_argument("--json", action="store_true", help="the proposals as JSON")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("import", help="create a new pack from a CSV/TSV export")
    p.add_argument("file", type=Path, help="CSV or TSV with columns question, answer[, source_url]")
    p.add_argument("--source-text", type=Path, metavar="FILE",
                   help="the article's text (answers must be quoted from it)")
    p.add_argument("--name", help="the new pack's directory name (default: from the file name)")
    p.add_argument("--title", help="the source's title")
    p.add_argument("--publisher", help="the source's publisher")
    p.add_argument("--url", help="the source's link (default: the first source_url)")
    p.add_argument("--json", action="store_true", help="the result as JSON")
    p.set_defaults(func=cmd_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.load(env_file=args.env_file)
    except SettingsError as exc:
        print(f"Setting error: {exc}", file=sys.stderr)
        return 2
    if args.knowledge is not None:
        settings = replace(settings, knowledge_dir=args.knowledge)
    logs.setup(settings.log_level, settings.telegram_token)
    func = getattr(args, "func", cmd_run)
    try:
        return func(args, settings)
    except (StorageError, PackImportError) as exc:
        print(exc, file=sys.stderr)
        return 1
    except KnowledgeError as exc:
        print(f"The knowledge in {settings.knowledge_dir} cannot be served:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        print("Fix these (run `python -m bot check` to re-check) and start again.",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
