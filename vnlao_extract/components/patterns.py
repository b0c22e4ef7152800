"""Shared helpers for components whose rules are spaCy Matcher patterns in JSONL."""
from __future__ import annotations

import copy

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..errors import Errors, ResourceError
from .tokens import ignored_mask


def expand_classes(rows: list[dict]) -> tuple[dict[str, dict], list[dict]]:
    """Split rows into token-class definitions and patterns, with {"class": X} replaced by X's token."""
    classes = {row["define"]: row["token"] for row in rows if "define" in row}
    patterns = []
    for row in rows:
        if "define" in row:
            continue
        if not isinstance(row.get("pattern"), list) or "id" not in row:
            raise ResourceError(Errors.E010.format(path=row.get("id", "?"), line="?", kind="pattern",
                                                   reason='a pattern row needs an "id" and a "pattern" list'))
        expanded = []
        for token in row["pattern"]:
            if "class" in token:
                if token["class"] not in classes:
                    raise ResourceError(Errors.E010.format(path=row.get("id"), line="?", kind="pattern",
                                                           reason=f"unknown class {token['class']}"))
                merged = copy.deepcopy(classes[token["class"]])
                merged.update({k: v for k, v in token.items() if k != "class"})
                expanded.append(merged)
            else:
                expanded.append(token)
        patterns.append(dict(row, pattern=expanded))
    return classes, patterns


def build_matcher(vocab, patterns: list[dict], greedy: str | None = "LONGEST") -> tuple[Matcher, dict[int, dict]]:
    """One Matcher over pattern rows keyed by their "id"; returns it with a map match_id -> row."""
    matcher = Matcher(vocab)
    rows = {}
    for row in patterns:
        try:
            matcher.add(row["id"], [row["pattern"]], greedy=greedy)
        except (ValueError, KeyError, TypeError) as exc:
            raise ResourceError(Errors.E010.format(path=row.get("id", "?"), line="?", kind="pattern",
                                                   reason=str(exc).splitlines()[0])) from None
        rows[vocab.strings[row["id"]]] = row
    return matcher, rows


def in_body(span: Span) -> bool:
    ignored = ignored_mask(span.doc)
    return not any(ignored[span.start:span.end])


def sentence_text(span: Span) -> str:
    return span.sent.text.strip() if span.doc.has_annotation("SENT_START") else span.doc.text


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
