"""The terminal chat: the Telegram conversation, without Telegram.

Curators and operators use it to try the knowledge (and the curator's question log) before a
bot token exists; it shows the same replies, with buttons as numbered choices.
"""

from __future__ import annotations

import sys
from typing import TextIO

from bot.engine import Answer, Engine, Match, Result
from bot.knowledge import Knowledge
from bot.replies import DISCLAIMER, Button, reply_for, source_reply
from bot.settings import Settings
from bot.storage import QuestionLog

HELP = ("Type a question about the article. A number picks one of the offered questions; "
        "+ or - rates the last answer; /topics lists every question I can answer; "
        "/source shows where the knowledge comes from; /quit leaves.")


def chat(engine: Engine, knowledge: Knowledge, settings: Settings,
         stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout,
         question_log: QuestionLog | None = None) -> int:
    """Run the conversation until end of input or /quit."""
    own_log = question_log is None
    question_log = QuestionLog.open(settings) if question_log is None else question_log

    def say(text: str = "") -> None:
        print(text, file=stdout, flush=True)

    titles = ", ".join(f"“{p.source.title}” ({p.source.publisher})" for p in knowledge.packs)
    say(f"I answer questions about {titles}, quoting it word for word.\n{DISCLAIMER}")
    say(HELP)
    choices: list[Button] = []
    last_record: int | None = None
    try:
        while True:
            print("\n> ", end="", file=stdout, flush=True)
            line = stdin.readline()
            if not line:
                break
            text = line.strip()
            if not text:
                continue
            if text in {"/quit", "/exit", "quit", "exit"}:
                break
            if text == "/help":
                say(HELP)
                continue
            if text == "/source":
                say(source_reply([p.source for p in knowledge.packs]).text)
                continue
            if text == "/topics":
                choices = [Button(e.question, f"a:{e.id}") for e in engine.entries]
                for n, button in enumerate(choices, 1):
                    say(f"  {n}. {button.label}")
                continue
            if text in {"+", "-"}:
                if last_record is not None:
                    question_log.feedback(last_record, text == "+")
                    say("Thank you — noted for the people who keep this knowledge up to date.")
                else:
                    say("There is no answer to rate yet.")
                continue
            result: Result | None = None
            if text.isdigit() and choices and 1 <= int(text) <= len(choices):
                # A picked question is answered by its entry, as a Telegram button is.
                entry = engine.entry(choices[int(text) - 1].action.partition(":")[2])
                if entry is not None:
                    text = entry.question
                    result = Answer(text, Match(entry, 100.0))
            if result is None:
                result = engine.ask(text)
            last_record = question_log.record(text, result, "terminal")
            reply = reply_for(result, engine)
            say(reply.text)
            choices = [b for row in reply.buttons for b in row if b.action.startswith("a:")]
            if choices:
                say("")
                for n, button in enumerate(choices, 1):
                    say(f"  {n}. {button.label}")
            if isinstance(result, Answer):
                say("(+ helpful / - not helpful)")
    finally:
        if own_log:
            question_log.close()
    say("Goodbye.")
    return 0
