"""Matchers that run only where their patterns can match.

A Matcher pattern with a Python-level test (a word list, a regular expression, a custom attribute) costs a
call on every token of the Doc. Most tokens of an article can never be part of a date, an event or a money
amount, so these classes find, for each pattern, an anchor token it needs exactly once, look for the
anchor's words first, and run the Matcher only on windows around them, as wide as the rest of the pattern
can reach. They give what the whole-Doc Matcher gives, in the same order.
"""
from __future__ import annotations

import json
import re

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .patterns import build_matcher, expand_classes
from .tokens import ignored_mask, lex_labels, lower_words


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
        self._matchers: dict[tuple[int, ...], Matcher] = {}
        self.everywhere = False
        self.by_word = self._anchor_words(patterns, common)

    def _anchor_words(self, patterns: list[dict], common: set[str]) -> dict[str, list[tuple[int, list, list]]]:
        """anchor word -> (pattern index, tokens before the anchor reversed, tokens after it)."""
        by_word: dict[str, list[tuple[int, list, list]]] = {}
        for index, row in enumerate(patterns):
            anchor = self._anchor(row["pattern"], common)
            if anchor is None:
                self.everywhere = True
                continue
            tokens = [(token_repeats(t)[1], token_words(t)) for t in row["pattern"]]
            for word in token_words(row["pattern"][anchor]):
                by_word.setdefault(word, []).append((index, tokens[:anchor][::-1], tokens[anchor + 1:]))
        return by_word

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


class TokenTest:
    """What a pattern token may accept, read from a Doc token's lowercase form and lexicon label.

    It keeps the word lists (LOWER, TEXT or ORTH, lowercased), the LOWER regular expressions and the
    ``_.lex`` labels of the pattern token and drops its other keys, which only narrow what it accepts.
    So it accepts every token the Matcher accepts there, and maybe more."""

    def __init__(self, token: dict):
        self.words: set[str] | None = None
        self.regexes: list[re.Pattern] = []
        self.labels: set[str] | None = None
        for key, value in token.items():
            key = key.upper() if isinstance(key, str) else key
            if key in ("LOWER", "TEXT", "ORTH"):
                words = value.get("IN") if isinstance(value, dict) else [value]
                if isinstance(words, list) and all(isinstance(word, str) for word in words):
                    self.words = {word.lower() for word in words}
                if key == "LOWER" and isinstance(value, dict) and isinstance(value.get("REGEX"), str):
                    self.regexes.append(re.compile(value["REGEX"]))
            elif key == "_" and isinstance(value, dict):
                lex = value.get("lex")
                labels = lex.get("IN") if isinstance(lex, dict) else [lex]
                if isinstance(labels, list) and all(isinstance(label, str) for label in labels):
                    self.labels = set(labels)

    @property
    def accepts_anything(self) -> bool:
        return self.words is None and not self.regexes and self.labels is None

    def accepts_word(self, word: str) -> bool:
        return (self.words is None or word in self.words) and all(rx.search(word) for rx in self.regexes)

    def __call__(self, word: str, label: str) -> bool:
        return self.accepts_word(word) and (self.labels is None or label in self.labels)


class ClassAnchoredMatcher(AnchoredMatcher):
    """An :class:`AnchoredMatcher` over rows with token classes (as :func:`expand_classes` reads
    them), anchored on the classes that their "define" rows mark ``"anchor": true``: a word list, a LOWER
    regular expression or a lexicon label, where the AnchoredMatcher takes word lists only.

    Each pattern takes one token of an anchor class exactly once, and a match reaches from that token no
    further than the pattern's other tokens can: one Doc token each at most, or the run of tokens that an
    unbounded one ("*", "+") may accept (:class:`TokenTest`: lexicon labels included). A pattern without
    an anchor makes the whole Doc one window. Called on a Doc, it gives what :func:`matched_spans` gives
    with the whole Matcher, in the same order.
    """

    WORD_CACHE_SIZE = 20_000  # words; emptied when full, so that a long batch does not pile them up

    def __init__(self, vocab, rows: list[dict], greedy: str | None = "LONGEST"):
        _, patterns = expand_classes(rows)
        super().__init__(vocab, patterns, greedy=greedy)
        anchor_classes = {row["define"] for row in rows if row.get("anchor")}
        self.everywhere = False
        anchors: dict[str, tuple[TokenTest, dict, dict, list[int]]] = {}
        for index, (row, expanded) in enumerate(zip([row for row in rows if "define" not in row], patterns)):
            steps = [(token_repeats(token)[1], TokenTest(token)) for token in expanded["pattern"]]
            candidates = [i for i, token in enumerate(row["pattern"]) if token.get("class") in anchor_classes
                          and token_repeats(expanded["pattern"][i]) == (1, 1)
                          and expanded["pattern"][i].get("OP") != "!"]  # "!" matches every other word
            i = min(candidates, key=lambda i: _reach_size(steps[:i], steps[i + 1:]), default=None)
            if i is None or steps[i][1].accepts_anything:
                self.everywhere = True
                continue
            _, before, after, indices = anchors.setdefault(_key(expanded["pattern"][i]), (steps[i][1], {}, {}, []))
            _add_reach(before, steps[:i][::-1], expanded["pattern"][:i][::-1])
            _add_reach(after, steps[i + 1:], expanded["pattern"][i + 1:])
            indices.append(index)
        self.anchors = [(test, list(before.values()), list(after.values()), set(indices))
                        for test, before, after, indices in anchors.values()]
        self._anchors_of_word: dict[str, tuple[int, ...]] = {}
        self._seen: set[str] = set()

    def _anchor_words(self, patterns: list[dict], common: set[str]) -> dict:
        return {}  # anchored on the classes of ``self.anchors``, not on word lists

    def windows(self, doc: Doc) -> list[tuple[int, int, tuple[int, ...]]]:
        """Merged (start, end, indices of the patterns anchored there) token windows."""
        if self.everywhere:
            return [(0, len(doc), tuple(range(len(self.patterns))))] if len(doc) else []
        words, labels = lower_words(doc), lex_labels(doc)
        windows = []
        for i, anchors in self._anchor_tokens(words):
            for test, before, after, indices in (self.anchors[index] for index in anchors):
                if test.labels is None or labels[i] in test.labels:
                    windows.append((min(_reach(words, labels, i, -1, steps) for steps in before),
                                    max(_reach(words, labels, i + 1, 1, steps) for steps in after), indices))
        merged: list[tuple[int, int, set[int]]] = []
        for start, end, indices in sorted(windows, key=lambda window: window[:2]):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2] | indices)
            else:
                merged.append((start, end, indices))
        return [(start, end, tuple(sorted(indices))) for start, end, indices in merged]

    def _anchor_tokens(self, words: list[str]) -> list[tuple[int, tuple[int, ...]]]:
        """(token index, anchors its word may be) for the words that may be an anchor. What a word may be
        is kept from Doc to Doc: a set lookup per token is cheaper than testing the anchors."""
        if len(self._seen) > self.WORD_CACHE_SIZE:
            self._seen.clear()
            self._anchors_of_word.clear()
        for word in set(words).difference(self._seen):
            anchors = tuple(index for index, (test, *_) in enumerate(self.anchors) if test.accepts_word(word))
            if anchors:
                self._anchors_of_word[word] = anchors
            self._seen.add(word)
        anchors_of = self._anchors_of_word
        return [(i, anchors_of[word]) for i, word in enumerate(words) if word in anchors_of]


def _key(tokens) -> str:
    return json.dumps(tokens, sort_keys=True)


def _add_reach(reaches: dict, steps: list, tokens: list[dict]) -> None:
    """Keep the reach of pattern tokens laid from an anchor, once: the longest of those with bounded "OP"s
    as a number of Doc tokens, the others as they are."""
    if all(most is not None for most, _ in steps):
        reaches[""] = max(reaches.get("", 0), sum(most for most, _ in steps))
    else:
        reaches.setdefault(_key(tokens), steps)


def _reach_size(before: list, after: list) -> tuple[int, int]:
    """How large a window an anchor makes: unbounded pattern tokens first, then the longer side."""
    unbounded = sum(most is None for most, _ in before + after)
    return unbounded, max(sum(most or 0 for most, _ in before), sum(most or 0 for most, _ in after))


def _reach(words: list[str], labels: list[str], edge: int, step: int, steps: int | list) -> int:
    """How far (an exclusive edge) pattern tokens laid from ``edge`` in direction ``step`` can reach."""
    limit = len(words) if step > 0 else 0
    if isinstance(steps, int):
        return min(limit, edge + steps) if step > 0 else max(limit, edge - steps)
    for most, test in steps:
        if most is not None:
            edge = min(limit, edge + most) if step > 0 else max(limit, edge - most)
        elif test.accepts_anything:
            return limit
        elif step > 0:
            while edge < limit and test(words[edge], labels[edge]):
                edge += 1
        else:
            while edge > limit and test(words[edge - 1], labels[edge - 1]):
                edge -= 1
    return edge
