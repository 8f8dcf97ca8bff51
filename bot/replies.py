"""Engine result -> reply text and buttons. Pure: Telegram and the terminal both render these.

Every piece of reader or knowledge text is escaped where the HTML is built. Replies stay under
Telegram's 4,096-character limit by shortening the passage, never the source line.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from telegram.constants import MessageLimit

from bot import actions
from bot.knowledge import Entry, Source
from bot.outcomes import DeclineReason
from bot.results import Ambiguous, Answer, Declined, Result
from bot.text import normalise

MAX_MESSAGE = MessageLimit.MAX_TEXT_LENGTH  # Telegram's 4,096 characters
SOURCE_FIELD = 300  # characters of a title, publisher or citation shown under an answer
MIN_QUOTE = 200  # characters of passage always kept, whatever else the reply carries
BUTTON_LABEL = 60  # Telegram shows ~30-40 characters; longer labels are cut with an ellipsis
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(A-Z0-9])")


@dataclass(frozen=True)
class Button:
    """A reply button. `action` is its encoded `bot.actions` action (Telegram's callback data)."""

    label: str
    action: str


@dataclass(frozen=True)
class Reply:
    html: str  # Telegram, parse_mode=HTML
    text: str  # the terminal: the same words, no markup
    buttons: tuple[tuple[Button, ...], ...] = ()


def label(text: str, limit: int = BUTTON_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plain(text: str) -> Reply:
    """A reply with no markup of its own (still escaped for Telegram's HTML mode)."""
    return Reply(html.escape(text), text)


def ask_button(entry: Entry) -> Button:
    return Button(label(entry.question), actions.answer(entry.id))


def sentences(passage: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(passage) if s.strip()]


def best_sentence(passage: str, question: str) -> str | None:
    """The sentence of a multi-sentence passage that best answers the question."""
    parts = sentences(passage)
    if len(parts) < 2:
        return None
    query = normalise(question)
    return max(parts, key=lambda s: fuzz.token_set_ratio(query, normalise(s)))


def source_lines(source: Source) -> tuple[str, str]:
    """(html, text) lines naming the article and the study it cites.

    Titles and citations are cut to a line's length, so however long a pack's fields are the
    passage keeps its room under Telegram's limit.
    """
    title, publisher = label(source.title, SOURCE_FIELD), label(source.publisher, SOURCE_FIELD)
    citation = label(source.citation, SOURCE_FIELD)
    h = [f'📄 <a href="{html.escape(source.url)}">{html.escape(title)}</a>'
         f" — {html.escape(publisher)}"]
    t = [f"Source: {title} — {publisher}\n{source.url}"]
    if citation:
        cite = html.escape(citation)
        if source.citation_url:
            cite = f'<a href="{html.escape(source.citation_url)}">{cite}</a>'
        h.append(f"🔬 Study: {cite}")
        t.append(f"Study: {citation}" +
                 (f"\n{source.citation_url}" if source.citation_url else ""))
    return "\n".join(h), "\n".join(t)


def _quote(passage: str, emphasis: str | None, budget: int) -> tuple[str, str]:
    """The passage as a quote; cut at a word (with "…") if its escaped HTML exceeds budget."""
    budget = max(budget, MIN_QUOTE)
    while len(html.escape(passage)) > budget:
        over = len(html.escape(passage)) - budget
        passage = passage[: max(0, len(passage) - over - 1)].rsplit(" ", 1)[0] + "…"
        emphasis = emphasis if emphasis and emphasis in passage else None
    if emphasis:
        before, _, after = passage.partition(emphasis)
        body = f"{html.escape(before)}<b>{html.escape(emphasis)}</b>{html.escape(after)}"
    else:
        body = html.escape(passage)
    return f"<blockquote>{body}</blockquote>", f"“{passage}”"


def answer_reply(answer: Answer, feedback_key: str | None = None,
                 note: str | None = None) -> Reply:
    """The passage (best sentence in bold), its source, related questions and feedback; a
    message that asked more than one question gets each answered passage under its question.

    `note` is a line in the bot's own voice under the passage (a question about the reader's
    own treatment gets the reminder that their doctor decides).
    """
    answers = (answer, *answer.also)
    sources = [source_lines(s) for s in dict.fromkeys(a.entry.source for a in answers)]
    src_html = "\n".join(h for h, _ in sources)
    src_text = "\n".join(t for _, t in sources)
    note_html = f"\n\nℹ️ <i>{html.escape(note)}</i>" if note else ""
    note_text = f"\n\n{note}" if note else ""
    budget = (MAX_MESSAGE - len(src_html) - len(note_html) - 64) // len(answers)
    quotes_html, quotes_text = [], []
    for shown in answers:
        entry = shown.entry
        heading = f"<b>{html.escape(entry.question)}</b>\n" if answer.also else ""
        quote_html, quote_text = _quote(entry.answer, best_sentence(entry.answer, shown.question),
                                        budget - len(heading))
        quotes_html.append(heading + quote_html)
        quotes_text.append(f"{entry.question}\n{quote_text}" if answer.also else quote_text)
    buttons: list[tuple[Button, ...]] = [(ask_button(e),) for e in answer.related]
    if feedback_key is not None:
        buttons.append((Button("👍 Helpful", actions.vote(feedback_key, True)),
                        Button("👎 Not helpful", actions.vote(feedback_key, False))))
    return Reply("\n".join(quotes_html) + f"{note_html}\n\n{src_html}",
                 "\n\n".join(quotes_text) + f"{note_text}\n\n{src_text}", tuple(buttons))


def ambiguous_reply(result: Ambiguous) -> Reply:
    options = "\n".join(f"• {e.question}" for e in result.offered)
    return Reply(
        "🤔 Did you mean…",
        f"Did you mean…\n{options}",
        tuple((ask_button(e),) for e in result.offered),
    )


_DECLINE_INTROS = {
    DeclineReason.NOT_IN_ARTICLE: (
        "The article does not say, so I won't guess. Your doctor, or the study the article "
        "reports (/source), is the place to ask. Here are questions the article does answer:"),
    DeclineReason.OFF_TOPIC: (
        "I only answer questions about this article, and that is not something it covers. "
        "Here are questions it does answer:"),
    DeclineReason.NOT_UNDERSTOOD: (
        "Sorry, I didn't catch a question there. Ask me about the article in your own words, "
        "for example:"),
}


def declined_reply(result: Declined) -> Reply:
    """Why the question was declined (three different situations), and what it can answer."""
    intro = _DECLINE_INTROS[result.reason]
    suggestions = result.offered
    hint = "Send /topics to see everything I can answer."
    options = "\n".join(f"• {e.question}" for e in suggestions)
    return Reply(
        f"{html.escape(intro)}\n\n<i>{html.escape(hint)}</i>",
        f"{intro}\n{options}\n\n{hint}",
        tuple((ask_button(e),) for e in suggestions),
    )


def reply_for(result: Result, feedback_key: str | None = None,
              note: str | None = None) -> Reply:
    """Any engine result to a reply (the conversation calls this; front ends send it)."""
    if isinstance(result, Answer):
        return answer_reply(result, feedback_key, note)
    if isinstance(result, Ambiguous):
        return ambiguous_reply(result)
    if isinstance(result, Declined):
        return declined_reply(result)
    raise TypeError(f"not an engine result: {result!r}")


def safety_reply(text: str) -> Reply:
    """The fixed safety text: nothing else, no buttons back into the article."""
    return plain(text)


def smalltalk_reply(text: str, examples: Sequence[Entry] = ()) -> Reply:
    """Everyday chat, answered in the bot's own voice: never a passage, never the source."""
    return Reply(html.escape(text), text, tuple((ask_button(e),) for e in examples))


def gone_reply() -> Reply:
    """A button or deep link to a question the knowledge no longer has."""
    return plain("That question is no longer in my list — send /topics to see what I can "
                 "answer now.")


# -- Commands and notes (Telegram uses these; kept here so the wording lives in one place) -----

TOPICS_PER_PAGE = 8
DISCLAIMER = ("This is news about research, not medical advice. "
              "Talk to your doctor before deciding anything about treatment.")


def _sources(sources: list[Source]) -> tuple[str, str]:
    lines = [source_lines(s) for s in dict.fromkeys(sources)]
    return "\n\n".join(h for h, _ in lines), "\n\n".join(t for _, t in lines)


def start_reply(sources: list[Source], entries: Sequence[Entry]) -> Reply:
    """What the bot knows, where it comes from, and the not-medical-advice note."""
    titles = ", ".join(f"“{s.title}”" for s in dict.fromkeys(sources))
    intro = (f"Hello! I answer questions about the article {titles} by quoting it word for "
             f"word — {len(entries)} questions so far.")
    how = "Send me a question, tap one below, or use /topics to see them all."
    src_html, src_text = _sources(sources)
    return Reply(
        f"👋 {html.escape(intro)}\n\n{src_html}\n\n⚠️ <i>{html.escape(DISCLAIMER)}</i>\n\n"
        f"{html.escape(how)}",
        f"{intro}\n\n{src_text}\n\n{DISCLAIMER}\n\n{how}",
        tuple((ask_button(e),) for e in entries[:3]),
    )


def help_reply(bot_username: str) -> Reply:
    """How to ask, in a private chat, a group and inline."""
    handle = f"@{bot_username}" if bot_username else "me"
    lines = [
        ("Ask me a question about the article in your own words; I reply with the passage "
         "that answers it, quoted word for word, and its source."),
        "",
        "/topics — every question I can answer",
        "/source — the article and the study it reports",
        "/privacy — what I keep about your questions",
        "/ask <question> — ask (handy in groups)",
        "",
        (f"In a group, mention {handle} with your question, reply to one of my messages, "
         "or use /ask."),
        f"In any chat, type {handle} and a question to share an answer.",
    ]
    return plain("\n".join(lines))


def topics_reply(entries: Sequence[Entry], page: int = 0,
                 per_page: int = TOPICS_PER_PAGE) -> Reply:
    """One page of every answerable question as buttons, with ◀ / ▶ to page."""
    pages = max(1, -(-len(entries) // per_page))
    page = min(max(page, 0), pages - 1)
    shown = entries[page * per_page:(page + 1) * per_page]
    head = f"📚 Questions I can answer — page {page + 1} of {pages}. Tap one:"
    buttons: list[tuple[Button, ...]] = [(ask_button(e),) for e in shown]
    nav: list[Button] = []
    if page > 0:
        nav.append(Button("◀ Previous", actions.topics(page - 1)))
    if page < pages - 1:
        nav.append(Button("Next ▶", actions.topics(page + 1)))
    if nav:
        buttons.append(tuple(nav))
    listing = "\n".join(f"• {e.question}" for e in shown)
    return Reply(html.escape(head), f"{head}\n{listing}", tuple(buttons))


def source_reply(sources: list[Source]) -> Reply:
    src_html, src_text = _sources(sources)
    note = "Every answer is quoted word for word from this article."
    return Reply(f"{src_html}\n\n{html.escape(note)}", f"{src_text}\n\n{note}")


def privacy_reply(recording: bool, retention_days: int) -> Reply:
    """What is and is not stored, matching the recording setting."""
    if recording:
        kept = ("To improve the answers, I keep each question's text, when it was asked, "
                "whether and with which passage I answered (and how confident I was), the "
                "kind of chat (private, group or inline) and any 👍/👎 on the answer. "
                f"These records are deleted automatically after {retention_days} days.")
    else:
        kept = "Question recording is switched off: I keep no questions at all."
    not_kept = ("I never store who asked: no name, username, user id, chat id or phone "
                "number, not even in scrambled (hashed) form. In groups I only see messages "
                "addressed to me.")
    ids = "Telegram itself keeps your chat history as usual."
    return plain(f"🔒 {kept}\n\n{not_kept}\n\n{ids}")


def ask_usage_reply(entries: Sequence[Entry]) -> Reply:
    example = entries[0].question if entries else "What is the study about?"
    text = f"Put your question after the command, for example:\n/ask {example}"
    return plain(text)


def text_only_reply() -> Reply:
    text = ("I can only read text questions. Type your question about the article, "
            "or send /topics to see what I can answer.")
    return plain(text)


def edited_reply() -> Reply:
    text = "I answer new messages only — please send your corrected question again."
    return plain(text)


def flood_reply() -> Reply:
    text = ("You're sending questions faster than I can read them — please wait a few "
            "seconds and ask again.")
    return plain(text)


def unsent_reply() -> Reply:
    text = ("Sorry — I couldn't send that answer because Telegram isn't accepting messages "
            "from me right now. Please ask again in a minute.")
    return plain(text)


def error_reply() -> Reply:
    text = "Sorry — something went wrong on my side. Please try again."
    return plain(text)


def feedback_ack(helpful: bool) -> str:
    """The short toast shown when a feedback button is pressed (callback answers are plain)."""
    return "Thanks — glad it helped!" if helpful else "Thanks — noted, the curators will look."


def snippet(entry: Entry, limit: int = 100) -> str:
    """A one-line taste of an answer for inline results."""
    return snippet_text(entry.answer, limit)


def snippet_text(text: str, limit: int = 100) -> str:
    return label(text, limit)
