"""Assembling the bot: the Application, its defaults, every handler, and serving until stopped.

This is the one place handlers are registered (as the python-telegram-bot team's rules-bot
does): reading the block below tells you everything the bot reacts to.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import signal
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from telegram import BotCommand, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChosenInlineResultHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import actions, logs
from bot.conversation import Conversation
from bot.inbox import Inbox
from bot.settings import Settings, SettingsError
from bot.telegram import handlers as h
from bot.telegram import inline, webhook
from bot.telegram.delivery import RateLimiter, retry_seconds
from bot.telegram.flood import FloodGate
from bot.telegram.intake import ALLOWED_UPDATES, CONCURRENT_UPDATES, Worker, poll, replay
from bot.telegram.state import KEY, Front, front

logger = logging.getLogger(__name__)

CONNECTIONS = CONCURRENT_UPDATES  # to the Bot API: one per update under way, so none queue
POOL_TIMEOUT = 30.0  # seconds a call may queue for a connection before counting as failed
READ_TIMEOUT = 5.0  # python-telegram-bot's default; calls that post use Delivery.send_timeout
SET_UP_ATTEMPTS = 6  # deleteWebhook / setWebhook tries (5xx, timeouts) before giving up
RELOAD_TASK = "reload"
COMMANDS = [
    BotCommand("start", "What I know and where it comes from"),
    BotCommand("topics", "Every question I can answer"),
    BotCommand("ask", "Ask a question (handy in groups)"),
    BotCommand("source", "The article and the study it reports"),
    BotCommand("privacy", "What I keep about your questions"),
    BotCommand("help", "How to ask me"),
]


def build_application(settings: Settings, conversation: Conversation, *,
                      read_timeout: float = READ_TIMEOUT) -> Application:
    """The bot: every handler, registered here and nowhere else."""
    app = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_url)
        .base_file_url(settings.telegram_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(RateLimiter(settings.telegram_rate_limit))
        .updater(None)  # intake is ours: journalled polling or webhook (bot.telegram.intake)
        .connection_pool_size(CONNECTIONS)
        .pool_timeout(POOL_TIMEOUT)
        .read_timeout(read_timeout)
        .build()
    )
    app.bot_data[KEY] = Front(settings, conversation,
                              FloodGate(settings.flood_messages, settings.flood_window_seconds))

    new = filters.UpdateType.MESSAGE
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    app.add_handlers([
        # Commands, in any chat ("/help@this_bot" in groups; other bots' commands are ignored)
        CommandHandler("start", h.start, filters=new),
        CommandHandler("help", h.help_command, filters=new),
        CommandHandler("topics", h.topics, filters=new),
        CommandHandler("source", h.source, filters=new),
        CommandHandler("privacy", h.privacy, filters=new),
        CommandHandler("ask", h.ask, filters=new),
        # Private chats: text is a question; anything else gets a note saying what works
        MessageHandler(new & private & filters.TEXT & ~filters.COMMAND, h.private_text),
        MessageHandler(new & private & filters.COMMAND, h.help_command),
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, h.edited),
        MessageHandler(new & private, h.not_text),
        # Groups: only messages that mention the bot or reply to it (or a crisis message)
        MessageHandler(new & groups & filters.TEXT & ~filters.COMMAND
                       & h.ForTheBot(conversation), h.group_text),
        # Buttons, routed by their action's prefix; anything else is stale or forged
        CallbackQueryHandler(h.answer_button, pattern=actions.ANSWER_PATTERN),
        CallbackQueryHandler(h.vote_button, pattern=actions.VOTE_PATTERN),
        CallbackQueryHandler(h.topics_button, pattern=actions.TOPICS_PATTERN),
        CallbackQueryHandler(h.stale_button),
        # Inline mode: "@bot question" in any chat, and the answer a reader chose
        InlineQueryHandler(inline.inline_query),
        ChosenInlineResultHandler(inline.chosen_inline),
    ])
    app.add_error_handler(h.on_error)
    return app


async def announce(app: Application) -> None:
    """Start-up: register the command menu with setMyCommands (retried; never fatal)."""
    state = front(app)
    with contextlib.suppress(TelegramError):
        done = await state.delivery.run(lambda: app.bot.set_my_commands(COMMANDS),
                                        "setMyCommands")
        if done:
            logger.info("Serving @%s: %d questions", app.bot.username,
                        len(state.conversation.engine.entries))


def webhook_endpoint(settings: Settings) -> str:
    """The public URL Telegram posts to: WEBHOOK_URL, ending in WEBHOOK_PATH."""
    base, path = settings.webhook_url.rstrip("/"), settings.webhook_path.strip("/")
    return base if not path or base.endswith(f"/{path}") else f"{base}/{path}"


class Reloading(Protocol):
    """bot.reload.Reloader's shape: `run` polls every `interval` s; `check` reloads now."""

    interval: float

    async def check(self, force: bool = False) -> bool: ...

    async def run(self, stop: asyncio.Event) -> None: ...


class StartupError(RuntimeError):
    """Telegram refused the set-up (webhook URL, secret) or never answered it: one line."""


async def _connect(app: Application, stop: asyncio.Event) -> bool:
    """Initialise (getMe), waiting out an unreachable Telegram; False if stopped first."""
    delivery = front(app).delivery
    delay = delivery.delay
    while not stop.is_set():
        try:
            await app.initialize()
            return True
        except InvalidToken as exc:
            raise SettingsError("Telegram rejected TELEGRAM_BOT_TOKEN; check it with "
                                "@BotFather") from exc
        except (NetworkError, RetryAfter) as exc:
            logger.warning("Cannot reach Telegram (%s); retrying in %.1fs", exc, delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            delay = min(delay * 2, delivery.max_delay)
    return False


async def _set_up(call: Callable[[], Awaitable[object]], what: str, delay: float) -> None:
    """A start-up call: retried a few times on 5xx/timeouts; refused means a clear error."""
    for attempt in range(1, SET_UP_ATTEMPTS + 1):
        try:
            await call()
            return
        except (BadRequest, Forbidden, InvalidToken) as exc:
            raise StartupError(f"Telegram refused {what}: {exc}") from None
        except RetryAfter as exc:
            wait = retry_seconds(exc)
        except NetworkError as exc:
            if attempt == SET_UP_ATTEMPTS:
                raise StartupError(f"{what} failed {attempt} times; last: {exc}") from None
            wait = delay * 2 ** (attempt - 1)
            logger.warning("%s failed (%s); retrying in %.1fs", what, exc, wait)
        await asyncio.sleep(wait)


async def _intake(app: Application, settings: Settings, worker: Worker,
                  tasks: list[asyncio.Task[Any]], servers: list[webhook.HTTPServer]) -> None:
    """Start receiving: the webhook server plus setWebhook, or deleteWebhook plus polling."""
    delay = front(app).delivery.delay
    if settings.webhook_url:
        secret = settings.webhook_secret
        if not secret:
            secret = secrets.token_urlsafe(32)
            logger.info("WEBHOOK_SECRET is not set: using a random one for this run")
        http = webhook.server(worker, settings.webhook_path, secret,
                              settings.webhook_max_body_bytes)
        try:
            http.listen(settings.webhook_port, address=settings.webhook_listen)
        except (OSError, ValueError) as exc:
            raise StartupError(f"cannot listen on {settings.webhook_listen}:"
                               f"{settings.webhook_port} (WEBHOOK_LISTEN, WEBHOOK_PORT): "
                               f"{exc}") from None
        servers.append(http)
        url = webhook_endpoint(settings)
        await _set_up(lambda: app.bot.set_webhook(url, secret_token=secret,
                                                  allowed_updates=ALLOWED_UPDATES),
                      "setWebhook (check WEBHOOK_URL is https and WEBHOOK_SECRET uses only "
                      "A-Z a-z 0-9 _ -)", delay)
        logger.info("Receiving updates by webhook at %s", url)
    else:
        await _set_up(lambda: app.bot.delete_webhook(), "deleteWebhook", delay)
        tasks.append(asyncio.create_task(poll(app, worker), name="polling"))


async def serve(app: Application, settings: Settings, stop: asyncio.Event, *,
                reloader: Reloading | None = None) -> None:
    """Run `app` until `stop` is set: long polling, or a webhook when WEBHOOK_URL is set.

    Start-up and shutdown are bounded: once `stop` is set, this returns within SHUTDOWN_SECONDS
    whatever Telegram is doing; what was not answered stays in the inbox. A `reloader` polls
    beside the bot (when its interval is above 0) from start-up until the stop.
    """
    state = front(app)
    inbox = Inbox.open(settings.inbox)
    worker = Worker(app, inbox)
    tasks: list[asyncio.Task[Any]] = []
    servers: list[webhook.HTTPServer] = []

    async def start() -> None:
        if not await _connect(app, stop):
            return
        tasks.append(asyncio.create_task(announce(app), name="setMyCommands"))
        if reloader is not None and reloader.interval > 0:
            tasks.append(asyncio.create_task(reloader.run(stop), name=RELOAD_TASK))
        replay(worker)
        await _intake(app, settings, worker, tasks, servers)

    starting = asyncio.create_task(start())
    stopped = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({starting, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if starting.done():
            starting.result()  # a start-up error ends serving here
            await stopped
    finally:
        deadline = asyncio.get_running_loop().time() + settings.shutdown_seconds
        await _shut_down(app, worker, [starting, stopped, *tasks], servers, deadline)
        inbox.close()
        state.delivery.stopping.clear()


async def _shut_down(app: Application, worker: Worker, tasks: list[asyncio.Task[Any]],
                     servers: list[webhook.HTTPServer], deadline: float) -> None:
    """Stop intake, let answers under way finish until shortly before the deadline, close.

    Each step has its own small bound, so the whole fits in the time SHUTDOWN_SECONDS gives.
    """
    loop = asyncio.get_running_loop()
    front(app).delivery.stopping.set()  # retry waits (a long 429, an outage) end now
    for http in servers:
        http.stop()
    if own := [t for t in tasks if t.get_name() == RELOAD_TASK]:  # it watches `stop` itself
        await asyncio.wait(own, timeout=0.5)
    for task in tasks:
        task.cancel()
    if tasks:
        await asyncio.wait(tasks, timeout=0.5)
    await worker.stop(grace=deadline - loop.time() - 1.5)
    for http in servers:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(http.close_all_connections(), 0.3)
    with contextlib.suppress(TimeoutError, RuntimeError):
        await asyncio.wait_for(app.shutdown(), max(0.2, deadline - loop.time()))


def run(settings: Settings, conversation: Conversation, *,
        reloader: Reloading | None = None) -> None:
    """Serve readers until SIGINT/SIGTERM (blocking); SIGHUP makes `reloader` reload now."""
    if not settings.has_token:
        raise SettingsError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather")
    logs.protect(settings.telegram_bot_token)
    app = build_application(settings, conversation)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        reloads: set[asyncio.Task[bool]] = set()

        def reload_now() -> None:
            if reloader is not None:  # loads in a thread; the swap happens on the loop
                task = loop.create_task(reloader.check(force=True))
                reloads.add(task)
                task.add_done_callback(reloads.discard)

        with contextlib.suppress(NotImplementedError):
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
            loop.add_signal_handler(signal.SIGHUP, reload_now)
        await serve(app, settings, stop, reloader=reloader)

    asyncio.run(main())
