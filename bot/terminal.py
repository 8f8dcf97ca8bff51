"""The terminal chat: the Telegram conversation, without Telegram.

Curators and operators use it to try the knowledge before a bot token exists; it shows the same
replies, through the same `Conversation`, with buttons as numbered choices.
"""

from __future__ import annotations

import sys
from typing import TextIO

from bot import actions
from bot.conversation import Conversation, Turn
from bot.outcomes import ChatKind, Outcome
from bot.replies import DISCLAIMER, Button, ask_button, source_reply

HELP = ("Type a question about the article. A number picks one of the offered questions; "
        "+ or - rates the last answer; /topics lists every question I can answer; "
        "/source shows where the knowledge comes from; /quit (or bye) leaves.")
LEAVE = frozenset({"/quit", "/exit", "quit", "exit", "bye", "goodbye", "bye!", "goodbye!"})


class TerminalChat:
    """One terminal session: the numbered choices on screen and the last answer's key."""

    def __init__(self, conversation: Conversation, stdout: TextIO):
        self.conversation = conversation
        self.stdout = stdout
        self.choices: list[Button] = []
        self.last_key: str | None = None

    def say(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def greet(self) -> None:
        titles = ", ".join(f"“{s.title}” ({s.publisher})" for s in self.conversation.sources)
        self.say(f"I answer questions about {titles}, quoting it word for word.\n{DISCLAIMER}")
        self.say(HELP)

    def command(self, text: str) -> bool:
        """A terminal command or a rating; False when the line is a message for the bot."""
        if text == "/help":
            self.say(HELP)
        elif text == "/source":
            self.say(source_reply(self.conversation.sources).text)
        elif text == "/topics":
            self.offer([ask_button(e) for e in self.conversation.engine.entries])
        elif text in {"+", "-"}:
            if self.last_key is not None and self.conversation.vote(self.last_key, text == "+"):
                self.say("Thank you — noted for the people who keep this knowledge up to date.")
            else:
                self.say("There is no answer to rate yet.")
        else:
            return False
        return True

    def offer(self, buttons: list[Button]) -> None:
        self.choices = buttons
        for n, button in enumerate(buttons, 1):
            self.say(f"  {n}. {button.label}")

    def message(self, text: str) -> None:
        """A reader's line: a picked number answers its question, anything else is asked."""
        picked = (actions.parse(self.choices[int(text) - 1].action)
                  if text.isdigit() and 1 <= int(text) <= len(self.choices) else None)
        if isinstance(picked, actions.AnswerEntry):
            turn = self.conversation.pick(picked.entry_id, ChatKind.TERMINAL)
        else:
            turn = self.conversation.reply(text, ChatKind.TERMINAL)
        self.show(turn)

    def show(self, turn: Turn) -> None:
        self.say(turn.reply.text)
        self.last_key = turn.key if turn.outcome is Outcome.ANSWERED else None
        buttons = [b for row in turn.reply.buttons for b in row
                   if isinstance(actions.parse(b.action), actions.AnswerEntry)]
        if buttons:
            self.say("")
            self.offer(buttons)
        if self.last_key is not None and self.conversation.feedback_on:
            self.say("(+ helpful / - not helpful)")


def chat(conversation: Conversation, stdin: TextIO | None = None,
         stdout: TextIO | None = None) -> int:
    """Run the conversation until end of input (Ctrl-D), /quit or "bye" (on the process's
    standard streams as they are when it starts, unless given others)."""
    stdin, stdout = stdin or sys.stdin, stdout or sys.stdout
    session = TerminalChat(conversation, stdout)
    session.greet()
    while True:
        print("\n> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        text = line.strip()
        if not line or text.casefold() in LEAVE:
            break
        if text and not session.command(text):
            session.message(text)
    session.say("Goodbye — take care.")
    return 0
