"""Engine result -> reply text and buttons. Pure: Telegram and the terminal both render these.

Every piece of reader or knowledge text is escaped where the HTML is built. Replies stay under
Telegram's 4,096-character limit by shortening the passage, never the source line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.engine import Ambiguous, Answer, Declined, Engine, Result
from bot.knowledge import Entry, Source
from bot.text import normalise

MAX_MESSAGE = 4096
BUTTON_LABEL = 60  # Telegram shows ~30-40 characters; longer labels are cut with an ellipsis
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(A-Z0-9])")


@dataclass(frozen=True)
class Button:
    """A reply button. `action` is the callback payload: `a:<entry-id>` answers that entry."""

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


def ask_button(entry: Entry) -> Button:
    return Button(label(entry.question), f"a:{entry.id}")


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
    """(html, text) lines naming the article and the study it cites."""
    h = [f'📄 <a href="{html.escape(source.url)}">{html.escape(source.title)}</a>'
         f" — {html.escape(source.publisher)}"]
    t = [f"Source: {source.title} — {source.publisher}\n{source.url}"]
    if source.citation:
        cite = html.escape(source.citation)
        if source.citation_url:
            cite = f'<a href="{html.escape(source.citation_url)}">{cite}</a>'
        h.append(f"🔬 Study: {cite}")
        t.append(f"Study: {source.citation}" +
                 (f"\n{source.citation_url}" if source.citation_url else ""))
    return "\n".join(h), "\n".join(t)


def _quote(passage: str, emphasis: str | None, budget: int) -> tuple[str, str]:
    if len(passage) > budget:
        passage = passage[: budget - 1].rsplit(" ", 1)[0] + "…"
        emphasis = emphasis if emphasis and emphasis in passage else None
    if emphasis:
        before, _, after = passage.partition(emphasis)
        body = f"{html.escape(before)}<b>{html.escape(emphasis)}</b>{html.escape(after)}"
    else:
        body = html.escape(passage)
    return f"<blockquote>{body}</blockquote>", f"“{passage}”"


def answer_reply(entry: Entry, engine: Engine, question: str = "",
                 feedback_key: str | None = None) -> Reply:
    """The passage (best sentence in bold), its source, related questions and feedback."""
    src_html, src_text = source_lines(entry.source)
    budget = MAX_MESSAGE - len(src_html) - 64
    quote_html, quote_text = _quote(entry.answer,
                                    best_sentence(entry.answer, question or entry.question),
                                    budget)
    buttons: list[tuple[Button, ...]] = [(ask_button(e),) for e in engine.related(entry)]
    if feedback_key is not None:
        buttons.append((Button("👍 Helpful", f"fb:up:{feedback_key}"),
                        Button("👎 Not helpful", f"fb:down:{feedback_key}")))
    return Reply(f"{quote_html}\n\n{src_html}", f"{quote_text}\n\n{src_text}", tuple(buttons))


def ambiguous_reply(result: Ambiguous) -> Reply:
    options = "\n".join(f"• {c.entry.question}" for c in result.candidates)
    return Reply(
        "🤔 Did you mean…",
        f"Did you mean…\n{options}",
        tuple((ask_button(c.entry),) for c in result.candidates),
    )


def declined_reply(result: Declined) -> Reply:
    intro = ("Sorry — the article does not cover that, so I won't guess. "
             "Here are questions it does answer:")
    hint = "Send /topics to see everything I can answer."
    options = "\n".join(f"• {e.question}" for e in result.suggestions)
    return Reply(
        f"{html.escape(intro)}\n\n<i>{html.escape(hint)}</i>",
        f"{intro}\n{options}\n\n{hint}",
        tuple((ask_button(e),) for e in result.suggestions),
    )


def reply_for(result: Result, engine: Engine, feedback_key: str | None = None) -> Reply:
    """The one entry point front ends use: any engine result to a reply."""
    if isinstance(result, Answer):
        return answer_reply(result.entry, engine, result.question, feedback_key)
    if isinstance(result, Ambiguous):
        return ambiguous_reply(result)
    if isinstance(result, Declined):
        return declined_reply(result)
    raise TypeError(f"not an engine result: {result!r}")
