"""Small talk in pieces: a message that is not small talk whole may still be made of it.

Four shapes, each read here so bot/smalltalk.py keeps to the whole message, its normalising
and its letters: small talk peeled off the start or end of a message, with what is left for the
engine ("Hi! what is HSCT?" -> greeting, rest "what is HSCT?"); small talk said one piece after
another with no punctuation, as voice typing writes it ("alright understood"); a message of a
few sentences that are each small talk ("Can you explain what this service offers? I'm not
good with technology."); and small talk with the bot's name set off after it ("And how are you
keeping, my dear?"). Each piece is read by the `SmallTalk` it is given (`intent_of`,
`shaped`, `match`), so the phrasings, patterns and word lists stay in one place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.text import QUESTION_OPENERS

if TYPE_CHECKING:
    from bot.chat_words import Token
    from bot.smalltalk import Chat, SmallTalk

MAX_PEEL = 6  # words of small talk looked for at the start or end of a message
MAX_RUN = 16  # words of a message read as small talk said one after another, unpunctuated
MAX_SENTENCES = 4  # sentences of a message each read as a whole message
MAX_WORDS = 14  # an intent's patterns are tried on messages up to this many words
# words that go on with the sentence before rather than start another ("Are you a real doctor?
# Because I want to know if I should stop my Ocrevus"): the message is one thought, read whole
_GOING_ON = frozenset({"because", "cause", "cos", "coz", "since", "porque", "weil", "denn",
                       "parce", "car", "perche", "omdat", "cunku", "bo"})

_GREETING = "greeting"  # an intent that only opens a message of several sentences
_GOODBYE = "goodbye"  # an intent a message may end in that answers it (`peeled`)
PUNCTUATED = re.compile(r"[,.;:!?¡¿…\-–—]|\s\s|\n")
EDGE = " \t\n,;:-–—…~*"
# where one sentence ends and the next begins: ".", "?" or "!" and a space, or a new line
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…。？！])\s+|\s*\n\s*")
# where one clause ends and the next begins: a sentence's end, or a comma or semicolon
_COMMA = re.compile(r"[,;，；、]")
_CLAUSE_BREAK = re.compile(r"(?<=[.!?…。？！,;，；、])\s*|\s*\n\s*")
# where a long message's opening clause ends: a clause break, or "and" between two things said
# ("I shall discuss all this with my consultant and let you know how I get on")
_OPENING_CLAUSE = re.compile(r"(?<=[.!?…。？！,;，；、])\s*|\s*\n\s*|\s+and\s+")


def run(small: SmallTalk, text: str, tokens: list[Token]) -> str | None:
    """Small talk said one piece after another with no punctuation, as voice typing writes
    it ("alright understood", "hahaha you are funny", "ok i will go to bed now night
    night"): every word of the message in a piece that is small talk whole (or a connector,
    filler or the bot's name between). The kind listed first answers, as for punctuated
    small talk ("good night and god bless")."""
    words = [t.norm for t in tokens]
    if not 2 <= len(words) <= MAX_RUN or PUNCTUATED.search(text.strip().rstrip("?!.…")):
        return None  # punctuated pieces are peeled (`peeled`)
    # best[i]: the intents of a reading of words[:i] (None: none found)
    best: list[list[str] | None] = [[]] + [None] * len(words)
    for end in range(1, len(words) + 1):
        for start in range(max(0, end - small.longest), end):
            before = best[start]
            if before is None:
                continue
            piece = " ".join(words[start:end])
            # "gn everyone, night bot": the bot named, not asked about
            if piece in small.between:
                best[end] = before
                break
            intent = small.intent_of(piece, fuzzy=False) or small.shaped(piece)
            if intent is not None:
                best[end] = [*before, intent]
                break
    found = best[-1]
    return small.first_listed(found) if found else None


def sentences(small: SmallTalk, text: str) -> str | None:
    """A message of a few sentences, each small talk read as a whole message would be
    ("Can you explain what this service offers? I'm not very good with technology."), or of a
    few clauses between commas ("this is really good, well done whoever made it"): pieces are
    peeled by phrasings only, so a sentence or clause that is small talk by a pattern was left
    as a question nobody asked. Every part must be small talk with nothing left, so a question
    among them still goes to the engine; the kind listed first answers."""
    found = _each_small_talk(small, _SENTENCE_BREAK.split(text.strip()))
    if found is None and _COMMA.search(text) and len(small.tokens(text)) <= MAX_RUN:  # short
        found = _each_small_talk(small, _CLAUSE_BREAK.split(text.strip()))
    return found


def opening_sentences(small: SmallTalk, text: str, key: str) -> Chat | None:
    """A long message that opens with sentences each small talk whole and goes on in others
    ("How are you keeping? I hope the day has been kind to you.", "Are you some sort of robot?
    Please tell me honestly."): the opening is its small talk, however long the message, and
    what follows it is the rest, so the engine is still asked it and a question there still
    gets its answer or decline. Phrasings peeled word by word reach six words; a sentence is
    read whole, by its patterns too, and so are the opening clauses of the first sentence that
    is not small talk whole, when the message is longer than patterns are tried on ("I am sorry
    for being so slow to reply, I had to have a little rest in between.")."""
    text = text.strip()
    found: list[str] = []
    cut = 0
    for sentence in _spans(_SENTENCE_BREAK, text, 0, len(text)):
        taken = _whole(small, text, *sentence)
        if taken is not None:
            found.append(taken)
            cut = sentence[1]
            continue
        if len(small.tokens(text)) <= MAX_WORDS:
            break  # a short message is read whole and peeled (`peeled`)
        for clause in _spans(_OPENING_CLAUSE, text, *sentence):
            taken = _whole(small, text, *clause)
            if taken is None:
                break
            found.append(taken)
            cut = clause[1]
        break
    if not found:
        return None
    rest = text[cut:].lstrip(EDGE + ".!?").rstrip(EDGE)  # keeps a "?" the reader typed
    said = small.tokens(rest)
    if said and said[0].norm in _GOING_ON:  # "Are you a doctor? Because I want to know ..."
        return None
    return small.chat_for(_opened(small, found), key, rest)


def _spans(breaks: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the sentences (or clauses) of text[start:end] start and end."""
    spans, at = [], start
    for found in breaks.finditer(text, start, end):
        if found.start() > at:
            spans.append((at, found.start()))
        at = max(at, found.end())
    if at < end:
        spans.append((at, end))
    return spans


def _whole(small: SmallTalk, text: str, start: int, end: int) -> str | None:
    """The intent of text[start:end], a part of a message, when it is small talk whole (never
    the whole message: that is read as a whole message is)."""
    part = text[start:end]
    if part.strip(EDGE + ".!?") == text.strip(EDGE + ".!?") or not small.tokens(part):
        return None
    chat = small.match(part)
    return chat.intent if chat is not None and not chat.rest else None


def _opened(small: SmallTalk, found: list[str]) -> str:
    """The kind a message of several pieces of small talk is: the one listed first, but a
    greeting that only opens it gives way to what is said after ("Hello? I am only testing.",
    "Good afternoon, dear. How are things with you today?"), as one sentence would."""
    said = [i for i in found if i != _GREETING] or found
    return small.first_listed(said)


def named_after(small: SmallTalk, text: str, tokens: list[Token]) -> str | None:
    """Small talk with the bot's name or an endearment set off after it ("And how are you
    keeping, my dear?", "you're so clever, bot!"): the small talk read without the name, as a
    whole message is read (its patterns too). The name says nothing more, so what is not small
    talk without it is not small talk with it."""
    for size in range(min(3, len(tokens) - 1), 0, -1):
        name, before = tokens[-size:], tokens[-size - 1]
        if (" ".join(t.norm for t in name) in small.vocatives
                and PUNCTUATED.search(text[before.end:name[0].start])):
            chat = small.match(text[:before.end])
            return chat.intent if chat is not None and not chat.rest else None
    return None


def _each_small_talk(small: SmallTalk, parts: list[str]) -> str | None:
    """The kind listed first, when two to MAX_SENTENCES parts are each small talk whole. A part
    that only colours the rest ("..., honestly", "..., dear") says nothing of its own: the
    others are read without it ("You explain things better than my neurologist, honestly.")."""
    parts = [p for p in (p.strip(EDGE) for p in parts) if small.tokens(p)]
    if not 2 <= len(parts) <= MAX_SENTENCES:
        return None
    said = [p for p in parts
            if not all(t.norm in small.between for t in small.tokens(p))]
    parts = said if said else parts
    found: list[str] = []
    hinted: list[str] = []
    for part in parts:
        chat = small.match(part)
        if chat is None or (chat.rest and chat.rest != part):
            return None
        (hinted if chat.rest else found).append(chat.intent)
    # a part the engine may answer ("Can you help me with this article?") is small talk when
    # another part says the same whole ("I don't know how this works")
    if not found or any(intent not in found for intent in hinted):
        return None
    return _opened(small, found)


def peeled(small: SmallTalk, text: str, tokens: list[Token], key: str) -> Chat | None:
    """Small talk taken off the start and end of a message, and what is left."""
    taken: list[str] = []
    taken_back = False
    lo, hi = 0, len(tokens)
    for _ in range(3):  # "hi there! thanks for the help. who are you?"
        step = _peel(small, text, tokens, lo, hi, from_start=True)
        if step is None:
            break
        taken.append(step[0])
        # "ok bye, oh wait what's ...", "au revoir, en fait, ..." ("en" is no "and" here)
        back = _taken_back(small, tokens, step[1], hi, step[0])
        if back is not None:
            lo, taken_back = back, True
        else:
            lo = _skip_connectors(small, tokens, step[1], hi)
        rest_norm = " ".join(t.norm for t in tokens[lo:hi])
        if rest_norm in small.vocatives:  # "ta, bot": the bot addressed, not asked what it is
            return small.chat_for(small.first_listed(taken), key, "")
        rest_intent = small.intent_of(rest_norm, peel=True)
        if rest_intent is not None:  # all small talk: the kind listed first in the file
            return small.chat_for(small.first_listed([rest_intent, *taken]), key, "")
    step = _peel(small, text, tokens, lo, hi, from_start=False)
    if step is not None:
        taken.append(step[0])
        hi = step[1]
        # "what a lovely helpful thing you are, God bless": small talk before a punctuated end
        # too ("thank you my dear, God bless": the bot addressed between); an emoji at the end
        # only colours it ("love this bot ❤️" praises), as `SmallTalk._trimmed` reads it
        rest_norm = " ".join(t.norm for t in tokens[lo:hi])
        rest_intent = (None if rest_norm in small.vocatives
                       else small.intent_of(rest_norm, peel=True))
        punctuated = PUNCTUATED.search(text[tokens[hi - 1].end:tokens[hi].start])
        if punctuated and (rest_intent is not None
                           or (taken[:-1] and rest_norm in small.vocatives)):
            found = [*taken, rest_intent] if rest_intent is not None else taken
            return small.chat_for(small.first_listed(found), key, "")
    if not taken:
        return None
    lo = _skip_to_question(small, tokens, lo, hi)
    end = tokens[hi].start if hi < len(tokens) else len(text)
    rest = text[tokens[lo].start:end].rstrip(EDGE)  # keeps a "?" the reader typed
    # the small talk that opens the message answers ("Hi. What is HSCT? Thanks." greets), unless
    # the message ends in a goodbye listed before it: the reader is leaving ("Thanks again, must
    # dash, the dog needs walking. Take care.", as thanks and a goodbye together are a goodbye)
    intent = taken[0]
    if hi < len(tokens) and taken[-1] == _GOODBYE and _GOODBYE in small.intents:
        intent = small.first_listed([taken[0], _GOODBYE])
    return small.chat_for(intent, key, rest, taken_back)


def _peel(small: SmallTalk, text: str, tokens: list[Token], lo: int, hi: int,
          from_start: bool) -> tuple[str, int] | None:
    """The longest small talk at one end of tokens[lo:hi], leaving at least one word."""
    for size in range(min(MAX_PEEL, small.longest, hi - lo - 1), 0, -1):
        part = tokens[lo:lo + size] if from_start else tokens[hi - size:hi]
        if not from_start and text[part[0].start - 1:part[0].start] == "@":
            continue  # "...fatigue? @bot": the bot addressed, not asked whether it is one
        part_norm = " ".join(t.norm for t in part)
        if part_norm in small.vocatives:  # "apologies, bot, my mistake": a name, not a question
            continue
        intent = small.intent_of(part_norm, peel=True, shapes=False)
        if intent is None:
            continue
        between = (text[part[-1].end:tokens[lo + size].start] if from_start
                   else text[tokens[hi - size - 1].end:part[0].start])
        peel = small.intents[intent].peel
        if (peel == "always" or (peel == "start" and from_start)
                or PUNCTUATED.search(between)
                or (from_start and _taken_back_at_once(small, tokens, lo + size, hi, intent))):
            return intent, (lo + size if from_start else hi - size)
    return None


def _taken_back_at_once(small: SmallTalk, tokens: list[Token], at: int, hi: int,
                        intent: str) -> bool:
    """Small talk taken back with no punctuation before the words that take it back ("ok bye
    but one last thing, ...", "bye oh wait what's the MIST trial", "ok bye wait a sec ..."):
    peeled as if a comma stood there. Only when a connector or filler comes first ("but",
    "oh") or the words are two or more, so a question that merely opens with such words
    ("stop wait times ...", "done actually ...") is read whole."""
    if _taken_back(small, tokens, at, hi, intent) is None:
        return False
    if tokens[at].norm in small.fillers or _skip_connectors(small, tokens, at, hi) > at:
        return True
    words = tuple(t.norm for t in tokens[at:hi])
    return any(len(p) >= 2 and words[:len(p)] == p and len(p) < len(words)
               for p in small.intents[intent].taken_back_by)


def _skip_to_question(small: SmallTalk, tokens: list[Token], lo: int, hi: int) -> int:
    """Words that only colour the small talk before a question ("yo bot fr tho is hsct
    covered?": the bot's name, fillers, connectors) are left off the rest, so the engine is asked
    the question as it opens. Only when a question's opening word follows them and the question
    has more words than that ("hi bot is great" keeps its rest as typed)."""
    at = lo
    while True:  # "thank you and one more thing how much does it cost"
        step = _skip_connectors(small, tokens, at, hi)
        while step < hi and tokens[step].norm in small.between:
            step += 1
        if step == at:
            break
        at = step
    if lo < at <= hi - 3 and tokens[at].norm.split()[0] in QUESTION_OPENERS:
        return at
    return lo


def _taken_back(small: SmallTalk, tokens: list[Token], lo: int, hi: int,
                intent: str) -> int | None:
    """Where the rest starts when words after the small talk take it back ("ok bye, oh wait
    what's the MIST trial", "brb... actually first, does hsct stop progression", "tchau! ah
    espera, ..."): the reader stays to ask, so what follows is asked whatever its language and
    mark. None when no such words follow. Fillers and connectors may come before them ("oh
    wait", "and actually"); at least one word is left."""
    phrases = small.intents[intent].taken_back_by

    def said_at(at: int) -> int | None:  # the end of the taking-back words at `at`
        words = tuple(t.norm for t in tokens[at:hi])
        said = next((p for p in phrases if words[:len(p)] == p and len(p) < len(words)), None)
        return None if said is None else at + len(said)

    found = None
    at = lo
    while phrases and at < hi:
        step = at
        end = said_at(step)
        # "oh wait", "and actually": fillers and connectors are passed over only where no such
        # words start ("before i go" is read whole, though "before" is a filler)
        while end is None:
            ahead = _skip_connectors(small, tokens, step, hi)
            if ahead == step and tokens[step].norm in small.fillers:
                ahead += 1
            if ahead == step or ahead >= hi:
                break
            step = ahead
            end = said_at(step)
        if end is None:
            break
        at = found = end
    return found


def _skip_connectors(small: SmallTalk, tokens: list[Token], lo: int, hi: int) -> int:
    words = [t.norm for t in tokens[lo:hi]]
    for connector in small.connectors:
        if tuple(words[:len(connector)]) == connector and len(connector) < len(words):
            return lo + len(connector)
    return lo
