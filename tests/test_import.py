"""`import`: a spreadsheet export becomes a new pack that `check` validates like any other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.curator import PackImportError, import_command, import_pack
from bot.knowledge import check_knowledge

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


def test_rows_with_the_same_answer_become_one_entry_and_the_pack_passes_check(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows())
    imported = import_pack(sheet, tmp_path / "knowledge", article, name="hsct-faq",
                           title="HSCT for MS", publisher="Example")
    assert imported.path == tmp_path / "knowledge" / "hsct-faq"
    assert (imported.entries, imported.phrasings) == (2, 12)
    knowledge, problems = check_knowledge(tmp_path / "knowledge")
    assert problems == []
    (pack,) = knowledge.packs
    assert [list(e.questions) for e in pack.entries] == [COST, RISK]
    assert pack.source.url == "https://example.org/hsct"
    assert (pack.path / "source.txt").read_text() == ARTICLE


def test_ids_are_stable_readable_slugs(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows())
    first = import_pack(sheet, tmp_path / "a", article, name="x")
    second = import_pack(sheet, tmp_path / "b", article, name="x")
    ids = [e["id"] for e in yaml.safe_load((first.path / "pack.yaml").read_text())["entries"]]
    assert ids == ["cost-question-one", "risk-question-one"]
    assert (first.path / "pack.yaml").read_text() == (second.path / "pack.yaml").read_text()


def test_ids_do_not_collide_with_other_packs(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows())
    import_pack(sheet, tmp_path / "knowledge", article, name="first")
    import_pack(spreadsheet(tmp_path, "other.csv", full_rows()), tmp_path / "knowledge",
                article, name="second")
    data = yaml.safe_load((tmp_path / "knowledge" / "second" / "pack.yaml").read_text())
    assert [e["id"] for e in data["entries"]] == ["cost-question-one-2", "risk-question-one-2"]


def test_tsv_without_source_text_uses_the_answers_as_the_source(tmp_path):
    sheet = spreadsheet(tmp_path, "faq.tsv", full_rows(), sep="\t")
    imported = import_pack(sheet, tmp_path / "knowledge")
    assert imported.path.name == "faq"
    text = (imported.path / "pack.yaml").read_text()
    assert "No source text was given" in text
    assert any("no source text given" in a for a in imported.advice)
    assert check_knowledge(tmp_path / "knowledge")[1] == []


def test_headers_are_case_insensitive_and_semicolons_are_understood(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows(("Question", "ANSWER", "Source_URL")),
                        sep=";")
    imported = import_pack(sheet, tmp_path / "knowledge", article, name="semi")
    assert imported.entries == 2


def test_entries_with_few_phrasings_are_written_and_the_advice_says_check_will_flag_them(
        tmp_path, article):
    rows = [["question", "answer"], ["Is it safe?", "About one in a hundred patients die."]]
    sheet = spreadsheet(tmp_path, "faq.csv", rows)
    out = import_command(sheet, tmp_path / "knowledge", article, name="tiny",
                         url="https://example.org/a")
    assert "fewer than 6 phrasings" in out and "python -m bot check" in out
    problems = check_knowledge(tmp_path / "knowledge")[1]
    assert [p.field for p in problems] == ["questions"]


def test_import_command_json_names_the_new_pack(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows())
    data = json.loads(import_command(sheet, tmp_path / "k", article, name="j", as_json=True))
    assert data["path"] == str(tmp_path / "k" / "j") and data["entries"] == 2


def test_a_missing_url_fails_clearly(tmp_path):
    sheet = spreadsheet(tmp_path, "faq.csv", [["question", "answer"], ["q?", "a."]])
    with pytest.raises(PackImportError, match="no source URL: give --url"):
        import_pack(sheet, tmp_path / "knowledge")
    assert not (tmp_path / "knowledge").exists()


def test_missing_columns_fail_clearly_naming_what_was_found(tmp_path):
    sheet = spreadsheet(tmp_path, "faq.csv", [["prompt", "reply"], ["q?", "a."]])
    with pytest.raises(PackImportError, match="needs columns 'question' and 'answer'.*'prompt'"):
        import_pack(sheet, tmp_path / "knowledge", url="https://example.org")


def test_an_empty_answer_fails_naming_the_row(tmp_path):
    sheet = spreadsheet(tmp_path, "faq.csv", [["question", "answer"], ["q?", "a."], ["q2?", ""]])
    with pytest.raises(PackImportError, match="row 3: column 'answer' is empty"):
        import_pack(sheet, tmp_path / "knowledge", url="https://example.org")


def test_a_file_that_is_not_a_spreadsheet_fails_clearly(tmp_path):
    binary = tmp_path / "faq.xlsx"
    binary.write_bytes(b"PK\x03\x04\xff\xfe\x00binary")
    with pytest.raises(PackImportError, match="not UTF-8 text"):
        import_pack(binary, tmp_path / "knowledge", url="https://example.org")


def test_import_never_overwrites_an_existing_pack(tmp_path, article):
    sheet = spreadsheet(tmp_path, "faq.csv", full_rows())
    import_pack(sheet, tmp_path / "knowledge", article, name="same")
    with pytest.raises(PackImportError, match="already exists"):
        import_pack(sheet, tmp_path / "knowledge", article, name="same")
