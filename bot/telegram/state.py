"""What the handlers of one Application share, kept in its `bot_data` under one key.

Handlers stay plain `(update, context)` functions; `front(context)` or `front(app)` gives them
the conversation, settings, flood gate and delivery of the application they run in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.conversation import Conversation
from bot.settings import Settings
from bot.telegram.delivery import Delivery
from bot.telegram.flood import FloodGate

KEY = "front"


@dataclass
class Front:
    """Per-application state: built once by `build_application`."""

    settings: Settings
    conversation: Conversation
    flood: FloodGate
    delivery: Delivery = field(default_factory=Delivery)
    _noted: set[str] = field(default_factory=set)

    def note_once(self, logger: logging.Logger, what: str) -> None:
        """Log a harmless oddity (forged button data, a strange offset) once, then at DEBUG."""
        level = logging.DEBUG if what in self._noted else logging.INFO
        self._noted.add(what)
        logger.log(level, "%s (answered politely; further ones at DEBUG)", what)


class _HasBotData(Protocol):
    @property
    def bot_data(self) -> Any: ...


def front(holder: _HasBotData) -> Front:
    """The state of the application a context (or the application itself) belongs to."""
    state = holder.bot_data[KEY]
    assert isinstance(state, Front)
    return state
