"""The frame around a reader's question, which is no part of what is asked: who the message
is addressed to (an @name, a voice assistant's wake word), who asks (a job label, "sceptic
here:"), a sceptic's challenge or a surprise ("wait so...") before the question, who talks
about what it names ("the reset thing everyone talks about"), punctuation spoken as words, and
courtesy and chat slang typed around it ("pls", "bestie", "or nah"). Its words would count as
words no entry knows, or pull to the entries whose phrasings happen to use them ("summary
please"), so the engine reads the message without them.
`bot.readings` finds the question inside the wrappers that do say something of what is asked.
"""

from __future__ import annotations

import re

from bot.asking import says_nothing

# Someone in a group chat, addressed by name ("@anna I think it's like a bone marrow
# transplant... bot, is it?"): who the reader is talking to, not what about, yet the name
# would count as a word no entry knows. Telegram usernames have 5 or more characters; a
# reader typing a member's first name after "@" ("@sara") may type fewer.
_MENTIONS = re.compile(r"(?<![\w.@])@[^\W\d_][\w]{1,31}\b")


# A voice assistant woken before the question ("hey siri what is a stem cell transplant", "ok
# google, is it safe"): readers who talk to their phone say it to the bot too. Its name is no
# word of the question, yet one no entry knows (nor is a chatbot's name, "hey chatgpt"). "google"
# alone opens "google says...", so it goes only after "ok" or "hey", as the chatbots do.
_WAKE = re.compile(r"^\W*(?:(?:hey|hi|ok|okay|o\.?k\.?)\W+(?:siri|google|alexa|cortana|bixby|"
                   r"chatgpt|chat\s+gpt|gpt|gemini|copilot|assistant)"
                   r"|siri|alexa|cortana|bixby)\b[\s,.:;!-]*", re.IGNORECASE)


# Punctuation dictated to a phone and typed out as words ("is it still trial stage question
# mark", "immature cells only why full stop"): the words are no part of the question, yet words
# no entry knows, and the mark they stand for tells where a question ends. Not after "a" or
# "the": "there is a question mark over its safety", "will my ms come to a full stop".
_DICTATED = {"question mark": "?", "full stop": ".", "exclamation mark": "!",
             "exclamation point": "!", "comma": ","}
_MARKS = {spoken.replace(" ", ""): mark for spoken, mark in _DICTATED.items()}
_SPOKEN_MARK = re.compile(r"(?:^|\s+)(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)("
                          + "|".join(w.replace(" ", r"[\s-]*") for w in _DICTATED) + r")\b",
                          re.IGNORECASE)


def undictated(text: str) -> str:
    """The message with its spoken punctuation ("question mark", "full stop") as the marks."""
    return _SPOKEN_MARK.sub(lambda m: _MARKS[re.sub(r"[\s-]", "", m.group(1).lower())], text)


# Who is asking, as a label before the question ("Physio: which patients do better?", "GP
# trainee: evidence level of the paper?", "MS nurse here - what is the first step?", "Hospital
# librarian: ..."): the asker's job, not what they ask about, yet its words would count
# against every entry (or for the one whose passage says "doctor"). Only a label that ends in
# a job and is set off by a colon, a dash or a comma, or "here": "Nurse said it's safe" and
# "Source of graft: marrow or blood?" keep their words.
_ROLES = (r"nurse|nurses|physio|physios|physiotherapist|pharmacist|gp|trainee|registrar|"
          r"resident|student|librarian|clinician|neurologist|specialist|consultant|therapist|"
          r"dietitian|dietician|midwife|paramedic|researcher|lecturer|hca|practitioner|"
          # readers who say who they are as the article's readers ("skeptic here:", "as a carer
          # I want to know: ...", "journalist here -")
          r"carer|caregiver|journalist|reporter|sceptic|skeptic|sceptical|skeptical|blogger|"
          r"moderator")
_ROLE_WORDS = (r"ms|med|medical|nursing|nurse|pharmacy|hospital|junior|senior|neuro|physio|"
               r"gp|clinical|community|specialist|research|health|occupational|student|"
               r"final[\s-]year|\w+[\s-]year")
_SPEAKER = re.compile(rf"^\W*(?:(?:i'?m|i\s+am|as)\s+)?(?:an?\s+)?(?:(?:{_ROLE_WORDS})\s+){{0,2}}"
                      rf"(?:{_ROLES})(?:\s+(?:here|query|question|asking|speaking)"
                      rf"|,?\s+i\s+(?:want|need|would\s+like|'d\s+like)\s+to\s+know)?"
                      rf"\s*(?::|\s[-–—]+|,)\s*(?=\S)"
                      rf"|^\W*(?:(?:{_ROLE_WORDS})\s+){{0,2}}(?:{_ROLES})\s+here\b\W*",
                      re.IGNORECASE)


# A sceptic's challenge before the question ("Isn't this all just hype? What evidence is
# there?", "Isn't the "reset" idea just marketing? What is the mechanism?"): how they feel
# about the claims, not what they ask; alone, it still asks whether it is hype.
_CHALLENGE = re.compile(
    r"^\W*(?:isn'?t|isn’t|is\s+not|is)\s+(?:this|it|that|the\s+[^?.!]{1,40}?)\s+(?:all\s+)?"
    r"(?:just\s+|only\s+|simply\s+)?(?:(?:another|more|a|some)\s+)?(?:hype|hyped|marketing|spin|"
    r"hot\s+air|clickbait|click\s+bait|a\s+gimmick|gimmick|snake\s+oil|wishful\s+thinking)\b"
    r"[^?]{0,40}\?\s+(?=\S)", re.IGNORECASE)


def _after(opening: re.Pattern[str], text: str) -> str | None:
    """What follows the frame `opening` matches at the message's start; None when it does not
    open the message, or nothing of substance follows."""
    found = opening.match(text)
    if found is None or says_nothing(text[found.end():]):
        return None
    return text[found.end():]


def unchallenged(text: str) -> str:
    """The message without a sceptic's challenge asked before its question (`_CHALLENGE`)."""
    return _after(_CHALLENGE, text) or text


def unlabelled(text: str) -> str:
    """The message without the asker's job labelled before it (`_SPEAKER`)."""
    return _after(_SPEAKER, text) or text


def unaddressed(text: str) -> str:
    """The message without the @names of the people it is addressed to, nor the voice
    assistant it wakes, nor the asker's job labelled before it (`unlabelled`), nor a sceptic's
    challenge before the question (`unchallenged`), and with its dictated punctuation as marks
    (`undictated`)."""
    return unchallenged(unlabelled(undictated(_WAKE.sub("", _MENTIONS.sub(" ", text), count=1))))


# Courtesy typed before or after a question on a phone ("hsct explain plz", "pls where are the
# cells taken from", "link to the study thx"): no word of what is asked, yet the phrasings that
# ask for the article's summary say "please" ("summary please") and pull such a question there.
_COURTESY = r"(?:please|pls|plz|pleas|thanks|thank\s+you|thanx|thx|ty|cheers|lol|haha)"
# Chat slang typed around a question the same way ("bestie what even is hsct", "wait so is hsct
# a cure or nah", "lmao ok but seriously can hsct cure ms", "does it hurt tho ngl"): who is
# addressed, a laugh, a tag asking for a yes or no, sincerity; no word of what is asked. Only
# in the reading without courtesy, which the engine scores beside the message as typed.
_SLANG_BEFORE = (r"(?:(?:lol|lmao|lmfao|haha\w*)\s+ok(?:ay)?(?:\s+but)?"
                 r"(?:\s+(?:seriously|fr|for\s+real))?"
                 r"|bestie|bro|bruh|fam|sis|dude|yo|ngl|tbh|fr|frfr|lowkey|deadass|lmao|lmfao"
                 r"|wait\s+so|ok\s+so|okay\s+so)")
_SLANG_AFTER = (r"(?:or\s+nah|or\s+what|tho|ngl|tbh|fr|frfr|bruh|bro|fam|bestie|lmao|"
                r"lmfao|no\s+cap|istg)")
_COURTESY_AROUND = re.compile(rf"^\W*(?:(?:{_SLANG_BEFORE}|{_COURTESY})\b[\s,;:.!-]*)+"
                              rf"|(?:[\s,;:.-]*\b(?:{_COURTESY}|{_SLANG_AFTER}))+\W*$",
                              re.IGNORECASE)


def without_courtesy(text: str) -> str | None:
    """The question without the courtesy or chat slang typed around it (`_COURTESY_AROUND`);
    None when there is none, or nothing of substance is left."""
    asked = _COURTESY_AROUND.sub("", text.strip())
    if asked == text.strip() or says_nothing(asked):
        return None
    return asked


# A reader's surprise or pause before the question ("wait so you actually get chemotherapy for
# this??", "hang on, they kill the immune system?", "whoa, is that safe"): it says how they
# feel, not what they ask, yet "wait" is a word no entry knows. Only where it stands alone: set
# off by a mark, or run into "so" or a question's first word ("wait so...", "wait what"), so
# "wait times for hsct" keeps its wait.
_INTERJECTION = re.compile(
    r"^\W*(?:(?:oh|ah|ok|okay)\s+)?(?:wait|hold\s+on|hang\s+on|huh|whoa|woah|wow|yikes|jeez|"
    r"gosh|blimey)(?:\s+(?:a\s+(?:sec|second|minute)|what))?(?:\s*[,.!?…:;-]+\s*|\s+(?=so\b))",
    re.IGNORECASE)


def without_interjection(text: str) -> str | None:
    """The question without the surprise or pause before it (`_INTERJECTION`); None when
    there is none, or nothing of substance is left."""
    return _after(_INTERJECTION, text)


# Who talks about what the reader names, said after naming it ("the reset thing everyone talks
# about, what is it", "that stem cell treatment people keep talking about"): how they came to
# hear of it, not what they ask, yet "talk" is the word of the passage that says to talk to a
# doctor.
_HEARSAY = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:everyone|everybody|people|folks|they|all\s+my\s+friends|"
    r"(?:the|my|our|her|his)\s+[\w'’]+)(?:'s|’s|'re|’re|\s+(?:is|are|was|were|keeps?|kept|"
    r"have\s+been|has\s+been))?\s+(?:talk|talks|talked|talking|talkin|rave|raves|raved|raving|"
    r"going\s+on|banging\s+on|"
    r"on\s+about|excited|hyped|buzzing)\s+(?:about|over|on\s+about)\b(?:\s+(?:lately|now|"
    r"these\s+days|online))?", re.IGNORECASE)


def without_hearsay(text: str) -> str | None:
    """The message without who talks about what it names (`_HEARSAY`): "the reset thing
    everyone talks about, what is it" -> "the reset thing, what is it". None when it says no
    such thing, or nothing of substance is left."""
    found = _HEARSAY.search(text)
    if found is None or says_nothing(text[:found.start()]):
        return None
    left = text[:found.start()] + text[found.end():]
    return None if says_nothing(left) else left
