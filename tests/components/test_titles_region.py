"""Titles of the whole region as outlets write them: ASEAN heads of government and foreign ministers,
cabinet offices of Japan and Indonesia, legislatures, monarchs, governors, envoys and party offices.

Every text here is written for these tests; the expected titles follow the annotation guideline (the
office as the article writes it, nationality words left out).
"""
from __future__ import annotations

import datetime

import pytest

from ..records import person

D = datetime.date


# (published, text, person, titles in order, country)
OFFICES = [
    (D(2019, 6, 20), "Singapore's Minister for Foreign Affairs Vivian Balakrishnan met the Lao envoy on Tuesday.",
     "Vivian Balakrishnan", ["Minister for Foreign Affairs"], "SG"),
    (D(2017, 5, 10), "Union Minister for International Cooperation U Kyaw Tin welcomed the visitors to Nay Pyi Taw.",
     "Kyaw Tin", ["Union Minister for International Cooperation"], "MM"),
    (D(2023, 3, 15), "Japan's Chief Cabinet Secretary Hirokazu Matsuno told a news conference that aid would follow.",
     "Hirokazu Matsuno", ["Chief Cabinet Secretary"], "JP"),
    (D(2024, 7, 2), "Indonesian Coordinating Minister for Economic Affairs Airlangga Hartarto opened the trade fair.",
     "Airlangga Hartarto", ["Coordinating Minister for Economic Affairs"], "ID"),
    (D(2017, 3, 3), "Coordinating Minister for Political, Legal and Security Affairs Wiranto received the envoy.",
     "Wiranto", ["Coordinating Minister for Political, Legal and Security Affairs"], "ID"),
    (D(2020, 10, 10), "Pehin Dato Erywan Yusof, Second Minister of Foreign Affairs of Brunei, chaired the session.",
     "Erywan Yusof", ["Second Minister of Foreign Affairs of Brunei"], "BN"),
    (D(2021, 2, 1), "Philippine Secretary of Foreign Affairs Teodoro Locsin Jr. called his Lao counterpart.",
     "Teodoro Locsin Jr.", ["Secretary of Foreign Affairs"], "PH"),
    (D(2022, 4, 4), "Retno Marsudi, Indonesia's Foreign Minister, briefed the press after the meeting.",
     "Retno Marsudi", ["Foreign Minister"], "ID"),
    (D(2021, 9, 9), "Speaker of the Indonesian House of Representatives Puan Maharani hosted the Lao deputies.",
     "Puan Maharani", ["Speaker of the Indonesian House of Representatives"], "ID"),
    (D(2019, 12, 1), "Governor of Nong Khai province Somsak Chungtrakul met the Lao delegation at the bridge.",
     "Somsak Chungtrakul", ["Governor of Nong Khai province"], "TH"),
    (D(2019, 12, 1), "Governor of Champasak province Vilayvong Bouddakham showed the guests the new market.",
     "Vilayvong Bouddakham", ["Governor of Champasak province"], "LA"),
    (D(2020, 1, 15), "His Majesty Sultan Haji Hassanal Bolkiah granted an audience to the visiting minister.",
     "Hassanal Bolkiah", ["Sultan"], "BN"),
    (D(2018, 8, 8), "Deputy Prime Minister cum Minister of Foreign Affairs Pham Binh Minh chaired the ceremony.",
     "Pham Binh Minh", ["Deputy Prime Minister", "Minister of Foreign Affairs"], "VN"),
    (D(2018, 8, 8), "Permanent Member of the Secretariat Tran Quoc Vuong received the Lao Party delegation.",
     "Tran Quoc Vuong", ["Permanent Member of the Secretariat"], "VN"),
    (D(2022, 5, 5), "A delegation led by Politburo member and permanent member of the Party Central Committee's "
     "Secretariat Vo Van Thuong is visiting Laos.", "Vo Van Thuong",
     ["Politburo member", "permanent member of the Party Central Committee's Secretariat"], "VN"),
    (D(2022, 5, 5), "Standing member of the Central Committee’s Secretariat Truong Thi Mai received the guests.",
     "Truong Thi Mai", ["Standing member of the Central Committee’s Secretariat"], "VN"),
    (D(2023, 5, 5), "Malaysian Foreign Minister Dato' Seri Diraja Dr Zambry Abdul Kadir met the Lao ambassador.",
     "Zambry Abdul Kadir", ["Foreign Minister"], "MY"),
    (D(2023, 5, 5), "Brunei's Second Minister of Foreign Affairs Dato Erywan Pehin Yusof signed the note in Manila.",
     "Erywan Pehin Yusof", ["Second Minister of Foreign Affairs"], "BN"),
    (D(2024, 6, 6), "Singapore's President Tharman Shanmugaratnam met Malaysian King Sultan Ibrahim in Johor on Monday.",
     "Sultan Ibrahim", ["King Sultan"], "MY"),
    (D(2024, 6, 6), "His Majesty Sultan Ibrahim, King of Malaysia, received the Lao ambassador on Monday.",
     "Sultan Ibrahim", ["King of Malaysia"], "MY"),
    (D(2024, 5, 5), "Member of the Standing Committee of the Political Bureau of the CPC Central Committee Cai Qi "
     "received the guests.", "Cai Qi",
     ["Member of the Standing Committee of the Political Bureau of the CPC Central Committee"], "CN"),
    (D(2024, 5, 5), "Director of the Office of the Central Foreign Affairs Commission Wang Yi met the delegation.",
     "Wang Yi", ["Director of the Office of the Central Foreign Affairs Commission"], "CN"),
    (D(2024, 5, 5), "Minister to the Prime Minister's Office Alounxai Sounnalath attended the ceremony in Vientiane.",
     "Alounxai Sounnalath", ["Minister to the Prime Minister's Office"], "LA"),
    (D(2024, 5, 5), "Australian Minister for Foreign Affairs Senator Penny Wong met the Lao minister in Vientiane.",
     "Penny Wong", ["Minister for Foreign Affairs"], "AU"),
    (D(2024, 5, 5), "U.S. National Security Adviser Jake Sullivan met Vietnamese officials in Hanoi on Monday.",
     "Jake Sullivan", ["U.S. National Security Adviser"], "US"),
    (D(2021, 5, 5), "Deputy Prime Minister-cum-Foreign Minister Prak Sokhonn met the Lao envoy in Phnom Penh.",
     "Prak Sokhonn", ["Deputy Prime Minister", "Foreign Minister"], "KH"),
    (D(2021, 5, 5), "Prak Sokhonn, Deputy Prime Minister-cum-Foreign Minister, met the Lao envoy in Phnom Penh.",
     "Prak Sokhonn", ["Deputy Prime Minister", "Foreign Minister"], "KH"),
    (D(2021, 5, 5), "Deputy Prime Minister concurrently Minister of Foreign Affairs Saleumxay Kommasith met the envoy.",
     "Saleumxay Kommasith", ["Deputy Prime Minister", "Minister of Foreign Affairs"], "LA"),
    (D(2023, 10, 10), "Secretary-General of ASEAN Kao Kim Hourn addressed the forum in Jakarta on Monday.",
     "Kao Kim Hourn", ["Secretary-General of ASEAN"], "KH"),
    (D(2020, 10, 10), "Dato Lim Jock Hoi, Secretary-General of ASEAN, opened the workshop in Jakarta.",
     "Lim Jock Hoi", ["Secretary-General of ASEAN"], "BN"),
    (D(2024, 5, 5), "Prime Minister-designate Paetongtarn Shinawatra met the business leaders in Bangkok.",
     "Paetongtarn Shinawatra", ["Prime Minister-designate"], "TH"),
    (D(2024, 5, 5), "Indonesian President-elect Prabowo Subianto met the Lao ambassador in Jakarta on Monday.",
     "Prabowo Subianto", ["President-elect"], "ID"),
    (D(2023, 5, 5), "Thai caretaker Prime Minister Prayut Chan-o-cha chaired the cabinet meeting on Tuesday.",
     "Prayut Chan-o-cha", ["caretaker Prime Minister"], "TH"),
    (D(2024, 5, 5), "German Chancellor Olaf Scholz met the Vietnamese Prime Minister in Berlin on Monday.",
     "Olaf Scholz", ["Chancellor"], "DE"),
    (D(2024, 5, 5), "British Prime Minister Keir Starmer met the ASEAN envoys in London on Monday.",
     "Keir Starmer", ["Prime Minister"], "GB"),
    (D(2024, 3, 1), "Indonesian Trade Minister Lutfi met the Lao delegation in Jakarta and discussed coffee.",
     "Lutfi", ["Trade Minister"], "ID"),
]


# titles set off after the name, lowercase as wire services write them, or set off before it by a comma
APPOSITIONS = [
    (D(2024, 5, 5), "Hun Manet, Cambodia's prime minister, told reporters the canal would be finished on time.",
     "Hun Manet", ["prime minister"], "KH"),
    (D(2024, 5, 5), "Vietnam's president, Vo Van Thuong, told the students that the friendship would last.",
     "Vo Van Thuong", ["president"], "VN"),
    (D(2024, 5, 5), "Laos' prime minister, Sonexay Siphandone, said the railway had carried more goods this year.",
     "Sonexay Siphandone", ["prime minister"], "LA"),
    (D(2024, 5, 5), "The talks were attended by Saleumxay Kommasith, deputy prime minister and foreign minister of "
     "Laos, and by the Thai ambassador.", "Saleumxay Kommasith", ["deputy prime minister", "foreign minister of Laos"],
     "LA"),
    (D(2025, 5, 5), "Sonexay Siphandone, the country's prime minister, said the economy was recovering quickly.",
     "Sonexay Siphandone", ["prime minister"], "LA"),
    (D(2025, 5, 5), "Luong Cuong was elected president of Vietnam last year and received the Lao guests in Hanoi.",
     "Luong Cuong", ["president of Vietnam"], "VN"),
    (D(2025, 5, 5), "General Secretary of the Communist Party of Vietnam (CPV) Central Committee To Lam received the "
     "guests.", "To Lam", ["General Secretary of the Communist Party of Vietnam (CPV) Central Committee"], "VN"),
    (D(2025, 5, 5), "The delegation was led by Thongsing Thammavong, former Prime Minister and now Chairman of the "
     "Lao National Institute of Politics.", "Thongsing Thammavong",
     ["Prime Minister", "Chairman of the Lao National Institute of Politics"], "LA"),
    (D(2024, 5, 5), "Thongloun Sisoulith (R), President of Laos, shakes hands with a guest in Vientiane on Monday.",
     "Thongloun Sisoulith", ["President of Laos"], "LA"),
    (D(2024, 5, 5), "Hun Manet (2nd, L), Prime Minister of Cambodia, walks with the guests in Phnom Penh on Monday.",
     "Hun Manet", ["Prime Minister of Cambodia"], "KH"),
    (D(2024, 5, 5), "Thongloun Sisoulith, in his capacity as Chairman of ASEAN, opened the summit in Vientiane.",
     "Thongloun Sisoulith", ["Chairman of ASEAN"], "LA"),
    (D(2021, 6, 6), "Kim Jong Un, General Secretary of the Workers' Party of Korea and President of the State Affairs "
     "of the DPRK, sent a message.", "Kim Jong Un",
     ["General Secretary of the Workers' Party of Korea", "President of the State Affairs of the DPRK"], "KP"),
]


@pytest.mark.parametrize("published, text, name, titles, country", OFFICES + APPOSITIONS)
def test_regional_offices(extract, published, text, name, titles, country):
    found = person(extract(text, published), name)
    assert found["name"] == name
    assert found["titles"] == titles
    assert found["country"] == country


# a summit's list of leaders, each with the office the list gives
SUMMIT_LIST = ("The summit was attended by Brunei's Sultan Hassanal Bolkiah, Cambodian Prime Minister Hun Manet, "
               "Indonesian President Joko Widodo, Philippine President Ferdinand Marcos Jr., Myanmar's Permanent "
               "Secretary of the Ministry of Foreign Affairs Aung Kyaw Moe, Thai Deputy Permanent Secretary Chatchai "
               "Viriyavejakul, Timor-Leste's Prime Minister Xanana Gusmao and ASEAN Secretary-General Kao Kim Hourn.")


def test_summit_list(extract):
    record = extract(SUMMIT_LIST, D(2024, 10, 11))
    assert {p["name"]: (p["titles"], p["country"]) for p in record["people"]} == {
        "Hassanal Bolkiah": (["Sultan"], "BN"), "Hun Manet": (["Prime Minister"], "KH"),
        "Joko Widodo": (["President"], "ID"), "Ferdinand Marcos Jr.": (["President"], "PH"),
        "Aung Kyaw Moe": (["Permanent Secretary of the Ministry of Foreign Affairs"], "MM"),
        "Chatchai Viriyavejakul": (["Deputy Permanent Secretary"], "TH"),
        "Xanana Gusmao": (["Prime Minister"], "TL"), "Kao Kim Hourn": (["ASEAN Secretary-General"], "KH")}


# (text, country): a country's possessive or adjective before an office names the office's country
COUNTRY_WORDS = [
    ("Japan's Foreign Minister Taro Kono spoke first at the meeting in Hanoi on Monday.", "JP"),
    ("Malaysia's Prime Minister Anwar Ibrahim spoke first at the meeting in Hanoi on Monday.", "MY"),
    ("Philippine Vice President Sara Duterte spoke first at the meeting in Hanoi on Monday.", "PH"),
    ("Bruneian Minister of Health Isham Jaafar spoke first at the meeting in Hanoi on Monday.", "BN"),
    ("Australian Foreign Minister Penny Wong spoke first at the meeting in Hanoi on Monday.", "AU"),
    ("North Korean Foreign Minister Choe Son Hui spoke first at the meeting in Hanoi on Monday.", "KP"),
    ("India's External Affairs Minister Subrahmanyam Jaishankar spoke first at the meeting in Hanoi on Monday.", "IN"),
]


@pytest.mark.parametrize("text, country", COUNTRY_WORDS)
def test_country_word_before_office(nlp, text, country):
    titles = nlp(text)._.titles
    assert titles and titles[0].country == country


# (text, role) the registry role an office phrase stands for
ROLES = [
    ("Foreign Secretary Enrique Manalo arrived in Hanoi on Monday for talks.", "foreign_minister"),
    ("External Affairs Minister Subrahmanyam Jaishankar arrived in Hanoi on Monday for talks.", "foreign_minister"),
    ("Coordinating Minister Luhut Binsar Pandjaitan arrived in Hanoi on Monday for talks.", "minister"),
    ("Chief Cabinet Secretary Yoshimasa Hayashi arrived in Hanoi on Monday for talks.", "other"),
    ("Presidential Chief of Staff Moeldoko arrived in Hanoi on Monday for talks.", "head"),
    ("Speaker of the Indonesian House of Representatives Puan Maharani arrived in Hanoi on Monday for talks.", "na_chair"),
    ("Permanent member of the Party Central Committee's Secretariat Tran Cam Tu arrived in Hanoi on Monday for talks.",
     "secretariat_member"),
    ("Second Minister for Foreign Affairs Maliki Osman arrived in Hanoi on Monday for talks.", "minister"),
]


@pytest.mark.parametrize("text, role", ROLES)
def test_office_roles(nlp, text, role):
    assert nlp(text)._.titles[0].role == role


# a country's title set off by a comma names the person only when the person follows it
NOT_INTRODUCED = [
    ("China's foreign minister, speaking in Beijing, said ties were good. Wang Yi, in his speech, thanked Vietnam.",
     "Wang Yi"),
]


@pytest.mark.parametrize("text, name", NOT_INTRODUCED)
def test_title_before_a_clause_is_no_ones(extract, text, name):
    assert person(extract(text, D(2024, 5, 5)), name)["titles"] == []
