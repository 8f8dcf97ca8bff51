"""A reader in a private chat: questions, buttons, commands and odd messages."""

from __future__ import annotations

import html
import re

import pytest

from bot.engine import Engine
from bot.knowledge import load_knowledge
from bot.outcomes import DeclineReason
from bot.results import Ambiguous, Declined, Result
from bot.settings import Settings
from bot.telegram import COMMANDS
from tests.botapi import BotAPI, running, texts
from tests.conftest import SHIPPED_KNOWLEDGE_DIR, FakeLog, PhrasingEngine, make_app

READER = 42


class ScriptedEngine(PhrasingEngine):
    """The test engine, except for questions whose result a test fixes in advance."""

    script: dict[str, Result] = {}

    def ask(self, question: str) -> Result:
        return self.script.get(question) or super().ask(question)


def visible(text: str) -> str:
    """What the reader sees of an HTML message: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


async def test_question_is_answered_with_verbatim_passage_emphasis_and_source(
        bot_api: BotAPI, telegram_app, bot_settings, tiny_engine) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [call] = await bot_api.wait_for("sendMessage")
    p = call.params
    entry = tiny_engine.entry("what-is-vitamin-d")
    assert p["chat_id"] == READER and p["parse_mode"] == "HTML"
    assert entry.answer in visible(p["text"]).replace("\n", " ")
    assert "<b>" in p["text"]  # the best sentence is emphasised
    assert 'href="https://example.org/vitamin-d?a=1&amp;b=2"' in p["text"]
    assert "Sunshine &amp; Vitamin D: what &lt;the study&gt; found" in p["text"]
    assert "Test Health News" in p["text"] and "Doe J et al." in p["text"]
    assert "&lt;and&gt;" in p["text"]  # knowledge text is escaped too
    assert len(p["text"]) <= 4096


async def test_answer_has_up_to_three_related_questions_and_feedback_buttons(
        bot_api: BotAPI, bot_settings, tiny_knowledge, tiny_engine) -> None:
    app = make_app(bot_settings, tiny_knowledge, tiny_engine, FakeLog())
    async with running(app, bot_settings):
        bot_api.message(READER, "Which foods contain vitamin D?")
        [call] = await bot_api.wait_for("sendMessage")
    data = call.callback_data
    related = [d for d in data if d.startswith("a:")]
    assert 1 <= len(related) <= 3 and "a:food-sources" not in related
    assert call.markup[-1][0]["callback_data"].startswith("fb:up:")
    assert call.markup[-1][1]["callback_data"].startswith("fb:down:")
    assert all(len(d.encode()) <= 64 for d in data)


async def test_pressing_a_related_question_answers_it(bot_api: BotAPI, telegram_app,
                                                     bot_settings, tiny_engine) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.press(READER, "a:sunscreen")
        [answer] = await bot_api.wait_for("sendMessage")
        [ack] = await bot_api.wait_for("answerCallbackQuery")
    assert tiny_engine.entry("sunscreen").answer in visible(answer.params["text"]).replace(
        "\n", " ")
    assert ack.params["callback_query_id"].startswith("cq")


async def test_feedback_is_acknowledged_and_kept_in_the_question_log(
        bot_api: BotAPI, bot_settings, tiny_knowledge, tiny_engine) -> None:
    log = FakeLog()
    app = make_app(bot_settings, tiny_knowledge, tiny_engine, log)
    async with running(app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [answer] = await bot_api.wait_for("sendMessage")
        up = next(d for d in answer.callback_data if d.startswith("fb:up:"))
        bot_api.press(READER, up)
        [ack] = await bot_api.wait_for("answerCallbackQuery")
    assert "Thanks" in ack.params["text"]
    assert log.votes == [(up.split(":", 2)[2], True)]


async def test_without_a_question_log_answers_carry_no_feedback_buttons(
        bot_api: BotAPI, telegram_app, bot_settings) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "What is vitamin D?")
        [answer] = await bot_api.wait_for("sendMessage")
    assert "<blockquote>" in answer.params["text"]
    assert not any(d.startswith("fb:") for d in answer.callback_data)


async def test_ambiguous_question_offers_did_you_mean_buttons(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    engine = ScriptedEngine.from_knowledge(tiny_knowledge)
    a, b = tiny_engine.rank("What is vitamin D?", limit=2)
    engine.script = {"vitamin d?": Ambiguous("vitamin d?", (a, b))}
    app = make_app(bot_settings, tiny_knowledge, engine)
    async with running(app, bot_settings):
        bot_api.message(READER, "vitamin d?")
        [call] = await bot_api.wait_for("sendMessage")
    assert "Did you mean" in call.params["text"]
    assert call.callback_data == [f"a:{a.entry.id}", f"a:{b.entry.id}"]


async def test_unanswerable_question_is_declined_honestly_with_suggestions(
        bot_api: BotAPI, bot_settings: Settings, tiny_knowledge, tiny_engine) -> None:
    engine = ScriptedEngine.from_knowledge(tiny_knowledge)
    question = "Who won the football last night?"
    engine.script = {question: Declined(question, tiny_engine.entries[:3],
                                        reason=DeclineReason.OFF_TOPIC)}
    app = make_app(bot_settings, tiny_knowledge, engine)
    async with running(app, bot_settings):
        bot_api.message(READER, question)
        [call] = await bot_api.wait_for("sendMessage")
    text = call.params["text"]
    assert "only answer questions about this article" in text and "/topics" in text
    assert "<blockquote>" not in text  # no passage to fill the silence
    assert call.callback_data == [f"a:{e.id}" for e in tiny_engine.entries[:3]]


@pytest.mark.parametrize("question", [
    "   ", "x" * 4096, "😀😀😀", "ما هو فيتامين د؟", "<b>bold</b> & <script>alert(1)</script>",
    "*bold* _it_ [link](http://x) `code`", "\u200f\u200e", "Vitamin D " * 409,
])
async def test_odd_questions_are_answered_or_declined_never_an_error(
        bot_api: BotAPI, telegram_app, bot_settings, question: str) -> None:
    async with running(telegram_app, bot_settings) as handled:
        bot_api.message(READER, question)
        [call] = await bot_api.wait_for("sendMessage")
        await handled.wait(1)
    assert call.params["parse_mode"] == "HTML" and len(call.params["text"]) <= 4096
    assert "<script>" not in call.params["text"]
    assert "went wrong" not in call.params["text"]


async def test_non_text_messages_get_a_friendly_note(bot_api: BotAPI, telegram_app,
                                                     bot_settings) -> None:
    kinds = [
        {"sticker": {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1,
                     "height": 1, "is_animated": False, "is_video": False}},
        {"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]},
        {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 1}},
        {"document": {"file_id": "d", "file_unique_id": "d"}},
        {"location": {"latitude": 51.5, "longitude": 0.1}},
    ]
    async with running(telegram_app, bot_settings):
        for extra in kinds:
            bot_api.message(READER, **extra)
        bot_api.edited(READER, "What is vitamin D??")
        calls = await bot_api.wait_for("sendMessage", len(kinds) + 1)
    notes = texts(calls)
    assert sum("only read text" in t for t in notes) == len(kinds)
    assert sum("corrected question again" in t for t in notes) == 1


async def test_commands_are_registered_at_startup(bot_api: BotAPI, telegram_app,
                                                  bot_settings) -> None:
    async with running(telegram_app, bot_settings):
        [call] = await bot_api.wait_for("setMyCommands")
    assert [c["command"] for c in call.params["commands"]] == [c.command for c in COMMANDS]
    assert {"start", "help", "topics", "source", "privacy", "ask"} == {
        c["command"] for c in call.params["commands"]}


async def test_start_says_what_it_knows_where_from_and_not_medical_advice(
        bot_api: BotAPI, telegram_app, bot_settings) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "/start")
        [call] = await bot_api.wait_for("sendMessage")
    text = call.params["text"]
    assert "10 questions" in text and "Test Health News" in text
    assert "not medical advice" in text and "doctor" in text
    assert all(d.startswith("a:") for d in call.callback_data)


async def test_start_deep_link_answers_that_entry(bot_api: BotAPI, telegram_app,
                                                  bot_settings, tiny_engine) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "/start babies")
        [call] = await bot_api.wait_for("sendMessage")
    assert tiny_engine.entry("babies").answer in visible(call.params["text"]).replace("\n", " ")


async def test_help_source_privacy_and_ask(bot_api: BotAPI, telegram_app, bot_settings,
                                           tiny_engine) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "/help")
        [help_] = await bot_api.wait_for("sendMessage")
        bot_api.message(READER, "/source")
        source = (await bot_api.wait_for("sendMessage", 2))[1]
        bot_api.message(READER, "/privacy")
        privacy = (await bot_api.wait_for("sendMessage", 3))[2]
        bot_api.message(READER, "/ask Does sunscreen block vitamin D?")
        ask = (await bot_api.wait_for("sendMessage", 4))[3]
        bot_api.message(READER, "/ask")
        usage = (await bot_api.wait_for("sendMessage", 5))[4]
    assert "/topics" in help_.params["text"] and "@article_test_bot" in help_.params["text"]
    assert 'href="https://example.org/study"' in source.params["text"]
    assert "keep no questions" in privacy.params["text"]  # recording is off in these tests
    assert "user id" in privacy.params["text"]
    assert tiny_engine.entry("sunscreen").answer in visible(ask.params["text"]).replace(
        "\n", " ")
    assert "/ask " in usage.params["text"]


async def test_topics_lists_every_question_in_pages(bot_api: BotAPI, telegram_app,
                                                    bot_settings, tiny_engine) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.message(READER, "/topics")
        [first] = await bot_api.wait_for("sendMessage")
        assert first.callback_data[-1] == "t:1"
        bot_api.press(READER, "t:1")
        [second] = await bot_api.wait_for("editMessageText")
    shown = [d for d in first.callback_data + second.callback_data if d.startswith("a:")]
    assert shown == [f"a:{e.id}" for e in tiny_engine.entries]
    assert "page 2 of 2" in second.params["text"] and second.callback_data[-1] == "t:0"


async def test_shipped_pack_answers_its_own_first_question(bot_api: BotAPI,
                                                           bot_settings: Settings) -> None:
    if not (SHIPPED_KNOWLEDGE_DIR / "hsct-ms" / "pack.yaml").is_file():
        pytest.skip("the shipped pack is not written yet")
    knowledge = load_knowledge(SHIPPED_KNOWLEDGE_DIR)
    engine = Engine.from_knowledge(knowledge)
    entry = engine.entries[0]
    app = make_app(bot_settings, knowledge, engine)
    async with running(app, bot_settings):
        bot_api.message(READER, f"/start {entry.id}")
        bot_api.message(READER, "/start")
        calls = await bot_api.wait_for("sendMessage", 2)
    answer = next(c for c in calls if "<blockquote>" in c.params["text"])
    assert entry.source.title in visible(answer.params["text"])
    assert all(len(c.params["text"]) <= 4096 for c in calls)


async def test_a_message_of_two_questions_gets_both_passages_in_one_reply(
        bot_api: BotAPI, bot_settings: Settings) -> None:
    knowledge = load_knowledge(SHIPPED_KNOWLEDGE_DIR)
    engine = Engine.from_knowledge(knowledge)
    app = make_app(bot_settings, knowledge, engine)
    async with running(app, bot_settings):
        bot_api.message(READER, "what is hsct? and is it safe for old people?")
        [call] = await bot_api.wait_for("sendMessage")
    shown = visible(call.params["text"])
    for entry_id in ("what-is-hsct", "toxicity-elderly"):
        entry = engine.entry(entry_id)
        assert entry is not None and entry.question in shown and entry.answer in shown
    assert call.params["text"].count("<blockquote>") == 2
