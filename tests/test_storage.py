"""The question log: what it stores, what it never stores, and that it never hurts answering."""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

import pytest

from bot.engine import Ambiguous, Answer, Declined, Match
from bot.knowledge import Entry, Source
from bot.settings import Settings
from bot.storage import SCHEMA_VERSION, QuestionLog

SOURCE = Source("An article", "A publisher", "https://example.org/article")
COST = Entry("cost", "demo", ("How much does it cost?",) * 6, "It costs a lot.", SOURCE)
RISK = Entry("risk", "demo", ("Is it risky?",) * 6, "It has risks.", SOURCE)
DAY = 86400


def answered(question: str = "how much does it cost", score: float = 93.0) -> Answer:
    return Answer(question, Match(COST, score))


def declined(question: str = "weather in paris", closest: Entry | None = RISK) -> Declined:
    return Declined(question, (COST,), Match(closest, 41.0) if closest else None)


class Clock:
    """A settable clock, so retention can be tested without waiting 90 days."""

    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def rows(path: Path, sql: str = "SELECT * FROM questions ORDER BY id") -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "questions.sqlite3"


def test_database_is_created_on_first_use_in_wal_mode_with_a_schema_version(db: Path):
    log = QuestionLog.open(Settings(database_path=db))
    try:
        assert db.is_file()
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        log.close()


def test_default_database_lives_in_the_data_directory_outside_the_package(tmp_path: Path):
    settings = Settings(data_dir=tmp_path / "d")
    assert settings.database == tmp_path / "d" / "questions.sqlite3"
    assert "bot" not in Settings().database.parts[-2:]


def test_each_outcome_is_stored_with_entry_score_and_chat_kind(db: Path):
    clock = Clock()
    with QuestionLog(db, clock=clock) as log:
        a = log.record("how much does it cost", answered(), "private")
        b = log.record("cost or risk?", Ambiguous("cost or risk?",
                                                  (Match(RISK, 85.0), Match(COST, 84.0))),
                       "group")
        c = log.record("weather in paris", declined(), "inline")
        d = log.record("zzz", declined("zzz", closest=None), "terminal")
    assert [a, b, c, d] == [1, 2, 3, 4]
    assert rows(db) == [
        (1, int(clock.now), "how much does it cost", "answered", "cost", "demo", 93.0, "private"),
        (2, int(clock.now), "cost or risk?", "ambiguous", "risk", "demo", 85.0, "group"),
        (3, int(clock.now), "weather in paris", "declined", "risk", "demo", 41.0, "inline"),
        (4, int(clock.now), "zzz", "declined", None, None, None, "terminal"),
    ]


def test_no_column_could_hold_who_asked(db: Path):
    with QuestionLog(db) as log:
        log.record("q", answered(), "private")
    with sqlite3.connect(db) as conn:
        tables = {name: [c[1] for c in conn.execute(f"PRAGMA table_info({name})")]
                  for (name,) in conn.execute("SELECT name FROM sqlite_master "
                                              "WHERE type = 'table'")}
    assert tables == {
        "questions": ["id", "asked_at", "question", "outcome", "entry_id", "pack", "score",
                      "chat_kind"],
        "feedback": ["id", "question_id", "helpful", "given_at"],
    }


def test_recording_off_records_nothing_and_creates_no_file(db: Path):
    log = QuestionLog.open(Settings(database_path=db, recording=False))
    assert log.record("q", answered(), "private") is None
    assert log.feedback(1, True) is False
    log.close()
    assert not db.exists() and not db.parent.exists()


def test_feedback_is_tied_to_the_question_record(db: Path):
    with QuestionLog(db) as log:
        record = log.record("q", answered(), "private")
        assert record is not None
        assert log.feedback(record, False) is True
        assert log.feedback(record, True) is True
        assert log.feedback(9999, True) is False  # purged or never recorded
    assert rows(db, "SELECT question_id, helpful FROM feedback ORDER BY id") == [(1, 0), (1, 1)]


def test_records_older_than_retention_are_purged_on_open(db: Path):
    clock = Clock()
    with QuestionLog(db, retention_days=90, clock=clock) as log:
        old = log.record("old", answered(), "private")
        assert old is not None
        log.feedback(old, False)
        clock.now += 89 * DAY
        log.record("recent", answered(), "private")
    clock.now += 2 * DAY  # "old" is now 91 days old
    with QuestionLog(db, retention_days=90, clock=clock) as log:
        log.record("new", answered(), "private")
    assert [r[2] for r in rows(db)] == ["recent", "new"]
    assert rows(db, "SELECT * FROM feedback") == []


def test_purge_runs_again_at_most_hourly_while_recording(db: Path):
    clock = Clock()
    with QuestionLog(db, retention_days=1, clock=clock) as log:
        log.record("first", answered(), "private")
        clock.now += DAY - 1800  # a purge is due, but "first" is not old enough yet
        log.record("second", answered(), "private")
        clock.now += 1900  # "first" is past retention, but the last purge was 1900 s ago
        log.record("third", answered(), "private")
        assert len(rows(db)) == 3
        clock.now += 3600
        log.record("fourth", answered(), "private")
    assert [r[2] for r in rows(db)] == ["second", "third", "fourth"]


def test_a_database_from_a_newer_release_is_left_alone(db: Path, caplog):
    db.parent.mkdir()
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with QuestionLog(db) as log, caplog.at_level(logging.ERROR):
        assert log.record("q", answered(), "private") is None
    assert "newer than this release" in caplog.text
    assert rows(db, "SELECT name FROM sqlite_master") == []


def test_long_questions_are_cut_to_bound_the_database(db: Path):
    with QuestionLog(db) as log:
        log.record("x" * 5000, answered(), "private")
    assert len(rows(db)[0][2]) == 1000


# -- failure: answering must survive any database problem --------------------------------------

def test_a_locked_database_costs_a_reader_under_half_a_second(db: Path, caplog):
    with QuestionLog(db) as log:
        log.record("before", answered(), "private")
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with caplog.at_level(logging.ERROR):
                started = time.perf_counter()
                assert log.record("during", answered(), "private") is None
                assert log.record("during", answered(), "private") is None  # cooling down
                elapsed = time.perf_counter() - started
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    assert elapsed < 0.5
    assert [r.levelname for r in caplog.records] == ["ERROR"]  # logged once, clearly
    assert "Readers still get answers" in caplog.text


def test_recording_resumes_after_the_cool_down_and_says_so(db: Path, caplog):
    clock = Clock()
    with QuestionLog(db, cool_down=60, clock=clock) as log:
        log.record("before", answered(), "private")
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        assert log.record("during", answered(), "private") is None
        holder.execute("ROLLBACK")
        holder.close()
        assert log.record("still cooling", answered(), "private") is None
        clock.now += 61
        with caplog.at_level(logging.WARNING):
            assert log.record("after", answered(), "private") is not None
    assert "works again" in caplog.text
    assert [r[2] for r in rows(db)] == ["before", "after"]


def test_an_uncreatable_directory_leaves_recording_off_quietly(tmp_path: Path, caplog):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the data directory should be")
    with caplog.at_level(logging.ERROR):
        log = QuestionLog.open(Settings(database_path=blocker / "questions.sqlite3"))
        assert log.record("q", answered(), "private") is None
        assert log.feedback(1, False) is False
        log.close()
    assert len(caplog.records) == 1 and "cannot open" in caplog.text


def test_a_corrupt_database_file_is_logged_once_and_not_touched(db: Path, caplog):
    db.parent.mkdir()
    garbage = bytes(range(256)) * 64
    db.write_bytes(garbage)
    with caplog.at_level(logging.ERROR):
        log = QuestionLog(db, cool_down=0)
        for _ in range(3):
            assert log.record("q", answered(), "private") is None
        log.close()
    assert len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 1
    assert db.read_bytes() == garbage


def test_a_result_the_log_cannot_read_does_not_raise(db: Path):
    with QuestionLog(db) as log:
        assert log.record("q", object(), "private") is None
        assert log.record("q", answered(), "carrier pigeon") is None
        assert log.record("q", answered(), "private") == 1


async def test_a_locked_or_unwritable_database_leaves_telegram_answering_intact(
        bot_api, bot_settings, tiny_knowledge, tiny_engine, tmp_path: Path, caplog):
    from dataclasses import replace

    from bot.telegram import build_application
    from tests.botapi import running

    locked = replace(bot_settings, recording=True, database_path=tmp_path / "locked.sqlite3")
    QuestionLog.open(locked).close()
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    unwritable = replace(bot_settings, recording=True, database_path=blocker / "q.sqlite3")
    holder = sqlite3.connect(locked.database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        for settings in (locked, unwritable):
            bot_api.calls.clear()
            log = QuestionLog.open(settings)
            app = build_application(settings, tiny_knowledge, tiny_engine, log)
            async with running(app, settings):
                bot_api.message(42, "What is vitamin D?")
                [answer] = await bot_api.wait_for("sendMessage")
            log.close()
            assert "<blockquote>" in answer.params["text"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "database is locked" in caplog.text and "q.sqlite3 (FileExistsError" in caplog.text
