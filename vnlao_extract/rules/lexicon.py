"""The one Lexicon: what the dictionary files say about words, indexed once per process and shared by
every component (``lexicon.jsonl``, ``offices.jsonl``, ``name_origins.jsonl``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import load_package
from .reader import Row


@dataclass(frozen=True)
class Lexicon:
    """Indexes over the dictionary rows; lowercase keys unless said otherwise."""
    rows: tuple[Row, ...]                 # the tagger's rows: lexicon.jsonl, then offices.jsonl (label "office")
    name_origins: tuple[Row, ...]         # name_origins.jsonl, in order (first fitting row wins)
    country_names: dict[str, str]         # ISO code -> the country's name ("LA" -> "Laos")
    nationality_of: dict[str, str]        # one-word nationality -> ISO code ("lao" -> "LA")
    office_role: dict[str, str]           # office phrase -> registry role ("prime minister" -> "prime_minister")
    ruling_party: dict[str, str]          # ISO code -> the acronym of its ruling party ("VN" -> "CPV")
    family_names: dict[str, frozenset[str]]  # ISO code -> family names written first (as in the file)

    @property
    def role_of(self) -> dict[str, str]:
        """One-word office phrases -> role ("president" -> "president")."""
        return {phrase: role for phrase, role in self.office_role.items() if " " not in phrase}

    def rows_labelled(self, label: str) -> list[Row]:
        return [row for row in self.rows if row["label"] == label]


def build_lexicon(lexicon_rows: list[Row], office_rows: list[Row], origin_rows: list[Row]) -> Lexicon:
    rows = tuple(lexicon_rows) + tuple(row.replace(label="office") for row in office_rows)
    label = {name: [row for row in rows if row["label"] == name] for name in ("place", "nationality", "party")}
    return Lexicon(
        rows=rows,
        name_origins=tuple(origin_rows),
        country_names={row["country"]: row["phrases"][0] for row in label["place"] if row.get("kind") == "country"},
        nationality_of={phrase.lower(): row["country"] for row in label["nationality"]
                        for phrase in row["phrases"] if " " not in phrase},
        office_role={phrase.lower(): row["role"] for row in office_rows for phrase in row["phrases"]},
        ruling_party={row["country"]: row["party"] for row in label["party"] if row.get("ruling")},
        family_names={row["country"]: frozenset(row.get("family_names", ())) for row in origin_rows},
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The package's Lexicon, built once per process."""
    return build_lexicon(load_package("lexicon.jsonl"), load_package("offices.jsonl"),
                         load_package("name_origins.jsonl"))


def lexicon_of(nlp) -> Lexicon:
    """The Lexicon a pipeline's ``vnlao_lexicon`` component uses, or the package's."""
    if "vnlao_lexicon" in getattr(nlp, "pipe_names", ()):
        return nlp.get_pipe("vnlao_lexicon").lexicon
    return load_lexicon()
