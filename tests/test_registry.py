"""The dated actor registry: its data file (resources/actors.jsonl) and its API."""
from __future__ import annotations

import datetime
import json
import re

import pytest

from vnlao_extract.errors import ResourceError
from vnlao_extract.registry import ROLES, Office, Registry, fold, parse_iso
from vnlao_extract.rules import load_package

D = datetime.date
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEYS = {"id", "name", "ascii", "variants", "short", "country", "offices"}
COUNTRIES = {"VN", "LA", "KH", "CN", "TH", "ID", "MY", "SG", "PH", "BN", "MM", "TL", "JP", "KR", "KP", "US", "RU", "IN", "AU"}
# Short forms must not be ordinary English words: a capitalised "Man" or "Son" at a sentence start is not a person.
COMMON_WORDS = {
    "a", "an", "and", "ban", "bang", "can", "chin", "dam", "ding", "don", "dong", "dung", "ha", "hang", "he",
    "hue", "hung", "is", "it", "long", "ma", "man", "may", "mark", "no", "on", "pan", "sang", "sea", "son",
    "song", "sun", "tea", "the", "to", "van", "will", "yes", "young",
}


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return load_package("actors.jsonl")


# ---------------------------------------------------------------------------------------------- API


@pytest.mark.parametrize(
    "role, country, day, expected",
    [
        ("prime_minister", "LA", D(2019, 6, 1), "thongloun-sisoulith"),
        ("prime_minister", "LA", D(2025, 6, 1), "sonexay-siphandone"),
        ("prime_minister", "LA", D(2022, 1, 1), "phankham-viphavanh"),
        ("general_secretary", "VN", D(2020, 6, 1), "nguyen-phu-trong"),
        ("general_secretary", "VN", D(2025, 6, 1), "to-lam"),
        ("president", "VN", D(2024, 8, 15), "to-lam"),
        ("president", "VN", D(2019, 6, 1), "nguyen-phu-trong"),
        ("president", "VN", D(2025, 6, 1), "luong-cuong"),
        ("president", "LA", D(2018, 6, 1), "bounnhang-vorachith"),
        ("prime_minister", "KH", D(2020, 6, 1), "hun-sen"),
        ("prime_minister", "KH", D(2024, 6, 1), "hun-manet"),
        ("na_chair", "VN", D(2022, 6, 1), "vuong-dinh-hue"),
        ("na_chair", "CN", D(2020, 6, 1), "li-zhanshu"),
        ("foreign_minister", "CN", D(2023, 5, 1), "qin-gang"),
        ("foreign_minister", "CN", D(2024, 5, 1), "wang-yi"),
        ("prime_minister", "TH", D(2020, 6, 1), "prayut-chan-o-cha"),
        ("prime_minister", "TH", D(2024, 1, 1), "srettha-thavisin"),
        ("prime_minister", "th", D(2025, 1, 1), "paetongtarn-shinawatra"),
        ("defence_minister", "VN", D(2019, 6, 1), "ngo-xuan-lich"),
    ],
)
def test_holder(registry, role, country, day, expected):
    actor = registry.holder(role, country, day)
    assert actor is not None and actor.id == expected


@pytest.mark.parametrize(
    "role, country, day",
    [
        ("general_secretary", "VN", D(2024, 7, 25)),  # vacant between Trọng's death and Lâm's election
        ("deputy_prime_minister", "VN", D(2022, 6, 1)),  # several at once: ambiguous
        ("prime_minister", "XX", D(2022, 6, 1)),
    ],
)
def test_holder_none(registry, role, country, day):
    assert registry.holder(role, country, day) is None


@pytest.mark.parametrize(
    "form, expected",
    [
        ("To Lam", "to-lam"),
        ("Tô Lâm", "to-lam"),
        ("Lâm", "to-lam"),
        ("lam", "to-lam"),
        ("xaysomphone phomvihane", "saysomphone-phomvihane"),
        ("Xaysomphone", "saysomphone-phomvihane"),
        ("Saysomphone  Phomvihane", "saysomphone-phomvihane"),
        ("Prayuth Chan-ocha", "prayut-chan-o-cha"),
        ("Thongloun", "thongloun-sisoulith"),
        ("Do Van Chien", "do-van-chien"),
        ("Xi", "xi-jinping"),
        ("Hun Manet", "hun-manet"),
    ],
)
def test_lookup(registry, form, expected):
    assert expected in [actor.id for actor in registry.lookup(form)]


@pytest.mark.parametrize("form", ["Hun", "", "Nobody Atall", "Minister"])
def test_lookup_misses(registry, form):
    assert registry.lookup(form) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đỗ Văn Chiến", "do van chien"),
        ("  Trần   Thanh\tMẫn ", "tran thanh man"),
        ("TÔ LÂM", "to lam"),
        ("Nguyễn Hoà Bình", "nguyen hoa binh"),
        ("Nguyễn Hòa Bình", "nguyen hoa binh"),
        ("Xi Jinping", "xi jinping"),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    "start, end, day, held",
    [
        ("2021-03", None, D(2021, 3, 1), True),
        ("2021-03", None, D(2021, 2, 28), False),
        (None, "2021-02", D(2021, 2, 28), True),
        (None, "2024-02", D(2024, 2, 29), True),
        (None, "2024-02", D(2024, 3, 1), False),
        ("2021", "2021", D(2021, 12, 31), True),
        ("2021", "2021", D(2022, 1, 1), False),
        ("2021-03-05", "2021-03-05", D(2021, 3, 5), True),
        ("2021-03-05", "2021-03-05", D(2021, 3, 6), False),
        (None, None, D(1990, 1, 1), True),
    ],
)
def test_office_held_on(start, end, day, held):
    assert Office("other", "", start, end).held_on(day) is held


def test_office_held_on_accepts_datetime():
    assert Office("other", "", "2021-03", None).held_on(datetime.datetime(2021, 3, 1, 12, 0))


@pytest.mark.parametrize(
    "actor_id, role, day, conflict",
    [
        ("to-lam", "president", D(2025, 1, 1), True),  # was president only May-Oct 2024
        ("to-lam", "president", D(2024, 8, 1), False),
        ("to-lam", "general_secretary", D(2023, 1, 1), True),
        ("to-lam", "foreign_minister", D(2023, 1, 1), False),  # no dates for that role: nothing to contradict
        ("vo-thi-anh-xuan", "president", D(2023, 2, 1), False),  # acting president then
        ("thongloun-sisoulith", "prime_minister", D(2022, 6, 1), True),
    ],
)
def test_title_conflicts(registry, actor_id, role, day, conflict):
    assert registry.title_conflicts(registry.by_id(actor_id), role, day) is conflict
    assert registry.title_conflicts(actor_id, role, day) is conflict


@pytest.mark.parametrize(
    "actor_id, role, day, conflict",
    [
        ("nguyen-phu-trong", "general_secretary", D(2024, 7, 1), False),
        ("nguyen-phu-trong", "president", D(2024, 7, 1), True),  # alive, president only 2018-2021
        ("nguyen-phu-trong", "president", D(2025, 1, 1), False),  # died 2024-07-19: a title recalls an office
        ("ho-chi-minh", "president", D(2020, 1, 1), False),
        ("tran-dai-quang", "president", D(2019, 1, 1), False),
    ],
)
def test_no_conflict_after_death(registry, actor_id, role, day, conflict):
    assert registry.title_conflicts(actor_id, role, day) is conflict


def test_dead_on(registry):
    trong = registry.by_id("nguyen-phu-trong")
    assert trong.died == "2024-07-19"
    assert trong.dead_on(D(2024, 7, 19)) and not trong.dead_on(D(2024, 7, 18))
    assert not registry.by_id("to-lam").dead_on(D(2030, 1, 1))


@pytest.mark.parametrize(
    "role, country, day, expected",
    [
        ("defence_minister", "LA", D(2018, 1, 1), "chansamone-chanyalath"),
        ("monarch", "TH", D(2020, 1, 1), "maha-vajiralongkorn"),
        ("monarch", "TH", D(2015, 1, 1), "bhumibol-adulyadej"),
        ("president", "LA", D(1992, 1, 1), "kaysone-phomvihane"),
        ("na_chair", "ID", D(2021, 9, 9), "puan-maharani"),
        ("na_chair", "PH", D(2023, 1, 1), "ferdinand-martin-romualdez"),
        ("na_chair", "MY", D(2024, 1, 1), "johari-abdul"),
        ("deputy_prime_minister", "MY", D(2017, 1, 1), "ahmad-zahid-hamidi"),
        ("president", "MM", D(2015, 1, 1), "thein-sein"),
        ("prime_minister", "TH", D(2005, 1, 1), "thaksin-shinawatra"),
    ],
)
def test_holder_of_added_entries(registry, role, country, day, expected):
    assert registry.holder(role, country, day).id == expected


def test_actor_forms_and_offices(registry):
    actor = registry.by_id("to-lam")
    assert actor.forms() == ("Tô Lâm", "To Lam")
    assert registry.by_id("xi-jinping").forms() == ("Xi Jinping",)
    assert {office.role for office in actor.offices_on(D(2024, 9, 1))} == {"general_secretary", "president"}
    assert registry.by_id("no-such-id") is None


# --------------------------------------------------------------------------------------------- data


def test_rows_have_the_schema(rows):
    assert 250 <= len(rows) <= 500
    for row in rows:
        assert KEYS <= row.keys(), row.get("id")
        assert row["country"] in COUNTRIES, row["id"]
        assert row["ascii"].isascii(), row["id"]
        assert fold(row["ascii"]) == fold(row["name"]), row["id"]
        assert isinstance(row["variants"], list) and isinstance(row["short"], list), row["id"]
        assert row["offices"], row["id"]
        if "died" in row:
            assert ISO.match(row["died"]), row["id"]


def test_ids_unique(rows):
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_rows_ordered_by_country_then_name(rows):
    keys = [(row["country"], fold(row["name"])) for row in rows]
    assert keys == sorted(keys)


def test_offices_valid(rows):
    for row in rows:
        for office in row["offices"]:
            where = f"{row['id']} {office}"
            assert office["role"] in ROLES, where
            assert office.get("title"), where
            for key in ("from", "to"):
                value = office[key]
                assert value is None or (ISO.match(value) and parse_iso(value)), where
            if office["from"] and office["to"]:
                assert parse_iso(office["from"]) <= parse_iso(office["to"], end=True), where


def test_short_forms_not_common_words(rows):
    for row in rows:
        for form in row["short"]:
            assert form.lower() not in COMMON_WORDS, (row["id"], form)
            # a short form is part of the name, never a bare family name shared by relatives
            assert form.lower() != "hun", row["id"]


def test_loaded_registry_matches_file(registry, rows):
    assert len(registry.actors) == len(rows)
    assert [actor.id for actor in registry.actors] == [row["id"] for row in rows]


# ------------------------------------------------------------------------------------- user files


def _write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_user_file_overrides_and_adds(tmp_path, registry):
    path = _write(tmp_path / "actors.jsonl", [
        "// my corrections",
        "",
        json.dumps({"id": "to-lam", "name": "Tô Lâm", "country": "VN", "short": ["Lâm"], "offices": [
            {"role": "general_secretary", "title": "General Secretary", "from": "2024-08-03", "to": None},
            {"role": "president", "title": "President of Vietnam", "from": "2024-05-22", "to": None},
        ]}, ensure_ascii=False),
        json.dumps({"id": "jane-doe", "name": "Jane Doe", "variants": ["J. Doe"], "country": "la", "offices": [
            {"role": "ambassador", "title": "Ambassador of Laos to Japan", "from": "2022-03", "to": None},
        ]}),
        json.dumps({"name": "Nguyễn Văn Ất", "country": "VN"}, ensure_ascii=False),
    ])
    loaded = Registry.load([path])
    assert len(loaded.actors) == len(registry.actors) + 2
    to_lam = loaded.by_id("to-lam")
    assert to_lam.ascii == "To Lam"  # derived when the user leaves it out
    assert not loaded.title_conflicts(to_lam, "president", D(2025, 6, 1))
    assert loaded.holder("president", "VN", D(2025, 6, 1)) is None  # now two presidents: ambiguous
    assert [a.id for a in loaded.lookup("j. doe")] == ["jane-doe"]
    assert loaded.by_id("jane-doe").country == "LA"
    assert [a.id for a in loaded.lookup("Nguyen Van At")] == ["nguyen-van-at"]  # id derived from the name
    # the package registry itself is untouched
    assert Registry.load().title_conflicts("to-lam", "president", D(2025, 6, 1))


def test_later_user_file_wins(tmp_path):
    first = _write(tmp_path / "a.jsonl", [json.dumps({"id": "x-y", "name": "X Y", "country": "TH"})])
    second = _write(tmp_path / "b.jsonl", [json.dumps({"id": "x-y", "name": "X Z", "country": "TH"})])
    assert Registry.load([first, second]).by_id("x-y").name == "X Z"


@pytest.mark.parametrize(
    "row, needle",
    [
        ({"id": "a", "country": "VN"}, "'name'"),
        ({"id": "a", "name": "A B"}, "'country'"),
        ({"id": "a", "name": "A B", "country": "VN", "offices": [{"role": "king", "from": "2020"}]}, "'king'"),
        ({"id": "a", "name": "A B", "country": "VN", "offices": [{"role": "other", "from": "2020-13"}]}, "ISO"),
        ({"id": "a", "name": "A B", "country": "VN", "offices": [{"role": "other", "from": "5 May 2020"}]}, "ISO"),
        ({"id": "a", "name": "A B", "country": "VN", "offices": [{"role": "other", "from": "2021", "to": "2020"}]},
         "after"),
        ({"id": "a", "name": "A B", "country": "Vietnam"}, "alpha-2"),
        ({"id": "a", "name": "A B", "country": "VN", "short": "A", "offices": "x"}, "'offices'"),
        ({"id": "a", "name": "A B", "country": "VN", "died": "last year"}, "'died'"),
    ],
)
def test_bad_user_file(tmp_path, row, needle):
    path = _write(tmp_path / "bad.jsonl", [
        "// header",
        json.dumps({"id": "ok", "name": "Fine Person", "country": "KH"}),
        json.dumps(row),
    ])
    with pytest.raises(ResourceError) as info:
        Registry.load([path])
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message and "line 3" in message and needle in message


@pytest.mark.parametrize("content", ["{not json", "[1, 2]"])
def test_unparsable_user_file(tmp_path, content):
    path = _write(tmp_path / "bad.jsonl", [content])
    with pytest.raises(ResourceError, match="line 1"):
        Registry.load([path])


def test_missing_user_file(tmp_path):
    with pytest.raises(ResourceError):
        Registry.load([tmp_path / "nope.jsonl"])


# (role, country, day, id of the one holder) across the years the registry covers
HOLDERS_ACROSS_YEARS = [
    ("prime_minister", "JP", "2017-06-01", "shinzo-abe"),
    ("prime_minister", "JP", "2025-03-01", "shigeru-ishiba"),
    ("prime_minister", "JP", "2025-12-01", "sanae-takaichi"),
    ("president", "US", "2017-06-01", "donald-trump"),
    ("president", "US", "2022-06-01", "joe-biden"),
    ("president", "US", "2025-06-01", "donald-trump"),
    ("foreign_minister", "US", "2017-06-01", "rex-tillerson"),
    ("foreign_minister", "US", "2025-06-01", "marco-rubio"),
    ("president", "KR", "2017-06-01", "moon-jae-in"),
    ("president", "KR", "2025-08-01", "lee-jae-myung"),
    ("prime_minister", "MY", "2017-06-01", "najib-razak"),
    ("prime_minister", "MY", "2025-06-01", "anwar-ibrahim"),
    ("president", "ID", "2017-06-01", "joko-widodo"),
    ("president", "ID", "2025-06-01", "prabowo-subianto"),
    ("president", "PH", "2017-06-01", "rodrigo-duterte"),
    ("president", "PH", "2025-06-01", "ferdinand-marcos-jr"),
    ("prime_minister", "SG", "2017-06-01", "lee-hsien-loong"),
    ("prime_minister", "SG", "2025-06-01", "lawrence-wong"),
    ("prime_minister", "AU", "2017-06-01", "malcolm-turnbull"),
    ("prime_minister", "AU", "2025-06-01", "anthony-albanese"),
    ("foreign_minister", "IN", "2017-06-01", "sushma-swaraj"),
    ("foreign_minister", "IN", "2025-06-01", "subrahmanyam-jaishankar"),
    ("prime_minister", "RU", "2017-06-01", "dmitry-medvedev"),
    ("prime_minister", "RU", "2025-06-01", "mikhail-mishustin"),
    ("prime_minister", "TL", "2017-06-01", "rui-maria-de-araujo"),
    ("prime_minister", "TL", "2025-06-01", "xanana-gusmao"),
    ("prime_minister", "TH", "2017-06-01", "prayut-chan-o-cha"),
    ("prime_minister", "TH", "2025-07-20", "phumtham-wechayachai"),
    ("prime_minister", "TH", "2025-10-01", "anutin-charnvirakul"),
    ("prime_minister", "LA", "2017-06-01", "thongloun-sisoulith"),
    ("prime_minister", "LA", "2025-06-01", "sonexay-siphandone"),
    ("general_secretary", "VN", "2017-06-01", "nguyen-phu-trong"),
    ("general_secretary", "VN", "2025-06-01", "to-lam"),
    ("monarch", "JP", "2017-06-01", "akihito"),
    ("monarch", "JP", "2025-06-01", "naruhito"),
]


@pytest.mark.parametrize("role, country, day, expected", HOLDERS_ACROSS_YEARS)
def test_the_right_holder_of_an_office_in_each_year(role, country, day, expected):
    holder = Registry.load().holder(role, country, datetime.date.fromisoformat(day))
    assert holder is not None and holder.id == expected


# (id, a day after the death): no office held then, never the holder of one
AFTER_DEATH = [
    ("nguyen-phu-trong", "2024-08-01"),
    ("shinzo-abe", "2022-07-09"),
    ("tran-dai-quang", "2018-09-22"),
    ("sushma-swaraj", "2019-08-07"),
]


@pytest.mark.parametrize("actor_id, day", AFTER_DEATH)
def test_nobody_holds_an_office_after_death(actor_id, day):
    registry = Registry.load()
    actor = registry.by_id(actor_id)
    date = datetime.date.fromisoformat(day)
    assert actor.dead_on(date) and actor.offices_on(date) == []
    assert all(registry.holder(o.role, actor.country, date) is not actor for o in actor.offices)


def test_an_office_dated_to_outlive_its_holder_ends_with_the_death(tmp_path):
    path = tmp_path / "actors.jsonl"
    path.write_text('{"id": "x-leader", "name": "Lino Soares", "country": "TL", "died": "2019-05-01", '
                    '"offices": [{"role": "na_chair", "title": "NA Chair", "from": "2015-01-01", "to": null}]}\n',
                    encoding="utf-8")
    registry = Registry.load([path])
    assert registry.holder("na_chair", "TL", datetime.date(2018, 1, 1)).id == "x-leader"
    assert registry.holder("na_chair", "TL", datetime.date(2020, 1, 1)) is None


# (id, office title, a day in office, a day out of it): offices of the region outside the heads of
# party, state and government, dated in the registry
DATED_OFFICES = [
    ("lim-jock-hoi", "Secretary-General of ASEAN", D(2020, 6, 1), D(2023, 6, 1)),
    ("le-luong-minh", "Secretary-General of ASEAN", D(2016, 6, 1), D(2018, 6, 1)),
    ("hirokazu-matsuno", "Chief Cabinet Secretary of Japan", D(2022, 6, 1), D(2024, 6, 1)),
    ("moeldoko", "Presidential Chief of Staff of Indonesia", D(2020, 6, 1), D(2025, 6, 1)),
    ("teten-masduki", "Presidential Chief of Staff of Indonesia", D(2016, 6, 1), D(2019, 6, 1)),
    ("wiranto", "Coordinating Minister for Political, Legal and Security Affairs of Indonesia", D(2017, 6, 1),
     D(2020, 6, 1)),
    ("kyaw-tin", "Union Minister for International Cooperation of Myanmar", D(2018, 6, 1), D(2022, 6, 1)),
    ("teo-chee-hean", "Deputy Prime Minister of Singapore", D(2018, 6, 1), D(2020, 6, 1)),
]


@pytest.mark.parametrize("actor_id, title, inside, outside", DATED_OFFICES)
def test_dated_offices_of_the_region(registry, actor_id, title, inside, outside):
    actor = registry.by_id(actor_id)
    assert title in [o.title for o in actor.offices_on(inside)]
    assert title not in [o.title for o in actor.offices_on(outside)]
