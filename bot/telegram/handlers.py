"""The handlers: each picks what the reader sent out of an update, asks the conversation, sends.

Every handler that replies is wrapped in `admitted` (flood control, once, for messages, buttons
and inline queries alike); a crisis message skips it. Inline mode's handlers are in
`bot.telegram.inline`; `bot.telegram.app` registers them all.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import (
    InlineKeyboardMarkup,
    MaybeInaccessibleMessage,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes, filters

from bot import actions, replies
from bot.conversation import Conversation
from bot.knowledge import Entry
from bot.outcomes import ChatKind
from bot.replies import Reply
from bot.telegram.delivery import keyboard, reply_parameters
from bot.telegram.flood import Verdict
from bot.telegram.state import front

logger = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]

STALE_BUTTON = "That button no longer works — see /topics."
NOT_YOURS = "Only the reader who asked can rate this answer."  # or a forged button


# -- Sending ----------------------------------------------------------------------------------


async def send(update: Update, context: Context, reply: Reply,
               *, tell_if_unsent: bool = True) -> Message | None:
    """Send a reply in the update's chat (as a reply to the message in groups), with retries."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await front(context).delivery.send(
        context.bot, chat.id, reply, reply_to=reply_parameters(chat.type,
                                                                update.effective_message),
        tell_if_unsent=tell_if_unsent)


async def acknowledge(update: Update, context: Context, text: str | None = None) -> None:
    """Answer a button press so the reader's spinner stops (best effort)."""
    query = update.callback_query
    if query is None:
        return
    with contextlib.suppress(BadRequest, Forbidden):
        await front(context).delivery.run(lambda: query.answer(text), "answerCallbackQuery")


def _chat_kind(update: Update) -> ChatKind:
    chat = update.effective_chat
    return ChatKind.PRIVATE if chat is None or chat.type == ChatType.PRIVATE else ChatKind.GROUP


# -- Flood control, applied once ------------------------------------------------------------


def _said(update: Update) -> str:
    """The words a reader sent with an update (to spot a crisis message), else ''."""
    if update.inline_query is not None:
        return update.inline_query.query
    message = update.effective_message if update.callback_query is None else None
    return (message.text or message.caption or "") if message is not None else ""


def admitted(handler: Handler) -> Handler:
    """Flood control for a replying handler: over the limit, the reader is told once, then
    ignored until their window frees. A crisis message is always let through."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: Context) -> None:
        state = front(context)
        user = update.effective_user
        verdict = Verdict.ALLOW if user is None else state.flood.check(user.id)
        if verdict is Verdict.ALLOW or state.conversation.urgent(_said(update)):
            await handler(update, context)
            return
        logger.log(logging.INFO if verdict is Verdict.WARN else logging.DEBUG,
                   "A reader is over the flood limit (%s)", verdict.value)
        if verdict is Verdict.DROP:  # already told: no call to Telegram at all
            return
        note = replies.flood_reply()
        if update.callback_query is not None:
            await acknowledge(update, context, note.text)
        elif update.inline_query is not None:
            with contextlib.suppress(TelegramError):
                await update.inline_query.answer([], cache_time=0)
        else:
            await send(update, context, note, tell_if_unsent=False)

    return guarded


# -- Questions --------------------------------------------------------------------------------


def mentioned_names(message: Message | None) -> list[str]:
    """Names of people mentioned in a message, kept out of the question log: the mention's text
    and, for a mention of someone without a username, the names Telegram attaches to it."""
    if message is None:
        return []
    names: list[str] = []
    for entity, value in message.parse_entities([MessageEntity.MENTION,
                                                 MessageEntity.TEXT_MENTION]).items():
        names.append(value)
        if entity.user is not None:
            names += [n for n in (entity.user.full_name, entity.user.first_name,
                                  entity.user.last_name) if n]
    return names


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


class ForTheBot(filters.MessageFilter):
    """A group message that mentions the bot or replies to it, or a crisis message (always
    answered); other chatter is not ours and does not count against anyone's flood limit."""

    def __init__(self, conversation: Conversation):
        super().__init__(name="ForTheBot")
        self.conversation = conversation

    def filter(self, message: Message) -> bool:
        bot = message.get_bot()
        return (addressed_question(message, bot.id, bot.username) is not None
                or self.conversation.urgent(message.text or ""))


async def _answer(update: Update, context: Context, question: str) -> None:
    turn = front(context).conversation.reply(question, _chat_kind(update),
                                             mentioned_names(update.effective_message))
    await send(update, context, turn.reply)


async def _answer_entry(update: Update, context: Context, entry_id: str) -> None:
    """Answer an entry the reader picked (a button or a deep link)."""
    turn = front(context).conversation.pick(entry_id, _chat_kind(update))
    await send(update, context, turn.reply)


@admitted
async def private_text(update: Update, context: Context) -> None:
    """A text message in a private chat: it is the question."""
    message = update.effective_message
    await _answer(update, context, message.text or "" if message is not None else "")


@admitted
async def group_text(update: Update, context: Context) -> None:
    """A group message for the bot: its question (how to ask, if it has none); a crisis
    message is answered even when it was not addressed to the bot."""
    message = update.effective_message
    if message is None:
        return
    question = addressed_question(message, context.bot.id, context.bot.username)
    if question is None:  # not addressed: let through by ForTheBot as a crisis message
        question = message.text or ""
    if question:
        await _answer(update, context, question)
    else:
        await send(update, context, replies.ask_usage_reply(_entries(context)))


# -- Commands ---------------------------------------------------------------------------------


def _entries(context: Context) -> tuple[Entry, ...]:
    return front(context).conversation.engine.entries


@admitted
async def start(update: Update, context: Context) -> None:
    """/start: what the bot knows; `/start <entry-id>` (a deep link) answers that entry."""
    conversation = front(context).conversation
    if context.args:
        await _answer_entry(update, context, context.args[0])
    else:
        await send(update, context, replies.start_reply(conversation.sources,
                                                        conversation.engine.entries))


@admitted
async def help_command(update: Update, context: Context) -> None:
    """/help (and any command the bot does not have, in private): how to ask."""
    await send(update, context, replies.help_reply(context.bot.username))


@admitted
async def topics(update: Update, context: Context) -> None:
    """/topics: the first page of every answerable question, as buttons."""
    await send(update, context, replies.topics_reply(_entries(context)))


@admitted
async def source(update: Update, context: Context) -> None:
    """/source: the article and study links."""
    await send(update, context, replies.source_reply(front(context).conversation.sources))


@admitted
async def privacy(update: Update, context: Context) -> None:
    """/privacy: what is and is not stored."""
    state = front(context)
    await send(update, context, replies.privacy_reply(state.conversation.feedback_on,
                                                      state.settings.retention_days))


@admitted
async def ask(update: Update, context: Context) -> None:
    """/ask <question>: answer it, in any chat."""
    question = " ".join(context.args or [])
    if question:
        await _answer(update, context, question)
    else:
        await send(update, context, replies.ask_usage_reply(_entries(context)))


@admitted
async def edited(update: Update, context: Context) -> None:
    """An edited message in a private chat: ask for the question again."""
    await send(update, context, replies.edited_reply())


@admitted
async def not_text(update: Update, context: Context) -> None:
    """A sticker, photo, voice note, file or location in a private chat: ask for text."""
    await send(update, context, replies.text_only_reply())


# -- Buttons ----------------------------------------------------------------------------------


@admitted
async def answer_button(update: Update, context: Context) -> None:
    """A question button (`a:<entry>`): answer that entry."""
    action = actions.parse(_data(update))
    if not isinstance(action, actions.AnswerEntry):
        await stale_button(update, context)
        return
    await acknowledge(update, context)
    await _answer_entry(update, context, action.entry_id)


@admitted
async def vote_button(update: Update, context: Context) -> None:
    """👍/👎 (`fb:up|down:<key>`): only the reader who asked may rate; the row goes away."""
    action = actions.parse(_data(update))
    query = update.callback_query
    if not isinstance(action, actions.Vote) or query is None:
        await stale_button(update, context)
        return
    if not _offered(query.message, query.data) or not _asked_by(query.message,
                                                                 query.from_user.id):
        await acknowledge(update, context, NOT_YOURS)
        return
    front(context).conversation.vote(action.key, action.helpful)
    await acknowledge(update, context, replies.feedback_ack(action.helpful))
    message = query.message
    markup = message.reply_markup if isinstance(message, Message) else None
    if markup is not None:  # one vote per answer: take the 👍/👎 row away
        rows = [row for row in markup.inline_keyboard
                if not any(isinstance(actions.parse(str(b.callback_data)), actions.Vote)
                           for b in row)]
        with contextlib.suppress(TelegramError):
            await query.edit_message_reply_markup(InlineKeyboardMarkup(rows))


def _offered(message: MaybeInaccessibleMessage | None, data: str | None) -> bool:
    """False when the pressed message shows its buttons and none carries this data (forged).

    A message seen without its keyboard cannot be checked this way; `_asked_by` still holds.
    """
    markup = message.reply_markup if isinstance(message, Message) else None
    return markup is None or any(b.callback_data == data
                                 for row in markup.inline_keyboard for b in row)


def _asked_by(answer: MaybeInaccessibleMessage | None, user_id: int) -> bool:
    """Whether `user_id` asked the question `answer` replies to (a private chat is theirs)."""
    if answer is None:
        return False
    if answer.chat.type == ChatType.PRIVATE:
        return answer.chat.id == user_id
    asked = answer.reply_to_message if isinstance(answer, Message) else None
    return bool(asked and asked.from_user and asked.from_user.id == user_id)


@admitted
async def topics_button(update: Update, context: Context) -> None:
    """A /topics page button (`t:<page>`): turn the page in place."""
    action = actions.parse(_data(update))
    query = update.callback_query
    if not isinstance(action, actions.TopicsPage) or query is None:
        await stale_button(update, context)
        return
    reply = replies.topics_reply(_entries(context), action.page)
    await acknowledge(update, context)
    with contextlib.suppress(BadRequest):  # "message is not modified" on a double tap
        await front(context).delivery.run(lambda: query.edit_message_text(
            reply.html, reply_markup=keyboard(reply.buttons)), "editMessageText")


async def stale_button(update: Update, context: Context) -> None:
    """Button data we never made (forged, or from an old version): a polite note."""
    front(context).note_once(logger, "A button with unknown data was pressed")
    await acknowledge(update, context, STALE_BUTTON)


def _data(update: Update) -> str | None:
    query = update.callback_query
    return query.data if query is not None else None


# -- Errors -----------------------------------------------------------------------------------


async def on_error(update: object, context: Context) -> None:
    """Any handler's exception: log it (never the token) and tell the reader."""
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error("Handling update %s failed", update_id, exc_info=context.error)
    if isinstance(update, Update) and update.effective_message is not None:
        with contextlib.suppress(Exception):  # reporting a failure must not fail in turn
            await send(update, context, replies.error_reply(), tell_if_unsent=False)
