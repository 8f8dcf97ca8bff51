"""The product's quality bar over the labelled question sets, with the engine's default threshold.

Run with `pytest -s tests/test_accuracy.py` to see the figures; they are also in every
assertion message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.evaluation import Labelled, Report, evaluate, question_files, read_questions, unknown_ids
from bot.knowledge import load_knowledge
from bot.results import Answer, Declined
from bot.tuning import THRESHOLD
from tests.conftest import SHIPPED_KNOWLEDGE_DIR, TESTS_DIR

# Over all the curated files together; 0.90 before the two hardest blind sets (inquirers.tsv,
# wayfarers.tsv, first 73.3% and 70.7%) were curated in (89.3% with them), and again since long
# messages far ahead of the next entry are answered and voyagers.tsv and rovers.tsv were
# curated in (90.9%), and tourists.tsv after them (91.0%).
MIN_IN_SCOPE_ACCURACY = 0.90
MIN_OUT_OF_SCOPE_REJECTION = 0.90
# Each file's own floor (in scope, out of scope declined): what the shipped pack reaches, rounded
# down to a whole percent, so a change that helps one set by hurting another shows. Written
# blind, visitors.tsv first scored 74.3% / 94.1%, newcomers.tsv 86.3% / 98.2%, askers.tsv
# 83.9% / 96.1%, seekers.tsv (long personal questions) 55.1% / 96.4%, enquirers.tsv 80.0% /
# 94.5%, inquirers.tsv 73.3% / 96.4% and wayfarers.tsv 70.7% / 95.0%; these are after curating
# the pack; roamers.tsv (readers who found the article by a search or a newsletter) first
# scored 84.8% / 96.7% and was curated after that first measure (91.5% / 96.7%); pilgrims.tsv
# (carers, readers with little health vocabulary, non-native speakers, very short messages,
# sceptics) first scored 69.1% / 100% and was curated after that first measure (81.8% / 100%).
# voyagers.tsv (members of a patient group where the link was shared) first scored 77.0% / 95.0%
# and was curated after that first measure (87.3% / 95.0%); rovers.tsv (long personal messages)
# first scored 57.6% / 96.7% and the long-message decision (`bot.tuning.LONG_MESSAGE`) was
# chosen on it and the files before it (70.9% / 96.7%), then the pack was curated against
# it (83.6% / 96.7%). tourists.tsv (readers after following a link: follow-ups, readers quoting
# the article, voice-to-text, formal older readers, non-native English, the procedure misnamed,
# sceptics) first scored 78.2% / 91.7% and was curated after that first measure (90.9% / 100%).
# explorers.tsv (members of a patient group in five Englishes: dictation slips, two questions in
# one, jargon next to none, the article quoted back) first scored 84.8% / 100% and was curated
# after that first measure (97.0% / 100%). hikers.tsv (members of a patient organisation's
# group chat: replies to other members with the question after, claims heard elsewhere checked,
# Filipino, Hindi and Arabic politeness words, who did the study) first scored 84.2% / 98.3%
# and was curated after that first measure (95.2% / 100%). climbers.tsv (readers typing as into
# a search box or to a voice assistant, the procedure misnamed, the study's method questioned)
# first scored 89.1% / 100% and was curated after that first measure (96.4% / 100%).
# sailors.tsv (readers from a clinic poster or a search: translation tools' word order, textbook
# terms of pharmacy and nursing students, half-remembered names, formal older writers,
# follow-ups) first scored 86.1% / 96.7% and was curated after that first measure (98.2% /
# 98.3%). boarders.tsv (people living with MS who mix its jargon with the article's: RRMS,
# EDSS, DMTs by brand, "my neuro"; voice dictation with spoken "question mark"; asking for
# someone else) first scored 86.7% / 98.3% and was curated after that first measure (93.9% /
# 98.3%). stewards.tsv (readers who want the plain meaning: "what does X mean" for the article's
# words, "explain like I'm five", misreadings to confirm, questions about the article itself,
# what to do next, two entries in one question, hurried short questions) first scored 80.0% /
# 96.7% and was curated after that first measure (91.5% / 98.3%). commuters.tsv (phone users in
# a hurry, Telegram inline and groups: 1-4 word queries, clinical and chat shorthand, typos, one
# detail of the article asked bluntly) first scored 87.9% / 95.0% and was curated after that
# first measure (94.5% / 96.7%). neighbours.tsv (carers, relatives and friends asking for someone
# with MS, the article's claims turned round, formal older writers and teenagers) first scored
# 73.9% / 98.3% and was curated after that first measure (88.5% / 98.3% merged with the
# commuters curation).
# passersby.tsv (78.8% / 98.3%), drifters.tsv (83.6% / 98.3%), sojourners.tsv (written as an
# outside evaluator's held-out set: 80.6% / 93.3%), nomads.tsv (the same: 78.8% / 95.0%) and
# ramblers.tsv (terse keyword queries: 81.2% / 96.7%), trekkers.tsv (an evaluator's mix
# written after all that: 86.1% / 95.0%) and pioneers.tsv (an evaluator's representative mix,
# written after the tourists curation: 74.5% / 98.3%) and guests.tsv (a newsroom's readers on
# their phones, written after the explorers curation: 78.2% / 96.7%) and travellers.tsv (people
# writing to a clinic's channel, written after the hikers curation: 85.5% / 95.0%) and
# rangers.tsv (an MS charity's newsletter readers, written after the climbers curation: 86.7% /
# 96.7%) and lodgers.tsv (a Telegram group where the article was shared: a sceptical journalist,
# a GP, a spouse, fast phone typers: 87.3% / 98.3%) and tenants.tsv (a newsroom's readers under
# the article: skimmers, headline-only readers, people arguing with it, written after the
# sailors curation: 78.2% / 98.3%) and onlookers.tsv (an evaluator's representative mix of
# curious readers, not adversarial: 92.1% / 96.7%) and passengers.tsv (the same, written after
# the commuters and neighbours curations: 87.9% / 95.0%) and residents.tsv (the same again,
# written after the clinicians curation: 93.9% / 96.7%) and islanders.tsv (the same again,
# written after the patrons and townsfolk curations: 89.1% / 96.7%) and mariners.tsv (the same
# again, written after the cyclists and campers curations: 89.1% / 93.3%) and villagers.tsv
# (the same again: 91.5% / 98.3%) and wardens.tsv (the same again, written after the spectators
# and gardeners curations: 92.7% / 96.7%) and keepers.tsv (the same again, written after the
# porters and ferrymen curations: 85.5% / 95.0%) and shepherds.tsv (the same again, written after
# the cottagers curation: 82.4% / 96.7%) and anglers.tsv (the same again, a session later:
# 81.2% / 98.3%) and spinners.tsv (the same again, two sessions later: 87.9% / 96.7%) are as
# first measured, not curated (`HELD_OUT`).
# clinicians.tsv (health professionals and students: MS nurses,
# pharmacists, GP trainees, physios, medical students, a librarian; clinical shorthand, what to
# tell a patient) first scored 69.7% / 95.0% and was curated after that first measure (90.3% /
# 95.0%); cyclists.tsv (phone-typed and dictated) first scored 86.1% / 95.0%, curated to 92.1% /
# 95.0%; campers.tsv (a story told first, then the question; formal letters; sceptics; what the
# study showed and who did it; what happens after) first scored 73.9% / 95.0%, curated to
# 87.3% / 95.0%. spectators.tsv (readers who never use the article's terms: "stem cells", "the
# transplant", "the reset", "AHSCT", "it") first scored 89.1% / 98.3% and was curated after
# that first measure (95.8% / 98.3%). gardeners.tsv (readers asking about the evidence and what
# it means: what the study found, what kind of study, animals or people, approved or in trials,
# who did it, claims heard) first scored 86.1% / 100% and was curated after that first measure
# (89.7% / 100%). porters.tsv (readers whose English is a second language: their own language's
# word order and grammar, literal translations and false friends, formal openers, words of their
# own language mixed in) first scored 75.2% / 96.7% and was curated after that first measure
# (86.7% / 100%). ferrymen.tsv (questions with a more complex shape than one plain question:
# two things asked at once, negations, conditions and concessions, contrasts, tag questions and
# statements with a question mark, a reader's assumption to confirm or correct) first scored
# 79.4% / 100% and was curated after that first measure (82.4% / 100%).
# cottagers.tsv (an evaluator's representative mix again, written after the keepers hold-out)
# first scored 79.4% / 95.0% and was curated after that first measure (81.8% / 95.0%).
# Answering a question of the knowledge's own words far ahead of the next entry under the
# threshold (`bot.tuning.FAMILIAR_LEAD`, chosen on the curated files) and the cottagers curation
# answer more right on most files, and one out-of-scope question more in each of guests, patrons
# and passengers ("can I get cells from a donor like my sister", "what are the names of the two
# trials on ClinicalTrials.gov?"): their floors were lowered by that one question. Commuters'
# in-scope floor went from 0.94 to 0.93: the rule takes only messages that ask (everyday lines
# such as "bro said consult your doctor" must never get a passage), and it had answered two of
# its keyword queries first ("interested what now").
FILE_FLOORS = {"questions.tsv": (0.97, 0.96), "holdout.tsv": (0.99, 1.0),
               "readers.tsv": (0.98, 1.0), "visitors.tsv": (0.94, 0.94),
               "newcomers.tsv": (0.95, 0.98), "askers.tsv": (0.95, 1.0),
               "strangers.tsv": (0.93, 0.98), "wanderers.tsv": (0.87, 0.92),
               "callers.tsv": (0.96, 0.92), "seekers.tsv": (0.81, 0.98),
               "enquirers.tsv": (0.91, 0.96), "inquirers.tsv": (0.85, 0.96),
               "wayfarers.tsv": (0.84, 0.95), "passersby.tsv": (0.78, 0.98),
               "drifters.tsv": (0.83, 0.98), "roamers.tsv": (0.94, 0.96),
               "sojourners.tsv": (0.81, 0.93), "pilgrims.tsv": (0.84, 1.0),
               "voyagers.tsv": (0.87, 0.95), "nomads.tsv": (0.78, 0.95),
               "rovers.tsv": (0.83, 0.96), "ramblers.tsv": (0.83, 0.96),
               "trekkers.tsv": (0.86, 0.95), "tourists.tsv": (0.90, 1.0),
               "pioneers.tsv": (0.74, 0.98), "explorers.tsv": (0.96, 1.0),
               "guests.tsv": (0.78, 0.95), "hikers.tsv": (0.93, 0.98),
               "travellers.tsv": (0.85, 0.95), "rangers.tsv": (0.86, 0.96),
               "climbers.tsv": (0.95, 0.98), "sailors.tsv": (0.97, 0.97),
               "boarders.tsv": (0.93, 0.97), "lodgers.tsv": (0.87, 0.98),
               "tenants.tsv": (0.78, 0.98), "stewards.tsv": (0.90, 0.97),
               "onlookers.tsv": (0.92, 0.96), "commuters.tsv": (0.93, 0.96),
               "neighbours.tsv": (0.88, 0.98), "passengers.tsv": (0.87, 0.93),
               "residents.tsv": (0.93, 0.96),
               "patrons.tsv": (0.93, 0.96), "townsfolk.tsv": (0.92, 0.98),
               "clinicians.tsv": (0.90, 0.95), "islanders.tsv": (0.89, 0.96),
               "cottagers.tsv": (0.81, 0.95),
               "cyclists.tsv": (0.92, 0.95), "campers.tsv": (0.87, 0.95),
               "mariners.tsv": (0.89, 0.93), "villagers.tsv": (0.91, 0.98),
               "wardens.tsv": (0.92, 0.96), "keepers.tsv": (0.85, 0.95),
               "shepherds.tsv": (0.82, 0.96), "anglers.tsv": (0.81, 0.98),
               "harvesters.tsv": (0.89, 0.91),
               # foragers.tsv: the representative mix again, first 84.2% / 95.0%, misses read
               "foragers.tsv": (0.84, 0.95),
               # gleaners.tsv: the representative mix again, first 83.6% / 96.7%, misses read
               "gleaners.tsv": (0.83, 0.96),
               # weavers.tsv: the representative mix again (readers from a web search, a
               # newsletter, a forum), first 87.3% / 93.3%, misses read
               "weavers.tsv": (0.87, 0.93),
               # spinners.tsv: the same mix (a family WhatsApp group, a nurse's email, a
               # charity's channel), held out: first 87.9% / 96.7%
               "spinners.tsv": (0.87, 0.96),
               # dwellers.tsv: the same mix (an MS forum, a clinic newsletter, a Reddit thread, a
               # newsroom's channel), first measured 89.7% / 98.3%; misses read
               "dwellers.tsv": (0.89, 0.98),
               # tinkers.tsv: the same mix (a news app's feed, a Facebook group, a pharmacy's
               # email, a nursing course), held out: first 86.7% / 96.7%
               "tinkers.tsv": (0.86, 0.96),
               # millers.tsv: the same mix (a waiting-room poster, a podcast, a charity's
               # newsletter, a Reddit thread), first measured 84.8% / 100%; misses read
               "millers.tsv": (0.84, 1.0),
               # glaziers.tsv: the same mix (a local paper's health page, a WhatsApp group of
               # MS mums, a nurse's email, a video's comments), held out: first 88.5% / 96.7%
               "glaziers.tsv": (0.88, 0.96),
               # coopers.tsv: the same mix (a GP newsletter, an MS nurse's session, a forum
               # thread, a podcast's listeners), first measured 84.2% / 100%; misses read
               "coopers.tsv": (0.84, 1.0),
               # chandlers.tsv: the same mix (a radio health segment, a parents' forum, a
               # hospital library's digest, an MS society's page), held out: first 83.0% / 96.7%
               "chandlers.tsv": (0.83, 0.96),
               # potters.tsv: the same mix (a charity newsletter, a science column's comments,
               # a care home's noticeboard, a university's disability service), first measured
               # 86.1% / 98.3%; misses read
               "potters.tsv": (0.86, 0.98),
               # masons.tsv: the same mix (a search box's "people also ask", a neurologist's
               # post, a course for the newly diagnosed, a church bulletin), held out: first
               # 86.1% / 98.3%
               "masons.tsv": (0.86, 0.98),
               # tanners.tsv: the same mix (an advocacy newsletter, a pharmacy's screen, a
               # multilingual news channel, a library's health desk), first measured 88.5% /
               # 98.3%; misses read
               "tanners.tsv": (0.88, 0.98),
               # carters.tsv: the same mix (a broadcaster's health site, a physio clinic's blog,
               # a carers' group, a lecture handout), held out: first 87.3% / 96.7%
               "carters.tsv": (0.87, 0.96),
               # joiners.tsv: the same mix (a charity's research email, a clinic leaflet, a
               # carers' WhatsApp group, a journalist's newsletter), held out, written after
               # every change of its session: first 84.8% / 98.3%
               "joiners.tsv": (0.84, 0.98),
               "spectators.tsv": (0.95, 0.98), "gardeners.tsv": (0.89, 1.0),
               "porters.tsv": (0.86, 1.0), "ferrymen.tsv": (0.82, 1.0)}
# Sets nobody has curated the pack against: each holds its own floor, and stays out of the
# curated files' overall bar, so it keeps measuring questions the pack was not fitted to.
HELD_OUT = {"passersby.tsv", "drifters.tsv", "sojourners.tsv", "nomads.tsv", "ramblers.tsv",
            "trekkers.tsv", "pioneers.tsv", "guests.tsv", "travellers.tsv",
            "rangers.tsv", "lodgers.tsv", "tenants.tsv", "onlookers.tsv",
            "passengers.tsv", "residents.tsv", "islanders.tsv",
            "mariners.tsv", "villagers.tsv", "wardens.tsv",
            "keepers.tsv", "shepherds.tsv", "anglers.tsv", "spinners.tsv",
            "tinkers.tsv", "glaziers.tsv", "chandlers.tsv", "masons.tsv",
            "carters.tsv", "joiners.tsv"}
QUESTION_FILES = [TESTS_DIR / "data" / name for name in FILE_FLOORS]
MIN_QUESTIONS = 150
# In scope answered, or its question offered as a button when declined or ambiguous: on every
# file, however hard, a reader is at most one tap from the right passage this often.
MIN_REACH = 0.90
MIN_OUT_OF_SCOPE = 50


def test_every_question_file_on_disk_has_its_floor() -> None:
    assert sorted(FILE_FLOORS) == [p.name for p in question_files(TESTS_DIR / "data")]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_knowledge(load_knowledge(SHIPPED_KNOWLEDGE_DIR))


@pytest.fixture(scope="module")
def labelled() -> dict[Path, list[Labelled]]:
    return {path: read_questions(path) for path in QUESTION_FILES}


@pytest.fixture(scope="module")
def report(engine: Engine, labelled: dict[Path, list[Labelled]]) -> Report:
    return evaluate(engine, [q for path, rows in labelled.items() if path.name not in HELD_OUT
                             for q in rows])


def figures(report: Report) -> str:
    origin = {(q.line, q.question): path.name for path in QUESTION_FILES
              for q in read_questions(path)}
    misses = "\n".join(
        f"  {origin.get((q.line, q.question), '?')}:{q.line}: {q.question!r} "
        f"expected {q.expected or 'out of scope'}, got "
        f"{r.entry.id if isinstance(r, Answer) else r.outcome} ({r.score:.1f})"
        for q, r in report.misses)
    return (f"in scope {report.answered}/{report.in_scope} = {report.in_scope_accuracy:.1%}, "
            f"out of scope rejected {report.rejected}/{report.out_of_scope} = "
            f"{report.out_of_scope_rejection:.1%}, overall {report.overall:.1%} "
            f"(threshold {THRESHOLD})\nmisses:\n{misses}")


def test_engine_uses_its_default_threshold(engine: Engine) -> None:
    assert engine.threshold == THRESHOLD


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: p.name)
def test_question_file_is_large_enough(labelled: dict[Path, list[Labelled]],
                                       path: Path) -> None:
    rows = labelled[path]
    out = sum(q.expected is None for q in rows)
    assert len(rows) >= MIN_QUESTIONS and out >= MIN_OUT_OF_SCOPE, (
        f"{path.name}: {len(rows)} questions, {out} out of scope")


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: p.name)
def test_every_expected_entry_exists(engine: Engine, labelled: dict[Path, list[Labelled]],
                                     path: Path) -> None:
    unknown = [(q.line, q.expected) for q in unknown_ids(engine, labelled[path])]
    assert unknown == [], f"{path.name}: unknown entry ids"


def test_every_entry_is_asked_about_in_the_question_sets(
        engine: Engine, labelled: dict[Path, list[Labelled]]) -> None:
    asked = {q.expected for rows in labelled.values() for q in rows}
    assert [e.id for e in engine.entries if e.id not in asked] == []


def test_in_scope_accuracy_meets_the_bar(report: Report) -> None:
    print(f"\n{figures(report)}")
    assert report.in_scope_accuracy >= MIN_IN_SCOPE_ACCURACY, figures(report)


def test_out_of_scope_rejection_meets_the_bar(report: Report) -> None:
    assert report.out_of_scope_rejection >= MIN_OUT_OF_SCOPE_REJECTION, figures(report)


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda p: p.name)
def test_each_question_set_holds_its_floor(engine: Engine,
                                           labelled: dict[Path, list[Labelled]],
                                           path: Path) -> None:
    in_floor, out_floor = FILE_FLOORS[path.name]
    report = evaluate(engine, labelled[path])
    assert (report.in_scope_accuracy >= in_floor
            and report.out_of_scope_rejection >= out_floor), f"{path.name}: {figures(report)}"
    assert report.reach >= MIN_REACH, f"{path.name}: {report.reach:.1%} answered or offered"


def test_ranking_accuracy_ignores_the_threshold_and_wrong_answers_need_an_answer(
        labelled: dict[Path, list[Labelled]]) -> None:
    questions = [q for rows in labelled.values() for q in rows[::8]]  # every file's kinds
    shipped = Engine.from_knowledge(load_knowledge(SHIPPED_KNOWLEDGE_DIR))
    usual = evaluate(shipped, questions)
    shipped.threshold = float("inf")  # above every score, a long message's lower bar too
    silent = evaluate(shipped, questions)
    assert silent.ranked_first == usual.ranked_first >= usual.answered
    assert usual.wrong == sum(1 for q, r in usual.misses if isinstance(r, Answer))
    assert silent.answered == silent.wrong == 0
    assert silent.offered == sum(1 for q, r in silent.misses if isinstance(r, Declined)
                                 and q.expected in {e.id for e in r.offered})
    assert usual.reach >= usual.in_scope_accuracy and silent.offered > 0
