"""Telegram failing (429, 5xx, dropped connections) loses no answer and never stops the bot."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from dataclasses import replace

import pytest

from bot.engine import Engine
from bot.results import Result
from bot.settings import SettingsError
from bot.telegram import SEND_ATTEMPTS, TokenFilter, serve
from tests.botapi import TOKEN, BotAPI, running
from tests.conftest import make_app

READER = 42


@pytest.mark.parametrize("kind", ["429", "500", "502", "drop"])
async def test_send_failures_are_retried_and_the_answer_arrives(
        bot_api: BotAPI, telegram_app, bot_settings, kind: str) -> None:
    bot_api.fail("sendMessage", kind, times=1 if kind == "429" else 2)
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [answer] = await bot_api.wait_for("sendMessage")
        bot_api.message(READER, "Which foods contain vitamin D?")  # and the bot carries on
        await bot_api.wait_for("sendMessage", 2)
    assert "<blockquote>" in answer.params["text"]
    failed = [c for c in bot_api.calls if c.method == "sendMessage" and c.failed]
    assert len(failed) == (1 if kind == "429" else 2)


async def test_polling_failures_lose_no_updates(bot_api: BotAPI, telegram_app,
                                                bot_settings) -> None:
    bot_api.fail("getUpdates", "500")
    bot_api.fail("getUpdates", "drop")
    bot_api.message(READER, "What is vitamin D?")
    bot_api.message(READER + 1, "Do babies need vitamin D supplements?")
    async with running(telegram_app, bot_settings):
        calls = await bot_api.wait_for("sendMessage", 2, timeout=10)
    assert sorted(c.params["chat_id"] for c in calls) == [READER, READER + 1]
    assert len(bot_api.sent("getUpdates", ok_only=False,
                            where=lambda c: c.failed is not None)) == 2


async def test_a_failing_callback_answer_and_inline_answer_are_retried(
        bot_api: BotAPI, telegram_app, bot_settings) -> None:
    bot_api.fail("answerCallbackQuery", "500")
    bot_api.fail("answerInlineQuery", "drop")
    async with running(telegram_app, bot_settings):
        bot_api.press(READER, "a:winter")
        bot_api.inline(READER, "winter")
        [ack] = await bot_api.wait_for("answerCallbackQuery")
        [inline] = await bot_api.wait_for("answerInlineQuery")
        await bot_api.wait_for("sendMessage")
    [failed_ack] = bot_api.sent("answerCallbackQuery", ok_only=False, where=lambda c: c.failed)
    [failed_inline] = bot_api.sent("answerInlineQuery", ok_only=False, where=lambda c: c.failed)
    assert ack.params["callback_query_id"] == failed_ack.params["callback_query_id"]
    assert inline.params["inline_query_id"] == failed_inline.params["inline_query_id"]
    assert inline.params["results"]  # the retry carried the answers, not an empty list


async def test_the_reader_is_told_when_an_answer_cannot_be_sent(
        bot_api: BotAPI, telegram_app, bot_settings) -> None:
    bot_api.fail("sendMessage", "500", times=SEND_ATTEMPTS)
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [note] = await bot_api.wait_for("sendMessage")
        bot_api.message(READER, "What is vitamin D?")
        calls = await bot_api.wait_for("sendMessage", 2)
    assert "couldn't send that answer" in note.params["text"]
    assert "<blockquote>" in calls[1].params["text"]  # the bot is still serving


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def collected() -> Iterator[Collect]:
    """Every log line at DEBUG, through the token filter `run` installs."""
    handler = Collect()
    handler.addFilter(TokenFilter(TOKEN))
    root, httpx = logging.getLogger(), logging.getLogger("httpx")
    levels = root.level, httpx.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    httpx.setLevel(logging.NOTSET)  # as `bot.logs.setup` leaves it at DEBUG
    yield handler
    root.removeHandler(handler)
    root.setLevel(levels[0])
    httpx.setLevel(levels[1])


class ExplodingEngine(Engine):
    def ask(self, question: str) -> Result:
        raise RuntimeError(f"boom while using {TOKEN}")


async def test_errors_are_logged_without_the_token_and_the_reader_is_told(
        bot_api: BotAPI, bot_settings, tiny_knowledge, collected: Collect) -> None:
    app = make_app(bot_settings, tiny_knowledge,
                            ExplodingEngine.from_knowledge(tiny_knowledge))
    bot_api.fail("sendMessage", "drop")
    async with running(app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [note] = await bot_api.wait_for("sendMessage")
    assert "went wrong" in note.params["text"]
    log = "\n".join(collected.lines)
    assert "boom while using <token>" in log  # the handler's exception was logged...
    assert "/bot<token>/getupdates" in log.casefold()  # ...and so were URLs (httpx)...
    assert TOKEN not in log and TOKEN.split(":")[1] not in log  # ...never the token
    assert "Traceback" in log


def test_token_filter_cleans_messages_arguments_and_tracebacks() -> None:
    handler = Collect()
    handler.addFilter(TokenFilter(TOKEN))
    logger = logging.getLogger("tests.token")
    logger.addHandler(handler)
    try:
        logger.warning("url %s", f"https://api.telegram.org/bot{TOKEN}/getMe")
        try:
            raise ValueError(TOKEN)
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    assert TOKEN not in "\n".join(handler.lines)
    assert "bot<token>/getMe" in handler.lines[0]


async def test_an_unreachable_telegram_at_start_up_is_waited_out(
        bot_api: BotAPI, telegram_app, bot_settings) -> None:
    bot_api.fail("getMe", "500")
    bot_api.fail("getMe", "drop")
    bot_api.fail("setMyCommands", "502")
    bot_api.fail("deleteWebhook", "500")
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [answer] = await bot_api.wait_for("sendMessage", timeout=10)
        # The command menu is retried in the background: readers are answered meanwhile.
        await bot_api.wait_for("setMyCommands", timeout=10)
    assert "<blockquote>" in answer.params["text"]


async def test_a_rejected_token_stops_with_a_settings_error(
        bot_api: BotAPI, bot_settings, tiny_knowledge, tiny_engine) -> None:
    settings = replace(bot_settings, telegram_bot_token="999:not-the-right-token")
    app = make_app(settings, tiny_knowledge, tiny_engine)
    with pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN"):
        await asyncio.wait_for(serve(app, settings, asyncio.Event()), 5)
