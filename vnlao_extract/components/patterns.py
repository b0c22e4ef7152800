"""Helpers for components whose rules are spaCy Matcher patterns in JSONL: moved to
:mod:`vnlao_extract.rules` and :mod:`vnlao_extract.matching`; the names stay here for the components that
import them from here."""
from ..matching.spans import evidence, in_body, matched_spans, sentence_text, sentence_window  # noqa: F401
from ..matching.windowed import build_matcher  # noqa: F401
from ..rules import expand_classes  # noqa: F401
