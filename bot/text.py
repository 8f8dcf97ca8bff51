"""Text normalisation: what a reader types and what a curator wrote meet on common ground.

Case, Unicode forms, accents, punctuation and British spellings are folded; the pack's synonym
table maps readers' words ("MS", "bone marrow transplant", "chemo") to one canonical token so
that the matcher compares meanings rather than spellings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache

import snowballstemmer

# British -> US spellings readers mix freely. Whole words only; stems cover inflections.
BRITISH_US = {
    "haematopoietic": "hematopoietic", "haemopoietic": "hematopoietic",
    "haematology": "hematology", "haematologist": "hematologist", "haemoglobin": "hemoglobin",
    "haemorrhage": "hemorrhage", "anaemia": "anemia", "anaemic": "anemic",
    "leukaemia": "leukemia", "oedema": "edema", "oestrogen": "estrogen",
    "paediatric": "pediatric", "paediatrics": "pediatrics", "orthopaedic": "orthopedic",
    "foetus": "fetus", "foetal": "fetal", "tumour": "tumor", "tumours": "tumors",
    "behaviour": "behavior", "colour": "color", "favourite": "favorite", "honour": "honor",
    "labour": "labor", "neighbour": "neighbor", "flavour": "flavor", "humour": "humor",
    "centre": "center", "centres": "centers", "litre": "liter", "litres": "liters",
    "metre": "meter", "metres": "meters", "fibre": "fiber", "theatre": "theater",
    "programme": "program", "programmes": "programs", "cheque": "check", "grey": "gray",
    "tyre": "tire", "tyres": "tires", "aluminium": "aluminum", "mum": "mom",
    "ageing": "aging", "travelling": "traveling", "travelled": "traveled",
    "cancelled": "canceled", "cancelling": "canceling", "enrol": "enroll",
    "enrolment": "enrollment", "licence": "license", "defence": "defense",
    "offence": "offense", "practise": "practice", "analyse": "analyze",
    "catalogue": "catalog", "dialogue": "dialog", "jewellery": "jewelry",
    "pyjamas": "pajamas", "plough": "plow", "sceptical": "skeptical", "judgement": "judgment",
    "manoeuvre": "maneuver", "oesophagus": "esophagus", "diarrhoea": "diarrhea",
    "ischaemic": "ischemic", "caesarean": "cesarean", "gynaecology": "gynecology",
}
# -ise/-isation families are regular enough to fold by rule.
_ISE = re.compile(r"(?<=\w{2})is(e|es|ed|ing|ation|ations)$")
_ISE_KEEP = {"rise", "wise", "raise", "praise", "noise", "poise", "arise", "advise", "devise",
             "revise", "surprise", "exercise", "promise", "premise", "precise", "concise",
             "compromise", "expertise", "franchise", "merchandise", "otherwise", "likewise",
             "disguise", "cruise", "bruise", "chaise", "paradise", "treatise", "enterprise",
             "supervise", "televise", "improvise", "despise", "incise", "excise", "demise",
             "apprise", "comprise", "raised", "raising", "rises", "rising", "promised",
             "exercises", "exercised", "exercising", "surprised", "advised", "revised",
             "cruises", "cruising", "bruised", "supervised", "precisely", "wisest", "noises"}

_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")  # HTML a reader pasted: the tags are not the question
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_CONTRACTIONS = {"what's": "what is", "whats": "what is", "it's": "it is", "that's": "that is",
                 "who's": "who is", "where's": "where is", "how's": "how is",
                 "can't": "can not", "cannot": "can not", "won't": "will not",
                 "don't": "do not", "doesn't": "does not", "didn't": "did not",
                 "isn't": "is not", "aren't": "are not", "i'm": "i am", "i've": "i have",
                 "i'd": "i would", "i'll": "i will", "you're": "you are", "there's": "there is",
                 "let's": "let us", "wouldn't": "would not", "shouldn't": "should not",
                 "couldn't": "could not", "wasn't": "was not", "haven't": "have not",
                 "hasn't": "has not", "weren't": "were not", "they're": "they are",
                 "we're": "we are", "you've": "you have", "we've": "we have"}
# Texting shorthand readers type in chats.
_CONTRACTIONS.update({"wat": "what", "wot": "what", "u": "you", "ur": "your", "r": "are",
                      "abt": "about", "coz": "because", "cos": "because", "cuz": "because",
                      "bc": "because", "b4": "before", "tho": "though", "thru": "through",
                      "plz": "please", "pls": "please", "thx": "thanks", "ty": "thank you",
                      "dunno": "do not know"})
# Readers often drop the apostrophe; only forms that are not also ordinary words.
_CONTRACTIONS.update({k.replace("'", ""): v for k, v in list(_CONTRACTIONS.items())
                      if k.replace("'", "") not in {"its", "well", "were", "id", "ill",
                                                    "hell", "shell", "wed", "lets"}})

_stemmer = snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    """Unicode-fold and lowercase: compatibility forms, accents off Latin letters, smart quotes.

    Accents come off Latin letters only ("café" -> "cafe"); other scripts keep their marks,
    where they can change the word.
    """
    text = unicodedata.normalize("NFKC", _TAG.sub(" ", text)).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    kept: list[str] = []
    latin = False
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not latin:
                kept.append(ch)
            continue
        latin = "LATIN" in unicodedata.name(ch, "")
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))


@lru_cache(maxsize=65536)
def spell(word: str) -> str:
    """US spelling of a single folded word."""
    if word in BRITISH_US:
        return BRITISH_US[word]
    if word not in _ISE_KEEP and len(word) > 5:
        return _ISE.sub(lambda m: "iz" + m.group(1), word)
    return word


def words(text: str) -> list[str]:
    """Folded, contraction-expanded, US-spelled words; punctuation dropped."""
    out: list[str] = []
    for raw in _TOKEN.findall(fold(text)):
        raw = raw.replace("’", "'")
        expanded = _CONTRACTIONS.get(raw)
        if expanded:
            out.extend(expanded.split())
            continue
        if raw.endswith("'s"):
            raw = raw[:-2]
        out.append(spell(raw.replace("'", "")))
    return out


def normalise(text: str) -> str:
    """A comparable form of a phrase for fuzzy string scorers."""
    return " ".join(words(text))


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    return _stemmer.stemWord(word) if word.isalpha() else word


class Synonyms:
    """Rewrites readers' variants (single words or phrases) to one canonical token.

    Phrases are matched longest first over word sequences, so "bone marrow transplant"
    becomes one token before "bone" or "marrow" could be read alone.
    """

    def __init__(self, table: Mapping[str, Sequence[str]] | None = None):
        self._phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for canonical, variants in (table or {}).items():
            target = tuple(words(canonical))
            token = ("_".join(target),)
            for variant in (canonical, *variants):
                key = tuple(words(variant))
                if key:
                    self._phrases[key] = token
        self._longest = max((len(k) for k in self._phrases), default=0)

    def __bool__(self) -> bool:
        return bool(self._phrases)

    def apply(self, tokens: Sequence[str]) -> list[str]:
        out: list[str] = []
        i = 0
        n = len(tokens)
        while i < n:
            for size in range(min(self._longest, n - i), 0, -1):
                hit = self._phrases.get(tuple(tokens[i:i + size]))
                if hit is not None:
                    out.extend(hit)
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out
