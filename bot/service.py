"""What the bot serves from a knowledge directory, loaded and validated together.

The packs, the engine over them, the safety screen and the small-talk set: every front end
(Telegram, the terminal, `ask`) and a knowledge reload build their `Conversation` here, so all
of them answer from the same things.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.conversation import Conversation, QuestionLog
from bot.engine import Engine
from bot.knowledge import Knowledge, load_knowledge
from bot.problems import Problem
from bot.safety import DEFAULT_SAFETY_FILE, SafetyScreen
from bot.safety_file import check_safety, load_safety
from bot.settings import data_file
from bot.smalltalk import DEFAULT_SMALLTALK_FILE, SmallTalk, topic_for
from bot.smalltalk_file import check_smalltalk, load_smalltalk


def load_safety_screen(directory: Path) -> SafetyScreen:
    return load_safety(data_file(directory, DEFAULT_SAFETY_FILE))


def load_small_talk(directory: Path, knowledge: Knowledge) -> SmallTalk:
    """Small talk that names what is served (`{topic}` in its replies)."""
    return load_smalltalk(data_file(directory, DEFAULT_SMALLTALK_FILE),
                          topic_for([p.source.title for p in knowledge.packs]))


def review_chat_files(directory: Path) -> list[Problem]:
    """Problems in the safety and small-talk files served with `directory` (for `check`)."""
    return (check_safety(data_file(directory, DEFAULT_SAFETY_FILE))
            + check_smalltalk(data_file(directory, DEFAULT_SMALLTALK_FILE)))


def build_engine(knowledge: Knowledge, threshold: float | None = None) -> Engine:
    return Engine.from_knowledge(knowledge, threshold)


@dataclass(frozen=True)
class Parts:
    """What a reload rebuilds beside the knowledge: swapped into the conversation together."""

    engine: Engine
    safety: SafetyScreen
    smalltalk: SmallTalk


def build_parts(directory: Path, threshold: float | None = None
                ) -> Callable[[Knowledge], Parts]:
    """The reloader's build step for `directory` (raises on a broken safety or small-talk file,
    which keeps the previous version serving)."""
    def build(knowledge: Knowledge) -> Parts:
        return Parts(build_engine(knowledge, threshold), load_safety_screen(directory),
                     load_small_talk(directory, knowledge))
    return build


def swap_parts(conversation: Conversation) -> Callable[[Knowledge, Parts], None]:
    """The reloader's swap step: the new knowledge and everything built from it, at once."""
    def swap(knowledge: Knowledge, parts: Parts) -> None:
        conversation.swap(knowledge, parts.engine, safety=parts.safety,
                          smalltalk=parts.smalltalk)
    return swap


def open_conversation(directory: Path, threshold: float | None = None,
                      log: QuestionLog | None = None) -> Conversation:
    """Everything served from `directory`; raises KnowledgeError naming each problem."""
    knowledge = load_knowledge(directory)
    return Conversation(knowledge, build_engine(knowledge, threshold),
                        safety=load_safety_screen(directory),
                        smalltalk=load_small_talk(directory, knowledge), log=log)
