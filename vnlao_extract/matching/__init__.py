"""One matching layer: the windowed Matcher (``windowed``), where patterns can match (``anchors``), what a
pattern token accepts (``semantics``), the per-Doc token facts (``facts``) and the match -> filter -> row
step (``spans``)."""
from .facts import ignored_mask, lex_entries, lex_labels, lex_phrases, lower_words
from .spans import body_matches, evidence, in_body, longest_rows, matched_spans
from .windowed import Bounds, WindowedMatcher, Work, greedy_filter, in_doc_order, load_bounds

__all__ = ["Bounds", "WindowedMatcher", "Work", "body_matches", "evidence", "greedy_filter", "ignored_mask",
           "in_body", "in_doc_order", "lex_entries", "lex_labels", "lex_phrases", "load_bounds", "longest_rows",
           "lower_words", "matched_spans"]
