"""Where event, date, congress and money patterns can match: windows around their anchor tokens.

A Matcher pattern with a Python-level test (a word list, a regular expression, a custom attribute) costs a
call on every token of the Doc. Most tokens of an article can never be part of a date, an event or a money
amount, so each pattern gets an anchor token it needs exactly once; the Matcher runs only on windows around
the tokens that anchor may accept, as wide as the rest of the pattern can reach: one Doc token each at
most for a bounded token, the run of tokens it may accept for an unbounded one ("*", "+"), the Doc's edge
when that run cannot be told. :class:`~.windowed.WindowedMatcher` runs them.
"""
from __future__ import annotations

import json

from spacy.tokens import Doc

from ..rules import expand_classes
from .facts import lex_labels, lower_words
from .semantics import TokenSpec, read_token, token_words
from .windowed import Bounds, WindowedMatcher

Step = tuple  # (most Doc tokens or None, TokenSpec)


def merge_windows(windows: list[tuple[int, int, set[int]]]) -> list[tuple[int, int, tuple[int, ...]]]:
    """Overlapping or touching (start, end, pattern indices) windows merged, in Doc order."""
    merged: list[tuple[int, int, set[int]]] = []
    for start, end, indices in sorted(windows, key=lambda window: window[:2]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2] | indices)
        else:
            merged.append((start, end, set(indices)))
    return [(start, end, tuple(sorted(indices))) for start, end, indices in merged]


def reach(words: list[str], labels: list[str] | None, edge: int, step: int, steps: int | list[Step]) -> int:
    """How far (an exclusive edge) pattern tokens laid from ``edge`` in direction ``step`` (+1 or -1) can
    reach: a number of Doc tokens, or the steps of the pattern tokens."""
    limit = len(words) if step > 0 else 0
    if isinstance(steps, int):
        return min(limit, edge + steps) if step > 0 else max(limit, edge - steps)
    for most, spec in steps:
        if most is not None:
            edge = min(limit, edge + most) if step > 0 else max(limit, edge - most)
        elif spec.accepts_anything:
            return limit
        elif step > 0:
            while edge < limit and _accepts(spec, words, labels, edge):
                edge += 1
        else:
            while edge > limit and _accepts(spec, words, labels, edge - 1):
                edge -= 1
    return edge


def _accepts(spec: TokenSpec, words: list[str], labels: list[str] | None, i: int) -> bool:
    if labels is None:  # word anchors: only the pattern token's words are read
        return spec.words is None or words[i] in spec.words
    return spec.accepts_word(words[i]) and (spec.labels is None or labels[i] in spec.labels)


def can_hold(words: list[str], labels: list[str], edge: int, step: int, steps: list[Step]) -> bool:
    """Whether the pattern tokens laid from ``edge`` in direction ``step`` (+1 or -1) may match there, as far
    as each takes exactly one Doc token: those tokens must accept the words and lexicon labels at their
    places (a sound test: what it does not read, it takes as accepted)."""
    i = edge if step > 0 else edge - 1
    for most, spec in steps:
        if not spec.once:
            return True
        if not 0 <= i < len(words):
            return False
        if not spec.accepts_word(words[i]) or (spec.labels is not None and labels[i] not in spec.labels):
            return False
        i += step
    return True


def steps_of(tokens: list[dict]) -> list[Step]:
    return [(read_token(token).most, read_token(token)) for token in tokens]


class AnchoredMatcher(WindowedMatcher):
    """Patterns anchored on a token that names a word list (of several, the one with the fewest ``common``
    words, then the fewest words: fewer windows). A pattern without one makes the whole Doc one window."""

    def __init__(self, vocab, patterns: list[dict], common: set[str] = frozenset(),
                 greedy: str | None = "LONGEST", bounds: Bounds | None = None):
        super().__init__(vocab, patterns, greedy, bounds)
        self.everywhere = False
        self.by_word = self._anchor_words(patterns, common)

    def _anchor_words(self, patterns: list[dict], common: set[str]) -> dict[str, list[tuple[int, list, list]]]:
        """anchor word -> (pattern index, steps before the anchor reversed, steps after it)."""
        by_word: dict[str, list[tuple[int, list, list]]] = {}
        for index, row in enumerate(patterns):
            anchor = self._anchor(row["pattern"], common)
            if anchor is None:
                self.everywhere = True
                continue
            steps = steps_of(row["pattern"])
            for word in token_words(row["pattern"][anchor]):
                by_word.setdefault(word, []).append((index, steps[:anchor][::-1], steps[anchor + 1:]))
        return by_word

    @staticmethod
    def _anchor(pattern: list[dict], common: set[str]) -> int | None:
        candidates = [(len(words & common), len(words), i) for i, words in
                      ((i, token_words(t)) for i, t in enumerate(pattern) if read_token(t).once)
                      if words is not None]
        return min(candidates)[2] if candidates else None

    def windows(self, doc: Doc) -> list[tuple[int, int, tuple[int, ...]]]:
        words = lower_words(doc)
        if not words:
            return []
        if self.everywhere:
            return [(0, len(words), tuple(range(len(self.patterns))))]
        labels = lex_labels(doc)
        return merge_windows([(reach(words, None, i, -1, before), reach(words, None, i + 1, 1, after), {index})
                              for i, word in enumerate(words) if word in self.by_word
                              for index, before, after in self.by_word[word]
                              if can_hold(words, labels, i, -1, before) and can_hold(words, labels, i + 1, 1, after)])


class ClassAnchoredMatcher(WindowedMatcher):
    """Rows with token classes (as :func:`~vnlao_extract.rules.expand_classes` reads them), anchored on
    the classes that their "define" rows mark ``"anchor": true``: a word list, a LOWER regular expression
    or a lexicon label. A pattern without an anchor makes the whole Doc one window."""

    WORD_CACHE_SIZE = 20_000  # words; emptied when full, so that a long batch does not pile them up

    def __init__(self, vocab, rows: list[dict], greedy: str | None = "LONGEST", bounds: Bounds | None = None):
        _, patterns = expand_classes(rows)
        super().__init__(vocab, patterns, greedy, bounds)
        anchor_classes = {row["define"] for row in rows if row.get("anchor")}
        self.everywhere = False
        anchors: dict[str, tuple[TokenSpec, dict, dict, list[int]]] = {}
        for index, (row, expanded) in enumerate(zip([row for row in rows if "define" not in row], patterns)):
            steps = steps_of(expanded["pattern"])
            candidates = [i for i, token in enumerate(row["pattern"]) if token.get("class") in anchor_classes
                          and steps[i][1].once]
            i = min(candidates, key=lambda i: _reach_size(steps[:i], steps[i + 1:]), default=None)
            if i is None or steps[i][1].accepts_anything:
                self.everywhere = True
                continue
            _, before, after, indices = anchors.setdefault(_key(expanded["pattern"][i]), (steps[i][1], {}, {}, []))
            _add_reach(before, steps[:i][::-1], expanded["pattern"][:i][::-1])
            _add_reach(after, steps[i + 1:], expanded["pattern"][i + 1:])
            indices.append(index)
        self.anchors = [(spec, list(before.values()), list(after.values()), set(indices))
                        for spec, before, after, indices in anchors.values()]
        self._anchors_of_word: dict[str, tuple[int, ...]] = {}
        self._seen: set[str] = set()

    def windows(self, doc: Doc) -> list[tuple[int, int, tuple[int, ...]]]:
        if self.everywhere:
            return [(0, len(doc), tuple(range(len(self.patterns))))] if len(doc) else []
        words, labels = lower_words(doc), lex_labels(doc)
        windows = []
        for i, anchors in self._anchor_tokens(words):
            for spec, before, after, indices in (self.anchors[index] for index in anchors):
                if spec.labels is None or labels[i] in spec.labels:
                    windows.append((min(reach(words, labels, i, -1, steps) for steps in before),
                                    max(reach(words, labels, i + 1, 1, steps) for steps in after), indices))
        return merge_windows(windows)

    def _anchor_tokens(self, words: list[str]) -> list[tuple[int, tuple[int, ...]]]:
        """(token index, anchors its word may be) for the words that may be an anchor. What a word may be
        is kept from Doc to Doc: a set lookup per token is cheaper than testing the anchors."""
        if len(self._seen) > self.WORD_CACHE_SIZE:
            self._seen.clear()
            self._anchors_of_word.clear()
        for word in set(words).difference(self._seen):
            anchors = tuple(index for index, (spec, *_) in enumerate(self.anchors) if spec.accepts_word(word))
            if anchors:
                self._anchors_of_word[word] = anchors
            self._seen.add(word)
        anchors_of = self._anchors_of_word
        return [(i, anchors_of[word]) for i, word in enumerate(words) if word in anchors_of]


def _key(tokens) -> str:
    return json.dumps(tokens, sort_keys=True)


def _add_reach(reaches: dict, steps: list[Step], tokens: list[dict]) -> None:
    """Keep the reach of pattern tokens laid from an anchor, once: the longest of those with bounded "OP"s
    as a number of Doc tokens, the others as they are."""
    if all(most is not None for most, _ in steps):
        reaches[""] = max(reaches.get("", 0), sum(most for most, _ in steps))
    else:
        reaches.setdefault(_key(tokens), steps)


def _reach_size(before: list[Step], after: list[Step]) -> tuple[int, int]:
    """How large a window an anchor makes: unbounded pattern tokens first, then the longer side."""
    unbounded = sum(most is None for most, _ in before + after)
    return unbounded, max(sum(most or 0 for most, _ in before), sum(most or 0 for most, _ in after))
