"""Intake and delivery under a failing Telegram: nothing lost, nothing doubled, nothing stalled."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

import pytest

from bot.conversation import Conversation
from bot.telegram import build_application
from bot.telegram.intake import BACKLOG, CONCURRENT_UPDATES
from bot.telegram.state import front
from tests.botapi import BotAPI, running, texts
from tests.conftest import make_app

READER = 42


async def test_a_long_send_outage_delays_answers_but_delivers_each_once(
        bot_api: BotAPI, telegram_app, bot_settings) -> None:
    front(telegram_app).delivery.attempts = 1000  # minutes of patience, in test time
    bot_api.outage("sendMessage", 1.5)
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        bot_api.message(READER + 1, "Which foods contain vitamin D?")
        calls = await bot_api.wait_for("sendMessage", 2, timeout=10)
    assert sorted(c.params["chat_id"] for c in calls) == [READER, READER + 1]
    assert all("<blockquote>" in t for t in texts(calls))  # answers, not "couldn't send"
    assert len(bot_api.sent("sendMessage", ok_only=False)) > 10  # it really was down


async def test_a_slow_api_gets_no_duplicate_answer(bot_api: BotAPI, bot_settings,
                                                   tiny_knowledge, tiny_engine) -> None:
    app = build_application(bot_settings, Conversation(tiny_knowledge, tiny_engine),
                            read_timeout=0.3)  # every other call gives up after 0.3 s ...
    bot_api.slow("sendMessage", 1.0)  # ... and the answer takes a second to be confirmed
    async with running(app, bot_settings) as handled:
        bot_api.message(READER, "What is vitamin D?")
        await handled.wait(1, timeout=5)
    [answer] = bot_api.sent("sendMessage")
    assert "<blockquote>" in answer.params["text"]


async def test_an_update_the_library_cannot_read_is_skipped_quietly(
        bot_api: BotAPI, telegram_app, bot_settings, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)  # at DEBUG the library itself logs what Telegram sent
    async with running(telegram_app, bot_settings):
        broken = bot_api.feed_raw({"message": {"text": "my very private words",
                                               "from": bot_api.user(READER)}})
        bot_api.message(READER, "What is vitamin D?")
        [answer] = await bot_api.wait_for("sendMessage")
    assert "<blockquote>" in answer.params["text"]
    assert bot_api.confirmed >= broken["update_id"]  # polling moved past it
    notices = [r.getMessage() for r in caplog.records if "could not be read" in r.getMessage()]
    assert len(notices) == 1 and notices[0].startswith(f"Update {broken['update_id']} could not")
    assert "my very private words" not in caplog.text


async def test_updates_are_fetched_only_as_fast_as_they_are_answered(
        bot_api: BotAPI, bot_settings, tiny_knowledge, tiny_engine) -> None:
    settings = replace(bot_settings, telegram_rate_limit=0)  # not Telegram's 30/s here
    app = make_app(settings, tiny_knowledge, tiny_engine)
    readers = range(1000, 1000 + BACKLOG + 30)
    bot_api.hold("sendMessage")  # Telegram takes nothing for now
    async with running(app, settings):
        for reader in readers:
            bot_api.message(reader, "What is vitamin D?")
        await bot_api.wait_for("sendMessage", CONCURRENT_UPDATES, ok_only=False)
        await asyncio.sleep(0.3)
        confirmed_while_stuck = bot_api.confirmed
        bot_api.release("sendMessage")
        calls = await bot_api.wait_for("sendMessage", len(readers), timeout=15)
    assert confirmed_while_stuck <= BACKLOG  # the rest stayed with Telegram
    assert sorted(c.params["chat_id"] for c in calls) == list(readers)  # each answered once
