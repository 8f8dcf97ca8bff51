"""Readings that say the question again in the words the knowledge uses for it, where the
reader's own words point elsewhere: a fact asked to be judged good or bad for something, a
factor asked as changing the outcome, research asked whether it is the first of its kind, the
study asked what it found, a summary asked of what something is. Like `bot.readings`, each
returns the question so restated, or None; the engine scores it beside the message.
"""

from __future__ import annotations

import re

from bot.asking import says_nothing

# A fact told, then whether it is good or bad for something ("my MS is really active right now,
# is that good or bad for the treatment?", "I'm 72 - would that be a problem for HSCT?"): the
# fact and what it is for are what is asked; "good or bad" alone would ask whether the news is.
_JUDGED = re.compile(
    r"^(?P<fact>[^?]+?)\s*(?:[,;:.]|\s[-–—])\s*(?:so\s+|and\s+|but\s+)?(?:is|would|will|could)\s+"
    r"(?:that|this)\s+(?:be\s+)?(?:a\s+)?(?:good|bad|good\s+or\s+(?:a\s+)?bad|bad\s+or\s+(?:a\s+)?good|"
    r"problem|issue|plus|minus)(?:\s+thing)?\s*(?P<rest>(?:for|with)\s+[^?]+?)?\W*$",
    re.IGNORECASE)


def judged_fact(text: str) -> str | None:
    """The fact a reader asks to be judged, with what it is judged for (`_JUDGED`): "my MS is
    active, is that good or bad for the treatment?" -> "my MS is active for the treatment".
    None when the message does not ask so."""
    found = _JUDGED.match(text.strip())
    if found is None or says_nothing(found.group("fact")):
        return None
    return " ".join(part for part in (found.group("fact"), found.group("rest")) if part)


# A fact asked about as what it changes in the outcome ("does disease activity make a difference
# to results?", "does being badly disabled already affect whether it works?", "do the results
# depend on age?"): whether it works with that fact, which is what a passage on who responds
# says; the outcome's words ("results", "affect", "difference") are in no phrasing of it.
_OUTCOME = (r"(?:the\s+)?(?:results?|outcomes?|response|success|benefit|effect|"
            r"(?:whether|if|how\s+well)\s+(?:it|this|that|hsct|the\s+(?:treatment|transplant|"
            r"procedure))\s+(?:works?|helps?))")
_CHANGES = (r"(?:affect|affects|change|changes|influence|influences|impact|impacts|"
            r"make\s+(?:a|any|much)\s+(?:big\s+)?difference\s+(?:to|in|for)|matter\s+for|"
            r"count\s+for)")
_BY_FACTOR = (
    re.compile(rf"^\W*(?:so\s+|and\s+)?(?:does|do|did|will|would|could|can|might)\s+"
               rf"(?P<x>(?!(?:it|this|that)\s)[^?]+?)\s+{_CHANGES}\s+{_OUTCOME}\W*$",
               re.IGNORECASE),
    re.compile(r"^\W*(?:so\s+|and\s+)?(?:does|do|did|will|would)\s+(?:the\s+)?"
               r"(?:results?|outcomes?|response|success|benefit)\s+(?:depend|depends)\s+"
               r"(?:on|upon)\s+(?P<x>[^?]+?)\W*$", re.IGNORECASE),
)


def outcome_by_factor(text: str) -> str | None:
    """"does it work with X" for a message asking whether X changes the outcome
    (`_BY_FACTOR`); None when not asked so, or X says nothing."""
    for pattern in _BY_FACTOR:
        found = pattern.match(text.strip())
        if found is not None:
            factor = found.group("x").strip()
            return None if says_nothing(factor) else f"does it work with {factor}"
    return None


# Whether the research is the first of its kind ("was this the first research on it for MS or
# have there been others?", "is this the first study of HSCT in MS?", "was it the first time
# anyone looked at HSCT for MS?", "have there been other studies on this before?"): whether it
# was studied before, which is what a passage on earlier studies says; "first" and "others"
# alone would pull to whatever else came first or to other research.
_RESEARCH = r"(?:study|studies|research|trial|trials|report|paper|review|look|attempt)"
_ON = r"(?:on|of|into|about|for|in|looking\s+at)"
_FIRST_OF_KIND = (
    re.compile(rf"^\W*(?:so\s+|and\s+)?(?:is|was)\s+(?:this|it|that)\s+(?:really\s+|actually\s+)?"
               rf"(?:the\s+)?(?:very\s+)?first\s+(?:ever\s+)?{_RESEARCH}"
               rf"(?:\s+(?:ever\s+)?{_ON}\s+(?P<x>.+?))?(?:\s*,?\s+or\s+.*)?\W*$", re.IGNORECASE),
    re.compile(r"^\W*(?:so\s+|and\s+)?(?:is|was)\s+(?:this|it|that)\s+(?:really\s+|actually\s+)?"
               r"the\s+first\s+time\s+(?:anyone|anybody|someone|researchers|scientists|they)\s+"
               r"(?:has\s+|have\s+|had\s+)?(?:looked\s+at|studied|researched|tested|tried|"
               r"investigated|examined)\s+(?P<x>.+?)(?:\s*,?\s+or\s+.*)?\W*$", re.IGNORECASE),
    re.compile(rf"^\W*(?:so\s+|and\s+)?(?:have|has)\s+there\s+been\s+(?:any\s+)?"
               rf"(?:other|earlier|previous|prior|older)\s+{_RESEARCH}"
               rf"(?:\s+{_ON}\s+(?P<x>.+?))?(?:\s+before(?:\s+this)?)?\W*$", re.IGNORECASE),
)


def first_of_its_kind(text: str) -> str | None:
    """"has X been studied before" for a message asking whether the research on X is the first
    (`_FIRST_OF_KIND`); X is "this" when not named. None when not asked so."""
    for pattern in _FIRST_OF_KIND:
        found = pattern.match(text.strip())
        if found is not None:
            subject = (found.group("x") or "").strip()
            subject = re.sub(r"\s+before(?:\s+this)?$", "", subject, flags=re.IGNORECASE)
            if not subject or says_nothing(subject):
                subject = "this"
            return f"has {subject} been studied before"
    return None


# The one study a reader means, asked what it found ("what did the study find?", "my friend
# says this study proved it cures MS", "the study's results?"): the report the article is
# about, not a trial, which is what "study" alone reads as ("is the study recruiting?"). Only
# the study itself, with nothing between "the" and "study": "the animal studies showed" and
# "how many studies did they find" keep their own reading.
_THE_STUDY = r"(?:the|this|that)\s+(?:(?:new|recent|latest|whole|actual|original)\s+)?study"
_FOUND = (r"(?:find|finds|found|show|shows|showed|shown|conclude|concludes|concluded|prove|proves|"
          r"proved|proven|suggest|suggests|suggested|discover|discovered|say|says|said|claim|claims|"
          r"claimed|establish|established|demonstrate|demonstrates|demonstrated)")
_FINDINGS = r"(?:findings?|results?|conclusions?|outcomes?|verdict|bottom\s+line)"
_STUDY_FOUND = re.compile(
    rf"(?P<a>\b{_THE_STUDY})(?=\s+(?:(?:actually|really|basically|just|even|ever|all)\s+)?{_FOUND}\b"
    rf"|(?:'s|’s)?\s+{_FINDINGS}\b)"
    rf"|\b(?:do|does|did)\s+(?P<b>{_THE_STUDY})\s+(?:(?:actually|really|basically)\s+)?{_FOUND}\b"
    rf"|\b{_FINDINGS}\s+(?:of|from)\s+(?P<c>{_THE_STUDY})\b", re.IGNORECASE)
_STUDY_WORD = re.compile(r"\bstudy\b", re.IGNORECASE)


def study_as_report(text: str) -> str | None:
    """The message with the study whose findings it asks for named as the report
    (`_STUDY_FOUND`): "what did the study find" -> "what did the report find"; None when no
    study is asked for what it found."""
    found = _STUDY_FOUND.search(text)
    if found is None:
        return None
    name = next(g for g in ("a", "b", "c") if found.group(g))
    start, end = found.span(name)
    return text[:start] + _STUDY_WORD.sub("report", text[start:end]) + text[end:]


# What something is, asked for as a summary of it ("quick one-line summary of what HSCT for MS
# is", "an overview of what the conditioning involves"): the question inside, not a request
# for the article's summary, which the word "summary" would otherwise ask.
_SUMMARY_OF_WHAT = re.compile(
    r"^.*?\b(?:summary|overview|explanation|description|rundown|recap)\s+of\s+"
    r"(?P<x>(?:what|how|why|who|which|where|when)\s+.+)$", re.IGNORECASE)
_TRAILING_VERB = re.compile(r"^(?P<w>what|who)\s+(?P<x>.+?)\s+(?P<v>is|are|means|was|were)\W*$",
                            re.IGNORECASE)


def summary_of_what(text: str) -> str | None:
    """"(a summary of) what X is" as the question "what is X"; None when not asked so."""
    found = _SUMMARY_OF_WHAT.match(text.strip())
    if found is None:
        return None
    inner = found.group("x").strip()
    turned = _TRAILING_VERB.match(inner)
    if turned is not None:  # "what HSCT for MS is" -> "what is HSCT for MS"
        inner = f"{turned.group('w')} {turned.group('v')} {turned.group('x')}"
    return None if says_nothing(inner) else inner


# A two-word verb with its object between ("take the stem cells out", "putting them back",
# "wipe the old immune system out"): the knowledge names the act by the two words together
# ("take out", "put back"), which a reader splitting them never says.
_VERBS = (r"take|takes|taking|took|taken|put|puts|putting|give|gives|giving|gave|given|wipe|"
          r"wipes|wiping|wiped|knock|knocks|knocking|knocked|kill|kills|killing|killed|pull|"
          r"pulls|pulling|pulled|filter|filters|filtering|filtered")
_PARTICLES = r"out|back|off"
# words that end an object, or start a clause of its own ("take me to pay off my card")
_NOT_AN_OBJECT = r"to|of|and|or|but|if|for|with|from|in|on|at|into|me|us|i|you|we|when|so"
_SPLIT_VERB = re.compile(
    rf"\b(?P<v>{_VERBS})\s+(?P<o>(?:(?!(?:{_PARTICLES}|{_NOT_AN_OBJECT})\b)[\w'’-]+\s+){{1,4}}?)"
    rf"(?P<p>{_PARTICLES})\b", re.IGNORECASE)


def verbs_joined(text: str) -> str | None:
    """The message with each two-word verb said together, its object after (`_SPLIT_VERB`):
    "they take the stem cells out first" -> "they take out the stem cells first"; None when
    no verb is split so."""
    joined = _SPLIT_VERB.sub(lambda m: f"{m['v']} {m['p']} {m['o'].strip()}", text)
    return None if joined == text else joined
