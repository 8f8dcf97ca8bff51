"""Text normalisation: what readers type and what curators wrote meet on common ground."""

from __future__ import annotations

import pytest

from bot.knowledge import load_knowledge
from bot.text import (
    STOPWORDS,
    STOPWORDS_STEMMED,
    Synonyms,
    fold,
    normalise,
    spell,
    stem,
    words,
    words_of,
)
from tests.conftest import SHIPPED_KNOWLEDGE_DIR


@pytest.fixture(scope="module")
def shipped_synonyms() -> Synonyms:
    return Synonyms(load_knowledge(SHIPPED_KNOWLEDGE_DIR).synonyms)


# -- folding -------------------------------------------------------------------------------------


def test_fold_lowercases_including_unicode_case() -> None:
    assert fold("HSCT For MS") == "hsct for ms"
    assert fold("Straße") == "strasse"  # casefold, not just lower


def test_fold_applies_compatibility_forms() -> None:
    assert fold("ＨＳＣＴ") == "hsct"  # full-width letters
    assert fold("ﬁne") == "fine"  # ligature


def test_fold_turns_smart_quotes_into_apostrophes() -> None:
    assert fold("patient’s ‘own’ cells") == "patient's 'own' cells"


def test_fold_strips_accents_from_latin_letters() -> None:
    assert fold("Café naïve résumé") == "cafe naive resume"


def test_fold_keeps_non_latin_scripts_readable() -> None:
    assert fold("Ελληνικά") == "ελληνικά"
    assert fold("ما هو") == "ما هو"


def test_words_drop_punctuation_and_split_hyphens() -> None:
    assert words("Stem-cell transplant?! (for MS...)") == ["stem", "cell", "transplant",
                                                           "for", "ms"]
    assert words("?!.,;:--...") == []
    assert words("") == []


def test_many_texts_tokenised_together_split_as_each_alone() -> None:
    texts = ["What's HSCT?", "", "a <b", "c> d", "Café ’tis the patient’s", "  ", "don't", "</i",
             "<i>stem</i>\u200bcells", "x\x00y", "leukaemia-free, 5 years"]
    expected = [words(t) for t in texts]
    assert words_of(texts) == expected
    assert words_of(texts[:-2]) == expected[:-2]  # no text holding the separator
    assert words_of(texts[2:4]) == [["a", "b"], ["c", "d"]]  # no tag across two texts
    assert words_of([]) == [] and words_of(["", ""]) == [[], []]


def test_normalise_joins_folded_words_with_single_spaces() -> None:
    assert normalise("  What’s   HSCT?\n") == "what is hsct"


# -- British -> US -------------------------------------------------------------------------------


@pytest.mark.parametrize(("british", "us"), [
    ("haematopoietic", "hematopoietic"),
    ("Haematopoietic", "hematopoietic"),
    ("haemopoietic", "hematopoietic"),
    ("leukaemia", "leukemia"),
    ("tumour", "tumor"),
    ("centre", "center"),
])
def test_british_spellings_become_us(british: str, us: str) -> None:
    assert words(british) == [us]


@pytest.mark.parametrize(("british", "us"), [
    ("organise", "organize"),
    ("organised", "organized"),
    ("organising", "organizing"),
    ("organisation", "organization"),
    ("randomised", "randomized"),
    ("specialises", "specializes"),
])
def test_ise_forms_become_ize(british: str, us: str) -> None:
    assert words(british) == [us]


@pytest.mark.parametrize("word", ["exercise", "surprise", "advise", "otherwise", "rise",
                                  "promise", "precise", "wise"])
def test_words_that_only_look_like_ise_forms_are_kept(word: str) -> None:
    assert spell(word) == word


# -- contractions --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("what's", ["what", "is"]),
    ("what’s", ["what", "is"]),
    ("whats", ["what", "is"]),
    ("don't", ["do", "not"]),
    ("dont", ["do", "not"]),
    ("can't", ["can", "not"]),
    ("cant", ["can", "not"]),
    ("cannot", ["can", "not"]),
    ("isn’t", ["is", "not"]),
    ("isnt", ["is", "not"]),
    ("I'm", ["i", "am"]),
    ("im", ["i", "am"]),
    ("frm", ["from"]),  # texting shorthand
    ("hw", ["how"]),
    ("whr", ["where"]),
    ("idk", ["i", "do", "not", "know"]),
])
def test_contractions_expand_with_and_without_apostrophe(text: str,
                                                         expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize("word", ["its", "well", "ill", "lets", "were"])
def test_ordinary_words_are_not_read_as_contractions(word: str) -> None:
    assert words(word) == [word]


def test_possessive_s_is_dropped() -> None:
    assert words("the patient’s cells") == ["the", "patient", "cells"]
    assert words("the body's cells") == ["the", "body", "cells"]


# -- synonyms ------------------------------------------------------------------------------------


def test_synonym_phrases_are_rewritten_longest_first() -> None:
    table = Synonyms({"bone marrow transplant": ["bmt"], "bone marrow": ["marrow"]})
    assert table.apply(words("a bone marrow transplant")) == ["a", "bone_marrow_transplant"]
    assert table.apply(words("bone marrow and marrow")) == ["bone_marrow", "and",
                                                            "bone_marrow"]
    assert table.apply(words("BMT")) == ["bone_marrow_transplant"]


def test_a_longer_phrase_matches_without_the_article() -> None:
    table = Synonyms({"citation": ["link to the paper", "the runs"],
                      "fever": ["a temperature"], "title": ["link to paper"]})
    assert table.apply(words("link to paper")) == ["title"]  # a phrase of its own wins
    table = Synonyms({"citation": ["link to the paper", "the runs"]})
    assert table.apply(words("link to paper please")) == ["citation", "please"]
    assert table.apply(words("runs")) == ["runs"]  # two words: "the" is half the phrase


def test_canonical_phrase_maps_to_its_own_token() -> None:
    table = Synonyms({"multiple sclerosis": ["ms"]})
    assert table.apply(words("Multiple Sclerosis")) == ["multiple_sclerosis"]


def test_synonym_variants_are_normalised_like_questions() -> None:
    table = Synonyms({"hematopoietic": ["haemopoietic"], "do not": ["dont"]})
    assert table.apply(words("Haematopoietic")) == ["hematopoietic"]
    assert table.apply(words("don’t")) == ["do_not"]


def test_empty_synonyms_change_nothing() -> None:
    table = Synonyms()
    assert not table
    assert table.apply(["bone", "marrow"]) == ["bone", "marrow"]


@pytest.mark.parametrize("phrase", [
    "bone marrow transplant", "stem cell transplant", "HSCT", "aHSCT", "BMT",
    "haematopoietic stem cell transplant", "autologous HSCT", "stem cell transplantation",
])
def test_shipped_synonyms_make_transplant_variants_one_token(shipped_synonyms: Synonyms,
                                                             phrase: str) -> None:
    assert shipped_synonyms.apply(words(phrase)) == ["hematopoietic_stem_cell_transplantation"]


@pytest.mark.parametrize("phrase", ["MS", "multiple sclerosis", "M.S.", "Multiple Sclerosis"])
def test_shipped_synonyms_make_ms_one_token(shipped_synonyms: Synonyms, phrase: str) -> None:
    assert shipped_synonyms.apply(words(phrase)) == ["multiple_sclerosis"]


@pytest.mark.parametrize(("variant", "canonical"), [
    ("chemo", "chemotherapy"), ("IV", "intravenous"), ("haematopoietic", "hematopoietic"),
])
def test_shipped_synonyms_fold_abbreviations(shipped_synonyms: Synonyms, variant: str,
                                             canonical: str) -> None:
    assert shipped_synonyms.apply(words(variant)) == [canonical]


def test_synonyms_rewrite_inside_a_sentence(shipped_synonyms: Synonyms) -> None:
    assert shipped_synonyms.apply(words("is a BMT safe for MS?")) == [
        "is", "a", "hematopoietic_stem_cell_transplantation", "toxic", "for",
        "multiple_sclerosis"]


def test_stem_leaves_non_alphabetic_tokens_alone() -> None:
    assert stem("0") == "0"
    assert stem("transplants") == stem("transplant")


def test_format_characters_are_invisible_to_matching() -> None:
    assert words("h\u200bs\u200bc\u200bt\u00ad and\u2060 m\ufeffs") == ["hsct", "and", "ms"]


def test_stop_words_are_defined_once_with_their_stemmed_forms() -> None:
    assert "about" in STOPWORDS and "please" in STOPWORDS
    assert stem("wondering") in STOPWORDS_STEMMED
    assert not STOPWORDS & {"hsct", "stem", "cell", "safe"}


def test_code_switched_politeness_and_claim_checks_are_function_words() -> None:
    assert {"po", "kuya", "yaar", "hai", "wallahi", "true", "according"} <= STOPWORDS
    assert "accurate" not in STOPWORDS  # "how accurate is a colonoscopy" asks about the test

