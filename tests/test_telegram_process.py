"""`python -m bot` itself: with a token it serves Telegram, never logs the token, stops cleanly."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
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
