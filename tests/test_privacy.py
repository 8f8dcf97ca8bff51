"""The privacy rule: after a Telegram end-to-end run, nothing in the database says who asked.

Readers with known ids, usernames and names ask in a private chat, a group and inline, and vote
👎; then every value of every column, and the raw bytes of the database and its WAL, are
searched for those identifiers, plain or hashed.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

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


def identifiers() -> list[str]:
    """Every identifier of the stand-in's readers and chats, as text."""
    plain = [str(ALICE["id"]), str(BOB["id"]), str(GROUP_ID), str(-GROUP_ID), GROUP_TITLE]
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
    settings = replace(bot_settings, recording=True, database_path=tmp_path / "q.sqlite3")
    log = QuestionLog.open(settings)
    app = build_application(settings, tiny_knowledge, tiny_engine, log)
    private = {"id": ALICE["id"], "type": "private", "first_name": ALICE["first_name"],
               "last_name": ALICE["last_name"], "username": ALICE["username"]}
    group = {"id": GROUP_ID, "type": "supergroup", "title": GROUP_TITLE}
    handle = "@article_test_bot"
    async with running(app, settings) as handled:
        message(bot_api, ALICE, "What is vitamin D?", private)
        [answer] = await bot_api.wait_for("sendMessage")
        message(bot_api, ALICE, "Is the weather nice on Mars today?", private)
        message(bot_api, BOB, f"{handle} Which foods contain vitamin D?", group,
                [{"type": "mention", "offset": 0, "length": len(handle)}])
        await bot_api.wait_for("sendMessage", 3)
        bot_api.feed("inline_query", {"id": "iq-1", "from": BOB, "query": "vitamin d babies",
                                      "offset": ""})
        bot_api.feed("chosen_inline_result", {"result_id": "babies", "from": BOB,
                                              "query": "vitamin d for babies"})
        down = next(d for d in answer.callback_data if d.startswith("fb:down:"))
        bot_api.feed("callback_query", {
            "id": "cq-1", "from": ALICE, "chat_instance": "ci", "data": down,
            "message": {**bot_api.bot_message(ALICE["id"], "earlier answer"), "chat": private}})
        await handled.wait(6)
    log.close()

    with sqlite3.connect(settings.database) as conn:
        kinds = [k for (k,) in conn.execute("SELECT chat_kind FROM questions ORDER BY id")]
        votes = conn.execute("SELECT count(*) FROM feedback WHERE helpful = 0").fetchone()[0]
        values: list[Any] = []
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            for row in conn.execute(f"SELECT * FROM {table}"):
                values.extend(row)
    assert kinds == ["private", "private", "group", "inline"] and votes == 1  # the run happened

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
