"""The data a timeline merges by: the gazetteer (place -> country) and the merge settings, both JSONL."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional, Union

from pydantic import BaseModel

from ..registry import fold, parse_iso
from ..rules import load_package

_DROPPED = re.compile(r"[.’']")


class CountryRow(BaseModel):
    code: str
    names: list[str]
    places: list[Union[str, list[str]]] = []


class Settings(BaseModel):
    rank: dict[str, int]
    merge: list[list[str]]
    weekdays: list[str]
    day_gap: dict[str, int]
    near_days: int
    status_slack_days: int
    same_visit_day_gap: int = 0


class Place(BaseModel):
    """Where a report puts an event: its country (ISO) and, below country level, the place's folded name."""

    country: Optional[str] = None
    local: Optional[str] = None


def place_key(text: str) -> str:
    """The gazetteer's comparison form: folded, no full stops or apostrophes, no leading "the"."""
    key = " ".join(_DROPPED.sub("", fold(text)).replace(",", " ").split())
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    countries, places = {}, {}
    for row in load_package("gazetteer.jsonl"):
        country = CountryRow(**row)
        for name in country.names:
            countries[place_key(name)] = country.code
        for place in country.places:
            spellings = [place] if isinstance(place, str) else place
            for name in spellings:
                places[_compact(name)] = (country.code, _compact(spellings[0]))
    return countries, places


def _compact(text: str) -> str:
    return place_key(text).replace(" ", "").replace("-", "")


@lru_cache(maxsize=4096)
def resolve_place(text: Optional[str]) -> Place:
    """A written place as country + local place; an unknown name keeps its folded form, country unknown."""
    if not text or not text.strip():
        return Place()
    countries, places = _gazetteer()
    key = place_key(text)
    if key in countries:
        return Place(country=countries[key])
    if _compact(key) in places:
        country, local = places[_compact(key)]
        return Place(country=country, local=local)
    return _place_inside(key.split(), countries, places) or Place(local=_compact(key))


def _place_inside(words: list[str], countries: dict, places: dict) -> Optional[Place]:
    """The longest gazetteer name inside a longer place ("the Lao capital", "Hanoi's Ba Dinh Hall")."""
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            phrase = " ".join(words[first:first + size])
            if _compact(phrase) in places:
                country, local = places[_compact(phrase)]
                return Place(country=country, local=local)
            if phrase in countries:
                return Place(country=countries[phrase])
    return None


def places_compatible(a: Place, b: Place) -> bool:
    """Vientiane is in Laos; Hanoi is not Vientiane; an unknown place contradicts nothing but a different name."""
    if a.country and b.country and a.country != b.country:
        return False
    return not (a.local and b.local and a.local != b.local)


def countries_compatible(a: Place, b: Place) -> bool:
    """For a visit, a trip to a country: Hanoi and Ho Chi Minh City are one visit to Vietnam; two places
    without a known country compare as `places_compatible` does."""
    if a.country and b.country:
        return a.country == b.country
    return places_compatible(a, b)


@lru_cache(maxsize=1)
def settings() -> Settings:
    values = {row["setting"]: row["value"] for row in load_package("timeline.jsonl")}
    return Settings(**values)


def day_gap(family: str) -> int:
    gaps = settings().day_gap
    return gaps.get(family, gaps.get("default", 0))


def merge_family(event_type: str) -> str:
    """The event type a mention is clustered under (talks and meetings of the same leaders are one)."""
    for family in settings().merge:
        if event_type in family:
            return family[0]
    return event_type


@lru_cache(maxsize=8192)
def day_span(start: Optional[str], end: Optional[str] = None) -> Optional[tuple[int, int]]:
    """An ISO span of any precision as first and last day ordinals ("2026-02" -> Feb 1 .. Feb 28)."""
    if not start:
        return None
    try:
        first = parse_iso(start).toordinal()
        last = parse_iso(end or start, end=True).toordinal()
    except (ValueError, TypeError):
        return None
    return (first, max(first, last))


def iso_day(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def weekday_number(word: str) -> Optional[int]:
    """Monday 0 .. Sunday 6 for a weekday word of the settings, else None."""
    words = settings().weekdays
    word = word.lower()
    return words.index(word) if word in words else None
