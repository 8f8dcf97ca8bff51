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
from itertools import chain

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
                 "we're": "we are", "you've": "you have", "we've": "we have",
                 "he'd": "he would", "she'd": "she would", "you'd": "you would",
                 "we'd": "we would", "they'd": "they would", "it'd": "it would",
                 "they've": "they have", "he'll": "he will", "she'll": "she will",
                 "you'll": "you will", "we'll": "we will", "they'll": "they will",
                 "it'll": "it will"}
# Texting shorthand readers type in chats.
_CONTRACTIONS.update({"wat": "what", "wot": "what", "u": "you", "ur": "your", "r": "are",
                      "abt": "about", "coz": "because", "cos": "because", "cuz": "because",
                      "bc": "because", "b4": "before", "tho": "though", "thru": "through",
                      "plz": "please", "pls": "please", "thx": "thanks", "ty": "thank you",
                      "dunno": "do not know", "ppl": "people", "shud": "should",
                      "shld": "should", "wud": "would", "frm": "from", "cud": "could",
                      "hw": "how", "wen": "when", "whr": "where", "wats": "what is",
                      "idk": "i do not know", "dnt": "do not", "hv": "have", "nd": "and",
                      "rly": "really", "smth": "something", "sth": "something",
                      "bcoz": "because", "bcos": "because", "becoz": "because",
                      "ya": "you"})
# Readers often drop the apostrophe; only forms that are not also ordinary words.
_CONTRACTIONS.update({k.replace("'", ""): v for k, v in list(_CONTRACTIONS.items())
                      if k.replace("'", "") not in {"its", "well", "were", "id", "ill",
                                                    "hell", "shell", "wed", "lets", "shed"}})

# snowballstemmer hands back PyStemmer's compiled Snowball (a dependency) when it is there.
_stemmer = snowballstemmer.stemmer("english")

# Function and conversational words: they shape a question but say nothing about which
# passage answers it, so they neither earn nor cost an entry any coverage.
STOPWORDS = frozenset("""
a about above across actually after afterwards again against all almost along already also
although always am among an and another any anybody anyhow anyone anything anyway anywhere
are around as ask asked asking at back be became because become been before being below
beside besides between both but by can could did do does doing done down during each either
else enough etc even ever every everybody everyone everything exactly except few for from
further get gets getting give given go goes going gone got gotten had has have having he
hello her here hers herself hey hi him himself his how however i ie if in indeed into is it
its itself just kind know let like likely look looking made make makes many may maybe me
mean means might more most mostly much must my myself need needs no nor not nothing now of
off often oh ok okay on once one only onto or other others otherwise our ours ourselves out
over own part particular people perhaps please pls plz possible pretty probably put quite
rather really regarding right said same say says see seem seems shall she should since so
some somebody someone something sometimes somewhat soon sort still stuff such sure take
taken tell than thank thanks that the their theirs them themselves then there therefore
these they thing things think this those though through thru thus to together too toward
towards u ur under until up upon us use used uses using very via want wanted wants was way
ways we well were what whatever when whenever where whereas wherever whether which while who
whoever whole whom whose why will with within without would yeah yes yet you your yours mine
yourself yourselves im ive id youre theyre thats whats wont dont doesnt didnt isnt arent
cant couldnt shouldnt wouldnt hasnt havent wasnt werent mum mom mother dad father husband
wife son daughter sister brother partner friend boyfriend girlfriend family relative aunt
uncle grandma grandmother grandfather grandpa grandad morning afternoon evening good great
guys folks dear sir madam mate mates buddy pal bro bot question questions quick wonder
wondering wondered curious confused honestly basically literally simply simple idea clue
heard hear read saw seen noticed mention mentioned told asks headline keen thinking
considering lots lot bit little
moment currently recently lately today yesterday btw lol hmm um uh thx ty cheers sorry
excuse hope hoping appreciate glad happy worried scared nervous anxious afraid terrified
anymore sometime somehow wanna gonna gotta instead definitely certainly totally completely
despite amid amongst alongside albeit hence nevertheless nonetheless meanwhile likewise
beyond reason reasons knew
q qn dumb stupid silly frightened panicking panicked overwhelmed desperate upset devastated
remember remembered remembering forget forgets forgetting y n omg tbh imo imho fyi ngl smh
""".split()) | frozenset("""
true false according
""".split()) | frozenset("""
po opo kuya ba naman lang talaga kasi yung nga daw pala sana salamat ano paano bakit ito
mera meri mere mujhe hai hain bhi abhi kya kyun kaise yaar bhai bhaiya didi ji aur nahi nahin
toh matlab accha acha haan sab ka ki ke ko se yeh ye woh wo bahut thoda
wallahi wallah walla inshallah inshaallah mashallah mashaallah alhamdulillah habibi habibti
akhi ukhti yalla yallah khalas yani bismillah
hola gracias porfa porfavor por amigo amiga oye bueno pues prosze dziekuje dzieki czesc
abeg oga innit deadass fr frfr och lah leh lor sia
de del en los las que para meine mein meinem esposo esposa marido mulher abuela abuelo
abuelita nonna nonno moglie marito oma opa respected kindly
""".split())
# The second set: how a reader checks a claim heard elsewhere ("my neuro said it's only for
# young people, true?", "is that true according to this"); the claim is the question. Not
# "accurate" or "correct": "how accurate is a colonoscopy" asks about the test itself.
# The third: code-switched words of politeness and address, and the commonest function words,
# of the languages readers mix into their English (Filipino "po", "kuya"; Hindi and Urdu
# "yaar", "hai", "bhi"; Arabic "wallahi"; Spanish "porfa"; Polish "prosze"; Nigerian Pidgin
# "abeg", "oga"; Singlish "lah"; slang and Scots "innit", "deadass", "fr", "och"; Spanish,
# Portuguese, Italian and German "de", "en", "meine" and the family named in them, "esposo",
# "marido", "nonna", "Oma", as "wife" and "grandma" are; the letter-writer's "Respected sir" and
# "kindly tell"): like "please", "bro" or "is", they say nothing about which passage answers, yet
# as words no entry knows each would count against every entry.
# In the first: "y" and "n", texting's letters for why, and, yes and no ("hsct y/n", "chemo n
# radiation"), and its asides ("omg", "tbh", "imo"); "remember" and "forget" ("is it from
# australia or the us i cant remember"), which say, as "heard" and "read" do, what the reader
# recalls, not what they ask.

# What readers ask *about* a treatment or a service without naming it: a question made of
# these and words the knowledge knows is on its topic even when the knowledge has no answer
# ("what is the success rate?", "how much does it cost?"); any other word the knowledge never
# uses is a subject of its own ("is ibuprofen safe?"), and the question is off its topic.
ASPECTS = frozenset("""
cost costs price prices pricing expensive cheap afford affordable pay paid paying fee fees
insurance insured cover covered coverage money charge charges success successful rate rates
effective effectiveness efficacy work works worked working result results outcome outcomes
chance chances odds statistic statistics percent percentage survival survive mortality
death deaths die dying fatal recovery recover recovering long time duration last lasts
wait waiting list hospital stay stays pain painful hurt hurts side effect effects
complication complications long term permanent cure cured cures curing heal healed
country countries abroad clinic clinics where place places center centers cheapest best
age limit eligible eligibility qualify criteria candidate candidates requirement
requirements process procedure steps step before after during afterwards follow follows
relapse relapses remission come back return returns comeback again needed necessary
""".split())

# The words that ask what, how, why...: a story ending in one is still asking ("i was like
# wait where do they get the cells").
QUESTION_WORDS = frozenset("what whats how why when where who whos which whose whom".split())
# How a question opens ("how long is...", "is it safe"): with a "?", what tells a question
# from a remark when both come wrapped in small talk.
QUESTION_OPENERS = QUESTION_WORDS | frozenset("""
is isnt are arent can cant could do does doesnt did will would should shall was were has have
may might
""".split())
MIN_QUESTION_WORDS = 3  # "and you?" is small talk; "how long is recovery" is a question

MAX_QUESTION_CHARS = 1000  # longer messages are cut here, before any normalising

# -- characters every reader of messages treats alike (engine, safety screen, small talk) --

# Format characters a phone or a copy-paste leaves unseen in text (soft hyphen, zero-width
# joiners, direction marks, emoji variation selectors): they would split or hide a word.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u034f\u180e\u200b\u200c\u200d\u200e\u200f"
                                   "\u2060\u2061\u2062\u2063\u2064\ufeff\ufe0e\ufe0f"), None)
APOSTROPHE_MARKS = "'’‘`´ʼ′"  # every mark a keyboard makes for "don't"
APOSTROPHES = re.compile(f"[{APOSTROPHE_MARKS}]")
STRETCHED = re.compile(r"([^\W\d_])\1{2,}")  # a letter typed 3+ times: "sooo", "thxxx", "hiii"


def _combining_marks() -> str:
    """A regex class body of the combining marks (Unicode categories Mn, Mc, Me) of the scripts
    written with them (Latin accents to Thai): a vowel sign or tone mark is part of its word, so
    "ฮ่าๆ" (Thai laughter) and "नमस्ते" are one word each, not split where the mark falls."""
    spans: list[str] = []
    start = None
    for code in range(0x10001):
        mark = code < 0x10000 and unicodedata.category(chr(code)).startswith("M")
        if mark and start is None:
            start = code
        elif not mark and start is not None:
            spans.append(f"\\u{start:04x}-\\u{code - 1:04x}")
            start = None
    return "".join(spans)


COMBINING_MARKS = _combining_marks()

MAX_WORD_CHARS = 30  # longer "words" are not spelling-corrected or split: no word is this long


def fold(text: str) -> str:
    """Unicode-fold and lowercase: compatibility forms, accents off Latin letters, smart quotes.

    Accents come off Latin letters only ("café" -> "cafe"); other scripts keep their marks,
    where they can change the word.
    """
    text = _TAG.sub(" ", text)
    if text.isascii():  # most questions: nothing below would change them
        return text.casefold()
    # Format characters (zero-width spaces and joiners, direction marks, soft hyphens) are
    # invisible: "h\u200bs\u200bc\u200bt" is "hsct" to the reader, so it is to the engine.
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = unicodedata.normalize("NFKC", text).casefold()
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
    return list(chain.from_iterable(map(_word, _TOKEN.findall(fold(text)))))


_SEPARATOR = "\x00"  # between texts tokenised together: no token holds it
_JOINER = "<" + _SEPARATOR  # its "<" keeps an HTML tag (`_TAG`) from reaching the next text
# `_TOKEN` on ASCII text folded to lower case, by a plain class test: a third faster.
_ASCII_TOKEN_OR_SEPARATOR = re.compile(f"[a-z0-9]+(?:'[a-z0-9]+)*|{_SEPARATOR}")


def words_of(texts: Sequence[str]) -> list[list[str]]:
    """`words` of each text, the ASCII ones (nearly all) in one regex pass over them all.

    At 100,000 phrasings the cost of `words` is mostly its per-call overhead, so a knowledge
    is folded and tokenised as one string, its texts set apart by a separator.
    """
    plain = [text for text in texts if text.isascii()]
    if len(plain) < len(texts):  # the others are folded one by one, and slotted back in
        together = iter(words_of(plain))
        return [next(together) if text.isascii() else words(text) for text in texts]
    joined = _JOINER.join(texts)
    if not texts or joined.count(_SEPARATOR) != len(texts) - 1:  # a text holds it itself
        return [words(text) for text in texts]
    raw = _ASCII_TOKEN_OR_SEPARATOR.findall(_TAG.sub(" ", joined).casefold())  # = `fold`
    spelt = {token: _word(token) for token in dict.fromkeys(raw)}  # once per distinct token
    flat = list(chain.from_iterable(map(spelt.__getitem__, raw)))
    out: list[list[str]] = []
    start = 0
    for _ in range(len(texts) - 1):
        end = flat.index(_SEPARATOR, start)
        out.append(flat[start:end])
        start = end + 1
    out.append(flat[start:])
    return out


@lru_cache(maxsize=131072)
def _word(raw: str) -> tuple[str, ...]:
    """One folded token as words: a contraction expanded, a possessive dropped, US-spelled."""
    expanded = _CONTRACTIONS.get(raw)
    if expanded:
        return tuple(expanded.split())
    if raw.endswith("'s"):
        raw = raw[:-2]
    return (spell(raw.replace("'", "")),)


def normalise(text: str) -> str:
    """A comparable form of a phrase for fuzzy string scorers."""
    return " ".join(words(text))


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    return _stemmer.stemWord(word) if word.isalpha() else word


# Irregular past forms of verbs, as their base form: a stemmer leaves "found" apart from
# "find" ("what the researchers found" asks for the findings), and a word the knowledge does not
# use may be spelling-corrected into one it does ("found" -> "bound"). Only verbs whose past
# form is no other everyday word ("left", "lead", "saw", "felt" are).
IRREGULAR = {
    "found": "find", "began": "begin", "begun": "begin", "chose": "choose",
    "chosen": "choose", "fought": "fight", "grew": "grow", "grown": "grow", "kept": "keep",
    "lost": "lose", "sent": "send", "spent": "spend", "wrote": "write", "written": "write",
    "underwent": "undergo", "undergone": "undergo", "brought": "bring", "bought": "buy",
    "caught": "catch", "taught": "teach", "sought": "seek", "held": "hold", "fell": "fall",
    "fallen": "fall", "broke": "break", "broken": "break", "drew": "draw", "drawn": "draw",
    "shown": "show", "driven": "drive", "drove": "drive", "ate": "eat",
    "eaten": "eat", "forgot": "forget", "forgotten": "forget", "spoke": "speak",
    "spoken": "speak", "ran": "run", "won": "win", "understood": "understand",
    "withdrew": "withdraw", "withdrawn": "withdraw", "overcame": "overcome",
    "undertook": "undertake", "undertaken": "undertake", "mistook": "mistake",
}


def base_form(word: str) -> str:
    """A verb's base form for its irregular past (`IRREGULAR`), any other word itself."""
    return IRREGULAR.get(word, word)


# Stopwords as they appear after stemming, beside their plain forms.
STOPWORDS_STEMMED = frozenset(stem(w) for w in STOPWORDS) | STOPWORDS


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
        # A reader in a hurry drops "the" ("link to paper", "title of paper"): a phrase of
        # three words or more is matched without it too, unless that is another phrase.
        for phrase, canonical_token in list(self._phrases.items()):
            if len(phrase) >= 3 and "the" in phrase:
                short = tuple(w for w in phrase if w != "the")
                if len(short) >= 2:
                    self._phrases.setdefault(short, canonical_token)
        self._longest = max((len(k) for k in self._phrases), default=0)
        self._starts = frozenset(k[0] for k in self._phrases)

    def __bool__(self) -> bool:
        return bool(self._phrases)

    def canonical_tokens(self) -> frozenset[str]:
        """Every term the table rewrites to ("ms_itself"), its words joined by "_"."""
        return frozenset(token for (token,) in self._phrases.values() if token)

    def variants_of(self, canonical_token: str) -> list[tuple[str, ...]]:
        """The phrases (as words) made into `canonical_token`."""
        return [phrase for phrase, token in self._phrases.items() if token == (canonical_token,)]

    def apply(self, tokens: Sequence[str]) -> list[str]:
        if self._starts.isdisjoint(tokens):  # most texts: no phrase to rewrite
            return list(tokens)
        out: list[str] = []
        i = 0
        n = len(tokens)
        while i < n:
            if tokens[i] not in self._starts:  # most words begin no phrase: skip the search
                out.append(tokens[i])
                i += 1
                continue
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
