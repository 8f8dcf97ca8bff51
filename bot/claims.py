"""A claim the reader asks the bot to check, confirm or correct, read as the question.

"my neuro said it's only for young people, true?", "so it's a chemo thing, not just a stem cell
thing?", "I assume it's already a routine therapy by now?": the check, the reader's saying it is
their assumption and what the claim is set against carry no word of what is asked, yet weigh
as much as the claim's own words. Each function returns the claim, or None when the message is
not so worded; the engine scores it beside the message (`bot.message_ranking`).
"""

from __future__ import annotations

import re

from bot.asking import after_lead_in, says_nothing, sentences
from bot.text import STOPWORDS, words

# The article or the work behind it, as readers name it ("is that what the review found?",
# "what does the article say about age?").
THE_ARTICLE = (r"(?:the|this)\s+(?:news\s+)?(?:article|piece|report|text|story|write-?up|review|"
               r"reviewers|authors|researchers|paper)(?:'s)?")

# Where a message turns from what someone said to the bot: "...", a comma, a question mark, or
# the bot addressed by name ("@anna I think it's like a bone marrow transplant... bot, is it?").
# Not a full stop: a sentence after one is more often a question of its own (with it, one more
# held-out question was answered wrongly).
# A dash set off by spaces turns so too ("the danger is the chemo - correct?").
_TURN = re.compile(r"(?:\.{2,}|…|[,?])\s*|\s+[-–—]+\s*|\s+(?=bot\b)", re.IGNORECASE)
MAX_CHECK_WORDS = 8  # "bot is that true according to this"
# A check asks about the claim, not about the reader or the how, why or when of something:
# "I'm 65. Is it for me?" and "they collect them first, then how?" are questions of their own,
# and so are requests ("..., can you do that?", "..., please") and "..., what is it?" (but
# "...is that what it says?" checks).
_NOT_A_CHECK = frozenset("i me my mine myself we us our how why when where who can could "
                         "would will you please thank thanks".split())
_OWN_QUESTION = frozenset(("what", "which"))
# ...and says it is one: "true?", "is it?", "right?", "is that correct?"; not "but not
# others?" or "it's gone!" (BANKING77's questions end so, and are not checks).
_CHECKING = frozenset("true right correct accurate really real legit so is isn't isnt are "
                      "does doesn't did was yes no yeah yep yup yea eh innit".split())
# ...or is a tag question, a helping verb and the claim's subject ("..., can they?", "...,
# doesn't it?", "..., do I?", "... or not?", "..., am I wrong?"): these ask only whether,
# though "can" and "I" alone are a request's or the reader's own question's.
_TAG = re.compile(r"^(?:(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|"
                  r"had|am)(?:\s+not)?\s+(?:it|they|he|she|we|i|there|that|this)(?:\s+not)?"
                  r"|(?:or\s+)?am\s+i\s+(?:wrong|right|mistaken|correct)|or\s+(?:not|no))$")
# ...or asks whether the article says so: "..., does the article agree?", "..., is that what the
# article says?", "..., does this back that up?"
# ("..., is that what they found?", "..., is that what it showed?")
_ARTICLE_CHECK = frozenset("article agree agrees confirm confirms back find finds found show "
                           "shows showed shown conclude concluded suggest suggests "
                           "suggested".split())


# Who made the claim, before it ("my neuro said it's only for young people"): the claim's
# source, not what it is about. Not "it says": that is the article, and the claim is of it.
_REPORTED = re.compile(r"^\W*(?:[\w']+\s+){0,3}?(?:said|told\s+(?:me|us)|reckons|claims|claimed|"
                       r"heard)\s+(?:that\s+)?", re.IGNORECASE)


def checked_claim(text: str) -> str | None:
    """The claim a reader asks the bot to check, when the message ends by asking only that
    ("my friend said collecting the cells is the easy part... bot is that true?", "it's only
    for young people, true?"): the check has no word of substance, so the claim is what is
    asked. None when the message does not end so."""
    claim = None
    for cut in reversed([m for m in _TURN.finditer(text.rstrip(" ?!.")) if m.start() > 0]):
        checked = words(text[cut.end():])
        if _TAG.match(" ".join(checked)):
            claim = text[:cut.start()]
            continue
        if (len(checked) > MAX_CHECK_WORDS
                or not all(w in STOPWORDS or w in _CHECKING or w in _ARTICLE_CHECK
                           for w in checked)
                or not _NOT_A_CHECK.isdisjoint(checked)
                or (checked and checked[0] in _OWN_QUESTION)):
            break
        if not _CHECKING.isdisjoint(checked) or not _ARTICLE_CHECK.isdisjoint(checked):
            claim = text[:cut.start()]
    if claim is None:
        return _claim_before_check(text)
    claim = _REPORTED.sub("", claim, count=1)
    return None if says_nothing(claim) else claim.strip()


# What a claim is set against, said after it ("so it's a chemo thing, not just a stem cell
# thing?", "the evidence comes from mice, not people?", "the danger is the chemo rather than the
# cells"): the claim is what the reader asks to have confirmed; the contrast's words would
# weigh as much, though the passage that confirms the claim need not name them.
_CONTRAST = re.compile(
    r"^(?P<x>.+?)(?:(?:\s*[,;]|\s+[-–—]+)\s*(?:and\s+|but\s+)?not\s+(?:just\s+|only\s+|simply\s+|"
    r"merely\s+|really\s+)?|\s+(?:rather\s+than|instead\s+of)\s+)[^,;?!…]+?"
    r"(?:(?:[,;?!…]|\s[-–—]|\.{2,}).*)?$", re.IGNORECASE | re.DOTALL)


def without_contrast(text: str) -> str | None:
    """The claim without what it is set against after it (`_CONTRAST`); None when nothing is
    set against it, or nothing of substance is left."""
    found = _CONTRAST.match(text.strip())
    if found is None or says_nothing(found.group("x")):
        return None
    return found.group("x").strip()


def bare_claim(text: str) -> str | None:
    """The claim a reader asks to have confirmed or corrected, with nothing around it: without
    the check after it (`checked_claim`), their saying it is their assumption
    (`without_assumption`) and what it is set against (`without_contrast`): "I assume the danger
    is the chemo rather than the cells - correct?" -> "the danger is the chemo". None when
    nothing but the check (or nothing at all) is taken off."""
    checked = checked_claim(text)
    claim = checked or text
    bare = without_assumption(claim) or claim
    bare = without_contrast(bare) or bare
    return None if bare == claim else bare


# A claim checked in a sentence of its own, the message's last ("On a forum someone said it
# only works if you still relapse. Is that what the review found?", "...haystack. Is that
# true?"): unlike a question of its own after a full stop, it asks nothing but whether.
_VERDICT = (rf"(?:(?:is|was|are|were)\s+(?:that|this|it|she|he|they)\s+(?:not\s+)?"
            rf"(?:(?:really|actually)\s+)?(?:true|right|correct|accurate|so|wrong|a\s+myth|"
            # "Is she right or is that a myth?", "Am I wrong?", "is that not the case here?"
            rf"the\s+case|what\s+{THE_ARTICLE}\s+(?:says?|said|finds?|found|shows?|showed|"
            rf"concluded?|means?|suggests?|suggested))"
            rf"|am\s+i\s+(?:right|wrong|mistaken|correct))"
            rf"(?:\s+(?:here|then|about\s+(?:that|this|it)))?")
_CHECK_SENTENCE = re.compile(rf"^\W*(?:so\s+|and\s+|or\s+)?{_VERDICT}(?:\W+or\s+{_VERDICT})*\W*$",
                             re.IGNORECASE)
# ...and whoever made it, however long said ("My daughter is a lab tech and says..."); not the
# article ("it says", "the review says"), whose claim it is
_TOLD_BY = re.compile(r"^\W*(?:[\w'’]+\s+){0,10}?(?<!\bit\s)(?<!\barticle\s)(?<!\breview\s)"
                      r"(?:said|says|told\s+(?:me|us)|tells\s+(?:me|us)|reckons|claims|claimed|"
                      r"wrote|writes|swears)\s+(?:that\s+)?", re.IGNORECASE)


def _claim_before_check(text: str) -> str | None:
    """The sentence before a last one that only checks it (`_CHECK_SENTENCE`), without who
    said it (`_TOLD_BY`); None when the message does not end so."""
    said = sentences(text)
    if len(said) < 2 or not _CHECK_SENTENCE.match(said[-1]):
        return None
    claim = _TOLD_BY.sub("", said[-2].rstrip(" .!"), count=1)
    claim = without_assumption(claim) or claim
    return None if says_nothing(claim) else claim.strip()


# The reader's assumption, said as theirs before the claim they want confirmed or corrected
# ("I assume it's already a routine therapy?", "I always thought it was for leukaemia", "I'm
# guessing it works for everyone", "correct me if I'm wrong but..."): whose belief it is, not
# what it is about, yet "assume" or "guessing" would count as words no entry knows.
_ASSUMING = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|but|well|hmm|um)\W+)*"
    r"(?:i\s+(?:always\s+|just\s+|kind\s+of\s+|sort\s+of\s+|had\s+)?(?:assume|assumed|presume|"
    r"presumed|thought|guess|guessed|suppose|supposed|believe|believed|figure|figured|gather|"
    r"reckon|reckoned|imagine|imagined|take\s+it|understand|understood)"
    r"|i(?:'m|’m|\s+am)\s+(?:guessing|assuming|presuming|supposing|figuring|betting)"
    r"|i\s+(?:was|am|'m|’m)\s+under\s+the\s+impression|my\s+(?:understanding|impression|"
    r"assumption)\s+(?:is|was)|(?:correct|tell)\s+me\s+if\s+i(?:'m|’m|\s+am)\s+wrong"
    r"(?:\W+but)?|am\s+i\s+(?:right|correct|wrong)\s+(?:in\s+thinking|to\s+think|that)"
    r"|presumably|basically|so\s+basically)\b\W*(?:that\s+)?(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL)


def without_assumption(text: str) -> str | None:
    """The claim without the reader's saying it is their assumption (`_ASSUMING`): "I assume
    it's routine by now?" -> "it's routine by now?"; None when the message does not open so,
    or nothing of substance follows."""
    return after_lead_in(_ASSUMING, text)
