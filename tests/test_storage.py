"""The question log: what it stores, what it never stores, and that it never hurts answering."""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

import pytest

from bot.actions import Vote, parse, vote
from bot.log_queries import reading
from bot.outcomes import ChatKind, Outcome, TurnRecord
from bot.settings import Settings
from bot.storage import MIGRATIONS, SCHEMA_VERSION, QuestionLog, StorageError, migrate

PRIVATE, GROUP, INLINE, TERMINAL = ChatKind
DAY = 86400


def answered(score: float = 93.0) -> TurnRecord:
    return TurnRecord(Outcome.ANSWERED, "cost", "demo", score)


def declined(closest: str | None = "risk") -> TurnRecord:
    if closest is None:
        return TurnRecord(Outcome.DECLINED)
    return TurnRecord(Outcome.DECLINED, closest, "demo", 41.0)


class Clock:
    """A settable clock, so retention can be tested without waiting 90 days."""

    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


QUESTION_COLUMNS = "asked_at, question, outcome, entry_id, pack, score, chat_kind"


def rows(path: Path, sql: str = f"SELECT {QUESTION_COLUMNS} FROM questions ORDER BY id"
         ) -> list[tuple]:
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
    now = int(clock.now)
    with QuestionLog(db, clock=clock) as log:
        log.record("how much does it cost", answered(), PRIVATE)
        log.record("cost or risk?", TurnRecord(Outcome.AMBIGUOUS, "risk", "demo", 85.0), GROUP)
        log.record("weather in paris", declined(), INLINE)
        log.record("zzz", declined(closest=None), TERMINAL)
        log.record("hello there", TurnRecord(Outcome.SMALLTALK), PRIVATE)
    assert rows(db) == [
        (now, "how much does it cost", "answered", "cost", "demo", 93.0, PRIVATE),
        (now, "cost or risk?", "ambiguous", "risk", "demo", 85.0, "group"),
        (now, "weather in paris", "declined", "risk", "demo", 41.0, "inline"),
        (now, "zzz", "declined", None, None, None, "terminal"),
        (now, "hello there", "smalltalk", None, None, None, PRIVATE),
    ]


def test_a_safety_turn_is_recorded_with_its_outcome_and_time_only(db: Path):
    clock = Clock()
    with QuestionLog(db, clock=clock) as log:
        key = log.record("I want to end it all, call me on +44 20 7946 0958",
                         TurnRecord(Outcome.SAFETY), PRIVATE)
    assert key is not None
    assert rows(db) == [(int(clock.now), "", "safety", None, None, None, PRIVATE)]
    assert b"end it all" not in b"".join(p.read_bytes() for p in db.parent.iterdir())


def test_record_keys_are_unguessable_and_fit_the_feedback_buttons(db: Path):
    with QuestionLog(db) as log:
        keys = [log.record("q", answered(), PRIVATE) for _ in range(50)]
    assert len(set(keys)) == 50
    for key in keys:
        assert key is not None and len(key) >= 16
        assert parse(vote(key, True)) == Vote(key, True)  # survives a button round trip
    ids = [str(i) for (i,) in rows(db, "SELECT id FROM questions")]
    assert not set(keys) & set(ids)  # never the row number


def test_no_column_could_hold_who_asked(db: Path):
    with QuestionLog(db) as log:
        log.record("q", answered(), PRIVATE)
    with sqlite3.connect(db) as conn:
        tables = {name: [c[1] for c in conn.execute(f"PRAGMA table_info({name})")]
                  for (name,) in conn.execute("SELECT name FROM sqlite_master "
                                              "WHERE type = 'table'")}
    assert tables == {
        "questions": ["id", "key", "asked_at", "question", "outcome", "entry_id", "pack",
                      "score", "chat_kind"],
        "feedback": ["question_id", "helpful", "given_at"],
        "also_answered": ["question_id", "entry_id"],
    }


def test_recording_off_records_nothing_and_creates_no_file(db: Path):
    log = QuestionLog.open(Settings(database_path=db, record_questions=False))
    assert log.record("q", answered(), PRIVATE) is None
    assert log.feedback("1", True) is False
    log.close()
    assert not db.exists() and not db.parent.exists()


def test_feedback_is_one_vote_per_answer_and_a_new_vote_replaces_the_old(db: Path):
    with QuestionLog(db) as log:
        record = log.record("q", answered(), PRIVATE)
        other = log.record("q2", answered(), PRIVATE)
        assert record is not None and other is not None
        for _ in range(50):
            assert log.feedback(record, True) is True
        for _ in range(50):
            assert log.feedback(record, False) is True
        assert log.feedback(other, True) is True
    assert rows(db, "SELECT q.question, f.helpful FROM feedback f"
                    " JOIN questions q ON q.id = f.question_id ORDER BY q.id") == [
        ("q", 0), ("q2", 1)]


def test_feedback_on_a_forged_or_unknown_key_is_refused(db: Path):
    with QuestionLog(db) as log:
        record = log.record("q", answered(), PRIVATE)
        assert record is not None
        for forged in ("1", "2", record[:-1], record + "x", "", "a" * 49, "../1", "é"):
            assert log.feedback(forged, True) is False
    assert rows(db, "SELECT * FROM feedback") == []


def test_records_older_than_retention_are_purged_on_open(db: Path):
    clock = Clock()
    with QuestionLog(db, retention_days=90, clock=clock) as log:
        old = log.record("old? and older?", TurnRecord(Outcome.ANSWERED, "cost", "demo", 93.0,
                                                         also=("risk",)), PRIVATE)
        assert old is not None
        log.feedback(old, False)
        clock.now += 89 * DAY
        log.record("recent", answered(), PRIVATE)
    clock.now += 2 * DAY  # "old" is now 91 days old
    with QuestionLog(db, retention_days=90, clock=clock) as log:
        log.record("new", answered(), PRIVATE)
    assert [r[1] for r in rows(db)] == ["recent", "new"]
    assert rows(db, "SELECT * FROM feedback") == []
    assert rows(db, "SELECT * FROM also_answered") == []


def test_purge_runs_again_at_most_hourly_while_recording(db: Path):
    clock = Clock()
    with QuestionLog(db, retention_days=1, clock=clock) as log:
        log.record("first", answered(), PRIVATE)
        clock.now += DAY - 1800  # a purge is due, but "first" is not old enough yet
        log.record("second", answered(), PRIVATE)
        clock.now += 1900  # "first" is past retention, but the last purge was 1900 s ago
        log.record("third", answered(), PRIVATE)
        assert len(rows(db)) == 3
        clock.now += 3600
        log.record("fourth", answered(), PRIVATE)
    assert [r[1] for r in rows(db)] == ["second", "third", "fourth"]


def test_a_database_from_a_newer_release_is_left_alone(db: Path, caplog):
    db.parent.mkdir()
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with QuestionLog(db) as log, caplog.at_level(logging.ERROR):
        assert log.record("q", answered(), PRIVATE) is None
    assert "newer than this release" in caplog.text
    assert rows(db, "SELECT name FROM sqlite_master") == []


def test_a_database_from_the_first_release_migrates_keeping_its_rows_and_latest_votes(
        db: Path):
    db.parent.mkdir()
    with sqlite3.connect(db, isolation_level=None) as old:
        old.executescript(f"BEGIN; {MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
        old.execute("INSERT INTO questions VALUES (1, 1700000000, 'how much', 'answered',"
                    " 'cost', 'demo', 93.0, 'private')")
        old.execute("INSERT INTO questions VALUES (2, 1700000000, 'paris?', 'declined',"
                    " NULL, NULL, NULL, 'group')")
        old.executemany("INSERT INTO feedback (question_id, helpful, given_at) VALUES (?, ?, ?)",
                        [(1, 1, 1), (1, 0, 2), (2, 0, 3), (2, 1, 4)])
    old.close()
    with QuestionLog(db, clock=Clock()) as log:
        assert log.record("hello", TurnRecord(Outcome.SMALLTALK), PRIVATE) is not None
        assert log.record("", TurnRecord(Outcome.SAFETY), GROUP) is not None
        assert log.feedback("1", True) is False  # an old button's row id is not a key
    assert rows(db, "SELECT question, outcome FROM questions ORDER BY id") == [
        ("how much", "answered"), ("paris?", "declined"), ("hello", "smalltalk"),
        ("", "safety")]
    assert rows(db, "SELECT question_id, helpful FROM feedback ORDER BY question_id") == [
        (1, 0), (2, 1)]  # the latest vote on each
    keys = rows(db, "SELECT key FROM questions")
    assert len({k for (k,) in keys}) == 4 and all(k for (k,) in keys)
    assert rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert rows(db, "PRAGMA foreign_key_check") == []


def test_the_schema_accepts_every_outcome_and_chat_kind_the_bot_names(tmp_path: Path):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    for n, (outcome, kind) in enumerate((o, k) for o in Outcome for k in ChatKind):
        conn.execute("INSERT INTO questions (key, asked_at, question, outcome, chat_kind)"
                     " VALUES (?, 0, 'q', ?, ?)", (str(n), outcome.value, kind.value))
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO questions (key, asked_at, question, outcome, chat_kind)"
                     " VALUES ('x', 0, 'q', 'shrugged', 'private')")


def test_a_blank_question_is_not_recorded(db: Path):
    with QuestionLog(db) as log:
        assert log.record(" \n\t ", declined(), PRIVATE) is None
        assert log.record("real", declined(), PRIVATE) is not None
    assert [r[1] for r in rows(db)] == ["real"]


def test_reading_an_unmigrated_log_says_to_run_the_bot_once(db: Path):
    db.parent.mkdir()
    with sqlite3.connect(db, isolation_level=None) as old:
        old.executescript(f"BEGIN; {MIGRATIONS[0]}; PRAGMA user_version = 1; COMMIT;")
    old.close()
    before = db.read_bytes()
    with (pytest.raises(StorageError, match="schema version 1.*run the bot once to migrate it"),
          reading(db)):
        pass
    assert db.read_bytes() == before


def test_long_questions_are_cut_to_bound_the_database(db: Path):
    with QuestionLog(db) as log:
        log.record("x" * 5000, answered(), PRIVATE)
    assert len(rows(db)[0][1]) == 1000


# -- failure: answering must survive any database problem --------------------------------------

def test_a_locked_database_costs_a_reader_under_half_a_second(db: Path, caplog):
    with QuestionLog(db) as log:
        log.record("before", answered(), PRIVATE)
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with caplog.at_level(logging.ERROR):
                started = time.perf_counter()
                assert log.record("during", answered(), PRIVATE) is None
                assert log.record("during", answered(), PRIVATE) is None  # cooling down
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
        log.record("before", answered(), PRIVATE)
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        assert log.record("during", answered(), PRIVATE) is None
        holder.execute("ROLLBACK")
        holder.close()
        assert log.record("still cooling", answered(), PRIVATE) is None
        clock.now += 61
        with caplog.at_level(logging.WARNING):
            assert log.record("after", answered(), PRIVATE) is not None
    assert "works again" in caplog.text
    assert [r[1] for r in rows(db)] == ["before", "after"]


def test_an_uncreatable_directory_leaves_recording_off_quietly(tmp_path: Path, caplog):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the data directory should be")
    with caplog.at_level(logging.ERROR):
        log = QuestionLog.open(Settings(database_path=blocker / "questions.sqlite3"))
        assert log.record("q", answered(), PRIVATE) is None
        assert log.feedback("1", False) is False
        log.close()
    assert len(caplog.records) == 1 and "cannot open" in caplog.text


def test_a_corrupt_database_file_is_logged_once_and_not_touched(db: Path, caplog):
    db.parent.mkdir()
    garbage = bytes(range(256)) * 64
    db.write_bytes(garbage)
    with caplog.at_level(logging.ERROR):
        log = QuestionLog(db, cool_down=0)
        for _ in range(3):
            assert log.record("q", answered(), PRIVATE) is None
        log.close()
    assert len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 1
    assert db.read_bytes() == garbage


def test_a_turn_the_log_cannot_read_does_not_raise_or_pause_recording(db: Path):
    with QuestionLog(db) as log:
        assert log.record("q", object(), PRIVATE) is None  # type: ignore[arg-type]
        assert log.record("q", answered(), "carrier pigeon") is None  # type: ignore[arg-type]
        assert log.record("q", answered(), PRIVATE) is not None
    assert len(rows(db)) == 1


async def test_a_locked_or_unwritable_database_leaves_telegram_answering_intact(
        bot_api, bot_settings, tiny_knowledge, tiny_engine, tmp_path: Path, caplog):
    from dataclasses import replace

    from bot.conversation import Conversation
    from bot.telegram import build_application
    from tests.botapi import running

    locked = replace(bot_settings, record_questions=True,
                     database_path=tmp_path / "locked.sqlite3")
    QuestionLog.open(locked).close()
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    unwritable = replace(bot_settings, record_questions=True,
                         database_path=blocker / "q.sqlite3")
    holder = sqlite3.connect(locked.database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        for settings in (locked, unwritable):
            bot_api.calls.clear()
            log = QuestionLog.open(settings)
            app = build_application(settings, Conversation(tiny_knowledge, tiny_engine,
                                                           log=log))
            async with running(app, settings):
                bot_api.message(42, "What is vitamin D?")
                [answer] = await bot_api.wait_for("sendMessage")
            log.close()
            assert "<blockquote>" in answer.params["text"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "database is locked" in caplog.text and "q.sqlite3 (FileExistsError" in caplog.text
