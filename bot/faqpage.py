"""FAQ pages (HTML, Markdown, a web address) -> questions with answers, and the page's text.

Publishers already have FAQ pages; importing one should not mean retyping it. The questions are
found where pages put them: schema.org `FAQPage` JSON-LD, `<details>/<summary>`, `<dt>/<dd>`, or
headings that end in "?" (Markdown is rendered to HTML and read the same way). The page's
readable text becomes the pack's source text, and every answer is that text's own words, so
`check` can verify each quote. Markup and chatbot-only syntax are cleaned from answers.
"""

from __future__ import annotations

import json
import re
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.error import URLError
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from markdown_it import MarkdownIt

BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
          "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
          "tr", "ul"}
HIDDEN = ["script", "style", "noscript", "template", "svg", "head", "iframe", "button"]
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
MAX_PAGE = 5_000_000  # bytes fetched from an address: FAQ pages are far smaller
# Chatbot-only syntax that cannot be quoted to a reader: Dialogflow/Lex/Rasa variables.
CHATBOT_VARIABLE = re.compile(r"\$\{?[A-Za-z_][\w.-]*\}?|\{\{.*?\}\}|#[A-Za-z_][\w-]*\.[\w.-]+")

_markdown = MarkdownIt("commonmark")


class PageError(ValueError):
    """The page cannot be read or holds no questions; the message says why."""


@dataclass(frozen=True)
class QA:
    question: str
    answer: str
    url: str = ""  # the answer's own address ("#anchor" when the page's is unknown)


@dataclass(frozen=True)
class Page:
    """A FAQ page read: its questions and answers, its readable text, title and publisher."""

    items: tuple[QA, ...]
    text: str
    title: str
    publisher: str
    url: str


def fetch(url: str, timeout: float = 20.0) -> tuple[bytes, str]:
    """The page at an http(s) address and the address it was finally served from."""
    request = urllib.request.Request(url, headers={"User-Agent": "article-answer-bot import"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body: bytes = response.read(MAX_PAGE + 1)
            final: str = response.geturl()
    except (URLError, OSError, ValueError) as exc:
        raise PageError(f"{url}: cannot be fetched: {getattr(exc, 'reason', exc)}") from exc
    if len(body) > MAX_PAGE:
        raise PageError(f"{url}: is larger than {MAX_PAGE // 1_000_000} MB; save the FAQ part")
    return body, final


def clean(text: str) -> str:
    """Reader-facing text from an answer that may hold HTML, Markdown or SSML tags."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    html = "".join(f"<p>{_markdown.renderInline(p)}</p>" for p in paragraphs)
    return html_text(BeautifulSoup(html, "html.parser"))


def chatbot_variables(text: str) -> list[str]:
    """Placeholders a chatbot fills in at run time: such an answer cannot be quoted as is."""
    return CHATBOT_VARIABLE.findall(text)


def html_text(node: Tag) -> str:
    """Readable text of a (copied) element: one paragraph per block, whitespace collapsed."""
    for hidden in node.find_all(HIDDEN):
        hidden.decompose()
    for text in list(node.find_all(string=True)):
        if isinstance(text, NavigableString) and text.find_parent("pre") is None:
            text.replace_with(re.sub(r"\s+", " ", str(text)))
    for ordered in node.find_all("ol"):
        for number, item in enumerate(ordered.find_all("li", recursive=False), start=1):
            item.insert(0, f"{number}. ")
    for item in node.find_all("li"):
        if item.parent is not None and item.parent.name == "ul":
            item.insert(0, "- ")
    for block in node.find_all(BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    lines = (" ".join(line.split()) for line in node.get_text().split("\n"))
    return "\n\n".join(line for line in lines if line)


def _copy(tags: list[Tag]) -> BeautifulSoup:
    return BeautifulSoup("".join(str(t) for t in tags), "html.parser")


def _anchor(tag: Tag, url: str) -> str:
    found = tag.get("id") or next((a.get("id") or a.get("name") for a in tag.find_all("a")
                                   if a.get("id") or a.get("name")), None)
    if not isinstance(found, str):
        return ""
    return f"{url.split('#')[0]}#{found}" if url else f"#{found}"  # resolved against --url


def _json_ld(soup: BeautifulSoup) -> Iterator[QA]:
    """schema.org FAQPage questions (answers may hold HTML, cleaned here)."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.get_text())
        except ValueError:
            continue
        for node in _walk(data):
            if node.get("@type") in ("Question", ["Question"]):
                answer = node.get("acceptedAnswer") or node.get("suggestedAnswer") or {}
                if isinstance(answer, list):
                    answer = answer[0] if answer else {}
                question = node.get("name")
                text = answer.get("text") if isinstance(answer, dict) else None
                if isinstance(question, str) and isinstance(text, str):
                    yield QA(html_text(BeautifulSoup(question, "html.parser")),
                             html_text(BeautifulSoup(text, "html.parser")))


def _walk(data: object) -> Iterator[dict[str, object]]:
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _walk(value)
    elif isinstance(data, list):
        for value in data:
            yield from _walk(value)


def _details(soup: BeautifulSoup, url: str) -> Iterator[QA]:
    for details in soup.find_all("details"):
        summary = details.find("summary")
        if summary is None:
            continue
        rest = [c for c in details.children if c is not summary and isinstance(c, Tag)]
        yield QA(html_text(_copy([summary])), html_text(_copy(rest)),
                 _anchor(details, url) or _anchor(summary, url))


def _definitions(soup: BeautifulSoup, url: str) -> Iterator[QA]:
    for term in soup.find_all("dt"):
        answers = []
        for sibling in term.find_next_siblings():
            if sibling.name != "dd":
                break
            answers.append(sibling)
        yield QA(html_text(_copy([term])), html_text(_copy(answers)), _anchor(term, url))


def _headings(soup: BeautifulSoup, url: str) -> Iterator[QA]:
    """Headings ending in "?" (else the commonest heading level below the page title), each
    answered by what follows it up to the next heading."""
    headings = soup.find_all(HEADINGS)
    questions = [h for h in headings if html_text(_copy([h])).endswith("?")]
    if not questions:
        levels = Counter(h.name for h in headings if h.name != "h1")
        questions = [h for h in headings if levels and h.name == levels.most_common(1)[0][0]]
    for heading in questions:
        answer: list[Tag] = []
        for sibling in heading.find_next_siblings():
            if sibling.name in HEADINGS or sibling.find(HEADINGS) is not None:
                break
            answer.append(sibling)
        yield QA(html_text(_copy([heading])), html_text(_copy(answer)), _anchor(heading, url))


def read_html(html: str | bytes, url: str = "") -> Page:
    """Questions, answers and text of an HTML page (the first layout that yields questions)."""
    soup = BeautifulSoup(html, "html.parser")
    url = url or _meta(soup, "og:url") or _canonical(soup)
    title = _meta(soup, "og:title") or (soup.title.get_text(" ", strip=True) if soup.title else "")
    publisher = _meta(soup, "og:site_name") or (urlsplit(url).hostname or "").removeprefix("www.")
    structured = list(_json_ld(soup))
    body = soup.body or soup
    text = html_text(_copy([body]))
    items: list[QA] = []
    for finder in (_details, _definitions, _headings):
        items = [qa for qa in finder(_copy([body]), url) if qa.question and qa.answer]
        if items:
            break
    if structured and len(structured) >= len(items):
        items, text = structured, _with_structured(text, structured)
    if not items:
        raise PageError("no questions found (looked for schema.org FAQPage data, "
                        "<details>/<summary>, <dt>/<dd> and headings ending in '?')")
    return Page(tuple(items), text, title, publisher, url)


def _with_structured(text: str, items: list[QA]) -> str:
    """The page text, plus the FAQ data's answers the visible text does not hold word for word
    (pages often load answers by script): they are the page's own words, published with it."""
    squashed = " ".join(text.split())
    missing = [qa for qa in items if " ".join(qa.answer.split()) not in squashed]
    if not missing:
        return text
    extra = "\n\n".join(f"{qa.question}\n\n{qa.answer}" for qa in missing)
    return f"{text}\n\nFrom the page's FAQ data (schema.org FAQPage):\n\n{extra}"


def _canonical(soup: BeautifulSoup) -> str:
    link = soup.find("link", rel="canonical")
    href = link.get("href") if isinstance(link, Tag) else None
    return href if isinstance(href, str) and href.startswith(("https://", "http://")) else ""


def _meta(soup: BeautifulSoup, prop: str) -> str:
    tag = soup.find("meta", attrs={"property": prop})
    content = tag.get("content") if isinstance(tag, Tag) else None
    return " ".join(content.split()) if isinstance(content, str) else ""


def read_markdown(text: str, url: str = "") -> Page:
    """A Markdown FAQ: headings ending in "?" are the questions."""
    page = read_html(f"<body>{_markdown.render(text)}</body>", url)
    title = next((line.lstrip("#").strip() for line in text.splitlines()
                  if line.startswith("# ")), "")
    return Page(page.items, page.text, title, page.publisher, url)
