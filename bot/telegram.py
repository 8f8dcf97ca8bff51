"""The Telegram front end: updates in, engine results out as messages and buttons.

Thin by design: each handler picks the question out of an update, asks the engine, turns the
result into a reply with `bot.replies`, and sends it through `Delivery`, the one place that
retries Telegram's failures. `build_application` registers every handler; `run` serves readers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ChosenInlineResultHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import actions, replies
from bot.conversation import Conversation, Turn
from bot.engine import Answer
from bot.knowledge import Entry
from bot.outcomes import ChatKind
from bot.replies import Reply
from bot.settings import Settings, SettingsError
from bot.telegram_flood import FloodGate, Verdict

logger = logging.getLogger(__name__)
T = TypeVar("T")

CONCURRENT_UPDATES = 32  # updates handled at once; matches CONNECTIONS so calls never queue long
CONNECTIONS = 32  # to the Bot API; httpcore's pool gets slow with long request queues
POOL_TIMEOUT = 30.0  # seconds a call may queue for a connection before counting as failed
RATE_LIMIT_RETRIES = 3  # 429s that AIORateLimiter waits out (retry_after) before giving up
SEND_ATTEMPTS = 4  # tries per call on 5xx / dropped connections / timeouts
RETRY_DELAY = 0.5  # seconds before the first retry; doubles each time
INLINE_PAGE = 50  # Telegram's maximum results per inline answer (empty query lists topics)
INLINE_CACHE_SECONDS = 30
MAX_CALLBACK_DATA = 64  # bytes, Telegram's limit
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
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


# -- Sending, with retries in one place -----------------------------------------------------


def _retry_seconds(exc: RetryAfter) -> float:
    value = getattr(exc, "_retry_after", None)  # a timedelta; the public attribute warns in v22
    return value.total_seconds() if isinstance(value, timedelta) else 1.0


@dataclass
class Delivery:
    """Bounded retries with backoff for calls to Telegram.

    AIORateLimiter already waits out 429s; what reaches here is a 429 it gave up on, a 5xx, a
    dropped connection or a timeout. Bad requests and blocked chats are not retried: sending
    the same thing again cannot help.
    """

    attempts: int = SEND_ATTEMPTS
    delay: float = RETRY_DELAY

    async def run(self, call: Callable[[], Awaitable[T]], what: str) -> T | None:
        """Await `call()` until it succeeds; None (and an error logged) if it never does."""
        problem: TelegramError | None = None
        for attempt in range(1, self.attempts + 1):
            try:
                return await call()
            except RetryAfter as exc:
                problem, wait = exc, _retry_seconds(exc)
            except (BadRequest, Forbidden):
                raise
            except NetworkError as exc:  # 5xx, dropped connections and timeouts
                problem, wait = exc, self.delay * 2 ** (attempt - 1)
            if attempt < self.attempts:
                logger.warning("%s failed (%s); retry %d of %d in %.2fs", what, problem,
                               attempt, self.attempts - 1, wait)
                await asyncio.sleep(wait)
        logger.error("%s failed %d times; giving up: %s", what, self.attempts, problem)
        return None


# -- Per-application state --------------------------------------------------------------------


@dataclass
class Front:
    """What handlers share: kept in `bot_data["front"]` so handlers stay plain functions."""

    settings: Settings
    conversation: Conversation
    flood: FloodGate
    delivery: Delivery = field(default_factory=Delivery)


def _front(context: ContextTypes.DEFAULT_TYPE) -> Front:
    return context.bot_data["front"]


def _entries(context: ContextTypes.DEFAULT_TYPE) -> tuple[Entry, ...]:
    return _front(context).conversation.engine.entries


def keyboard(buttons: Sequence[Sequence[replies.Button]]) -> InlineKeyboardMarkup | None:
    """Reply buttons as an inline keyboard; a payload over Telegram's 64 bytes is left out."""
    rows = [[InlineKeyboardButton(b.label, callback_data=b.action) for b in row
             if len(b.action.encode()) <= MAX_CALLBACK_DATA] for row in buttons]
    rows = [row for row in rows if row]
    return InlineKeyboardMarkup(rows) if rows else None


def _chat_kind(update: Update) -> ChatKind:
    chat = update.effective_chat
    return ChatKind.PRIVATE if chat is None or chat.type == ChatType.PRIVATE else ChatKind.GROUP


async def send(update: Update, context: ContextTypes.DEFAULT_TYPE, reply: Reply,
               *, tell_if_unsent: bool = True) -> Message | None:
    """Send a reply in the update's chat (as a reply to the message in groups), with retries.

    If Telegram never accepts it the reader is told so, rather than left waiting in silence.
    """
    chat, message = update.effective_chat, update.effective_message
    if chat is None:
        return None
    reply_to = (ReplyParameters(message.message_id, allow_sending_without_reply=True)
                if message is not None and chat.type != ChatType.PRIVATE else None)
    markup = keyboard(reply.buttons)
    delivery = _front(context).delivery

    def call(text: str, parse_mode: str | None) -> Callable[[], Awaitable[Message]]:
        return lambda: context.bot.send_message(
            chat.id, text, parse_mode=parse_mode, reply_markup=markup,
            reply_parameters=reply_to, link_preview_options=NO_PREVIEW)

    try:
        try:
            sent = await delivery.run(call(reply.html, ParseMode.HTML), "sendMessage")
        except BadRequest as exc:  # never expected: replies escape everything; plain text then
            logger.warning("Telegram refused an HTML reply (%s); sending plain text", exc)
            sent = await delivery.run(call(reply.text, None), "sendMessage")
    except Forbidden:
        logger.info("A reader has blocked the bot; reply dropped")  # no ids in logs either
        return None
    except BadRequest:
        logger.exception("Telegram refused a reply")
        sent = None
    if sent is None and tell_if_unsent:
        note = replies.unsent_reply()
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(chat.id, note.text, reply_parameters=reply_to)
    return sent


async def _acknowledge(update: Update, context: ContextTypes.DEFAULT_TYPE,
                       text: str | None = None) -> None:
    """Answer a button press so the reader's spinner stops (best effort)."""
    query = update.callback_query
    if query is None:
        return
    with contextlib.suppress(BadRequest, Forbidden):
        await _front(context).delivery.run(lambda: query.answer(text), "answerCallbackQuery")


async def _admit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
    """Flood control: False (after saying so once) while a reader sends too much too fast."""
    user = update.effective_user
    if user is None:
        return True
    verdict = _front(context).flood.check(user.id)
    if verdict is Verdict.ALLOW:
        return True
    logger.log(logging.INFO if verdict is Verdict.WARN else logging.DEBUG,
               "A reader is over the flood limit (%s)", verdict.value)
    note = replies.flood_reply()
    if update.callback_query is not None:
        await _acknowledge(update, context, note.text if verdict is Verdict.WARN else None)
    elif verdict is Verdict.WARN:
        await send(update, context, note, tell_if_unsent=False)
    return False


# -- Answering ------------------------------------------------------------------------------


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """A reader's question, through the conversation; a crisis message skips flood control."""
    conversation = _front(context).conversation
    if not conversation.urgent(question) and not await _admit(update, context):
        return
    turn = conversation.reply(question, _chat_kind(update), _mentioned_names(update))
    await send(update, context, turn.reply)


async def _answer_entry(update: Update, context: ContextTypes.DEFAULT_TYPE,
                        entry_id: str) -> Turn:
    """Answer an entry the reader picked (a button or a deep link)."""
    turn = _front(context).conversation.pick(entry_id, _chat_kind(update))
    await send(update, context, turn.reply)
    return turn


def _mentioned_names(update: Update) -> list[str]:
    """Names of people mentioned in a message, kept out of the question log."""
    message = update.effective_message
    if message is None:
        return []
    return [value for entity, value in message.parse_entities(
        [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items()]


def addressed_question(message: Message, bot_id: int, bot_username: str) -> str | None:
    """The question in a group message addressed to the bot (mention or reply), else None."""
    text = message.text or ""
    addressed = bool(message.reply_to_message and message.reply_to_message.from_user
                     and message.reply_to_message.from_user.id == bot_id)
    handle = f"@{bot_username}".casefold()
    for entity, value in message.parse_entities(
            [MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if (entity.type == MessageEntity.MENTION and value.casefold() == handle) or (
                entity.user is not None and entity.user.id == bot_id):
            addressed = True
            text = text.replace(value, " ", 1)
    return " ".join(text.split()) if addressed else None


# -- Handlers -------------------------------------------------------------------------------


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: what the bot knows; `/start <entry-id>` (a deep link) answers that entry."""
    if not await _admit(update, context):
        return
    conversation = _front(context).conversation
    if context.args:
        await _answer_entry(update, context, context.args[0])
    else:
        await send(update, context, replies.start_reply(conversation.sources,
                                                        conversation.engine.entries))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: how to ask in private, in groups and inline."""
    if await _admit(update, context):
        await send(update, context, replies.help_reply(context.bot.username))


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/topics: the first page of every answerable question, as buttons."""
    if await _admit(update, context):
        await send(update, context, replies.topics_reply(_entries(context)))


async def source(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/source: the article and study links."""
    if await _admit(update, context):
        await send(update, context, replies.source_reply(_front(context).conversation.sources))


async def privacy(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/privacy: what is and is not stored."""
    if await _admit(update, context):
        front = _front(context)
        await send(update, context, replies.privacy_reply(front.conversation.feedback_on,
                                                          front.settings.retention_days))


async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask <question>: answer it, in any chat."""
    question = " ".join(context.args or [])
    if question:
        await _answer(update, context, question)
    elif await _admit(update, context):
        await send(update, context, replies.ask_usage_reply(_entries(context)))


async def private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A text message in a private chat: it is the question."""
    await _answer(update, context, update.effective_message.text or "")


async def group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A group message: answered only when it mentions the bot or replies to it."""
    question = addressed_question(update.effective_message, context.bot.id,
                                  context.bot.username)
    if question:
        await _answer(update, context, question)
    elif question is not None and await _admit(update, context):
        await send(update, context, replies.ask_usage_reply(_entries(context)))


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot does not have, in a private chat: point at /help."""
    if await _admit(update, context):
        await send(update, context, replies.help_reply(context.bot.username))


async def edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message in a private chat: ask for the question again."""
    if await _admit(update, context):
        await send(update, context, replies.edited_reply())


async def not_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo, voice note, file or location in a private chat: ask for text."""
    if await _admit(update, context):
        await send(update, context, replies.text_only_reply())


async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button press: answer a picked question, take a vote, or turn a /topics page."""
    action = actions.parse(update.callback_query.data)
    if isinstance(action, actions.Vote):
        await _feedback(update, context, action)
    elif isinstance(action, actions.TopicsPage):
        await _topics_page(update, context, action.page)
    elif isinstance(action, actions.AnswerEntry):
        if not await _admit(update, context):
            return
        await _acknowledge(update, context)
        if update.effective_chat is not None:
            await _answer_entry(update, context, action.entry_id)
    else:
        await _acknowledge(update, context, "That button no longer works — see /topics.")


async def _feedback(update: Update, context: ContextTypes.DEFAULT_TYPE,
                    vote: actions.Vote) -> None:
    _front(context).conversation.vote(vote.key, vote.helpful)
    await _acknowledge(update, context, replies.feedback_ack(vote.helpful))
    message = update.callback_query.message
    markup = message.reply_markup if isinstance(message, Message) else None
    if markup is not None:  # one vote per answer: take the 👍/👎 row away
        rows = [row for row in markup.inline_keyboard
                if not any(isinstance(actions.parse(str(b.callback_data)), actions.Vote)
                           for b in row)]
        with contextlib.suppress(TelegramError):
            await update.callback_query.edit_message_reply_markup(InlineKeyboardMarkup(rows))


async def _topics_page(update: Update, context: ContextTypes.DEFAULT_TYPE, page: int) -> None:
    reply = replies.topics_reply(_front(context).conversation.engine.entries, page)
    await _acknowledge(update, context)
    query = update.callback_query
    with contextlib.suppress(BadRequest):  # "message is not modified" on a double tap
        await _front(context).delivery.run(lambda: query.edit_message_text(
            reply.html, parse_mode=ParseMode.HTML, reply_markup=keyboard(reply.buttons),
            link_preview_options=NO_PREVIEW), "editMessageText")


def inline_result(answer: Answer) -> InlineQueryResultArticle:
    """One inline choice: the question as title; choosing it posts the answer and source."""
    entry = answer.entry
    reply = replies.answer_reply(answer)
    link = InlineKeyboardMarkup([[InlineKeyboardButton("📄 Read the article",
                                                       url=entry.source.url)]])
    return InlineQueryResultArticle(
        id=entry.id, title=entry.question, description=replies.snippet(entry),
        input_message_content=InputTextMessageContent(
            reply.html, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW),
        reply_markup=link)


def safety_result(reply: Reply) -> InlineQueryResultArticle:
    """The only inline choice for a crisis message: the safety text itself."""
    return InlineQueryResultArticle(
        id="safety", title="Please get help now", description=replies.snippet_text(reply.text),
        input_message_content=InputTextMessageContent(
            reply.html, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW))


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """@bot <question> in any chat: the best matching questions; an empty query lists topics."""
    query = update.inline_query
    found = _front(context).conversation.inline(query.query)
    next_offset = ""
    if found.safety is not None:
        results = [safety_result(found.safety)]
    else:
        answers = found.answers
        if not query.query.strip():
            first = int(query.offset) if query.offset.isascii() and query.offset.isdigit() else 0
            answers = answers[first:first + INLINE_PAGE]
            if first + INLINE_PAGE < len(found.answers):
                next_offset = str(first + INLINE_PAGE)
        results = [inline_result(a) for a in answers]
    with contextlib.suppress(BadRequest):  # the query expired while we retried
        await _front(context).delivery.run(lambda: query.answer(
            results, cache_time=INLINE_CACHE_SECONDS, next_offset=next_offset),
            "answerInlineQuery")


async def chosen_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An inline answer was posted (needs /setinlinefeedback): log it for curators."""
    chosen = update.chosen_inline_result
    _front(context).conversation.chosen(chosen.result_id, chosen.query)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Any handler's exception: log it (never the token) and tell the reader."""
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error("Handling update %s failed", update_id, exc_info=context.error)
    if isinstance(update, Update) and update.effective_message is not None:
        with contextlib.suppress(Exception):  # reporting a failure must not fail in turn
            await send(update, context, replies.error_reply(), tell_if_unsent=False)


# -- The application ------------------------------------------------------------------------


def build_application(settings: Settings, conversation: Conversation) -> Application:
    """The bot: every handler, registered here and nowhere else."""
    rate = settings.telegram_rate_limit
    app = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_url)
        .base_file_url(settings.telegram_file_url)
        .rate_limiter(AIORateLimiter(overall_max_rate=rate, overall_time_period=1 if rate else 0,
                                     max_retries=RATE_LIMIT_RETRIES))
        .concurrent_updates(CONCURRENT_UPDATES)
        .connection_pool_size(CONNECTIONS)
        .pool_timeout(POOL_TIMEOUT)
        .build()
    )
    app.bot_data["front"] = Front(settings, conversation,
                                  FloodGate(settings.flood_messages,
                                            settings.flood_window_seconds))

    new = filters.UpdateType.MESSAGE
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    app.add_handlers([
        CommandHandler("start", start, filters=new),
        CommandHandler("help", help_command, filters=new),
        CommandHandler("topics", topics, filters=new),
        CommandHandler("source", source, filters=new),
        CommandHandler("privacy", privacy, filters=new),
        CommandHandler("ask", ask, filters=new),
        MessageHandler(new & private & filters.TEXT & ~filters.COMMAND, private_text),
        MessageHandler(new & groups & filters.TEXT & ~filters.COMMAND, group_text),
        MessageHandler(new & private & filters.COMMAND, unknown_command),
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, edited),
        MessageHandler(new & private, not_text),
        CallbackQueryHandler(button),
        InlineQueryHandler(inline_query),
        ChosenInlineResultHandler(chosen_inline),
    ])
    app.add_error_handler(on_error)
    return app


async def announce(app: Application) -> None:
    """Start-up: register the command menu with setMyCommands (retried; never fatal)."""
    front = _front_of(app)
    with contextlib.suppress(TelegramError):
        done = await front.delivery.run(lambda: app.bot.set_my_commands(COMMANDS),
                                        "setMyCommands")
        if done:
            logger.info("Serving @%s: %d questions", app.bot.username,
                        len(front.conversation.engine.entries))


def webhook_endpoint(settings: Settings) -> str:
    """The public URL Telegram posts to: WEBHOOK_URL, ending in WEBHOOK_PATH."""
    base, path = settings.webhook_url.rstrip("/"), settings.webhook_path.strip("/")
    return base if not path or base.endswith(f"/{path}") else f"{base}/{path}"


async def _connect(app: Application, stop: asyncio.Event) -> bool:
    """Initialise (getMe), waiting out an unreachable Telegram; False if stopped first."""
    delay = _front_of(app).delivery.delay
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
            delay = min(delay * 2, 30.0)
    return False


def _front_of(app: Application) -> Front:
    return app.bot_data["front"]


async def serve(app: Application, settings: Settings, stop: asyncio.Event) -> None:
    """Run `app` until `stop` is set: long polling, or a webhook when WEBHOOK_URL is set."""
    if not await _connect(app, stop):
        return
    try:
        await announce(app)
        if settings.webhook_url:
            await app.updater.start_webhook(
                listen=settings.webhook_listen, port=settings.webhook_port,
                url_path=settings.webhook_path, webhook_url=webhook_endpoint(settings),
                secret_token=settings.webhook_secret or None, allowed_updates=ALLOWED_UPDATES,
                bootstrap_retries=-1)
        else:
            await app.updater.start_polling(allowed_updates=ALLOWED_UPDATES,
                                            bootstrap_retries=-1)
        await app.start()
        try:
            await stop.wait()
        finally:
            await app.updater.stop()
            await app.stop()
    finally:
        await app.shutdown()


class TokenFilter(logging.Filter):
    """Replaces the bot token wherever it would appear in a log line (httpx logs URLs)."""

    def __init__(self, token: str):
        super().__init__()
        secret = token.split(":", 1)[-1]
        self.secrets = [s for s in (token, secret) if len(s) >= 8]

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "<token>")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        with contextlib.suppress(Exception):  # a malformed record is logging's to report
            record.msg, record.args = self._clean(record.getMessage()), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


def configure_logging(settings: Settings) -> None:
    """Log at LOG_LEVEL (unless already set up) and keep the token out of every handler."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=settings.log_level,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)  # a line per request otherwise
    token_filter = TokenFilter(settings.telegram_bot_token)
    for handler in root.handlers:
        if not any(isinstance(f, TokenFilter) for f in handler.filters):
            handler.addFilter(token_filter)


def run(settings: Settings, conversation: Conversation) -> None:
    """Serve readers until SIGINT/SIGTERM (blocking)."""
    if not settings.has_token:
        raise SettingsError("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather")
    configure_logging(settings)
    app = build_application(settings, conversation)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await serve(app, settings, stop)

    asyncio.run(main())


__all__ = ["Delivery", "TokenFilter", "build_application", "run", "serve"]
