"""The question log: every question recorded with its chat kind, feedback tied to the record."""
from __future__ import annotations

from bot.outcomes import Outcome
from tests.botapi import BotAPI, running
from tests.conftest import FakeLog, make_app

READER = 42


async def test_questions_are_recorded_and_feedback_uses_the_record_id(
        bot_api: BotAPI, bot_settings, tiny_knowledge, tiny_engine) -> None:
    log = FakeLog()
    app = make_app(bot_settings, tiny_knowledge, tiny_engine, log)
    async with running(app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [answer] = await bot_api.wait_for("sendMessage")
        bot_api.mention(READER, -1001, "Which foods contain vitamin D?")
        await bot_api.wait_for("sendMessage", 2)
        assert "fb:down:k101" in answer.callback_data
        bot_api.press(READER, "fb:down:k101")
        [ack] = await bot_api.wait_for("answerCallbackQuery")
    assert [(q, kind) for q, _, kind in log.records] == [
        ("What is vitamin D?", "private"), ("Which foods contain vitamin D?", "group")]
    assert log.votes == [("k101", False)]
    assert all(turn.outcome is Outcome.ANSWERED for _, turn, _ in log.records)
    assert "noted" in ack.params["text"]


async def test_a_failing_log_never_costs_the_reader_an_answer(
        bot_api: BotAPI, bot_settings, tiny_knowledge, tiny_engine) -> None:
    app = make_app(bot_settings, tiny_knowledge, tiny_engine, FakeLog(fail=True))
    async with running(app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [answer] = await bot_api.wait_for("sendMessage")
    assert "<blockquote>" in answer.params["text"]
    assert not any(d.startswith("fb:") for d in answer.callback_data)  # nowhere to keep a vote


async def test_feedback_buttons_are_removed_after_a_vote(bot_api: BotAPI, telegram_app,
                                                         bot_settings) -> None:
    markup = {"inline_keyboard": [
        [{"text": "Which foods contain vitamin D?", "callback_data": "a:food-sources"}],
        [{"text": "👍", "callback_data": "fb:up:k1"}, {"text": "👎",
                                                     "callback_data": "fb:down:k1"}]]}
    async with running(telegram_app, bot_settings):
        bot_api.press(READER, "fb:up:k1", reply_markup=markup)
        [edit] = await bot_api.wait_for("editMessageReplyMarkup")
    assert edit.callback_data == ["a:food-sources"]
