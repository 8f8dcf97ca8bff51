"""End to end on Telegram with the shipped safety screen and small talk: a crisis message in a
private chat, in a group mention and inline gets the safety reply; a greeting gets small talk."""

from __future__ import annotations

import pytest
from telegram.ext import Application

from bot.service import open_conversation
from bot.telegram import build_application
from tests.botapi import BotAPI, running
from tests.conftest import TINY_KNOWLEDGE_DIR

READER = 42
GROUP = -100777
CRISIS = "i dont want to live anymore"


@pytest.fixture
def app(bot_settings) -> Application:
    """The bot as served: the tiny pack, with the shipped safety screen and small talk."""
    return build_application(bot_settings, open_conversation(TINY_KNOWLEDGE_DIR))


def is_safety_reply(text: str) -> bool:
    return all(part in text for part in ("988", "116 123", "findahelpline.com", "112"))


async def test_a_crisis_message_in_a_private_chat_gets_only_the_safety_reply(
        bot_api: BotAPI, app, bot_settings) -> None:
    async with running(app, bot_settings):
        bot_api.message(READER, CRISIS)
        [call] = await bot_api.wait_for("sendMessage")
    assert is_safety_reply(call.params["text"])
    assert "<blockquote>" not in call.params["text"] and call.callback_data == []


async def test_a_crisis_message_mentioning_the_bot_in_a_group_gets_the_safety_reply(
        bot_api: BotAPI, app, bot_settings) -> None:
    async with running(app, bot_settings):
        asked = bot_api.mention(READER, GROUP, "my dad collapsed and is not breathing")
        [call] = await bot_api.wait_for("sendMessage")
    assert is_safety_reply(call.params["text"])
    assert call.params["reply_parameters"]["message_id"] == asked["message"]["message_id"]


async def test_an_inline_crisis_query_offers_the_safety_text_alone(
        bot_api: BotAPI, app, bot_settings) -> None:
    async with running(app, bot_settings):
        bot_api.inline(READER, CRISIS)
        [call] = await bot_api.wait_for("answerInlineQuery")
    [result] = call.params["results"]
    assert is_safety_reply(result["input_message_content"]["message_text"])


async def test_a_greeting_gets_the_bots_own_words_and_example_questions(
        bot_api: BotAPI, app, bot_settings, tiny_knowledge) -> None:
    async with running(app, bot_settings):
        bot_api.message(READER, "hello!")
        [call] = await bot_api.wait_for("sendMessage")
    text = call.params["text"]
    assert "<blockquote>" not in text
    assert not any(e.answer in text for e in tiny_knowledge.entries)
    assert tiny_knowledge.packs[0].source.url not in text
    assert 2 <= len([d for d in call.callback_data if d.startswith("a:")]) <= 3
