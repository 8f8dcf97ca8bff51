"""The lexicon: readers' everyday health words matched to the terms a pack uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge import LEXICON_FILE, load_knowledge
from bot.problems import KnowledgeError
from bot.results import Answer
from bot.text import stem
from tests.conftest import SHIPPED_KNOWLEDGE_DIR
from tests.test_knowledge import write_pack

SOURCE = ("Everyone aged 65 or over should have the flu vaccine every autumn.\n\n"
          "A sore arm for a day or two is common after the vaccine.\n")
PACK = {
    "title": "The flu vaccine", "publisher": "Test Health", "url": "https://example.org/flu",
    "source_text": "source.txt",
    "entries": [
        {"id": "who", "answer": "Everyone aged 65 or over should have the flu vaccine every "
                                "autumn.",
         "questions": ["Who should have the flu vaccine?"]},
        {"id": "arm", "answer": "A sore arm for a day or two is common after the vaccine.",
         "questions": ["What side effects does the flu vaccine have?"]},
    ],
}


def _engine(root: Path) -> Engine:
    return Engine.from_knowledge(load_knowledge(root))


def test_a_readers_everyday_word_finds_the_packs_term(tmp_path: Path) -> None:
    write_pack(tmp_path, PACK, name="flu", source=SOURCE)
    answer = _engine(tmp_path).ask("should my grandad get the flu jab")
    assert isinstance(answer, Answer) and answer.entry.id == "who"


def test_a_knowledge_directory_with_an_empty_lexicon_has_none(tmp_path: Path) -> None:
    write_pack(tmp_path, PACK, name="flu", source=SOURCE)
    (tmp_path / LEXICON_FILE).write_text("# none: our readers say vaccine\n", encoding="utf-8")
    engine = _engine(tmp_path)
    assert engine.tokens("jab") == ["jab"]
    assert not isinstance(engine.ask("should my grandad get the flu jab"), Answer)


def test_a_packs_own_synonym_keeps_its_meaning(tmp_path: Path) -> None:
    # A "shot" is a photograph here, not the lexicon's vaccine; and the pack counts a
    # pharmacist among its doctors (the lexicon files them under pharmacy).
    pack = dict(PACK, synonyms={"photograph": ["shot", "shots", "snap"],
                                "doctor": ["pharmacist"]})
    write_pack(tmp_path, pack, name="flu", source=SOURCE)
    engine = _engine(tmp_path)
    assert engine.tokens("shot") == [stem("photograph")]
    assert engine.tokens("pharmacist") == engine.tokens("gp") == [stem("doctor")]
    assert engine.tokens("jabs") == [stem("vaccine")]


def test_a_pack_that_renames_a_lexicon_term_takes_its_everyday_words_along(
        tmp_path: Path) -> None:
    # The pack calls side effects "reactions": a reader's "adverse effects" (the lexicon's
    # word for side effect) means the pack's term, not a term no entry uses.
    pack = dict(PACK, synonyms={"reaction": ["side effect", "side effects"]})
    write_pack(tmp_path, pack, name="flu", source=SOURCE)
    engine = _engine(tmp_path)
    assert engine.tokens("adverse effects") == engine.tokens("side effects") == [
        stem("reaction")]


def test_a_broken_lexicon_stops_startup_naming_the_file_and_the_word(tmp_path: Path) -> None:
    write_pack(tmp_path, PACK, name="flu", source=SOURCE)
    (tmp_path / LEXICON_FILE).write_text("vaccine: {jab: 1}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(tmp_path)
    assert LEXICON_FILE in str(caught.value) and "'vaccine'" in str(caught.value)


def test_the_shipped_lexicon_maps_no_word_to_two_terms() -> None:
    lexicon = load_knowledge(SHIPPED_KNOWLEDGE_DIR).lexicon
    assert len(lexicon) >= 20
    seen: dict[str, str] = {}
    for canonical, variants in lexicon.items():
        for variant in variants:
            assert seen.setdefault(variant, canonical) == canonical, variant


def test_a_disease_typed_by_any_of_its_names_is_one_word(tmp_path: Path) -> None:
    write_pack(tmp_path, PACK, name="flu", source=SOURCE)
    engine = _engine(tmp_path)
    names = ("covid", "COVID-19", "coronavirus", "corona virus", "sars-cov-2")
    assert {tuple(engine.tokens(name)) for name in names} == {(stem("covid"),)}
