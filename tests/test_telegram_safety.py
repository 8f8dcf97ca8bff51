"""A crisis message is always answered: over the flood limit, in groups unaddressed, inline;
and its words never reach the log."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

import pytest
from telegram.ext import Application

from bot.conversation import Conversation
from bot.telegram import build_application
from tests.botapi import BotAPI, running, texts

READER = 42
GROUP = -100123
CRISIS = "I want to hurt myself tonight"
SAFETY_TEXT = "Please call your local emergency number now."


@dataclass(frozen=True)
class Caught:
    kind: str = "self-harm"
    reply: str = SAFETY_TEXT


class FakeSafety:
    """The safety screen's shape: catches one phrase."""

    def check(self, text: str) -> Caught | None:
        return Caught() if "hurt myself" in text.lower() else None


@pytest.fixture
def safe_app(bot_settings, tiny_knowledge, tiny_engine) -> Application:
    settings = replace(bot_settings, flood_messages=2, flood_window_seconds=60)
    return build_application(settings, Conversation(tiny_knowledge, tiny_engine,
                                                    safety=FakeSafety()))


async def test_a_crisis_message_is_answered_even_over_the_flood_limit(
        bot_api: BotAPI, safe_app, bot_settings, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="bot")
    async with running(safe_app, bot_settings) as handled:
        for _ in range(5):
            bot_api.message(READER, "What is vitamin D?")
        await handled.wait(5)
        bot_api.message(READER, CRISIS)
        await handled.wait(6)
    sent = texts(bot_api.sent("sendMessage"))
    assert sum("<blockquote>" in t for t in sent) == 2  # the flood limit held ...
    assert SAFETY_TEXT in sent[-1]  # ... but not for the crisis message
    assert "hurt myself" not in caplog.text


async def test_a_crisis_message_in_a_group_is_answered_though_not_addressed(
        bot_api: BotAPI, safe_app, bot_settings) -> None:
    async with running(safe_app, bot_settings) as handled:
        bot_api.message(READER, "lol what is vitamin D", chat_id=GROUP, chat_type="supergroup")
        asked = bot_api.message(READER, CRISIS, chat_id=GROUP, chat_type="supergroup")
        await handled.wait(2)
    [call] = bot_api.sent("sendMessage")
    assert SAFETY_TEXT in call.params["text"]
    assert call.params["reply_parameters"]["message_id"] == asked["message"]["message_id"]


async def test_an_inline_crisis_query_gets_the_safety_text_even_when_flooding(
        bot_api: BotAPI, safe_app, bot_settings) -> None:
    async with running(safe_app, bot_settings) as handled:
        for _ in range(4):
            bot_api.inline(READER, "vitamin")
        crisis = bot_api.inline(READER, CRISIS)["inline_query"]["id"]
        await handled.wait(5)
    [answer] = bot_api.sent("answerInlineQuery",
                            where=lambda c: c.params["inline_query_id"] == crisis)
    [result] = answer.params["results"]
    assert SAFETY_TEXT in result["input_message_content"]["message_text"]
