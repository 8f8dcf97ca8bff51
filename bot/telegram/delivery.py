"""Sending to Telegram: the one place that paces calls, retries failures and tells the reader.

Telegram fails in three ways that matter here. A 429 concerns one chat: only that chat waits
(python-telegram-bot's AIORateLimiter pauses every chat, so it is not used). A 5xx, a dropped
connection or a timeout is retried with capped exponential backoff for minutes, so a Telegram
outage delays answers instead of losing them. A slow call that posts something is given a long
read timeout, so a response that is merely late is waited for rather than sent twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from aiolimiter import AsyncLimiter
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.constants import ChatType, InlineKeyboardButtonLimit
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter

from bot import replies
from bot.replies import Reply

logger = logging.getLogger(__name__)
T = TypeVar("T")

SEND_ATTEMPTS = 12  # tries per call; with the delays below about five minutes in all
RETRY_DELAY = 0.5  # seconds before the first retry; doubles each time ...
MAX_RETRY_DELAY = 60.0  # ... up to this
SEND_TIMEOUT = 60.0  # read timeout of calls that post: a late answer is awaited, not re-sent
GROUP_MESSAGES_PER_MINUTE = 20  # Telegram's limit per group chat
_CHATS_REMEMBERED = 10_000  # per-chat pacing state kept (least recently used dropped)
JSON = bool | dict[str, Any] | list[dict[str, Any]]


def retry_seconds(exc: RetryAfter) -> float:
    value = getattr(exc, "_retry_after", None)  # a timedelta; the public attribute warns in v22
    return value.total_seconds() if isinstance(value, timedelta) else 1.0


class RateLimiter(BaseRateLimiter[int]):
    """Telegram's overall cap (messages/s) and its per-group cap; nothing waits out a 429 here.

    A 429 is raised to `Delivery`, which pauses the one chat it concerns.
    """

    def __init__(self, per_second: float, group_per_minute: int = GROUP_MESSAGES_PER_MINUTE):
        self._overall = AsyncLimiter(per_second, 1) if per_second > 0 else None
        self._group_rate = group_per_minute
        self._groups: OrderedDict[int | str, AsyncLimiter] = OrderedDict()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    def _group(self, chat: int | str) -> AsyncLimiter:
        limiter = self._groups.pop(chat, None) or AsyncLimiter(self._group_rate, 60)
        self._groups[chat] = limiter
        if len(self._groups) > _CHATS_REMEMBERED:
            self._groups.popitem(last=False)
        return limiter

    async def process_request(self, callback: Callable[..., Coroutine[Any, Any, JSON]],
                              args: Any, kwargs: dict[str, Any], endpoint: str,
                              data: dict[str, Any], rate_limit_args: int | None) -> JSON:
        chat = data.get("chat_id")
        if chat is None or self._overall is None:
            return await callback(*args, **kwargs)
        group = (self._group(chat) if isinstance(chat, str) or int(chat) < 0
                 else contextlib.nullcontext())
        async with group, self._overall:
            return await callback(*args, **kwargs)


@dataclass
class Delivery:
    """Retries with capped exponential backoff; a 429 pauses only the chat it names.

    Bad requests and blocked chats are not retried: sending the same thing again cannot help.
    """

    attempts: int = SEND_ATTEMPTS
    delay: float = RETRY_DELAY
    max_delay: float = MAX_RETRY_DELAY
    send_timeout: float = SEND_TIMEOUT
    stopping: asyncio.Event = field(default_factory=asyncio.Event)
    _paused: OrderedDict[int, float] = field(default_factory=OrderedDict)

    async def run(self, call: Callable[[], Awaitable[T]], what: str,
                  chat: int | None = None) -> T | None:
        """Await `call()` until it succeeds; None (and an error logged) if it never does."""
        problem: TelegramError | None = None
        for attempt in range(1, self.attempts + 1):
            await self._wait_for_chat(chat)
            try:
                return await call()
            except RetryAfter as exc:
                problem, wait = exc, retry_seconds(exc)
                if chat is not None:
                    self._pause(chat, wait)
            except (BadRequest, Forbidden):
                raise
            except NetworkError as exc:  # 5xx, dropped connections and timeouts
                problem, wait = exc, min(self.delay * 2 ** (attempt - 1), self.max_delay)
            if attempt < self.attempts:
                logger.warning("%s failed (%s); retry %d of %d in %.2fs", what, problem,
                               attempt, self.attempts - 1, wait)
                await self._sleep(wait)
        logger.error("%s failed %d times; giving up: %s", what, self.attempts, problem)
        return None

    def _pause(self, chat: int, seconds: float) -> None:
        self._paused.pop(chat, None)
        self._paused[chat] = time.monotonic() + seconds
        while len(self._paused) > _CHATS_REMEMBERED:
            self._paused.popitem(last=False)

    async def _wait_for_chat(self, chat: int | None) -> None:
        if chat is None or chat not in self._paused:
            return
        wait = self._paused[chat] - time.monotonic()
        if wait <= 0:
            del self._paused[chat]
        else:
            await self._sleep(wait)

    async def _sleep(self, seconds: float) -> None:
        """Wait before a retry; a stop ends the wait (the update is answered after restart)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stopping.wait(), seconds)
        if self.stopping.is_set():
            raise asyncio.CancelledError("stopping")

    async def send(self, bot: Bot, chat_id: int, reply: Reply, *,
                   reply_to: ReplyParameters | None = None,
                   tell_if_unsent: bool = True) -> Message | None:
        """Send a reply (HTML, else plain text); if it never goes, tell the reader so."""
        markup = keyboard(reply.buttons)

        def call(text: str, **plain: Any) -> Callable[[], Awaitable[Message]]:
            return lambda: bot.send_message(chat_id, text, reply_markup=markup,
                                            reply_parameters=reply_to,
                                            read_timeout=self.send_timeout, **plain)

        try:
            try:
                sent = await self.run(call(reply.html), "sendMessage", chat_id)
            except BadRequest as exc:  # never expected: replies escape everything
                logger.warning("Telegram refused an HTML reply (%s); sending plain text", exc)
                sent = await self.run(call(reply.text, parse_mode=None), "sendMessage", chat_id)
        except Forbidden:
            logger.info("A reader has blocked the bot; reply dropped")  # no ids in logs either
            return None
        except BadRequest:
            logger.exception("Telegram refused a reply")
            sent = None
        if sent is None and tell_if_unsent:
            with contextlib.suppress(TelegramError):
                await bot.send_message(chat_id, replies.unsent_reply().text, parse_mode=None,
                                       reply_parameters=reply_to)
        return sent


def reply_parameters(chat_type: str, message: Message | None) -> ReplyParameters | None:
    """In groups a reply quotes the message that asked, so readers see whom it answers."""
    if message is None or chat_type == ChatType.PRIVATE:
        return None
    return ReplyParameters(message.message_id, allow_sending_without_reply=True)


def keyboard(buttons: Sequence[Sequence[replies.Button]]) -> InlineKeyboardMarkup | None:
    """Reply buttons as an inline keyboard; a payload over Telegram's limit is left out."""
    limit = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA
    rows = [[InlineKeyboardButton(b.label, callback_data=b.action) for b in row
             if len(b.action.encode()) <= limit] for row in buttons]
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(rows) if rows else None
