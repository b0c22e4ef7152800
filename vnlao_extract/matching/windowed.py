"""The one windowed matcher: a spaCy Matcher run only on the stretches of a Doc where its patterns can
match, each stretch bounded, with the work it did counted.

A subclass says where the patterns can match (:meth:`WindowedMatcher.windows`: anchor words, anchor
classes, runs of title words); this class runs the Matcher there and gives what the whole-Doc Matcher
gives, in the same order. A window longer than ``max_tokens`` (``resources/matching.jsonl``) is matched in
overlapping pieces of that size, each overlapping the next by ``max_match`` tokens, so that an unbounded
"+"/"*" in a pattern costs at most a constant per piece and the cost stays linear in the text: every match
up to ``max_match`` tokens long lies inside one piece, and a match longer than that is no phrase of a news
article.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..errors import Errors, ResourceError
from ..rules import load_package, where
from .spans import body_matches

# How a greedy Matcher orders the matches it keeps of one rule: longest first, or first first.
GREEDY_ORDER = {"LONGEST": lambda span: (span[0] - span[1], span[0]),
                "FIRST": lambda span: (span[0], span[0] - span[1])}


@dataclass
class Work:
    """What the Matcher was given and gave back, summed over the calls (for growth tests)."""
    windows: int = 0
    tokens: int = 0
    matches: int = 0


@dataclass(frozen=True)
class Bounds:
    max_tokens: int
    max_match: int


@lru_cache(maxsize=1)
def load_bounds() -> Bounds:
    row = next(row for row in load_package("matching.jsonl") if row["id"] == "window")
    return Bounds(row["max_tokens"], row["max_match"])


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


class WindowedMatcher:
    """A Matcher over pattern rows (as :func:`build_matcher` takes
    them) that runs only on :meth:`windows`. Called on a Doc it gives the body-only (span, row) matches of
    the whole-Doc Matcher (``self.matcher``), in its order: with ``greedy``, the rules in the order of
    their first match and each rule's matches in the order of its filter."""

    CACHE_SIZE = 2000  # Matchers kept for the sets of patterns that meet in one window

    def __init__(self, vocab, patterns: list[dict], greedy: str | None = "LONGEST", bounds: Bounds | None = None):
        self.matcher, self.rows = build_matcher(vocab, patterns, greedy)
        self.vocab, self.patterns, self.greedy = vocab, patterns, greedy
        self.bounds = bounds or load_bounds()
        self.work = Work()
        self._matchers: dict[tuple[tuple[int, ...], str | None], Matcher] = {}

    def windows(self, doc: Doc) -> list[tuple[int, int, tuple[int, ...]]]:
        """Merged (start, end, indices of the patterns that can match there), in Doc order, not touching."""
        return [(0, len(doc), tuple(range(len(self.patterns))))] if len(doc) else []

    def __call__(self, doc: Doc) -> list[tuple[Span, dict]]:
        return body_matches(doc, self.rows, self.matches(doc))

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) in the order the whole-Doc Matcher gives them."""
        found = []
        for start, end, indices in self.windows(doc):
            if end - start <= self.bounds.max_tokens:
                found += self._run(self._matcher_of(indices, self.greedy), doc, start, end)
            else:
                found += self._pieces(doc, start, end, indices)
        return in_doc_order(found, self.greedy)

    def _run(self, matcher: Matcher, doc: Doc, start: int, end: int) -> list[tuple[int, int, int]]:
        found = matcher(doc[start:end])
        self.work.windows += 1
        self.work.tokens += end - start
        self.work.matches += len(found)
        return [(match_id, start + s, start + e) for match_id, s, e in found]

    def _pieces(self, doc: Doc, start: int, end: int, indices: tuple[int, ...]) -> list[tuple[int, int, int]]:
        """The matches of a long window, from overlapping pieces (each filtered as the Matcher filters),
        filtered once more over the window: a piece's edge may cut a match short, and the whole match,
        found in the next piece, is the longer one."""
        size, step = self.bounds.max_tokens, self.bounds.max_tokens - self.bounds.max_match
        found, matcher = {}, self._matcher_of(indices, self.greedy)
        for piece in range(start, end, step):
            for match in self._run(matcher, doc, piece, min(end, piece + size)):
                found.setdefault(match, None)
            if piece + size >= end:
                break
        return greedy_filter(list(found), self.greedy)

    def _matcher_of(self, indices: tuple[int, ...], greedy: str | None) -> Matcher:
        """A Matcher with these patterns only, added in the order of the whole one (which the order of
        its matches follows)."""
        if len(indices) == len(self.patterns) and greedy == self.greedy:
            return self.matcher
        key = (indices, greedy)
        matcher = self._matchers.get(key)
        if matcher is None:
            if len(self._matchers) >= self.CACHE_SIZE:
                self._matchers.clear()
            matcher = self._matchers[key] = build_matcher(self.vocab, [self.patterns[i] for i in indices], greedy)[0]
        return matcher


def greedy_filter(found: list[tuple[int, int, int]], greedy: str | None) -> list[tuple[int, int, int]]:
    """What spaCy's Matcher keeps of raw matches with a greedy filter: per rule (in the order of its first
    match), the matches in the filter's order that overlap none kept before."""
    if greedy is None:
        return found
    by_rule: dict[int, list[tuple[int, int]]] = {}
    for match_id, start, end in found:
        by_rule.setdefault(match_id, []).append((start, end))
    kept = []
    for match_id, spans in by_rule.items():
        taken = bytearray(max(end for _, end in spans))
        for start, end in sorted(spans, key=GREEDY_ORDER[greedy]):
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                kept.append((match_id, start, end))
    return kept


def in_doc_order(found: list[tuple[int, int, int]], greedy: str | None) -> list[tuple[int, int, int]]:
    """Matches of the windows of a Doc (in Doc order) in the order of a Matcher run on the whole Doc: with
    ``greedy``, the rules in the order of their first match, each rule's matches in the order of its filter
    (the windows keep the order of the first matches, which the Matcher finds token by token)."""
    if greedy is None:
        return found
    by_rule: dict[int, list[tuple[int, int]]] = {}
    for match_id, start, end in found:
        by_rule.setdefault(match_id, []).append((start, end))
    order = GREEDY_ORDER[greedy]
    return [(match_id, start, end) for match_id, spans in by_rule.items() for start, end in sorted(spans, key=order)]


def matched_spans_in(doc: Doc, matcher: Matcher, rows: dict[int, dict], windows: list[tuple[int, int]],
                     greedy: str | None = "LONGEST") -> list[tuple[Span, dict]]:
    """What :func:`~.spans.matched_spans` gives, from the Matcher run on ``windows`` only: (start, end)
    token stretches, in Doc order, that hold every match of the whole Doc."""
    found = []
    for start, end in windows:
        found += [(match_id, start + s, start + e) for match_id, s, e in matcher(doc[start:end])]
    return body_matches(doc, rows, in_doc_order(found, greedy))
