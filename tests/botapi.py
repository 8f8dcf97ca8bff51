"""A Bot API stand-in: a small HTTP server on 127.0.0.1 that the real python-telegram-bot talks to.

It feeds updates through `getUpdates` (long polling with offsets, as Telegram does), records
every call the bot makes with its parsed parameters, and can make a method fail on demand
(429 with retry_after, 500, or a dropped connection) so tests can prove the bot survives them.
A minimal asyncio HTTP/1.1 server is used rather than a framework: it starts in milliseconds,
keeps connections alive like Telegram does, and can drop a connection mid-request.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import httpx

TOKEN = "123456:TEST-token-never-logged"
BOT_ID = 123456
BOT_USERNAME = "article_test_bot"
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Article Bot", "username": BOT_USERNAME,
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": True}

# Parameters PTB sends as plain strings; every other value is JSON-encoded by PTB.
_STRING_PARAMS = {"text", "parse_mode", "callback_query_id", "inline_query_id", "next_offset",
                  "url", "secret_token", "ip_address", "language_code", "inline_message_id"}


# Bot API method names are case-insensitive; calls are recorded under their documented spelling.
_CANONICAL = {m.lower(): m for m in ("getUpdates", "getMe", "sendMessage", "setWebhook",
                                     "deleteWebhook", "getWebhookInfo")}


@dataclass
class Call:
    """One request the bot made: the method, its decoded parameters and what we did with it."""

    method: str
    params: dict[str, Any]
    at: float
    failed: str | None = None  # "429", "500", "400", "drop" or "held" when injected

    @property
    def markup(self) -> list[list[dict[str, Any]]]:
        """The inline keyboard rows of a sendMessage/editMessageText call ([] if none)."""
        return (self.params.get("reply_markup") or {}).get("inline_keyboard", [])

    @property
    def callback_data(self) -> list[str]:
        return [b["callback_data"] for row in self.markup for b in row if "callback_data" in b]


@dataclass
class _Failure:
    kind: str
    times: int
    retry_after: int = 1


@dataclass
class BotAPI:
    """The stand-in server. Use `async with BotAPI() as api:`; point PTB at `api.base_url`."""

    token: str = TOKEN
    host: str = "127.0.0.1"
    port: int = 0
    calls: list[Call] = field(default_factory=list)
    webhook: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._updates: deque[dict[str, Any]] = deque()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._failures: dict[str, deque[_Failure]] = {}
        self._changed = asyncio.Condition()
        self._new_updates = asyncio.Event()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closing = False
        self.fed: dict[int, float] = {}  # update_id -> when it was made available
        self.confirmed = 0  # highest update_id a getUpdates offset has confirmed
        self._outages: dict[str, float] = {}  # method -> until when every call gets a 500
        self._slow: dict[str, deque[float]] = {}  # method -> delays for its next calls
        self._held: dict[str, asyncio.Event] = {}  # method -> released when set
        self.on_call: Callable[[Call], None] | None = None

    # -- lifecycle -------------------------------------------------------------------------

    async def __aenter__(self) -> BotAPI:
        self._server = await asyncio.start_server(self._serve, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.close()
            self._closing = True
            self._new_updates.set()  # release long polls
            for writer in list(self._writers):
                writer.close()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*self._tasks, return_exceptions=True), 2)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)

    @property
    def base_url(self) -> str:
        """PTB's `base_url` form: the token is appended to it."""
        return f"http://{self.host}:{self.port}/bot"

    # -- feeding updates -------------------------------------------------------------------

    def feed(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue one update (`kind` is message, callback_query, inline_query...)."""
        update = {"update_id": next(self._update_ids), kind: payload}
        self._updates.append(update)
        self.fed[update["update_id"]] = time.perf_counter()
        self._new_updates.set()
        return update

    @staticmethod
    def user(user_id: int, name: str = "Reader") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": name, "language_code": "en"}

    @staticmethod
    def chat(chat_id: int, kind: str = "private") -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": kind}
        if kind == "private":
            chat["first_name"] = "Reader"
        else:
            chat["title"] = "Readers' group"
        return chat

    def message_payload(self, user_id: int, text: str | None = None, *, chat_id: int | None = None,
                        chat_type: str = "private", entities: list[dict[str, Any]] | None = None,
                        reply_to: dict[str, Any] | None = None,
                        **extra: Any) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids), "date": int(time.time()),
            "from": self.user(user_id), "chat": self.chat(chat_id or user_id, chat_type),
        }
        if text is not None:
            message["text"] = text
            if entities is None and text.startswith("/"):
                command = text.split()[0]
                entities = [{"type": "bot_command", "offset": 0, "length": len(command)}]
            if entities:
                message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        message.update(extra)
        return message

    def message(self, user_id: int, text: str | None = None, **kwargs: Any) -> dict[str, Any]:
        """A reader's message (a command gets its bot_command entity automatically)."""
        return self.feed("message", self.message_payload(user_id, text, **kwargs))

    def edited(self, user_id: int, text: str, **kwargs: Any) -> dict[str, Any]:
        payload = self.message_payload(user_id, text, **kwargs)
        payload["edit_date"] = payload["date"]
        return self.feed("edited_message", payload)

    def mention(self, user_id: int, chat_id: int, question: str) -> dict[str, Any]:
        """A group message that mentions the bot by @username before the question."""
        handle = f"@{BOT_USERNAME}"
        return self.message(user_id, f"{handle} {question}", chat_id=chat_id,
                            chat_type="supergroup",
                            entities=[{"type": "mention", "offset": 0,
                                       "length": len(handle)}])

    def bot_message(self, chat_id: int, text: str, chat_type: str = "private") -> dict[str, Any]:
        """A message the bot sent earlier, for replies and button presses to point at."""
        return {"message_id": next(self._message_ids), "date": int(time.time()),
                "from": BOT_USER, "chat": self.chat(chat_id, chat_type), "text": text}

    def press(self, user_id: int, data: str, *, chat_id: int | None = None,
              chat_type: str = "private",
              reply_markup: dict[str, Any] | None = None) -> dict[str, Any]:
        """A reader pressing an inline button carrying `data` (on a message with `reply_markup`,
        by default a keyboard holding just that button, as a real press always comes from one)."""
        message = self.bot_message(chat_id or user_id, "earlier answer", chat_type)
        message["reply_markup"] = reply_markup or {
            "inline_keyboard": [[{"text": "button", "callback_data": data}]]}
        return self.feed("callback_query", {
            "id": f"cq{next(self._update_ids)}", "from": self.user(user_id),
            "chat_instance": "ci", "data": data, "message": message})

    def inline(self, user_id: int, query: str, offset: str = "") -> dict[str, Any]:
        return self.feed("inline_query", {"id": f"iq{next(self._update_ids)}",
                                          "from": self.user(user_id), "query": query,
                                          "offset": offset})

    def chosen_inline(self, user_id: int, result_id: str, query: str) -> dict[str, Any]:
        return self.feed("chosen_inline_result", {"result_id": result_id,
                                                  "from": self.user(user_id), "query": query})

    # -- failure injection -----------------------------------------------------------------

    def feed_raw(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue an update body exactly as given (say, one the client library cannot read)."""
        update = {"update_id": next(self._update_ids), **payload}
        self._updates.append(update)
        self._new_updates.set()
        return update

    def outage(self, method: str, seconds: float) -> None:
        """Every call of `method` gets a 500 for the next `seconds` (a Telegram outage)."""
        self._outages[method] = time.monotonic() + seconds

    def slow(self, method: str, seconds: float, times: int = 1) -> None:
        """The next `times` calls of `method` take effect at once, answered `seconds` late."""
        self._slow.setdefault(method, deque()).extend([seconds] * times)

    def hold(self, method: str) -> None:
        """Calls of `method` hang, undelivered, until `release` (then they get a 500)."""
        self._held[method] = asyncio.Event()

    def release(self, method: str) -> None:
        event = self._held.pop(method, None)
        if event is not None:
            event.set()

    def fail(self, method: str, kind: str, times: int = 1, retry_after: int = 1) -> None:
        """Make the next `times` calls of `method` fail: kind is "429", "500", "400" or "drop"."""
        if kind not in {"400", "429", "500", "502", "drop"}:
            raise ValueError(kind)
        self._failures.setdefault(method, deque()).append(_Failure(kind, times, retry_after))

    def _take_failure(self, method: str) -> _Failure | None:
        queue = self._failures.get(method)
        if not queue:
            return None
        failure = queue[0]
        failure.times -= 1
        if failure.times <= 0:
            queue.popleft()
        return failure

    # -- inspecting calls ------------------------------------------------------------------

    def sent(self, method: str = "sendMessage", *, ok_only: bool = True,
             where: Callable[[Call], bool] | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method
                and not (ok_only and c.failed) and (where is None or where(c))]

    async def wait_for(self, method: str = "sendMessage", count: int = 1, *,
                       where: Callable[[Call], bool] | None = None, timeout: float = 5.0,
                       ok_only: bool = True) -> list[Call]:
        """Wait until at least `count` matching calls were recorded; fail loudly on timeout."""
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(
                    lambda: len(self.sent(method, ok_only=ok_only, where=where)) >= count),
                    timeout)
            except TimeoutError:
                seen = [(c.method, c.failed) for c in self.calls][-20:]
                raise AssertionError(f"waited {timeout}s for {count} x {method}; "
                                     f"last calls: {seen}") from None
        return self.sent(method, ok_only=ok_only, where=where)

    # -- webhook mode ----------------------------------------------------------------------

    async def post_to_webhook(self, update: dict[str, Any], secret: str | None = None) -> int:
        """POST an update to the URL the bot registered with setWebhook; returns the status."""
        headers = {"Content-Type": "application/json"}
        token = self.webhook.get("secret_token") if secret is None else secret
        if token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = token
        async with httpx.AsyncClient() as client:
            for _ in range(100):  # setWebhook comes just before the bot's server listens
                try:
                    response = await client.post(self.webhook["url"],
                                                 content=json.dumps(update), headers=headers)
                    return response.status_code
                except httpx.ConnectError:
                    await asyncio.sleep(0.02)
        raise AssertionError(f"nothing listens at {self.webhook['url']}")

    async def post_raw(self, body: bytes, secret: str | None = None) -> int:
        """POST raw bytes to the registered webhook with its secret; returns the status."""
        token = self.webhook.get("secret_token") if secret is None else secret
        headers = {"Content-Type": "application/json",
                   "X-Telegram-Bot-Api-Secret-Token": token or ""}
        async with httpx.AsyncClient(timeout=10) as client:
            response = await client.post(self.webhook["url"], content=body, headers=headers)
            return response.status_code

    def update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """An update body without queueing it (for webhook posts)."""
        return {"update_id": next(self._update_ids), kind: payload}

    # -- the HTTP server -------------------------------------------------------------------

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                _, path, _ = lines[0].split(" ", 2)
                headers = {k.strip().lower(): v.strip()
                           for k, v in (line.split(":", 1) for line in lines[1:] if ":" in line)}
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                status, payload = await self._handle(path, headers, body)
                if status == 0:  # injected drop: close without a response
                    writer.transport.abort()
                    return
                data = json.dumps(payload).encode()
                writer.write(b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\n"
                             b"Content-Length: %d\r\n\r\n" % (status, len(data)) + data)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            self._writers.discard(writer)
            if task is not None:
                self._tasks.discard(task)
            writer.close()

    @staticmethod
    def _params(headers: dict[str, str], body: bytes) -> dict[str, Any]:
        if not body:
            return {}
        if headers.get("content-type", "").startswith("application/json"):
            return json.loads(body)
        params: dict[str, Any] = {}
        for key, value in parse_qsl(body.decode(), keep_blank_values=True):
            if key in _STRING_PARAMS:
                params[key] = value
                continue
            try:
                params[key] = json.loads(value)
            except ValueError:
                params[key] = value
        return params

    async def _handle(self, path: str, headers: dict[str, str],
                      body: bytes) -> tuple[int, dict[str, Any]]:
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = _CANONICAL.get(path[len(prefix):].lower(), path[len(prefix):])
        call = Call(method, self._params(headers, body), time.perf_counter())
        failure = self._take_failure(method)
        if failure is None and time.monotonic() < self._outages.get(method, 0.0):
            failure = _Failure("500", 1)
        held = self._held.get(method)
        if held is not None:
            failure = _Failure("held", 1)
        if failure is not None:
            call.failed = failure.kind
        await self._record(call)
        if held is not None:
            await held.wait()
        if failure is None and self._slow.get(method):
            await asyncio.sleep(self._slow[method].popleft())
        if failure is not None:
            if failure.kind == "drop":
                return 0, {}
            if failure.kind == "429":
                return 429, {"ok": False, "error_code": 429,
                             "description": f"Too Many Requests: retry after "
                                            f"{failure.retry_after}",
                             "parameters": {"retry_after": failure.retry_after}}
            if failure.kind == "400":
                return 400, {"ok": False, "error_code": 400,
                             "description": "Bad Request: bad webhook: An HTTPS URL must be "
                                            "provided for webhook"}
            code = 500 if failure.kind == "held" else int(failure.kind)
            return code, {"ok": False, "error_code": code, "description": "Internal Server Error"}
        if method == "getUpdates":
            return 200, {"ok": True, "result": await self._get_updates(call.params)}
        return 200, {"ok": True, "result": self._result(method, call.params)}

    async def _record(self, call: Call) -> None:
        self.calls.append(call)
        if self.on_call is not None:
            self.on_call(call)
        async with self._changed:
            self._changed.notify_all()

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        self.confirmed = max(self.confirmed, offset - 1)
        while self._updates and self._updates[0]["update_id"] < offset:
            self._updates.popleft()  # confirmed by the offset, as Telegram forgets them
        if not self._updates and float(params.get("timeout") or 0) > 0 and not self._closing:
            self._new_updates.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_updates.wait(), float(params["timeout"]))
        limit = int(params.get("limit") or 100)
        return list(itertools.islice(self._updates, limit))

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in {"sendMessage", "editMessageText"}:
            chat_id = params.get("chat_id")
            chat = self.chat(chat_id if isinstance(chat_id, int) else 0,
                             "private" if isinstance(chat_id, int) and chat_id > 0
                             else "supergroup")
            message = {"message_id": params.get("message_id") or next(self._message_ids),
                       "date": int(time.time()), "chat": chat, "from": BOT_USER,
                       "text": params.get("text", "")}
            if "reply_markup" in params:
                message["reply_markup"] = params["reply_markup"]
            return message
        if method == "setWebhook":
            self.webhook = {"url": params.get("url", ""),
                            "secret_token": params.get("secret_token")}
            return True
        if method == "deleteWebhook":
            self.webhook = {}
            return True
        if method == "getWebhookInfo":
            return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                    "pending_update_count": len(self._updates)}
        return True  # answerCallbackQuery, answerInlineQuery, setMyCommands, ...


def texts(calls: Iterable[Call]) -> list[str]:
    return [c.params.get("text", "") for c in calls]


class Handled:
    """Counts updates the application has finished handling (every handler group done)."""

    def __init__(self) -> None:
        self.count = 0
        self._changed = asyncio.Condition()

    async def mark(self, update: object, context: object) -> None:
        async with self._changed:
            self.count += 1
            self._changed.notify_all()

    async def wait(self, count: int, timeout: float = 5.0) -> None:
        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(lambda: self.count >= count),
                                       timeout)
            except TimeoutError:
                raise AssertionError(f"only {self.count} of {count} updates handled") from None


@contextlib.asynccontextmanager
async def running(app: Any, settings: Any) -> AsyncIterator[Handled]:
    """Serve `app` in-process exactly as `bot.telegram.run` does, until the block ends.

    Retries are made fast so failure tests stay quick; `Handled.wait(n)` waits until n updates
    were fully handled, which is how tests prove a silence (nothing sent) without sleeping.
    """
    from telegram import Update
    from telegram.ext import TypeHandler

    from bot.telegram import serve

    handled = Handled()
    app.add_handler(TypeHandler(Update, handled.mark), group=999)
    app.bot_data["front"].delivery.delay = 0.01
    app.bot_data["front"].delivery.max_delay = 0.05
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, settings, stop))
    try:
        yield handled
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
