"""Small talk: everyday chat ("hi", "thanks!", "who are you?") answered in the bot's own voice,
and the reminder line for a question about the reader's own treatment.

The intents, their phrasings and replies, and the own-case patterns are data a curator edits
(`knowledge/smalltalk.yaml`), validated here for `python -m bot check`.

Matching is fuzzy over phrasings normalised once at load: the whole message first, then small
talk peeled off its start or end ("Hi! what is HSCT?" -> greeting, rest "what is HSCT?"), so the
conversation can still ask the engine the rest; an article answer wins over small talk. A
letter's opening and closing ("Dear HSCT team, ... Kind regards, Helen") are taken off first,
and small talk said piece after piece with no punctuation, as voice typing writes it ("alright
understood"), is small talk whole, as is a message of a few sentences that are each small talk
("Can you explain what this service offers? I'm not good with technology."): those pieces are
read in `bot.smalltalk_pieces`. Only the first
`MAX_CHARS` characters are examined: small talk is short, and a long message with a greeting in
front still has its greeting there.

Replies may say `{topic}`: the noun phrase given to `load_smalltalk(topic=...)` (see
`topic_for`), "the article I was given" by default. When an intent has several replies, the
choice is a stable hash of the message: the same message always gets the same reply (tests are
not flaky), different messages see the variety.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.chat_words import Token, Words, fold, is_symbol, single
from bot.feelings import felt
from bot.framing import undictated
from bot.letters import Letter, Letters
from bot.smalltalk_pieces import EDGE as _EDGE
from bot.smalltalk_pieces import (
    MAX_PEEL,
    MAX_WORDS,
    named_after,
    opening_sentences,
    peeled,
    run,
    sentences,
)
from bot.smalltalk_typos import UNSEEN, Typos, remember
from bot.text import QUESTION_OPENERS

DEFAULT_SMALLTALK_FILE = "smalltalk.yaml"
DEFAULT_TOPIC = "the article I was given"
MAX_CHARS = 1000
SHORT = 3  # phrasings up to this many characters must match exactly ("hi", "ok", "thx")


# Only question marks ("??"), one lone mark of punctuation (".", "!"), or a greeting followed
# by several question marks ("hello???", "hola bot??"): checking the bot answers at all. An
# ellipsis ("...") says nothing in particular and is left to the engine.
_ONLY_MARKS = re.compile(r"[?？¿]{1,5}|[.。!！¡,，]")
_IMPATIENT_MARKS = re.compile(r"\s*[?？]{2,}$")


# The bot's @username at either end of a message: the reader addressing it, not a word said.
_MENTION = re.compile(r"^\s*@\w+[,:]?\s+|\s+@\w+[.!]?\s*$")
# A command addressed to the bot in a group ("/help@HSCTinfo_bot"): the command itself.
_COMMAND_TO = re.compile(r"^(\s*/\w+)@\w+")


@dataclass(frozen=True)
class Chat:
    """Everyday chat recognised in a message."""

    intent: str
    reply: str  # the bot's own words, never the article's; no source link
    examples: bool  # offer example questions as buttons (greeting, "what can you do")
    rest: str  # the message with the small talk removed; "" when it was all small talk
    # the small talk was taken back before the rest ("ok bye, oh wait what's the MIST trial",
    # "tchau, espera, ..."): the rest is asked, with or without a question mark
    taken_back: bool = False


@dataclass(frozen=True)
class Intent:
    id: str
    phrasings: tuple[str, ...]  # normalised
    replies: tuple[str, ...]
    examples: bool = False
    peel: str = "punctuated"  # "always", "start": taken off with no punctuation between
    pattern: re.Pattern[str] | None = None  # shapes of a whole short message, beside phrasings
    hint: re.Pattern[str] | None = None  # searched in a short message the engine may answer
    feeling: re.Pattern[str] | None = None  # its words, searched: see `bot.feelings`
    # words said after this small talk that take it back before a question ("bye, oh wait,
    # ...", "brb... actually first, ..."): normalised, split into words, longest first
    taken_back_by: tuple[tuple[str, ...], ...] = ()


def topic_for(titles: Sequence[str]) -> str:
    """The `{topic}` noun phrase for the packs being served."""
    if len(titles) == 1 and titles[0].strip():
        return f"the article “{titles[0].strip()}”"
    return "the articles I was given" if titles else DEFAULT_TOPIC


class SmallTalk:
    """Recognises everyday chat and a question about the reader's own case."""

    def __init__(self, intents: Iterable[Intent], *, own_case_reply: str = "",
                 own_case: re.Pattern[str] | None = None, topic: str = DEFAULT_TOPIC,
                 shorthand: dict[str, str] | None = None, connectors: Iterable[str] = (),
                 fillers: Iterable[str] = (), vocatives: Iterable[str] = (),
                 opening: Letter | None = None, closing: Letter | None = None,
                 doubled: Iterable[str] = ()):
        self.intents = {i.id: i for i in intents}
        self.words = Words(shorthand, doubled)
        self.tokens = self.words.tokens
        self.normalise = self.words.normalise
        # A letter's opening and closing frame what it says ("Dear HSCT team, ... Kind regards,
        # Helen"): taken off, the rest is read; alone, they are a greeting or a goodbye.
        self.letters = Letters(opening, closing)
        self.topic = topic
        self.own_case_reply = own_case_reply
        self.own_case_pattern = own_case
        # Readings remembered, as the engine remembers its rankings: a message is read piece
        # by piece (`smalltalk_pieces`), so one piece is often read twice or more, and pieces
        # recur from message to message ("what is hsct"). Each is what reading it again would
        # give; the dictionary is emptied when CACHED are kept.
        self._shapes: dict[str, str | None] = {}
        self.fillers = frozenset(self.normalise(f) for f in fillers)
        # The bot addressed by name between small talk ("ta, bot", "¿cómo estás, bot?"): never
        # the question whether it is a bot, which a whole message "bot?" still is.
        self.vocatives = frozenset(self.normalise(v) for v in vocatives)
        self._names = frozenset(v for v in self.vocatives if " " not in v)
        self._rank = {intent_id: i for i, intent_id in enumerate(self.intents)}
        self.connectors = tuple(sorted((tuple(self.normalise(c).split()) for c in connectors),
                                       key=len, reverse=True))
        # words that may stand between pieces of small talk said one after another
        # (`smalltalk_pieces.run`)
        self.between = (self.fillers | self.vocatives
                        | {" ".join(c) for c in self.connectors})
        self._patterned = [i for i in self.intents.values() if i.pattern is not None]
        self._hinting = [i for i in self.intents.values() if i.hint is not None]
        self._feelings = [(i.id, i.feeling) for i in self.intents.values() if i.feeling]
        self._exact: dict[str, str] = {}
        self._singles: dict[str, str] = {}
        for intent in self.intents.values():
            for phrasing in intent.phrasings:
                self._exact.setdefault(phrasing, intent.id)
                self._singles.setdefault(single(phrasing), intent.id)
        # phrasings long enough to match with a typo
        self._typos = Typos((p, i.id) for i in self.intents.values() for p in i.phrasings
                            if len(p) > SHORT)
        self.longest = max((len(p.split()) for p in self._exact), default=1)

    # -- matching --------------------------------------------------------------------------------

    def intent_of(self, norm: str, fuzzy: bool = True, peel: bool = False,
                  shapes: bool = True) -> str | None:
        """The intent a whole (normalised) piece of text is, if any.

        Fuzzy matches need as many words as the phrasing and one typo at most
        (`smalltalk_typos.one_typo`), so a typo is forgiven but no word of a question is
        swallowed or swapped. `shapes`: try the
        intents' patterns too (not on a piece: their open word gaps would swallow the question).
        """
        if not norm:
            return None
        hit = self._exact.get(norm) or self._singles.get(single(norm))
        if hit is not None or not fuzzy or len(norm) > 80:
            return hit
        hit = self.shaped(norm) if shapes else None
        if hit is not None or len(norm) <= SHORT:
            return hit
        return self._typos.intent(norm)

    def shaped(self, norm: str) -> str | None:
        """The first intent whose patterns a short message matches in full."""
        if norm.count(" ") >= MAX_WORDS:
            return None
        hit = self._shapes.get(norm, UNSEEN)
        if hit is UNSEEN:
            hit = next((i.id for i in self._patterned
                        if i.pattern and i.pattern.fullmatch(norm)), None)
            remember(self._shapes, norm, hit)
        return hit

    def match(self, text: str) -> Chat | None:
        """The small talk in a message, or None when there is none."""
        text = undictated(text[:MAX_CHARS])
        if "test" in self.intents and self._impatient(text.strip()):
            return self.chat_for("test", "??", "")  # "??": is the bot there at all
        # "@HSCTinfo_bot hi", "see ya @HSCTinfo_bot", "/help@HSCTinfo_bot"
        addressed = _MENTION.sub("", _COMMAND_TO.sub(r"\1", text))
        if addressed != text and addressed.strip():  # the name is no word said: "@bot does
            return self.match(addressed)  # it work for SPMS?" asks nothing of the bot
        tokens = self.tokens(text)
        if not tokens:
            return None
        key = " ".join(t.norm for t in tokens)
        whole = self.intent_of(key, fuzzy=False) or self.shaped(key)
        if whole is not None:
            return self.chat_for(whole, key, "")
        letter = self._letter(text, key)  # after the whole: "hyvä botti" praises, "hyvä" opens too
        if letter is not None:
            return letter
        if (feeling := felt(self._feelings, key, text)) is not None:  # "hi, I'm so worried..."
            return self.chat_for(feeling, key, "")
        pieces = peeled(self, text, tokens, key)
        if pieces is not None and not pieces.rest:
            return pieces
        # "thank u so mch", "bye bot", "alright understood", "ok i will go to bed now night"
        whole = (self.intent_of(key) or self._trimmed(tokens) or run(self, text, tokens)
                 or sentences(self, text) or named_after(self, text, tokens))
        if whole is not None:
            return self.chat_for(whole, key, "")
        if pieces is not None and self._names_the_bot(pieces.rest):
            return self.chat_for(pieces.intent, key, "")
        if pieces is None or pieces.rest:  # a whole sentence read leaves the less
            opening = opening_sentences(self, text, key)
            if opening is not None and (pieces is None
                                        or len(opening.rest) < len(pieces.rest)):
                pieces = opening
        return pieces or self._hinted(text, key)

    def _letter(self, text: str, key: str) -> Chat | None:
        """A message written as a letter: its opening ("Dear HSCT team,") and closing ("Best
        regards, Margaret") taken off and the rest read as any message. Only an opening or a
        closing is the letter's intent (a salutation is never a question for the engine: "Dear
        HSCT team" names the topic but asks nothing); a rest that is no small talk is the rest
        the engine is asked."""
        found = self.letters.unframe(text)
        if found is None:
            return None
        body, framed = found
        if framed not in self.intents:
            return None
        body = body.lstrip(_EDGE + ".!?").rstrip(_EDGE)  # keeps a "?" the reader typed
        if not self.tokens(body):
            return self.chat_for(framed, key, "")
        chat = self.match(body)
        return chat if chat is not None else self.chat_for(framed, key, body)

    def _names_the_bot(self, rest: str) -> bool:
        """What is left is only the bot's name: a word or two before a word it is called by
        ("hi HCST bot", "cheers HTSC bot", "night bot", "danke dir, Bot"). The reader addresses
        the bot, often by its topic, and asks nothing about it."""
        words = [t.norm for t in self.tokens(rest)]
        return (0 < len(words) <= 3 and words[-1] in self._names
                and not any(w in QUESTION_OPENERS for w in words))

    def _hinted(self, text: str, key: str) -> Chat | None:
        """A short message that only seems to be small talk ("can you tell me the ai's name"):
        the whole text stays the rest, so the engine is asked first and its answer wins."""
        if key.count(" ") >= MAX_WORDS:
            return None
        hit = next((i.id for i in self._hinting if i.hint and i.hint.search(f" {key} ")), None)
        return self.chat_for(hit, key, text.strip()) if hit is not None else None

    def _trimmed(self, tokens: list[Token]) -> str | None:
        """The intent of a short message once filler words are off its ends ("bye bot",
        "who are you exactly?", "hi 😊"), as few taken off as will do: a filler may be part of
        the phrasing ("just testing the bot", "good bot 🤓" is not "good"). Any emoji at an end
        is a filler: it colours the message ("this bot is amazing 🔥") rather than saying
        something else. A message of fillers only ("ok dear", "yes bot") is its first word that
        is small talk and does not name the bot."""
        words = [t.norm for t in tokens]
        if len(words) > MAX_PEEL + 2:
            return None

        def filler(word: str) -> bool:
            return word in self.fillers or is_symbol(word)

        if all(filler(w) for w in words):  # "ok dear", "yes bot": a reply, the bot addressed
            said = next((i for w in words if w not in self.vocatives
                         and (i := self.intent_of(w)) is not None), None)
            if said is not None:
                return said
        lo, hi = 0, len(words)
        while lo < hi - 1 and filler(words[lo]):
            lo += 1
        while hi - 1 > lo and filler(words[hi - 1]):
            hi -= 1
        spans = sorted(((start, end) for start in range(lo + 1)
                        for end in range(hi, len(words) + 1)), key=lambda s: s[0] - s[1])
        for start, end in spans[1:]:  # the first is the whole message
            intent = self.intent_of(" ".join(words[start:end]))
            if intent is not None:
                return intent
        return None

    def first_listed(self, intents: Iterable[str]) -> str:
        """Of several kinds of small talk in one message, the one listed first in the file
        answers ("good night and god bless" is a goodbye)."""
        return min(intents, key=self._rank.__getitem__)

    def _impatient(self, text: str) -> bool:
        """Only question marks, or a greeting (in any language the file greets in) followed
        by several."""
        if _ONLY_MARKS.fullmatch(text):
            return True
        greeting = _IMPATIENT_MARKS.sub("", text)
        if greeting == text or not greeting:
            return False
        chat = self.match(greeting)
        return chat is not None and chat.intent == "greeting" and not chat.rest

    def chat_for(self, intent_id: str, key: str, rest: str, taken_back: bool = False) -> Chat:
        """The reply for an intent, chosen by the message's key so the same words always get
        the same reply."""
        intent = self.intents[intent_id]
        reply = intent.replies[zlib.crc32(key.encode("utf-8")) % len(intent.replies)]
        return Chat(intent.id, reply.replace("{topic}", self.topic), intent.examples, rest,
                    taken_back)

    # -- the reader's own case -------------------------------------------------------------------

    def own_case(self, text: str) -> str | None:
        """The reminder line when a question is about the reader's own treatment, else None."""
        if self.own_case_pattern is None or not self.own_case_reply:
            return None
        words = " ".join(re.findall(r"[^\W_]+", fold(text[:MAX_CHARS])))
        return self.own_case_reply if self.own_case_pattern.search(f" {words} ") else None


# -- the file -----------------------------------------------------------------------------------
