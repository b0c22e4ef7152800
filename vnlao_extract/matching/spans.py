"""The step every matching component shares: matches -> body only -> spaCy's filter_spans -> (span, row)."""
from __future__ import annotations

from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..rules import load_package
from .facts import doc_text, ignored_mask, token_starts


def in_body(span: Span) -> bool:
    ignored = ignored_mask(span.doc)
    return not any(ignored[span.start:span.end])


@lru_cache(maxsize=1)
def sentence_window() -> int:
    rows = load_package("evidence.jsonl")
    return next(int(r["value"]) for r in rows if r.get("setting") == "sentence_window_tokens")


def sentence_text(span: Span) -> str:
    """The span's sentence, cut to a window of tokens around the span (marked "…" where cut)."""
    doc, window = span.doc, sentence_window()
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    start, end = max(sent.start, span.start - window), min(sent.end, span.end + window)
    text, starts = doc_text(doc), token_starts(doc)
    # from the start of token `start` to that of token `end`: the stretch's text and the last token's
    # trailing space, which strip() drops
    text = text[starts[start]:starts[end] if end < len(starts) else len(text)].strip()
    return ("…" if start > sent.start else "") + text + ("…" if end < sent.end else "")


def evidence(span: Span, rule: str) -> dict:
    """Where an item came from: character offsets, its sentence and the rule that produced it."""
    start_char, end_char = span.start_char, span.end_char
    return {"start_char": start_char, "end_char": end_char, "text": doc_text(span.doc)[start_char:end_char],
            "sentence": sentence_text(span), "rule": rule}


def matched_spans(doc: Doc, matcher: Matcher, rows: dict[int, dict]) -> list[tuple[Span, dict]]:
    """Body-only matches of a whole-Doc Matcher as (span, row)."""
    return [(doc[start:end], rows[match_id]) for match_id, start, end in matcher(doc)
            if in_body(doc[start:end])]


def body_matches(doc: Doc, rows: dict[int, dict], found: list[tuple[int, int, int]]) -> list[tuple[Span, dict]]:
    """(match_id, start, end) triples as (span, row), those touching a token outside the body dropped."""
    ignored = ignored_mask(doc)
    return [(doc[start:end], rows[match_id]) for match_id, start, end in found if not any(ignored[start:end])]


def longest_rows(found: list[tuple[Span, dict]]) -> list[tuple[Span, dict]]:
    """The spans spaCy's filter_spans keeps (longest first, then earliest), each with the row of the last
    match that gave it."""
    rows = {(span.start, span.end): row for span, row in found}
    return [(span, rows[(span.start, span.end)]) for span in filter_spans([span for span, _ in found])]
