"""Web pages written for the tests: an article's text wrapped in the chrome news sites put around it."""
from __future__ import annotations

import html
import re

_HEADER = re.compile(r"\A\s*date (\d{4}-\d{2}-\d{2})\s+")
_STAMP = re.compile(r"\A(\d{2})/(\d{2})/(\d{4}) \d{2}:\d{2}\n")

NAV = """<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/economy">Economy</a></li><li><a href="/world">World</a></li></ul></nav>"""
RELATED = """<aside class="related"><h3>Related news</h3><ul>
<li><a href="/r1">Deputy Prime Minister receives visiting delegation on March 3</a></li>
<li><a href="/r2">Provincial leaders discuss border trade cooperation</a></li>
<li><a href="/r3">Ministry holds press briefing on April 10, 2024</a></li></ul></aside>"""
FOOTER = """<footer><p>Copyright 2026 Example News Online. All rights reserved.</p>
<p>Editor-in-chief: Example Person. Address: 1 Example Road, Example City.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>"""


def split_article(text: str) -> tuple[str | None, str | None, str]:
    """(headline, ISO date, body) of an article saved as text: a `date` header, or a headline line
    followed by a dd/mm/yyyy stamp line; whatever is not recognised stays in the body."""
    header = _HEADER.match(text)
    if header:
        return None, header.group(1), text[header.end():]
    first, _, rest = text.partition("\n\n")
    stamp = _STAMP.match(rest)
    if stamp and "\n" not in first.strip():
        day, month, year = stamp.groups()
        return first.strip(), f"{year}-{month}-{day}", rest[stamp.end():]
    return None, None, text


def paragraphs(body: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", body) if p.strip()]


def page(text: str, date_markup: str = "meta", headline: str | None = None) -> str:
    """A whole page around the article; the date in a <meta> (`meta`), a <time> (`time`), or absent."""
    title, date, body = split_article(text)
    title = title or headline
    head = [f"<title>{html.escape(title)} | Example News</title>" if title else "<title>Example News</title>"]
    top = []
    if date and date_markup == "meta":
        head.append(f'<meta property="article:published_time" content="{date}T08:30:00+07:00">')
    if date and date_markup == "time":
        top.append(f'<p class="byline">By staff <time datetime="{date}T08:30:00+07:00">{date}</time></p>')
    body_html = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(body))
    h1 = f"<h1>{html.escape(title)}</h1>" if title else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{"".join(head)}</head>\n'
            f"<body>{NAV}\n<main><article>{h1}{''.join(top)}\n<div class=\"content\">{body_html}</div>"
            f"</article>\n{RELATED}</main>\n{FOOTER}</body></html>\n")
