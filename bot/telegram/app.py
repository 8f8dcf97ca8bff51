"""Assembling the bot: the Application, its defaults, every handler, and serving until stopped.

This is the one place handlers are registered (as the python-telegram-bot team's rules-bot
does): reading the block below tells you everything the bot reacts to.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.error import InvalidToken, NetworkError, RetryAfter, TelegramError
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
from bot.settings import Settings, SettingsError
from bot.telegram import handlers as h
from bot.telegram.delivery import RateLimiter
from bot.telegram.flood import FloodGate
from bot.telegram.state import KEY, Front, front

logger = logging.getLogger(__name__)

CONCURRENT_UPDATES = 32  # updates handled at once; matches CONNECTIONS so calls never queue long
CONNECTIONS = 32  # to the Bot API; httpcore's pool gets slow with long request queues
POOL_TIMEOUT = 30.0  # seconds a call may queue for a connection before counting as failed
READ_TIMEOUT = 5.0  # python-telegram-bot's default; calls that post use Delivery.send_timeout
BOOTSTRAP_RETRIES = 5  # deleteWebhook / setWebhook failures tolerated at start-up
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY,
                   Update.INLINE_QUERY, Update.CHOSEN_INLINE_RESULT]
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
        .token(settings.telegram_token)
        .base_url(settings.telegram_api_url)
        .base_file_url(settings.telegram_file_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML,
                           link_preview_options=LinkPreviewOptions(is_disabled=True)))
        .rate_limiter(RateLimiter(settings.telegram_rate_limit))
        .concurrent_updates(CONCURRENT_UPDATES)
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
        # Groups: only messages that mention the bot or reply to it
        MessageHandler(new & groups & filters.TEXT & ~filters.COMMAND & h.ToTheBot(),
                       h.group_text),
        # Buttons, routed by their action's prefix; anything else is stale or forged
        CallbackQueryHandler(h.answer_button, pattern=actions.ANSWER_PATTERN),
        CallbackQueryHandler(h.vote_button, pattern=actions.VOTE_PATTERN),
        CallbackQueryHandler(h.topics_button, pattern=actions.TOPICS_PATTERN),
        CallbackQueryHandler(h.stale_button),
        # Inline mode: "@bot question" in any chat, and the answer a reader chose
        InlineQueryHandler(h.inline_query),
        ChosenInlineResultHandler(h.chosen_inline),
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


async def serve(app: Application, settings: Settings, stop: asyncio.Event) -> None:
    """Run `app` until `stop` is set: long polling, or a webhook when WEBHOOK_URL is set."""
    if not await _connect(app, stop):
        return
    try:
        await announce(app)
        assert app.updater is not None
        if settings.webhook_url:
            await app.updater.start_webhook(
                listen=settings.webhook_listen, port=settings.webhook_port,
                url_path=settings.webhook_path, webhook_url=webhook_endpoint(settings),
                secret_token=settings.webhook_secret or None, allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=BOOTSTRAP_RETRIES)
        else:
            await app.updater.start_polling(allowed_updates=ALLOWED_UPDATES,
                                            bootstrap_retries=BOOTSTRAP_RETRIES)
        await app.start()
        try:
            await stop.wait()
        finally:
            await app.updater.stop()
            await app.stop()
    finally:
        await app.shutdown()


def run(settings: Settings, conversation: Conversation) -> None:
    """Serve readers until SIGINT/SIGTERM (blocking)."""
    if not settings.has_token:
        raise SettingsError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather")
    logs.protect(settings.telegram_token)
    app = build_application(settings, conversation)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await serve(app, settings, stop)

    asyncio.run(main())
