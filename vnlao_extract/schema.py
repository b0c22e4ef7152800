"""The one typed definition of the output: pydantic models of a record and of the timeline.

`extract --schema` prints :func:`json_schema` ("record" or "timeline"), JSON Schema draft 2020-12.
Every model allows extra fields (the contract lets fields be added); the fields named here are the
contract's (required) and the documented ones beyond it (optional). `docs/output.md` describes each.
"""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from . import SCHEMA_VERSION

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
EVENT_TYPES = Literal["visit", "talks", "meeting", "reception", "ceremony", "signing", "phone_call", "briefing",
                      "congress", "other"]
STATUS = Literal["planned", "ongoing", "completed"]
IsoDate = Optional[str]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


def _date(description: str, required: bool = True):
    return Field(... if required else None, pattern=ISO_DATE, description=description)


class Evidence(_Open):
    """Where an item was found: offsets into the input text, its sentence and the rule."""

    start_char: int = Field(ge=0)
    end_char: int = Field(ge=0)
    text: str
    sentence: str
    rule: str


Mentions = list[list[int]]


class Person(_Open):
    name: str = Field(description="Fullest form used in the article, as written.")
    aliases: list[str] = Field(description="Other forms the article wrote for the same person.")
    titles: list[str] = Field(description="Offices the article gives the person, as text.")
    country: Optional[str] = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166 alpha-2.")
    registry_id: Optional[str] = None
    registry_aliases: Optional[list[str]] = Field(None, description="Registry spellings the article never wrote.")
    id: Optional[str] = Field(None, description="The registry id, or a slug of the name; events' actor_ids use it.")
    mentions: Optional[Mentions] = None
    evidence: Optional[Evidence] = None


class Congress(_Open):
    ordinal: int = Field(ge=1)
    party: str = Field(description="Canonical acronym: CPV, LPRP, CPP, CPC.")
    start: IsoDate = _date("First day, if the article gives it.")
    end: IsoDate = _date("Last day, if the article gives it.")
    evidence: Optional[Evidence] = None


class Event(_Open):
    type: EVENT_TYPES
    actors: list[str] = Field(description="Person names as in people[].name; for a visit, visitors first.")
    start: IsoDate = _date("Start date at the precision written.")
    end: IsoDate = _date("End date of a range.")
    place: Optional[str]
    status: Optional[STATUS] = Field(description="As of the article's date.")
    subtype: Optional[str] = Field(None, description="Visit kind (state, official, working), congress name, ...")
    host: Optional[Any] = Field(None, description="The receiving side of a visit.")
    actor_ids: Optional[list[Optional[str]]] = Field(None, description="people[].id of each actor, in order.")
    documents: Optional[Any] = Field(None, description="How many documents a signing covers, when written.")
    id: Optional[str] = None
    mentions: Optional[Mentions] = None
    evidence: Optional[Evidence] = None


class TradeTarget(_Open):
    value: float = Field(description="In units: US$10 billion is 10000000000.")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217.")
    text: str
    evidence: Optional[Evidence] = None


class Date(_Open):
    text: str
    start: str = Field(pattern=ISO_DATE)
    end: IsoDate = _date("End of a range.")
    precision: Optional[Literal["year", "month", "day"]] = None
    kind: Optional[str] = Field(None, description="absolute, weekday, relative, ...")
    mentions: Optional[Mentions] = None
    evidence: Optional[Evidence] = None


class Reference(_Open):
    text: str
    person: Optional[str]
    resolved_by: Optional[Literal["article", "registry"]] = Field(description="Who the text was resolved to.")


class Record(_Open):
    """One input article."""

    source: str = Field(description="The input path as given (directory walk: path under it); - for stdin.")
    published: IsoDate = _date("Publication date read from the article itself.")
    people: list[Person]
    congresses: list[Congress]
    events: list[Event]
    trade_targets: list[TradeTarget]
    dates: list[Date]
    relative_dates: Optional[list[Date]] = None
    references: Optional[list[Reference]] = None
    title: Optional[str] = None
    published_from: Optional[str] = None
    dateline: Optional[str] = None
    outlet: Optional[str] = None
    warnings: Optional[list[str]] = None
    encoding: Optional[str] = None
    error: Optional[str] = Field(None, description="null when the input was read; else the stderr line.")
    schema_version: Optional[str] = None
    extractor_version: Optional[str] = None


class TimelineEvent(_Open):
    id: str
    type: EVENT_TYPES
    actors: list[str]
    start: IsoDate = _date("The most precise start any report supports.")
    end: IsoDate = _date("End of a range.")
    place: Optional[str]
    status: Optional[str]
    sources: list[str] = Field(description="The source of every article record reporting the event.")


class TimelinePerson(_Open):
    name: str
    aliases: list[str]
    titles: list[str]
    country: Optional[str]
    sources: list[str]


class TimelineCongress(_Open):
    ordinal: int
    party: str
    start: IsoDate = _date("First day, where any article gives it.", required=False)
    end: IsoDate = _date("Last day, where any article gives it.", required=False)
    sources: list[str]


class Timeline(_Open):
    """One object for a whole batch: each real event once."""

    timeline: list[TimelineEvent]
    people: list[TimelinePerson]
    congresses: list[TimelineCongress]
    articles: int = Field(ge=0)


MODELS = {"record": Record, "timeline": Timeline}


def json_schema(which: str = "record") -> dict:
    """JSON Schema (draft 2020-12) of a record or of the timeline."""
    model = MODELS[which]
    schema = model.model_json_schema(mode="validation")
    return {"$schema": DRAFT, "$id": f"https://vnlao-extract.invalid/schema/{which}/{SCHEMA_VERSION}",
            **schema}
