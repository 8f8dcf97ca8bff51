"""Starting and stopping: a refused set-up is one clear error, a stop is prompt whatever Telegram
is doing, and what was not answered before a stop is answered after the next start."""

from __future__ import annotations

import asyncio
import socket
import time
from dataclasses import replace

import pytest

from bot.settings import Settings
from bot.telegram import StartupError, serve
from bot.telegram.state import front
from tests.botapi import BotAPI, running
from tests.conftest import make_app

READER = 42


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def until(condition, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        await asyncio.sleep(0.01)


async def test_a_webhook_telegram_refuses_is_one_clear_error_not_a_loop(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    port = free_port()
    settings = replace(bot_settings, webhook_url=f"http://127.0.0.1:{port}",
                       webhook_listen="127.0.0.1", webhook_port=port)
    bot_api.fail("setWebhook", "400")
    app = make_app(settings, tiny_knowledge, tiny_engine)
    with pytest.raises(StartupError, match="setWebhook.*https url must be provided"):
        await asyncio.wait_for(serve(app, settings, asyncio.Event()), 5)
    assert len(bot_api.sent("setWebhook", ok_only=False)) == 1  # refused: not retried


async def test_a_webhook_port_in_use_is_one_clear_error(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings = replace(bot_settings, webhook_url="https://bot.example.org",
                           webhook_listen="127.0.0.1", webhook_port=port)
        app = make_app(settings, tiny_knowledge, tiny_engine)
        with pytest.raises(StartupError, match=f"cannot listen on 127.0.0.1:{port}"):
            await asyncio.wait_for(serve(app, settings, asyncio.Event()), 5)


async def test_delete_webhook_failing_again_and_again_ends_start_up(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    bot_api.fail("deleteWebhook", "500", times=1000)
    app = make_app(bot_settings, tiny_knowledge, tiny_engine)
    front(app).delivery.delay = 0.01
    with pytest.raises(StartupError, match="deleteWebhook failed"):
        await asyncio.wait_for(serve(app, bot_settings, asyncio.Event()), 5)
    assert bot_api.sent("getUpdates", ok_only=False) == []


async def test_a_stop_during_a_long_429_is_prompt_and_the_question_waits_for_the_next_start(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    bot_api.fail("sendMessage", "429", retry_after=60)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(make_app(bot_settings, tiny_knowledge, tiny_engine),
                                     bot_settings, stop))
    bot_api.message(READER, "What is vitamin D?")
    await bot_api.wait_for("sendMessage", ok_only=False)
    await until(lambda: bot_api.confirmed >= 1)  # Telegram was told it arrived
    began = time.monotonic()
    stop.set()
    await asyncio.wait_for(task, 10)
    assert time.monotonic() - began < 3
    assert bot_api.sent("sendMessage") == []

    async with running(make_app(bot_settings, tiny_knowledge, tiny_engine), bot_settings):
        [answer] = await bot_api.wait_for("sendMessage")
    assert answer.params["chat_id"] == READER and "<blockquote>" in answer.params["text"]


async def test_a_429_for_one_chat_does_not_hold_up_another(
        bot_api: BotAPI, telegram_app, bot_settings: Settings) -> None:
    bot_api.fail("sendMessage", "429", retry_after=30)
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        await bot_api.wait_for("sendMessage", ok_only=False)
        began = time.monotonic()
        bot_api.message(READER + 1, "Which foods contain vitamin D?")
        [other] = await bot_api.wait_for("sendMessage")
        waited = time.monotonic() - began
    assert other.params["chat_id"] == READER + 1 and waited < 2


class FakeReloader:
    """bot.reload.Reloader's shape: counts its runs and whether it saw the stop."""

    interval = 1.0

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.saw_stop = False

    async def check(self, force: bool = False) -> bool:
        return False

    async def run(self, stop: asyncio.Event) -> None:
        self.started.set()
        await stop.wait()
        self.saw_stop = True


async def test_a_reloader_runs_beside_the_bot_until_the_stop(
        bot_api: BotAPI, telegram_app, bot_settings: Settings) -> None:
    reloader = FakeReloader()
    stop = asyncio.Event()
    task = asyncio.create_task(serve(telegram_app, bot_settings, stop, reloader=reloader))
    await asyncio.wait_for(reloader.started.wait(), 5)
    bot_api.message(READER, "What is vitamin D?")
    await bot_api.wait_for("sendMessage")
    stop.set()
    await asyncio.wait_for(task, 5)
    assert reloader.saw_stop
