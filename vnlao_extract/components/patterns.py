"""Shared helpers for components whose rules are spaCy Matcher patterns in JSONL."""
from __future__ import annotations

import copy

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..errors import Errors, ResourceError
from .tokens import ignored_mask, lower_words


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
    return not any(token._.ignored for token in span)


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


# How a greedy Matcher orders the matches it keeps of one rule: longest first, or first first.
GREEDY_ORDER = {"LONGEST": lambda span: (span[0] - span[1], span[0]),
                "FIRST": lambda span: (span[0], span[0] - span[1])}


def token_words(token: dict) -> set[str] | None:
    """The lowercase words a pattern token can match when it names a word or a word list (LOWER, ORTH or
    TEXT), else None. Other keys of the token only narrow what it matches; "OP": "!" turns it into any
    other word."""
    spec = {key.upper(): value for key, value in token.items() if isinstance(key, str)}
    if spec.get("OP") == "!":
        return None
    for key in ("LOWER", "ORTH", "TEXT"):
        value = spec.get(key)
        if isinstance(value, dict):
            value = value.get("IN")
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, list) and all(isinstance(word, str) for word in value):
            return {word.lower() for word in value}
    return None


def token_repeats(token: dict) -> tuple[int, int | None]:
    """(fewest, most) Doc tokens a pattern token takes, from its "OP" as the Matcher reads it; most is
    None when unbounded. A negated token ("!") takes one token that it does not match."""
    op = next((value for key, value in token.items() if isinstance(key, str) and key.upper() == "OP"), None)
    fixed = {None: (1, 1), "1": (1, 1), "?": (0, 1), "!": (1, 1), "*": (0, None), "+": (1, None)}
    if op in fixed:
        return fixed[op]
    fewest, _, most = op[1:-1].partition(",") if "," in op else (op[1:-1], "", op[1:-1])
    return int(fewest or 0), (int(most) if most else None)


class AnchoredMatcher:
    """A Matcher over pattern rows (as :func:`build_matcher` takes them) that runs only where they can match.

    A pattern's anchor is a token it needs exactly once that names a word list (of several, the one with
    the fewest ``common`` words, then the fewest words: fewer windows). A match holds one of those words,
    and reaches from it no further than the other tokens of the pattern can take: one Doc token each at
    most, the run of its words for a token with an unbounded "OP", or the Doc's edge when that token names
    no words. So each match lies inside the window around one of its anchor words, and a Matcher holding
    only the patterns anchored in a window finds, there, what the whole Matcher finds on the whole Doc. A
    pattern without an anchor makes the whole Doc one window for all of them.

    Called on a Doc, it gives what :func:`matched_spans` gives with the whole Matcher (``self.matcher``),
    in the same order: with ``greedy``, the rules in the order of their first match and each rule's
    matches in the order of its filter.
    """

    CACHE_SIZE = 2000  # Matchers kept for the sets of patterns anchored in one window

    def __init__(self, vocab, patterns: list[dict], common: set[str] = frozenset(),
                 greedy: str | None = "LONGEST"):
        self.matcher, self.rows = build_matcher(vocab, patterns, greedy)
        self.vocab, self.patterns, self.greedy = vocab, patterns, greedy
        self.by_word: dict[str, list[tuple[int, list, list]]] = {}
        self.everywhere = False
        for index, row in enumerate(patterns):
            anchor = self._anchor(row["pattern"], common)
            if anchor is None:
                self.everywhere = True
                continue
            tokens = [(token_repeats(t)[1], token_words(t)) for t in row["pattern"]]
            for word in token_words(row["pattern"][anchor]):
                self.by_word.setdefault(word, []).append((index, tokens[:anchor][::-1], tokens[anchor + 1:]))
        self._matchers: dict[tuple[int, ...], Matcher] = {}

    @staticmethod
    def _anchor(pattern: list[dict], common: set[str]) -> int | None:
        candidates = [(len(words & common), len(words), i) for i, words in
                      ((i, token_words(t)) for i, t in enumerate(pattern) if token_repeats(t) == (1, 1))
                      if words is not None]
        return min(candidates)[2] if candidates else None

    def __call__(self, doc: Doc) -> list[tuple[Span, dict]]:
        found = []
        for start, end, indices in self.windows(doc):
            found += _offset(self._matcher_of(indices)(doc[start:end]), start)
        return _body_matches(doc, self.rows, _in_doc_order(found, self.greedy))

    def windows(self, doc: Doc) -> list[tuple[int, int, tuple[int, ...]]]:
        """Merged (start, end, indices of the patterns anchored there) token windows."""
        words = lower_words(doc)
        if not words:
            return []
        if self.everywhere:
            return [(0, len(words), tuple(range(len(self.patterns))))]
        windows = sorted((self._reach(words, i, -1, before), self._reach(words, i + 1, 1, after), index)
                         for i in [i for i, word in enumerate(words) if word in self.by_word]
                         for index, before, after in self.by_word[words[i]])
        merged: list[tuple[int, int, set[int]]] = []
        for start, end, index in windows:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2] | {index})
            else:
                merged.append((start, end, {index}))
        return [(start, end, tuple(sorted(indices))) for start, end, indices in merged]

    @staticmethod
    def _reach(words: list[str], edge: int, step: int, tokens: list) -> int:
        """How far (an exclusive edge) pattern tokens laid from ``edge`` in direction ``step`` can reach."""
        limit = len(words) if step > 0 else 0
        for most, accepted in tokens:
            if most is not None:
                edge = min(limit, edge + most) if step > 0 else max(limit, edge - most)
            elif accepted is None:
                return limit
            elif step > 0:
                while edge < limit and words[edge] in accepted:
                    edge += 1
            else:
                while edge > limit and words[edge - 1] in accepted:
                    edge -= 1
        return edge

    def _matcher_of(self, indices: tuple[int, ...]) -> Matcher:
        """A Matcher with these patterns only, added in the order of the whole one (which the order of
        its matches follows)."""
        if len(indices) == len(self.patterns):
            return self.matcher
        matcher = self._matchers.get(indices)
        if matcher is None:
            if len(self._matchers) >= self.CACHE_SIZE:
                self._matchers.clear()
            matcher = self._matchers[indices] = build_matcher(self.vocab, [self.patterns[i] for i in indices],
                                                              self.greedy)[0]
        return matcher


def matched_spans_in(doc: Doc, matcher: Matcher, rows: dict[int, dict], windows: list[tuple[int, int]],
                     greedy: str | None = "LONGEST") -> list[tuple[Span, dict]]:
    """What :func:`matched_spans` gives, from the Matcher run on ``windows`` only: (start, end) token
    stretches, in Doc order, that hold every match of the whole Doc. The order is the one the Matcher gives
    for the whole Doc (``greedy`` is the one it was built with)."""
    found = []
    for start, end in windows:
        found += _offset(matcher(doc[start:end]), start)
    return _body_matches(doc, rows, _in_doc_order(found, greedy))


def _offset(matches: list[tuple[int, int, int]], start: int) -> list[tuple[int, int, int]]:
    return [(match_id, start + match_start, start + match_end) for match_id, match_start, match_end in matches]


def _in_doc_order(found: list[tuple[int, int, int]], greedy: str | None) -> list[tuple[int, int, int]]:
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


def _body_matches(doc: Doc, rows: dict[int, dict], found: list[tuple[int, int, int]]) -> list[tuple[Span, dict]]:
    ignored = ignored_mask(doc)
    return [(doc[start:end], rows[match_id]) for match_id, start, end in found if not any(ignored[start:end])]
