"""Webhook mode: updates posted by Telegram are answered; a wrong secret token is refused."""

from __future__ import annotations

import asyncio
import json
import socket
from dataclasses import replace

import pytest

from bot.settings import Settings
from bot.telegram import webhook_endpoint
from tests.botapi import BotAPI, running
from tests.conftest import make_app

READER = 42


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_webhook_answers_updates_with_the_secret_and_refuses_others(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    port = free_port()
    settings = replace(bot_settings, webhook_url=f"http://127.0.0.1:{port}",
                       webhook_listen="127.0.0.1", webhook_port=port,
                       webhook_path="hook", webhook_secret="s3cret-Token_1")
    app = make_app(settings, tiny_knowledge, tiny_engine)
    async with running(app, settings) as handled:
        [hook] = await bot_api.wait_for("setWebhook")
        assert hook.params["url"] == f"http://127.0.0.1:{port}/hook"
        assert hook.params["secret_token"] == "s3cret-Token_1"
        wrong = bot_api.update("message", bot_api.message_payload(READER, "What is vitamin D?"))
        assert await bot_api.post_to_webhook(wrong, secret="wrong") == 403
        missing = bot_api.update("message", bot_api.message_payload(READER, "Hi?"))
        assert await bot_api.post_to_webhook(missing, secret="") == 403
        right = bot_api.update("message",
                               bot_api.message_payload(READER, "Do babies need vitamin D?"))
        assert await bot_api.post_to_webhook(right) == 200
        [answer] = await bot_api.wait_for("sendMessage")
        await handled.wait(1)
    assert "breastfed" in answer.params["text"]
    assert len(bot_api.sent("sendMessage")) == 1  # the refused updates were never handled
    assert bot_api.sent("getUpdates") == []


def test_webhook_endpoint_joins_url_and_path_once() -> None:
    base = Settings(webhook_url="https://bot.example.org/", webhook_path="telegram")
    assert webhook_endpoint(base) == "https://bot.example.org/telegram"
    assert webhook_endpoint(replace(base, webhook_url="https://bot.example.org/telegram")) == (
        "https://bot.example.org/telegram")
    assert webhook_endpoint(replace(base, webhook_path="")) == "https://bot.example.org"


def webhook_settings(settings: Settings, secret: str = "") -> Settings:
    port = free_port()
    return replace(settings, webhook_url=f"http://127.0.0.1:{port}", webhook_listen="127.0.0.1",
                   webhook_port=port, webhook_path="hook", webhook_secret=secret)


async def test_without_a_configured_secret_a_random_one_is_required(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    settings = webhook_settings(bot_settings)
    async with running(make_app(settings, tiny_knowledge, tiny_engine), settings) as handled:
        [hook] = await bot_api.wait_for("setWebhook")
        unsigned = bot_api.update("message", bot_api.message_payload(READER, "Hi?"))
        assert await bot_api.post_to_webhook(unsigned, secret="") == 403
        signed = bot_api.update("message", bot_api.message_payload(READER, "What is vitamin D?"))
        assert await bot_api.post_to_webhook(signed) == 200
        await handled.wait(1)
    assert len(hook.params["secret_token"]) >= 32
    [answer] = bot_api.sent("sendMessage")
    assert "absorb calcium" in answer.params["text"]


async def test_a_huge_body_is_refused_without_stalling_other_readers(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    settings = webhook_settings(bot_settings, "s3cret")
    async with running(make_app(settings, tiny_knowledge, tiny_engine), settings):
        await bot_api.wait_for("setWebhook")
        huge = json.dumps(bot_api.update("message", bot_api.message_payload(
            READER, "vitamin" * 1_500_000))).encode()  # about 10 MB
        refused = asyncio.create_task(bot_api.post_raw(huge))
        other = bot_api.update("message",
                               bot_api.message_payload(READER + 1, "What is vitamin D?"))
        assert await bot_api.post_to_webhook(other) == 200
        [answer] = await bot_api.wait_for("sendMessage", timeout=3)
        assert await refused == 413
    assert answer.params["chat_id"] == READER + 1
    assert len(bot_api.sent("sendMessage")) == 1


@pytest.mark.parametrize("body", [b"not json", b"\xff\xfe\x00", b"[1, 2]", b'{"update_id": "x"}',
                                  b""])
async def test_a_malformed_body_gets_400(bot_api: BotAPI, bot_settings: Settings, tiny_knowledge,
                                         tiny_engine, body: bytes) -> None:
    settings = webhook_settings(bot_settings, "s3cret")
    async with running(make_app(settings, tiny_knowledge, tiny_engine), settings):
        await bot_api.wait_for("setWebhook")
        assert await bot_api.post_to_webhook(
            bot_api.update("message", bot_api.message_payload(READER, "hi"))) == 200
        assert await bot_api.post_raw(body) == 400


async def test_an_update_telegram_resends_is_answered_once(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    settings = webhook_settings(bot_settings, "s3cret")
    async with running(make_app(settings, tiny_knowledge, tiny_engine), settings) as handled:
        await bot_api.wait_for("setWebhook")
        update = bot_api.update("message", bot_api.message_payload(READER, "What is vitamin D?"))
        assert await bot_api.post_to_webhook(update) == 200
        assert await bot_api.post_to_webhook(update) == 200  # our 200 was lost; Telegram resends
        later = bot_api.update("message", bot_api.message_payload(READER, "Hi?"))
        assert await bot_api.post_to_webhook(later) == 200
        await handled.wait(2)
    assert len(bot_api.sent("sendMessage")) == 2
