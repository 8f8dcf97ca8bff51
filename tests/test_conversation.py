"""A reader's turn: safety first, then small talk, then the article — one path for all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.conversation import Conversation
from bot.knowledge import load_knowledge
from bot.outcomes import ChatKind, DeclineReason, Outcome
from bot.reload import Reloader
from bot.results import Answer, Declined
from bot.service import Parts, build_engine, build_parts, open_conversation, swap_parts
from tests.conftest import SHIPPED_KNOWLEDGE_DIR, TESTS_DIR, TINY_KNOWLEDGE_DIR, FakeLog

PRIVATE = ChatKind.PRIVATE


@pytest.fixture(scope="module")
def shipped() -> Conversation:
    return open_conversation(SHIPPED_KNOWLEDGE_DIR)


def passages(conversation: Conversation) -> list[str]:
    return [e.answer for e in conversation.engine.entries]


def shows_a_passage(conversation: Conversation, text: str) -> bool:
    return any(p in text for p in passages(conversation))


# -- safety --------------------------------------------------------------------------------------


@pytest.mark.parametrize("message", [
    "I want to end my life",
    "I have chest pain and my arm is numb",
    "everyone would be better off without me",
    "my husband collapsed and isn't breathing",
])
def test_a_crisis_message_gets_the_fixed_safety_reply_and_nothing_else(
        shipped: Conversation, message: str) -> None:
    turn = shipped.reply(message, PRIVATE)
    assert turn.outcome is Outcome.SAFETY and turn.safety
    text = turn.reply.text
    assert "112" in text and "911" in text
    assert "988" in text and "116 123" in text and "findahelpline.com" in text
    assert not shows_a_passage(shipped, text)
    assert turn.reply.buttons == ()  # nothing pulls the reader back into the article


def test_a_safety_turn_is_recorded_without_its_text() -> None:
    log = FakeLog()
    conversation = open_conversation(SHIPPED_KNOWLEDGE_DIR, log=log)
    conversation.reply("I want to kill myself", PRIVATE)
    [(question, turn, kind)] = log.records
    assert question == "" and turn.outcome is Outcome.SAFETY and kind is PRIVATE


@pytest.mark.parametrize("message", [
    "can HSCT kill you",
    "what is the risk of dying from a stem cell transplant",
    "is the chemotherapy toxic",
    "I'm dying to know if this works",
])
def test_questions_about_risk_are_not_crises(shipped: Conversation, message: str) -> None:
    assert shipped.reply(message, PRIVATE).outcome is not Outcome.SAFETY
    assert not shipped.urgent(message)


def test_inline_crisis_query_offers_only_the_safety_text(shipped: Conversation) -> None:
    found = shipped.inline("i want to die")
    assert found.safety is not None and found.answers == ()
    assert "988" in found.safety.text


# -- small talk ----------------------------------------------------------------------------------


@pytest.mark.parametrize("message", ["hi", "thanks!", "who are you?", "Talk to you later",
                                     "Where do you come from?", "are you a real person"])
def test_everyday_chat_gets_the_bots_own_words_never_a_passage(
        shipped: Conversation, message: str) -> None:
    turn = shipped.reply(message, PRIVATE)
    assert turn.outcome is Outcome.SMALLTALK, turn.reply.text
    assert not shows_a_passage(shipped, turn.reply.text)
    assert "<blockquote>" not in turn.reply.html
    assert all(s.url not in turn.reply.text for s in shipped.sources)


@pytest.mark.parametrize("message", ["thanks @hsct_info_bot", "hello @HSCT_MS_bot",
                                     "@hsct_info_bot hi"])
def test_a_username_in_the_message_is_not_read_as_part_of_the_question(
        shipped: Conversation, message: str) -> None:
    turn = shipped.reply(message, PRIVATE)
    assert turn.outcome is Outcome.SMALLTALK, turn.reply.text
    assert not shows_a_passage(shipped, turn.reply.text)


def test_a_greeting_offers_example_questions_and_thanks_does_not(
        shipped: Conversation) -> None:
    assert 2 <= len(shipped.reply("hello there", PRIVATE).reply.buttons) <= 3
    assert shipped.reply("thank you so much", PRIVATE).reply.buttons == ()


def test_an_article_answer_wins_over_small_talk_in_the_same_message(
        shipped: Conversation) -> None:
    turn = shipped.reply("Hi! Is HSCT safe for elderly patients?", PRIVATE)
    assert turn.outcome is Outcome.ANSWERED
    assert isinstance(turn.result, Answer) and turn.result.entry.id == "toxicity-elderly"


@pytest.mark.parametrize("message", [
    "Thanks! And how much does HSCT cost?", "hey quick question, what does autologous mean",
    # asked indirectly, as a formal writer asks
    "Good morning. I would like to know whether stem cell transplantation is available in the UK.",
    "Hi! I was wondering if HSCT is covered by insurance",
    "Good evening. My husband has had MS for 20 years. I was wondering if HSCT costs a lot.",
])
def test_a_question_the_article_does_not_answer_is_not_lost_in_small_talk(
        shipped: Conversation, message: str) -> None:
    turn = shipped.reply(message, PRIVATE)
    assert turn.outcome is Outcome.DECLINED
    assert isinstance(turn.result, Declined) and turn.result.suggestions


@pytest.mark.parametrize("message", ["hey, my wife has PPMS, could she have hsct",
                                     "thanks, my neuro said the same, is that right",
                                     "I was wondering if you have to be under a certain age "
                                     "for this"])
def test_a_question_after_small_talk_and_a_story_gets_the_engines_reply(
        shipped: Conversation, message: str) -> None:
    """The question comes after the story in the same sentence: the reader learns what the
    article says or that it does not say, never only a greeting or who the bot is."""
    assert shipped.reply(message, PRIVATE).outcome in (Outcome.ANSWERED, Outcome.DECLINED)


@pytest.mark.parametrize("message", ["thanks, and you?", "hi there, bot", "ok thanks a lot",
                                     "Good afternoon. I wonder if you could help me."])
def test_small_talk_with_a_remark_but_no_question_stays_small_talk(
        shipped: Conversation, message: str) -> None:
    assert shipped.reply(message, PRIVATE).outcome is Outcome.SMALLTALK


@pytest.mark.parametrize("message", ["こんにちは、HSCTの後に再発することはありますか？",
                                     "Takk! Hvor lenge er man på sykehus?",
                                     "Привет, бот, сколько длится восстановление после ТГСК?",
                                     "你好，HSCT 治疗多发性硬化的成功率是多少？",
                                     # unmarked, opening as a question does in its language
                                     "Salve, vorrei sapere quanto dura il ricovero per il "
                                     "trapianto", "Hola, cuánto cuesta el trasplante",
                                     "Bonjour, combien de temps dure l'hospitalisation",
                                     "Hallo, wie lange dauert die Behandlung"])
def test_a_question_the_engine_cannot_read_is_declined_not_greeted(
        shipped: Conversation, message: str) -> None:
    """A greeting or thanks before a question in a language the engine does not read: the
    reader is told it was not understood (and the curator sees it), not greeted back."""
    turn = shipped.reply(message, PRIVATE)
    assert turn.outcome is Outcome.DECLINED


@pytest.mark.parametrize("message", ["hi! 你好吗？", "hi, anyone?", "thanks!! 😊?",
                                     "Ciao, come stai", "Guten Morgen, wie geht es dir"])
def test_small_talk_with_a_short_question_the_engine_cannot_read_stays_small_talk(
        shipped: Conversation, message: str) -> None:
    assert shipped.reply(message, PRIVATE).outcome is Outcome.SMALLTALK


# -- the article, its declines and the reader's own case ----------------------------------------


@pytest.mark.parametrize("message", ["can stem cells help MS?", "does HSCT work?",
                                     "does it cure MS?", "what is this article about?"])
def test_the_headline_question_gets_the_articles_own_answer(
        shipped: Conversation, message: str) -> None:
    turn = shipped.reply(message, PRIVATE)
    assert turn.outcome is Outcome.ANSWERED, turn.reply.text
    assert shows_a_passage(shipped, turn.reply.text)


@pytest.mark.parametrize(("message", "reason", "says"), [
    ("is ibuprofen safe", DeclineReason.OFF_TOPIC, "only answer questions about this article"),
    ("is aspirin safe for elderly people", DeclineReason.OFF_TOPIC, "only answer questions"),
    ("how much does HSCT cost?", DeclineReason.NOT_IN_ARTICLE, "does not say"),
    ("asdkjh qwpoeiru", DeclineReason.NOT_UNDERSTOOD, "didn't catch"),
    ("65", DeclineReason.NOT_UNDERSTOOD, "didn't catch"),
    ("🤷", DeclineReason.NOT_UNDERSTOOD, "didn't catch"),
])
def test_each_kind_of_decline_says_why(shipped: Conversation, message: str,
                                       reason: DeclineReason, says: str) -> None:
    turn = shipped.reply(message, PRIVATE)
    assert isinstance(turn.result, Declined), turn.reply.text
    assert turn.result.reason is reason
    assert says in turn.reply.text and not shows_a_passage(shipped, turn.reply.text)
    assert turn.reply.buttons  # the nearest questions it can answer


@pytest.mark.parametrize("message", ["should I get HSCT?", "I have MS, am I a candidate?",
                                     "should I stop my medication?"])
def test_the_readers_own_case_gets_a_passage_and_the_doctor_reminder(
        shipped: Conversation, message: str) -> None:
    turn = shipped.reply(message, PRIVATE)
    assert turn.outcome is Outcome.ANSWERED, turn.reply.text
    assert "doctor" in turn.reply.text.split("”")[-1].casefold()  # the line under the quote
    assert not any(w in turn.reply.text.split("”")[-1].split() for w in ("Yes", "No", "yes,"))


# -- choices, votes and reloads ------------------------------------------------------------------


def test_a_picked_question_is_answered_by_its_entry_and_recorded() -> None:
    log = FakeLog()
    conversation = open_conversation(SHIPPED_KNOWLEDGE_DIR, log=log)
    turn = conversation.pick("toxicity-elderly", ChatKind.GROUP)
    assert isinstance(turn.result, Answer) and turn.result.entry.id == "toxicity-elderly"
    assert turn.key is not None and any(
        b.action.endswith(turn.key) for row in turn.reply.buttons for b in row)
    assert conversation.vote(turn.key, helpful=False)
    assert log.votes == [(turn.key, False)]


def test_a_button_for_a_question_that_is_gone_gets_a_polite_reply(
        shipped: Conversation) -> None:
    turn = shipped.pick("no-such-entry", PRIVATE)
    assert "/topics" in turn.reply.text and turn.result is None


def test_swapped_knowledge_is_served_from_the_next_turn() -> None:
    conversation = open_conversation(SHIPPED_KNOWLEDGE_DIR)
    tiny = load_knowledge(TINY_KNOWLEDGE_DIR)
    conversation.swap(tiny, build_engine(tiny))
    turn = conversation.reply("Which foods contain vitamin D?", PRIVATE)
    assert isinstance(turn.result, Answer) and turn.result.entry.id == "food-sources"
    assert conversation.pick("toxicity-elderly", PRIVATE).result is None


def test_no_everyday_chat_message_is_answered_with_a_passage(shipped: Conversation) -> None:
    rows = [line.split("\t", 1) for line in
            (TESTS_DIR / "data" / "smalltalk.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    answered = [message for _, message in rows
                if shipped.reply(message, PRIVATE).outcome is Outcome.ANSWERED]
    assert len(rows) >= 200
    assert answered == []


def reloading(folder: Path, *shipped: str) -> tuple[Conversation, Reloader[Parts]]:
    """A conversation over a copy of the tiny pack (and of the named shipped files beside it),
    with the reloader a running bot would have."""
    shutil.copytree(TINY_KNOWLEDGE_DIR / "tiny", folder / "tiny")
    for name in shipped:
        shutil.copy(SHIPPED_KNOWLEDGE_DIR / name, folder / name)
    conversation = open_conversation(folder)
    return conversation, Reloader(folder, build_parts(folder), swap_parts(conversation))


def test_a_reload_serves_an_edited_pack_and_keeps_serving_through_a_broken_edit(
        tmp_path, caplog) -> None:
    folder = tmp_path / "knowledge"
    conversation, reloader = reloading(folder)
    pack = folder / "tiny" / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        "What is vitamin D?", "What exactly is this vitamin D thing?"), encoding="utf-8")
    assert reloader.check_now()
    assert conversation.engine.entries[0].question == "What exactly is this vitamin D thing?"
    (folder / "smalltalk.yaml").write_text("intents: [oops", encoding="utf-8")
    assert not reloader.check_now()  # a broken small-talk file: the previous version serves
    assert conversation.reply("hello", PRIVATE).outcome is Outcome.SMALLTALK
    assert "smalltalk.yaml" in caplog.text


def test_a_reload_serves_an_edited_safety_rule(tmp_path) -> None:
    """The screen's compiled patterns outlive a reload; an edited rule must not."""
    folder = tmp_path / "knowledge"
    conversation, reloader = reloading(folder, "safety.yaml", "safety_model.npz")
    message = "the zorblax alarm is going off in the ward"
    assert conversation.reply(message, PRIVATE).outcome is not Outcome.SAFETY
    safety = folder / "safety.yaml"
    safety.write_text(safety.read_text(encoding="utf-8").replace("\nrules:\n", (
        "\nrules:\n  - id: zorblax\n    kind: emergency\n    patterns: ['\\bzorblax alarm\\b']\n"
    ), 1), encoding="utf-8")
    assert reloader.check_now()
    assert conversation.reply(message, PRIVATE).outcome is Outcome.SAFETY
    assert conversation.reply("what is vitamin d", PRIVATE).outcome is not Outcome.SAFETY


def test_a_pack_edit_reloads_without_reading_the_safety_screen_again(tmp_path) -> None:
    """Reading the screen (hundreds of rules compiled, a model loaded) is most of what a reload
    would cost; a curator's edit to a pack must not pay it again."""
    folder = tmp_path / "knowledge"
    conversation, reloader = reloading(folder, "safety.yaml", "safety_model.npz",
                                       "smalltalk.yaml")
    screen, smalltalk = conversation.safety, conversation.smalltalk
    pack = folder / "tiny" / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace(
        "What is vitamin D?", "What exactly is this vitamin D thing?"), encoding="utf-8")
    assert reloader.check_now()
    assert conversation.engine.entries[0].question == "What exactly is this vitamin D thing?"
    assert conversation.safety is screen and conversation.smalltalk is smalltalk
