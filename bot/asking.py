"""Whether a message asks, and which of its sentences do: its questions and the story told
around them (`bot.readings` finds the question inside other wrappers, `bot.framing` takes off
the frame around it).

A reader's message is often more than one question in plain words ("My dad is 72 and has MS.
Is HSCT an option for him?", "my neuro said it's only for young people, true?"). The engine
scores the parts found here apart as well as whole, so the words around a question (who is
asking, who said it, why they ask) do not count against the entry that answers it.
"""

from __future__ import annotations

import re

from bot.text import MIN_QUESTION_WORDS, QUESTION_OPENERS, QUESTION_WORDS, STOPWORDS, words


def says_nothing(text: str) -> bool:
    """Only function words (or none): no part of a message worth scoring on its own."""
    return all(w in STOPWORDS for w in words(text))


def asks(text: str) -> bool:
    """A real question: a question mark or a question's opening word, and enough words."""
    found = words(text)
    return len(found) >= MIN_QUESTION_WORDS and (
        text.rstrip().endswith("?") or found[0] in QUESTION_OPENERS)


# A request asks too, with no question's word or mark ("Explain HSCT to me like I'm five",
# "give me the gist")
_REQUEST = re.compile(r"(?:please\s+|pls\s+|plz\s+|can you\s+|could you\s+)?(?:explain|describe|"
                      r"summari[sz]e|clarify|tell me|tell us|give me|show me|walk me through|"
                      r"help me understand|let me know)\b", re.IGNORECASE)


def requests(text: str) -> bool:
    """Opens with a request to explain or tell."""
    return _REQUEST.match(text.strip()) is not None


# A question in a reader's own language, by its opening: a question word or an "I'd like to
# know" in Italian, Spanish, French, German or Portuguese ("vorrei sapere quanto dura il
# ricovero", "cuánto tiempo dura"). The engine cannot read it, yet it asks, so a greeting beside
# it is not the whole reply (`bot.conversation`).
_OPENERS_ELSEWHERE = frozenset("""
quanto quanta quanti quante come cosa perche quando dove chi quale quali
cuanto cuanta cuantos cuantas como que cual cuales cuando donde quien quienes
combien comment pourquoi quand ou qui quel quelle quels quelles
wie was warum wann wo wer welche welcher welches wieviel wieso weshalb
quantos quantas qual quais onde quem
""".split())
_LEAD_INS_ELSEWHERE = tuple(tuple(lead.split()) for lead in (
    "vorrei sapere", "volevo sapere", "vorrei chiedere", "volevo chiedere",
    "quisiera saber", "queria saber", "quiero saber", "me gustaria saber",
    "je voudrais savoir", "j aimerais savoir", "jaimerais savoir", "je veux savoir",
    "est ce que", "ich mochte wissen", "ich wurde gerne wissen", "ich wollte fragen",
    "gostaria de saber", "quero saber"))


def asks_elsewhere(text: str) -> bool:
    """Opens as a question does in another language the engine does not read."""
    found = words(text)
    return len(found) >= MIN_QUESTION_WORDS and (
        found[0] in _OPENERS_ELSEWHERE
        or any(tuple(found[:len(lead)]) == lead for lead in _LEAD_INS_ELSEWHERE))


# A question's mark in the scripts that have their own ("？" Chinese and Japanese, "؟" Arabic)
_QUESTION_MARK = re.compile(r"[?？؟]\s*$")
_UNSPACED_QUESTION = 8  # characters of a question in a script written without spaces


def marked_question(text: str) -> bool:
    """Ends with a question mark, in any script's own, and is long enough to ask something:
    enough words, or a long run of a script written without spaces ("你好，HSCT 的成功率是多少？").
    Unlike `asks`, it needs no opening word a reader of English would know."""
    found = words(text)
    return bool(_QUESTION_MARK.search(text)) and (
        len(found) >= MIN_QUESTION_WORDS
        or any(len(w) >= _UNSPACED_QUESTION and not w.isascii() for w in found))


_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")


def sentences(text: str) -> list[str]:
    """The message's sentences, split after each ".", "!" or "?", and after a colon: what
    comes before one is a label or a preface ("For a school project: what happens...")."""
    return _SENTENCE_END.split(text.strip())


_CLAUSE_END = re.compile(rf"[,;]\s*|{_SENTENCE_END.pattern}")  # a comma, or a sentence's end


def clauses(text: str) -> list[str]:
    """The message's sentences and their comma-separated parts ("my wife has PPMS, could
    she have hsct")."""
    return [c for c in _CLAUSE_END.split(text.strip()) if c.strip()]


_JOINED = re.compile(r"^(?:and|also|plus|but|so)\s+", re.IGNORECASE)


def _unjoined(sentence: str) -> str:
    """A sentence without the "and" that joins it to the one before ("And is it safe?")."""
    return _JOINED.sub("", sentence)


OPENERS = "|".join(sorted(QUESTION_OPENERS))
# "... and how long is the recovery?": a second question joined to the first by "and".
_SECOND_QUESTION = re.compile(rf"\s*,?\s+and\s+(?=(?:{OPENERS})\b)", re.IGNORECASE)


def asked_part(text: str) -> str | None:
    """The sentences that ask, when others only tell ("My dad is 72 and has MS. Is HSCT an
    option for him?"); None when every sentence asks or none does. The story says who is
    asking, not what about, yet its words would count against every entry. (Within one
    sentence, "i need to know what my balance is" has no story to take off: measured on
    CLINC150, cutting there cost more than it gained.)"""
    said = sentences(text)
    asked = [s for s in said if asks(_unjoined(s))]
    if not asked or len(asked) == len(said):
        return None
    return " ".join(asked)


def questions_in(text: str) -> list[str]:
    """The questions of a message that asks two or more ("is it still in trials or can anyone
    get it and how long is the recovery", "Is it the same procedure? How long would I be off
    work?"), each of them alone; empty when it asks one. One a passage cannot answer ("how
    long...", when no passage gives a time) would otherwise keep the other from its answer."""
    asked = [s for s in map(_unjoined, sentences(text)) if asks(s)]
    parts = [part for sentence in asked for part in _SECOND_QUESTION.split(sentence)
             if asks(part)]
    return parts if len(parts) > 1 else []


def told_part(text: str) -> str:
    """The sentences that only tell (the story around the questions), "" when none does."""
    return " ".join(s for s in sentences(text) if not asks(_unjoined(s)))


# A phone-typed run-on: a story, then the question, with no stop between them ("my friend sent
# me this link and i dont have time to read it whats it saying about stem cells and ms"). The
# question starts at an opening word followed by what it asks about, named as "it", "this" or
# "they", after a story of this many words or more that does not end in a question word ("i
# was like wait where do they get the cells"); "but" or "so" before it joins it to the story.
MIN_STORY_WORDS = 4
_LOST_STOP = re.compile(rf"\s+(?:(?:but|so)\s+)?(?=(?:{OPENERS})\s+"
                        r"(?:it|this|that|they|there|these|those)\b)", re.IGNORECASE)
# Stops of the reader's own, before the message's last words: it is punctuated as meant.
_OWN_STOP = re.compile(r"(?:[.!?,;:]|\s[-–—])(?=.*\w)")


def with_lost_stop(text: str) -> str | None:
    """A run-on message with the stop put back before its question ("...read it. whats it
    saying..."), so that its story is read as one (`asked_part`); None when the message has
    stops of its own, asks from its first word, or tells no story before a question."""
    text = text.strip()
    said = words(text)
    if _OWN_STOP.search(text) or not said or said[0] in QUESTION_OPENERS:
        return None
    for found in reversed(list(_LOST_STOP.finditer(text))):
        story, asked = text[:found.start()], text[found.end():]
        told = words(story)
        if len(told) >= MIN_STORY_WORDS and told[-1] not in QUESTION_WORDS:
            return f"{story}. {asked}" if asks(asked) else None
    return None


def after_lead_in(pattern: re.Pattern[str], text: str) -> str | None:
    """What is left of a message once the lead-in `pattern` matches is taken off (its `rest`
    group); None when it does not match, or nothing of substance is left."""
    found = pattern.match(text.strip())
    if found is None:
        return None
    rest = found.group("rest").strip()
    return None if says_nothing(rest) else rest
