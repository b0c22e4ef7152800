"""A deterministic benchmark corpus made by varying the seed articles (standard library only).

Article ``i`` depends only on ``(seed, i)`` and the seed files, so the corpus of 2,000 is the first
2,000 articles of the corpus of 20,000, and two runs with the same seed write the same bytes.
Each article is one seed article with:

- its body paragraphs shuffled (the lead and the trailing boilerplate stay in place); sometimes one
  paragraph dropped, sometimes one or two borrowed from another seed;
- its registry people swapped for other people of the same country (every spelling: native, ASCII,
  variants and short forms, consistently within the article), and other Vietnamese names replaced by
  made-up ones;
- every date moved by one random shift (ISO headers, d/m/y stamps, "February 5", "5 February 2026",
  "January 26-27", bare years), clock times, ordinals and other numbers replaced by random ones of the
  same shape.

So names, dates and numbers differ from article to article and neither spaCy's tokenizer cache nor the
extractor's caches can replay one article's work for the next.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = 1
ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
ACTORS_FILE = ROOT / "vnlao_extract" / "resources" / "actors.jsonl"
ORIGINS_FILE = ROOT / "vnlao_extract" / "resources" / "name_origins.jsonl"

MONTHS = [m for m in calendar.month_name if m]
MONTH_ABBR = {a.lower(): i for i, a in enumerate(calendar.month_abbr) if a}
MONTH_ABBR["sept"] = 9
MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
            r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
YEAR = r"(?:19|20)\d{2}"
DASH = r"\s*[-–]\s*"

# One pass over the text; the first alternative that matches at a position wins.
NUMBERS = re.compile(
    rf"(?P<iso>\b{YEAR}-\d{{2}}-\d{{2}}\b)"
    rf"|(?P<dmy>\b\d{{1,2}}/\d{{1,2}}/{YEAR}\b)"
    rf"|(?P<month_year>\b{MONTH_RE}\s+{YEAR}\b)"
    rf"|(?P<md>\b(?P<md_m>{MONTH_RE})\s+(?P<md_d>\d{{1,2}})(?:{DASH}(?P<md_d2>\d{{1,2}}))?\b(?!:)"
    rf"(?:,?\s+(?P<md_y>{YEAR})\b)?)"
    rf"|(?P<dm>\b(?P<dm_d>\d{{1,2}})(?:{DASH}(?P<dm_d2>\d{{1,2}}))?\s+(?P<dm_m>{MONTH_RE})(?![\w])"
    rf"(?:,?\s+(?P<dm_y>{YEAR})\b)?)"
    rf"|(?P<time>\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b)"
    rf"|(?P<year>\b{YEAR}\b)"
    r"|(?P<ordinal>\b\d{1,3}(?:st|nd|rd|th)\b)"
    r"|(?P<number>\b\d+(?:[.,]\d+)*\b)"
)
HEADER_DATE = re.compile(rf"\A\s*date\s+({YEAR})-(\d{{2}})-(\d{{2}})")
SIGN_OFF_END = re.compile(r"(?:[—–-]\s*[A-Z]{2,}(?:/[A-Z]{2,})*|\./\.)\s*$")
STAMP_DATE = re.compile(rf"\b(\d{{1,2}})/(\d{{1,2}})/({YEAR})\b")

VN_MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Quốc", "Thanh", "Hồng", "Xuân", "Hữu", "Công", "Ngọc", "Bá"]
VN_GIVEN = ["Tâm", "Hùng", "Dũng", "Hải", "Lan", "Phúc", "Sơn", "Tuấn", "Hà", "Bình", "Khánh", "Thắng",
            "Trung", "Vinh", "Quang", "Hiếu", "Nam", "Long", "Thủy", "Hương"]


def has_marks(text: str) -> bool:
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", text)) or "Đ" in text or "đ" in text


def _jsonl(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            rows.append(json.loads(line))
    return rows


@dataclass(frozen=True)
class Actor:
    id: str
    country: str
    name: str
    ascii: str
    variants: tuple[str, ...]
    short: tuple[str, ...]

    def full_forms(self) -> list[str]:
        return list(dict.fromkeys([self.name, self.ascii, *self.variants]))

    def pick_full(self, like: str) -> str:
        return self.name if has_marks(like) else self.ascii

    def pick_short(self, like: str) -> str:
        shorts = list(self.short) or [self.ascii.split()[-1]]
        same = [s for s in shorts if has_marks(s) == has_marks(like)]
        return (same or shorts)[0]


@dataclass
class Seed:
    name: str
    text: str
    published: dt.date


class CorpusMaker:
    """Makes article ``i`` of the corpus for a given random seed; see the module docstring."""

    def __init__(self, seed: int = 0, seeds_dir: Path = SEEDS_DIR):
        self.seed = seed
        self.seeds = [self._read_seed(p) for p in sorted(Path(seeds_dir).glob("*.txt"))]
        if not self.seeds:
            raise SystemExit(f"no seed articles in {seeds_dir}")
        self.actors = [Actor(r["id"], r["country"], r["name"], r.get("ascii") or r["name"],
                             tuple(r.get("variants", ())), tuple(r.get("short", ()))) for r in _jsonl(ACTORS_FILE)]
        self.by_country: dict[str, list[Actor]] = {}
        for actor in self.actors:
            self.by_country.setdefault(actor.country, []).append(actor)
        self.actor_of_form: dict[str, list[Actor]] = {}
        for actor in self.actors:
            for form in actor.full_forms() + list(actor.short):
                self.actor_of_form.setdefault(form, []).append(actor)
        self.forms_re = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(self.actor_of_form, key=len, reverse=True)))
                                   + r")(?!\w)")
        families = next((r["family_names"] for r in _jsonl(ORIGINS_FILE) if r["country"] == "VN"), [])
        self.vn_families = sorted({f for f in families if has_marks(f)} or set(families))
        self.vn_name_re = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(families, key=len, reverse=True)))
                                     + r")(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]+){1,3}")

    @staticmethod
    def _read_seed(path: Path) -> Seed:
        text = path.read_text(encoding="utf-8")
        header = HEADER_DATE.match(text)
        stamp = STAMP_DATE.search(text[:400])
        if header:
            published = dt.date(*(int(g) for g in header.groups()))
        elif stamp:
            first, second, year = (int(g) for g in stamp.groups())
            published = dt.date(year, second, first) if second <= 12 else dt.date(year, first, second)
        else:
            published = dt.date(2026, 1, 1)
        return Seed(path.stem, text, published)

    # -- paragraphs ----------------------------------------------------------------------------
    @staticmethod
    def _blocks(text: str) -> tuple[list[str], list[str], list[str]]:
        """(head, middle, tail): head up to the first long paragraph, tail from the first short one after."""
        blocks = [b for b in re.split(r"\n[ \t]*\n+", text) if b.strip()]
        lead = next((i for i, b in enumerate(blocks) if len(b.split()) >= 25), 0)
        head, rest = blocks[:lead + 1], blocks[lead + 1:]
        cut = next((i for i, b in enumerate(rest) if len(b.split()) < 4), len(rest))
        return head, rest[:cut], rest[cut:]

    def _layout(self, rng: random.Random, seed: Seed) -> str:
        head, middle, tail = self._blocks(seed.text)
        middle = list(middle)
        last = [middle.pop()] if middle and SIGN_OFF_END.search(middle[-1]) else []
        rng.shuffle(middle)
        if len(middle) > 3 and rng.random() < 0.2:
            middle.pop(rng.randrange(len(middle)))
        if rng.random() < 0.3:
            other = rng.choice(self.seeds)
            borrowed = self._blocks(other.text)[1]
            for _ in range(rng.randint(1, 2)):
                if borrowed:
                    middle.insert(rng.randrange(len(middle) + 1), rng.choice(borrowed))
        return "\n\n".join(head + middle + last + tail) + "\n"

    # -- names ---------------------------------------------------------------------------------
    def _swap_names(self, rng: random.Random, text: str) -> str:
        mapping: dict[str, str] = {}
        used: set[str] = set()
        present = {a.id: a for m in self.forms_re.finditer(text) for a in self.actor_of_form[m.group(0)]}
        for actor in sorted(present.values(), key=lambda a: a.id):
            pool = [a for a in self.by_country.get(actor.country, []) if a.id not in used and a.id != actor.id]
            pool = pool or [actor]
            other = rng.choice(pool)
            used.add(other.id)
            for form in actor.full_forms():
                mapping.setdefault(form, other.pick_full(form))
            for short in actor.short:
                mapping.setdefault(short, other.pick_short(short))
        for match in self.vn_name_re.finditer(text):
            words = match.group(0).split()
            if match.group(0) in mapping or any(w in mapping for w in words):
                continue
            made = [rng.choice(self.vn_families), rng.choice(VN_MIDDLE), rng.choice(VN_GIVEN)][3 - min(len(words), 3):]
            mapping[match.group(0)] = " ".join(made)
            if len(words) >= 2 and words[-1] not in mapping and len(words[-1]) > 2:
                mapping[words[-1]] = made[-1]
        if not mapping:
            return text
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(mapping, key=len, reverse=True))) + r")(?!\w)")
        return pattern.sub(lambda m: mapping[m.group(0)], text)

    # -- dates and numbers ---------------------------------------------------------------------
    def _swap_numbers(self, rng: random.Random, text: str, published: dt.date) -> str:
        shift = dt.timedelta(days=rng.randint(-3650, 1500))
        years = (published + shift).year - published.year

        def move(year: int | None, month: int, day: int) -> dt.date | None:
            try:
                return dt.date(year or published.year, month, day) + shift
            except ValueError:
                return None

        def month_of(word: str) -> int:
            word = word.rstrip(".").lower()
            return MONTHS.index(word.capitalize()) + 1 if word.capitalize() in MONTHS else MONTH_ABBR[word]

        def month_name(number: int, like: str) -> str:
            full = MONTHS[number - 1]
            if like.rstrip(".").capitalize() in MONTHS:
                return full
            return ("Sept" if number == 9 else full[:3]) + ("." if like.endswith(".") else "")

        def day_range(m, month_key, day_key, day2_key, year_key, day_first):
            month = month_of(m.group(month_key))
            year = int(m.group(year_key)) if m.group(year_key) else None
            start = move(year, month, int(m.group(day_key)))
            if start is None:
                return m.group(0)
            end = None
            if m.group(day2_key):
                end = start + dt.timedelta(days=max(0, int(m.group(day2_key)) - int(m.group(day_key))))
            name = month_name(start.month, m.group(month_key))
            year_text = f", {start.year}" if year else ""
            if end is None:
                return f"{start.day} {name}{year_text.replace(',', '')}" if day_first else f"{name} {start.day}{year_text}"
            if end.month == start.month:
                days = f"{start.day}-{end.day}"
                return f"{days} {name}{year_text.replace(',', '')}" if day_first else f"{name} {days}{year_text}"
            end_name = month_name(end.month, m.group(month_key))
            return f"{name} {start.day} to {end_name} {end.day}{year_text}"

        def random_like(digits: str) -> str:
            out = []
            for i, c in enumerate(digits):
                if not c.isdigit():
                    out.append(c)
                elif i == 0 or not digits[i - 1].isdigit():
                    out.append(str(rng.randint(1, 9)))  # no leading zeros
                else:
                    out.append(str(rng.randint(0, 9)))
            return "".join(out)

        def replace(m: re.Match) -> str:
            kind = m.lastgroup  # the outer group of the alternative that matched
            if kind == "iso":
                year, month, day = (int(x) for x in m.group(0).split("-"))
                moved = move(year, month, day)
                return moved.isoformat() if moved else m.group(0)
            if kind == "dmy":
                first, second, year = m.group(0).split("/")
                moved = move(int(year), int(second), int(first)) if int(second) <= 12 else None
                if moved is None:
                    return m.group(0)
                pad = len(first) == 2
                return f"{moved.day:0{2 if pad else 1}d}/{moved.month:0{2 if pad else 1}d}/{moved.year}"
            if kind == "month_year":
                word, year = m.group(0).rsplit(None, 1)
                moved = move(int(year), month_of(word), 15)
                return f"{month_name(moved.month, word)} {moved.year}" if moved else m.group(0)
            if kind == "md":
                return day_range(m, "md_m", "md_d", "md_d2", "md_y", day_first=False)
            if kind == "dm":
                return day_range(m, "dm_m", "dm_d", "dm_d2", "dm_y", day_first=True)
            if kind == "time":
                parts = m.group(0).split(":")
                clock = [str(rng.randint(1, 12)) if len(parts[0]) == 1 else f"{rng.randint(0, 23):02d}"]
                clock += [f"{rng.randint(0, 59):02d}" for _ in parts[1:]]
                return ":".join(clock)
            if kind == "year":
                return str(int(m.group(0)) + years)
            if kind == "ordinal":
                number = int(m.group(0)[:-2])
                number = max(1, number + rng.randint(-5, 5))
                suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
                return f"{number}{suffix}"
            return random_like(m.group(0))

        return NUMBERS.sub(replace, text)

    # -- articles ------------------------------------------------------------------------------
    def article(self, index: int) -> tuple[str, str]:
        """(file name, text) of article ``index``."""
        rng = random.Random(f"vnlao-bench:{self.seed}:{index}")
        seed = self.seeds[index % len(self.seeds)]
        text = self._layout(rng, seed)
        text = self._swap_names(rng, text)
        text = self._swap_numbers(rng, text, seed.published)
        return f"{index:05d}_{seed.name[:3]}.txt", text

    def write(self, directory: Path, n: int) -> dict:
        """Write articles 0..n-1 into ``directory`` (made or emptied of *.txt first); a summary back."""
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("*.txt"):
            old.unlink()
        total = 0
        for index in range(n):
            name, text = self.article(index)
            data = text.encode("utf-8")
            (directory / name).write_bytes(data)
            total += len(data)
        return {"articles": n, "bytes": total, "seed": self.seed, "seed_articles": len(self.seeds),
                "generator_version": GENERATOR_VERSION}


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Write the benchmark corpus (varied seed articles).")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(json.dumps(CorpusMaker(args.seed).write(args.directory, args.n)))


if __name__ == "__main__":
    main()
