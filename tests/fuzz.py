"""Fuzz the extractor in-process: random texts must never raise.

    python -m tests.fuzz --count 10000 [--seed 0] [--max-len 2000] [--timeout 10]

Texts come from several generators (random Unicode, article-like word salad with names, titles,
numbers, dates, dashes and brackets, mutated seed articles, and text mangled the way files are).
Every record must also serialize as the CLI writes it (JSON, no NaN). Failures are grouped by
exception and place, each with the smallest input found that still fails the same way, and the
exit status is 1 if anything failed (0 otherwise).
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import signal
import sys
import time
import traceback
import unicodedata
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# ---------------------------------------------------------------------------
# Vocabulary for article-like texts

NAMES = ["Tô Lâm", "To Lam", "Lâm", "Thongloun Sisoulith", "Thongloun", "Sonexay Siphandone", "Phạm Minh Chính",
         "Pham Minh Chinh", "Trần Thanh Mẫn", "Lương Cường", "Saysomphone Phomvihane", "Xi Jinping", "Hun Manet",
         "Nguyễn Phú Trọng", "Bounnhang Vorachith", "Nguyễn Minh Tâm", "Anutin Charnvirakul", "Mr Smith", "Ms. Lee",
         "Madame Nguyễn Thị Bình", "Võ Văn Thưởng", "Kikeo Khaykhamphithoune", "Vilay", "Chính", "Sisoulith"]
TITLES = ["General Secretary", "President", "Prime Minister", "Deputy Prime Minister", "Chairman of the National Assembly",
          "Minister of Foreign Affairs", "Ambassador to Laos", "Permanent Deputy Prime Minister", "State President",
          "General Secretary of the CPV Central Committee", "General Secretary of the LPRP Central Committee and "
          "President of Laos", "Politburo member", "Secretary of the Party Central Committee", "Vice President",
          "former President", "acting Prime Minister", "Lao Prime Minister", "Vietnamese Ambassador", "Top legislator"]
VERBS = ["paid a state visit to", "paid an official visit to", "is on a working visit to", "held talks with",
         "met with", "received", "hosted a reception for", "signed", "will visit", "visited", "had a phone call with",
         "held phone talks with", "chaired", "attended", "welcomed", "co-chaired", "briefed", "left Hà Nội for",
         "arrived in", "will pay a State visit to", "concluded his visit to", "witnessed the signing of"]
PLACES = ["Hà Nội", "Hanoi", "Vientiane", "Laos", "Việt Nam", "Vietnam", "Phnom Penh", "Beijing", "Bangkok",
          "Luang Prabang", "HCM City", "the Presidential Palace", "the National Assembly House", "Xiengkhouang"]
DATES = ["February 5", "February 5, 2026", "5 February 2026", "Feb. 5", "5/3", "5/3/2026", "2026-02-05", "2026",
         "2025-12", "December 2025", "January 26-27", "January 26–27, 2026", "from March 3 to 5", "2021–2025",
         "2026-2030", "last year", "this morning", "on Monday", "Thursday", "earlier this month", "next week",
         "in the 1990s", "31 February 2026", "February 30", "0/0/0000", "99/99", "2026–2025", "the year 10000",
         "mid-2026", "late last year", "the past five years", "yesterday", "tomorrow afternoon", "Sept 31", "1975"]
NUMBERS = ["US$10 billion", "USD 10 bn", "10 billion USD", "$1.5 trillion", "VND 100 trillion", "two-way trade",
           "US$ 5 billion", "1,000,000", "1.000.000", "3.5%", "14th", "12th", "XIIth", "1st", "0th", "-5", "1e309",
           "NaN", "inf", "US$0", "US$999999999999999999999999 billion", "nine billion dollars", "10 tỷ USD", "½",
           "٣", "१२", "US$.5 billion", "US$5..5 billion", "$", "billion billion"]
PHRASES = ["raise two-way trade to", "bring bilateral trade to", "reached", "strive to increase trade to",
           "14th National Congress of the CPV", "the 12th LPRP Congress", "the Party Congress", "Congress",
           "National Congress of the Communist Party of Việt Nam", "the 13th Congress of the Lao People’s "
           "Revolutionary Party", "special relationship", "Memorandum of Understanding", "joint statement",
           "the Lao leader", "the Vietnamese leader", "the host", "the guest", "he", "his spouse", "the two sides",
           "Published:", "Updated", "VNA", "Vietnam News Agency", "KPL", "By", "Photo:", "./.", "(VNA)", "—", "–", "-",
           "(", ")", "[", "]", "{", "}", "“", "”", "‘", "’", "\"", "'", "…", ",", ".", ";", ":", "!", "?", "/", "\\",
           "\n", "\n\n", "\t", " ", "  ", "\u00a0", "\u200b", "•", "*", "#", "@", "&", "%", "|", "<", ">", "_"]
HEADERS = ["Published: 2026-02-02", "February 2, 2026", "Hanoi, March 5 (VNA) —", "VIENTIANE —", "HÀ NỘI —",
           "Updated 12:00 GMT+7", "Title: Talks", "2026-02-02T10:00:00+07:00", "By Staff Writer", "VNA", ""]

# Unicode blocks to draw random characters from (weights favour what news text contains).
BLOCKS = [
    (0x20, 0x7E, 30), (0x0A, 0x0A, 4), (0xA0, 0xFF, 6), (0x100, 0x24F, 3), (0x300, 0x36F, 3),
    (0x1EA0, 0x1EF9, 6), (0x0E80, 0x0EFF, 3), (0x2000, 0x206F, 4), (0x20A0, 0x20C0, 1), (0x0E00, 0x0E7F, 1),
    (0x4E00, 0x4FFF, 2), (0x0600, 0x06FF, 1), (0x0900, 0x097F, 1), (0x1F300, 0x1F6FF, 1), (0xFE00, 0xFE0F, 1),
    (0xFF00, 0xFFEF, 1), (0x0, 0x1F, 1), (0x7F, 0x9F, 1), (0x10000, 0x10FFFF, 1), (0xE000, 0xF8FF, 1),
]


def _random_char(rng: random.Random) -> str:
    low, high, _ = rng.choices(BLOCKS, weights=[b[2] for b in BLOCKS])[0]
    code = rng.randint(low, high)
    if 0xD800 <= code <= 0xDFFF:  # no lone surrogates: no decoder produces them
        code = 0xFFFD
    return chr(code)


def random_unicode(rng: random.Random, max_len: int) -> str:
    return "".join(_random_char(rng) for _ in range(rng.randint(0, max_len)))


def word_salad(rng: random.Random, max_len: int) -> str:
    pools = [NAMES, TITLES, VERBS, PLACES, DATES, NUMBERS, PHRASES, PHRASES]
    parts = []
    if rng.random() < 0.5:
        parts += [rng.choice(HEADERS), "\n"]
    length = 0
    while length < rng.randint(1, max_len):
        part = rng.choice(rng.choice(pools))
        if rng.random() < 0.05:
            part = part.upper()
        elif rng.random() < 0.05:
            part = part.lower()
        elif rng.random() < 0.03:
            part = unicodedata.normalize("NFD", part)
        parts.append(part)
        parts.append(rng.choice([" ", " ", " ", "", ", ", ". ", "\n", " — ", "-", "(", ") "]))
        length += len(part) + 1
    return "".join(parts)


def sentence_like(rng: random.Random, max_len: int) -> str:
    """Mostly well-formed sentences: TITLE NAME VERB TITLE NAME in PLACE on DATE, with trade targets."""
    sentences = []
    if rng.random() < 0.6:
        sentences.append(rng.choice(HEADERS))
    while sum(map(len, sentences)) < rng.randint(20, max_len):
        kind = rng.random()
        if kind < 0.6:
            s = (f"{rng.choice(TITLES)} {rng.choice(NAMES)} {rng.choice(VERBS)} {rng.choice(TITLES)} "
                 f"{rng.choice(NAMES)} in {rng.choice(PLACES)} on {rng.choice(DATES)}.")
        elif kind < 0.8:
            s = (f"The two sides agreed to {rng.choice(PHRASES[:4])} {rng.choice(NUMBERS)} by {rng.choice(DATES)}"
                 f" ({rng.choice(NUMBERS)} in {rng.choice(DATES)}).")
        else:
            s = (f"At the {rng.choice(PHRASES[4:9])}, {rng.choice(NAMES)} was elected {rng.choice(TITLES)} "
                 f"– a post held since {rng.choice(DATES)} – “{rng.choice(PHRASES)}” [{rng.choice(NUMBERS)}].")
        sentences.append(s)
    return rng.choice(["\n", " ", "\n\n"]).join(sentences)


_SEED_TEXTS: list[str] = []


def _seeds() -> list[str]:
    if not _SEED_TEXTS:
        _SEED_TEXTS.extend(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
        if not _SEED_TEXTS:
            _SEED_TEXTS.append("VIENTIANE — General Secretary Tô Lâm paid a state visit to Laos on February 5, 2026.")
    return _SEED_TEXTS


def mutated_seed(rng: random.Random, max_len: int) -> str:
    text = rng.choice(_seeds())
    if len(text) > max_len:
        start = rng.randrange(0, len(text) - max_len + 1)
        text = text[start:start + max_len]
    chars = list(text)
    for _ in range(rng.randint(1, 30)):
        if not chars:
            break
        op = rng.random()
        i = rng.randrange(len(chars))
        if op < 0.3:
            del chars[i:i + rng.randint(1, 40)]
        elif op < 0.5:
            chars[i:i] = list(rng.choice(rng.choice([NAMES, DATES, NUMBERS, PHRASES, TITLES])))
        elif op < 0.6:
            chars[i] = _random_char(rng)
        elif op < 0.7:
            j = rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
        elif op < 0.8:
            chars[i:i] = chars[i:i + rng.randint(1, 200)]  # duplicate a stretch
        elif op < 0.9:
            chars[i] = chars[i].upper() if rng.random() < 0.5 else chars[i].lower()
        else:
            chars[i:i] = [rng.choice(["\n", "\r", "\u2028", "\u00a0", "\u200b", "\t", "\x0c", "\ufeff"])]
    return "".join(chars)


def mangled(rng: random.Random, max_len: int) -> str:
    """What odd files decode to: one giant line, only punctuation, repeated tokens, huge numbers."""
    kind = rng.randrange(8)
    if kind == 0:
        return rng.choice(PHRASES + DATES) * rng.randint(1, max(1, max_len // 4))
    if kind == 1:
        return " ".join(rng.choice(DATES) for _ in range(rng.randint(1, max(1, max_len // 8))))
    if kind == 2:
        return "".join(rng.choice("()[]{}—–-.,;:“”‘’\"'/\\ \n") for _ in range(rng.randint(1, max_len)))
    if kind == 3:
        return " ".join(str(rng.randint(-10**30, 10**30)) for _ in range(rng.randint(1, max(1, max_len // 20))))
    if kind == 4:
        return (rng.choice(TITLES) + " ") * rng.randint(1, max(1, max_len // 30)) + rng.choice(NAMES)
    if kind == 5:
        return "x" * rng.randint(1, max_len * 5)  # one very long token
    if kind == 6:
        return "\n" * rng.randint(1, 50) + rng.choice(NAMES) + "\n" * rng.randint(1, 50)
    return unicodedata.normalize(rng.choice(["NFC", "NFD", "NFKC", "NFKD"]), sentence_like(rng, max_len))


# One phrase of each kind that starts a rule (an office, a chain of "of", a date, a bare year, an amount, a
# congress, an event word, a short form, brackets and quotes): adversarial texts repeat them at length.
TRIGGER_RUNS = ["Prime Minister ", "PM ", "of UN ", "General Secretary of the ", "on January 5, 2026, ", "in 2026 ",
                "US$5 billion, ", "the 14th Congress ", "met ", "visit ", "talks ", "Lâm said. ", "(", "\"", "former ",
                "Minister of Labour, Invalids and ", "Lao ", "from March 3 to ", "raise trade to US$10 billion and "]


def adversarial(rng: random.Random, max_len: int) -> str:
    """Long runs of one or two trigger phrases, with or without a full stop: the inputs whose cost grows
    fastest with their length."""
    first, second = rng.choice(TRIGGER_RUNS), rng.choice(TRIGGER_RUNS)
    count = max(1, max_len // (2 * max(len(first), len(second))))
    return first * count + second * count + rng.choice(["", ".", "UN."])


GENERATORS = {
    "unicode": (random_unicode, 2),
    "salad": (word_salad, 3),
    "sentences": (sentence_like, 3),
    "seed": (mutated_seed, 2),
    "mangled": (mangled, 1),
    "adversarial": (adversarial, 1),
}


def generate(rng: random.Random, max_len: int) -> tuple[str, str]:
    names = list(GENERATORS)
    kind = rng.choices(names, weights=[GENERATORS[n][1] for n in names])[0]
    return kind, GENERATORS[kind][0](rng, max_len)


def random_published(rng: random.Random) -> dt.date | None:
    if rng.random() < 0.5:
        return None
    return rng.choice([dt.date(2026, 2, 2), dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2000, 2, 29),
                       dt.date(2024, 12, 31)])


# ---------------------------------------------------------------------------
# Running


class Timeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    if seconds <= 0 or not hasattr(signal, "SIGALRM"):
        yield
        return

    def on_alarm(signum, frame):
        raise Timeout(f"took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(nlp, text: str, published, timeout: float) -> None:
    """Raise if the extractor (or the record's serialization) fails on `text`."""
    from vnlao_extract.extract import extract_text
    from vnlao_extract.output import dumps_line, dumps_pretty

    with time_limit(timeout):
        record = extract_text(nlp, text, "fuzz.txt", published)
    dumps_line(record)
    dumps_pretty(record)
    for key in ("source", "people", "events", "dates", "error", "schema_version", "extractor_version"):
        if key not in record:
            raise AssertionError(f"record without {key!r}")


def signature(exc: BaseException) -> str:
    """Exception type and the innermost frame in the project: failures that are the same bug group together."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "vnlao_extract" in f.filename] or frames
    place = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(exc).__name__} at {place}"


def shrink(nlp, text: str, published, wanted: str, timeout: float, budget: int = 300) -> str:
    """A smaller text failing with the same signature (greedy chunk deletion, then token deletion)."""
    def fails(candidate: str) -> bool:
        try:
            check(nlp, candidate, published, timeout)
        except Exception as exc:  # noqa: BLE001
            return signature(exc) == wanted
        return False

    tries = 0
    chunk = max(1, len(text) // 2)
    while chunk >= 1 and tries < budget:
        i, progressed = 0, False
        while i < len(text) and tries < budget:
            candidate = text[:i] + text[i + chunk:]
            tries += 1
            if candidate != text and fails(candidate):
                text, progressed = candidate, True
            else:
                i += chunk
        if not progressed:
            chunk //= 2
    return text


def run(count: int, seed: int, max_len: int, timeout: float, show: int, quiet: bool) -> int:
    from vnlao_extract.pipeline import build_pipeline

    nlp = build_pipeline()
    rng = random.Random(seed)
    kinds: Counter = Counter()
    failures: dict[str, list] = {}
    slowest: list[tuple[float, str, str]] = []
    started = time.monotonic()
    for n in range(count):
        kind, text = generate(rng, max_len)
        published = random_published(rng)
        kinds[kind] += 1
        t0 = time.monotonic()
        try:
            check(nlp, text, published, timeout)
        except Exception as exc:  # noqa: BLE001 - that is what we are looking for
            sig = signature(exc)
            entry = failures.setdefault(sig, [0, n, kind, text, published, exc])
            entry[0] += 1
        elapsed = time.monotonic() - t0
        slowest.append((elapsed, kind, text))
        slowest = sorted(slowest, key=lambda s: -s[0])[:3]
        if not quiet and (n + 1) % 1000 == 0:
            print(f"  {n + 1}/{count} texts, {sum(f[0] for f in failures.values())} failures, "
                  f"{time.monotonic() - started:.0f} s", file=sys.stderr)

    total = time.monotonic() - started
    failed = sum(f[0] for f in failures.values())
    print(f"fuzz: {count} texts (seed {seed}, max length {max_len}) in {total:.1f} s: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"fuzz: slowest {slowest[0][0] * 1000:.0f} ms ({slowest[0][1]}, {len(slowest[0][2])} chars)"
          if slowest else "fuzz: nothing run")
    if not failures:
        print("fuzz: no exception")
        return 0
    print(f"fuzz: {failed} texts raised, {len(failures)} distinct failure(s):")
    for sig, (times, n, kind, text, published, exc) in sorted(failures.items(), key=lambda i: -i[1][0])[:show]:
        small = shrink(nlp, text, published, sig, timeout)
        print(f"\n== {sig}: {times} time(s); first at text #{n} ({kind}), published={published}")
        print(f"   minimal input ({len(small)} chars): {small!r}")
        print("   " + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)).rstrip()
              .replace("\n", "\n   "))
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="how many random texts (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0): runs are reproducible")
    parser.add_argument("--max-len", type=int, default=1000, help="rough maximum length of a text")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds one text may take (0: no limit)")
    parser.add_argument("--show", type=int, default=10, help="distinct failures to print in full")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    return run(args.count, args.seed, args.max_len, args.timeout, args.show, args.quiet)


if __name__ == "__main__":
    sys.exit(main())
