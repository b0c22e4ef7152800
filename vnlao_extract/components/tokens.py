"""Kept only for ``components/article.py``, which imports it to register the per-Doc token facts: those
live in :mod:`vnlao_extract.matching.facts` (import that instead; this module goes once article.py does)."""
from ..matching import facts  # noqa: F401
