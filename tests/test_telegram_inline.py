"""Inline mode: `@bot question` in any chat lists matching questions; choosing one posts it."""
from __future__ import annotations

from tests.botapi import BotAPI, running
from tests.conftest import FakeLog, make_app

READER = 42


async def test_inline_query_lists_best_matching_questions_with_answers_and_source(
        bot_api: BotAPI, telegram_app, bot_settings, tiny_engine) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.inline(READER, "does sunscreen block vitamin d")
        [call] = await bot_api.wait_for("answerInlineQuery")
    results = call.params["results"]
    assert results[0]["id"] == "sunscreen"
    assert results[0]["title"] == tiny_engine.entry("sunscreen").question
    content = results[0]["input_message_content"]
    assert content["parse_mode"] == "HTML" and "dermatologists" in content["message_text"]
    assert 'href="https://example.org/vitamin-d?a=1&amp;b=2"' in content["message_text"]
    assert results[0]["reply_markup"]["inline_keyboard"][0][0]["url"].startswith("https://")
    assert len({r["id"] for r in results}) == len(results) <= 8
    assert call.params["cache_time"] <= 60


async def test_empty_inline_query_lists_topics(bot_api: BotAPI, telegram_app, bot_settings,
                                               tiny_engine) -> None:
    async with running(telegram_app, bot_settings):
        bot_api.inline(READER, "")
        [call] = await bot_api.wait_for("answerInlineQuery")
    assert [r["id"] for r in call.params["results"]] == [e.id for e in tiny_engine.entries]
    assert call.params.get("next_offset", "") == ""


async def test_odd_inline_queries_still_get_an_answer(bot_api: BotAPI, telegram_app,
                                                      bot_settings) -> None:
    async with running(telegram_app, bot_settings):
        for query in ["😀", "<b>x</b>", "ما هو", "y" * 256]:
            bot_api.inline(READER, query)
        calls = await bot_api.wait_for("answerInlineQuery", 4)
    assert all(c.params["results"] for c in calls)


async def test_chosen_inline_result_is_logged_as_inline(bot_api: BotAPI, bot_settings,
                                                        tiny_knowledge, tiny_engine) -> None:
    log = FakeLog()
    app = make_app(bot_settings, tiny_knowledge, tiny_engine, log)
    async with running(app, bot_settings) as handled:
        bot_api.chosen_inline(READER, "babies", "vitamin d for babies")
        await handled.wait(1)
    [(question, turn, kind)] = log.records
    assert (question, turn.entry_id, kind) == ("vitamin d for babies", "babies", "inline")
