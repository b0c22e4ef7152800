"""Article reader: header, publication stamps, datelines, and the text that is not the article body
(site menus, photo credits, sign-offs and what follows them, repeated paragraphs).

Every text here is written for these tests, in the layouts the agencies and news sites use.
"""
from __future__ import annotations

import pytest

from vnlao_extract.components.article import WORD_DATE, photo_credits, read_article, word_date
from vnlao_extract.registry import fold

LEAD = "The Lao foreign minister received the Vietnamese ambassador in Vientiane on February 3, 2026."


def dates(record: dict) -> list[str]:
    return [d["start"] + (f"/{d['end']}" if d["end"] else "") for d in record["dates"]]


def names(record: dict) -> set[str]:
    return {fold(f) for p in record["people"] for f in (p["name"], *p["aliases"])}


def ignored_text(text: str, reason: str) -> list[str]:
    return [text[s:e].strip() for s, e, why in read_article(text).ignored if why == reason]


# (text, published, published_from, outlet, body dates)
DATELINES = [
    ("Hanoi (VNA) – The Lao foreign minister met his Vietnamese counterpart in Hanoi on February 3.",
     None, None, "VNA", []),
    ("HÀ NỘI — The Lao foreign minister met his Vietnamese counterpart in Hà Nội on Tuesday, officials said.",
     None, None, None, []),
    ("(KPL) The Lao foreign minister met the Thai ambassador in Vientiane on Tuesday, officials said.",
     None, None, "KPL", []),
    ("BEIJING, Jan. 15 (Xinhua) -- The Chinese foreign minister met his Lao counterpart in Beijing on Friday.",
     None, None, "Xinhua", []),
    ("AKP, April 25, 2017 – The Cambodian prime minister held talks with his Lao counterpart this morning.",
     "2017-04-25", "dateline", "AKP", ["2017-04-25"]),
    ("AKP Phnom Penh, December 06, 2018 -The Cambodian prime minister left for Vientiane this afternoon.",
     "2018-12-06", "dateline", "AKP", ["2018-12-06"]),
    ("Phnom Penh (AKP), June 20, 2023 - The Cambodian foreign minister received the Lao ambassador this morning.",
     "2023-06-20", "dateline", "AKP", ["2023-06-20"]),
    ("VIENTIANE (KPL), 3 March 2021 -- The Lao president met the Vietnamese ambassador this morning.",
     "2021-03-03", "dateline", "KPL", ["2021-03-03"]),
    ("VIENTIANE, March 9, 2024 (Xinhua) -- The Lao president received a Chinese delegation on Saturday.",
     "2024-03-09", "dateline", "Xinhua", ["2024-03-09"]),
    ("Phnom Penh, June 3, 2022 (AKP) – The Cambodian king received the Lao envoy at the Royal Palace.",
     "2022-06-03", "dateline", "AKP", ["2022-06-03"]),
    ("PHNOM PENH, Cambodia, Feb. 3, 2026 (Xinhua) -- The Lao president arrived for a state visit on Tuesday.",
     "2026-02-03", "dateline", "Xinhua", ["2026-02-03"]),
    ("Vientiane, 3 February 2026 (KPL) - The Lao president received the Thai envoy at the palace on Tuesday.",
     "2026-02-03", "dateline", "KPL", ["2026-02-03"]),
    ("VIENTIANE, Laos, Feb. 3 (Xinhua) -- The Lao president received a Chinese delegation on Tuesday.",
     None, None, "Xinhua", []),
    ("NDO/VNA – The Lao National Assembly chair met Vietnamese deputies in Vientiane on Tuesday, officials said.",
     None, None, "NDO", []),
    ("Vientiane, February 5 (VNA) – The Lao National Assembly chair met Vietnamese deputies on Tuesday.",
     None, None, "VNA", []),
    ("NDO – The Permanent Member of the Party Secretariat received a Lao delegation in Hanoi on Monday.",
     None, None, "NDO", []),
    # the outlet and the date inside the brackets, with or without a dash after them
    ("ROME (Il Corriere Estero / ANSA - 4th November, 2020) The Italian foreign minister met his Lao "
     "counterpart in Rome on Wednesday.", "2020-11-04", "dateline", "Il Corriere Estero / ANSA", ["2020-11-04"]),
    ("Jakarta (Antara, March 3, 2019) - The Indonesian president received the Lao premier at the palace.",
     "2019-03-03", "dateline", "Antara", ["2019-03-03"]),
    ("KUALA LUMPUR (Bernama - 12 August 2022) -- The Malaysian king received the Lao envoy on Friday morning.",
     "2022-08-12", "dateline", "Bernama", ["2022-08-12"]),
    ("New Delhi (Press Service | 21st of June, 2018) The Indian prime minister met the Lao president today.",
     "2018-06-21", "dateline", "Press Service", ["2018-06-21"]),
    ("BANGKOK, 3rd March 2019 (Bernama) - The Thai prime minister met the Lao leader in Bangkok on Sunday.",
     "2019-03-03", "dateline", "Bernama", ["2019-03-03"]),
    # a bracket without a full date is no dated dateline
    ("SEOUL (Yonhap, Monday) - The Korean prime minister met the Lao deputy premier in Seoul, officials said.",
     None, None, None, []),
    # a header date wins over the dateline's, and the dateline date still counts as a body date
    (" date 2021-01-16 BEIJING, Jan. 15 (Xinhua) -- The Chinese president sent a message to the Lao leader.",
     "2021-01-16", "header", "Xinhua", ["2021-01-15"]),
]


@pytest.mark.parametrize("text,published,published_from,outlet,body_dates", DATELINES)
def test_datelines(extract, text, published, published_from, outlet, body_dates):
    record = extract(text)
    assert (record["published"], record["published_from"], record["outlet"]) == (published, published_from, outlet)
    assert dates(record) == body_dates


# (lines before the body, published, the body's "Friday") — stamp lines and the header give `published`,
# never a body date.
BODY = "The Lao prime minister received the Vietnamese ambassador in Vientiane on Friday afternoon, officials said."
STAMPS = [
    ("Laos, Vietnam boost ties\n\n02/02/2026 17:52\n", "2026-02-02", "2026-01-30"),
    ("Laos, Vietnam boost ties\n\nOctober 17, 2024 - 15:53\n", "2024-10-17", "2024-10-18"),
    ("Vietnam, Cambodia target trade\n\nDec 11, 2023 / 21:37\n\n", "2023-12-11", "2023-12-08"),
    ("Vietnam, Cambodia target trade\nUpdated: 14:05 05/02/2026\n", "2026-02-05", "2026-02-06"),
    ("Vietnam, Cambodia target trade\nThursday, February 5, 2026 10:30\n", "2026-02-05", "2026-02-06"),
    ("Vietnam, Cambodia target trade\nThursday, 5/2/2026, 10:30 (GMT+7)\n", "2026-02-05", "2026-02-06"),
    ("Vietnam, Cambodia target trade\nPublished: February 5, 2026\n", "2026-02-05", "2026-02-06"),
    ("Vietnam, Cambodia target trade\nPosted on 2026-02-05 10:30\n", "2026-02-05", "2026-02-06"),
    ("Vietnam, Cambodia target trade\nThu, 05 Feb 2026 10:30:00 GMT+7\n", "2026-02-05", "2026-02-06"),
    ("Vietnam, Cambodia target trade\n05 February 2026\n", "2026-02-05", "2026-02-06"),
    ("By Tran Van Minh   March 16, 2019 | 08:31 am GMT+7\n\n", "2019-03-16", "2019-03-15"),
    ("Vietnam, Cambodia target trade\n05.02.2026 | 10:30\n", "2026-02-05", "2026-02-06"),
    ("Vietnam, Cambodia target trade\nPUBLISHED : 5 Feb 2026 at 10:30\n", "2026-02-05", "2026-02-06"),
    ("Khmer Times\nLast updated: 5 Feb 2026\n", "2026-02-05", "2026-02-06"),
    (" date 2026-02-02 ", "2026-02-02", "2026-01-30"),
    # bylines and labelled dates, in the languages the region's sites write their months in
    ("Laos, Indonesia boost ties\nBy Dewi Lestari     Date 6 Februari 2026\n", "2026-02-06", "2026-02-06"),
    ("Laos, Indonesia boost ties\nBy Admin   Tanggal 5 Agustus 2025\n", "2025-08-05", "2025-08-01"),
    ("Laos, Malaysia boost ties\nPosted on 4 Disember 2025 by Webmaster\n", "2025-12-04", "2025-12-05"),
    ("Laos, Malaysia boost ties\nBy Ahmad Razak | Published 11 Mac 2024\n", "2024-03-11", "2024-03-08"),
    ("Laos, Thailand boost ties\nUpdated 22nd of October, 2024\n", "2024-10-22", "2024-10-18"),
    ("Laos, Thailand boost ties\nPosted by Somchai Jaidee on Oct. 22, 2024\n", "2024-10-22", "2024-10-18"),
    ("Laos, Vietnam boost ties\nThứ Sáu, 07/06/2024\n", "2024-06-07", "2024-06-07"),
    ("Laos, Indonesia boost ties\nSelasa, 16 Juli 2024 | 10:30 WIB\n", "2024-07-16", "2024-07-12"),
    ("Laos, Vietnam boost ties\nThứ Năm, ngày 16 tháng 9 năm 2021\n", "2021-09-16", "2021-09-17"),
    ("Laos, Vietnam boost ties\nCập nhật: ngày 4 tháng 11, 2025 08:15\n", "2025-11-04", "2025-10-31"),
]


@pytest.mark.parametrize("head,published,friday", STAMPS)
def test_stamp_lines_give_published_not_body_dates(extract, head, published, friday):
    record = extract(head + BODY)
    assert record["published"] == published
    assert dates(record) == [friday]


def test_header_beats_stamp(extract):
    record = extract(" date 2026-02-04 Vietnam, Laos boost ties\n02/02/2026 17:52\n" + BODY)
    assert (record["published"], record["published_from"]) == ("2026-02-04", "header")


@pytest.mark.parametrize("line", [
    "The two sides signed a deal on 02/02/2026 and set up a working group, officials said in Hanoi at 10:30.",
    "Laos and Vietnam agreed on 5 February 2026 to raise trade, the statement said.",
    "The talks began at 10:30 on February 5, 2026 in Hanoi.",
    "Talks opened 09:00 on 05/02/2026 at the Presidential Palace in Vientiane",
    "By March 3, 2019 the two sides will have opened the new bridge.",
    "Vietnam sets a date for the talks on 5 May 2026",
    "The treaty was published on 5 May 2026 in the official gazette of both countries.",
])
def test_prose_with_a_date_is_not_a_stamp(extract, line):
    record = extract(line)
    assert record["published"] is None
    assert record["published_from"] is None


# Trailing boilerplate: nothing after the sign-off is the article.
TAIL = ("Lao Deputy Prime Minister Saleumxay Kommasith received the Thai envoy Somchai Jaidee "
        "on March 9, 2026.")
STORY = ("Prime Minister Pham Minh Chinh held talks with his Lao counterpart Sonexay Siphandone in Hanoi on "
         "February 3, 2026.\nThe two sides agreed to expand cooperation in energy and transport, officials said.")
SIGN_OFFS = [
    STORY + " — VNA/VNS\nRelated news\n" + TAIL,
    STORY + "\n— VNA/VNS\n" + TAIL,
    STORY + "\nKPL\n" + TAIL,
    STORY + "\n(TNA)\n" + TAIL,
    STORY + "\nBy Khamla Phommachanh\n" + TAIL,
    STORY + "\nRead more\n" + TAIL,
    STORY + "\nRELATED ARTICLES\n" + TAIL,
    STORY + "\nTags: Laos, Vietnam, energy\n" + TAIL,
    STORY + "\nYou may also like\n" + TAIL,
    STORY + " The talks closed with a joint statement./.\n" + TAIL,
    STORY + " The talks closed with a joint statement. Enditem\n" + TAIL,
]


@pytest.mark.parametrize("text", SIGN_OFFS)
def test_nothing_after_the_sign_off_counts(extract, text):
    record = extract(text)
    assert names(record) >= {"pham minh chinh", "sonexay siphandone"}
    assert "saleumxay kommasith" not in names(record)
    assert "somchai jaidee" not in names(record)
    assert dates(record) == ["2026-02-03"]


def test_a_byline_under_the_lead_is_not_a_sign_off(extract):
    text = ("Vietnam and Laos agree to expand energy trade\n" + STORY.split("\n")[0] +
            "\nBy Khamla Phommachanh\nThe two sides agreed to build a new power line by 2028, officials said.")
    record = extract(text)
    assert dates(record) == ["2026-02-03", "2028"]
    assert "khamla phommachanh" not in names(record)


def test_a_link_line_inside_the_story_is_skipped(extract):
    text = (STORY + "\nRead more: Lao premier Bounmy Saysana meets Thai envoy on March 9, 2026\n"
            "The ministers also discussed a new bridge due to open in 2027, officials said.")
    record = extract(text)
    assert dates(record) == ["2026-02-03", "2027"]
    assert "bounmy saysana" not in names(record)


# Site menus and topic bars before the body.
MENUS = [
    "Home | Politics | Business | World | Society\nPolitics\nVietnam, Laos hold talks\n" + STORY,
    ("Vientiane Times\nHome\nLao\nAudio/ Video news\nSubscribe now !\n\nVietnam, Laos hold talks\n"
     "By Khamla Phommachanh\n" + STORY),
    ("Asian Games 2026 Mekong Summit 2025 Lunar New Year 2026 Vietnam - Laos Friendship Year 2027 Hanoi "
     "Marathon 2026 Smart City Expo 2025 Digital Economy Week 2026 Women Leaders Forum 2025 Green Growth "
     "Summit 2026 Red River Festival 2027 National Day 2026 Vietnam - Cambodia Expo 2025 Tourism Week 2026\n"
     + STORY),
]


@pytest.mark.parametrize("text", MENUS)
def test_menus_before_the_body_are_not_read(extract, text):
    record = extract(text)
    assert dates(record) == ["2026-02-03"]
    assert names(record) >= {"pham minh chinh", "sonexay siphandone"}
    assert "khamla phommachanh" not in names(record)


def test_title_is_the_last_header_line(extract):
    assert extract(MENUS[0])["title"] == "Vietnam, Laos hold talks"


# Photo credits: the credit goes, the caption stays.
CAPTION = ("Prime Minister Pham Minh Chinh and his Lao counterpart Sonexay Siphandone at the talks in Hanoi "
           "on February 3, 2026.")
CREDITS = [
    ("Photo: VNA", "Photo: VNA"),
    ("(Photo: VNA)", "(Photo: VNA)"),
    ("--Photo VNA/VNS", "--Photo VNA/VNS"),
    ("Photos: Nhat Bac", "Photos: Nhat Bac"),
    ("— VNA/VNS Photo Duong Giang", "— VNA/VNS Photo Duong Giang"),
    ("VNA Photo: Duong Giang", "VNA Photo: Duong Giang"),
    ("(Photo: Tran Hai Nam)", "(Photo: Tran Hai Nam)"),
    ("Photo courtesy of Bui Thu Ha", "Photo courtesy of Bui Thu Ha"),
    ("Photo by VnExpress/Giang Huy", "Photo by VnExpress/Giang Huy"),
    ("(Photo: VGP/Nhat Bac)", "(Photo: VGP/Nhat Bac)"),
    ("Photo: Xinhua/Li Xin", "Photo: Xinhua/Li Xin"),
    ("(Illustrative photo: VNA)", "(Illustrative photo: VNA)"),
    ("(Photo: baochinhphu.vn)", "(Photo: baochinhphu.vn)"),
    ("Photo: VNA The talks lasted two hours.", "Photo: VNA"),
]


@pytest.mark.parametrize("credit,expected", CREDITS)
def test_photo_credit_spans(credit, expected):
    line = CAPTION + " " + credit
    assert [line[s:e].strip() for s, e in photo_credits(line)] == [expected]


@pytest.mark.parametrize("line", [
    "Photo exhibition on Lao-Vietnamese friendship opens in Hanoi.",
    "The photo of the two leaders was shown at the exhibition in Vientiane.",
])
def test_photo_as_a_word_is_not_a_credit(line):
    assert photo_credits(line) == []


@pytest.mark.parametrize("credit", ["Photos: Nhat Bac", "(Photo: Tran Hai Nam)", "— VNA/VNS Photo Duong Giang",
                                    "Photo courtesy of Bui Thu Ha", "Photo by VnExpress/Giang Huy"])
def test_credit_names_are_not_people_but_the_caption_counts(extract, credit):
    text = CAPTION + " " + credit + "\nThe two sides agreed to deepen cooperation in the years ahead, officials said."
    record = extract(text)
    assert names(record) >= {"pham minh chinh", "sonexay siphandone"}
    for credited in ("nhat bac", "tran hai nam", "duong giang", "bui thu ha", "giang huy"):
        assert credited not in names(record)
    assert dates(record) == ["2026-02-03"]


@pytest.mark.parametrize("text", [
    "Source: VNA",
    "(Photo: Vientiane Times)",
])
def test_credit_lines_inside_the_story_are_skipped(extract, text):
    record = extract(STORY.replace("\n", "\n" + text + "\n"))
    assert dates(record) == ["2026-02-03"]


# Repeated paragraphs count once, also when one copy carries a dateline or an agency tag.
REPEATS = [
    "Hanoi (VNA) – {p}\n{p}",
    "{p}\nVIENTIANE, Feb. 3 (Xinhua) -- {p}",
    "KPL {p}\n\n(KPL) {p}",
    "{p}\n{p}",
    "{p}./.\n{p}./.",
]
PARAGRAPH = ("Lao Prime Minister Sonexay Siphandone will visit Hanoi from February 5-6, 2026 to co-chair the "
             "annual meeting of the Intergovernmental Committee.")


@pytest.mark.parametrize("layout", REPEATS)
def test_repeated_paragraphs_count_once(extract, layout):
    record = extract(layout.format(p=PARAGRAPH))
    assert [(d["start"], d["end"], len(d["mentions"])) for d in record["dates"]] == [
        ("2026-02-05", "2026-02-06", 1)]


@pytest.mark.parametrize("text,reason,expected", [
    ("Vietnam, Laos hold talks\n02/02/2026 17:52\n" + LEAD, "stamp", ["02/02/2026 17:52"]),
    # the headline is read as a sentence of the article; the section name above the body is not
    ("Vietnam, Laos hold talks\nPolitics\n" + LEAD, "header", ["Politics"]),
    (STORY + "\nBy Khamla Phommachanh\nSomething else entirely.", "after sign-off",
     ["By Khamla Phommachanh\nSomething else entirely."]),
    (LEAD + "\nBy Khamla Phommachanh\nSomething else entirely.", "byline", ["By Khamla Phommachanh"]),
])
def test_read_article_ranges(text, reason, expected):
    assert ignored_text(text, reason) == expected


@pytest.mark.parametrize("written,expected", [
    ("16 Februari 2016", "2016-02-16"), ("3 Maret 2019", "2019-03-03"), ("1 Mei 2020", "2020-05-01"),
    ("30 Juni 2021", "2021-06-30"), ("9 Oktober 2022", "2022-10-09"), ("25 Desember 2023", "2023-12-25"),
    ("2 Julai 2024", "2024-07-02"), ("14 Ogos 2019", "2019-08-14"), ("1er", None),
    ("7th September, 2021", "2021-09-07"), ("2nd of January 2018", "2018-01-02"), ("Sept. 1, 2017", "2017-09-01"),
    ("Nov 23rd, 2025", "2025-11-23"), ("12 AOÛT 2020", "2020-08-12"), ("31 Februari 2016", None),
])
def test_written_dates_in_several_languages(written, expected):
    match = WORD_DATE.search(written)
    assert (word_date(match).isoformat() if match and word_date(match) else None) == expected


# A headline is a sentence of the article: an event told only there is found, once, and a long topic
# bar above the body stays unread.
@pytest.mark.parametrize("head,body,visitor", [
    ("Thai PM meets visiting Lao foreign minister\n",
     "Thai Prime Minister Srettha Thavisin met Lao Foreign Minister Saleumxay Kommasith in Bangkok on Monday "
     "to discuss trade, his office said.", "Saleumxay Kommasith"),
    (" date 2024-03-04 Japanese premier hosts visiting Vietnamese president\n",
     "Japanese Prime Minister Fumio Kishida met Vietnamese President Vo Van Thuong in Tokyo on Monday and "
     "discussed investment, officials said.", "Vo Van Thuong"),
])
def test_an_event_told_only_in_the_headline_is_found(extract, head, body, visitor):
    plain = extract(body)
    record = extract(head + body)
    visits = [e for e in record["events"] if e["type"] == "visit"]
    assert not [e for e in plain["events"] if e["type"] == "visit"]
    assert [e["actors"] for e in visits] == [[visitor]]
    assert len(record["events"]) == len(plain["events"]) + 1


def test_a_headline_repeating_the_body_adds_nothing(extract):
    body = ("Lao Prime Minister Sonexay Siphandone will pay an official visit to Cambodia from March 5-6, 2026, "
            "the Lao foreign ministry said.")
    plain, record = extract(body), extract("Lao PM to visit Cambodia\n" + body)
    strip = lambda r: [{k: v for k, v in e.items() if k not in ("evidence", "mentions")} for e in r["events"]]
    assert strip(record) == strip(plain)
    assert dates(record) == dates(plain)


@pytest.mark.parametrize("text", [
    "Lao PM visits Hanoi for talks",
    "Home | News\nThai premier meets visiting Lao minister",
])
def test_a_headline_without_a_body_stays_unread(text):
    assert ignored_text(text, "header")[-1] == text.split("\n")[-1]
