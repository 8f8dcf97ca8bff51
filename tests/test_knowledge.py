"""Knowledge packs: the shipped ones are sound, and a broken one is reported precisely.

Every problem must name the file, the entry and the field, so a curator can fix a pack by hand.
"""

from __future__ import annotations

import copy
import hashlib
import os
import random
from pathlib import Path
from typing import Any

import pytest
import yaml
from rapidfuzz import fuzz, process

from bot.__main__ import main
from bot.knowledge import (
    MIN_QUESTIONS,
    PACK_FILE,
    check_knowledge,
    load_knowledge,
    pack_files,
    review_knowledge,
    squash,
)
from bot.neardup import CUTOFF, near_pairs
from bot.problems import KnowledgeError, Problem
from tests.conftest import SHIPPED_KNOWLEDGE_DIR

SHIPPED_PACKS = pack_files(SHIPPED_KNOWLEDGE_DIR)
BOILERPLATE = ("Follow eMaxHealth", "Please, click to subscribe")


# -- the shipped packs -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    return load_knowledge(SHIPPED_KNOWLEDGE_DIR)


def test_there_is_at_least_one_shipped_pack() -> None:
    assert SHIPPED_PACKS, f"no */{PACK_FILE} under {SHIPPED_KNOWLEDGE_DIR}"


def test_shipped_knowledge_passes_strict_check_with_no_errors_or_advice() -> None:
    knowledge, problems = check_knowledge(SHIPPED_KNOWLEDGE_DIR, strict=True)
    assert problems == [], "\n".join(str(p) for p in problems)
    assert knowledge is not None
    assert len(knowledge.packs) == len(SHIPPED_PACKS)


@pytest.mark.parametrize("pack_file", SHIPPED_PACKS, ids=lambda p: p.parent.name)
def test_every_answer_of_a_shipped_pack_is_quoted_verbatim_from_its_source(
        shipped, pack_file: Path) -> None:
    pack = next(p for p in shipped.packs if p.path == pack_file.parent)
    haystack = squash(pack.source_text)
    missing = [e.id for e in pack.entries if squash(e.answer) not in haystack]
    assert missing == [], f"answers not found verbatim in {pack.name}'s source text"


@pytest.mark.parametrize("pack_file", SHIPPED_PACKS, ids=lambda p: p.parent.name)
def test_every_shipped_entry_has_at_least_six_phrasings(shipped, pack_file: Path) -> None:
    pack = next(p for p in shipped.packs if p.path == pack_file.parent)
    short = {e.id: len(e.questions) for e in pack.entries if len(e.questions) < 6}
    assert short == {}


@pytest.mark.parametrize("pack_file", SHIPPED_PACKS, ids=lambda p: p.parent.name)
def test_shipped_source_text_has_no_site_boilerplate(shipped, pack_file: Path) -> None:
    pack = next(p for p in shipped.packs if p.path == pack_file.parent)
    text = pack.source_text.casefold()
    assert [b for b in BOILERPLATE if b.casefold() in text] == []


@pytest.mark.parametrize("pack_file", SHIPPED_PACKS, ids=lambda p: p.parent.name)
def test_shipped_source_and_citation_links_are_https(shipped, pack_file: Path) -> None:
    pack = next(p for p in shipped.packs if p.path == pack_file.parent)
    assert pack.source.url.startswith("https://")
    if pack.source.citation_url:
        assert pack.source.citation_url.startswith("https://")


def test_shipped_entry_ids_are_unique_across_packs(shipped) -> None:
    ids = [e.id for e in shipped.entries]
    assert len(ids) == len(set(ids))


# -- malformed packs ---------------------------------------------------------------------------

SOURCE = ("Owls hunt mostly at night.\n\n"
          "An owl can turn its head about 270 degrees.\n\n"
          "Owls eat mice, voles and insects.\n")

GOOD: dict[str, Any] = {
    "title": "All about owls",
    "publisher": "Test News",
    "url": "https://example.org/owls",
    "citation": "Hoot H. Owls. Journal of Birds 2020",
    "citation_url": "https://example.org/owls-study",
    "source_text": "source.txt",
    "entries": [
        {"id": "hunting", "answer": "Owls hunt mostly at night.", "questions": [
            "When do owls hunt?", "do owls hunt at night", "are owls nocturnal hunters",
            "what time of day do owls look for food", "owl hunting hours",
            "do owls sleep during the day"]},
        {"id": "heads", "answer": "An owl can turn its head about 270 degrees.", "questions": [
            "How far can an owl turn its head?", "can owls rotate their heads",
            "owl neck flexibility", "why do owls turn their heads so much",
            "how do owls look behind them", "can an owl look backwards"]},
        {"id": "diet", "answer": "Owls eat mice, voles and insects.", "questions": [
            "What do owls eat?", "do owls eat mice", "owl diet",
            "what is an owl's favourite food", "do owls hunt voles",
            "what prey do owls catch"]},
    ],
}


def good_pack() -> dict[str, Any]:
    return copy.deepcopy(GOOD)


def write_pack(root: Path, data: dict[str, Any] | str, name: str = "owls",
               source: str | None = SOURCE) -> Path:
    """A pack directory under `root`; returns its pack file."""
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    pack_file = folder / PACK_FILE
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False,
                                                             allow_unicode=True)
    pack_file.write_text(text, encoding="utf-8")
    if source is not None:
        (folder / "source.txt").write_text(source, encoding="utf-8")
    return pack_file


def entry(data: dict[str, Any], entry_id: str) -> dict[str, Any]:
    return next(e for e in data["entries"] if e["id"] == entry_id)


def problems_of(root: Path) -> list[Problem]:
    knowledge, problems = check_knowledge(root)
    assert knowledge is None, "a pack with problems must not load"
    assert problems
    return problems


def test_the_fixture_pack_is_valid(tmp_path: Path) -> None:
    write_pack(tmp_path, good_pack())
    knowledge, problems = check_knowledge(tmp_path)
    assert problems == []
    assert [e.id for e in knowledge.entries] == ["hunting", "heads", "diet"]


def test_bad_yaml_syntax_names_the_file_and_line(tmp_path: Path) -> None:
    pack_file = write_pack(tmp_path, "title: Owls\npublisher: Test\nentries: [unclosed\n"
                                     "  - id: x\n")
    [problem] = problems_of(tmp_path)
    assert problem.file == pack_file
    assert "not valid YAML" in problem.message
    assert "line " in problem.message
    assert str(pack_file) in str(problem)


def test_bad_yaml_reports_the_line_of_the_error(tmp_path: Path) -> None:
    text = "title: Owls\npublisher: Test\nurl: https://example.org\nentries:\n  - id: [x\n"
    write_pack(tmp_path, text)
    [problem] = problems_of(tmp_path)
    try:
        yaml.safe_load(text)
    except yaml.YAMLError as exc:
        expected_line = exc.problem_mark.line + 1
    assert f"line {expected_line}," in problem.message


def test_a_key_given_twice_is_an_error_not_a_silent_overwrite(tmp_path: Path) -> None:
    pack_file = write_pack(tmp_path, good_pack())
    lines = pack_file.read_text(encoding="utf-8").splitlines()
    title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines.insert(title + 1, "title: Another title")
    pack_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [problem] = problems_of(tmp_path)
    assert problem.file == pack_file
    assert f"line {title + 2}," in problem.message and "'title' is given twice" in problem.message


def test_missing_answer_names_file_entry_and_field(tmp_path: Path) -> None:
    data = good_pack()
    del entry(data, "diet")["answer"]
    pack_file = write_pack(tmp_path, data)
    problems = problems_of(tmp_path)
    assert [(p.file, p.entry, p.field) for p in problems] == [(pack_file, "diet", "answer")]
    text = str(problems[0])
    assert str(pack_file) in text and "'diet'" in text and "'answer'" in text


def test_missing_pack_field_names_file_and_field(tmp_path: Path) -> None:
    data = good_pack()
    del data["title"]
    pack_file = write_pack(tmp_path, data)
    [problem] = problems_of(tmp_path)
    assert (problem.file, problem.entry, problem.field) == (pack_file, None, "title")


def test_entry_without_id_is_named_by_its_position(tmp_path: Path) -> None:
    data = good_pack()
    del data["entries"][1]["id"]
    write_pack(tmp_path, data)
    [problem] = problems_of(tmp_path)
    assert (problem.entry, problem.field) == ("#2", "id")


def test_duplicate_id_in_a_pack_is_reported(tmp_path: Path) -> None:
    data = good_pack()
    data["entries"][2]["id"] = "heads"
    pack_file = write_pack(tmp_path, data)
    problems = problems_of(tmp_path)
    dup = [p for p in problems if p.field == "id"]
    assert len(dup) == 1
    assert (dup[0].file, dup[0].entry) == (pack_file, "heads")
    assert "another entry" in dup[0].message


def test_answer_not_in_source_names_entry_and_field_answer(tmp_path: Path) -> None:
    data = good_pack()
    entry(data, "diet")["answer"] = "Owls eat pizza on Fridays."
    pack_file = write_pack(tmp_path, data)
    [problem] = problems_of(tmp_path)
    assert (problem.file, problem.entry, problem.field) == (pack_file, "diet", "answer")
    assert "verbatim" in problem.message


def test_answer_differing_from_source_only_in_whitespace_is_accepted(tmp_path: Path) -> None:
    data = good_pack()
    entry(data, "diet")["answer"] = "Owls   eat mice,\n voles\tand insects."
    write_pack(tmp_path, data)
    knowledge, problems = check_knowledge(tmp_path)
    assert problems == []
    assert knowledge.entry("diet").answer == "Owls eat mice, voles and insects."


def advice_of(root: Path) -> list[Problem]:
    """Advice on a pack that is served all the same."""
    review = review_knowledge(root)
    assert review.errors == [] and review.knowledge is not None
    assert list(review.knowledge.advice) == review.advice
    return review.advice


def test_fewer_than_six_questions_is_advice_and_the_pack_is_served(tmp_path: Path) -> None:
    data = good_pack()
    entry(data, "heads")["questions"] = entry(data, "heads")["questions"][:1]
    write_pack(tmp_path, data)
    [advice] = advice_of(tmp_path)
    assert (advice.entry, advice.field) == ("heads", "questions")
    assert f"{MIN_QUESTIONS} or more" in advice.message
    served = load_knowledge(tmp_path).entry("heads")
    assert served.questions == ("How far can an owl turn its head?",)


def test_strict_check_turns_advice_into_problems(tmp_path: Path) -> None:
    data = good_pack()
    entry(data, "heads")["questions"] = entry(data, "heads")["questions"][:2]
    write_pack(tmp_path, data)
    knowledge, problems = check_knowledge(tmp_path, strict=True)
    assert knowledge is None and [(p.entry, p.field) for p in problems] == [("heads", "questions")]
    with pytest.raises(KnowledgeError):
        load_knowledge(tmp_path, strict=True)


def test_a_very_long_passage_is_advice(tmp_path: Path) -> None:
    long = "Owls hunt mostly at night. " * 80
    data = good_pack()
    entry(data, "hunting")["answer"] = long
    write_pack(tmp_path, data, source=SOURCE + long)
    [advice] = advice_of(tmp_path)
    assert (advice.entry, advice.field) == ("hunting", "answer")


def test_near_identical_phrasings_in_two_entries_are_advice_naming_both(tmp_path: Path) -> None:
    data = good_pack()
    entry(data, "heads")["questions"].append("what do owls eat")  # "What do owls eat?" in diet
    pack_file = write_pack(tmp_path, data)
    [problem] = advice_of(tmp_path)
    assert problem.file == pack_file
    assert problem.field == "questions"
    named = str(problem)
    assert "'heads'" in named and "'diet'" in named
    assert "nearly identical" in named


def test_phrasings_differing_by_a_typo_across_entries_are_advice(tmp_path: Path) -> None:
    data = good_pack()
    entry(data, "heads")["questions"].append("what prey do owls catc")  # diet: "...catch"
    write_pack(tmp_path, data)
    [problem] = advice_of(tmp_path)
    assert "'heads'" in str(problem) and "'diet'" in str(problem)


def test_near_identical_phrasings_within_one_entry_are_fine(tmp_path: Path) -> None:
    data = good_pack()
    entry(data, "diet")["questions"].append("what do owls eat")
    write_pack(tmp_path, data)
    assert check_knowledge(tmp_path)[1] == []


def test_duplicate_id_across_two_packs_is_reported(tmp_path: Path) -> None:
    write_pack(tmp_path, good_pack(), name="a-owls")
    other = good_pack()
    other["entries"] = [{
        "id": "diet", "answer": "Bats eat moths.", "questions": [
            "What do bats eat?", "are moths food for bats", "bat diet",
            "which insects do bats catch", "do bats feed on moths", "bat prey"]}]
    second = write_pack(tmp_path, other, name="b-bats", source="Bats eat moths.\n")
    problems = problems_of(tmp_path)
    [problem] = problems
    assert (problem.file, problem.entry, problem.field) == (second, "diet", "id")
    assert "a-owls" in problem.message


def test_empty_directory_is_reported(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path)
    assert problem.file == tmp_path
    assert "no packs" in problem.message


def test_missing_directory_is_reported(tmp_path: Path) -> None:
    [problem] = problems_of(tmp_path / "nowhere")
    assert "not a knowledge directory" in problem.message


def test_missing_source_text_file_is_reported(tmp_path: Path) -> None:
    data = good_pack()
    data["source_text"] = "article.txt"
    pack_file = write_pack(tmp_path, data)
    problems = problems_of(tmp_path)
    assert [(p.file, p.field) for p in problems] == [(pack_file, "source_text")]
    assert "article.txt" in problems[0].message


def test_non_http_link_is_reported(tmp_path: Path) -> None:
    data = good_pack()
    data["citation_url"] = "ftp://example.org/study"
    write_pack(tmp_path, data)
    [problem] = problems_of(tmp_path)
    assert problem.field == "citation_url"


def test_every_problem_in_a_directory_is_reported_not_just_the_first(tmp_path: Path) -> None:
    data = good_pack()
    del entry(data, "diet")["answer"]
    entry(data, "hunting")["questions"] = 42
    write_pack(tmp_path, data)
    write_pack(tmp_path, "entries: [oops\n", name="zz-broken")
    problems = problems_of(tmp_path)
    assert {(p.entry, p.field) for p in problems} >= {("diet", "answer"),
                                                       ("hunting", "questions")}
    assert any("zz-broken" in str(p.file) for p in problems)


def test_load_knowledge_raises_knowledge_error_listing_every_problem(tmp_path: Path) -> None:
    data = good_pack()
    entry(data, "diet")["answer"] = "Owls eat pizza."
    data["url"] = "not a link"
    pack_file = write_pack(tmp_path, data)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path)
    problems = caught.value.problems
    assert {(p.entry, p.field) for p in problems} == {("diet", "answer"), (None, "url")}
    message = str(caught.value)
    for problem in problems:
        assert str(problem) in message
    assert str(pack_file) in message


def test_problem_text_includes_file_entry_and_field() -> None:
    problem = Problem(Path("knowledge/owls/pack.yaml"), "is missing or empty", "diet", "answer")
    assert str(problem) == ("knowledge/owls/pack.yaml: entry 'diet': field 'answer': "
                            "is missing or empty")
    assert str(Problem(Path("k/p.yaml"), "is bad")) == "k/p.yaml: is bad"


# -- links, long fields, files outside the pack, unreadable folders -----------------------------


def test_an_entry_link_replaces_the_pack_link_under_that_answer_only(tmp_path: Path) -> None:
    data = good_pack()
    entry(data, "diet")["url"] = "https://example.org/owls/diet"
    write_pack(tmp_path, data)
    knowledge = load_knowledge(tmp_path)
    assert knowledge.entry("diet").source.url == "https://example.org/owls/diet"
    assert knowledge.entry("diet").source.title == "All about owls"
    assert knowledge.entry("heads").source.url == "https://example.org/owls"


def test_a_broken_entry_link_is_an_error_naming_entry_and_field(tmp_path: Path) -> None:
    data = good_pack()
    entry(data, "diet")["url"] = "javascript:alert(1)"
    write_pack(tmp_path, data)
    [problem] = problems_of(tmp_path)
    assert (problem.entry, problem.field) == ("diet", "url")


@pytest.mark.parametrize("key", ["title", "publisher", "citation"])
def test_a_title_publisher_or_citation_too_long_to_show_is_an_error(tmp_path: Path,
                                                                     key: str) -> None:
    data = good_pack()
    data[key] = "Owls " * 900
    write_pack(tmp_path, data)
    [problem] = problems_of(tmp_path)
    assert problem.field == key and "at most 300" in problem.message


def test_a_source_text_given_as_an_absolute_path_is_an_error(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text(SOURCE, encoding="utf-8")
    data = good_pack()
    data["source_text"] = str(outside)
    write_pack(tmp_path / "k", data)
    [problem] = problems_of(tmp_path / "k")
    assert problem.field == "source_text" and "inside the pack folder" in problem.message


def test_a_source_text_reaching_outside_the_pack_by_a_link_or_dots_is_an_error(
        tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(SOURCE, encoding="utf-8")
    data = good_pack()
    data["source_text"] = "../../secret.txt"
    write_pack(tmp_path / "k", data, name="dots")
    linked = good_pack()
    linked["source_text"] = "link.txt"
    write_pack(tmp_path / "k", linked, name="link")
    (tmp_path / "k" / "link" / "link.txt").symlink_to(tmp_path / "secret.txt")
    problems = problems_of(tmp_path / "k")
    assert sorted((p.file.parent.name, p.field) for p in problems if p.field == "source_text") \
        == [("dots", "source_text"), ("link", "source_text")]


def test_files_beside_the_packs_and_folders_without_a_pack_file_are_not_packs(
        tmp_path: Path) -> None:
    write_pack(tmp_path, good_pack())
    (tmp_path / "safety.yaml").write_text("not: a pack\n", encoding="utf-8")
    (tmp_path / "notes").mkdir()
    knowledge, problems = check_knowledge(tmp_path, strict=True)
    assert problems == [] and [p.name for p in knowledge.packs] == ["owls"]


def test_a_pack_folder_that_is_a_broken_link_is_an_error(tmp_path: Path) -> None:
    write_pack(tmp_path, good_pack())
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    [problem] = problems_of(tmp_path)
    assert problem.file == tmp_path / "gone" and "cannot be read" in problem.message


def test_a_pack_file_that_cannot_be_read_is_an_error(tmp_path: Path) -> None:
    write_pack(tmp_path, good_pack())
    (tmp_path / "odd" / PACK_FILE).mkdir(parents=True)  # a folder where the file should be
    [problem] = problems_of(tmp_path)
    assert problem.file == tmp_path / "odd" / PACK_FILE and "cannot be read" in problem.message


def test_a_pack_folder_the_system_refuses_to_list_is_an_error(tmp_path: Path,
                                                             monkeypatch) -> None:
    write_pack(tmp_path, good_pack())
    locked = write_pack(tmp_path, good_pack(), name="locked").parent
    listdir = os.listdir

    def refuse(path):  # what a folder without read permission does for a non-root user
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return listdir(path)

    monkeypatch.setattr(os, "listdir", refuse)
    [problem] = problems_of(tmp_path)
    assert problem.file == locked and "Permission denied" in problem.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_pack_folder_is_an_error_not_skipped(tmp_path: Path) -> None:
    write_pack(tmp_path, good_pack())
    locked = write_pack(tmp_path, good_pack(), name="locked").parent
    locked.chmod(0)
    try:
        [problem] = problems_of(tmp_path)
    finally:
        locked.chmod(0o755)
    assert problem.file == locked and "cannot be read" in problem.message


# -- the check command ---------------------------------------------------------------------------


def test_check_strict_passes_on_the_shipped_knowledge(capsys) -> None:
    assert main(["--knowledge", str(SHIPPED_KNOWLEDGE_DIR), "check", "--strict"]) == 0
    assert "ok  hsct-ms:" in capsys.readouterr().out


def test_check_prints_advice_as_warnings_and_passes_but_strict_fails(tmp_path: Path,
                                                                     capsys) -> None:
    data = good_pack()
    for item in data["entries"]:
        item["questions"] = item["questions"][:1]
    write_pack(tmp_path, data)
    assert main(["--knowledge", str(tmp_path), "check"]) == 0
    err = capsys.readouterr().err
    assert err.count("advice: ") == 3 and "3 piece(s) of advice" in err
    assert main(["--knowledge", str(tmp_path), "check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert err.count("error: ") == 3 and "3 problem(s)" in err


def test_check_summarises_many_pieces_of_the_same_advice(tmp_path: Path, capsys) -> None:
    data = good_pack()
    source = SOURCE
    for n in range(30):
        source += f"Owl fact number {n}.\n"
        word = hashlib.sha1(str(n).encode()).hexdigest()[:10]
        data["entries"].append({"id": f"fact-{n}", "questions": [f"owl fact {word}"],
                                "answer": f"Owl fact number {n}."})
    write_pack(tmp_path, data, source=source)
    assert main(["--knowledge", str(tmp_path), "check"]) == 0
    err = capsys.readouterr().err
    assert err.count("advice: ") == 4 and "27 more like these" in err


def test_the_blocked_near_duplicate_search_finds_what_comparing_every_pair_finds() -> None:
    rng = random.Random(3)
    vocabulary = [f"word{n}" for n in range(300)]
    texts = [" ".join(rng.choices(vocabulary, k=rng.randint(3, 8))) for _ in range(1500)]
    for i in range(50, 1500, 50):  # typo'd copies of another entry's phrasing
        cut = rng.randrange(len(texts[i - 7]))
        texts[i] = texts[i - 7][:cut] + "q" + texts[i - 7][cut + 1:]
    owners = [str(i // 5) for i in range(len(texts))]
    everything = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=CUTOFF)
    expected = {(int(i), int(j)) for i, j in zip(*everything.nonzero(), strict=True)
                if i < j and owners[i] != owners[j]}
    assert len(expected) >= 20
    assert set(near_pairs(texts, owners)) == expected


@pytest.mark.parametrize("path", sorted(SHIPPED_KNOWLEDGE_DIR.rglob("*.yaml")),
                         ids=lambda p: p.name)
def test_shipped_knowledge_reads_without_libyaml_too(path: Path) -> None:
    """The loader uses libyaml when PyYAML has it, and libyaml accepts some text the
    pure-Python parser rejects ("[how are you today?, ...]"): a machine without it must still
    start."""
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
