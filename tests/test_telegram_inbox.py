"""The inbox journal: what is accepted survives a crash, what is answered leaves no trace."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.inbox import MAX_REPLAYS, Inbox


def test_accepted_updates_survive_a_reopen_until_answered(tmp_path: Path) -> None:
    path = tmp_path / "inbox.sqlite3"
    inbox = Inbox.open(path)
    assert inbox.add([(1, '{"a": 1}'), (2, '{"b": 2}')]) == [(1, '{"a": 1}'), (2, '{"b": 2}')]
    inbox.done(1)
    inbox.close()  # as good as a crash: nothing is held in memory
    again = Inbox.open(path)
    assert again.replay() == [(2, '{"b": 2}')]
    assert again.last_id() == 2


def test_a_resent_update_is_recognised_even_after_it_was_answered(tmp_path: Path) -> None:
    inbox = Inbox.open(tmp_path / "inbox.sqlite3")
    inbox.add([(5, "{}")])
    inbox.done(5)
    assert inbox.add([(5, "{}"), (6, "{}")]) == [(6, "{}")]


def test_an_answered_update_keeps_no_content(tmp_path: Path) -> None:
    path = tmp_path / "inbox.sqlite3"
    inbox = Inbox.open(path)
    inbox.add([(7, '{"text": "my private question"}')])
    inbox.done(7)
    inbox.close()
    assert b"my private question" not in b"".join(p.read_bytes() for p in tmp_path.iterdir())
    rows = sqlite3.connect(path).execute("SELECT body FROM inbox").fetchall()
    assert rows == [(None,)]


def test_an_update_that_keeps_failing_is_dropped_after_a_few_starts(tmp_path: Path) -> None:
    path = tmp_path / "inbox.sqlite3"
    Inbox.open(path).add([(9, "{}")])
    replays = [Inbox.open(path).replay() for _ in range(MAX_REPLAYS + 1)]
    assert replays == [[(9, "{}")]] * MAX_REPLAYS + [[]]


def test_an_unusable_path_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    inbox = Inbox.open(blocker / "inbox.sqlite3")
    assert inbox.where == ":memory:"
    assert inbox.add([(1, "{}")]) == [(1, "{}")]
