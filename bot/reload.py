"""Hot reload: curators edit packs while the bot runs, and readers never see a broken pack.

The knowledge folder is polled by a cheap fingerprint (every file's path, mtime and size). On a
change the knowledge is loaded, validated and built (e.g. into an engine) off the event loop;
only then is it swapped in, in one step. If the new version has errors the old one keeps being
served and each problem is logged once, with file, entry and field. Generic over what is built,
so this module knows nothing of the engine or of Telegram.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from bot.knowledge import Knowledge, review_knowledge
from bot.problems import summarise

log = logging.getLogger(__name__)

T = TypeVar("T")
Fingerprint = frozenset[tuple[str, int, int]]


def fingerprint(directory: Path) -> Fingerprint:
    """Every file of the knowledge folder and its packs (two levels: links to pack folders are
    followed, link loops cannot trap the walk) with its modification time and size."""
    seen: set[tuple[str, int, int]] = set()
    for folder, dirs, files in os.walk(directory, followlinks=True):
        deep = Path(folder) != Path(directory)
        dirs[:] = [] if deep else [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                seen.add((path, -1, -1))  # a broken link or a file being replaced
                continue
            seen.add((path, stat.st_mtime_ns, stat.st_size))
    return frozenset(seen)


class Reloader(Generic[T]):
    """Watches a knowledge folder; on a valid change builds `T` and hands both to `on_swap`."""

    def __init__(self, directory: Path, build: Callable[[Knowledge], T],
                 on_swap: Callable[[Knowledge, T], None], interval: float = 2.0):
        self.directory = Path(directory)
        self.build = build
        self.on_swap = on_swap
        self.interval = interval
        self._seen = fingerprint(self.directory)  # what is being served now
        self._lock = threading.Lock()

    def _prepare(self, force: bool) -> tuple[Knowledge, T] | None:
        """Load, validate and build a changed folder; None when nothing is to be swapped."""
        with self._lock:
            current = fingerprint(self.directory)
            if current == self._seen and not force:
                return None
            self._seen = current  # a broken version is reported once, not at every poll
            review = review_knowledge(self.directory)
            if review.knowledge is None:
                log.error("knowledge in %s changed but cannot be served; still serving the "
                          "previous version. %d problem(s):", self.directory, len(review.errors))
                for problem in review.errors:
                    log.error("  %s", problem)
                return None
            try:
                built = self.build(review.knowledge)
            except Exception:
                log.exception("knowledge in %s changed but could not be built; still serving "
                              "the previous version", self.directory)
                return None
            for line in summarise(review.advice):
                log.warning("advice: %s", line)
            return review.knowledge, built

    def _swap(self, prepared: tuple[Knowledge, T]) -> bool:
        knowledge, built = prepared
        self.on_swap(knowledge, built)
        log.info("reloaded knowledge from %s: %d pack(s), %d entries", self.directory,
                 len(knowledge.packs), len(knowledge.entries))
        return True

    def check_now(self, force: bool = False) -> bool:
        """Reload if any file changed (or `force`, e.g. on SIGHUP); True when swapped."""
        prepared = self._prepare(force)
        return self._swap(prepared) if prepared is not None else False

    async def check(self, force: bool = False) -> bool:
        """`check_now` with the loading in a thread; the swap happens on the event loop."""
        prepared = await asyncio.to_thread(self._prepare, force)
        return self._swap(prepared) if prepared is not None else False

    async def run(self, stop: asyncio.Event) -> None:
        """Poll every `interval` seconds until `stop` is set."""
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), self.interval)
            except TimeoutError:
                try:
                    await self.check()
                except Exception:  # a reload must never stop the bot serving
                    log.exception("checking %s for changes failed", self.directory)
