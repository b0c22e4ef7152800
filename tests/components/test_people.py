"""People: names of every origin, honorifics dropped, short forms joined, non-names left out, the registry.

Every text here is written for these tests, in the ways diplomatic news names people.
"""
from __future__ import annotations

import datetime
import json
import unicodedata

import pytest

from vnlao_extract.extract import extract_text
from vnlao_extract.inputs import normalize_text
from vnlao_extract.pipeline import build_pipeline
from vnlao_extract.registry import fold

from ..records import person

D = datetime.date


def names(record: dict) -> list[str]:
    return [p["name"] for p in record["people"]]


# (text, {name: country}) -- exactly these people, with these countries
NAMES = [
    # Vietnamese: three or four syllables, with or without diacritics
    ("Deputy Minister of Foreign Affairs Đỗ Hùng Việt briefed the press on the outcome of the visit.",
     {"Đỗ Hùng Việt": "VN"}),
    ("Deputy Minister of Foreign Affairs Do Hung Viet briefed the press on the outcome of the visit.",
     {"Do Hung Viet": "VN"}),
    ("Ms. Phan Thị Mỹ Linh, a teacher from Nghe An, received a friendship medal from the Lao side.",
     {"Phan Thị Mỹ Linh": "VN"}),
    ("Nguyễn Thị Hồng Nhung, 34, runs a small shop near the border gate and sells Lao coffee.",
     {"Nguyễn Thị Hồng Nhung": "VN"}),
    ("Nguyen Van Khanh, a trader from Quang Tri, said business across the border had doubled.",
     {"Nguyen Van Khanh": "VN"}),
    ("Ms. H'Hen Niê, a delegate from the Central Highlands, joined the youth delegation to Laos.",
     {"H'Hen Niê": "VN"}),
    # Lao: given name + family name, Mr./Madam/Ms.
    ("Mr. Khamsouk Vongphachanh, Lao Deputy Minister of Public Works and Transport, inspected the road.",
     {"Khamsouk Vongphachanh": "LA"}),
    ("Madam Souphaphone Keomanivong said the Lao Women's Union would send twenty volunteers.",
     {"Souphaphone Keomanivong": "LA"}),
    ("Ms. Viengkham Phanthavong explained how the new school in Oudomxay province was funded.",
     {"Viengkham Phanthavong": "LA"}),
    ("The visit was prepared by Lao Deputy Foreign Minister Phoxay Khaykhamphithoune and his team.",
     {"Phoxay Khaykhamphithoune": "LA"}),
    # Khmer: honorifics dropped from the name
    ("Samdech Techo Hun Sen thanked the Vietnamese volunteers who had helped Cambodia in the past.",
     {"Hun Sen": "KH"}),
    ("Samdech Akka Moha Sena Padei Techo Hun Sen received the visiting delegation at his residence.",
     {"Hun Sen": "KH"}),
    ("Samdech Moha Bovor Thipadei Hun Manet presided over the graduation ceremony in Phnom Penh.",
     {"Hun Manet": "KH"}),
    ("H.E. Keo Rithyvong, Secretary of State of the Ministry of Commerce, led the Cambodian team.",
     {"Keo Rithyvong": "KH"}),
    ("Lok Chumteav Pich Sovannary, Cambodian Minister of Tourism, opened the travel fair in Siem Reap.",
     {"Pich Sovannary": "KH"}),
    ("Samdech Vibol Sena Pheakdei Say Chhum and Samdech Kralahom Sar Kheng received the Lao guests.",
     {"Say Chhum": "KH", "Sar Kheng": "KH"}),
    ("Samdech Moha Rathsapheathika Thipadei Khuon Sudary opened the parliamentary session in Phnom Penh.",
     {"Khuon Sudary": "KH"}),
    # Chinese
    ("Chinese President Xi Jinping sent a message of congratulations to the Lao leader on Monday.",
     {"Xi Jinping": "CN"}),
    ("Foreign Minister Wang Yi said China would keep supporting the railway project in Laos.",
     {"Wang Yi": "CN"}),
    ("Vice Premier Zhang Wenhao met the guests in Beijing and discussed rail freight with them.",
     {"Zhang Wenhao": "CN"}),
    # Thai, hyphenated
    ("Thai Prime Minister Prayut Chan-o-cha opened the friendship bridge with his Lao guests.",
     {"Prayut Chan-o-cha": "TH"}),
    ("Srettha Thavisin said Thailand wanted more trains to run between Bangkok and Vientiane.",
     {"Srettha Thavisin": "TH"}),
    ("Deputy Prime Minister Wissanu Krea-ngam chaired the legal committee meeting in Bangkok.",
     {"Wissanu Krea-ngam": "TH"}),
    ("Mr. Bounthavy Kham-Ouane, the Lao consul, welcomed the students in Khon Kaen city.",
     {"Bounthavy Kham-Ouane": "LA"}),
    # a one-word city that is also a given name ends a Vietnamese name
    ("Ms Nguyen Thi Hue, a nurse, travelled from Vinh to Vientiane with Tran Van Vinh last month.",
     {"Nguyen Thi Hue": "VN", "Tran Van Vinh": "VN"}),
    # a common word that is also a given name: "An", "Thai"
    ("Deputy Minister Nguyễn Văn An said an agreement on labour would be signed in Hanoi.",
     {"Nguyễn Văn An": "VN"}),
    ("A street in Vientiane bears the name of Nguyen Thai Hoc, whom the Thai guide also mentioned.",
     {"Nguyen Thai Hoc": "VN"}),
    # names from the registry, of every period
    ("Under President Kaysone Phomvihane and President Ho Chi Minh, the two parties built their alliance.",
     {"Kaysone Phomvihane": "LA", "Ho Chi Minh": "VN"}),
]


@pytest.mark.parametrize("text, expected", NAMES)
def test_names(extract, text, expected):
    record = extract(text)
    assert sorted(names(record)) == sorted(expected)
    for name, country in expected.items():
        assert person(record, name)["country"] == country, name


INTRODUCED = [  # no title, but a name of known origin that speaks or is introduced
    ("Khamphou Sengsouvanh said the rice harvest in Savannakhet had been good this year.",
     {"Khamphou Sengsouvanh": "LA"}),
    ("According to Sok Vanna, prices at the border market rose sharply in the dry season.", {"Sok Vanna": "KH"}),
    ("Somphone Keola, 52, a farmer near Vientiane, welcomed the new irrigation canal.", {"Somphone Keola": "LA"}),
    ("“The railway changed our lives,” said Li Mingyu, who runs a shop in Boten.", {"Li Mingyu": "CN"}),
    ("Lê Hoàng Nam, an engineer, told reporters the bridge would open in May.", {"Lê Hoàng Nam": "VN"}),
    # organisations and places that speak are not people
    ("Human Rights Watch said the report would be published later in the year.", {}),
    ("The Asian Development Bank said growth in Laos would reach four percent.", {}),
    ("Vientiane Capital said it would plant more trees along the Mekong river.", {}),
]


@pytest.mark.parametrize("text, expected", INTRODUCED)
def test_introduced_names(extract, text, expected):
    record = extract(text)
    assert sorted(names(record)) == sorted(expected)
    for name, country in expected.items():
        assert person(record, name)["country"] == country


@pytest.mark.parametrize(
    "text, name",
    [
        ("Prime Minister Nguyen Xuan Phuc’s proposal was welcomed by the Lao side at the meeting.",
         "Nguyen Xuan Phuc"),
        ("Prime Minister Sonexay Siphandone's visit to Hanoi was his first since taking office.",
         "Sonexay Siphandone"),
        ("The proposals of Nguyễn Văn Khánh. were welcomed by the committee, officials said later.",
         "Nguyễn Văn Khánh"),
    ],
)
def test_possessive_and_full_stop_not_in_name(extract, text, name):
    assert names(extract(text)) == [name]


def test_decomposed_text_gives_composed_names(extract):
    text = unicodedata.normalize("NFD", "Deputy Prime Minister Trần Hồng Hà met Ms. Lê Thị Thu Hằng on "
                                        "Friday.")
    record = extract(normalize_text(text))
    assert sorted(names(record)) == sorted(["Trần Hồng Hà", "Lê Thị Thu Hằng"])
    assert all(unicodedata.is_normalized("NFC", n) for n in names(record))


SHORT_FORMS = [
    ("General Secretary Tô Lâm received the Lao envoy on Monday. Lâm said the two parties shared a long "
     "history.", "Tô Lâm", "Lâm"),
    ("Prime Minister Phạm Minh Chính chaired the cabinet meeting. Chính asked ministries to speed up spending.",
     "Phạm Minh Chính", "Chính"),
    ("Thongloun Sisoulith thanked Vietnam for its support over many years. Thongloun also praised the "
     "students.", "Thongloun Sisoulith", "Thongloun"),
    ("Chinese President Xi Jinping welcomed the guests warmly. Xi said both sides should deepen trust.",
     "Xi Jinping", "Xi"),
    ("Samdech Moha Bovor Thipadei Hun Manet visited the border area. Later, Hun Manet met local farmers.",
     "Hun Manet", "Hun Manet"),
    ("Deputy Minister Trần Văn Quyết spoke first at the forum. Quyết said the road would be finished soon.",
     "Trần Văn Quyết", "Quyết"),
    ("Lao Deputy Minister Khamsouk Vongphachanh inspected the road on Monday. Khamsouk said work was late.",
     "Khamsouk Vongphachanh", "Khamsouk"),
    ("Chinese Foreign Minister Wang Yi arrived in Vientiane on Monday. Wang said the railway was a success.",
     "Wang Yi", "Wang"),
    ("Thai Prime Minister Srettha Thavisin arrived on Tuesday for talks. Srettha said trade could double.",
     "Srettha Thavisin", "Srettha"),
]


@pytest.mark.parametrize("text, name, short", SHORT_FORMS)
def test_short_forms_join_the_person(extract, text, name, short):
    record = extract(text)
    assert names(record) == [name]
    found = person(record, name)
    assert len(found["mentions"]) == 2
    assert fold(short) in {fold(a) for a in found["aliases"]} | {fold(found["name"])}


NOT_PEOPLE = [
    ("Vientiane Times reported that the new railway carried more goods in the first half of the year.",
     []),
    ("Passengers at Wattay International Airport greeted the leader with flowers on Sunday morning.", []),
    ("The talks took place at the Peace Palace in Phnom Penh, the Cambodian capital, on Friday.", []),
    ("Residents of Ho Chi Minh City gathered on Tran Hung Dao Street to welcome the guests yesterday.", []),
    ("The Kaysone Phomvihane Museum and the Souphanouvong University hosted the young delegates.", []),
    ("Students from the Ho Chi Minh National Academy of Politics visited the Lao National Assembly.", []),
    ("The Nguyen Du School in Vientiane celebrated its twentieth anniversary with a concert on Friday.", []),
    ("Lao Airlines added flights from Vientiane to Ho Chi Minh City and Da Nang this summer.", []),
    ("The Thai Lao Friendship Bridge was closed for repairs during the Boun That Luang Festival.", []),
    ("Prime Minister Phạm Minh Chính spoke at the event. (Photo: Nguyễn Văn Điệp)", ["Phạm Minh Chính"]),
    ("Prime Minister Phạm Minh Chính spoke at the event held in the capital. Photo: Trần Hải Nam/VNA",
     ["Phạm Minh Chính"]),
    ("Prime Minister Phạm Minh Chính speaks at the event held in the capital (Photo courtesy of Lê Văn Tâm).",
     ["Phạm Minh Chính"]),
    ("Prime Minister Phạm Minh Chính speaks at the event held in the capital. Photo by Nguyễn Hồng Điệp",
     ["Phạm Minh Chính"]),
    ("The two leaders laid flowers at the Ho Chi Minh Mausoleum and walked along the Ho Chi Minh Trail.", []),
    ("Party members studied Xi Jinping Thought at the Central Party School in Beijing last month.", []),
    ("Hoang Lien Son mountain range and Dien Bien Phu attract many tourists from Laos every year.", []),
    ("Hoang Anh Gia Lai Group invested in rubber plantations in Attapeu province years ago.", []),
    ("The Souphanouvong University and the National University of Laos signed a deal with Hue University.", []),
]


@pytest.mark.parametrize("text, expected", NOT_PEOPLE)
def test_places_events_and_credits_are_not_people(extract, text, expected):
    assert names(extract(text)) == expected


def test_byline_is_not_a_person(extract):
    text = ("Vietnam and Laos sign deal on power trade\n"
            "By Souksakhone Vaenkeo\n"
            "Prime Minister Sonexay Siphandone said the power deal would help both countries grow.\n")
    assert names(extract(text)) == ["Sonexay Siphandone"]


# ----------------------------------------------------------------------------------------- registry

REGISTRY_NAMES = [  # written without any title: found through actors.jsonl
    ("Sonexay Siphandone told the meeting that rail freight had doubled this year.", "Sonexay Siphandone", "LA"),
    ("Pham Minh Chinh said the expressway would link Hanoi with Vientiane within a decade.", "Pham Minh Chinh",
     "VN"),
    ("Hun Manet and Paetongtarn Shinawatra agreed to reopen the border checkpoints soon.", "Hun Manet", "KH"),
    ("Hun Manet and Paetongtarn Shinawatra agreed to reopen the border checkpoints soon.",
     "Paetongtarn Shinawatra", "TH"),
    ("Wang Yi and Saleumxay Kommasith discussed the railway over dinner in Vientiane.", "Saleumxay Kommasith",
     "LA"),
]


@pytest.mark.parametrize("text, name, country", REGISTRY_NAMES)
def test_registry_names_without_title(extract, text, name, country):
    found = person(extract(text), name)
    assert found["registry_id"] is not None
    assert found["country"] == country


@pytest.mark.parametrize(
    "text, published, name",
    [
        ("PM Chính said Vietnam would always stand by Laos in its development.", D(2024, 3, 10), "Phạm Minh Chính"),
        ("NA Chairman Huệ agreed with the proposal of the Lao delegation.", D(2022, 3, 10), "Vương Đình Huệ"),
        ("Mr Sonexay said the two countries would finish the expressway soon.", D(2024, 3, 10),
         "Sonexay Siphandone"),
        ("Mr Thongloun said the two countries would finish the expressway soon.", D(2024, 3, 10),
         "Thongloun Sisoulith"),
    ],
)
def test_short_form_alone_found_through_title_or_honorific(extract, text, published, name):
    record = extract(text, published)
    assert names(record) == [name]
    assert person(record, name)["registry_id"] is not None


@pytest.mark.parametrize(
    "text",
    [
        "Mr Li said the two countries would finish the expressway soon.",  # several actors go by "Li"
        "Sonexay said the two countries would finish the expressway soon.",  # no title, no honorific
    ],
)
def test_short_form_alone_needs_an_anchor_and_one_actor(extract, text):
    assert names(extract(text, D(2024, 3, 10))) == []


def _references(record):
    return {r["text"]: r["person"] for r in record["references"]}


@pytest.mark.parametrize(
    "text, published, reference, expected",
    [
        ("The Lao Prime Minister praised the project during the visit.", D(2019, 5, 10),
         "Lao Prime Minister", "Thongloun Sisoulith"),
        ("The Lao Prime Minister praised the project during the visit.", D(2025, 5, 10),
         "Lao Prime Minister", "Sonexay Siphandone"),
        ("The Lao Prime Minister praised the project during the visit.", D(2022, 1, 10),
         "Lao Prime Minister", "Phankham Viphavanh"),
        ("The Lao President sent a message to the conference on the anniversary.", D(2018, 3, 1),
         "Lao President", "Bounnhang Vorachith"),
        ("The Lao President sent a message to the conference on the anniversary.", D(2024, 3, 1),
         "Lao President", "Thongloun Sisoulith"),
        ("The Cambodian premier will visit Hanoi next month, officials said.", D(2020, 6, 1),
         "The Cambodian premier", "Hun Sen"),
        ("The Cambodian premier will visit Hanoi next month, officials said.", D(2024, 6, 1),
         "The Cambodian premier", "Hun Manet"),
        ("The Thai Prime Minister arrived in Vientiane by train on Friday.", D(2024, 1, 15),
         "Thai Prime Minister", "Srettha Thavisin"),
        ("The Vietnamese President attended the ceremony on Monday morning.", D(2025, 3, 3),
         "Vietnamese President", "Lương Cường"),
        ("The Vietnamese Party chief praised the plan at the plenum.", D(2020, 3, 10),
         "The Vietnamese Party chief", "Nguyễn Phú Trọng"),
        ("The Lao Party leader praised the plan at the plenum.", D(2020, 3, 10),
         "The Lao Party leader", "Bounnhang Vorachith"),
        ("The Chinese top legislator sent a message to the assembly.", D(2020, 3, 10),
         "The Chinese top legislator", "Li Zhanshu"),
        ("The President of the National Assembly of Laos opened the session.", D(2023, 3, 10),
         "President of the National Assembly of Laos", "Saysomphone Phomvihane"),
    ],
)
def test_references_resolve_to_office_holder_on_date(extract, text, published, reference, expected):
    assert _references(extract(text, published)).get(reference) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("The Lao Prime Minister praised the project. His Vietnamese counterpart agreed with him.",
         D(2019, 5, 10), "Nguyễn Xuân Phúc"),
        ("The Lao Prime Minister praised the project. His Vietnamese counterpart agreed with him.",
         D(2024, 5, 10), "Phạm Minh Chính"),
        ("Lao Foreign Minister Saleumxay Kommasith met his Cambodian counterpart on Monday afternoon.",
         D(2021, 6, 1), "Prak Sokhonn"),
        ("Vietnamese President Lương Cường called his Lao counterpart on Monday evening.",
         D(2025, 2, 1), "Thongloun Sisoulith"),
        ("Deputy Prime Minister and Foreign Minister Saleumxay Kommasith met his Vietnamese counterpart.",
         D(2022, 6, 1), "Bùi Thanh Sơn"),
        ("Saleumxay Kommasith met his counterpart from Thailand in Bangkok on Friday.",
         D(2022, 6, 1), "Don Pramudwinai"),
    ],
)
def test_counterpart_reference(extract, text, published, expected):
    record = extract(text, published)
    found = [r for r in record["references"] if "counterpart" in r["text"]]
    assert found and found[0]["person"] == expected


def test_counterpart_reference_to_a_person_of_the_article(extract):
    text = ("Lao Prime Minister Sonexay Siphandone held talks with Vietnamese Prime Minister Phạm Minh Chính. "
            "Sonexay thanked his Vietnamese counterpart for the warm welcome.")
    record = extract(text, D(2024, 1, 10))
    found = [r for r in record["references"] if "counterpart" in r["text"]]
    assert found and found[0]["person"] == "Phạm Minh Chính" and found[0]["resolved_by"] == "article"


@pytest.mark.parametrize(
    "text, published, warned",
    [
        ("Prime Minister Thongloun Sisoulith welcomed the guests at the airport.", D(2023, 5, 1), True),
        ("Prime Minister Thongloun Sisoulith welcomed the guests at the airport.", D(2019, 5, 1), False),
        ("President Tô Lâm welcomed the guests at the Presidential Palace.", D(2025, 6, 1), True),
        ("President Tô Lâm welcomed the guests at the Presidential Palace.", D(2024, 8, 20), False),
        ("Former Prime Minister Thongloun Sisoulith welcomed the guests at the airport.", D(2023, 5, 1), False),
        ("Then-Prime Minister Thongloun Sisoulith welcomed the guests at the airport.", D(2023, 5, 1), False),
        ("Ex-President Nguyễn Xuân Phúc welcomed the guests at the Presidential Palace.", D(2024, 5, 1), False),
        ("Vice State President Võ Thị Ánh Xuân welcomed the guests at the airport.", D(2022, 5, 1), False),
        ("The late General Secretary Nguyễn Phú Trọng was remembered at the ceremony.", D(2025, 5, 1), False),
        ("General Secretary Nguyễn Phú Trọng's legacy was praised by the speakers.", D(2025, 5, 1), False),
        ("Prime Minister Sonexay Siphandone welcomed the guests at the airport.", None, False),
    ],
)
def test_warning_when_title_contradicts_registry(extract, text, published, warned):
    record = extract(text, published)
    assert bool(record["warnings"]) is warned, record["warnings"]


def test_user_actor_file_adds_and_overrides(tmp_path):
    path = tmp_path / "mine.jsonl"
    rows = [
        {"id": "khamla-vongsavath", "name": "Khamla Vongsavath", "country": "LA", "short": ["Khamla"],
         "offices": [{"role": "ambassador", "title": "Ambassador of the Lao PDR to Cambodia", "from": "2023",
                      "to": None}]},
        {"id": "sonexay-siphandone", "name": "Sonexay Siphandone", "country": "LA", "short": ["Sonexay"],
         "offices": [{"role": "prime_minister", "title": "Prime Minister", "from": "2021-01-01", "to": None}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    nlp = build_pipeline(actors=[path])
    text = ("Khamla Vongsavath met business leaders in Phnom Penh on Monday. Khamla said trade would grow. "
            "Prime Minister Sonexay Siphandone sent a letter.")
    record = extract_text(nlp, text, "t.txt", D(2022, 6, 1))
    found = person(record, "Khamla Vongsavath")
    assert found["registry_id"] == "khamla-vongsavath" and found["country"] == "LA"
    assert len(found["mentions"]) == 2
    assert record["warnings"] == []  # the user's dates replace the package's


def test_person_mentions_point_at_people(nlp):
    doc = nlp("General Secretary Tô Lâm met President Thongloun Sisoulith. Lâm thanked Thongloun for the visit.")
    mentions = doc._.person_mentions
    assert [m.span.text for m in mentions] == ["Tô Lâm", "Thongloun Sisoulith", "Lâm", "Thongloun"]
    assert mentions[0].person is mentions[2].person and mentions[1].person is mentions[3].person
    assert [p.name for p in doc._.people] == ["Tô Lâm", "Thongloun Sisoulith"]


NAME_PARTS = [  # (text, the words that can be part of a person's name)
    ("Thai Prime Minister Prayut Chan-o-cha opened the friendship bridge with his Lao guests.",
     ["Prayut", "Chan", "-", "o", "-", "cha"]),
    # lexicon words ("Thai", "Vinh") inside a Vietnamese name, not outside it
    ("A street in Vientiane bears the name of Nguyen Thai Hoc, whom the Thai guide also mentioned.",
     ["Nguyen", "Thai", "Hoc"]),
    ("The UN envoy and Mr. J. Smith met Ms Nguyen Thi Hue in Vinh on Monday.", ["Smith", "Nguyen", "Thi", "Hue"]),
]


@pytest.mark.parametrize("text, expected", NAME_PARTS)
def test_name_part(nlp, text, expected):
    assert [token.text for token in nlp(text) if token._.name_part] == expected


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("Prime Minister Anutin Charnvirakul toured the plant. The PM praised its workers.", "PM",
         "Anutin Charnvirakul"),
        # the latest holder named before, of the office named
        ("President Xi Jinping met Prime Minister Pham Minh Chinh. The President stressed trust.", "President",
         "Xi Jinping"),
        ("President Xi Jinping met Prime Minister Pham Minh Chinh. The Prime Minister stressed trust.",
         "Prime Minister", "Pham Minh Chinh"),
    ],
)
def test_bare_office_resolves_to_latest_holder(extract, text, reference, expected):
    assert _references(extract(text, D(2025, 10, 1))).get(reference) == expected


@pytest.mark.parametrize("text", [
    "The President stressed trust between the two nations.",       # nobody named holds it
    "Foreign Minister Wang Yi arrived. The President stressed trust.",  # the one named holds another office
])
def test_bare_office_without_holder_is_no_reference(extract, text):
    assert "President" not in _references(extract(text, D(2025, 10, 1)))


def test_a_registry_resolved_office_is_the_person_the_text_names(extract):
    # "his Lao counterpart, X" gives X no title; "the foreign minister of Laos" is X all the same
    text = ("Foreign Minister Wang Yi will meet his Lao counterpart, Saleumxay Kommasith, on Monday. "
            "Talks with the foreign minister of Laos will cover the railway.")
    record = extract(text, D(2022, 4, 1))
    assert _references(record).get("foreign minister of Laos") == "Saleumxay Kommasith"


def test_the_minister_of_a_country_is_its_minister_named(extract):
    text = ("Defence Minister Phan Van Giang held talks with his Lao counterpart Chansamone Chanyalath. "
            "The Lao minister is paying an official visit to Vietnam.")
    assert _references(extract(text, D(2022, 3, 14))).get("Lao minister") == "Chansamone Chanyalath"


def test_with_no_published_date_the_registry_is_read_on_the_first_date_written(extract):
    text = ("Indonesian President's state visit to Vietnam, March 10-11, 2025\n\n"
            "President Prabowo held talks with General Secretary To Lam in Hanoi.")
    record = extract(text)
    assert record["published"] is None
    assert "Prabowo Subianto" in {p["name"] for p in record["people"]}
    assert _references(record).get("Indonesian President") == "Prabowo Subianto"


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        ("Prime Minister Anwar Ibrahim met President Luong Cuong. The Malaysian leader praised the ties.",
         "The Malaysian leader", "Anwar Ibrahim"),
        ("President Prabowo Subianto met Prime Minister Shigeru Ishiba. The top Japanese leader agreed.",
         "The top Japanese leader", "Shigeru Ishiba"),
        ("Chairman Tran Thanh Man met Speaker Johari Abdul. The Vietnamese NA leader spoke first.",
         "The Vietnamese NA leader", "Tran Thanh Man"),
        ("President Luong Cuong met Prime Minister Anwar Ibrahim. Later the Malaysian premier left.",
         "the Malaysian premier", "Anwar Ibrahim"),
    ],
)
def test_a_leader_named_by_nationality(extract, text, reference, expected):
    assert _references(extract(text, D(2025, 1, 9))).get(reference) == expected
