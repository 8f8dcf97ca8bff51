"""Groups: the bot speaks only when spoken to, and replies to the message that asked."""

from __future__ import annotations

from tests.botapi import BOT_USERNAME, BotAPI, running

GROUP = -100123
READER = 7


async def test_ordinary_chatter_is_left_alone(bot_api: BotAPI, telegram_app,
                                              bot_settings) -> None:
    async with running(telegram_app, bot_settings) as handled:
        bot_api.message(READER, "What is vitamin D?", chat_id=GROUP, chat_type="supergroup")
        bot_api.message(READER, "lol", chat_id=GROUP, chat_type="group")
        bot_api.message(READER, chat_id=GROUP, chat_type="supergroup",
                        sticker={"file_id": "s", "file_unique_id": "s", "type": "regular",
                                 "width": 1, "height": 1, "is_animated": False,
                                 "is_video": False})
        bot_api.message(READER, "/help@some_other_bot", chat_id=GROUP, chat_type="supergroup")
        await handled.wait(4)
    assert bot_api.sent("sendMessage") == []


async def test_a_mention_is_answered_as_a_reply(bot_api: BotAPI, telegram_app, bot_settings,
                                                tiny_engine) -> None:
    async with running(telegram_app, bot_settings):
        asked = bot_api.mention(READER, GROUP, "Does sunscreen block vitamin D?")
        [call] = await bot_api.wait_for("sendMessage")
    assert call.params["chat_id"] == GROUP
    assert call.params["reply_parameters"]["message_id"] == asked["message"]["message_id"]
    assert "dermatologists" in call.params["text"]


async def test_a_reply_to_the_bot_is_answered(bot_api: BotAPI, telegram_app,
                                              bot_settings) -> None:
    earlier = bot_api.bot_message(GROUP, "an earlier answer", "supergroup")
    async with running(telegram_app, bot_settings):
        asked = bot_api.message(READER, "Do babies need vitamin D supplements?", chat_id=GROUP,
                                chat_type="supergroup", reply_to=earlier)
        [call] = await bot_api.wait_for("sendMessage")
    assert call.params["reply_parameters"]["message_id"] == asked["message"]["message_id"]
    assert "breastfed" in call.params["text"]


async def test_a_reply_to_someone_else_is_left_alone(bot_api: BotAPI, telegram_app,
                                                     bot_settings) -> None:
    other = bot_api.message_payload(99, "hi", chat_id=GROUP, chat_type="supergroup")
    async with running(telegram_app, bot_settings) as handled:
        bot_api.message(READER, "What is vitamin D?", chat_id=GROUP, chat_type="supergroup",
                        reply_to=other)
        await handled.wait(1)
    assert bot_api.sent("sendMessage") == []


async def test_ask_and_addressed_commands_work_in_groups(bot_api: BotAPI, telegram_app,
                                                         bot_settings) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "/ask Which foods contain vitamin D?", chat_id=GROUP,
                        chat_type="supergroup")
        [ask] = await bot_api.wait_for("sendMessage")
        bot_api.message(READER, f"/ask@{BOT_USERNAME} Can I make vitamin D in winter?",
                        chat_id=GROUP, chat_type="group")
        bot_api.message(READER, f"/topics@{BOT_USERNAME}", chat_id=GROUP,
                        chat_type="supergroup")
        calls = await bot_api.wait_for("sendMessage", 3)
    assert "Oily fish" in ask.params["text"] and ask.params["reply_parameters"]
    texts = [c.params["text"] for c in calls]
    assert any("northern countries" in t for t in texts)
    assert any("Questions I can answer" in t for t in texts)


async def test_a_bare_mention_gets_usage_not_a_guess(bot_api: BotAPI, telegram_app,
                                                     bot_settings) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.mention(READER, GROUP, "")
        [call] = await bot_api.wait_for("sendMessage")
    assert "/ask " in call.params["text"]
