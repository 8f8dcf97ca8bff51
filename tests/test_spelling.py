"""The one spelling corrector the engine and the safety screen share."""

from bot.spelling import Speller
from bot.text import stem

WORDS = ["stem", "cell", "transplant", "trial", "multiple", "sclerosis", "harvest", "hsct",
         "chickenpox", "everyone"]


def engine_like() -> Speller:
    return Speller(WORDS, known=["is", "the"], shortest=5, long_word=10, swaps=True,
                   splits=True)


def test_a_typo_is_spelt_as_the_vocabulary_spells_it() -> None:
    assert engine_like().correct("transplnt") == ["transplant"]


def test_a_comparative_of_a_known_word_is_not_a_typo_of_another() -> None:
    speller = Speller([*WORDS, "never", "new", "safe", "risky", "big"], shortest=5,
                      long_word=10)
    for word in ("newer", "newest", "safer", "riskier", "bigger"):
        assert speller.correct(word) == [word]
    assert speller.correct("nevar") == ["never"]  # a typo is still a typo


def test_a_run_together_pair_comes_apart() -> None:
    assert engine_like().correct("stemcell") == ["stem", "cell"]


def test_a_real_word_is_not_split_into_a_function_word_and_another() -> None:
    """"progressive" must stay a word, not become "progress" and "I've"."""
    speller = Speller([*WORDS, "progress", "ive", "out", "come", "what", "are"], shortest=5,
                      long_word=10, splits=True, function_words=["ive", "out", "what", "are"])
    assert speller.correct("progressive") == ["progressive"]
    assert speller.correct("outcome") == ["outcome"]
    assert speller.correct("whatare") == ["what", "are"]  # two function words run together
    assert speller.correct("stemcell") == ["stem", "cell"]


def test_another_form_of_a_known_word_is_read_as_that_word_not_as_a_typo() -> None:
    speller = Speller([*WORDS, "walking", "talk", "worried", "sorry"], shortest=5,
                      long_word=10, stem=stem)
    assert speller.correct("talking") == ["talk"]  # not "walking", one letter away
    assert speller.correct("worry") == ["worried"]  # not "sorry"
    assert speller.correct("walkin") == ["walking"]  # a typo is still a typo


def test_a_word_typed_as_two_is_joined_unless_both_halves_are_words() -> None:
    speller = engine_like()
    assert speller.correct_all(["is", "it", "chicken", "pox"]) == ["is", "it", "chickenpox"]
    assert speller.correct_all(["chiken", "pox"]) == ["chiken", "pox"]  # only as typed
    assert Speller(WORDS, known=["every", "one"], shortest=5, long_word=10, splits=True
                   ).correct_all(["every", "one"]) == ["every", "one"]
    assert Speller(WORDS, shortest=5, long_word=10).correct_all(["chicken", "pox"]) == [
        "chicken", "pox"]  # without `splits`


def test_a_short_word_only_gets_two_swapped_letters_put_back() -> None:
    speller = engine_like()
    assert speller.correct("hcst") == ["hsct"]
    assert speller.correct("stam") == ["stam"]  # one letter off, but too short to guess


def test_a_question_word_missing_a_letter_is_put_back_but_not_a_real_word() -> None:
    speller = Speller(WORDS, known=["is", "the"], shortest=5, long_word=10, swaps=True,
                      clipped=True)
    assert [speller.correct(w) for w in ("wht", "wich", "shoud", "whn")] == [
        ["what"], ["which"], ["should"], ["when"]]
    # "could" is not put back ("cold"), nor a missing first letter ("hat", "ill").
    assert [speller.correct(w) for w in ("cold", "hat", "ill")] == [["cold"], ["hat"], ["ill"]]
    assert engine_like().correct("wht") == ["wht"]  # without `clipped`, nothing is put back


def test_only_long_words_may_have_two_typos() -> None:
    speller = engine_like()
    assert speller.correct("trensplent") == ["transplant"]  # ten letters
    assert speller.correct("sclarozis") == ["sclarozis"]  # nine
    assert speller.correct("trail") == ["trial"]


def test_known_words_numbers_and_runs_of_letters_are_left_alone() -> None:
    speller = engine_like()
    assert speller.correct("the") == ["the"]
    assert speller.correct("65") == ["65"]
    assert speller.correct("a" * 40) == ["a" * 40]


def test_without_swaps_or_splits_short_and_joined_words_stay_as_written() -> None:
    cautious = Speller(WORDS, shortest=6, long_word=12)
    assert cautious.correct("hcst") == ["hcst"]
    assert cautious.correct("stemcell") == ["stemcell"]
    assert cautious.correct("harvset") == ["harvest"]
