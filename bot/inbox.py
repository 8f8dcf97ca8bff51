"""The inbox: updates the bot has accepted but not yet answered, kept durably on disk.

An update is written here (committed and synced) before Telegram is told it was received, and
its content is erased the moment it has been answered, so a crash, kill -9 or power cut loses
no question and the file holds no history. What remains of an answered update is its id, kept
for a day (as long as Telegram may resend it) so a resent update is recognised and not answered
twice. After a crash the unanswered updates are replayed; one that keeps failing is dropped
after a few tries rather than crashing the bot forever.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

logger = logging.getLogger(__name__)

KEEP_IDS_SECONDS = 26 * 3600  # Telegram keeps an unconfirmed update for up to 24 hours
FORGET_EVERY = 5000  # answered updates between two clean-ups of old ids
MAX_REPLAYS = 3  # starts an unanswered update may see before it is dropped as poison

_SCHEMA = """
CREATE TABLE IF NOT EXISTS inbox (
    update_id INTEGER PRIMARY KEY,
    body      TEXT,               -- the update as Telegram sent it; NULL once answered
    received  REAL NOT NULL,      -- unix time, to forget answered ids after a day
    replays   INTEGER NOT NULL DEFAULT 0
);
"""


class Inbox:
    """A small SQLite journal of updates keyed by `update_id`."""

    def __init__(self, connection: sqlite3.Connection, where: str):
        self._db = connection
        self.where = where
        self._answered = 0
        self._db.executescript(_SCHEMA)

    @classmethod
    def open(cls, path: Path | None) -> Inbox:
        """The inbox at `path`; in memory (no crash safety, said once) if it cannot be opened."""
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA secure_delete=ON")  # erased text is overwritten, not freed
                return cls(db, str(path))
            except (OSError, sqlite3.Error) as exc:
                logger.error("Cannot open the inbox at %s (%s); questions in flight will not "
                             "survive a crash", path, exc)
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        return cls(db, ":memory:")

    def add(self, updates: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
        """Journal updates durably; returns the ones not seen before (a resend is dropped)."""
        rows = list(updates)
        if not rows:
            return []
        now = time.time()
        fresh: list[tuple[int, str]] = []
        try:
            self._db.execute("PRAGMA synchronous=FULL")  # on disk before Telegram is told
            self._db.execute("BEGIN IMMEDIATE")
            for update_id, body in rows:
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO inbox (update_id, body, received) VALUES (?, ?, ?)",
                    (update_id, body, now))
                if cursor.rowcount:
                    fresh.append((update_id, body))
            self._db.execute("COMMIT")
        except sqlite3.Error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            logger.exception("Could not journal %d update(s); answering them anyway", len(rows))
            return rows
        return fresh

    def done(self, update_id: int) -> None:
        """Erase an answered update's content (its id stays a day, to spot resends)."""
        try:
            self._db.execute("PRAGMA synchronous=NORMAL")  # a lost mark costs a resend, no loss
            self._db.execute("UPDATE inbox SET body = NULL WHERE update_id = ?", (update_id,))
            self._answered += 1
            if self._answered % FORGET_EVERY == 0:
                self.forget_old()
        except sqlite3.Error:
            logger.exception("Could not mark an update answered")

    def replay(self) -> list[tuple[int, str]]:
        """Updates accepted but never answered (oldest first), counting this replay.

        One already replayed MAX_REPLAYS times is dropped: it is likely what stopped the bot.
        """
        try:
            self._db.execute("UPDATE inbox SET replays = replays + 1 WHERE body IS NOT NULL")
            poison = self._db.execute("UPDATE inbox SET body = NULL WHERE body IS NOT NULL "
                                      "AND replays > ?", (MAX_REPLAYS,)).rowcount
            if poison:
                logger.warning("Dropped %d update(s) that failed on %d starts", poison,
                               MAX_REPLAYS)
            rows = self._db.execute("SELECT update_id, body FROM inbox WHERE body IS NOT NULL "
                                    "ORDER BY update_id").fetchall()
            self.forget_old()
        except sqlite3.Error:
            logger.exception("Could not read the inbox; unanswered updates are not replayed")
            return []
        return [(int(i), str(b)) for i, b in rows]

    def last_id(self) -> int | None:
        """The highest update id ever journaled (polling resumes after it)."""
        row = self._db.execute("SELECT MAX(update_id) FROM inbox").fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def pending(self) -> int:
        """How many accepted updates are not yet answered."""
        return int(self._db.execute(
            "SELECT COUNT(*) FROM inbox WHERE body IS NOT NULL").fetchone()[0])

    def forget_old(self) -> None:
        """Forget answered ids older than a day (the newest is kept: polling resumes after it)."""
        self._db.execute(
            "DELETE FROM inbox WHERE body IS NULL AND received < ? "
            "AND update_id < (SELECT MAX(update_id) FROM inbox)",
            (time.time() - KEEP_IDS_SECONDS,))

    def close(self) -> None:
        self._db.close()


__all__ = ["Inbox"]
