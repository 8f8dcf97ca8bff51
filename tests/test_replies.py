"""Engine result -> reply: the quoted passage, its source, buttons, and Telegram's limits."""

from __future__ import annotations

import html
import re

import pytest

from bot.engine import Engine
from bot.knowledge import Entry, Knowledge, Source, load_knowledge
from bot.replies import (
    MAX_MESSAGE,
    Reply,
    answer_reply,
    declined_reply,
    reply_for,
    topics_reply,
)
from bot.results import Ambiguous, Answer, Declined, Match
from tests.conftest import SHIPPED_KNOWLEDGE_DIR

MAX_CALLBACK_BYTES = 64
BLOCKQUOTE = re.compile(r"<blockquote>(.*?)</blockquote>", re.S)
TAG = re.compile(r"</?[a-z][^>]*>")


@pytest.fixture(scope="module")
def shipped_engine() -> Engine:
    return Engine.from_knowledge(load_knowledge(SHIPPED_KNOWLEDGE_DIR))


def quote_of(reply: Reply) -> str:
    [body] = BLOCKQUOTE.findall(reply.html)
    return body


def visible(markup: str) -> str:
    """What Telegram shows (and counts against its limit) once the HTML is parsed."""
    return html.unescape(TAG.sub("", markup))


def actions(reply: Reply) -> list[str]:
    return [b.action for row in reply.buttons for b in row]


def answer_of(entry: Entry, engine: Engine, question: str,
              feedback_key: str | None = None) -> Reply:
    """The reply to `entry` answered for `question`, with the engine's related questions."""
    answer = Answer(question, Match(entry, 100.0), related=engine.related(entry))
    return answer_reply(answer, feedback_key)


def big_entry(sentence: str, source: Source, entry_id: str = "big") -> Entry:
    return Entry(entry_id, "p", ("tell me everything about the sun",) * 6,
                 (sentence * 600).strip(), source)


# -- answers -------------------------------------------------------------------------------------


def test_answer_quotes_the_passage_html_escaped_in_a_blockquote(tiny_knowledge: Knowledge,
                                                                tiny_engine: Engine) -> None:
    entry = tiny_knowledge.entry("blood-test")  # "... levels < 25 nmol/L count as deficient."
    reply = answer_of(entry, tiny_engine, entry.question)
    body = quote_of(reply)
    assert body.replace("<b>", "").replace("</b>", "") == html.escape(entry.answer)
    assert "&lt; 25" in body
    assert entry.answer in reply.text


def test_answer_of_several_sentences_emphasises_exactly_one(tiny_knowledge: Knowledge,
                                                            tiny_engine: Engine) -> None:
    entry = tiny_knowledge.entry("what-is-vitamin-d")  # two sentences
    reply = answer_of(entry, tiny_engine, "does vitamin d help absorb calcium")
    body = quote_of(reply)
    assert body.count("<b>") == 1 and body.count("</b>") == 1
    assert re.search(r"<b>It helps the body absorb calcium from food\.</b>", body)
    assert reply.html.count("<b>") == 1  # nothing else is bold


def test_emphasis_follows_the_question(tiny_knowledge: Knowledge, tiny_engine: Engine) -> None:
    entry = tiny_knowledge.entry("what-is-vitamin-d")
    reply = answer_of(entry, tiny_engine, "is vitamin d made when skin sees sunlight")
    assert "<b>Vitamin D is a nutrient the body makes" in quote_of(reply)


def test_answer_of_one_sentence_has_no_emphasis(tiny_knowledge: Knowledge,
                                                tiny_engine: Engine) -> None:
    entry = tiny_knowledge.entry("food-sources")
    assert "<b>" not in answer_of(entry, tiny_engine, entry.question).html


def test_answer_names_the_source_with_a_link_and_the_citation(tiny_knowledge: Knowledge,
                                                              tiny_engine: Engine) -> None:
    entry = tiny_knowledge.entry("food-sources")
    reply = answer_of(entry, tiny_engine, entry.question)
    source = entry.source
    assert (f'<a href="{html.escape(source.url)}">{html.escape(source.title)}</a>'
            in reply.html)
    assert "&amp;b=2" in reply.html and "&lt;the study&gt;" in reply.html
    assert html.escape(source.publisher) in reply.html
    assert (f'<a href="{html.escape(source.citation_url)}">{html.escape(source.citation)}</a>'
            in reply.html)
    assert source.url in reply.text and source.citation in reply.text


def test_answer_offers_related_questions_and_feedback(tiny_knowledge: Knowledge,
                                                      tiny_engine: Engine) -> None:
    entry = tiny_knowledge.entry("food-sources")
    reply = answer_of(entry, tiny_engine, entry.question, feedback_key="17")
    acts = actions(reply)
    assert acts[-2:] == ["fb:up:17", "fb:down:17"]
    related = [a for a in acts if a.startswith("a:")]
    assert related == [f"a:{e.id}" for e in tiny_engine.related(entry)]
    assert f"a:{entry.id}" not in related


def test_huge_passage_is_shortened_to_fit_one_message_keeping_the_source() -> None:
    source = Source("Sun", "Test News", "https://example.org/sun", "Doe J. Sun. 2024",
                    "https://example.org/study")
    entry = big_entry("The sun makes vitamin D in the skin. ", source)
    other = Entry("other", "p", ("what about the moon",) * 6, "The moon does not.", source)
    engine = Engine([entry, other])
    reply = answer_of(entry, engine, "does the sun make vitamin d", feedback_key="123456")
    assert len(reply.html) <= MAX_MESSAGE
    assert len(reply.text) <= MAX_MESSAGE
    assert quote_of(reply).endswith("…")
    assert source.url in reply.html and "Doe J. Sun. 2024" in reply.html


def test_huge_passage_full_of_html_characters_fits_once_parsed() -> None:
    source = Source("R&D <news>", "A&B", "https://example.org/?a=1&b=2")
    entry = big_entry("R&D at AT&T <really> works & helps. ", source)
    other = Entry("other", "p", ("what about the moon",) * 6, "The moon does not.", source)
    reply = answer_of(entry, Engine([entry, other]), "does r&d help")
    # Telegram counts the 4,096 characters after parsing entities; see the report for the
    # raw HTML length, which escaping makes longer.
    assert len(visible(reply.html)) <= MAX_MESSAGE
    assert quote_of(reply).count("<b>") <= 1


def test_several_questions_get_each_passage_under_its_question_and_the_source_once(
        shipped_engine: Engine) -> None:
    answer = shipped_engine.ask("what is hsct? and is it safe for old people?")
    assert isinstance(answer, Answer) and answer.also
    reply = answer_reply(answer)
    shown = (answer, *answer.also)
    assert [visible(q) for q in BLOCKQUOTE.findall(reply.html)] == [a.entry.answer for a in shown]
    for a in shown:
        assert f"<b>{html.escape(a.entry.question)}</b>\n<blockquote>" in reply.html
        assert a.entry.question in reply.text and a.entry.answer in reply.text
    assert reply.text.count("Source: ") == 1 and reply.html.count(answer.entry.source.url) == 1
    assert not {e.id for e in answer.related} & {a.entry.id for a in shown}


def test_several_huge_passages_still_fit_one_message() -> None:
    source = Source("Sun", "Test News", "https://example.org/sun")
    sun = big_entry("The sun makes vitamin D in the skin. ", source)
    moon = big_entry("The moon pulls the tides twice a day. ", source, "moon")
    answer = Answer("sun? moon?", Match(sun, 90.0),
                    also=(Answer("does the moon pull tides", Match(moon, 80.0)),))
    reply = answer_reply(answer, feedback_key="123456")
    assert len(visible(reply.html)) <= MAX_MESSAGE and len(reply.text) <= MAX_MESSAGE
    assert all(q.endswith("…") for q in BLOCKQUOTE.findall(reply.html))


# -- declines and choices ------------------------------------------------------------------------


def test_declined_reply_quotes_no_passage_and_offers_suggestions(
        shipped_engine: Engine) -> None:
    result = shipped_engine.ask("how much does it cost")
    assert isinstance(result, Declined)
    reply = reply_for(result)
    for entry in shipped_engine.entries:
        assert entry.answer not in reply.text
        assert html.escape(entry.answer) not in reply.html
    assert "<blockquote>" not in reply.html
    assert actions(reply) == [f"a:{e.id}" for e in result.suggestions]
    assert 1 <= len(reply.buttons) <= 3
    for entry in result.suggestions:
        assert shipped_engine.entry(entry.id) is entry
        assert entry.question in reply.text


def test_ambiguous_reply_offers_each_candidate(tiny_knowledge: Knowledge,
                                               tiny_engine: Engine) -> None:
    a, b = tiny_knowledge.entry("winter"), tiny_knowledge.entry("sunscreen")
    result = Ambiguous("sun?", (Match(a, 50.0), Match(b, 49.5)))
    reply = reply_for(result)
    assert actions(reply) == ["a:winter", "a:sunscreen"]
    assert a.answer not in reply.text and b.answer not in reply.text


def test_reply_for_renders_an_answer_with_its_passage(tiny_knowledge: Knowledge,
                                                      tiny_engine: Engine) -> None:
    entry = tiny_knowledge.entry("winter")
    reply = reply_for(Answer("winter?", Match(entry, 80.0)), "k1")
    assert entry.answer in visible(reply.html)
    assert "fb:up:k1" in actions(reply)


def test_reply_for_rejects_what_is_not_an_engine_result(tiny_engine: Engine) -> None:
    with pytest.raises(TypeError):
        reply_for("an answer")  # type: ignore[arg-type]


# -- Telegram's button limit ---------------------------------------------------------------------


def test_every_button_payload_fits_telegrams_64_bytes(shipped_engine: Engine) -> None:
    replies: list[Reply] = []
    for entry in shipped_engine.entries:
        replies.append(answer_of(entry, shipped_engine, entry.question,
                                    feedback_key="9" * 20))
    replies.append(reply_for(shipped_engine.ask("how much does it cost")))
    candidates = tuple(Match(e, 50.0) for e in shipped_engine.entries[:3])
    replies.append(reply_for(Ambiguous("?", candidates)))
    pages = -(-len(shipped_engine.entries) // 8)
    replies.extend(topics_reply(shipped_engine.entries, page) for page in range(pages))
    payloads = [a for reply in replies for a in actions(reply)]
    assert payloads
    assert [a for a in payloads if len(a.encode("utf-8")) > MAX_CALLBACK_BYTES] == []


def test_longest_allowed_entry_id_still_fits_a_button() -> None:
    source = Source("T", "P", "https://example.org")
    long_id = "x" * 48  # the longest id bot.knowledge accepts
    entry = Entry(long_id, "p", ("what is x",) * 6, "X is x.", source)
    result = Declined("?", (entry,))
    [[button]] = declined_reply(result).buttons
    assert len(button.action.encode("utf-8")) <= MAX_CALLBACK_BYTES
