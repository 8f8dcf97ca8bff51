"""The privacy rule: nothing in the question log says who asked, or who else they named.

End to end: readers with known ids, usernames and names ask in a private chat, a group and
inline (one naming a friend by @username, e-mail address and phone number), and vote 👎; then
every value of every column, and the raw bytes of the database and its WAL, are searched for
those identifiers, plain or hashed. Below that, the scrubbing of question text on its own.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.conversation import Conversation
from bot.outcomes import ChatKind, Outcome, TurnRecord
from bot.scrub import scrub
from bot.settings import Settings
from bot.storage import QuestionLog
from bot.telegram import build_application
from tests.botapi import BotAPI, running

ALICE = {"id": 987_654_321, "is_bot": False, "first_name": "Alicianna",
         "last_name": "Quillfeather", "username": "alice_private_reader", "language_code": "en"}
BOB = {"id": 5_550_001_117, "is_bot": False, "first_name": "Robertino",
       "last_name": "Zzyzxmorgan", "username": "bob_group_reader", "language_code": "en"}
GROUP_ID = -1_009_876_543_210
GROUP_TITLE = "Vitamin D Fans Of Thistlewick"
FRIEND = ["@carolyn_thirdparty", "carolyn.t@example.org", "+44 20 7946 0958", "7946 0958"]


def identifiers() -> list[str]:
    """Every identifier of the stand-in's readers and chats, as text."""
    plain = [str(ALICE["id"]), str(BOB["id"]), str(GROUP_ID), str(-GROUP_ID), GROUP_TITLE,
             *FRIEND]
    for user in (ALICE, BOB):
        plain += [user["username"], "@" + user["username"], user["first_name"],
                  user["last_name"]]
    return plain


def hashed(values: list[str]) -> list[str]:
    out = []
    for value in values:
        for name in ("md5", "sha1", "sha256", "sha512", "blake2b"):
            out.append(hashlib.new(name, value.encode()).hexdigest())
    return out


def message(api: BotAPI, user: dict[str, Any], text: str, chat: dict[str, Any],
            entities: list[dict[str, Any]] | None = None) -> None:
    payload = api.message_payload(user["id"], text, chat_id=chat["id"], chat_type=chat["type"],
                                  entities=entities)
    payload["from"], payload["chat"] = user, chat
    api.feed("message", payload)


async def test_no_identifier_of_the_readers_appears_anywhere_in_the_database(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine,
        tmp_path: Path) -> None:
    settings = replace(bot_settings, record_questions=True, database_path=tmp_path / "q.sqlite3")
    log = QuestionLog.open(settings)
    app = build_application(settings, Conversation(tiny_knowledge, tiny_engine, log=log))
    private = {"id": ALICE["id"], "type": "private", "first_name": ALICE["first_name"],
               "last_name": ALICE["last_name"], "username": ALICE["username"]}
    group = {"id": GROUP_ID, "type": "supergroup", "title": GROUP_TITLE}
    handle = "@article_test_bot"
    async with running(app, settings) as handled:
        message(bot_api, ALICE, "What is vitamin D?", private)
        [answer] = await bot_api.wait_for("sendMessage")
        message(bot_api, ALICE, "Is the weather nice on Mars today?", private)
        message(bot_api, ALICE, "My friend @carolyn_thirdparty (carolyn.t@example.org, "
                "+44 20 7946 0958) asks: is vitamin D safe?", private)
        message(bot_api, BOB, f"{handle} Which foods contain vitamin D?", group,
                [{"type": "mention", "offset": 0, "length": len(handle)}])
        await bot_api.wait_for("sendMessage", 4)
        bot_api.feed("inline_query", {"id": "iq-1", "from": BOB, "query": "vitamin d babies",
                                      "offset": ""})
        bot_api.feed("chosen_inline_result", {"result_id": "babies", "from": BOB,
                                              "query": "vitamin d for babies"})
        down = next(d for d in answer.callback_data if d.startswith("fb:down:"))
        bot_api.feed("callback_query", {
            "id": "cq-1", "from": ALICE, "chat_instance": "ci", "data": down,
            "message": {**bot_api.bot_message(ALICE["id"], "earlier answer"), "chat": private}})
        await handled.wait(7)
    log.close()

    with sqlite3.connect(settings.database) as conn:
        kinds = [k for (k,) in conn.execute("SELECT chat_kind FROM questions ORDER BY id")]
        votes = conn.execute("SELECT count(*) FROM feedback WHERE helpful = 0").fetchone()[0]
        values: list[Any] = []
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in conn.execute(f"SELECT * FROM {table}"):
                values.extend(row)
    # the run happened
    assert kinds == ["private", "private", "private", "group", "inline"] and votes == 1

    forbidden = identifiers() + hashed(identifiers())
    ids = {ALICE["id"], BOB["id"], GROUP_ID, -GROUP_ID}
    for value in values:
        if isinstance(value, int):
            assert value not in ids
        elif isinstance(value, str):
            assert not [f for f in forbidden if f.lower() in value.lower()], value
    files = [p for p in tmp_path.iterdir() if p.name.startswith("q.sqlite3")]
    raw = b"".join(p.read_bytes() for p in files).lower()
    for value in forbidden:
        assert value.lower().encode() not in raw, value


# -- scrubbing a question's text ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("my friend @sam_jones asked about it", "my friend @… asked about it"),
    ("mail bob.smith+ms@mail.example.co.uk please", "mail [e-mail] please"),
    ("call +44 20 7946 0958 now", "call [phone] now"),
    ("+1 (555) 123-4567?", "[phone]?"),
    ("ring (555) 123-4567 or 555.123.4567", "ring [phone] or [phone]"),
    ("+7 912 345-67-89", "[phone]"),
    ("07700 900123 is my number", "[phone] is my number"),
])
def test_mentions_addresses_and_phone_numbers_are_scrubbed(text: str, expected: str) -> None:
    assert scrub(text) == expected


@pytest.mark.parametrize("text", [
    "I am 65", "is it safe at 65?", "in 2016 it cost 50,000 dollars", "at 7:12 pm",
    "the 2016-2020 trial", "1 in 100 die", "dose of 1000 iu", "10 000 000 cells",
    "3.14159265358", "is it 1-2 weeks (or 3)?", "ages 18-65, 100 patients", "call 911",
])
def test_ordinary_numbers_are_kept(text: str) -> None:
    assert scrub(text) == text


def test_names_from_text_mentions_are_scrubbed_as_whole_words_in_any_case() -> None:
    text = "Alicianna Quillfeather said the same as alicianna quillfeather and Sam"
    assert scrub(text, ["Alicianna Quillfeather", "Sam", ""]) == (
        "@… said the same as @… and @…")


def test_scrubbing_stays_fast_on_hostile_text() -> None:
    import time

    started = time.perf_counter()
    for hostile in ("1 " * 500 + "x", "1" * 1000 + "x", "@" * 1000, "a." * 500 + "@b",
                    "(1" * 500):
        scrub(hostile)
    assert time.perf_counter() - started < 0.5


def test_the_log_stores_the_scrubbed_text_and_keeps_redacted_names_out(tmp_path: Path) -> None:
    db = tmp_path / "q.sqlite3"
    with QuestionLog(db) as log:
        log.record("Does Dana Whitlock (dana@example.com, +1 555 123 4567) qualify at 65?",
                   TurnRecord(Outcome.DECLINED), ChatKind.PRIVATE, redact=["Dana Whitlock"])
    with sqlite3.connect(db) as conn:
        [(stored,)] = conn.execute("SELECT question FROM questions").fetchall()
    assert stored == "Does @… ([e-mail], [phone]) qualify at 65?"
