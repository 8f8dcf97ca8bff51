"""Webhook mode: updates posted by Telegram are answered; a wrong secret token is refused."""

from __future__ import annotations

import socket
from dataclasses import replace

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
