"""The question log: what readers asked and how the bot fared, for the pack's curator.

Readers' questions are health questions, so the log holds no user id, chat id, name or
username — not even hashed: a row is the question text, the time, the outcome, the entry and
score, and the kind of chat. 👍/👎 feedback is tied to the question row, never to a person.
Rows older than the retention setting are purged on open and then hourly.

Recording must never slow or break answering: the connection has a short busy timeout, and any
database failure (missing, locked, full, corrupt) is logged once, then recording pauses for a
cool-down while readers keep getting their answers.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.outcomes import ChatKind, Outcome, TurnRecord
from bot.settings import Settings

log = logging.getLogger(__name__)

OUTCOMES = ("answered", "ambiguous", "declined")
CHAT_KINDS = ("private", "group", "inline", "terminal")
MAX_QUESTION = 1000  # characters kept of a question; Telegram allows 4,096
BUSY_TIMEOUT_MS = 50  # a locked database costs a reader at most this long
COOL_DOWN_SECONDS = 60.0  # after a failure, recording pauses this long before retrying
PURGE_EVERY_SECONDS = 3600.0

# Schema migrations, applied in order; PRAGMA user_version holds how many have run.
# Append new steps; never edit a released one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE questions (
        id        INTEGER PRIMARY KEY,
        asked_at  INTEGER NOT NULL,            -- unix seconds, UTC
        question  TEXT    NOT NULL,
        outcome   TEXT    NOT NULL CHECK (outcome IN ('answered', 'ambiguous', 'declined')),
        entry_id  TEXT,                        -- answered / best candidate / closest entry
        pack      TEXT,
        score     REAL,
        chat_kind TEXT    NOT NULL
                  CHECK (chat_kind IN ('private', 'group', 'inline', 'terminal'))
    );
    CREATE INDEX questions_asked_at ON questions (asked_at);
    CREATE TABLE feedback (
        id          INTEGER PRIMARY KEY,
        question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        helpful     INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        given_at    INTEGER NOT NULL
    );
    CREATE INDEX feedback_question ON feedback (question_id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StorageError(Exception):
    """The question log cannot be read (curator commands); the message says why."""


def migrate(conn: sqlite3.Connection) -> None:
    """Bring a database to `SCHEMA_VERSION`; refuses one written by a newer release."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"schema version {version} is newer than this release understands "
            f"({SCHEMA_VERSION}); upgrade the bot")
    for number in range(version, SCHEMA_VERSION):
        # executescript commits first; the explicit transaction keeps each step all-or-nothing.
        conn.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1};"
                           " COMMIT;")


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


class QuestionLog:
    """Records questions and feedback; every method swallows database failures.

    Built by `open`; with recording off (or `path=None`) every method is a no-op returning None
    or False, so front ends call it unconditionally.
    """

    def __init__(self, path: Path | None, retention_days: int = 90,
                 cool_down: float = COOL_DOWN_SECONDS,
                 clock: Callable[[], float] = time.time):
        self.path = path
        self.retention_days = retention_days
        self.cool_down = cool_down
        self._clock = clock
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._paused_until = 0.0
        self._failing = False
        self._next_purge = 0.0

    @classmethod
    def open(cls, settings: Settings) -> QuestionLog:
        """The log the settings ask for; never raises (a failure is logged and retried later)."""
        if not settings.recording:
            return cls(None)
        qlog = cls(settings.database, settings.retention_days)
        with qlog._lock:
            qlog._connection()
        return qlog

    @property
    def recording(self) -> bool:
        return self.path is not None

    def record(self, question: str, turn: TurnRecord, chat_kind: ChatKind,
               redact: Sequence[str] = ()) -> str | None:
        """Log one question; returns its key for feedback, or None if nothing was recorded.

        A safety turn is recorded without its text, whatever the caller passes.
        """
        if self.path is None:
            return None
        text = "" if turn.outcome is Outcome.SAFETY else question.strip()[:MAX_QUESTION]
        for name in redact:
            if name:
                text = text.replace(name, "@…")
        row = (int(self._clock()), text, str(turn.outcome), turn.entry_id, turn.pack,
               turn.score, str(chat_kind))
        with self._lock:
            conn = self._connection()
            if conn is None:
                return None
            try:
                self._purge_if_due(conn)
                cur = conn.execute(
                    "INSERT INTO questions (asked_at, question, outcome, entry_id, pack, score,"
                    " chat_kind) VALUES (?, ?, ?, ?, ?, ?, ?)", row)
            except sqlite3.Error as exc:
                self._failed("cannot record a question", exc)
                return None
            self._recovered()
            return str(cur.lastrowid)

    def feedback(self, key: str, helpful: bool) -> bool:
        """Attach 👍 (True) or 👎 (False) to a recorded question; False if not stored."""
        if self.path is None:
            return False
        try:
            record_id = int(key)
        except (TypeError, ValueError):
            return False
        with self._lock:
            conn = self._connection()
            if conn is None:
                return False
            try:
                cur = conn.execute(
                    "INSERT INTO feedback (question_id, helpful, given_at)"
                    " SELECT id, ?, ? FROM questions WHERE id = ?",
                    (int(bool(helpful)), int(self._clock()), record_id))
            except sqlite3.Error as exc:
                self._failed("cannot record feedback", exc)
                return False
            self._recovered()
            return cur.rowcount == 1

    def purge(self) -> int:
        """Delete questions (and their feedback) older than the retention; returns how many."""
        if self.path is None:
            return 0
        with self._lock:
            conn = self._connection()
            if conn is None:
                return 0
            try:
                return self._purge(conn)
            except sqlite3.Error as exc:
                self._failed("cannot purge old questions", exc)
                return 0

    def close(self) -> None:
        with self._lock:
            self._drop()

    def __enter__(self) -> QuestionLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals; callers hold self._lock --------------------------------------------------

    def _connection(self) -> sqlite3.Connection | None:
        if self.path is None or self._clock() < self._paused_until:
            return None
        if self._conn is not None:
            return self._conn
        try:
            self._conn = _connect(self.path)
            self._purge(self._conn)
        except (sqlite3.Error, OSError) as exc:
            self._drop()
            self._failed(f"cannot open {self.path}", exc)
            return None
        return self._conn

    def _purge(self, conn: sqlite3.Connection) -> int:
        cutoff = int(self._clock()) - self.retention_days * 86400
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM feedback WHERE question_id IN"
                         " (SELECT id FROM questions WHERE asked_at < ?)", (cutoff,))
            deleted = conn.execute("DELETE FROM questions WHERE asked_at < ?",
                                   (cutoff,)).rowcount
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self._next_purge = self._clock() + PURGE_EVERY_SECONDS
        return deleted

    def _purge_if_due(self, conn: sqlite3.Connection) -> None:
        if self._clock() >= self._next_purge:
            self._purge(conn)

    def _failed(self, what: str, exc: BaseException) -> None:
        """Log the first failure of a run of failures; pause recording for the cool-down."""
        self._paused_until = self._clock() + self.cool_down
        if self._conn is not None and isinstance(exc, sqlite3.DatabaseError) and not isinstance(
                exc, sqlite3.OperationalError):
            self._drop()  # corrupt or replaced file: reconnect after the cool-down
        if not self._failing:
            self._failing = True
            log.error("question log: %s (%s: %s). Readers still get answers; recording pauses "
                      "for %.0f s and this is logged once until it works again.",
                      what, type(exc).__name__, exc, self.cool_down)
        else:
            log.debug("question log still failing: %s (%s)", what, exc)

    def _recovered(self) -> None:
        if self._failing:
            self._failing = False
            log.warning("question log: recording works again (%s)", self.path)

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None


# -- reading, for the curator's commands --------------------------------------------------------

def open_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection to the log; raises `StorageError` saying why it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise StorageError(f"no question log at {path}: nothing has been recorded yet "
                           "(or DATABASE_PATH / DATA_DIR points elsewhere)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               check_same_thread=False)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        raise StorageError(f"cannot read the question log {path}: {exc}") from exc
    if version != SCHEMA_VERSION:
        conn.close()
        raise StorageError(f"the question log {path} has schema version {version}, this release "
                           f"reads {SCHEMA_VERSION}" + (
                               "; run the bot once to migrate it" if version < SCHEMA_VERSION
                               else "; upgrade the bot"))
    return conn


@dataclass(frozen=True)
class Window:
    """Which records a report covers: since `since` (unix seconds), or all when None."""

    since: int | None = None

    @classmethod
    def last_days(cls, days: int | None, now: float | None = None) -> Window:
        if days is None:
            return cls(None)
        return cls(int((time.time() if now is None else now) - days * 86400))

    def clause(self, column: str = "asked_at") -> tuple[str, tuple[int, ...]]:
        if self.since is None:
            return "1", ()
        return f"{column} >= ?", (self.since,)
