"""Names across the region: honorifics dropped (H.E., Samdech, Dato' Sri, Pak, Haji, U, Daw, Gen., Dr.),
Indonesian single names, Thai given names used alone, Chinese, Korean and Japanese name order, Burmese
names, generational suffixes.

Every text here is written for these tests, in the ways regional news names people.
"""
from __future__ import annotations

import datetime

import pytest

from vnlao_extract.registry import fold

D = datetime.date


def by_name(record: dict) -> dict[str, dict]:
    return {p["name"]: p for p in record["people"]}


# (published, text, {name: country}) -- exactly these people
NAMES = [
    (D(2023, 8, 20), "H.E. Dato' Sri Anwar Ibrahim, Prime Minister of Malaysia, arrived in Hanoi on Monday.",
     {"Anwar Ibrahim": "MY"}),
    (D(2018, 5, 5), "Dato' Seri Ahmad Zahid Hamidi, Deputy Prime Minister of Malaysia, met the Lao envoy.",
     {"Ahmad Zahid Hamidi": "MY"}),
    (D(2024, 7, 2), "Pak Airlangga Hartarto told the forum in Jakarta that exports of nickel had grown again.",
     {"Airlangga Hartarto": "ID"}),
    (D(2017, 5, 10), "Deputy Minister U Aung Myo Thant and Daw Khin Thida Aye received the visitors from Laos.",
     {"Aung Myo Thant": "MM", "Khin Thida Aye": "MM"}),
    (D(2018, 3, 2), "Daw Aung San Suu Kyi and U Htin Kyaw welcomed Lao President Bounnhang Vorachith.",
     {"Aung San Suu Kyi": "MM", "Htin Kyaw": "MM", "Bounnhang Vorachith": "LA"}),
    (D(2020, 1, 15), "Sultan Haji Hassanal Bolkiah received the visiting Vietnamese minister at the palace.",
     {"Hassanal Bolkiah": "BN"}),
    (D(2022, 4, 4), "Gen. Prayut Chan-o-cha welcomed Dr. Retno Marsudi to Government House in Bangkok.",
     {"Prayut Chan-o-cha": "TH", "Retno Marsudi": "ID"}),
    (D(2016, 9, 7), "Samdech Techo Hun Sen and Tan Sri Dato' Seri Najib Tun Razak held talks in Vientiane.",
     {"Hun Sen": "KH", "Najib Tun Razak": "MY"}),
    (D(2024, 6, 10), "Chinese Premier Li Qiang held talks with South Korean President Yoon Suk Yeol in Seoul.",
     {"Li Qiang": "CN", "Yoon Suk Yeol": "KR"}),
    (D(2025, 6, 18), "Vietnamese Prime Minister Pham Minh Chinh met Japanese Prime Minister Ishiba Shigeru.",
     {"Pham Minh Chinh": "VN", "Ishiba Shigeru": "JP"}),
    (D(2024, 11, 10), "Indonesian President Prabowo Subianto met Foreign Minister Sugiono in Jakarta on Friday.",
     {"Prabowo Subianto": "ID", "Sugiono": "ID"}),
    (D(2022, 3, 3), "Indonesian Trade Minister Lutfi met his Lao counterpart in Jakarta on Thursday.",
     {"Lutfi": "ID"}),
    (D(2019, 3, 3), "Presidential Chief of Staff Moeldoko received the Lao journalists at the palace.",
     {"Moeldoko": "ID"}),
    # "Pak" is an Indonesian honorific, but also a Korean family name the registry knows
    (D(2018, 5, 5), "North Korean Premier Pak Pong-ju met the Lao delegation in Pyongyang on Monday.",
     {"Pak Pong-ju": "KP"}),
    (D(2022, 4, 4), "President Joseph R. Biden Jr. met Prime Minister Pham Minh Chinh at the White House on Monday.",
     {"Joseph R. Biden Jr.": "US", "Pham Minh Chinh": "VN"}),
    (D(2022, 4, 4), "Indonesian Foreign Minister Retno L.P. Marsudi met her Thai counterpart in Bangkok on Monday.",
     {"Retno L.P. Marsudi": "ID"}),
    (D(2022, 4, 4), "U.S. Ambassador Marc E. Knapper met the Lao delegation in Hanoi on Monday.",
     {"Marc E. Knapper": "US"}),
    (D(2022, 4, 4), "Philippine Ambassador Roberto Bernardo Jr. attended the reception in Hanoi on Monday evening.",
     {"Roberto Bernardo Jr.": "PH"}),
    # a family name in capitals before the given name
    (D(2020, 1, 20), "Chinese Ambassador WANG Wentian met the Cambodian minister in Phnom Penh on Monday.",
     {"WANG Wentian": "CN"}),
    (D(2020, 1, 20), "H.E. Mr. CHEA Sophal, Secretary of State of the Ministry of Commerce, led the Cambodian team.",
     {"CHEA Sophal": "KH"}),
    # a name at a sentence end: the next sentence's first word does not make it a place ("Hun Sen. They")
    (D(2024, 5, 5), "The Lao delegation was received by Hun Sen. They discussed trade and investment.",
     {"Hun Sen": "KH"}),
    (D(2024, 5, 5), "The guests were greeted by Sonexay Siphandone. The talks began an hour later in Vientiane.",
     {"Sonexay Siphandone": "LA"}),
    (D(2024, 1, 9), "President Ferdinand Marcos Jr. welcomed President Joko Widodo at Malacanang Palace.",
     {"Ferdinand Marcos Jr.": "PH", "Joko Widodo": "ID"}),
]


@pytest.mark.parametrize("published, text, expected", NAMES)
def test_regional_names(extract, published, text, expected):
    people = by_name(extract(text, published))
    assert {name: p["country"] for name, p in people.items()} == expected


# (published, text, full name, short form joined to it)
SHORT_FORMS = [
    (D(2024, 2, 14), "Thai Foreign Minister Parnpree Bahiddha-Nukara met the Lao envoy. Parnpree said the bridge "
     "would reopen.", "Parnpree Bahiddha-Nukara", "Parnpree"),
    (D(2021, 9, 9), "Speaker Puan Maharani received the delegation. Puan thanked the Lao deputies for the visit.",
     "Puan Maharani", "Puan"),
    (D(2018, 5, 20), "South Korean President Moon Jae-in received the Lao guests. Moon said Korea would invest.",
     "Moon Jae-in", "Moon"),
    (D(2021, 5, 5), "Foreign Minister Chung Eui-yong talked with Wang Yi. Chung noted the importance of the region.",
     "Chung Eui-yong", "Chung"),
]


@pytest.mark.parametrize("published, text, name, short", SHORT_FORMS)
def test_short_forms_join(extract, published, text, name, short):
    people = by_name(extract(text, published))
    assert fold(short) in {fold(a) for a in people[name]["aliases"]}
    assert len(people) == 1 or all(fold(n) != fold(short) for n in people)


# (published, text, name that must NOT become a person)
NOT_SINGLE_NAMES = [
    (D(2022, 3, 3), "Vietnamese Prime Minister Chinh met the guests in Hanoi on Monday morning.", "Chinh"),
    (D(2022, 3, 3), "The Minister Said that the talks in Hanoi on Monday went very well indeed.", "Said"),
]


@pytest.mark.parametrize("published, text, word", NOT_SINGLE_NAMES)
def test_single_word_names_only_for_single_name_countries(extract, published, text, word):
    assert word not in by_name(extract(text, published))


# (published, text, {name: country}) names of known origin found because they speak or are introduced
INTRODUCED = [
    (D(2024, 5, 5), "\"We are ready,\" said Somchai Rattanakorn, an official at the Thai embassy in Vientiane.",
     {"Somchai Rattanakorn": "TH"}),
    (D(2024, 5, 5), "Cambodian official Chea Vannak agreed with the plan to open two more border gates.",
     {"Chea Vannak": "KH"}),
    (D(2024, 5, 5), "Khamsone Luangrath said the school would open next month in Oudomxay province.",
     {"Khamsone Luangrath": "LA"}),
    (D(2024, 5, 5), "Souksavanh Sithideth noted that the railway had brought more visitors to the town.",
     {"Souksavanh Sithideth": "LA"}),
    (D(2024, 5, 5), "Ahmad Faizal Azumu said the festival would bring more tourists to Perak this year.",
     {"Ahmad Faizal Azumu": "MY"}),
    (D(2024, 5, 5), "Budi Gunadi Sadikin told the forum that the hospitals were ready for the season.",
     {"Budi Gunadi Sadikin": "ID"}),
    (D(2024, 5, 5), "Maria Santos, a teacher in Manila, said the exchange programme was useful.",
     {"Maria Santos": "PH"}),
    (D(2024, 5, 5), "Villagers welcomed the road, and Khamla Phommachanh warned that the rains could delay it.",
     {"Khamla Phommachanh": "LA"}),
]


@pytest.mark.parametrize("published, text, expected", INTRODUCED)
def test_introduced_regional_names(extract, published, text, expected):
    people = by_name(extract(text, published))
    assert {name: p["country"] for name, p in people.items()} == expected


# capitalised phrases of regional news that are no person
NO_PEOPLE = [
    "Chea Sim Holdings announced a new hotel in Phnom Penh, and Vongsa Enterprise said the mine would reopen.",
    "WELCOME TO Vientiane, the banner said, as the LEE Kuan Yew School students arrived on Monday.",
    "Officials attended the Mekong-Lancang Cooperation Leaders' Meeting and the Greater Mekong Subregion forum.",
    "The Lao-Thai Friendship Bridge in Nong Khai was reopened, Xinhua and Kyodo News reported on Monday.",
    "Vietnam Airlines and Lao Airlines signed a deal at Noi Bai International Airport on Monday morning.",
    "The Japan International Cooperation Agency and Korea International Cooperation Agency funded the road.",
    "The delegation visited Wat Phou and Pha That Luang Stupa, then toured the Kaysone Phomvihane Memorial.",
]


@pytest.mark.parametrize("text", NO_PEOPLE)
def test_no_people_in_names_of_things(extract, text):
    assert by_name(extract(text, D(2024, 5, 5))) == {}
