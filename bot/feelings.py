"""A message that only tells how the reader feels: afraid, worried, overwhelmed ("I've been
putting on a brave face for the kids but honestly I'm petrified.", "Es ist einfach alles zu
viel."), wherever in the message the feeling is said and whatever else it tells, as long as it
asks nothing.

Such a reader gets the bot's kind words, not a passage: "I'm worried this MS is getting worse"
had been answered with the article's words on progression, "The chemo part is what really
scares me." with its words on chemotherapy. A message that also asks, in any sentence and in any
way (a question mark, a question's opening word, "I'd like to know whether..."), is the engine's.
The words of each feeling are the small-talk file's (`feelings:` of an intent), searched in the
normalised message; one said with a negation just before it ("not worried", "nothing to worry
about", "less scared now"), one told as past ("I was so worried") and one laughed at tell no
such feeling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.asking import OPENERS, asks, marked_question, requests, sentences, with_lost_stop
from bot.readings import indirectly_asked

MAX_WORDS = 120  # a long story that ends in fear is still only told
NEGATIONS = frozenset({"not", "no", "never", "nothing", "less", "without", "nor",
                       "cannot", "dont", "nt", "isnt", "arent", "wasnt", "didnt",
                       # "no tengo miedo", "keine Angst", "je n'ai plus peur", "non ho paura"
                       "kein", "keine", "nicht", "pas", "plus", "non", "nao", "nie", "geen",
                       "niet", "inte",
                       # "nu mi-e frica", "tidak takut", "δεν φοβάμαι", "không sợ", "не боюсь"
                       "nu", "tidak", "tak", "gak", "nggak", "khong", "δεν", "den", "не",
                       "ні", "nahi", "नहीं", "مش", "ما", "لا"})
# a feeling that was ("thanks, I was so worried but this helped") or laughed at ("watched a
# scary movie last night lol") is not the reader's now
PAST = frozenset({"was"})  # not "were": "we're" is normalised to it
NOT_NOW = NEGATIONS | PAST
LAUGHTER = frozenset({"lol", "lool", "lmao", "lmfao", "rofl", "haha", "hahaha", "hehe", "xd",
                      "jaja", "jajaja", "mdr", "kkk", "kkkk", "rsrs"})
NEGATION_REACH = 2  # words before the feeling a negation may stand ("not really scared");
# "no need to worry" reaches further ("can't sleep, too anxious" must not: a clause apart)
NEGATED = (("no", "need", "to"), ("nothing", "to", "be"))


# A question run on after the words before it, typed with no stop ("my cat keeps sneezing should
# i worry", "she's scared of chemo is that part of this"): a question's word, then who or what;
# or one asked for someone ("my mum's nervous, she wants to know if she'll have to stay...").
# Its question words are the ones `asks` knows (`bot.asking.OPENERS`).
# After "about", "of" or "over" they begin what the feeling is about ("worried about what
# this all means for us"), not a question: here, and where `bot.asking` puts back a stop it
# takes for lost (`_ABOUT_LOST`).
_ABOUT = ("about", "of", "over")
_WHO = r"i|we|you|he|she|they|it|this|that|there"
_IN_PASSING = re.compile(
    "".join(rf"(?<!\b{word})" for word in _ABOUT)
    + rf"\s(?:{OPENERS})\s+(?:{_WHO}|these|those|my|his|her|our|their)\b|"
    r"\b(?:know|wonder|wondering|ask|asking|asks|find out)\s+"
    r"(?:if|whether|what|how|when|why|where|who)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:]\s*|\s[-–—]\s")
_ABOUT_LOST = re.compile(rf"\b(?:{'|'.join(_ABOUT)})\.\s", re.IGNORECASE)
# "can't" opening a clause with no one after it tells ("Can't sleep, too anxious about all
# this"); "can't I have it" asks
_CANT_DO = re.compile(rf"(?:can ?[’']?t|cannot|can not|couldn ?[’']?t|could not)\s+"
                      rf"(?!(?:{_WHO})\b)", re.IGNORECASE)


# "I don't even know where to start", "don't know what to think": at a loss, which tells;
# "I want to know where to go" and "I don't know where to get it" still ask
_AT_A_LOSS = re.compile(r"\b(?:don ?[’']?t|do not|didn ?[’']?t)\s+(?:even\s+|really\s+)?know\s+"
                        r"(?:(?:what|where|how)\s+to\s+(?:start|begin|think|feel|say|ask|turn)"
                        r"|which\s+way\s+is\s+up"
                        r"|(?:if|whether)\s+i\s*[’']?\s*a?m\s+coming\s+or\s+going)\b",
                        re.IGNORECASE)


def asks_nothing(text: str) -> bool:
    """No sentence or clause of the message asks, however it is asked: a request too
    ("Explain HSCT to me like I'm five please. Newly diagnosed, totally overwhelmed.")."""
    text = _AT_A_LOSS.sub(" ", text)
    lost = with_lost_stop(text)
    # "worried about what this means for our family": what the feeling is about, not a
    # question run on with no stop (as `_IN_PASSING` reads it)
    if lost is not None and _ABOUT_LOST.search(lost):
        lost = None
    return ("?" not in text and lost is None and not _IN_PASSING.search(text)
            and not any((asks(c) and not _CANT_DO.match(c)) or marked_question(c)
                        or indirectly_asked(c) is not None or requests(c)
                        for s in sentences(text) for c in (s, *_CLAUSE.split(s))))


def felt(feelings: Iterable[tuple[str, re.Pattern[str]]], norm: str, text: str) -> str | None:
    """The first intent whose feeling the (normalised) message tells, un-negated, when it asks
    nothing; else None."""
    if not norm or norm.count(" ") >= MAX_WORDS or LAUGHTER.intersection(norm.split()):
        return None
    padded = f" {norm} "
    for intent, pattern in feelings:
        for found in pattern.finditer(padded):
            before = padded[:found.start()].split()
            if not (NOT_NOW.intersection(before[-NEGATION_REACH:])
                    or tuple(before[-3:]) in NEGATED):
                return intent if asks_nothing(text) else None
    return None
