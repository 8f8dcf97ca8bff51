"""`python -m bot` itself: with a token it serves Telegram, never logs the token, stops cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.botapi import TOKEN, BotAPI
from tests.conftest import TINY_KNOWLEDGE_DIR

ROOT = Path(__file__).resolve().parent.parent


async def test_python_m_bot_answers_through_the_api_url_and_stops_on_sigterm(
        bot_api: BotAPI, tmp_path: Path) -> None:
    env = dict(os.environ, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=bot_api.base_url,
               KNOWLEDGE_DIR=str(TINY_KNOWLEDGE_DIR), DATA_DIR=str(tmp_path),
               LOG_LEVEL="DEBUG", PYTHONPATH=str(ROOT))
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path,  # no .env there: the env alone
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        await bot_api.wait_for("getUpdates", timeout=20)
        bot_api.message(42, "What is vitamin D?")
        [answer] = await bot_api.wait_for("sendMessage", timeout=10)
    finally:
        child.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(child.communicate(), 20)
    assert "absorb calcium" in answer.params["text"]
    assert child.returncode == 0, err.decode()[-2000:]
    logs = (out + err).decode()
    assert "<token>" in logs  # DEBUG logging shows request URLs, redacted...
    assert TOKEN not in logs and TOKEN.split(":")[1] not in logs  # ...never the token


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def bot_env(api: BotAPI, data_dir: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.base_url,
                KNOWLEDGE_DIR=str(TINY_KNOWLEDGE_DIR), DATA_DIR=str(data_dir),
                RECORD_QUESTIONS="false", PYTHONPATH=str(ROOT), **extra)


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        await asyncio.sleep(0.02)


async def test_kill_9_mid_backlog_then_restart_answers_every_question_exactly_once(
        bot_api: BotAPI, tmp_path: Path) -> None:
    readers = list(range(1000, 1030))  # fewer than the backlog bound: all fetched, confirmed
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path,
        env=bot_env(bot_api, tmp_path, TELEGRAM_RATE_LIMIT="5"),  # a backlog builds up
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
    try:
        await bot_api.wait_for("getUpdates", timeout=20)
        for reader in readers:
            bot_api.message(reader, "What is vitamin D?")
        await bot_api.wait_for("sendMessage", 5, timeout=10)
        bot_api.hold("sendMessage")  # from here on nothing reaches readers ...
        await until(lambda: bot_api.confirmed >= len(readers))  # ... all were confirmed ...
        await asyncio.sleep(0.5)  # ... and answers already delivered were noted as answered
    finally:
        child.kill()  # SIGKILL: no clean-up at all
        await child.wait()
    before = len(bot_api.sent("sendMessage"))
    assert before < len(readers)  # killed mid-backlog
    bot_api.release("sendMessage")

    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env=bot_env(bot_api, tmp_path),
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    try:
        await bot_api.wait_for("sendMessage", len(readers), timeout=20)
        await asyncio.sleep(0.2)  # a duplicate would show up now
    finally:
        child.send_signal(signal.SIGTERM)
        _, err = await asyncio.wait_for(child.communicate(), 20)
    assert child.returncode == 0, err.decode()[-2000:]
    answered = sorted(c.params["chat_id"] for c in bot_api.sent("sendMessage"))
    assert answered == readers  # every reader once: none lost, none twice


async def test_a_webhook_telegram_refuses_is_one_line_and_a_non_zero_exit(
        bot_api: BotAPI, tmp_path: Path) -> None:
    bot_api.fail("setWebhook", "400")
    env = bot_env(bot_api, tmp_path, WEBHOOK_URL="https://bot.example.org",
                  WEBHOOK_LISTEN="127.0.0.1", WEBHOOK_PORT=str(free_port()),
                  LOG_LEVEL="WARNING")
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(child.communicate(), 30)
    lines = err.decode().strip().splitlines()
    assert child.returncode == 2
    assert lines == [line for line in lines if "setWebhook" in line] and len(lines) == 1
    assert "https url must be provided" in lines[0]
