"""The dated actor registry: who held which office when (resources/actors.jsonl plus --actors files).

Pure data and lookups, no spaCy: other components ask it who a name refers to, who held an office
on a day, and whether a title an article gives someone fits the registry's dates.
"""
from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .errors import Errors, ResourceError
from .rules import load_package, load_user

PACKAGE_FILE = "actors.jsonl"

ROLES = frozenset({
    "general_secretary", "president", "vice_president", "prime_minister", "deputy_prime_minister",
    "na_chair", "na_vice_chair", "foreign_minister", "defence_minister", "minister", "politburo_member",
    "secretariat_member", "front_president", "ambassador", "party_president", "senate_president",
    "monarch", "other",
})

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
# Letters NFKD does not decompose but that news text writes without their stroke.
_STROKES = str.maketrans({"Đ": "D", "đ": "d", "Ɖ": "D", "ɖ": "d", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l"})


def strip_marks(text: str) -> str:
    """The text without diacritics, case kept ("Trần Đại Quang" -> "Tran Dai Quang")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_STROKES))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def fold(text: str) -> str:
    """The comparison key of a name: no diacritics (Đ -> D), lowercase, whitespace collapsed."""
    return " ".join(strip_marks(text).casefold().split())


def parse_iso(value: str, *, end: bool = False) -> datetime.date:
    """A date from an ISO string of any precision: "2021", "2021-03", "2021-03-05".

    A partial date means its first day, or its last day when ``end`` is true.
    Raises ValueError for anything else.
    """
    match = _ISO.match(value) if isinstance(value, str) else None
    if not match:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = match.groups()
    if month is None:
        return datetime.date(int(year), 12, 31) if end else datetime.date(int(year), 1, 1)
    if day is None:
        y, m = int(year), int(month)
        if not 1 <= m <= 12:
            raise ValueError(f"not an ISO date: {value!r}")
        return datetime.date(y, m, calendar.monthrange(y, m)[1] if end else 1)
    return datetime.date.fromisoformat(value)


def _as_date(day: datetime.date) -> datetime.date:
    return day.date() if isinstance(day, datetime.datetime) else day


@dataclass(frozen=True)
class Office:
    role: str
    title: str
    start: str | None
    end: str | None

    @property
    def first_day(self) -> datetime.date | None:
        return parse_iso(self.start) if self.start else None

    @property
    def last_day(self) -> datetime.date | None:
        return parse_iso(self.end, end=True) if self.end else None

    def held_on(self, day: datetime.date) -> bool:
        """True when ``day`` is within the office's dates (both ends included; None = open)."""
        day = _as_date(day)
        first, last = self.first_day, self.last_day
        return (first is None or first <= day) and (last is None or day <= last)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    ascii: str
    variants: tuple[str, ...]
    short: tuple[str, ...]
    country: str
    offices: tuple[Office, ...]
    died: str | None = None

    def forms(self) -> tuple[str, ...]:
        """The full forms of the name: name, ascii, variants, deduplicated in that order."""
        return tuple(dict.fromkeys(form for form in (self.name, self.ascii, *self.variants) if form))

    def offices_on(self, day: datetime.date) -> list[Office]:
        """The offices held on ``day``; none once the actor has died (an office ends with its holder)."""
        if self.dead_on(day):
            return []
        return [office for office in self.offices if office.held_on(day)]

    def alive_on(self, day: datetime.date) -> bool:
        return not self.dead_on(day)

    def dead_on(self, day: datetime.date) -> bool:
        """True when the registry records the actor's death on or before ``day``."""
        return self.died is not None and parse_iso(self.died) <= _as_date(day)


class Registry:
    """The actors, indexed by id and by folded full and short forms."""

    def __init__(self, actors: Iterable[Actor]):
        self.actors: tuple[Actor, ...] = tuple(actors)
        self._by_id = {actor.id: actor for actor in self.actors}
        self._by_form: dict[str, list[Actor]] = {}
        for actor in self.actors:
            for form in (*actor.forms(), *actor.short):
                bucket = self._by_form.setdefault(fold(form), [])
                if actor not in bucket:
                    bucket.append(actor)

    @classmethod
    def load(cls, extra: Iterable[str | Path] = ()) -> "Registry":
        """The package's actors, then each user file in turn: a known id replaces, a new id adds."""
        if isinstance(extra, (str, Path)):
            extra = (extra,)
        merged = {actor.id: actor for actor in _package_actors()}
        for path in extra:
            for actor in _user_actors(path):
                merged[actor.id] = actor
        return cls(merged.values())

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self):
        return iter(self.actors)

    def by_id(self, id: str) -> Actor | None:
        return self._by_id.get(id)

    def lookup(self, form: str) -> list[Actor]:
        """Actors whose full or short form folds to the same key as ``form``."""
        return list(self._by_form.get(fold(form), ()))

    def holder(self, role: str, country: str, day: datetime.date) -> Actor | None:
        """The one actor who held ``role`` in ``country`` on ``day``; None if nobody or several did."""
        country = country.upper()
        found = [
            actor for actor in self.actors
            if actor.country == country
            and any(office.role == role for office in actor.offices_on(day))
        ]
        return found[0] if len(found) == 1 else None

    def title_conflicts(self, actor: Actor | str, role: str, day: datetime.date) -> bool:
        """True when the registry dates ``role`` for this actor and none of those dates covers ``day``.
        Never for someone who had died by ``day``: "General Secretary Nguyễn Phú Trọng" then recalls an office."""
        if isinstance(actor, str):
            actor = self.by_id(actor)
            if actor is None:
                return False
        if actor.dead_on(day):
            return False
        dated = [office for office in actor.offices if office.role == role]
        return bool(dated) and not any(office.held_on(day) for office in dated)


# ---------------------------------------------------------------------------------------------
# Reading and checking rows


def _strings(value, origin: str, line: int, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ResourceError(Errors.E017.format(path=origin, line=line, reason=f"{key!r} must be a list of strings"))
    return tuple(dict.fromkeys(item.strip() for item in value if item.strip()))


def slug(text: str) -> str:
    """The id form of a name: folded, runs of other characters as one hyphen ("Tô Lâm" -> "to-lam")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def actor_from_row(row: dict, origin: str, line: int) -> Actor:
    """An Actor from one JSONL row, or ResourceError naming ``origin`` and ``line``."""
    def bad(reason: str) -> ResourceError:
        return ResourceError(Errors.E017.format(path=origin, line=line, reason=reason))

    for field in ("name", "country"):
        value = row.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ResourceError(Errors.E015.format(path=origin, line=line, field=field))
        if not isinstance(value, str):
            raise bad(f"{field!r} must be a string")
    name = " ".join(row["name"].split())
    country = row["country"].strip().upper()
    if not _COUNTRY.match(country):
        raise bad(f"country must be an ISO alpha-2 code, got {row['country']!r}")
    ascii_name = row.get("ascii") or strip_marks(name)
    if not isinstance(ascii_name, str):
        raise bad("'ascii' must be a string")
    actor_id = row.get("id") or slug(ascii_name)
    if not isinstance(actor_id, str) or not actor_id.strip():
        raise bad("'id' must be a non-empty string")

    raw_offices = row.get("offices") or []
    if not isinstance(raw_offices, list):
        raise bad("'offices' must be a list")
    offices = []
    for raw in raw_offices:
        if not isinstance(raw, dict):
            raise bad("each office must be an object")
        role = raw.get("role")
        if role not in ROLES:
            raise ResourceError(Errors.E016.format(
                path=origin, line=line, role=role, known=", ".join(sorted(ROLES))))
        start, end = raw.get("from"), raw.get("to")
        try:
            first = parse_iso(start) if start is not None else None
            last = parse_iso(end, end=True) if end is not None else None
        except ValueError as exc:
            raise bad(f"office {role!r}: {exc}") from None
        if first and last and first > last:
            raise bad(f"office {role!r}: 'from' {start} is after 'to' {end}")
        title = raw.get("title") or ""
        if not isinstance(title, str):
            raise bad(f"office {role!r}: 'title' must be a string")
        offices.append(Office(role=role, title=title, start=start, end=end))

    died = row.get("died")
    if died is not None:
        try:
            parse_iso(died)
        except ValueError as exc:
            raise bad(f"'died': {exc}") from None

    return Actor(
        id=actor_id.strip(),
        name=name,
        ascii=" ".join(ascii_name.split()),
        variants=_strings(row.get("variants"), origin, line, "variants"),
        short=_strings(row.get("short"), origin, line, "short"),
        country=country,
        offices=tuple(offices),
        died=died,
    )


@lru_cache(maxsize=None)
def _package_actors() -> tuple[Actor, ...]:
    actors, seen = [], set()
    for row in load_package(PACKAGE_FILE):  # each row keeps its line (rules.Row): no second read of the file
        line = row.line
        actor = actor_from_row(row, PACKAGE_FILE, line)
        if actor.id in seen:
            raise ResourceError(Errors.E017.format(path=PACKAGE_FILE, line=line, reason=f"duplicate id {actor.id!r}"))
        seen.add(actor.id)
        actors.append(actor)
    return tuple(actors)


def _user_actors(path: str | Path) -> list[Actor]:
    rows = load_user(path, "actors")  # ResourceError for unreadable files, bad JSON, unknown keys
    return [actor_from_row(row, str(path), row.line) for row in rows]  # each row keeps its line (rules.Row)
