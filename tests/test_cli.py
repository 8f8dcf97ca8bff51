"""`python -m bot`: each command, run as a reader or a script would run it.

Every run has cwd at the project root, DATA_DIR in a temporary directory, no
TELEGRAM_BOT_TOKEN, and a settings file that does not exist (so a developer's own .env cannot
change what is tested). `bot` runs the command's `main` in this process, with its own
arguments, environment and standard streams: starting the bot in a new process loads the safety
screen again (seconds each time). `bot_process` runs `python -m bot` as a process, for what only
a process shows: the command a reader types, its exit status, its streams.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.__main__ import main, turn_json
from bot.conversation import Turn
from bot.knowledge import Knowledge, load_knowledge
from bot.outcomes import Outcome
from bot.replies import ambiguous_reply
from bot.results import Ambiguous, Match
from tests.conftest import SHIPPED_KNOWLEDGE_DIR, TESTS_DIR, TINY_KNOWLEDGE_DIR

ROOT = TESTS_DIR.parent
SETTINGS = {"TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL", "TELEGRAM_FILE_URL", "TELEGRAM_RATE_LIMIT",
            "WEBHOOK_URL", "WEBHOOK_LISTEN", "WEBHOOK_PORT", "WEBHOOK_PATH", "WEBHOOK_SECRET",
            "KNOWLEDGE_DIR", "DATA_DIR", "DATABASE_PATH", "RECORD_QUESTIONS", "RETENTION_DAYS",
            "FLOOD_MESSAGES", "FLOOD_WINDOW_SECONDS", "LOG_LEVEL", "ANSWER_CONFIDENCE"}
JSON_KEYS = {"question", "kind", "matched", "entry", "score", "answer", "source", "suggestions",
             "also", "reply"}


@pytest.fixture(scope="module")
def shipped() -> Knowledge:
    return load_knowledge(SHIPPED_KNOWLEDGE_DIR)


@pytest.fixture
def bot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`python -m bot ARGS` run through its `main` here; returns what a process would give."""

    def run(*args: str, stdin: str = "", env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
        for name in SETTINGS:
            monkeypatch.delenv(name, raising=False)
        for name, value in {"DATA_DIR": str(tmp_path / "data"), **(env or {})}.items():
            monkeypatch.setenv(name, value)
        monkeypatch.chdir(ROOT)
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        root, level = logging.getLogger(), logging.getLogger().level
        argv = ["--env-file", str(tmp_path / "no.env"), *args]
        capsys.readouterr()
        try:
            code = main(argv)
        finally:
            root.setLevel(level)
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(argv, code, out, err)

    return run


@pytest.fixture
def bot_process(tmp_path: Path):
    """Run `python -m bot ARGS` as a reader would, in a process; returns the CompletedProcess."""

    def run(*args: str, stdin: str = "", env: dict[str, str] | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess[str]:
        environ = {k: v for k, v in os.environ.items() if k not in SETTINGS}
        environ.update(DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT),
                       PYTHONIOENCODING="utf-8")
        environ.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "no.env"), *args],
            cwd=ROOT, env=environ, input=stdin, capture_output=True, text=True,
            encoding="utf-8", timeout=timeout)

    return run


def broken_knowledge(tmp_path: Path) -> Path:
    """A knowledge directory whose one pack quotes an answer the source does not hold."""
    folder = tmp_path / "broken" / "owls"
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text("Owls hunt at night.\n", encoding="utf-8")
    questions = ["When do owls hunt?", "do owls hunt at night", "are owls nocturnal",
                 "owl hunting hours", "what time do owls look for food",
                 "do owls sleep in the day"]
    pack = {"title": "Owls", "publisher": "Test", "url": "https://example.org/owls",
            "source_text": "source.txt",
            "entries": [{"id": "hunting", "questions": questions,
                         "answer": "Owls hunt at noon."}]}
    (folder / "pack.yaml").write_text(yaml.safe_dump(pack), encoding="utf-8")
    return tmp_path / "broken"


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def assert_names_the_problem(stderr: str, knowledge_dir: Path) -> None:
    assert str(knowledge_dir / "owls" / "pack.yaml") in stderr
    assert "entry 'hunting'" in stderr and "field 'answer'" in stderr
    assert "Traceback" not in stderr


# -- check ---------------------------------------------------------------------------------------


def test_check_passes_on_the_shipped_knowledge(bot, shipped: Knowledge) -> None:
    done = bot("check")
    assert done.returncode == 0, done.stderr
    for pack in shipped.packs:
        assert f"ok  {pack.name}: {len(pack.entries)} entries" in done.stdout


def test_check_fails_naming_file_entry_and_field(bot, tmp_path: Path) -> None:
    knowledge_dir = broken_knowledge(tmp_path)
    done = bot("--knowledge", str(knowledge_dir), "check")
    assert done.returncode == 1
    assert_names_the_problem(done.stderr, knowledge_dir)
    assert "1 problem(s)" in done.stderr


# -- ask -----------------------------------------------------------------------------------------


def test_ask_json_prints_one_object_per_question(bot, shipped: Knowledge) -> None:
    done = bot("ask", "--json", "is hsct safe for elderly people", "how much does it cost")
    assert done.returncode == 0, done.stderr
    answered, declined = json_lines(done.stdout)
    for obj in (answered, declined):
        assert set(obj) == JSON_KEYS

    entry = shipped.entry(answered["entry"])
    assert answered["question"] == "is hsct safe for elderly people"
    assert answered["matched"] is True and answered["entry"] == "toxicity-elderly"
    assert answered["answer"] == entry.answer  # the passage only: no link, no markup
    assert "http" not in answered["answer"] and "<" not in answered["answer"]
    assert answered["source"] == {"title": entry.source.title, "url": entry.source.url}
    assert isinstance(answered["score"], float) and answered["score"] >= 37
    assert isinstance(answered["suggestions"], list)

    questions = {e.question for e in shipped.entries}
    assert declined["matched"] is False
    assert declined["entry"] is None and declined["answer"] is None
    assert declined["source"] is None
    assert 1 <= len(declined["suggestions"]) <= 3
    assert set(declined["suggestions"]) <= questions


def test_ask_json_lists_the_other_questions_a_message_asked(bot, shipped: Knowledge) -> None:
    done = bot("ask", "--json", "what is hsct? and is it safe for old people?")
    [obj] = json_lines(done.stdout)
    [also] = obj["also"]
    assert {obj["entry"], also["entry"]} == {"what-is-hsct", "toxicity-elderly"}
    other = shipped.entry(also["entry"])
    assert other is not None and also["answer"] == other.answer and also["answer"] in obj["reply"]


def test_ambiguous_result_json_has_no_entry_and_offers_the_candidates(
        shipped: Knowledge) -> None:
    a, b = shipped.entries[:2]
    result = Ambiguous("which?", (Match(a, 50.0), Match(b, 49.6)))
    obj = turn_json("which?", Turn(ambiguous_reply(result), Outcome.AMBIGUOUS, result))
    assert set(obj) == JSON_KEYS
    assert obj["kind"] == "ambiguous" and "Did you mean" in str(obj["reply"])
    assert obj["matched"] is False and obj["entry"] is None
    assert obj["answer"] is None and obj["source"] is None
    assert obj["suggestions"] == [a.question, b.question]


def test_ask_reads_one_question_per_line_from_stdin(bot) -> None:
    stdin = "what is hsct\n\nis chemo part of hsct\nasdfgh qwerty\n"
    done = bot("ask", "--json", stdin=stdin)
    assert done.returncode == 0, done.stderr
    objs = json_lines(done.stdout)
    assert [o["question"] for o in objs] == ["what is hsct", "is chemo part of hsct",
                                             "asdfgh qwerty"]
    assert [o["entry"] for o in objs] == ["what-is-hsct", "immune-depletion", None]


def test_ask_prints_the_reply_text_by_default(bot, shipped: Knowledge) -> None:
    done = bot("ask", stdin="what is hsct\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("? what is hsct\n")
    assert shipped.entry("what-is-hsct").answer in done.stdout
    assert "<blockquote>" not in done.stdout


# -- export --------------------------------------------------------------------------------------


def test_export_lists_every_entry_as_json(bot, shipped: Knowledge) -> None:
    done = bot("export")
    assert done.returncode == 0, done.stderr
    exported = json.loads(done.stdout)
    assert isinstance(exported, list)
    assert [e["id"] for e in exported] == [e.id for e in shipped.entries]
    for item, entry in zip(exported, shipped.entries, strict=True):
        assert set(item) == {"id", "pack", "questions", "answer", "source"}
        assert item["pack"] == entry.pack
        assert item["questions"] == list(entry.questions)
        assert item["answer"] == entry.answer
        assert item["source"] == {"title": entry.source.title, "url": entry.source.url}


# -- eval ----------------------------------------------------------------------------------------


def test_eval_prints_accuracy_rejection_and_misses(bot) -> None:
    done = bot("eval", "tests/data/questions.tsv")
    assert done.returncode == 0, done.stderr
    assert re.search(r"^in scope: +\d+/\d+ answered correctly \(\d+\.\d%\)$", done.stdout,
                     re.M)
    assert re.search(r"^out of scope: +\d+/\d+ declined \(\d+\.\d%\)$", done.stdout, re.M)
    assert re.search(r"^overall: +\d+\.\d%", done.stdout, re.M)
    assert re.search(r"^ranked first: +\d+/\d+ in scope \(\d+\.\d%", done.stdout, re.M)
    assert re.search(r"^one tap away: +\d+ more .+\(answered or offered: \d+\.\d%\)$",
                     done.stdout, re.M)
    assert re.search(r"^wrong answer: +\d+/\d+ questions", done.stdout, re.M)
    if "misses:" in done.stdout:
        assert re.search(r"^  line \d+: '.+'\n    expected \S+", done.stdout, re.M)


def test_eval_json_report(bot) -> None:
    done = bot("eval", "--json", "tests/data/holdout.tsv")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["in_scope"] + report["out_of_scope"] >= 150
    assert 0 <= report["in_scope_accuracy"] <= 1
    assert len(report["misses"]) == (report["in_scope"] - report["answered"]
                                     + report["out_of_scope"] - report["rejected"])


def test_eval_with_an_unknown_entry_id_exits_2_naming_the_line(bot, tmp_path: Path) -> None:
    questions = tmp_path / "q.tsv"
    questions.write_text("# a comment\nwhat-is-hsct\twhat is hsct\n"
                         "no-such-entry\twhat is hsct again\n-\thow much is it\n",
                         encoding="utf-8")
    done = bot("eval", str(questions))
    assert done.returncode == 2
    assert f"{questions}:3: no entry 'no-such-entry'" in done.stderr
    assert "Traceback" not in done.stderr


def test_eval_with_a_malformed_line_exits_2_naming_the_line(bot, tmp_path: Path) -> None:
    questions = tmp_path / "q.tsv"
    questions.write_text("what-is-hsct\twhat is hsct\nthis line has no tab\n",
                         encoding="utf-8")
    done = bot("eval", str(questions))
    assert done.returncode == 2
    assert f"{questions}:2:" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("content", "says"), [(b"", "no labelled questions"),
                                               (b"\xff\xfe-\tq\n", "not UTF-8")])
def test_eval_of_an_empty_or_undecodable_file_exits_2_saying_why(
        bot, tmp_path: Path, content: bytes, says: str) -> None:
    questions = tmp_path / "q.tsv"
    questions.write_bytes(content)
    done = bot("eval", str(questions))
    assert done.returncode == 2 and says in done.stderr
    assert "Traceback" not in done.stderr and "100.0%" not in done.stdout


# -- the terminal chat ---------------------------------------------------------------------------


def test_no_token_starts_the_terminal_chat_and_says_so(bot_process, tmp_path: Path) -> None:
    done = bot_process(stdin="/quit\n")
    assert done.returncode == 0, done.stderr
    assert "No TELEGRAM_BOT_TOKEN is set, so this is the terminal chat." in done.stderr
    assert "Goodbye" in done.stdout
    assert not (tmp_path / "data" / "questions.sqlite3").exists()  # tries are not recorded


def test_chat_records_questions_only_when_asked_to(bot, tmp_path: Path) -> None:
    done = bot("chat", "--record", stdin="what is hsct\nbye\n")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "data" / "questions.sqlite3").exists()  # DATA_DIR, not the home dir


@pytest.mark.parametrize("leave", ["bye", "Goodbye", "/quit", ""])
def test_chat_leaves_politely_on_bye_quit_or_end_of_input(bot, leave: str) -> None:
    done = bot("chat", stdin=f"{leave}\nwhat is hsct\n" if leave else "")
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("Goodbye — take care.")
    assert "<blockquote>" not in done.stdout and "autologous" not in done.stdout


def test_chat_answers_a_question_and_a_number_picks_an_offered_one(
        bot, shipped: Knowledge) -> None:
    done = bot("chat", stdin="is hsct safe for elderly people\n1\n/quit\n")
    assert done.returncode == 0, done.stderr
    first, _, rest = done.stdout.partition(shipped.entry("toxicity-elderly").answer)
    assert rest, done.stdout
    offered = re.search(r"^  1\. (.+)$", rest, re.M).group(1)
    picked = next(e for e in shipped.entries
                  if e.question == offered or (offered.endswith("…")
                                               and e.question.startswith(offered[:-1])))
    assert picked.id != "toxicity-elderly"
    assert picked.answer in rest[rest.index(offered):]
    assert done.stdout.rstrip().endswith("Goodbye — take care.")


def test_chat_offers_suggestions_when_it_declines(bot) -> None:
    done = bot("chat", stdin="how much does it cost\n")
    assert done.returncode == 0, done.stderr
    assert "The article does not say" in done.stdout
    assert re.search(r"^  1\. ", done.stdout, re.M)


# -- choosing the knowledge ----------------------------------------------------------------------


def test_knowledge_option_selects_another_directory(bot) -> None:
    done = bot("--knowledge", str(TINY_KNOWLEDGE_DIR), "ask", "--json", "What is vitamin D?")
    assert done.returncode == 0, done.stderr
    [obj] = json_lines(done.stdout)
    assert obj["entry"] == "what-is-vitamin-d"


def test_knowledge_dir_environment_variable_selects_another_directory(bot) -> None:
    done = bot("export", env={"KNOWLEDGE_DIR": str(TINY_KNOWLEDGE_DIR)})
    assert done.returncode == 0, done.stderr
    packs = {e["pack"] for e in json.loads(done.stdout)}
    assert packs == {"tiny"}


def test_knowledge_option_wins_over_the_environment(bot, tmp_path: Path) -> None:
    done = bot("--knowledge", str(TINY_KNOWLEDGE_DIR), "check",
               env={"KNOWLEDGE_DIR": str(broken_knowledge(tmp_path))})
    assert done.returncode == 0, done.stderr
    assert "ok  tiny:" in done.stdout


def test_startup_with_a_malformed_pack_exits_naming_file_entry_and_field(
        bot_process, tmp_path: Path) -> None:
    knowledge_dir = broken_knowledge(tmp_path)
    done = bot_process(stdin="/quit\n", env={"KNOWLEDGE_DIR": str(knowledge_dir)})
    assert done.returncode != 0
    assert_names_the_problem(done.stderr, knowledge_dir)


def test_ask_with_a_malformed_pack_exits_naming_file_entry_and_field(
        bot, tmp_path: Path) -> None:
    knowledge_dir = broken_knowledge(tmp_path)
    done = bot("--knowledge", str(knowledge_dir), "ask", "what is hsct")
    assert done.returncode != 0
    assert done.stdout == ""
    assert_names_the_problem(done.stderr, knowledge_dir)


# -- every kind of message, as the terminal chat and `ask` meet it --------------------------------


def test_chat_meets_crises_small_talk_and_questions_as_a_reader_would(
        bot_process, shipped: Knowledge) -> None:
    lines = ["I want to end my life", "hi", "is hsct safe for elderly people", "thanks!",
             "is ibuprofen safe", "bye"]
    done = bot_process("chat", stdin="\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    turns = done.stdout.split("\n> ")[1:]
    crisis, hello, answer, thanks, off_topic, _ = turns
    assert "988" in crisis and "112" in crisis and "  1. " not in crisis
    assert "  1. " in hello and not any(e.answer in hello for e in shipped.entries)
    assert shipped.entry("toxicity-elderly").answer in answer
    assert "  1. " not in thanks and not any(e.answer in thanks for e in shipped.entries)
    assert "only answer questions about this article" in off_topic


def test_ask_json_says_what_kind_of_reply_each_message_got(bot) -> None:
    done = bot("ask", "--json", "I want to kill myself", "hello", "what is hsct",
               "how much does hsct cost")
    assert done.returncode == 0, done.stderr
    objs = json_lines(done.stdout)
    assert [o["kind"] for o in objs] == ["safety", "smalltalk", "answer", "declined"]
    assert [o["matched"] for o in objs] == [False, False, True, False]
    assert "988" in objs[0]["reply"] and objs[0]["answer"] is None
    assert objs[2]["answer"] in objs[2]["reply"]
