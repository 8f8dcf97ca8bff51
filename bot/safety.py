"""The safety screen: a message that signals a medical emergency or a risk of suicide or
self-harm gets a fixed, calm safety reply before anything else sees it.

Everything a deployment may change lives in `knowledge/safety.yaml` (patterns, reply texts,
helplines), validated here so `python -m bot check` can name the file, rule and field of any
mistake. Matching is regular expressions over a normalised form of the message:

- casefolded, accents folded ("está" -> "esta"), apostrophes dropped ("can't" -> "cant"),
  zero-width characters removed, censoring and digits-for-letters undone ("d*e", "k1ll"),
  "w/o" and "w/" read as "without" and "with", every other punctuation mark a space;
- split into clauses at sentence punctuation and commas, so a rule's `unless` (a question
  *about* risk, a hypothetical) only cancels a hit in its own clause; a rule's `requires`
  (context such as a transplant, for a fever) may be anywhere in the message;
- letters repeated three or more times tried both as two and as one ("killll" -> "kill",
  "diiie" -> "die"), and once more with misspelt key words (the file's `vocabulary`)
  corrected within one edit (two for words of twelve letters or more; in words under six
  letters only two neighbouring letters swapped, "wnat", "dei");
- a rule's `language` picks the reply's language, English when the file has none for it; a
  rule without one (most English rules, some shared by many languages) answers in the
  language whose common words (the file's `language_words`) the message uses most; a
  message with signs of both kinds gets the self-harm reply, which names the emergency
  number first.
- when no pattern fires, the learnt model (`bot.safety_model`, the file's `model`) has a
  look: a probability of crisis past `model_threshold` gets the reply of its likelier kind,
  in the message's language as for a rule without one;
- only the first and last `max_chars` characters are examined (1000 by default), which keeps a
  100 KB message as cheap as a long one; a crisis phrase hidden in the middle of a longer
  message is the accepted miss.

Patterns must not nest unbounded quantifiers (`(a+)+`); `check` rejects the obvious forms, so
matching stays linear in the capped length.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.literals import Prefilter
from bot.spelling import Speller, swaps
from bot.text import APOSTROPHE_MARKS, APOSTROPHES, COMBINING_MARKS, INVISIBLE, STRETCHED

if TYPE_CHECKING:
    from bot.safety_model import SafetyModel

DEFAULT_SAFETY_FILE = "safety.yaml"
DEFAULT_LANGUAGE = "en"
MAX_CHARS = 1000
SHORTEST = 6  # a misspelt word shorter than this is too easily "corrected" into another
# P(crisis) from the learnt model (`bot.safety_model`) that counts, when the safety file does not
# say (its `model_threshold`, which says why 0.95).
MODEL_THRESHOLD = 0.95
MODEL_RULE = "model"  # `Crisis.rule` when the learnt model, not a pattern, caught it
# A message is taken to be in another language than English when that language's common words
# in it (`language_words`, a word several languages share counting as a share of one) are worth
# at least this much, and more than English's: "me" alone is not Spanish, "voy" is.
LANGUAGE_EVIDENCE = 1.0


class CrisisKind(StrEnum):
    EMERGENCY = "emergency"
    SELF_HARM = "self_harm"


# An `unless` that matched no more than these words ("if", "how", "can you") says that a rule's
# words were asked about or supposed, which is that rule's business, not that the message is
# calm: across the crisis sets such matches fall on crises as often as on controls ("how many
# of my co-codamol would it take to not wake up", "if i take my whole box... would that be
# enough"), so they leave the learnt model free to judge the message (`_judged_safe`). Not the
# engine's question openers (`bot.text.QUESTION_OPENERS`): "when", "was" and "has" place a
# crisis in the past, which is a judgement ("when he was 19").
ASKED_OR_SUPPOSED = frozenset("""
if whether how what can could would should will may might is are do does did
i you it he she they we anyone someone
""".split())

# A message with signs of both gets the self-harm reply: it names the emergency number first.
PRECEDENCE = (CrisisKind.SELF_HARM, CrisisKind.EMERGENCY)


@dataclass(frozen=True)
class Crisis:
    """A message the screen caught: `reply` is the fixed text to send, and nothing else."""

    kind: CrisisKind
    reply: str
    rule: str = ""  # the rule that fired (for tests and curators; never logged with the text)


# -- normalisation ------------------------------------------------------------------------------

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})
# A bracketed aside ("my son (3) has swallowed...") stays in its clause.
# A decimal point or comma ("39.2", "38,5") is no clause break: the reading stays in one piece
# with the words around it ("a temperature of 39.2 for the last hour").
_CLAUSE = re.compile(r"[!?;¿¡،؛؟۔।॥\n\r\t…|/\[\]\"“”«»。、]+|(?<!\d)[.,]+|[.,]+(?!\d)|\s[-–—]+\s")
# Accents (Latin, Greek, Cyrillic), Hebrew points and Arabic vowel marks are optional in
# typing and come off; the vowel signs of Indic, Thai, Japanese or Korean are the word itself.
_ACCENTS = re.compile("[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a"
                      "\u064b-\u065f\u0670\u06d6-\u06ed]")
_NON_WORD = re.compile(f"[^\\w{COMBINING_MARKS}]+|_+")
_CENSORED = re.compile(r"(?<=[a-z])[*]+(?=[a-z])")  # "d*e", "k*ll": the missing letter an i
_LEET = str.maketrans("01345", "oieas")
# Emoji that stand for the means or the end ("💊💊💊🥃 tonight", "👻🪦", "🚌🚌 soon") or for
# laughter, said as words, as patterns never see symbols; in English, the language of the
# patterns that read them.
_EMOJI_WORDS = str.maketrans({
    "💊": " pills ", "🥃": " alcohol ", "🍷": " alcohol ", "🍺": " alcohol ", "🍾": " alcohol ",
    "🔪": " knife ", "🗡": " knife ", "🪒": " razor ", "🩸": " blood ", "🪢": " rope ",
    "🔫": " gun ", "🪦": " grave ", "⚰": " coffin ", "💀": " skull ", "🌉": " bridge ",
    "🚌": " bus ", "🚍": " bus ",  # "catching the bus", code for ending one's life
    "😂": " lol ", "🤣": " lol "})  # laughter, which guards read as "lol" ("one more form 😂")
# "w/o" and "w/" for "without" and "with" ("everyone better off w/o me"), before the slash
# would break the clause.
_WITH_SLASH = re.compile(r"\bw/(o\b)?")
_MIXED = re.compile(r"\b[a-z]\w*\d\w*")  # "k1ll", "su1c1de" (not "39c": a number first)


# A noun's "'s" ("tonight's", "mum's", "the rope's"), as opposed to the "is" or "has" of a
# pronoun or a question word ("it's", "she's", "what's", "let's"), which patterns read folded
# ("its", "shes").
_POSSESSIVE = re.compile(
    rf"\b(?!(?:it|he|she|that|what|there|here|who|where|when|why|how|let|this|one|everyone|"
    r"everybody|someone|somebody|nobody|noone|anyone|anybody|everything|something|nothing)"
    rf"[{APOSTROPHE_MARKS}])([^\W\d_]+)[{APOSTROPHE_MARKS}]s\b", re.IGNORECASE)


def fold(text: str) -> str:
    """Casefolded, accents and invisible characters off, apostrophes dropped."""
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE).casefold()
    text = unicodedata.normalize("NFC", _ACCENTS.sub("", unicodedata.normalize("NFD", text)))
    return APOSTROPHES.sub("", text.translate(_LIGATURES))


def without_possessives(text: str) -> str | None:
    """The text with a noun's "'s" split off as a word of its own ("tonight's pills" ->
    "tonight s pills", "tonight's the night" -> "tonight s the night": the noun whole, and the
    "s" where a pattern reads "is"), or None when it has none: tried besides the text as
    written ("tonights"), never instead."""
    bare = _POSSESSIVE.sub(r"\1 s", text)
    return bare if bare != text else None


def examined(text: str, max_chars: int = MAX_CHARS) -> str:
    """The part of a message the screen looks at: its first and last `max_chars` characters."""
    if len(text) > 2 * max_chars:
        return text[:max_chars] + "\n" + text[-max_chars:]
    return text


def clauses(text: str, max_chars: int = MAX_CHARS) -> list[str]:
    """The examined part of a message as normalised clauses (each " word word ... ")."""
    text = examined(text, max_chars)
    out = []
    folded = _CENSORED.sub("i", fold(text).translate(_EMOJI_WORDS))
    folded = _WITH_SLASH.sub(lambda m: " without " if m.group(1) else " with ", folded)
    folded = _MIXED.sub(lambda m: m.group().translate(_LEET), folded)
    for part in _CLAUSE.split(folded):
        words = _NON_WORD.sub(" ", part).split()
        if words:
            out.append(" ".join(words))
    return out


# -- the screen ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    id: str
    kind: CrisisKind
    language: str | None  # None: the message's own (`SafetyScreen.language`)
    pattern: re.Pattern[str]
    requires: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()

    def hit(self, clauses: Iterable[str], whole: str) -> bool:
        for clause in clauses:
            if self.pattern.search(clause) and not any(u.search(clause) for u in self.unless):
                return not self.requires or any(r.search(whole) for r in self.requires)
        return False

    def judged_calm(self, clauses: Iterable[str]) -> bool:
        """A clause matched the pattern and an `unless` that says more than that the rule's
        words were asked or supposed (`ASKED_OR_SUPPOSED`): a wording judged not a crisis."""
        for clause in clauses:
            if self.pattern.search(clause):
                for unless in self.unless:
                    found = unless.search(clause)
                    if found is not None and _judges(found.group()):
                        return True
        return False


def _judges(matched: str) -> bool:
    """An `unless` match says more than that its rule's words were asked or supposed (an empty
    match, a lookahead's, judges too)."""
    said = set(matched.split())
    return not said or not said <= ASKED_OR_SUPPOSED


class SafetyScreen:
    """Emergency and self-harm rules plus the replies to send, read from the safety file."""

    def __init__(self, rules: Iterable[Rule], replies: dict[CrisisKind, dict[str, str]], *,
                 figures: re.Pattern[str] | None = None, vocabulary: Iterable[str] = (),
                 real_words: Iterable[str] = (),
                 max_chars: int = MAX_CHARS, model: SafetyModel | None = None,
                 model_threshold: float = MODEL_THRESHOLD,
                 language_words: Mapping[str, Iterable[str]] | None = None):
        ordered = list(rules)
        self.rules = tuple(r for kind in PRECEDENCE for r in ordered if r.kind is kind)
        self._prefilter = Prefilter([rule.pattern for rule in self.rules])
        self.replies = replies
        self.figures = figures
        words = set(vocabulary)
        self.vocabulary = tuple(sorted(w for w in words if len(w) >= SHORTEST))
        # "conversing" is not "convulsing": only long words may have two typos
        speller = Speller(self.vocabulary, known=real_words, shortest=SHORTEST, long_word=12)
        swapped = _swapped(w for w in words if len(w) < SHORTEST)
        self.max_chars = max_chars
        self.model = model
        self.model_threshold = model_threshold
        self.language_words = {lang: frozenset(map(fold, found))
                               for lang, found in (language_words or {}).items()}
        self._correct = lru_cache(maxsize=16384)(
            lambda word: swapped.get(word) or speller.correct(word)[0])

    def check(self, text: str) -> Crisis | None:
        """The crisis a message signals, or None. Self-harm is tried before emergencies."""
        text = examined(text, self.max_chars)  # what `clauses` and the model look at
        written = clauses(text, self.max_chars)
        variants = list(self._variants(written))
        bare = without_possessives(text)
        if bare is not None:
            seen = set(map(tuple, variants))
            variants += [v for v in self._variants(clauses(bare, self.max_chars))
                         if tuple(v) not in seen]
        if not variants:
            return None
        rules = self._possible(variants)
        wholes = [(parts, " | ".join(parts)) for parts in variants]  # for rules' `requires`
        for rule in rules:
            for parts, whole in wholes:
                if rule.hit(parts, whole):
                    language = rule.language or self.language(written)
                    return Crisis(rule.kind, self.reply(rule.kind, language), rule.id)
        if self.model is not None:
            kind = self.model.crisis(text, self.model_threshold)
            if kind is not None and not self._judged_safe(written, variants, rules):
                return Crisis(kind, self.reply(kind, self.language(written)), MODEL_RULE)
        return None

    def _possible(self, variants: list[list[str]]) -> list[Rule]:
        """The rules whose pattern could match a clause, in order: the others lack a string
        their pattern cannot match without (`bot.literals`), so trying them changes nothing."""
        text = "\n".join(clause for parts in variants for clause in parts)
        return [self.rules[i] for i in self._prefilter.possible(text)]

    def _judged_safe(self, written: list[str], variants: list[list[str]],
                     rules: Iterable[Rule]) -> bool:
        """The file already judged these words: a figure of speech ("dying to know") or a
        rule's `unless` ("end it with my boyfriend"), not merely asked or supposed. The model
        does not overrule it."""
        figures = self.figures
        return ((figures is not None and any(figures.search(f" {c} ") for c in written))
                or any(rule.judged_calm(parts) for rule in rules for parts in variants))

    def language(self, written: Iterable[str]) -> str:
        """For a catch no rule's `language` names: the language whose common words
        (`language_words`) the clauses use most, a word shared by several languages counting as
        a share of one; English unless another leads it and has a word's worth
        (`LANGUAGE_EVIDENCE`). A tie goes to the one language with a reply of its own, else to
        English, whose reply names helplines everywhere."""
        used = {word for clause in written for word in clause.split()}
        score = dict.fromkeys(self.language_words, 0.0)
        for word in used:
            speakers = [lang for lang, common in self.language_words.items() if word in common]
            for lang in speakers:
                score[lang] += 1.0 / len(speakers)
        english = score.pop(DEFAULT_LANGUAGE, 0.0)
        top = max(score.values(), default=0.0)
        if top < LANGUAGE_EVIDENCE or top <= english:
            return DEFAULT_LANGUAGE
        tied = [lang for lang, points in score.items() if points == top]
        answered = [lang for lang in tied if any(lang in texts for texts in self.replies.values())]
        if len(tied) == 1 or len(answered) == 1:
            return (answered or tied)[0]
        return DEFAULT_LANGUAGE

    def reply(self, kind: CrisisKind, language: str = DEFAULT_LANGUAGE) -> str:
        texts = self.replies[kind]
        return texts.get(language) or texts[DEFAULT_LANGUAGE]

    def _variants(self, parts: list[str]) -> Iterator[list[str]]:
        """The clauses as written, with elongations squeezed to two letters and to one, and
        with misspelt vocabulary words corrected (an extra try, never instead of the text)."""
        seen: set[tuple[str, ...]] = set()
        for squeeze, correct in ((r"\1\1", False), (r"\1", False), (r"\1\1", True)):
            if correct and not self.vocabulary:
                continue
            out = []
            for part in parts:
                part = STRETCHED.sub(squeeze, part)
                if correct:
                    part = " ".join(self._correct(w) for w in part.split())
                if self.figures is not None:
                    part = " ".join(self.figures.sub(" ", f" {part} ").split())
                if part:
                    out.append(f" {part} ")
            key = tuple(out)
            if out and key not in seen:
                seen.add(key)
                yield out


def _swapped(short_words: Iterable[str]) -> dict[str, str]:
    """Short key words as typed with two neighbouring letters swapped ("wnat", "dei", "klil",
    "pilsl"); no other edit of a short word is safe ("dad" is one letter from "dead")."""
    words = set(short_words)
    return {typo: word for word in words for typo in swaps(word) if typo not in words}


# -- the file -----------------------------------------------------------------------------------
