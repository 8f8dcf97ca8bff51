"""The question log: every question recorded with its chat kind, feedback tied to the record."""

from __future__ import annotations

from typing import Any

from bot.telegram import build_application
from tests.botapi import BotAPI, running

READER = 42


class FakeLog:
    """bot.storage.QuestionLog's shape: record() -> id, feedback(id, helpful) -> bool."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.records: list[tuple[str, Any, str]] = []
        self.votes: list[tuple[int, bool]] = []

    def record(self, question: str, result: Any, chat_kind: str) -> int | None:
        if self.fail:
            raise OSError("disk full")
        self.records.append((question, result, chat_kind))
        return 100 + len(self.records)

    def feedback(self, record_id: int, helpful: bool) -> bool:
        self.votes.append((record_id, helpful))
        return True


async def test_questions_are_recorded_and_feedback_uses_the_record_id(
        bot_api: BotAPI, bot_settings, tiny_knowledge, tiny_engine) -> None:
    log = FakeLog()
    app = build_application(bot_settings, tiny_knowledge, tiny_engine, log)
    async with running(app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [answer] = await bot_api.wait_for("sendMessage")
        bot_api.mention(READER, -1001, "Which foods contain vitamin D?")
        await bot_api.wait_for("sendMessage", 2)
        assert "fb:down:101" in answer.callback_data
        bot_api.press(READER, "fb:down:101")
        [ack] = await bot_api.wait_for("answerCallbackQuery")
    assert [(q, kind) for q, _, kind in log.records] == [
        ("What is vitamin D?", "private"), ("Which foods contain vitamin D?", "group")]
    assert log.votes == [(101, False)]
    assert "noted" in ack.params["text"]


async def test_a_failing_log_never_costs_the_reader_an_answer(
        bot_api: BotAPI, bot_settings, tiny_knowledge, tiny_engine) -> None:
    app = build_application(bot_settings, tiny_knowledge, tiny_engine, FakeLog(fail=True))
    async with running(app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [answer] = await bot_api.wait_for("sendMessage")
    assert "<blockquote>" in answer.params["text"]
    assert any(d.startswith("fb:up:m") for d in answer.callback_data)


async def test_feedback_buttons_are_removed_after_a_vote(bot_api: BotAPI, telegram_app,
                                                         bot_settings) -> None:
    markup = {"inline_keyboard": [
        [{"text": "Which foods contain vitamin D?", "callback_data": "a:food-sources"}],
        [{"text": "👍", "callback_data": "fb:up:m1"}, {"text": "👎",
                                                     "callback_data": "fb:down:m1"}]]}
    async with running(telegram_app, bot_settings):
        bot_api.press(READER, "fb:up:m1", reply_markup=markup)
        [edit] = await bot_api.wait_for("editMessageReplyMarkup")
    assert edit.callback_data == ["a:food-sources"]
