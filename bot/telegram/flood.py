"""Per-reader flood control: a sliding window of recent messages for each reader.

A reader who sends more than `limit` messages within `window` seconds is told once to slow down
and then ignored until the window frees; everyone else is unaffected because each reader has a
window of their own. Kept apart from the handlers so it can be tested with a fake clock.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import Enum


class Verdict(Enum):
    ALLOW = "allow"  # answer it
    WARN = "warn"  # over the limit for the first time in this window: say so, once
    DROP = "drop"  # over the limit and already told: ignore quietly


class FloodGate:
    """Sliding-window limiter keyed by reader id; cheap enough to call on every update."""

    def __init__(self, limit: int, window: float,
                 clock: Callable[[], float] = time.monotonic, max_readers: int = 50_000):
        self.limit = max(1, limit)
        self.window = window
        self._clock = clock
        self._max_readers = max_readers
        self._seen: dict[int, deque[float]] = {}
        self._warned: set[int] = set()

    def check(self, reader: int) -> Verdict:
        """Count one message from `reader` (if allowed) and say what to do with it."""
        if self.window <= 0:
            return Verdict.ALLOW
        now = self._clock()
        stamps = self._seen.get(reader)
        if stamps is None:
            if len(self._seen) >= self._max_readers:
                self._forget_idle(now)
            stamps = self._seen[reader] = deque()
        while stamps and now - stamps[0] >= self.window:
            stamps.popleft()
        if len(stamps) < self.limit:
            stamps.append(now)
            self._warned.discard(reader)
            return Verdict.ALLOW
        if reader in self._warned:
            return Verdict.DROP
        self._warned.add(reader)
        return Verdict.WARN

    def __len__(self) -> int:
        """Readers currently tracked (bounded by `max_readers` plus those still active)."""
        return len(self._seen)

    def _forget_idle(self, now: float) -> None:
        """Drop readers whose whole window has passed, so memory stays bounded."""
        for reader in [r for r, s in self._seen.items() if not s or now - s[-1] >= self.window]:
            del self._seen[reader]
            self._warned.discard(reader)
