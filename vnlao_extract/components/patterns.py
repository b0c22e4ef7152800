"""Shared helpers for components whose rules are spaCy Matcher patterns in JSONL."""
from __future__ import annotations

from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..errors import Errors, ResourceError
from ..rules import expand_classes, where  # noqa: F401  (expand_classes: kept for the components that import it here)
from ..resources import load_package_jsonl
from .tokens import ignored_mask


def build_matcher(vocab, patterns: list[dict], greedy: str | None = "LONGEST") -> tuple[Matcher, dict[int, dict]]:
    """One Matcher over pattern rows keyed by their "id"; returns it with a map match_id -> row."""
    matcher = Matcher(vocab)
    rows = {}
    for row in patterns:
        try:
            matcher.add(row["id"], [row["pattern"]], greedy=greedy)
        except (ValueError, KeyError, TypeError) as exc:
            path, line = where(row)
            raise ResourceError(Errors.E020.format(path=path, line=line, id=row.get("id"),
                                                   reason=str(exc).splitlines()[0])) from None
        rows[vocab.strings[row["id"]]] = row
    return matcher, rows


def in_body(span: Span) -> bool:
    ignored = ignored_mask(span.doc)
    return not any(ignored[span.start:span.end])


@lru_cache(maxsize=1)
def sentence_window() -> int:
    rows = load_package_jsonl("evidence.jsonl")
    return next(int(r["value"]) for r in rows if r.get("setting") == "sentence_window_tokens")


def sentence_text(span: Span) -> str:
    """The span's sentence, cut to a window of tokens around the span (marked "…" where cut)."""
    doc, window = span.doc, sentence_window()
    sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
    start, end = max(sent.start, span.start - window), min(sent.end, span.end + window)
    text = doc[start:end].text.strip()
    return ("…" if start > sent.start else "") + text + ("…" if end < sent.end else "")


def evidence(span: Span, rule: str) -> dict:
    """Where an item came from: character offsets, its sentence and the rule that produced it."""
    return {"start_char": span.start_char, "end_char": span.end_char, "text": span.text,
            "sentence": sentence_text(span), "rule": rule}


def matched_spans(doc: Doc, matcher: Matcher, rows: dict[int, dict]) -> list[tuple[Span, dict]]:
    """Body-only matches as (span, row)."""
    found = []
    for match_id, start, end in matcher(doc):
        span = doc[start:end]
        if in_body(span):
            found.append((span, rows[match_id]))
    return found
