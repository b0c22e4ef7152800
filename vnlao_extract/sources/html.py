"""A web page to article text: trafilatura keeps the main text (no navigation, footer, related-news
lists), htmldate finds the published date in the markup (`<meta property="article:published_time">`,
`<time>`, the URL). Both are the optional extra ``vnlao-extract[html]``; without it an HTML input gets
one clear error record."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import Errors, InputError
from ..inputs import ArticleText, display_name
from ..textmap import repair_text

# htmldate drops dates after max_date (default: today); a fixed bound keeps the output the same on any day.
MAX_DATE = "2199-12-31"


@dataclass(frozen=True)
class PageText(ArticleText):
    """An article's text with the date its container gives (a page's markup, a collection's field)."""

    published: dt.date | None = None
    published_from: str | None = None


def _libraries():
    try:
        import htmldate
        import trafilatura
    except ImportError:
        return None
    return trafilatura, htmldate


def html_available() -> bool:
    return _libraries() is not None


def page_to_article(html: str, name: str, encoding: str, notes: tuple[str, ...] = ()) -> PageText:
    """The main text of a page (its headline first when the text does not start with it) and its date."""
    shown = display_name(name)
    libraries = _libraries()
    if libraries is None:
        raise InputError(Errors.E050.format(path=shown))
    trafilatura, htmldate = libraries
    try:
        # favor_precision: short pages otherwise fall back to the whole <article>, byline and all
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                                include_tables=False, deduplicate=False, favor_precision=True)
        headings = _headings(html)
        found = htmldate.find_date(html, extensive_search=False, original_date=True,
                                   outputformat="%Y-%m-%d", max_date=MAX_DATE)
    except Exception as exc:  # noqa: BLE001 - a page the libraries choke on costs its record only
        raise InputError(Errors.E051.format(path=shown, reason=f"{type(exc).__name__}: {exc}")) from None
    text, offsets = repair_text(_article_text(extracted, headings))  # offsets index the page's main text
    if not text.strip():
        raise InputError(Errors.E052.format(path=shown))
    published = dt.date.fromisoformat(found) if found else None
    return PageText(text=text, encoding=encoding, offsets=offsets, notes=notes, published=published,
                    published_from="html" if published else None)


def _headings(html: str) -> set[str]:
    """The texts of the page's <h1> headings, whitespace collapsed."""
    import lxml.html

    tree = lxml.html.fromstring(html.encode("utf-8"))
    return {" ".join(h.text_content().split()) for h in tree.iter("h1")}


def _article_text(extracted, headings: set[str]) -> str:
    """The paragraphs a blank line apart (trafilatura gives one a line; articles saved as text part
    them by blank lines), after the headline when the page shows it as a heading: a <title> alone is
    often the site's name."""
    if extracted is None:
        return ""
    body = extracted.text or ""
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    title = " ".join((extracted.title or "").split())
    if title in headings and not (paragraphs and paragraphs[0].startswith(title)):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs) + "\n"
