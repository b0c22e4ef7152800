"""Windows around anchor tokens: moved to :mod:`vnlao_extract.matching`; these names stay for the
components that import them from here."""
from __future__ import annotations

from ..matching.anchors import AnchoredMatcher, ClassAnchoredMatcher  # noqa: F401
from ..matching.semantics import read_token, repeats as token_repeats, token_words  # noqa: F401
from ..matching.windowed import GREEDY_ORDER, matched_spans_in  # noqa: F401


class TokenTest:
    """What a pattern token may accept, read from a Doc token's lowercase form and lexicon label (see
    :class:`~vnlao_extract.matching.semantics.TokenSpec`, which it wraps)."""

    def __init__(self, token: dict):
        self.spec = read_token(token)
        self.words, self.regexes, self.labels = self.spec.words, list(self.spec.regexes), self.spec.labels

    @property
    def accepts_anything(self) -> bool:
        return self.spec.accepts_anything

    def accepts_word(self, word: str) -> bool:
        return self.spec.accepts_word(word)

    def __call__(self, word: str, label: str) -> bool:
        return self.spec.accepts_word(word) and (self.labels is None or label in self.labels)
