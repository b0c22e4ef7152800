"""Properties of the extractor as a whole: it never raises, encodings and order do not matter,
and one bad input (even one that kills a worker process) costs only its own record.

In-process, with the session's pipeline. `python -m tests.fuzz` is the long-running cousin.
"""
from __future__ import annotations

import codecs
import datetime as dt
import os
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import fuzz
from tests.conftest import SEEDS
from vnlao_extract import SCHEMA_VERSION, __version__
from vnlao_extract import extract as extract_module
from vnlao_extract.errors import Errors
from vnlao_extract.extract import Options, extract_source, extract_sources, extract_text
from vnlao_extract.inputs import Source, iter_sources
from vnlao_extract.output import dumps_line
from vnlao_extract.record import error_record

SEED_PATHS = sorted(SEEDS.glob("*.txt"))
VARYING = ("source", "encoding")
PROPERTY = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def without_offsets(item):
    """The item with every start_char/end_char/mentions left out (they index the user's bytes as decoded)."""
    if isinstance(item, dict):
        return {k: without_offsets(v) for k, v in item.items() if k not in ("start_char", "end_char", "mentions")}
    if isinstance(item, list):
        return [without_offsets(v) for v in item]
    return item


def strip(record: dict) -> dict:
    """What must not depend on how the article was spelled in bytes."""
    return without_offsets({k: v for k, v in record.items() if k not in VARYING})


def record_of_bytes(nlp, data: bytes, directory: Path, name: str = "a.txt", **options) -> dict:
    """The record the CLI would give for a file holding `data` (read, decoded, extracted)."""
    path = directory / name
    path.write_bytes(data)
    record, _ = extract_source(nlp, Source(name, path), Options(**options))
    return record


def check_record(record: dict) -> None:
    dumps_line(record)  # serializable as the writers need it
    assert record["schema_version"] == SCHEMA_VERSION and record["extractor_version"] == __version__
    assert list(record) == list(error_record("x", "y"))


# ---------------------------------------------------------------------------
# Never raises

any_text = st.text(max_size=300)
article_like = st.lists(
    st.sampled_from(fuzz.NAMES + fuzz.TITLES + fuzz.VERBS + fuzz.PLACES + fuzz.DATES + fuzz.NUMBERS + fuzz.PHRASES
                    + fuzz.HEADERS),
    max_size=60,
).map(" ".join)
published_dates = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))


@PROPERTY
@given(text=any_text, published=published_dates)
def test_arbitrary_unicode_never_raises(nlp, text, published):
    check_record(extract_text(nlp, text, "h.txt", published))


@PROPERTY
@given(text=article_like, published=published_dates)
def test_article_like_word_salad_never_raises(nlp, text, published):
    check_record(extract_text(nlp, text, "h.txt", published))


@PROPERTY
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_give_a_record_never_an_exception(nlp, data):
    with tempfile.TemporaryDirectory() as directory:
        record = record_of_bytes(nlp, data, Path(directory))
    check_record(record)
    assert record["error"] is None or "\n" not in record["error"]


def test_a_bug_in_the_pipeline_costs_one_record(nlp, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Talks in Vientiane.")

    def broken(*args, **kwargs):
        raise RuntimeError("first line\nsecond line")

    monkeypatch.setattr(extract_module, "extract_text", broken)
    record, messages = extract_source(nlp, Source("a.txt", tmp_path / "a.txt"), Options())
    assert record["error"] == Errors.E008.format(path="a.txt", reason="RuntimeError: first line second line")
    assert messages == [record["error"]]
    check_record(record)


def test_a_record_that_cannot_be_written_costs_one_record(nlp, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Talks in Vientiane.")
    real = extract_module.extract_text
    monkeypatch.setattr(extract_module, "extract_text", lambda *a, **k: {**real(*a, **k), "x": float("nan")})
    record, _ = extract_source(nlp, Source("a.txt", tmp_path / "a.txt"), Options())
    assert record["error"].startswith("[E008] a.txt: extraction failed: ValueError")


# ---------------------------------------------------------------------------
# The same article, however it is spelled in bytes, gives the same record


def cp1252_fold(text: str) -> str:
    """The text with every character cp1252 cannot hold replaced by its base letter (or '?')."""
    out = []
    for char in text:
        try:
            char.encode("cp1252")
            out.append(char)
        except UnicodeEncodeError:
            base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
            try:
                base.encode("cp1252")
                out.append(base)
            except UnicodeEncodeError:
                out.append("?")
    return "".join(out)


SPELLINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32": lambda t: t.encode("utf-32"),
    "nfd": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "zero-width": lambda t: t.replace(" ", " \u200b", 20).encode("utf-8"),
}


@pytest.mark.parametrize("spelling", sorted(SPELLINGS))
@pytest.mark.parametrize("seed", SEED_PATHS, ids=lambda p: p.name[:3])
def test_seed_text_is_the_same_in_every_spelling(seed, spelling):
    """Cheap and exhaustive: every seed decodes to the very same text (so the pipeline sees the same)."""
    from vnlao_extract.inputs import decode_bytes

    text = seed.read_text(encoding="utf-8")
    assert decode_bytes(SPELLINGS[spelling](text), "x").text == decode_bytes(text.encode(), "x").text


@pytest.fixture(scope="module")
def seed_baseline(nlp, tmp_path_factory):
    directory = tmp_path_factory.mktemp("baseline")
    return {seed.name: record_of_bytes(nlp, seed.read_bytes(), directory) for seed in SEED_PATHS}


@pytest.mark.parametrize("spelling", sorted(set(SPELLINGS) - {"utf-8"}))
def test_seed_record_is_the_same_in_every_spelling(nlp, tmp_path, seed_baseline, spelling):
    seed = SEED_PATHS[0]
    record = record_of_bytes(nlp, SPELLINGS[spelling](seed.read_text(encoding="utf-8")), tmp_path)
    assert record["error"] is None
    assert strip(record) == strip(seed_baseline[seed.name])


@pytest.mark.parametrize("seed", SEED_PATHS[1:], ids=lambda p: p.name[:3])
def test_every_seed_record_is_the_same_in_nfd_and_utf16(nlp, tmp_path, seed_baseline, seed):
    text = seed.read_text(encoding="utf-8")
    for spelling in ("nfd", "utf-16"):
        assert strip(record_of_bytes(nlp, SPELLINGS[spelling](text), tmp_path)) == strip(seed_baseline[seed.name])


def offset_pairs(item):
    """Every (start, end) pair of a record, wherever it is."""
    if isinstance(item, dict):
        if isinstance(item.get("start_char"), int):
            yield item["start_char"], item["end_char"]
        for key, value in item.items():
            if key == "mentions":
                yield from (tuple(pair) for pair in value)
            else:
                yield from offset_pairs(value)
    elif isinstance(item, list):
        for value in item:
            yield from offset_pairs(value)


@pytest.mark.parametrize("spelling", ["crlf", "nfd", "utf-8-sig", "zero-width", "utf-16"])
@pytest.mark.parametrize("seed", SEED_PATHS, ids=lambda p: p.name[:3])
def test_offsets_index_the_text_as_the_user_decodes_it(nlp, tmp_path, seed_baseline, seed, spelling):
    """Slicing the user's own decoded text (Python's codec named in `encoding`, newlines untouched) at
    every offset pair gives what the pipeline read there."""
    from vnlao_extract.inputs import normalize_text

    base_text = seed.read_text(encoding="utf-8")
    base = seed_baseline[seed.name]
    data = SPELLINGS[spelling](base_text)
    record = record_of_bytes(nlp, data, tmp_path)
    users_text = data.decode(record["encoding"])
    base_pairs, pairs = list(offset_pairs(base)), list(offset_pairs(record))
    assert len(pairs) == len(base_pairs) > 0
    sliced = [normalize_text(users_text[s:e]) for s, e in pairs]
    assert sliced == [base_text[s:e] for s, e in base_pairs]
    names = {p["name"] for p in base["people"]}
    assert names and names <= set(sliced)
    if spelling in ("crlf", "utf-8-sig", "utf-16"):  # nothing inside a name changed: the very same characters
        assert [users_text[s:e] for s, e in pairs] == sliced


def test_seed_in_cp1252_gives_the_same_record_as_in_utf8(nlp, tmp_path):
    folded = cp1252_fold(SEED_PATHS[0].read_text(encoding="utf-8"))
    as_utf8 = record_of_bytes(nlp, folded.encode("utf-8"), tmp_path, "u.txt")
    as_cp1252 = record_of_bytes(nlp, folded.encode("cp1252"), tmp_path, "c.txt")
    assert as_cp1252["encoding"] == "cp1252" and as_utf8["encoding"] == "utf-8"
    assert as_utf8["people"]  # the folded article still says something
    assert strip(as_cp1252) == strip(as_utf8)


@PROPERTY
@given(text=st.text(alphabet=st.characters(codec="cp1252", exclude_categories=("Cc", "Cs")), min_size=1,
                    max_size=200))
def test_any_cp1252_text_gives_the_same_record_as_utf8(nlp, text):
    with tempfile.TemporaryDirectory() as directory:
        a = record_of_bytes(nlp, text.encode("utf-8"), Path(directory), "u.txt")
        b = record_of_bytes(nlp, text.encode("cp1252"), Path(directory), "c.txt")
    assert strip(a) == strip(b)


# ---------------------------------------------------------------------------
# Order does not matter

ORDER_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in SEED_PATHS}
ORDER_TEXTS.update({
    "short-1.txt": "Prime Minister Sonexay Siphandone received Ambassador Nguyễn Minh Tâm on Monday.",
    "short-2.txt": "Published: 2026-01-10\nThe 14th National Congress of the CPV opened in Hà Nội last week.",
    "short-3.txt": "Tô Lâm and Thongloun Sisoulith agreed to raise two-way trade to US$5 billion by 2030.",
})


@pytest.fixture(scope="module")
def order_baseline(nlp):
    return {name: extract_text(nlp, text, name) for name, text in sorted(ORDER_TEXTS.items())}


@settings(max_examples=4, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(order=st.permutations(sorted(ORDER_TEXTS)))
def test_records_do_not_depend_on_what_was_extracted_before(nlp, order_baseline, order):
    for name in order:
        assert extract_text(nlp, ORDER_TEXTS[name], name) == order_baseline[name]


@settings(max_examples=25, deadline=None, derandomize=True)
@given(order=st.permutations([f"{d}{n}.txt" for d in ("", "a/", "a/b/", "a-b/", "a0/") for n in range(4)]))
def test_walk_order_does_not_depend_on_creation_order(order):
    with tempfile.TemporaryDirectory() as directory:
        for name in order:
            path = Path(directory, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x")
        names = [os.path.relpath(s.name, directory) for s in iter_sources([directory], on_warning=print)]
    assert names == sorted(order)  # relative-path string order, whatever the creation order


def test_walk_order_is_relative_path_order():
    with tempfile.TemporaryDirectory() as directory:
        for name in ("b.txt", "a/x.txt", "a-b.txt", "a0.txt", "A.txt"):
            path = Path(directory, name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x")
        names = [os.path.relpath(s.name, directory) for s in iter_sources([directory])]
    assert names == ["A.txt", "a-b.txt", "a/x.txt", "a0.txt", "b.txt"]


# ---------------------------------------------------------------------------
# Worker processes


def _sources(directory: Path, count: int, crash_at: set[int] = frozenset()) -> list[Source]:
    sources = []
    for n in range(count):
        name = f"{n:02d}{'-boom' if n in crash_at else ''}.txt"
        (directory / name).write_text(f"Talks {n} in Vientiane on February {n % 28 + 1}, 2026.\n")
        sources.append(Source(name, directory / name))
    sources.insert(3, Source("missing.txt", directory / "missing.txt", Errors.E006.format(path="missing.txt")))
    return sources


def test_jobs_2_gives_the_same_records_as_jobs_1(nlp, tmp_path):
    sources = _sources(tmp_path, 30)
    one = list(extract_sources(sources, Options(jobs=1), nlp=nlp))
    two = list(extract_sources(sources, Options(jobs=2), nlp=nlp))
    assert [dumps_line(r) for r in two] == [dumps_line(r) for r in one]


@pytest.mark.skipif(os.name != "posix", reason="workers inherit the test's patch only with fork")
def test_a_worker_that_dies_costs_only_its_input(nlp, tmp_path, monkeypatch):
    real = extract_module.extract_source

    def crashing(nlp_, source, options):
        if "boom" in source.name:
            os._exit(3)  # as a segfault or the OOM killer would end it
        return real(nlp_, source, options)

    sources = _sources(tmp_path, 40, crash_at={5, 6, 33})
    expected = [dumps_line(r) for r in extract_sources(sources, Options(jobs=1), nlp=nlp)
                if "boom" not in r["source"]]
    monkeypatch.setattr(extract_module, "extract_source", crashing)
    messages = []
    records = list(extract_sources(sources, Options(jobs=2), nlp=nlp, on_message=messages.append))
    assert [r["source"] for r in records] == [s.name for s in sources]
    crashed = [r for r in records if "boom" in r["source"]]
    assert [r["error"] for r in crashed] == [
        Errors.E008.format(path=r["source"], reason="the worker process died") for r in crashed]
    assert [dumps_line(r) for r in records if "boom" not in r["source"]] == expected
    assert sum("worker process died" in m for m in messages) == 3


# ---------------------------------------------------------------------------
# Output grows with the text


def _delegation(count: int) -> str:
    first = ["Khamsing", "Bounthavy", "Sengdao", "Vilay", "Keomany", "Thongsavanh", "Phouvong", "Somsak"]
    last = ["Phommachanh", "Vongsa", "Keola", "Inthavong", "Souvanna", "Phetsamone", "Duangdy", "Chanthavong"]
    names = [f"{first[i % 8]} {last[i // 8 % 8]}{chr(97 + i // 64 % 26) * (i // 64)}" for i in range(count)]
    return "The delegation included Ambassador " + ", Ambassador ".join(names) + "."


def test_many_people_in_one_sentence_give_output_linear_in_the_text(nlp):
    small, large = (extract_text(nlp, _delegation(n), "d.txt") for n in (100, 400))
    assert len(small["people"]) == 100 and len(large["people"]) == 400
    growth = len(dumps_line(large)) / len(dumps_line(small))
    assert growth < 4.8  # each person quotes a window of its sentence, not all of it (that grows 16-fold)
    sentence = large["people"][200]["evidence"]["sentence"]
    assert sentence.startswith("…") and sentence.endswith("…") and large["people"][200]["name"] in sentence
