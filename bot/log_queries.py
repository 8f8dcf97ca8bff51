"""Read-only queries on the question log, for the curator's reports (`bot.report`).

Kept apart from `bot.storage`, which writes the log while readers are being answered: these run
only from the curator's commands, on a read-only connection that never creates, migrates or
purges the log, and they refuse a log of another schema version rather than guess at its
columns. The tables they read are defined by `bot.storage.MIGRATIONS`.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.outcomes import ChatKind, Outcome
from bot.storage import SCHEMA_VERSION, StorageError


@contextlib.contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the log, closed afterwards; raises `StorageError` saying why
    the log cannot be read (any database error while reading included)."""
    path = Path(path)
    if not path.is_file():
        raise StorageError(f"no question log at {path}: nothing has been recorded yet "
                           "(or DATABASE_PATH / DATA_DIR points elsewhere)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise StorageError(f"cannot read the question log {path}: {exc}") from exc
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            advice = ("run the bot once to migrate it" if version < SCHEMA_VERSION
                      else "upgrade the bot")
            raise StorageError(f"the question log {path} has schema version {version}, this "
                               f"release reads {SCHEMA_VERSION}; {advice}")
        yield conn
    except sqlite3.Error as exc:
        raise StorageError(f"cannot read the question log {path}: {exc}") from exc
    finally:
        conn.close()


@dataclass(frozen=True)
class Window:
    """Which records a report covers: since `since` (unix seconds), or all when None."""

    since: int | None = None

    @classmethod
    def last_days(cls, days: int | None, now: float | None = None) -> Window:
        if days is None:
            return cls(None)
        return cls(int((time.time() if now is None else now) - days * 86400))

    def clause(self, column: str = "q.asked_at") -> tuple[str, tuple[int, ...]]:
        if self.since is None:
            return "1", ()
        return f"{column} >= ?", (self.since,)


@dataclass(frozen=True)
class EntryVotes:
    entry_id: str | None
    down: int
    up: int


def outcome_counts(conn: sqlite3.Connection, window: Window) -> dict[Outcome, int]:
    """Turns per outcome, every outcome present (0 when none)."""
    where, args = window.clause()
    found = dict(conn.execute(f"SELECT outcome, count(*) FROM questions q WHERE {where}"
                              " GROUP BY outcome", args).fetchall())
    return {o: int(found.get(o.value, 0)) for o in Outcome}


def chat_kind_counts(conn: sqlite3.Connection, window: Window) -> dict[ChatKind, int]:
    """Turns per kind of chat, only the kinds that occur."""
    where, args = window.clause()
    return {ChatKind(k): int(n) for k, n in conn.execute(
        f"SELECT chat_kind, count(*) FROM questions q WHERE {where} GROUP BY chat_kind",
        args)}


def top_entries(conn: sqlite3.Connection, window: Window, limit: int) -> list[tuple[str, int]]:
    """The entries answered most often, with how often, counting each passage of a message
    answered with several."""
    where, args = window.clause()
    return [(e, int(n)) for e, n in conn.execute(
        "SELECT entry_id, count(*) AS n FROM ("
        f" SELECT entry_id FROM questions q WHERE {where} AND outcome = ? AND entry_id IS NOT NULL"
        " UNION ALL SELECT a.entry_id FROM also_answered a JOIN questions q ON q.id = a.question_id"
        f" WHERE {where}) GROUP BY entry_id ORDER BY n DESC, entry_id LIMIT ?",
        (*args, Outcome.ANSWERED.value, *args, limit))]


def entry_votes(conn: sqlite3.Connection, window: Window) -> list[EntryVotes]:
    """👎 and 👍 per entry voted on, most 👎 first."""
    where, args = window.clause()
    return [EntryVotes(e, int(d or 0), int(u or 0)) for e, d, u in conn.execute(
        "SELECT q.entry_id, sum(f.helpful = 0) AS down, sum(f.helpful = 1) FROM feedback f"
        f" JOIN questions q ON q.id = f.question_id WHERE {where}"
        " GROUP BY q.entry_id ORDER BY down DESC, q.entry_id", args)]


def declined_questions(conn: sqlite3.Connection,
                       window: Window = Window()) -> list[tuple[str, int]]:
    """Each distinct declined question with how often it was asked."""
    where, args = window.clause()
    return [(q, int(n)) for q, n in conn.execute(
        f"SELECT question, count(*) FROM questions q WHERE {where} AND outcome = ?"
        " GROUP BY question", (*args, Outcome.DECLINED.value))]


def unhelpful_answers(conn: sqlite3.Connection) -> dict[str, list[tuple[str, int]]]:
    """Answered questions with more 👎 than 👍, by the entry that answered them: question and
    👎 count."""
    out: dict[str, list[tuple[str, int]]] = {}
    for entry_id, question, down, _ in conn.execute(
            "SELECT q.entry_id, q.question, sum(f.helpful = 0) AS down, sum(f.helpful = 1) AS up"
            " FROM feedback f JOIN questions q ON q.id = f.question_id"
            " WHERE q.outcome = ? AND q.entry_id IS NOT NULL"
            " GROUP BY q.entry_id, q.question HAVING down > up", (Outcome.ANSWERED.value,)):
        out.setdefault(entry_id, []).append((question, int(down)))
    return out
