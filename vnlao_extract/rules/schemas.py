"""One pydantic model per kind of row in the rule and dictionary files.

Every model forbids unknown keys, so a misspelt key ("tirm") or a value outside its list ("parteis",
"meetingx") is an error naming the file and line, not a rule that silently does nothing.
"""
from __future__ import annotations

from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

# The contract's event types (../shared/eval/CONTRACT.md), and "none" for "block" rows that only cancel.
EventType = Literal["visit", "talks", "meeting", "reception", "ceremony", "signing", "phone_call", "briefing",
                    "congress", "other", "none"]
Frame = Literal["visit", "parties", "block"]
Pattern = list[dict[str, Any]]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class DefineRow(Strict):
    """A token class that patterns use as {"class": NAME}; "anchor" marks classes every pattern needs once."""
    define: str
    token: dict[str, Any]
    anchor: bool = False


class EventPatternRow(Strict):
    id: str
    type: EventType
    frame: Frame
    trim: int = Field(0, ge=0)
    pattern: Pattern = Field(min_length=1)


class DatePatternRow(Strict):
    id: str
    kind: Literal["absolute", "relative", "weekday"]
    pattern: Pattern = Field(min_length=1)
    trim: int = Field(0, ge=0)
    bare: bool = False


class WordListRow(Strict):
    """A named word list of the dates file ("past_cues", "not_a_year_before" ...)."""
    words: str
    list: list[str]


class PlainPatternRow(Strict):
    """A pattern row of the money, congress and title files: its id is the evidence rule."""
    id: str
    pattern: Pattern = Field(min_length=1)


class RefineRow(Strict):
    """A title role refinement (see title_patterns.jsonl's comments)."""
    refine: str
    heads: list[str]
    complement: Optional[list[str]] = None
    complement_labels: Optional[list[str]] = None
    only_words: Optional[list[str]] = None
    unless_only_words: Optional[list[str]] = None
    unless_only_labels: Optional[list[str]] = None


LexiconLabel = Literal["office", "party", "place", "nationality", "honorific", "reference", "org", "common"]


class LexiconRow(Strict):
    label: LexiconLabel
    phrases: list[str] = Field(min_length=1)
    country: Optional[str] = Field(None, pattern=r"^[A-Z]{2}$")
    kind: Optional[Literal["city", "country", "region", "name_tail"]] = None
    party: Optional[str] = None
    ruling: bool = False
    role: Optional[str] = None


class OfficeRow(Strict):
    role: str
    phrases: list[str] = Field(min_length=1)
    needs_complement: bool = False


TradeKind = Literal["currency", "scale", "number_words", "target_cues", "achieved_cues", "weak_achieved_cues",
                    "target_nouns", "growth_verbs", "other_money", "trade_words", "amount_modifiers", "future_modals"]


class TradeWordsRow(Strict):
    kind: TradeKind
    words: Optional[list[str]] = None
    map: Optional[dict[str, Any]] = None


class NameOriginRow(Strict):
    country: str = Field(pattern=r"^[A-Z]{2}$")
    short_form: Literal["first", "last", "none"]
    family_names: Optional[list[str]] = None
    last_names: Optional[list[str]] = None
    last_suffixes: Optional[list[str]] = None


OFFICE_KEYS = {"role", "title", "from", "to", "note"}


class ActorRow(BaseModel):
    """Keys only: the registry (registry.py) checks the values and says what is wrong with them."""
    model_config = ConfigDict(extra="forbid")
    id: Any = None
    name: Any = None
    ascii: Any = None
    variants: Any = None
    short: Any = None
    country: Any = None
    offices: Any = None
    died: Any = None
    note: Any = None

    @field_validator("offices")
    @classmethod
    def _office_keys(cls, offices):
        for number, office in enumerate(offices if isinstance(offices, list) else [], 1):
            unknown = sorted(set(office) - OFFICE_KEYS) if isinstance(office, dict) else []
            if unknown:
                raise ValueError(f"office {number}: unknown key {unknown[0]!r}")
        return offices


class CueRow(Strict):
    """A cue vocabulary or window of a component (resources/cues/*.jsonl), as medspacy's ConText rules."""
    id: str
    category: str
    words: Optional[list[str]] = None
    phrases: Optional[list[Union[str, list[str]]]] = None
    values: Any = None
    ranks: Optional[dict[str, int]] = None
    direction: Optional[Literal["before", "after", "both"]] = None
    max_scope: Optional[int] = Field(None, ge=0)
    min: Optional[int] = None
    note: Optional[str] = None


class MatchingRow(Strict):
    """Bounds of the windowed matcher (matching.jsonl)."""
    id: Literal["window"]
    max_tokens: int = Field(ge=8)
    max_match: int = Field(ge=1)


class SettingRow(Strict):
    """One named setting of a component (evidence window, text repair run length, timeline merging)."""
    setting: str
    value: Any


class InvisibleCharRow(Strict):
    """An invisible character the text repair removes ("drop") or reads as a space between words ("boundary")."""
    char: str = Field(pattern=r"^U\+[0-9A-F]{4,6}$")
    name: str
    as_: Literal["boundary", "drop"] = Field(alias="as")


class GazetteerRow(Strict):
    """A country: its ISO code, the ways news names it, and its places (a place's spellings as a list)."""
    code: str = Field(pattern=r"^[A-Z]{2}$")
    names: list[str]
    places: list[Union[str, list[str]]] = []


# kind -> ((key that picks the model, model), ...); the last entry (key None) is the default model.
SCHEMAS: dict[str, tuple[tuple[str | None, type[BaseModel]], ...]] = {
    "event_patterns": (("define", DefineRow), (None, EventPatternRow)),
    "date_patterns": (("define", DefineRow), ("words", WordListRow), (None, DatePatternRow)),
    "money_patterns": (("define", DefineRow), (None, PlainPatternRow)),
    "congress_patterns": (("define", DefineRow), (None, PlainPatternRow)),
    "title_patterns": (("define", DefineRow), ("refine", RefineRow), (None, PlainPatternRow)),
    "lexicon": ((None, LexiconRow),),
    "offices": ((None, OfficeRow),),
    "trade_words": ((None, TradeWordsRow),),
    "name_origins": ((None, NameOriginRow),),
    "actors": ((None, ActorRow),),
    "matching": ((None, MatchingRow),),
    "cues": ((None, CueRow),),
    "evidence": ((None, SettingRow),),
    "timeline": ((None, SettingRow),),
    "text_repair": (("setting", SettingRow), (None, InvisibleCharRow)),
    "gazetteer": ((None, GazetteerRow),),
}

# What a user's file given on the command line holds.
USER_KINDS = {"patterns": "event_patterns", "actors": "actors"}


def model_for(kind: str, row: dict) -> type[BaseModel]:
    """The model a row of a file of this kind is checked with; every kind has one (KeyError otherwise)."""
    for key, model in SCHEMAS[kind]:
        if key is None or key in row:
            return model
    raise KeyError(kind)
