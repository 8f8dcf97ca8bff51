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
from bot.engine import Engine
from bot.importer import PackImportError
from bot.knowledge import Knowledge, load_knowledge, review_knowledge
from bot.outcomes import ChatKind, Outcome
from bot.problems import KnowledgeError, summarise
from bot.results import Ambiguous, Answer, Declined
from bot.safety import DEFAULT_SAFETY_FILE
from bot.service import (
    build_engine,
    build_parts,
    open_conversation,
    review_chat_files,
    swap_parts,
)
from bot.settings import Settings, SettingsError, data_file
from bot.smalltalk import DEFAULT_SMALLTALK_FILE
from bot.storage import QuestionLog, StorageError

log = logging.getLogger("bot")


KINDS = {Outcome.ANSWERED: "answer", Outcome.AMBIGUOUS: "ambiguous",
         Outcome.DECLINED: "declined", Outcome.SMALLTALK: "smalltalk", Outcome.SAFETY: "safety"}


def turn_json(question: str, turn: Turn) -> dict[str, object]:
    """The `ask --json` line: one flat object a script can rely on.

    `matched` is true only for an article answer; `also`, the message's other questions each
    answered by an entry of its own; `reply` is the plain text a reader sees.
    """
    result = turn.result
    obj: dict[str, object] = {
        "question": question, "kind": KINDS[turn.outcome], "matched": False, "entry": None,
        "score": round(result.score, 2) if result is not None else 0.0, "answer": None,
        "source": None, "suggestions": [], "also": [], "reply": turn.reply.text}
    if isinstance(result, Answer):
        entry = result.entry
        obj.update(matched=True, entry=entry.id, answer=entry.answer,
                   source={"title": entry.source.title, "url": entry.source.url},
                   suggestions=[e.question for e in result.related],
                   also=[{"question": a.question, "entry": a.entry.id, "answer": a.entry.answer}
                         for a in result.also])
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
    """Errors stop the bot serving a pack (exit 1); advice is printed as warnings (exit 0),
    unless `--strict` holds the packs to the seed pack's standard."""
    review = review_knowledge(settings.knowledge_dir)
    strict = getattr(args, "strict", False)
    errors = (review.errors + review_chat_files(settings.knowledge_dir)
              + (review.advice if strict else []))
    for problem in errors:
        print(f"error: {problem}", file=sys.stderr)
    if not strict:
        for line in summarise(review.advice):
            print(f"advice: {line}", file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s) in {settings.knowledge_dir}", file=sys.stderr)
        return 1
    assert review.knowledge is not None
    for pack in review.knowledge.packs:
        print(f"ok  {pack.name}: {len(pack.entries)} entries, "
              f"{sum(len(e.questions) for e in pack.entries)} phrasings")
    print(f"ok  safety screen and small talk: "
          f"{data_file(settings.knowledge_dir, DEFAULT_SAFETY_FILE)}, "
          f"{data_file(settings.knowledge_dir, DEFAULT_SMALLTALK_FILE)}")
    if review.advice:
        print(f"{len(review.advice)} piece(s) of advice (served as is; `check --strict` "
              "fails on advice)", file=sys.stderr)
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
    print(f"ranked first: {report.ranked_first}/{report.in_scope} in scope "
          f"({report.ranking_accuracy:.1%}, whatever the threshold)")
    print(f"one tap away: {report.offered} more in scope offered as a button instead "
          f"(answered or offered: {report.reach:.1%})")
    print(f"wrong answer: {report.wrong}/{report.in_scope + report.out_of_scope} questions "
          f"answered with a passage that does not answer them ({report.wrong_rate:.1%})")
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
        return chat(_conversation(settings, question_log, advise=True))
    finally:
        if question_log is not None:
            question_log.close()


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from bot.report import collect_stats, render_stats

    knowledge, engine = _loaded(settings)
    stats = collect_stats(settings.database, knowledge, engine, days=args.days)
    if args.json:
        print(json.dumps(stats.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_stats(stats))
    return 0


def cmd_suggest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.report import collect_suggestions, render_suggestions

    knowledge, engine = _loaded(settings)
    suggestions = collect_suggestions(settings.database, knowledge, engine)
    if args.json:
        print(json.dumps(suggestions.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_suggestions(suggestions))
    return 0


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    """Write a new pack to a staging folder (never the served one) and say what to do next."""
    from bot.importer import import_pack

    imported = import_pack(args.source, args.out, settings.knowledge_dir,
                           source_text=args.source_text, name=args.name, title=args.title,
                           publisher=args.publisher, url=args.url)
    if args.json:
        print(json.dumps({"path": str(imported.path), "entries": imported.entries,
                          "phrasings": imported.phrasings, "advice": list(imported.advice)},
                         ensure_ascii=False, indent=2))
    else:
        print(imported.summary())
    return 0


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """No command: Telegram when a token is configured, else the terminal chat."""
    if not settings.has_token:
        print("No TELEGRAM_BOT_TOKEN is set, so this is the terminal chat.\n"
              "To run on Telegram, put TELEGRAM_BOT_TOKEN=<token from @BotFather> in .env "
              "(see .env.example) and start again.\n", file=sys.stderr)
        return cmd_chat(args, settings)
    from bot import telegram
    from bot.reload import Reloader

    question_log = QuestionLog.open(settings)
    conversation = _conversation(settings, question_log, advise=True)
    mode = "webhook" if settings.webhook_url else "polling"
    log.info("starting the Telegram bot (%s) with %d entries", mode,
             len(conversation.engine.entries))
    reloader = Reloader(settings.knowledge_dir,
                        build_parts(settings.knowledge_dir, settings.answer_threshold),
                        swap_parts(conversation), settings.reload_seconds)
    try:
        telegram.run(settings, conversation, reloader=reloader)
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
    return knowledge, build_engine(knowledge, settings.answer_threshold)


def _engine(settings: Settings) -> Engine:
    return _loaded(settings)[1]


def _conversation(settings: Settings, question_log: QuestionLog | None = None,
                  advise: bool = False) -> Conversation:
    """The one conversation every front end talks through, over the served knowledge.

    `advise`: log the packs' advice (served as is) once, as serving starts.
    """
    conversation = open_conversation(settings.knowledge_dir, settings.answer_threshold,
                                     question_log)
    if advise:
        for line in summarise(conversation.knowledge.advice):
            log.warning("knowledge advice: %s", line)
    return conversation


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

    p = sub.add_parser("check", help="validate every knowledge pack (errors and advice)")
    p.add_argument("--strict", action="store_true",
                   help="treat advice (few phrasings, near-duplicates, long passages) as errors")
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

    p = sub.add_parser("import", help="create a new pack from a FAQ: CSV/TSV, HTML, Markdown "
                                      "or an http(s) address")
    p.add_argument("source", metavar="FILE_OR_URL",
                   help="CSV/TSV (question, answer[, source_url]), a saved .html page, a .md "
                        "file whose questions are headings, or an http(s) address")
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="the new pack's folder (default: imported/NAME; never the served one)")
    p.add_argument("--source-text", type=Path, metavar="FILE",
                   help="the article's text (answers must be quoted from it; default: the "
                        "page's own text, or for a spreadsheet the answers themselves)")
    p.add_argument("--name", help="the new pack's folder name (default: from the file name)")
    p.add_argument("--title", help="the source's title (default: the page's title)")
    p.add_argument("--publisher", help="the source's publisher (default: from the page)")
    p.add_argument("--url", help="the source's link (default: the page's, or the first "
                                 "source_url)")
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
    logs.setup(settings.log_level, settings.telegram_bot_token)
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
