"""What the bot serves from a knowledge directory, loaded and validated together.

The packs, the engine over them, the safety screen and the small-talk set: every front end
(Telegram, the terminal, `ask`) and a knowledge reload build their `Conversation` here, so all
of them answer from the same things.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
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

Stamp = frozenset[tuple[str, int, int]]


def _stamp(file: Path) -> Stamp:
    """The files in `file`'s folder (not in the packs' folders below it) with their mtime and
    size: what a safety or small-talk file, and the model it names, are read from."""
    found = set()
    for entry in os.scandir(file.parent):
        if entry.is_file():
            stat = entry.stat()
            found.add((entry.name, stat.st_mtime_ns, stat.st_size))
    return frozenset(found)


# A reload after a pack edit rebuilds the engine (a fraction of a second) but would also read
# the safety screen again: 700+ rules compiled and a model loaded, seconds each time. So what was
# read from files that have not changed since is served again; a failed read is never kept.
@lru_cache(maxsize=2)
def _safety_screen(file: Path, stamp: Stamp) -> SafetyScreen:
    return load_safety(file)


@lru_cache(maxsize=2)
def _small_talk(file: Path, stamp: Stamp, topic: str) -> SmallTalk:
    return load_smalltalk(file, topic)


def load_safety_screen(directory: Path) -> SafetyScreen:
    file = data_file(directory, DEFAULT_SAFETY_FILE).resolve()
    return _safety_screen(file, _stamp(file))


def load_small_talk(directory: Path, knowledge: Knowledge) -> SmallTalk:
    """Small talk that names what is served (`{topic}` in its replies)."""
    file = data_file(directory, DEFAULT_SMALLTALK_FILE).resolve()
    return _small_talk(file, _stamp(file), topic_for([p.source.title for p in knowledge.packs]))


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
