"""Which reader an input needs: by `--input-format`, else by file extension, else by content."""
from __future__ import annotations

import re

FORMATS = ("auto", "text", "html", "jsonl", "json", "csv")
COLLECTIONS = ("jsonl", "json", "csv")

_BY_EXTENSION = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
}

# The start of a page: a doctype, or an <html>/<head>/<body> tag near the top, after any comments.
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
# Markup that no article saved as text holds a few of: block tags with their closing tag.
_BLOCK_TAGS = re.compile(r"</(?:p|div|article|section|span|li|td|h[1-6]|time|a)\s*>", re.I)
SNIFF_CHARS = 4096
BLOCK_TAGS_FOR_HTML = 3


def format_for(name: str, requested: str = "auto") -> str:
    """The format for one input name: the requested one, or by extension (`auto`, sniffed later)."""
    if requested != "auto":
        return requested
    dot = name.rfind(".")
    if dot <= max(name.rfind("/"), 0):
        return "auto"
    return _BY_EXTENSION.get(name[dot:].lower(), "auto")


def looks_like_html(text: str) -> bool:
    """True when a text read as `auto` is a web page (a page start, or several closed block tags)."""
    head = text[:SNIFF_CHARS]
    if _HTML_START.match(head):
        return True
    return len(_BLOCK_TAGS.findall(head)) >= BLOCK_TAGS_FOR_HTML
