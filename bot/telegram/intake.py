"""Updates in: journalled before Telegram hears they arrived, answered at the pace the bot can.

`Worker` turns a journalled update into a handled one: it parses it (an update the library
cannot read is skipped with a one-line notice, never logged in full), runs the application's
handlers with bounded concurrency, and erases it from the inbox once answered. `poll` is the
long-polling loop: it calls getUpdates itself with explicit offsets, so an update is confirmed
to Telegram only by the call after it was journalled, and it fetches only while the backlog is
short, so a crash or a stop leaves little waiting and nothing lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from telegram import Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application

from bot.inbox import Inbox
from bot.telegram.delivery import retry_seconds

logger = logging.getLogger(__name__)
# getUpdates is called through do_api_request on purpose: Bot.get_updates parses a batch as a
# whole, so one update the library cannot read would stall polling and be logged in full.
# Bot API method names are case-insensitive; the lower-case spelling keeps python-telegram-bot
# from warning that Bot.get_updates exists.
GET_UPDATES = "getupdates"

CONCURRENT_UPDATES = 32  # handled at once; matches the connection pool so calls never queue long
BACKLOG = 64  # journalled but unanswered updates beyond which polling waits
POLL_SECONDS = 10  # getUpdates long-poll timeout
POLL_RETRY = 0.5  # seconds before retrying a failed getUpdates; doubles ...
POLL_RETRY_MAX = 30.0  # ... up to this
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query",
                   "chosen_inline_result"]


class Worker:
    """Handles journalled updates, at most `concurrency` at a time."""

    def __init__(self, app: Application, inbox: Inbox,
                 concurrency: int = CONCURRENT_UPDATES):
        self.app = app
        self.inbox = inbox
        self._slots = asyncio.Semaphore(concurrency)
        self._waiting: set[asyncio.Task[None]] = set()  # not started: cancelled at once on stop
        self._running: set[asyncio.Task[None]] = set()  # under way: given a grace period
        self._changed = asyncio.Condition()

    @property
    def backlog(self) -> int:
        return len(self._waiting) + len(self._running)

    def submit(self, update_id: int, body: str) -> None:
        """Handle one journalled update (in the background)."""
        update = self._parse(update_id, body)
        if update is None:
            self.inbox.done(update_id)
            return
        task = asyncio.create_task(self._handle(update_id, update),
                                   name=f"update {update_id}")
        self._waiting.add(task)

    def _parse(self, update_id: int, body: str) -> Update | None:
        try:
            data = json.loads(body)
            return Update.de_json(data, self.app.bot)
        except Exception as exc:  # the library's or Telegram's fault: never the reader's
            logger.warning("Update %d could not be read (%s); skipped", update_id,
                           type(exc).__name__)  # no content: it may hold a reader's words
            return None

    async def _handle(self, update_id: int, update: Update) -> None:
        task = asyncio.current_task()
        assert task is not None
        try:
            async with self._slots:
                self._waiting.discard(task)
                self._running.add(task)
                try:
                    await self.app.process_update(update)
                except Exception:  # handlers' errors go to the error handler; this is a bug
                    logger.exception("Update %d could not be handled", update_id)
                self.inbox.done(update_id)  # not reached when cancelled: replayed next start
        finally:
            self._waiting.discard(task)
            self._running.discard(task)
            async with self._changed:
                self._changed.notify_all()

    async def room(self, backlog: int) -> None:
        """Wait until fewer than `backlog` updates are waiting or under way."""
        async with self._changed:
            await self._changed.wait_for(lambda: self.backlog < backlog)

    async def stop(self, grace: float) -> None:
        """Cancel what has not started; give what is under way `grace` seconds, then cancel.

        A cancelled update stays in the inbox and is answered after the next start.
        """
        left = len(self._waiting)
        for task in list(self._waiting):
            task.cancel()
        running = list(self._running)
        if running:
            _, late = await asyncio.wait(running, timeout=max(grace, 0.0))
            left += len(late)
            for task in late:
                task.cancel()
        if left:
            logger.info("Stopping with %d update(s) unanswered: they wait in the inbox for the "
                        "next start", left)
        rest = self._waiting | self._running
        if rest:
            await asyncio.wait(rest, timeout=0.5)
        self._waiting.clear()  # a task cancelled before its first step never ran its `finally`
        self._running.clear()


async def poll(app: Application, worker: Worker, *, backlog: int = BACKLOG,
               timeout: int = POLL_SECONDS) -> None:
    """Long polling until cancelled: journal each batch, then hand it to the worker.

    Telegram forgets an update when a later getUpdates names an offset past it; that call is
    made only after the update is in the inbox.
    """
    inbox = worker.inbox
    last = inbox.last_id()
    offset = last + 1 if last is not None else None
    delay = POLL_RETRY
    while True:
        await worker.room(backlog // 2 + 1)  # fetch in batches, not one by one
        kwargs: dict[str, Any] = {"timeout": timeout, "allowed_updates": ALLOWED_UPDATES,
                                  "limit": max(1, min(100, backlog - worker.backlog))}
        if offset is not None:
            kwargs["offset"] = offset
        try:
            raw = await app.bot.do_api_request(GET_UPDATES, api_kwargs=kwargs,
                                               read_timeout=timeout + 10)
        except RetryAfter as exc:
            await asyncio.sleep(retry_seconds(exc))
            continue
        except (Conflict, InvalidToken, TelegramError) as exc:
            level = logging.ERROR if isinstance(exc, Conflict | InvalidToken) else logging.WARNING
            logger.log(level, "getUpdates failed (%s); retrying in %.1fs", exc, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, POLL_RETRY_MAX)
            continue
        delay = POLL_RETRY
        rows = _rows(raw)
        if rows:
            offset = max(update_id for update_id, _ in rows) + 1
        for update_id, body in inbox.add(rows):
            worker.submit(update_id, body)


def _rows(raw: object) -> list[tuple[int, str]]:
    """(update_id, body) for each update in a getUpdates result; anything else is ignored."""
    if not isinstance(raw, list):
        return []
    rows = []
    for item in raw:
        if isinstance(item, dict) and isinstance(item.get("update_id"), int):
            with contextlib.suppress(TypeError, ValueError):
                rows.append((item["update_id"], json.dumps(item, ensure_ascii=False)))
    return rows


def replay(worker: Worker) -> int:
    """Hand the worker what the inbox holds from before a crash or stop; how many."""
    rows = worker.inbox.replay()
    for update_id, body in rows:
        worker.submit(update_id, body)
    if rows:
        logger.info("Answering %d question(s) accepted before the last stop", len(rows))
    return len(rows)
