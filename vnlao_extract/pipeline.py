"""Build the extraction pipeline: spacy.blank("en") plus the vnlao components, in order."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from . import components  # noqa: F401  (registers the factories)

PIPE_NAMES = ("sentencizer", "vnlao_article", "vnlao_lexicon", "vnlao_dates", "vnlao_titles",
              "vnlao_people", "vnlao_references", "vnlao_congresses", "vnlao_trade", "vnlao_events")

TOKENIZER = "vnlao.Tokenizer.v1"

# "5–6" and "2026–2030": split an en or em dash between digits, as spaCy already does for "-";
# "10th-12th": any dash between an ordinal and a digit.
DIGIT_DASH_INFIX = r"(?<=[0-9])[–—](?=[0-9])|(?<=[0-9](?:st|nd|rd|th))[-–—](?=[0-9])"


# "by 2020./." : the Vietnamese agencies' end-of-story mark, split off so the year stays a token.
END_MARK_SUFFIX = r"\./\.$"


@spacy.registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's English tokenizer with the tweaks for how these articles are written (digit dashes, the
    ./. end mark), built in one go: changing a finished tokenizer's rules reloads its ~1,300 special
    cases each time, which doubled the start-up cost."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(defaults.prefixes).search,
            suffix_search=compile_suffix_regex([END_MARK_SUFFIX, *defaults.suffixes]).search,
            infix_finditer=compile_infix_regex([*defaults.infixes, DIGIT_DASH_INFIX]).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return tokenizer_factory


def customize_tokenizer(nlp: Language) -> None:
    """Give an existing English pipeline the vnlao tokenizer (for pipelines not made by build_pipeline)."""
    nlp.tokenizer = create_tokenizer()(nlp)


def build_pipeline(actors: Iterable[str | Path] = (), patterns: Iterable[str | Path] = ()) -> Language:
    """The full pipeline; ``actors`` and ``patterns`` are user JSONL files (--actors, --patterns)."""
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    for name in PIPE_NAMES:
        config = {}
        if name in ("vnlao_people", "vnlao_references"):
            config = {"actor_files": [str(p) for p in actors]}
        elif name == "vnlao_events":
            config = {"pattern_files": [str(p) for p in patterns]}
        nlp.add_pipe(name, config=config)
    return nlp
