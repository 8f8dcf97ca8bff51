"""Other readings of a message, which the engine scores beside it: the question without the
words wrapped around it.

Readers wrap what they ask: in a claim to check ("my neuro said it's only for young people,
true?"), a reason ("...so I can show my neuro"), a request to put it simply, a formal lead-in
("I should like to know whether..."), a letter's story, or "what does X mean". Each function
here returns the question inside, or None when the message is not so wrapped; the engine keeps,
for each entry, the better score. What says nothing of the question (an @name, a job label,
dictated punctuation, courtesy) is taken off first, by `bot.framing`; a question asked in
words the knowledge does not use for it is restated by `bot.rephrasings`; a claim the reader
asks to have checked is read by `bot.claims`.
"""

from __future__ import annotations

import re

from bot.asking import OPENERS, after_lead_in, asks, requests, says_nothing, sentences
from bot.claims import THE_ARTICLE
from bot.text import QUESTION_OPENERS, words

# "...so I can show my neuro": why the reader asks, said after what they ask.
_PURPOSE = re.compile(r"[\s,]+(?:(?:so|so that|in order that)\s+(?:i|we|he|she|they)\s+"
                      r"(?:can|could|may|might|will|would)\s+\w"
                      # "...for my wife's consultation next week", "...before she asks her
                      # neuro": the visit the answer is for
                      r"|(?:for|before)\s+(?:my|his|her|our|their)\s+(?:[\w'’]+\s+){0,2}?"
                      r"(?:consultation|appointment|appt|visit|check-?up|review)s?\b"
                      r"|before\s+(?:i|we|he|she|they)\s+(?:ask|asks|see|sees|speak|speaks|"
                      r"talk|talks|go|goes)\b"
                      # "..., I need it for my nursing assignment": the work the answer is for
                      r"|(?:(?:i|we)\s+(?:need|want)\s+(?:it|this|that|them)\s+)?for\s+"
                      r"(?:my|our|a|an)\s+(?:[\w'’]+\s+){0,2}?(?:assignment|essay|coursework|"
                      r"dissertation|thesis|homework|presentation|seminar)s?\b).*$",
                      re.IGNORECASE)


def without_purpose(text: str) -> str | None:
    """The question without the reason given after it ("can you give me the full reference so
    i can show my neuro"): who the reader will show or tell is not what they ask about. None
    when the message gives no such reason, or is nothing but one."""
    found = _PURPOSE.search(text)
    if found is None or found.start() == 0:
        return None
    asked = text[:found.start()]
    return None if says_nothing(asked) else asked


# The article named as where the answer is to be found ("what does the article say about age
# as a contraindication?", "does the article say which patients respond?", "Age as a
# contraindication - what does the article say?", "next steps for a patient, per the
# article"): a colleague asks what it says of something, yet "what does the article say" is
# also how readers ask for its summary, and pulls every such question there.
# The review behind it is asked the same way ("high disability patients - what did the review
# find", "what did the reviewers say about older people?").
_ARTICLE_ASKED = (
    re.compile(rf"^\W*(?:(?:so|and|ok|okay)\W+)?(?:what|anything)\s+(?:does|do|did|is)\s+"
               rf"{THE_ARTICLE}\s+(?:say|said|tell\s+us|mention|state|conclude|find|found|show)\s+"
               rf"(?:about|on|regarding|re|of|concerning)\s+(?P<x>.+)$", re.IGNORECASE),
    re.compile(rf"^(?P<x>.+?)\s*(?:[-–—,:;?]|\s)\s*(?:and\s+|so\s+)?what\s+(?:does|do|did)\s+"
               rf"{THE_ARTICLE}\s+(?:say|said|conclude|find|found|show)(?:\s+(?:about|on)\s+(?:it|this|that))?"
               rf"\W*$", re.IGNORECASE),
    # "does the article say anything about chemotherapy?", "did the review mention anything on
    # age?"
    re.compile(rf"^\W*(?:(?:so|and|ok|okay)\W+)?(?:does|do|did)\s+{THE_ARTICLE}\s+(?:say|mention|"
               rf"tell\s+us|state|find|show)\s+anything\s+(?:about|on|regarding|re|concerning)\s+"
               rf"(?P<x>.+)$", re.IGNORECASE),
    re.compile(rf"^(?P<x>.+?)[\s,;:-]+(?:per|according\s+to|based\s+on|as\s+described\s+in|"
               rf"as\s+per|from)\s+{THE_ARTICLE}(?:\W+please)?\W*$", re.IGNORECASE),
    # named inside the question: "which patients does the article say are most likely to
    # benefit?", "how long did the review say recovery takes" ("what does the article suggest
    # readers do?" asks what it suggests)
    re.compile(rf"^\W*(?P<x>(?:which|who|how|when|where|why|what)\s+\w.*?)\s+(?:does|do|did)\s+"
               rf"{THE_ARTICLE}\s+(?:say|said|think|suggest|claim|reckon)\s+(?:that\s+)?"
               rf"(?P<y>\w.*)$", re.IGNORECASE),
    # whether it is there at all: "are any dangers mentioned in the article?", "is age
    # discussed in the review?", or with the article left unnamed ("are there any risks
    # mentioned"), as where else would they be
    re.compile(rf"^\W*(?P<x>(?:are|is|were|was)\s+\w.*?)\s+(?:mentioned|discussed|covered|"
               rf"talked\s+about|described|listed|named|given|addressed)(?:\s+(?:in|by)\s+"
               rf"{THE_ARTICLE})?\W*$", re.IGNORECASE),
    # why it is there: "why does the article bring up blood cancers?"
    re.compile(rf"^\W*why\s+(?:does|do|did)\s+{THE_ARTICLE}\s+(?:mention|bring\s+up|talk\s+"
               rf"about|discuss|raise|refer\s+to|cite)\s+(?P<x>\w.*)$", re.IGNORECASE),
)


def article_asked(text: str) -> str | None:
    """The question without the article named as where to look (`_ARTICLE_ASKED`); None when
    the message does not name it so, or nothing of substance is left."""
    text = text.strip()
    for pattern in _ARTICLE_ASKED:
        found = pattern.match(text)
        if found is not None:
            rest = " ".join(found.group(g) for g in ("x", "y") if g in pattern.groupindex)
            rest = rest.strip(" -–—,:;")
            return None if says_nothing(rest) else rest
    return None


# How short the reader wants it, said after a question of its own ("who is it for, in one
# line", "how would you define HSCT in one sentence?", "what is a stem cell transplant in a few
# words", "give me the gist in two sentences please"): how to say it, not a request for the
# article's summary, which "in one line" alone asks ("headline in one sentence?" keeps it).
_BRIEFLY = re.compile(
    r"^(?P<rest>.+?)[\s,;:–—-]+(?:in\s+(?:one|a|1)\s+(?:line|sentence|phrase)|in\s+(?:a\s+)?few\s+words|"
    # "in a couple of sentences", "in two lines", "in a few sentences"
    r"in\s+(?:a\s+couple\s+(?:of\s+)?|a\s+few\s+|few\s+|two\s+|2\s+|three\s+|3\s+)"
    r"(?:lines|sentences|phrases|words)|"
    r"in\s+short|in\s+brief|briefly|in\s+a\s+nutshell)\W*(?:please\W*)?$", re.IGNORECASE)


def briefly_asked(text: str) -> str | None:
    """The question without how briefly to answer it, said after it (`_BRIEFLY`); None when
    not said so, or when what is left asks nothing of its own (a request asks: "give me the
    gist in two sentences please")."""
    found = _BRIEFLY.match(text.strip())
    if found is None:
        return None
    rest = found.group("rest").strip()
    return rest if asks(rest) or requests(rest) else None


# A follow-up that names only the step before ("and after harvesting?", "after the chemo?"): it
# asks what happens next. Not "before X?": what comes before is rarely what X's words name.
_THEN = re.compile(r"^\W*(?:(?:and|so|ok|okay|then|but)\W+)*after\s+"
                   r"([^\W\d][\w'-]*(?:\s+[\w'-]+){0,3})\W*$", re.IGNORECASE)


def what_happens_then(text: str) -> str | None:
    """"what happens after X" for a message that is only "(and) after X?"; None otherwise."""
    found = _THEN.match(text)
    if found is None or says_nothing(found.group(1)):
        return None
    return f"what happens after {found.group(1)}"


# A search-box query: the subject typed first, then the question about "it" ("hsct ms what is
# it", "stem cell transplant ms does it work"). Up to this many words of subject.
MAX_TOPIC_WORDS = 5
_OPENER = re.compile(rf"\b(?:{OPENERS})\b", re.IGNORECASE)
_BREAK = re.compile(r"[.!?\"]")  # a sentence's end or a quote: more than a query
_IT = re.compile(r"\bit\b", re.IGNORECASE)
_LEAD_WORDS = re.compile(r"^\W*(?:(?:so|and|ok|okay|well|right|anyway)\b\W*)+", re.IGNORECASE)


def topic_first(text: str) -> str | None:
    """The question with its subject in place of "it", when the subject is typed before it as
    into a search box ("hsct ms what is it" -> "what is hsct ms"); None otherwise. Said so, the
    subject's words stand where a phrasing has them, not beside the question's ("ms does it
    work" is no "which type of ms does it work best for")."""
    opener = _OPENER.search(text)
    if opener is None or opener.start() == 0:
        return None
    # "so the reset thing, what is it": the subject without the word that leads into it
    topic = _LEAD_WORDS.sub("", text[:opener.start()]).strip(" ,:;-")
    if len(words(topic)) > MAX_TOPIC_WORDS or _BREAK.search(topic) or says_nothing(topic):
        return None
    question = text[opener.start():]
    if _IT.search(question) is None or _BREAK.search(question.rstrip(" .!?")):
        return None  # one question, not a story or a quote after the subject
    return _IT.sub(topic, question, count=1)


# "what does depleted mean?", "what does intricate mean in this context", "what is meant by
# 'toxic'": the meaning of one word (or two) asked, with nothing else of substance.
_MEANT = re.compile(
    r"^\W*(?:(?:so|ok|okay|and|sorry|quick question)\W+)*"
    r"(?:what\s+(?:does|do|did)\s+(?:the\s+(?:word|term)\s+)?['\"“‘]?(?P<a>[^\W\d][\w-]*"
    r"(?:\s+(?!(?:actually|even|really)\b)[^\W\d][\w-]*)?)['\"”’]?\s+(?:actually\s+|even\s+|really\s+)?mean"
    r"|what\s+is\s+meant\s+by\s+(?:the\s+(?:word|term)\s+)?['\"“‘]?(?P<b>[^\W\d][\w-]*"
    r"(?:\s+[^\W\d][\w-]*)?)['\"”’]?)"
    # of what the word is said ("what does immature mean for stem cells here"), not of whom
    r"(?:\s+(?:for|of)\s+(?!(?:me|my|us|our|him|his|her|them|their|you|your|people|patients)\b)"
    r"[^\W\d][\w-]*(?:\s+[^\W\d][\w-]*)?)?"
    r"(?:\s+(?:here|there|in\s+(?:this|the)\s+(?:context|article|text|sentence)"
    r"|in\s+simple\s+words|in\s+plain\s+english))?\W*$", re.IGNORECASE)

# The term quoted first, then asked about ("repopulate the body - what does that mean in this
# article", "0.01 percent: what's that number about?"): the meaning of what is before the dash.
_MEANT_BEFORE = re.compile(
    r"^\W*(?P<w>[\w.'’%-]+(?:\s+[\w.'’%-]+){0,5}?)\s*(?:[-–—:]+|,)\s*(?:so\s+|and\s+)?"
    r"what(?:'s|’s|\s+is|\s+does|\s+do)\s+(?:that|this|it)\s+(?:(?:actually|even|really)\s+)?"
    r"(?:(?:number|figure|word|term|phrase|percentage|bit|part)\s+)?"
    r"(?:mean|means|about|refer\s+to|refers\s+to|say|saying)"
    r"(?:\s+(?:here|there|in\s+(?:this|the)\s+(?:context|article|text|sentence|review)))?\W*$",
    re.IGNORECASE)


# Where the question about a word ends and what the reader tells after it begins ("what does
# hematopoietic even mean, my dad's neurologist used the word"): a comma, a sentence's end or
# a dash.
_TOLD_AFTER = re.compile(r"[,;:.!?]\s+|\s+[-–—]+\s+")


def meant_word(text: str) -> str | None:
    """The word whose meaning a message asks ("what does repopulate mean here?"), None when it
    asks something else or the word is only a function word ("what does that mean"). Who
    used the word, told after the question ("..., my neurologist used it"), is no part of
    what is asked; a second question after it is ("..., and is it safe?")."""
    text = text.strip()
    found = _MEANT.match(text)
    if found is None:
        before = _MEANT_BEFORE.match(text)
        if before is not None:
            return None if says_nothing(before.group("w")) else before.group("w")
        for cut in _TOLD_AFTER.finditer(text):
            tail = text[cut.end():]
            if "?" not in tail and not asks(tail):
                found = _MEANT.match(text[:cut.start()])
            if found is not None or "?" in tail:
                break
    if found is None:
        return None
    word = found.group("a") or found.group("b")
    return None if says_nothing(word) else word


# "explain like I'm five why the cells have to be young", "in simple words, what happens to my
# immune system?": how the reader wants the answer said, not what it is about. Its words
# ("explain", "simple words") would pull to the entries whose phrasings ask for plain words.
_PLAIN = (r"(?:like\s+(?:i'?m|i\s+am|a)\s+(?:a\s+)?(?:five|5|six|6|ten|10|child|kid|"
          r"five[\s-]year[\s-]old)|simply|eli5|for\s+dummies|"
          r"in\s+(?:simple|plain|easy|lay(?:man'?s)?)\s+(?:words|terms|english|language))")
_PLAIN_ASKED = re.compile(
    rf"^\W*(?:(?:can|could|would)\s+you\s+|please\s+)?(?:(?:explain|tell\s+me|say)\s+"
    rf"(?:(?:it|this|that)\s+)?(?:to\s+me\s+)?{_PLAIN}|{_PLAIN}|eli5)\W*(?:please\W+)?"
    rf"(?P<rest>.*)$", re.IGNORECASE)


def plainly_asked(text: str) -> str | None:
    """The question without the request to put it simply before it ("explain like I'm five
    how the new cells work": "how the new cells work"); None when there is no such request or
    nothing of substance after it. "Explain HSCT to me like I'm five" asks what HSCT is."""
    named = _PLAIN_NAMED.match(text.strip())
    if named is not None and not says_nothing(named.group("x")):
        return f"what is {named.group('x')}"
    return after_lead_in(_PLAIN_ASKED, text)


# What is to be explained named between "explain" and how ("explain HSCT to me like I'm five")
_PLAIN_NAMED = re.compile(
    rf"^\W*(?:(?:can|could|would)\s+you\s+|please\s+)?explain\s+(?P<x>[^,.?!]{{1,40}}?)\s+"
    rf"(?:to\s+me\s+)?{_PLAIN}(?:\W+please)?\W*(?:$|[.!?]\s)", re.IGNORECASE)


# A question asked indirectly, as a formal or a hesitant writer asks it ("I should like to know
# whether the report covered human patients", "I would be grateful to know whether...",
# "could you tell me if..."): the words around it are how they ask, yet they would weigh
# against every phrasing, which asks directly.
_INDIRECT = re.compile(
    r"^\W*(?:(?:hello|hi|dear\s+sir\s*(?:or|/)\s*madam|dear \w+|good (?:morning|afternoon|evening)|"
    r"please|excuse me|sorry)"
    r"\W+)*(?:i(?:'d|’d| would| should)?\s+(?:very\s+much\s+)?(?:like|love|want|wish)\s+to\s+"
    r"(?:know|understand|ask|find\s+out|learn)|i\s+(?:would|'d|’d)\s+be\s+(?:very\s+|most\s+)?"
    r"grateful\s+(?:to\s+know|to\s+learn|if\s+you\s+(?:could|would)\s+(?:kindly\s+)?"
    r"(?:tell|explain\s+to)\s+me)"
    # "I would appreciate knowing whether...", "I'd appreciate it if you could tell me..."
    r"|i(?:\s+would|'d|’d)?\s+(?:really\s+|much\s+)?appreciate\s+(?:knowing|learning|"
    r"it\s+if\s+you\s+(?:could|would)\s+(?:kindly\s+)?(?:tell|explain\s+to)\s+me)"
    r"|i(?:\s+am|'m|’m)\s+"
    r"(?:curious|wondering|keen\s+to\s+know|trying\s+to\s+understand)|i\s+(?:was\s+)?wonder(?:ing)?|"
    r"(?:could|can|would)\s+you\s+(?:please\s+|kindly\s+)?(?:tell|explain\s+to)\s+me|please\s+(?:tell|explain"
    r"\s+to)\s+me|may\s+i\s+ask|i\s+(?:need|want)\s+to\s+know"
    # the formal request ("Kindly advise whether HSCT is approved in Nigeria.")
    r"|(?:kindly|please)\s+(?:kindly\s+)?(?:advise|confirm|clarify|inform\s+me|let\s+me\s+know)"
    r"(?:\s+me)?(?:\s+(?:on|about))?)\b"
    # whom for, said inside ("..., for my wife's sake, how...", "..., on her behalf, why...")
    r"(?:\s*,\s*(?:for|on)\s+[^,]{1,40},)?\W*(?:whether\s+|if\s+)?(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL)


# ...or passed on for someone close ("My dad (retired engineer, 70) wants to know what kind of
# data they looked at", "My mum keeps asking me if she'll lose her immune system", "my mum's
# nervous, she wants to know if..."): who asks is the story, what they ask is the question.
_REPORTED_QUESTION = re.compile(
    r"^\W*(?:(?:my|our)\s+[^.?!]{1,60}?|he|she|they)\s+(?:wants|want|would\s+like|wishes|needs)"
    r"\s+to\s+know"
    r"|^\W*(?:my|our)\s+[^.?!]{1,60}?\s+(?:keeps|kept)\s+asking(?:\s+me|\s+us)?"
    r"|^\W*(?:my|our)\s+[^.?!]{1,60}?\s+(?:is|was)\s+(?:asking|wondering)", re.IGNORECASE)
_PASSED_ON = re.compile(rf"(?:{_REPORTED_QUESTION.pattern})\W*(?:whether\s+|if\s+)?(?P<rest>.+)$",
                        re.IGNORECASE | re.DOTALL)


def indirectly_asked(text: str) -> str | None:
    """The question inside an indirect one ("I should like to know whether the report covered
    human patients" -> "the report covered human patients"), or one passed on for someone
    close (`_PASSED_ON`); None when the message does not ask so, or nothing of substance
    follows."""
    return after_lead_in(_INDIRECT, text) or after_lead_in(_PASSED_ON, text)


def asked_in_letter(text: str) -> str | None:
    """The question a letter asks indirectly after telling its story first ("Dear Sir, I am a
    retired teacher aged 72. I would be grateful to know whether this treatment is suitable at
    my age."): that sentence without its lead-in (`indirectly_asked`), alone, as the story's
    words (who writes, what they did) are not what it asks. None when no sentence after the
    first asks so."""
    for sentence in sentences(text)[1:]:
        inner = indirectly_asked(sentence)
        if inner is not None:
            return inner
    return None


# A question written in the order of a statement, with only its mark to say it asks, as readers
# whose first language asks so write it in English ("stem cells can help me?", "it is for
# oncology patients?", "the stem cells is from my own body?", "I'm in a wheelchair, this
# treatment is for me?"): the verb put back before its subject, where the phrasings have it.
# Only a short subject, of no question word, right before the verb, in the message's last
# clause; and only the verbs that open a question themselves ("the sclerosis return?" would
# need a "does" made up for it).
MAX_SUBJECT_WORDS = 4
_STATED_QUESTION = re.compile(
    r"^(?P<lead>(?:.*[,;:.!]\s+)?)"
    rf"(?P<subject>[^\W\d][\w'’-]*(?:\s+[\w'’-]+){{0,{MAX_SUBJECT_WORDS - 1}}}?)\s+"
    r"(?P<verb>is|are|was|were|can|could|will|would|should|must|may|might)\s+"
    r"(?P<rest>[^,;:.!?]+?)\s*\?+\W*$", re.IGNORECASE)


def in_question_order(text: str) -> str | None:
    """The message with its last clause, a statement marked as a question, in a question's
    order ("..., stem cells can help me?" -> "..., can stem cells help me?"); None when it
    asks in a question's order already, or is no such statement."""
    found = _STATED_QUESTION.match(text.strip())
    if found is None:
        return None
    subject = words(found.group("subject"))
    if not subject or any(w in QUESTION_OPENERS for w in subject):
        return None  # "what it is for?", "is it is...": asked in its own order
    return (f"{found.group('lead')}{found.group('verb')} {found.group('subject')} "
            f"{found.group('rest')}?")
