"""Build the extraction pipeline: spacy.blank("en") plus the vnlao components, in order."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

from . import components  # noqa: F401  (registers the factories)

PIPE_NAMES = ("sentencizer", "vnlao_article", "vnlao_lexicon", "vnlao_dates", "vnlao_titles",
              "vnlao_people", "vnlao_congresses", "vnlao_trade", "vnlao_events")

# "5–6" and "2026–2030": split an en or em dash between digits, as spaCy already does for "-".
DIGIT_DASH_INFIX = r"(?<=[0-9])[–—](?=[0-9])"


# "by 2020./." : the Vietnamese agencies' end-of-story mark, split off so the year stays a token.
END_MARK_SUFFIX = r"\./\.$"


def customize_tokenizer(nlp: Language) -> None:
    """Tokenizer tweaks for how these articles are written (digit dashes, the ./. end mark)."""
    infixes = list(nlp.Defaults.infixes) + [DIGIT_DASH_INFIX]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = [END_MARK_SUFFIX] + list(nlp.Defaults.suffixes)
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def build_pipeline(actors: Iterable[str | Path] = (), patterns: Iterable[str | Path] = ()) -> Language:
    """The full pipeline; ``actors`` and ``patterns`` are user JSONL files (--actors, --patterns)."""
    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    for name in PIPE_NAMES:
        config = {}
        if name == "vnlao_people":
            config = {"actor_files": [str(p) for p in actors]}
        elif name == "vnlao_events":
            config = {"pattern_files": [str(p) for p in patterns]}
        nlp.add_pipe(name, config=config)
    return nlp
