"""A counterpart holds the office of the person it is the counterpart of only when the article also names
that office in the plural, headline included; never against the registry's dates.

Every text here is written for these tests.
"""
from __future__ import annotations

import datetime

import pytest

from vnlao_extract.registry import fold

D = datetime.date


def titles_of(record: dict, name: str) -> list[str]:
    for p in record["people"]:
        if fold(name) in {fold(p["name"]), *map(fold, p["aliases"])}:
            return p["titles"]
    raise AssertionError(f"{name!r} not among {[p['name'] for p in record['people']]}")


# (published, text, counterpart, titles)
SHARED = [
    (D(2021, 12, 29), "Lao, Vietnamese foreign ministers hold annual consultation\n\n"
     "Foreign Minister Saleumxay Kommasith and his Vietnamese counterpart Bui Thanh Son co-chaired the annual "
     "consultation in Hanoi on Tuesday.", "Bui Thanh Son", ["Foreign Minister"]),
    (D(2017, 4, 25), "Prime Minister Hun Sen held talks with his visiting Vietnamese counterpart Nguyen Xuan Phuc in "
     "Phnom Penh. The prime ministers then witnessed the signing of five documents.", "Nguyen Xuan Phuc",
     ["Prime Minister"]),
    (D(2023, 5, 5), "President Joko Widodo received his Lao counterpart Thongloun Sisoulith in Jakarta. The "
     "Indonesian and Lao presidents agreed to open a direct flight.", "Thongloun Sisoulith", ["President"]),
]

ONLY_COUNTERPART = [
    # no plural at all
    (D(2021, 12, 29), "Foreign Minister Wang Yi met his Vietnamese counterpart Bui Thanh Son on the sidelines of "
     "the meeting in Vientiane.", "Bui Thanh Son", []),
    # a bare plural may be of any ministry
    (D(2023, 10, 11), "Minister of Foreign Affairs Kamikawa Yoko met her Lao counterpart Saleumxay Kommasith in "
     "Vientiane. The two ministers discussed trade and tourism.", "Saleumxay Kommasith", []),
    # the plural of another office
    (D(2022, 6, 6), "Defence Minister Phan Van Giang welcomed his Lao counterpart Chansamone Chanyalath to Hanoi. "
     "Foreign ministers of both countries attended the banquet.", "Chansamone Chanyalath", []),
    # the registry: Thongloun Sisoulith became prime minister in April 2016
    (D(2016, 3, 1), "Prime Minister Hun Sen met his Lao counterpart Thongloun Sisoulith in Phnom Penh. The prime "
     "ministers agreed to meet again.", "Thongloun Sisoulith", []),
]


@pytest.mark.parametrize("published, text, name, titles", SHARED + ONLY_COUNTERPART)
def test_counterpart_office_from_plural(extract, published, text, name, titles):
    assert titles_of(extract(text, published), name) == titles


def test_work_grows_with_the_people_not_their_mentions(nlp, monkeypatch):
    """Whether a person already holds a title is read once per person, however often it is named."""
    from vnlao_extract.components.people import model

    reads = []
    titles = model.Person.titles
    monkeypatch.setattr(model.Person, "titles", property(lambda self: reads.append(self) or titles.fget(self)))
    sentence = ("Foreign Minister Wang Yi met his Lao counterpart Saleumxay Kommasith, and the foreign ministers "
                "agreed. ")
    later = [name for name in nlp.pipe_names[nlp.pipe_names.index("vnlao_people") + 1:]]
    counts = []
    with nlp.select_pipes(disable=later):
        for n in (20, 40):
            reads.clear()
            doc = nlp(sentence * n)
            assert [p.name for p in doc._.people] == ["Wang Yi", "Saleumxay Kommasith"]
            counts.append(len(reads))
    assert counts[1] == counts[0]  # the same two people: no more reads for twice the mentions


# the shared office leaves out the country it names, which is the other person's
OFFICE_WITHOUT_COUNTRY = [
    (D(2024, 6, 6), "Thongsavanh Phomvihane, Minister of Foreign Affairs of Laos, met his Vietnamese counterpart Bui "
     "Thanh Son in Vientiane. The two ministers of foreign affairs signed a plan.", "Bui Thanh Son",
     ["Minister of Foreign Affairs"]),
    (D(2024, 6, 6), "Hun Manet, Prime Minister of the Kingdom of Cambodia, welcomed his Lao counterpart Sonexay "
     "Siphandone. The prime ministers of the two countries then met the press.", "Sonexay Siphandone",
     ["Prime Minister"]),
]


@pytest.mark.parametrize("published, text, name, titles", OFFICE_WITHOUT_COUNTRY)
def test_shared_office_leaves_out_the_country(extract, published, text, name, titles):
    assert titles_of(extract(text, published), name) == titles


# the plural may be any phrase of the same post: "PMs" for prime ministers, "foreign ministers" for a
# Minister for Foreign Affairs
SYNONYM_PLURALS = [
    (D(2017, 4, 25), "Lao, Vietnamese PMs hold talks in Vientiane\n\nPrime Minister Thongloun Sisoulith held talks "
     "with his Vietnamese counterpart Nguyen Xuan Phuc in Vientiane on Monday.", "Nguyen Xuan Phuc",
     ["Prime Minister"]),
    (D(2021, 6, 6), "Minister for Foreign Affairs Vivian Balakrishnan met his Lao counterpart Saleumxay Kommasith. "
     "The foreign ministers discussed the pandemic.", "Saleumxay Kommasith", ["Minister for Foreign Affairs"]),
]


@pytest.mark.parametrize("published, text, name, titles", SYNONYM_PLURALS)
def test_plural_of_another_phrase_of_the_post(extract, published, text, name, titles):
    assert titles_of(extract(text, published), name) == titles
