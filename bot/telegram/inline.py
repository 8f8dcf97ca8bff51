"""Inline mode: `@bot question` in any chat lists matching questions; choosing one posts it.

An empty query pages through every question; the offsets we hand out are page starts, and
any other offset (forged, or from an older version) gets an empty page, never an error.
"""

from __future__ import annotations

import contextlib
import logging

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Update,
)
from telegram.constants import InlineQueryLimit
from telegram.error import BadRequest

from bot import replies
from bot.replies import Reply
from bot.results import Answer
from bot.telegram.handlers import Context, admitted
from bot.telegram.state import front

logger = logging.getLogger(__name__)

INLINE_PAGE = InlineQueryLimit.RESULTS  # results per inline answer (an empty query pages)
INLINE_CACHE_SECONDS = 30
_MAX_OFFSET_DIGITS = 6  # our own offsets are small page starts


def inline_result(answer: Answer) -> InlineQueryResultArticle:
    """One inline choice: the question as title; choosing it posts the answer and source."""
    entry = answer.entry
    reply = replies.answer_reply(answer)
    link = InlineKeyboardMarkup([[InlineKeyboardButton("📄 Read the article",
                                                       url=entry.source.url)]])
    return InlineQueryResultArticle(
        id=entry.id, title=entry.question, description=replies.snippet(entry),
        input_message_content=InputTextMessageContent(reply.html), reply_markup=link)


def safety_result(reply: Reply) -> InlineQueryResultArticle:
    """The only inline choice for a crisis message: the safety text itself."""
    return InlineQueryResultArticle(
        id="safety", title="Please get help now", description=replies.snippet_text(reply.text),
        input_message_content=InputTextMessageContent(reply.html))


def _offset(text: str) -> int | None:
    """An inline page start we handed out; None for anything else."""
    if text == "":
        return 0
    if text.isascii() and text.isdigit() and len(text) <= _MAX_OFFSET_DIGITS:
        return int(text)
    return None


@admitted
async def inline_query(update: Update, context: Context) -> None:
    """@bot <question> in any chat: the best matching questions; an empty query lists topics."""
    query = update.inline_query
    if query is None:
        return
    state = front(context)
    found = state.conversation.inline(query.query)
    next_offset = ""
    first = _offset(query.offset)
    if found.safety is not None:
        results = [safety_result(found.safety)]
    elif first is None:
        state.note_once(logger, "An inline query carried an offset we never gave")
        results = []
    else:
        answers = found.answers
        if not query.query.strip():
            answers = answers[first:first + INLINE_PAGE]
            if first + INLINE_PAGE < len(found.answers):
                next_offset = str(first + INLINE_PAGE)
        elif first:
            answers = ()  # a question's matches fit on one page
        results = [inline_result(a) for a in answers]
    with contextlib.suppress(BadRequest):  # the query expired while we retried
        await state.delivery.run(lambda: query.answer(
            results, cache_time=INLINE_CACHE_SECONDS, next_offset=next_offset or None),
            "answerInlineQuery")


async def chosen_inline(update: Update, context: Context) -> None:
    """An inline answer was posted (needs /setinlinefeedback): log it for curators."""
    chosen = update.chosen_inline_result
    if chosen is not None:
        front(context).conversation.chosen(chosen.result_id, chosen.query)
