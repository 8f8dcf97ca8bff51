"""The question log: what readers asked and how the bot fared, for the pack's curator. This
module writes it (schema, migrations, `QuestionLog`); the curator's reports read it through
`bot.log_queries`, kept apart because writing runs beside every reader's turn and must never
fail them, while reading runs only from the curator's commands and must say why it failed.

Readers' questions are health questions, so the log holds no user id, chat id, name or
username — not even hashed: a row is the question text (scrubbed of other people's names,
addresses and numbers, see `bot.scrub`), the time, the outcome, the entry and score, and the
kind of chat. 👍/👎 feedback is one vote per answer, tied to the question row by an unguessable
key, never to a person. Rows older than the retention setting are purged on open and then
hourly.

Recording must never slow or break answering: the connection has a short busy timeout, and any
database failure (missing, locked, full, corrupt) is logged once, then recording pauses for a
cool-down while readers keep getting their answers.
"""

from __future__ import annotations

import contextlib
import logging
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.outcomes import ChatKind, Outcome, TurnRecord
from bot.scrub import scrub
from bot.settings import Settings

log = logging.getLogger(__name__)

MAX_QUESTION = 1000  # characters kept of a question; Telegram allows 4,096
BUSY_TIMEOUT_MS = 50  # a locked database costs a reader at most this long
COOL_DOWN_SECONDS = 60.0  # after a failure, recording pauses this long before retrying
PURGE_EVERY_SECONDS = 3600.0
Statement = tuple[str, tuple[object, ...]]  # SQL and its parameters
KEY = re.compile(r"[A-Za-z0-9_-]{1,48}")  # what bot.actions accepts in a button's data

# Schema migrations, applied in order; PRAGMA user_version holds how many have run.
# Append new steps; never edit a released one. SQLite cannot alter a CHECK constraint, so a
# step that changes one rebuilds the table (foreign keys are off while steps run).
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
    # 2: small-talk and safety outcomes; an unguessable key per row (buttons carry it, not the
    # row id); one vote per answer, the latest kept.
    """
    CREATE TABLE questions_2 (
        id        INTEGER PRIMARY KEY,
        key       TEXT    NOT NULL UNIQUE,     -- random; 👍/👎 buttons carry it
        asked_at  INTEGER NOT NULL,            -- unix seconds, UTC
        question  TEXT    NOT NULL,            -- empty for a safety turn
        outcome   TEXT    NOT NULL CHECK (outcome IN
                  ('answered', 'ambiguous', 'declined', 'smalltalk', 'safety')),
        entry_id  TEXT,                        -- answered / best candidate / closest entry
        pack      TEXT,
        score     REAL,
        chat_kind TEXT    NOT NULL
                  CHECK (chat_kind IN ('private', 'group', 'inline', 'terminal'))
    );
    INSERT INTO questions_2
        SELECT id, lower(hex(randomblob(12))), asked_at, question, outcome, entry_id, pack,
               score, chat_kind FROM questions;
    CREATE TABLE feedback_2 (
        question_id INTEGER PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
        helpful     INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        given_at    INTEGER NOT NULL
    );
    INSERT INTO feedback_2
        SELECT question_id, helpful, given_at FROM feedback f
        WHERE id = (SELECT max(id) FROM feedback WHERE question_id = f.question_id);
    DROP TABLE feedback;
    DROP TABLE questions;
    ALTER TABLE questions_2 RENAME TO questions;
    ALTER TABLE feedback_2 RENAME TO feedback;
    CREATE INDEX questions_asked_at ON questions (asked_at);
    """,
    # 3: the further entries one message was answered with ("what is hsct? and who is it for?"),
    # so curators' counts of what readers asked include them.
    """
    CREATE TABLE also_answered (
        question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        entry_id    TEXT    NOT NULL,
        PRIMARY KEY (question_id, entry_id)
    ) WITHOUT ROWID;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StorageError(Exception):
    """The question log cannot be read (curator commands, via `bot.log_queries`); the message
    says why."""


def migrate(conn: sqlite3.Connection) -> None:
    """Bring a database to `SCHEMA_VERSION` and turn foreign keys on; refuses one written by a
    newer release. Each step runs under the write lock after re-reading the version, so two
    processes starting at once never run a step twice."""
    if _version(conn) != SCHEMA_VERSION:
        conn.execute("PRAGMA foreign_keys = OFF")  # a rebuilt table would cascade-delete votes
        while _migrate_step(conn):
            pass
    conn.execute("PRAGMA foreign_keys = ON")


def _version(conn: sqlite3.Connection) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"schema version {version} is newer than this release understands "
            f"({SCHEMA_VERSION}); upgrade the bot")
    return version


def _migrate_step(conn: sqlite3.Connection) -> bool:
    """Run the next migration, all or nothing; False when there is none left."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        number = _version(conn)
        if number < SCHEMA_VERSION:
            statement = ""
            for line in MIGRATIONS[number].splitlines(keepends=True):
                statement += line
                if sqlite3.complete_statement(statement):
                    conn.execute(statement)
                    statement = ""
            conn.execute(f"PRAGMA user_version = {number + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return number < SCHEMA_VERSION


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
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
        if not settings.record_questions:
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
        """Log one question; returns the unguessable key its 👍/👎 buttons carry, or None if
        nothing was recorded (also for a blank question).

        The text is scrubbed of `redact` (names of people the message mentions), @mentions,
        e-mail addresses and phone numbers. A safety turn keeps no text, whatever is passed.
        """
        if self.path is None:
            return None
        try:
            outcome, kind = Outcome(turn.outcome), ChatKind(chat_kind)
        except (AttributeError, ValueError) as exc:  # a caller's bug, not the database's
            log.error("question log: not recording a malformed turn (%s)", exc)
            return None
        text = "" if outcome is Outcome.SAFETY else scrub(question.strip()[:MAX_QUESTION],
                                                          redact)
        if not text and outcome is not Outcome.SAFETY:
            return None  # nothing was asked: nothing for a curator to read
        key = secrets.token_urlsafe(12)  # 16 characters, 96 random bits
        stored = self._write(
            "record a question",
            ("INSERT INTO questions (key, asked_at, question, outcome, entry_id, pack, score,"
             " chat_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
             (key, int(self._clock()), text, outcome.value, turn.entry_id, turn.pack, turn.score,
              kind.value)),
            *(("INSERT OR IGNORE INTO also_answered (question_id, entry_id)"
               " SELECT id, ? FROM questions WHERE key = ?", (entry_id, key))
              for entry_id in turn.also))
        return key if stored else None

    def feedback(self, key: str, helpful: bool) -> bool:
        """👍 (True) or 👎 (False) on a recorded answer, replacing any earlier vote on it;
        False for a key never issued (or purged since)."""
        if self.path is None or not isinstance(key, str) or not KEY.fullmatch(key):
            return False
        return self._write(
            "record feedback",
            ("INSERT INTO feedback (question_id, helpful, given_at)"
             " SELECT id, ?, ? FROM questions WHERE key = ?"
             " ON CONFLICT (question_id) DO UPDATE"
             " SET helpful = excluded.helpful, given_at = excluded.given_at",
             (int(bool(helpful)), int(self._clock()), key)))

    def close(self) -> None:
        with self._lock:
            self._drop()

    def __enter__(self) -> QuestionLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, what: str, first: Statement, *rest: Statement) -> bool:
        """One write of one or more statements, all or nothing, purging first when due; True if
        the first changed a row."""
        with self._lock:
            conn = self._connection()
            if conn is None:
                return False
            try:
                self._purge_if_due(conn)
                conn.execute("BEGIN IMMEDIATE")
                try:
                    changed = conn.execute(*first).rowcount == 1
                    for statement in rest:
                        conn.execute(*statement)
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                self._failed(f"cannot {what}", exc)
                return False
            self._recovered()
            return changed

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

    def _purge(self, conn: sqlite3.Connection) -> None:
        cutoff = int(self._clock()) - self.retention_days * 86400
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("DELETE FROM feedback WHERE question_id IN"
                         " (SELECT id FROM questions WHERE asked_at < ?)", (cutoff,))
            conn.execute("DELETE FROM questions WHERE asked_at < ?", (cutoff,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self._next_purge = self._clock() + PURGE_EVERY_SECONDS

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
