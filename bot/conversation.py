"""A reader's turn, the one path every front end takes: safety -> small talk -> engine -> reply.

Telegram, the terminal chat and `ask` all call `Conversation`; none of them assembles a turn
itself. A turn is also where the question log hears of it, so what curators see is what readers
got. Pure apart from the log: no Telegram, no terminal.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot import replies
from bot.asking import asks, asks_elsewhere, clauses, marked_question, sentences
from bot.engine import Engine
from bot.knowledge import Knowledge, Source
from bot.outcomes import ChatKind, DeclineReason, Outcome, TurnRecord
from bot.readings import indirectly_asked
from bot.replies import Reply
from bot.results import Ambiguous, Answer, Declined, Result

logger = logging.getLogger(__name__)

INLINE_RESULTS = 8  # matching questions listed for an inline query
# A Telegram @username says who is addressed, not what is asked: "thanks @hsct_info_bot" is
# thanks, not a question about HSCT. (Groups already drop the bot's own mention.)
MENTION = re.compile(r"(?<![\w@])@[A-Za-z]\w{4,31}\b")


class Crisis(Protocol):
    """A message the safety screen caught: `reply` is the fixed safety text to send."""

    @property
    def kind(self) -> str: ...

    @property
    def reply(self) -> str: ...


class SafetyScreen(Protocol):
    def check(self, text: str) -> Crisis | None: ...


class Chat(Protocol):
    """Everyday chat recognised by the small-talk set."""

    @property
    def intent(self) -> str: ...

    @property
    def reply(self) -> str: ...  # the bot's own words, never the article's

    @property
    def examples(self) -> bool: ...  # offer example questions as buttons (greetings, "help")

    @property
    def rest(self) -> str: ...  # what is left of the message once the small talk is removed

    @property
    def taken_back(self) -> bool: ...  # "ok bye, oh wait ...": the rest is asked, marked or not


class SmallTalk(Protocol):
    def match(self, text: str) -> Chat | None: ...

    def own_case(self, text: str) -> str | None:
        """The reminder line for a question about the reader's own treatment, else None."""
        ...


class QuestionLog(Protocol):
    """The question log's shape (bot.storage): all a turn needs of it."""

    @property
    def recording(self) -> bool: ...

    def record(self, question: str, turn: TurnRecord, chat_kind: ChatKind,
               redact: Sequence[str] = ()) -> str | None: ...

    def feedback(self, key: str, helpful: bool) -> bool: ...


@dataclass(frozen=True)
class Turn:
    """What one message got: the reply to send and what it was."""

    reply: Reply
    outcome: Outcome
    result: Result | None = None  # the engine's, when the engine was asked
    key: str | None = None  # the question log's key (👍/👎 buttons carry it)

    @property
    def safety(self) -> bool:
        """A safety reply: always sent, never flood-limited, never logged with its text."""
        return self.outcome is Outcome.SAFETY


@dataclass(frozen=True)
class Inline:
    """An inline query's choices: the safety text alone, or answers to pick from."""

    safety: Reply | None = None
    answers: tuple[Answer, ...] = ()


@dataclass(frozen=True)
class _Served:
    knowledge: Knowledge
    engine: Engine


class Conversation:
    """Sorts each message into what it is and replies to it; swaps knowledge atomically."""

    def __init__(self, knowledge: Knowledge, engine: Engine, *,
                 safety: SafetyScreen | None = None, smalltalk: SmallTalk | None = None,
                 log: QuestionLog | None = None):
        self._served = _Served(knowledge, engine)
        self.safety = safety
        self.smalltalk = smalltalk
        self.log = log
        self._lock = threading.Lock()

    # -- what is being served (a reload swaps both at once) ------------------------------------

    @property
    def knowledge(self) -> Knowledge:
        return self._served.knowledge

    @property
    def engine(self) -> Engine:
        return self._served.engine

    @property
    def sources(self) -> list[Source]:
        return [p.source for p in self._served.knowledge.packs]

    @property
    def feedback_on(self) -> bool:
        """👍/👎 buttons only when a vote can be kept."""
        return self.log is not None and self.log.recording

    def swap(self, knowledge: Knowledge, engine: Engine, *,
             safety: SafetyScreen | None = None, smalltalk: SmallTalk | None = None) -> None:
        """Serve new knowledge from the next turn on; a turn under way keeps the old one.

        The safety screen and small talk are replaced only when given (a reload rebuilds them
        too, as a deployment may edit their files).
        """
        with self._lock:
            self._served = _Served(knowledge, engine)
            self.safety = safety if safety is not None else self.safety
            self.smalltalk = smalltalk if smalltalk is not None else self.smalltalk

    # -- turns ------------------------------------------------------------------------------------

    def urgent(self, text: str) -> bool:
        """A crisis message: front ends send its reply even to a reader over the flood limit."""
        return self.safety is not None and self.safety.check(text) is not None

    def reply(self, text: str, chat: ChatKind, redact: Sequence[str] = ()) -> Turn:
        """A reader's message -> the reply. `redact`: names to keep out of the question log."""
        question = " ".join(MENTION.sub(" ", text).split())
        crisis = self.safety.check(text) if self.safety is not None else None  # lines matter
        if crisis is not None:
            self._record("", TurnRecord(Outcome.SAFETY), chat)  # never the text
            return Turn(replies.safety_reply(crisis.reply), Outcome.SAFETY)
        served = self._served
        small = self.smalltalk.match(question) if self.smalltalk is not None else None
        if small is not None:
            result = served.engine.ask(small.rest) if small.rest else None
            # An article answer wins when the message also asks something the article answers,
            # and so does a decline when it also asks a real question ("thanks! and how long is
            # recovery?") or the small talk was taken back before it ("ok bye, oh wait what's
            # the MIST trial", "tchau, espera, ..."): the reader learns the article does not
            # say, and the curator sees it.
            if not (isinstance(result, Answer | Ambiguous)
                    or (isinstance(result, Declined) and small.rest != question
                        and (small.taken_back or _asked(small.rest, result, self.smalltalk)))):
                self._record(question, TurnRecord(Outcome.SMALLTALK), chat, redact)
                examples = served.engine.suggest("") if small.examples else ()
                return Turn(replies.smalltalk_reply(small.reply, examples), Outcome.SMALLTALK)
        else:
            result = served.engine.ask(question)
        return self._engine_turn(question, result, chat, redact)

    def pick(self, entry_id: str, chat: ChatKind) -> Turn:
        """A question the reader picked (a button or a deep link), answered by its entry."""
        answer = self._served.engine.pick(entry_id)
        if answer is None:
            return Turn(replies.gone_reply(), Outcome.DECLINED)
        return self._engine_turn(answer.question, answer, chat, ())

    def vote(self, key: str, helpful: bool) -> bool:
        """👍/👎 on a recorded answer; False when it could not be kept."""
        if self.log is None:
            return False
        try:
            return self.log.feedback(key, helpful)
        except Exception:  # a vote must never break the reader's chat
            logger.exception("Could not record feedback")
            return False

    def inline(self, query: str) -> Inline:
        """`@bot question` in any chat: the safety text, or the best-matching answers."""
        text = " ".join(query.split())
        if text and self.safety is not None and (crisis := self.safety.check(text)):
            return Inline(safety=replies.safety_reply(crisis.reply))
        engine = self._served.engine
        if text:
            entries = [m.entry for m in engine.rank(text, limit=INLINE_RESULTS)]
            entries = entries or list(engine.suggest(text))
        else:
            entries = list(engine.entries)
        picked = (engine.pick(e.id, text) for e in entries)
        return Inline(answers=tuple(a for a in picked if a is not None))

    def chosen(self, entry_id: str, query: str) -> None:
        """An inline answer was posted: recorded for curators like any answered question."""
        answer = self._served.engine.pick(entry_id, query)
        if answer is not None:
            self._record(query, _turn_record(answer), ChatKind.INLINE)

    # -- internals --------------------------------------------------------------------------------

    def _engine_turn(self, question: str, result: Result, chat: ChatKind,
                     redact: Sequence[str]) -> Turn:
        key = self._record(question, _turn_record(result), chat, redact)
        note = None
        if isinstance(result, Answer) and self.smalltalk is not None:
            note = self.smalltalk.own_case(question)
        reply = replies.reply_for(result, key if self.feedback_on else None, note)
        return Turn(reply, result.outcome, result, key)

    def _record(self, question: str, turn: TurnRecord, chat: ChatKind,
                redact: Sequence[str] = ()) -> str | None:
        if self.log is None:
            return None
        try:
            return self.log.record(question, turn, chat, redact)
        except Exception:  # the log must never cost a reader their answer
            logger.exception("Could not record a question")
            return None


def _asked(rest: str, result: Declined, smalltalk: SmallTalk | None) -> bool:
    """What is left of a message once its small talk is taken off asks a real question, so
    the engine's decline is the reply ("thanks! and how long is recovery?"). A question the
    engine could not read at all (another language or script: "こんにちは、HSCTの後に再発する
    ことはありますか？", "Takk! Hvor lenge er man på sykehus?") still asks when it is marked as
    one (`asking.marked_question`) or opens as one does in its language ("Salve, vorrei
    sapere quanto dura il ricovero", `asking.asks_elsewhere`): the reader learns it was not
    understood rather than being greeted or thanked, and the curator sees it. So does one on
    the topic asked indirectly, in any of its sentences ("Good morning. I would like to know
    whether it is available in the UK."), which had got a greeting, unless what it asks is
    small talk too ("I wonder if you could help me")."""
    def chat(text: str) -> bool:
        return smalltalk is not None and smalltalk.match(text) is not None

    read = result.reason is not DeclineReason.NOT_UNDERSTOOD
    if marked_question(rest) or asks_elsewhere(rest) or (read and asks(rest)):
        return True
    # a question after the story in the same sentence ("hey, my wife has PPMS, could she
    # have hsct"), unless it is small talk too ("hi, i am fine, how are you")
    if read and any(asks(part) and not chat(part) for part in clauses(rest)[1:]):
        return True
    return result.reason is DeclineReason.NOT_IN_ARTICLE and any(
        inner is not None and not chat(inner)
        for inner in map(indirectly_asked, sentences(rest)))


def _turn_record(result: Result) -> TurnRecord:
    """What the question log keeps of an engine result."""
    if isinstance(result, Answer):
        match = result.match
    elif isinstance(result, Ambiguous):
        match = result.candidates[0]
    elif isinstance(result, Declined) and result.closest is not None:
        match = result.closest
    else:
        return TurnRecord(result.outcome)
    also = tuple(a.match.entry.id for a in result.also) if isinstance(result, Answer) else ()
    return TurnRecord(result.outcome, match.entry.id, match.entry.pack, round(match.score, 2),
                      also)
