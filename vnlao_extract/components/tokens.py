"""Per-Doc token facts: moved to :mod:`vnlao_extract.matching.facts`; these names stay for the components
that import them from here."""
from ..matching.facts import ignored_mask, lex_entries, lex_labels, lower_words  # noqa: F401
