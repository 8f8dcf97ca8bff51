"""Shared fixtures: a tiny knowledge pack, its engine, and the Bot API stand-in.

The tiny pack (tests/data/tiny) keeps tests independent of the shipped pack and of the engine's
tuning. Fixtures here are generic; area-specific helpers live in the test files.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest
from telegram.ext import Application

from bot.conversation import Conversation, QuestionLog
from bot.engine import Engine
from bot.knowledge import Entry, Knowledge, load_knowledge
from bot.outcomes import ChatKind, TurnRecord
from bot.results import Result
from bot.settings import Settings
from tests.botapi import TOKEN, BotAPI

TESTS_DIR = Path(__file__).resolve().parent
TINY_KNOWLEDGE_DIR = TESTS_DIR / "data"
SHIPPED_KNOWLEDGE_DIR = TESTS_DIR.parent / "knowledge"


class PhrasingEngine(Engine):
    """The real engine, except that a pack phrasing asked word for word is always answered.

    Front-end tests (Telegram, storage) need questions that are answered whatever the matcher's
    current tuning; declines, ranking, related questions and suggestions stay the engine's own.
    """

    def ask(self, question: str) -> Result:
        entry = _phrasing_owners(self).get(" ".join(question.casefold().split()))
        answer = self.pick(entry.id, question) if entry is not None else None
        return answer if answer is not None else super().ask(question)


def _phrasing_owners(engine: Engine) -> dict[str, Entry]:
    """Each phrasing (case and spacing folded) -> its entry, built once per engine."""
    owners: dict[str, Entry] | None = getattr(engine, "_test_phrasing_owners", None)
    if owners is None:
        owners = {" ".join(q.casefold().split()): e for e in engine.entries for q in e.questions}
        engine._test_phrasing_owners = owners  # type: ignore[attr-defined]
    return owners


class FakeLog:
    """bot.storage.QuestionLog's shape: record() -> key, feedback(key, helpful) -> bool."""

    recording = True

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.records: list[tuple[str, TurnRecord, ChatKind]] = []
        self.votes: list[tuple[str, bool]] = []

    def record(self, question: str, turn: TurnRecord, chat_kind: ChatKind,
               redact: Sequence[str] = ()) -> str | None:
        if self.fail:
            raise OSError("disk full")
        self.records.append((question, turn, chat_kind))
        return f"k{100 + len(self.records)}"

    def feedback(self, key: str, helpful: bool) -> bool:
        self.votes.append((key, helpful))
        return True


@pytest.fixture(scope="session")
def tiny_knowledge() -> Knowledge:
    """The ten-entry vitamin D pack in tests/data/tiny."""
    return load_knowledge(TINY_KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def tiny_engine(tiny_knowledge: Knowledge) -> Engine:
    """The engine over the tiny pack; its own phrasings are always answered (PhrasingEngine)."""
    return PhrasingEngine.from_knowledge(tiny_knowledge)


@pytest.fixture
async def bot_api() -> AsyncIterator[BotAPI]:
    """A Bot API stand-in serving on 127.0.0.1 for the length of one test."""
    async with BotAPI() as api:
        yield api


@pytest.fixture
def bot_settings(bot_api: BotAPI, tmp_path: Path) -> Settings:
    """Settings pointing the bot at the stand-in, with its data in a temporary directory."""
    return Settings(telegram_bot_token=TOKEN, telegram_api_url=bot_api.base_url,
                    telegram_file_url=f"http://127.0.0.1:{bot_api.port}/file/bot",
                    knowledge_dir=TINY_KNOWLEDGE_DIR, data_dir=tmp_path,
                    record_questions=False)


def make_app(settings: Settings, knowledge: Knowledge, engine: Engine,
             log: QuestionLog | None = None) -> Application:
    """The real Application over a conversation on this knowledge (and question log)."""
    from bot.telegram import build_application

    return build_application(settings, Conversation(knowledge, engine, log=log))


@pytest.fixture
def telegram_app(bot_settings: Settings, tiny_knowledge: Knowledge,
                 tiny_engine: Engine) -> Application:
    """The real Application, built by bot.telegram for the tiny pack and the stand-in."""
    return make_app(bot_settings, tiny_knowledge, tiny_engine)


def pytest_configure(config: pytest.Config) -> None:
    # python-telegram-bot warns from inside its own RetryAfter.__init__ (a 429 in the tests);
    # nothing in our code touches the deprecated attribute.
    config.addinivalue_line(
        "filterwarnings", "ignore:.*attribute `retry_after` will be of type:DeprecationWarning")
