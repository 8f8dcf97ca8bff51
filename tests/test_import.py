"""`import`: a publisher's FAQ (spreadsheet, saved page, Markdown, web address) becomes a pack
that `check` validates like any other, written to a staging folder and served as published."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.__main__ import main
from bot.engine import Engine
from bot.importer import STAGING, PackImportError, import_pack, read_faq
from bot.knowledge import load_knowledge, review_knowledge
from bot.replies import answer_reply
from bot.results import Answer
from tests.conftest import TESTS_DIR

FAQS = TESTS_DIR / "data" / "faq"
ARTICLE = ("HSCT costs about 50,000 dollars. About one in a hundred patients die. "
           "Most patients leave hospital after three weeks.\n")
COST = [f"cost question {i}?" for i in ("one", "two", "three", "four", "five", "six")]
RISK = [f"risk question {i}?" for i in ("one", "two", "three", "four", "five", "six")]


def spreadsheet(tmp_path: Path, name: str, rows: list[list[str]], sep: str = ",") -> Path:
    path = tmp_path / name
    lines = []
    for row in rows:
        cells = [f'"{c}"' if sep in c or '"' in c else c for c in row]
        lines.append(sep.join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def full_rows(header: tuple[str, ...] = ("question", "answer", "source_url")) -> list[list[str]]:
    url = "https://example.org/hsct"
    rows = [list(header)]
    rows += [[q, "HSCT costs about 50,000 dollars.", url] for q in COST]
    rows += [[q, "About one in a hundred  patients die.", url] for q in RISK]
    return rows


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def assert_served_as_published(folder: Path, questions: list[str]) -> None:
    """The pack loads without errors, holds exactly the FAQ's questions (none invented), and
    the engine answers every question with the entry it was published under."""
    knowledge = load_knowledge(folder.parent)
    phrasings = [q for e in knowledge.entries for q in e.questions]
    assert sorted(phrasings) == sorted(dict.fromkeys(" ".join(q.split()) for q in questions))
    engine = Engine.from_knowledge(knowledge)
    for entry in knowledge.entries:
        for question in entry.questions:
            result = engine.ask(question)
            assert isinstance(result, Answer) and result.entry.id == entry.id, question


# -- spreadsheets --------------------------------------------------------------------------------


def test_rows_with_the_same_answer_become_one_entry_and_the_pack_passes_check(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows())
    imported = import_pack(sheet, tmp_path / "staged" / "hsct-faq", source_text=article,
                           title="HSCT for MS", publisher="Example")
    assert imported.path == tmp_path / "staged" / "hsct-faq"
    assert (imported.entries, imported.phrasings) == (2, 12)
    knowledge = load_knowledge(tmp_path / "staged", strict=True)
    (pack,) = knowledge.packs
    assert [list(e.questions) for e in pack.entries] == [COST, RISK]
    assert pack.source.url == "https://example.org/hsct"
    assert (pack.path / "source.txt").read_text() == ARTICLE


def test_a_health_faq_spreadsheet_is_served_without_invented_phrasings(tmp_path):
    source = FAQS / "flu-vaccine.csv"
    imported = import_pack(source, tmp_path / "staged" / "flu", url="https://example.org/flu")
    rows = read_faq(source).rows
    assert imported.entries == len({r.answer for r in rows})
    assert_served_as_published(imported.path, [r.question for r in rows])


def test_the_source_url_column_gives_each_answer_its_own_link(tmp_path):
    imported = import_pack(FAQS / "flu-vaccine.csv", tmp_path / "staged" / "flu",
                           url="https://health.example.org/flu")
    knowledge = load_knowledge(imported.path.parent)
    engine = Engine.from_knowledge(knowledge)
    result = engine.ask("Is the flu vaccine safe during pregnancy?")
    assert isinstance(result, Answer)
    assert result.entry.source.url == "https://health.example.org/flu/pregnancy"
    assert knowledge.packs[0].source.url == "https://health.example.org/flu"
    reply = answer_reply(result)
    assert 'href="https://health.example.org/flu/pregnancy"' in reply.html
    assert "https://health.example.org/flu/pregnancy" in reply.text


def test_markdown_and_html_in_answers_are_cleaned_to_reader_text(tmp_path):
    imported = import_pack(FAQS / "flu-vaccine.csv", tmp_path / "staged" / "flu",
                           url="https://example.org/flu")
    answers = " ".join(e.answer for e in load_knowledge(imported.path.parent).entries)
    assert "early autumn, before flu" in answers and "**" not in answers
    assert "(see our allergy page)" in answers and "](" not in answers


def test_answers_with_chatbot_placeholders_are_left_out_with_advice(tmp_path):
    rows = [["question", "answer"],
            ["What is my balance?", "Your balance is $balance today."],
            ["Hello?", "Hi {{user.name}}, <speak>welcome</speak>!"],
            ["Is HSCT safe?", "<speak>About one in a hundred patients die.</speak>"]]
    imported = import_pack(spreadsheet(tmp_path, "bot.csv", rows), tmp_path / "s" / "bot",
                           url="https://example.org")
    knowledge = load_knowledge(tmp_path / "s")
    assert [e.answer for e in knowledge.entries] == ["About one in a hundred patients die."]
    [placeholders] = [a for a in imported.advice if "placeholders" in a]
    assert "(2: line 2 '$balance', line 3 '{{user.name}}')" in placeholders


def test_ids_are_stable_readable_slugs(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows())
    first = import_pack(sheet, tmp_path / "a" / "x", source_text=article)
    second = import_pack(sheet, tmp_path / "b" / "x", source_text=article)
    ids = [e["id"] for e in yaml.safe_load((first.path / "pack.yaml").read_text())["entries"]]
    assert ids == ["cost-question-one", "risk-question-one"]
    assert (first.path / "pack.yaml").read_text() == (second.path / "pack.yaml").read_text()


def test_ids_do_not_collide_with_the_served_knowledge_or_other_staged_packs(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows())
    import_pack(sheet, tmp_path / "knowledge" / "served", source_text=article)
    import_pack(sheet, tmp_path / "staged" / "first", tmp_path / "knowledge", article)
    import_pack(sheet, tmp_path / "staged" / "second", tmp_path / "knowledge", article)
    data = yaml.safe_load((tmp_path / "staged" / "second" / "pack.yaml").read_text())
    assert [e["id"] for e in data["entries"]] == ["cost-question-one-3", "risk-question-one-3"]


def test_tsv_without_source_text_uses_the_answers_as_the_source(tmp_path):
    sheet = spreadsheet(tmp_path, "faq.tsv", full_rows(), sep="\t")
    imported = import_pack(sheet, tmp_path / "staged" / "faq")
    assert "the answers themselves" in (imported.path / "pack.yaml").read_text()
    assert any("no source text given" in a for a in imported.advice)
    assert review_knowledge(tmp_path / "staged").errors == []


def test_headers_are_case_insensitive_and_semicolons_are_understood(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows(("Question", "ANSWER", "Source_URL")),
                        sep=";")
    imported = import_pack(sheet, tmp_path / "s" / "semi", source_text=article)
    assert imported.entries == 2


def test_entries_with_one_phrasing_are_served_and_the_advice_is_one_summary_line(tmp_path):
    rows = [["question", "answer"]] + [[f"Question number {n}?", f"Answer number {n}."]
                                       for n in range(40)]
    imported = import_pack(spreadsheet(tmp_path, "faq.csv", rows), tmp_path / "s" / "many",
                           url="https://example.org/a")
    [few] = [a for a in imported.advice if "fewer than 6 phrasings" in a]
    assert "(40: question-number-0, question-number-1, question-number-2, …)" in few
    assert len(load_knowledge(tmp_path / "s").entries) == 40


def test_a_question_under_two_answers_is_summarised_not_reported_per_row(tmp_path):
    rows = [["question", "answer"]]
    for n in range(150):
        rows += [[f"Question {n}?", f"First answer {n}."], [f"Question {n}?", f"Other {n}."]]
    imported = import_pack(spreadsheet(tmp_path, "faq.csv", rows), tmp_path / "s" / "dup",
                           url="https://example.org/a")
    [twice] = [a for a in imported.advice if "two different answers" in a]
    assert twice.count("line ") == 3 and "(150: line 3 'Question 0?'" in twice
    assert len(imported.advice) < 6


def test_an_unclosed_quote_is_reported_with_its_line(tmp_path):
    sheet = tmp_path / "faq.csv"
    sheet.write_text('question,answer\n"Is it safe?",fine\n"Does it hurt?,no\nq3,a3\n',
                     encoding="utf-8")
    with pytest.raises(PackImportError, match=r"faq.csv: line 3: .*never closed"):
        import_pack(sheet, tmp_path / "s" / "x", url="https://example.org")


def test_a_missing_url_fails_clearly(tmp_path):
    sheet = spreadsheet(tmp_path, "faq.csv", [["question", "answer"], ["q?", "a."]])
    with pytest.raises(PackImportError, match="no source URL: give --url"):
        import_pack(sheet, tmp_path / "s" / "x")
    assert not (tmp_path / "s").exists()


def test_missing_columns_fail_clearly_naming_what_was_found(tmp_path):
    sheet = spreadsheet(tmp_path, "faq.csv", [["prompt", "reply"], ["q?", "a."]])
    with pytest.raises(PackImportError, match="needs columns 'question' and 'answer'.*'prompt'"):
        import_pack(sheet, tmp_path / "s" / "x", url="https://example.org")


def test_an_empty_answer_fails_naming_the_line(tmp_path):
    sheet = spreadsheet(tmp_path, "faq.csv", [["question", "answer"], ["q?", "a."], ["q2?", ""]])
    with pytest.raises(PackImportError, match="line 3: column 'answer' is empty"):
        import_pack(sheet, tmp_path / "s" / "x", url="https://example.org")


def test_a_file_that_is_not_a_spreadsheet_fails_clearly(tmp_path):
    binary = tmp_path / "faq.xlsx"
    binary.write_bytes(b"PK\x03\x04\xff\xfe\x00binary")
    with pytest.raises(PackImportError, match="not UTF-8 text"):
        import_pack(binary, tmp_path / "s" / "x", url="https://example.org")


def test_answers_not_in_the_given_source_text_fail_naming_the_entries(tmp_path, article):
    rows = [["question", "answer"], ["Is it cheap?", "HSCT is free everywhere."]]
    with pytest.raises(PackImportError, match="not quoted verbatim.*cheap"):
        import_pack(spreadsheet(tmp_path, "faq.csv", rows), tmp_path / "s" / "x",
                    source_text=article, url="https://example.org")
    assert not (tmp_path / "s" / "x").exists()


def test_import_never_overwrites_an_existing_pack(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows())
    import_pack(sheet, tmp_path / "s" / "same", source_text=article)
    with pytest.raises(PackImportError, match="already exists"):
        import_pack(sheet, tmp_path / "s" / "same", source_text=article)


# -- FAQ pages ----------------------------------------------------------------------------------


def test_a_page_with_faqpage_data_is_served_with_the_page_text_as_its_source(tmp_path):
    imported = import_pack(FAQS / "blood-pressure.html", tmp_path / "s" / "bp")
    pack = load_knowledge(tmp_path / "s").packs[0]
    assert (pack.source.title, pack.source.publisher, pack.source.url) == (
        "High blood pressure: your questions answered", "Example Heart Trust",
        "https://heart.example.org/blood-pressure/faq")
    assert imported.entries == 10  # two answers are only in the page's FAQ data
    text = (imported.path / "source.txt").read_text()
    assert "Reviewed by our medical team" in text and "dataLayer" not in text
    assert "140/90 mmHg" in pack.entries[1].answer and "<strong>" not in pack.entries[1].answer
    assert_served_as_published(imported.path, [qa.question for qa in read_faq(
        FAQS / "blood-pressure.html").rows])


def test_a_details_summary_page_is_served_and_anchors_become_entry_links(tmp_path):
    imported = import_pack(FAQS / "hay-fever.html", tmp_path / "s" / "hay",
                           url="https://allergy.example.org/hay-fever")
    knowledge = load_knowledge(tmp_path / "s")
    assert knowledge.entries[0].source.url == \
        "https://allergy.example.org/hay-fever#what-is-hay-fever"
    avoid = next(e for e in knowledge.entries if "pollen" in e.question)
    assert avoid.answer.startswith("- Put petroleum jelly around your nostrils")
    assert_served_as_published(imported.path, [r.question for r in read_faq(
        FAQS / "hay-fever.html").rows])


def test_a_definition_list_page_is_read(tmp_path):
    page = tmp_path / "faq.html"
    page.write_text("<html><body><h1>Owls</h1><dl><dt>Do owls hunt at night?</dt>"
                    "<dd>Most owls hunt at night.</dd><dt>What do owls eat?</dt>"
                    "<dd>Mice and voles.</dd><dd>Some eat insects.</dd></dl></body></html>",
                    encoding="utf-8")
    rows = read_faq(page).rows
    assert [(r.question, r.answer) for r in rows] == [
        ("Do owls hunt at night?", "Most owls hunt at night."),
        ("What do owls eat?", "Mice and voles.\n\nSome eat insects.")]


def test_a_markdown_faq_with_question_headings_is_served(tmp_path):
    imported = import_pack(FAQS / "sleep.md", tmp_path / "s" / "sleep",
                           url="https://example.org/sleep")
    knowledge = load_knowledge(tmp_path / "s")
    assert knowledge.packs[0].source.title == "Sleep well: common questions"
    assert [e.question for e in knowledge.entries][:2] == [
        "How much sleep do adults need?", "Why is sleep important?"]
    doctor = next(e for e in knowledge.entries if "doctor" in e.question)
    assert doctor.answer.endswith("a sign of sleep apnoea.") and "](" not in doctor.answer
    assert_served_as_published(imported.path, [r.question for r in read_faq(
        FAQS / "sleep.md").rows])


def test_markdown_headings_without_question_marks_are_the_questions(tmp_path):
    faq = tmp_path / "clinic.md"
    faq.write_text("# Clinic FAQ\n\n## Opening hours\n\nWe are open 8am to 6pm on weekdays.\n\n"
                   "## Parking\n\nThere is free parking behind the clinic.\n", encoding="utf-8")
    assert [(r.question, r.answer) for r in read_faq(faq).rows] == [
        ("Opening hours", "We are open 8am to 6pm on weekdays."),
        ("Parking", "There is free parking behind the clinic.")]


def test_a_page_without_questions_fails_clearly(tmp_path):
    page = tmp_path / "about.html"
    page.write_text("<html><body><h1>About us</h1><p>We are nice.</p></body></html>",
                    encoding="utf-8")
    with pytest.raises(PackImportError, match="no questions found"):
        import_pack(page, tmp_path / "s" / "about", url="https://example.org")


@pytest.fixture
def served_faqs() -> Iterator[str]:
    """The test FAQ folder over HTTP on 127.0.0.1, as a publisher's site would serve it."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(FAQS))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *args: None  # type: ignore[method-assign]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_an_address_is_fetched_and_its_faq_served(tmp_path, served_faqs):
    imported = import_pack(f"{served_faqs}/hay-fever.html", tmp_path / "s" / "hay")
    pack = load_knowledge(tmp_path / "s").packs[0]
    assert pack.source.url == f"{served_faqs}/hay-fever.html"
    assert pack.entries[0].source.url == f"{served_faqs}/hay-fever.html#what-is-hay-fever"
    assert imported.entries == 10


def test_an_address_that_cannot_be_fetched_fails_clearly(tmp_path, served_faqs):
    with pytest.raises(PackImportError, match="cannot be fetched"):
        import_pack(f"{served_faqs}/missing.html", tmp_path / "s" / "x")


# -- the command line ----------------------------------------------------------------------------


def test_import_command_writes_to_the_staging_folder_not_the_served_one(
        tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    served = tmp_path / "knowledge"
    code = main(["--knowledge", str(served), "import", str(FAQS / "sleep.md"),
                 "--url", "https://example.org/sleep"])
    assert code == 0
    assert (tmp_path / STAGING / "sleep" / "pack.yaml").is_file() and not served.exists()
    out = capsys.readouterr().out
    assert "Created imported/sleep/pack.yaml: 9 entries, 9 phrasings." in out
    assert "--knowledge imported check" in out


def test_import_command_json_names_the_new_pack_and_reports_errors_on_stderr(
        tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(FAQS / "flu-vaccine.csv"), "--out", "new/flu", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["path"] == "new/flu" and data["entries"] == 11
    assert main(["import", str(FAQS / "flu-vaccine.csv"), "--out", "new/flu"]) == 1
    assert "already exists" in capsys.readouterr().err
