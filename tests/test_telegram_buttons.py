"""Buttons and inline queries as a hostile reader might send them: forged data, someone else's
vote, odd offsets, and floods of presses. Each gets a polite answer; none an error."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from bot.settings import Settings
from tests.botapi import BotAPI, running
from tests.conftest import FakeLog, make_app

READER = 42
GROUP = -100123


async def test_forged_or_stale_button_data_gets_a_polite_note_logged_once(
        bot_api: BotAPI, telegram_app, bot_settings, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    forged = ["t:²", "t:99999999999", "zz:1", "fb:up:", "fb:sideways:k1", "a:../../etc", ""]
    async with running(telegram_app, bot_settings) as handled:
        for data in forged:
            bot_api.press(READER, data)
        acks = await bot_api.wait_for("answerCallbackQuery", len(forged))
        await handled.wait(len(forged))
    assert all("no longer works" in a.params["text"] for a in acks)
    assert bot_api.sent("sendMessage") == [] and bot_api.sent("editMessageText") == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len([r for r in caplog.records if "unknown data" in r.getMessage()]) == 1


def answer_markup(key: str) -> dict[str, object]:
    return {"inline_keyboard": [[{"text": "👍", "callback_data": f"fb:up:{key}"},
                                 {"text": "👎", "callback_data": f"fb:down:{key}"}]]}


async def test_only_the_reader_who_asked_may_rate_an_answer(
        bot_api: BotAPI, bot_settings, tiny_knowledge, tiny_engine) -> None:
    log = FakeLog()
    app = make_app(bot_settings, tiny_knowledge, tiny_engine, log)
    asked = bot_api.message_payload(READER, "What is vitamin D?", chat_id=GROUP,
                                    chat_type="supergroup")
    async with running(app, bot_settings):
        answer = bot_api.bot_message(GROUP, "an answer", "supergroup")
        answer.update(reply_to_message=asked, reply_markup=answer_markup("k7"))
        for user in (READER + 1, READER):  # someone else first, then the asker
            bot_api.feed("callback_query", {"id": f"cq{user}", "from": bot_api.user(user),
                                            "chat_instance": "ci", "data": "fb:down:k7",
                                            "message": answer})
        acks = await bot_api.wait_for("answerCallbackQuery", 2)
        forged = bot_api.bot_message(READER + 2, "the forger's own answer")
        forged["reply_markup"] = answer_markup("k8")  # k7 is someone else's answer
        bot_api.feed("callback_query", {"id": "forged", "from": bot_api.user(READER + 2),
                                        "chat_instance": "ci", "data": "fb:up:k7",
                                        "message": forged})
        acks = await bot_api.wait_for("answerCallbackQuery", 3)
    by_id = {a.params["callback_query_id"]: a.params["text"] for a in acks}
    assert "Only the reader who asked" in by_id[f"cq{READER + 1}"]
    assert "Only the reader who asked" in by_id["forged"]
    assert "noted" in by_id[f"cq{READER}"]
    assert log.votes == [("k7", False)]  # the asker's vote alone


@pytest.mark.parametrize("offset", ["9" * 5000, "-1", "x", "٣", "50"])
async def test_an_odd_inline_offset_gets_an_empty_page_not_an_error(
        bot_api: BotAPI, telegram_app, bot_settings, offset: str) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.inline(READER, "", offset=offset)
        [call] = await bot_api.wait_for("answerInlineQuery")
    assert call.params["results"] == []
    assert call.params.get("next_offset", "") == ""


async def test_floods_of_presses_and_inline_queries_are_limited_too(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    settings = replace(bot_settings, flood_messages=3, flood_window_seconds=60)
    app = make_app(settings, tiny_knowledge, tiny_engine)
    async with running(app, settings) as handled:
        for _ in range(20):
            bot_api.press(READER, "t:1")
        for _ in range(20):
            bot_api.inline(READER + 1, "vitamin")
        bot_api.message(READER + 2, "What is vitamin D?")
        await handled.wait(41)
    assert len(bot_api.sent("editMessageText")) == 3  # the page turned 3 times, not 20
    acks = bot_api.sent("answerCallbackQuery")
    assert sum(bool(a.params.get("text")) for a in acks) == 1  # told once to slow down
    inline = bot_api.sent("answerInlineQuery")
    assert sum(bool(c.params["results"]) for c in inline) == 3
    [other] = bot_api.sent("sendMessage")
    assert other.params["chat_id"] == READER + 2 and "<blockquote>" in other.params["text"]
