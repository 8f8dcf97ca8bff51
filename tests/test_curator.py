"""`stats` and `suggest`: what the curator learns from the question log."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import yaml

from bot.conversation import Conversation
from bot.engine import Engine
from bot.grouping import Closest, Folder, Group, Phrasing, cluster, group_questions
from bot.knowledge import Knowledge, load_knowledge
from bot.outcomes import ChatKind, Outcome, TurnRecord
from bot.report import collect_stats, collect_suggestions, render_stats, render_suggestions, verdict
from bot.results import Match
from bot.service import open_conversation
from bot.settings import Settings
from bot.storage import QuestionLog, StorageError
from tests.conftest import SHIPPED_KNOWLEDGE_DIR

PACK = """\
title: Demo article
publisher: Demo
url: https://example.org/demo
source_text: source.txt
synonyms:
  hematopoietic stem cell transplantation: [hsct, stem cell transplant]
entries:
  - id: cost
    questions:
      - How much does HSCT cost?
      - What is the price of the treatment?
      - Is the transplant expensive?
      - Will insurance pay for it?
      - How much money do I need?
      - What are the fees?
    answer: The treatment costs about 50,000 dollars.
  - id: risk
    questions:
      - Is HSCT dangerous?
      - What are the risks?
      - Can the treatment kill you?
      - Is it safe?
      - What are the side effects?
      - How risky is the procedure?
    answer: About one in a hundred patients die from the treatment.
  - id: recovery
    questions:
      - How long is recovery?
      - When can I go back to work?
      - How many weeks in hospital?
      - When will I feel better?
      - How long until I am well?
      - What is the recovery time?
    answer: Most patients leave hospital after three weeks.
"""
SOURCE = ("The treatment costs about 50,000 dollars. About one in a hundred patients die from the "
          "treatment. Most patients leave hospital after three weeks.\n")
DAY = 86400


@pytest.fixture
def knowledge(tmp_path: Path) -> Knowledge:
    pack = tmp_path / "knowledge" / "demo"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK)
    (pack / "source.txt").write_text(SOURCE)
    # No lexicon: it would join "price", "fees" and "pay" to "cost", and the scores these tests
    # place near the threshold are the pack's own.
    (tmp_path / "knowledge" / "lexicon.yaml").write_text("")
    return load_knowledge(tmp_path / "knowledge")


class FakeEngine:
    """Scores chosen by the test, so groups land near or far from the threshold on purpose."""

    threshold = 80.0

    def __init__(self, knowledge: Knowledge, scores: dict[str, tuple[str, float]]):
        self.knowledge = knowledge
        self.scores = scores  # a word in the question -> (closest entry, score)

    def rank(self, question: str, limit: int = 5) -> list[Match]:
        for word, (entry_id, score) in self.scores.items():
            if word in question.lower():
                return [Match(self.knowledge.entry(entry_id), score)][:limit]
        return [Match(self.knowledge.entry("risk"), 20.0)][:limit]


@pytest.fixture
def engine(knowledge: Knowledge) -> FakeEngine:
    return FakeEngine(knowledge, {"nhs": ("cost", 72.0), "paris": ("recovery", 31.0),
                                  "alcohol": ("risk", 40.0), "hair": ("recovery", 70.0)})


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(database_path=tmp_path / "q.sqlite3", knowledge_dir=tmp_path / "knowledge")


class Clock:
    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


def ask(log: QuestionLog, knowledge: Knowledge, engine: FakeEngine, question: str,
        times: int = 1, kind: str = "private", answer_with: str | None = None) -> list[str]:
    """Record `question` as answered with `answer_with`, or as declined."""
    if answer_with is not None:
        turn = TurnRecord(Outcome.ANSWERED, answer_with, "demo", 95.0)
    else:
        closest = engine.rank(question, 1)[0]
        turn = TurnRecord(Outcome.DECLINED, closest.entry.id, "demo", closest.score)
    keys = [log.record(question, turn, ChatKind(kind)) for _ in range(times)]
    assert None not in keys
    return [k for k in keys if k is not None]


def stats_text(settings: Settings, knowledge: Knowledge, engine: FakeEngine,
               days: int | None = None) -> str:
    return render_stats(collect_stats(settings.database, knowledge, engine, days))


def suggest_text(settings: Settings, knowledge: Knowledge, engine: FakeEngine) -> str:
    return render_suggestions(collect_suggestions(settings.database, knowledge, engine))


@pytest.fixture
def recorded(settings: Settings, knowledge: Knowledge, engine: FakeEngine) -> Settings:
    """A log with answered, declined and 👎 questions, all within the last day."""
    with QuestionLog.open(settings) as log:
        ask(log, knowledge, engine, "How much does HSCT cost?", 5, answer_with="cost")
        ask(log, knowledge, engine, "Is it safe?", 3, "group", answer_with="risk")
        unhelpful = ask(log, knowledge, engine, "Will my hair fall out?", 2, answer_with="risk")
        for record in unhelpful:
            log.feedback(record, False)
        log.feedback(unhelpful[0], False)  # a second 👎 on one answer still counts once
        ask(log, knowledge, engine, "Is HSCT available on the NHS?", 4)
        ask(log, knowledge, engine, "is hsct available on the nhs", 2, "inline")
        ask(log, knowledge, engine, "Is HSCT on the NHS available", 1)
        ask(log, knowledge, engine, "what is the weather in paris", 3)
        ask(log, knowledge, engine, "can I drink alcohol after it", 1, "terminal")
    return settings


def digest(directory: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


# -- grouping ---------------------------------------------------------------------------------

def test_cluster_puts_rewordings_together_and_unrelated_questions_apart(knowledge):
    fold = Folder(knowledge.synonyms)
    texts = ["is hsct available on the nhs", "Is a stem cell transplant available on the NHS",
             "is hsct painful", "what is the weather in paris", "the weather in Paris?"]
    groups = cluster([fold(t) for t in texts], [5, 1, 1, 2, 1])
    assert sorted(sorted(g) for g in groups) == [[0, 1], [2], [3, 4]]
    assert groups[0][0] == 0  # the most asked wording leads its group


def test_groups_merge_identical_wordings_and_keep_the_commonest_spelling(knowledge, engine):
    rows = [("Is HSCT on the NHS?", 3), ("is hsct on the nhs", 1), ("is HSCT on the NHS ?", 1)]
    (group,) = group_questions(rows, Folder(knowledge.synonyms), engine)
    assert group.count == 5 and len(group.phrasings) == 1
    assert group.representative == "Is HSCT on the NHS?"
    assert group.closest is not None and group.closest.entry == "cost"


# -- stats ------------------------------------------------------------------------------------

def test_stats_counts_outcomes_chat_kinds_and_feedback(recorded, knowledge, engine):
    stats = collect_stats(recorded.database, knowledge, engine)
    assert stats.questions == 21
    assert stats.outcomes == {"answered": 10, "ambiguous": 0, "declined": 11, "smalltalk": 0,
                              "safety": 0}
    assert stats.rate(Outcome.DECLINED) == pytest.approx(11 / 21)
    assert stats.chat_kinds == {"private": 15, "group": 3, "inline": 2, "terminal": 1}
    assert (stats.helpful, stats.unhelpful) == (0, 2)


def test_stats_count_one_vote_per_answer_the_latest(settings, knowledge, engine):
    with QuestionLog.open(settings) as log:
        (key,) = ask(log, knowledge, engine, "How much does HSCT cost?", answer_with="cost")
        for helpful in [True] * 50 + [False] * 50:
            log.feedback(key, helpful)
    stats = collect_stats(settings.database, knowledge, engine)
    assert (stats.helpful, stats.unhelpful) == (0, 1)
    assert "feedback: 0 👍, 1 👎" in render_stats(stats)


def test_stats_count_every_passage_of_a_message_answered_with_several(settings):
    with QuestionLog.open(settings) as log:
        conversation = open_conversation(SHIPPED_KNOWLEDGE_DIR, log=log)
        turn = conversation.reply("what is hsct? and is it safe for old people?",
                                  ChatKind.PRIVATE)
        assert turn.outcome is Outcome.ANSWERED
        conversation.reply("is hsct safe for older patients", ChatKind.PRIVATE)
    stats = collect_stats(settings.database, conversation.knowledge, conversation.engine)
    assert [(e.entry, e.count) for e in stats.top_entries] == [
        ("toxicity-elderly", 2), ("what-is-hsct", 1)]
    assert stats.outcomes[Outcome.ANSWERED] == 2  # turns, not passages


def test_stats_show_small_talk_and_safety_as_counts_only(settings, knowledge, engine):
    with QuestionLog.open(settings) as log:
        log.record("hello there", TurnRecord(Outcome.SMALLTALK), ChatKind.PRIVATE)
        log.record("I want to die", TurnRecord(Outcome.SAFETY), ChatKind.PRIVATE)
        ask(log, knowledge, engine, "How much does HSCT cost?", 2, answer_with="cost")
    text = stats_text(settings, knowledge, engine)
    assert "small talk         1   25.0%" in text
    assert "safety             1   25.0%" in text
    assert "die" not in text
    data = collect_stats(settings.database, knowledge, engine).to_json()
    assert data["outcomes"]["safety"] == 1 and data["rates"]["smalltalk"] == 0.25


def test_stats_ranks_most_asked_and_most_thumbed_down_entries(recorded, knowledge, engine):
    stats = collect_stats(recorded.database, knowledge, engine)
    assert [(e.entry, e.count) for e in stats.top_entries] == [("cost", 5), ("risk", 5)]
    assert [(e.entry, e.count) for e in stats.unhelpful_entries] == [("risk", 2)]
    assert stats.unhelpful_entries[0].question == "Is HSCT dangerous?"


def test_stats_groups_unanswered_questions_largest_first_with_closest_entry(recorded, knowledge,
                                                                           engine):
    groups = collect_stats(recorded.database, knowledge, engine).unanswered
    assert [(g.representative, g.count) for g in groups] == [
        ("Is HSCT available on the NHS?", 7),
        ("what is the weather in paris", 3),
        ("can I drink alcohol after it", 1),
    ]
    assert [p.text for p in groups[0].phrasings] == ["Is HSCT available on the NHS?",
                                                     "Is HSCT on the NHS available"]
    assert (groups[0].closest.entry, groups[0].closest.score) == ("cost", 72.0)


def test_stats_tells_add_a_phrasing_from_not_covered(recorded, knowledge, engine):
    text = stats_text(recorded, knowledge, engine)
    assert "“Is HSCT available on the NHS?”  — closest cost (72): add a phrasing to cost" in text
    assert "“what is the weather in paris”  — closest recovery (31): the article may not " \
           "cover this" in text
    assert "Entries with the most 👎" in text and "Most asked entries" in text


def test_stats_days_leaves_out_older_questions(settings, knowledge, engine):
    clock = Clock(1_700_000_000.0)
    with QuestionLog(settings.database, retention_days=90, clock=clock) as log:
        ask(log, knowledge, engine, "old question about the nhs", 4)
        clock.now += 10 * DAY
        ask(log, knowledge, engine, "new question", 1, answer_with="cost")
    stats = collect_stats(settings.database, knowledge, engine, days=7, now=clock.now)
    assert stats.questions == 1 and stats.unanswered == ()
    assert collect_stats(settings.database, knowledge, engine, now=clock.now).questions == 5


def test_stats_json_carries_the_same_report(recorded, knowledge, engine):
    data = collect_stats(recorded.database, knowledge, engine, days=30).to_json()
    data = json.loads(json.dumps(data, ensure_ascii=False))
    assert data["questions"] == 21 and data["days"] == 30
    assert data["rates"]["answered"] == pytest.approx(10 / 21, abs=1e-4)
    first = data["unanswered"][0]
    assert first["representative"] == "Is HSCT available on the NHS?"
    assert first["closest"] == {"entry": "cost", "question": "How much does HSCT cost?",
                                "score": 72.0, "coverage": 1.0}
    assert first["verdict"] == "add a phrasing to cost"


def test_stats_on_an_empty_log_says_so(settings, knowledge, engine):
    QuestionLog.open(settings).close()
    assert "Nothing to report yet" in stats_text(settings, knowledge, engine)


def test_stats_without_a_database_explains_where_it_looked(settings, knowledge, engine):
    with pytest.raises(StorageError, match="no question log at .*q.sqlite3"):
        stats_text(settings, knowledge, engine)
    assert not settings.database.exists()  # reading never creates the log


# -- suggest ----------------------------------------------------------------------------------

def test_suggest_proposes_near_threshold_phrasings_as_yaml_ready_to_paste(recorded, knowledge,
                                                                          engine):
    text = suggest_text(recorded, knowledge, engine)
    snippet = yaml.safe_load(text)  # comments aside, the output is the pack's own format
    assert {"id": "cost", "questions": ["Is HSCT available on the NHS?",
                                        "Is HSCT on the NHS available"]} in snippet
    assert "declined 7x; scored 72 (threshold 80)" in text


def test_suggest_moves_thumbed_down_questions_to_a_better_entry(recorded, knowledge, engine):
    suggestions = collect_suggestions(recorded.database, knowledge, engine)
    (moved,) = [p for p in suggestions.proposals if p.answered_with]
    assert (moved.entry, moved.answered_with, moved.phrasings, moved.asks) == (
        "recovery", "risk", ("Will my hair fall out?",), 2)
    assert "answered with risk, marked 👎 2x" in suggest_text(recorded, knowledge, engine)


def test_suggest_leaves_questions_far_from_every_entry_to_the_curator(recorded, knowledge,
                                                                      engine):
    suggestions = collect_suggestions(recorded.database, knowledge, engine)
    far = {g.representative for g in suggestions.not_covered}
    assert far >= {"what is the weather in paris", "can I drink alcohol after it"}
    assert not any("paris" in q for p in suggestions.proposals for q in p.phrasings)


def test_suggest_never_writes_knowledge_files(recorded, knowledge, engine):
    before = digest(recorded.knowledge_dir)
    suggest_text(recorded, knowledge, engine)
    json.dumps(collect_suggestions(recorded.database, knowledge, engine).to_json())
    assert digest(recorded.knowledge_dir) == before


def test_suggest_skips_wordings_the_pack_already_has(settings, knowledge, engine):
    with QuestionLog.open(settings) as log:
        ask(log, knowledge, engine, "What are the fees? nhs", 2)
        ask(log, knowledge, engine, "what are the fees nhs", 1)
    suggestions = collect_suggestions(settings.database, knowledge, engine)
    assert [p.phrasings for p in suggestions.proposals] == [("What are the fees? nhs",)]


def test_suggest_with_the_real_engine_shows_the_addition_would_work(settings, knowledge):
    engine = Engine.from_knowledge(knowledge, threshold=70)
    question = "what is the cost of the transplant"  # scores about 61: near, but declined
    with QuestionLog.open(settings) as log:
        conversation = Conversation(knowledge, engine, log=log)
        for _ in range(3):
            assert conversation.reply(question, ChatKind.PRIVATE).outcome is Outcome.DECLINED
    floor = engine.threshold - 15
    suggestions = collect_suggestions(settings.database, knowledge, engine)
    (proposal,) = suggestions.proposals
    assert proposal.entry == "cost" and proposal.closest_score >= floor
    assert proposal.would_answer == 3
    assert suggestions.to_json()["threshold"] == 70


def test_a_question_about_something_the_entry_never_mentions_is_not_a_new_phrasing() -> None:
    """Near the threshold but mostly uncovered ("hsct price?"): new knowledge, not a phrasing."""
    uncovered = Group(1, (Phrasing("hsct price?", 1),),
                      Closest("what-is-hsct", "What is HSCT?", 75.0, coverage=0.3))
    covered = Group(1, (Phrasing("hsct explained simply", 1),),
                    Closest("what-is-hsct", "What is HSCT?", 75.0, coverage=0.9))
    assert verdict(uncovered, threshold=80.0) == "the article may not cover this"
    assert verdict(covered, threshold=80.0) == "add a phrasing to what-is-hsct"


# -- the command line ---------------------------------------------------------------------------

def test_stats_and_suggest_commands_print_the_reports_and_json(recorded, capsys, monkeypatch):
    from bot.__main__ import main

    monkeypatch.setenv("DATABASE_PATH", str(recorded.database))
    env = ["--knowledge", str(recorded.knowledge_dir), "--env-file", "/nonexistent"]
    assert main([*env, "stats"]) == 0
    assert "Questions in everything kept: 21" in capsys.readouterr().out
    assert main([*env, "stats", "--json", "--days", "3"]) == 0
    assert json.loads(capsys.readouterr().out)["days"] == 3
    assert main([*env, "suggest"]) == 0
    assert "“what is the weather in paris”" in capsys.readouterr().out
    assert main([*env, "suggest", "--json"]) == 0
    assert "proposals" in json.loads(capsys.readouterr().out)
