"""Titles: offices as written, given to the right person, split when stacked, with the right country.

Every text here is written for these tests, in the ways diplomatic news phrases offices.
"""
from __future__ import annotations

import pytest

from ..records import person


# (text, person, titles in order, country)
APPOSITION_BEFORE = [
    ("Lao Prime Minister Sonexay Siphandone opened the investment forum in Vientiane on Monday.",
     "Sonexay Siphandone", ["Prime Minister"], "LA"),
    ("Vietnamese Deputy Prime Minister Trần Hồng Hà cut the ribbon at the new border gate yesterday.",
     "Trần Hồng Hà", ["Deputy Prime Minister"], "VN"),
    ("Vientiane, March 13 (KPL) - Lao Deputy Prime Minister Sonexay Siphandone met the Cambodian delegation.",
     "Sonexay Siphandone", ["Deputy Prime Minister"], "LA"),
    ("Chinese Foreign Minister Wang Yi arrived in Phnom Penh for a two-day working visit.",
     "Wang Yi", ["Foreign Minister"], "CN"),
    ("Thai Prime Minister Srettha Thavisin toured the new bridge across the Mekong river.",
     "Srettha Thavisin", ["Prime Minister"], "TH"),
    ("Cambodian Minister of Commerce Keo Rithyvong signed the trade protocol with his hosts.",
     "Keo Rithyvong", ["Minister of Commerce"], "KH"),
    ("Lao Minister of Energy and Mines Bounmy Keovilay inspected the dam site in Attapeu province.",
     "Bounmy Keovilay", ["Minister of Energy and Mines"], "LA"),
    ("Minister of Labour, Invalids and Social Affairs Đặng Văn Khoa chaired the meeting on migrant workers.",
     "Đặng Văn Khoa", ["Minister of Labour, Invalids and Social Affairs"], "VN"),
    ("Secretary of the Ha Tinh provincial Party Committee Trịnh Văn Lợi welcomed the Lao guests warmly.",
     "Trịnh Văn Lợi", ["Secretary of the Ha Tinh provincial Party Committee"], "VN"),
    ("Vice Chairman of the Ho Chi Minh City People's Committee Vo Van Hoang met the visiting businesspeople.",
     "Vo Van Hoang", ["Vice Chairman of the Ho Chi Minh City People's Committee"], "VN"),
    ("Chairwoman of the National Assembly Nguyễn Thị Kim Ngân hosted a banquet for the Lao delegation.",
     "Nguyễn Thị Kim Ngân", ["Chairwoman of the National Assembly"], "VN"),
]

APPOSITION_AFTER = [
    ("Thongloun Sisoulith, General Secretary of the LPRP Central Committee and President of Laos, received "
     "the delegation at the Presidential Palace.",
     "Thongloun Sisoulith", ["General Secretary of the LPRP Central Committee", "President of Laos"], "LA"),
    ("Bounmy Keovilay, Lao Minister of Energy and Mines, told reporters the line would open next year.",
     "Bounmy Keovilay", ["Minister of Energy and Mines"], "LA"),
    ("Madam Chanthala Vongphachanh, Vice President of the Lao Front for National Development, led the group.",
     "Chanthala Vongphachanh", ["Vice President of the Lao Front for National Development"], "LA"),
    ("Ms. Nguyễn Thị Thanh Hương, Vice Chairwoman of the National Assembly, spoke at the opening session.",
     "Nguyễn Thị Thanh Hương", ["Vice Chairwoman of the National Assembly"], "VN"),
    ("H.E. Sok Chenda Sophea, Deputy Prime Minister and Minister of Foreign Affairs and International "
     "Cooperation, met the envoy.",
     "Sok Chenda Sophea", ["Deputy Prime Minister", "Minister of Foreign Affairs and International Cooperation"],
     "KH"),
    ("Nguyễn Văn Bình, who serves as Chair of the Vietnam-Laos Friendship Association, attended the party.",
     "Nguyễn Văn Bình", ["Chair of the Vietnam-Laos Friendship Association"], "VN"),
    ("Kikeo Khaykhamphithoune, who serves as Deputy Prime Minister, chaired the conference on drug control.",
     "Kikeo Khaykhamphithoune", ["Deputy Prime Minister"], "LA"),
    ("At the meeting, the Lao Prime Minister, Sonexay Siphandone, thanked Vietnam for its help.",
     "Sonexay Siphandone", ["Prime Minister"], "LA"),
    ("The talks were chaired by the General Secretary of the CPV Central Committee, Tô Lâm, in Hanoi.",
     "Tô Lâm", ["General Secretary of the CPV Central Committee"], "VN"),
    ("Phạm Quang Vinh, Permanent member of the Secretariat, addressed the national conference on Tuesday.",
     "Phạm Quang Vinh", ["Permanent member of the Secretariat"], "VN"),
    ("Li Mingzhe, member of the Political Bureau of the CPC Central Committee, met the Lao visitors.",
     "Li Mingzhe", ["member of the Political Bureau of the CPC Central Committee"], "CN"),
]

STACKED = [
    ("Deputy Prime Minister and Foreign Minister Bùi Thanh Sơn co-chaired the session with his guest.",
     "Bùi Thanh Sơn", ["Deputy Prime Minister", "Foreign Minister"], "VN"),
    ("Politburo member and Permanent member of the Secretariat Trần Cẩm Tú received the Lao delegation.",
     "Trần Cẩm Tú", ["Politburo member", "Permanent member of the Secretariat"], "VN"),
    ("Politburo member, Secretary of the Party Central Committee and Minister of Foreign Affairs Lê Hoài Trung "
     "visited Vientiane.",
     "Lê Hoài Trung", ["Politburo member", "Secretary of the Party Central Committee",
                       "Minister of Foreign Affairs"], "VN"),
    ("Deputy Prime Minister cum Minister of Foreign Affairs Saleumxay Kommasith greeted the ambassadors.",
     "Saleumxay Kommasith", ["Deputy Prime Minister", "Minister of Foreign Affairs"], "LA"),
    ("General Secretary of the CPV Central Committee and State President Tô Lâm hosted the ceremony in Hanoi.",
     "Tô Lâm", ["General Secretary of the CPV Central Committee", "State President"], "VN"),
    ("Prak Sokhonn, Deputy Prime Minister, Minister of Foreign Affairs and International Cooperation, spoke "
     "first at the meeting.",
     "Prak Sokhonn", ["Deputy Prime Minister", "Minister of Foreign Affairs and International Cooperation"], "KH"),
]

STACKED_WITH_BODIES = [
    ("The talks were co-chaired by Bounthong Chitmany, Politburo member, Standing member of the LPRP Central "
     "Committee’s Secretariat and Lao Vice President, and a Vietnamese official.",
     "Bounthong Chitmany", ["Politburo member", "Standing member of the LPRP Central Committee’s Secretariat",
                            "Vice President"], "LA"),
    ("Võ Văn Thưởng, Politburo member and permanent member of the CPV Central Committee's Secretariat, spoke.",
     "Võ Văn Thưởng", ["Politburo member", "permanent member of the CPV Central Committee's Secretariat"], "VN"),
    ("Trần Thị Mai, a member of the Vietnam-Laos Friendship Association, handed over the gifts on Friday.",
     "Trần Thị Mai", ["member of the Vietnam-Laos Friendship Association"], "VN"),
    ("Nguyễn Văn Hải, a member of the delegation, said the visit had been very useful for both sides.",
     "Nguyễn Văn Hải", [], "VN"),
]

POSSESSIVE = [
    ("Laos's Prime Minister Sonexay Siphandone arrived in Hanoi on Sunday evening for talks.",
     "Sonexay Siphandone", ["Prime Minister"], "LA"),
    ("Cambodia’s Prime Minister Hun Manet called for closer ties with all neighbours.",
     "Hun Manet", ["Prime Minister"], "KH"),
    ("Vietnam's Ambassador to Cambodia Nguyễn Thanh Tùng presented his credentials to the King.",
     "Nguyễn Thanh Tùng", ["Ambassador to Cambodia"], "VN"),
    ("China's Vice President Han Zheng will attend the inauguration of the new president.",
     "Han Zheng", ["Vice President"], "CN"),
]

ELECTED = [
    ("Tô Lâm was elected General Secretary of the CPV Central Committee at the congress in Hanoi.",
     "Tô Lâm", ["General Secretary of the CPV Central Committee"], "VN"),
    ("Somsack Phengsavanh was elected Chairman of the Lao National Assembly's Foreign Affairs Committee.",
     "Somsack Phengsavanh", ["Chairman of the Lao National Assembly's Foreign Affairs Committee"], "LA"),
    ("Trần Văn Quyết was appointed Ambassador to Laos by the State President last month.",
     "Trần Văn Quyết", ["Ambassador to Laos"], "VN"),
    ("Nguyen Duc Thang, who was re-elected Chairman of the provincial People's Committee, welcomed them.",
     "Nguyen Duc Thang", ["Chairman of the provincial People's Committee"], "VN"),
    ("Tô Lâm was elected general secretary at the plenum held in Hanoi on Saturday.",
     "Tô Lâm", ["general secretary"], "VN"),
    ("Nguyễn Văn Hải was named deputy minister of foreign affairs last month, the ministry said.",
     "Nguyễn Văn Hải", ["deputy minister of foreign affairs"], "VN"),
    ("Sonexay Siphandone, 57, became prime minister in late December after the resignation.",
     "Sonexay Siphandone", ["prime minister"], "LA"),
]

AMBASSADORS = [  # the person's country is the ambassador's own, never the host's
    ("Vietnamese Ambassador to Laos Nguyễn Minh Tâm presented gifts to the school children.",
     "Nguyễn Minh Tâm", ["Ambassador to Laos"], "VN"),
    ("Lao Ambassador to Vietnam Khamphao Ernthavanh attended the reception at the Hanoi embassy.",
     "Khamphao Ernthavanh", ["Ambassador to Vietnam"], "LA"),
    ("Ambassador of Cambodia to Laos Chheang Vannarith handed over the donation on Friday.",
     "Chheang Vannarith", ["Ambassador of Cambodia to Laos"], "KH"),
    ("Sisavath Inphachanh, Ambassador of Laos to China, said the railway was carrying more goods.",
     "Sisavath Inphachanh", ["Ambassador of Laos to China"], "LA"),
    ("Chinese Ambassador to Vietnam Xiong Bo visited the industrial park in Bac Ninh province.",
     "Xiong Bo", ["Ambassador to Vietnam"], "CN"),
    ("Ambassador to Laos Đinh Văn Hùng said the embassy would support Vietnamese students.",
     "Đinh Văn Hùng", ["Ambassador to Laos"], "VN"),
]

OFFICES_AND_BODIES = [
    ("Chinese Premier Li Qiang met visiting State Councilor and Foreign Minister Wang Yi in Beijing last week.",
     "Wang Yi", ["State Councilor", "Foreign Minister"], "CN"),
    ("Wang Yi, also a member of the Political Bureau of the Communist Party of China Central Committee, spoke.",
     "Wang Yi", ["member of the Political Bureau of the Communist Party of China Central Committee"], "CN"),
    ("Nguyễn Văn Thể, Secretary of the Party Committee of the Ministry of Transport and Minister of Transport, "
     "attended.", "Nguyễn Văn Thể", ["Secretary of the Party Committee of the Ministry of Transport",
                                     "Minister of Transport"], "VN"),
    ("Deputy Foreign Minister and Chairman of the State Committee for Overseas Vietnamese Affairs Lê Thị Thu "
     "Hằng spoke at the forum.", "Lê Thị Thu Hằng",
     ["Deputy Foreign Minister", "Chairman of the State Committee for Overseas Vietnamese Affairs"], "VN"),
    ("Vice State President Võ Thị Ánh Xuân presented the medals to the Lao veterans in Hanoi.",
     "Võ Thị Ánh Xuân", ["Vice State President"], "VN"),
    ("Zhao Leji, chairman of the National People's Congress (NPC) Standing Committee, met the guests.",
     "Zhao Leji", ["chairman of the National People's Congress (NPC) Standing Committee"], "CN"),
    ("President of the Vietnam Fatherland Front Central Committee Đỗ Văn Chiến met the Lao Front leaders.",
     "Đỗ Văn Chiến", ["President of the Vietnam Fatherland Front Central Committee"], "VN"),
    ("Secretary of the Hanoi Party Committee Đinh Tiến Dũng welcomed Mayor of Vientiane Capital Atsaphangthong "
     "Siphandone.", "Atsaphangthong Siphandone", ["Mayor of Vientiane Capital"], "LA"),
    ("Samdech Techo Hun Sen, President of the Senate, received the Lao guests at his residence.",
     "Hun Sen", ["President of the Senate"], "KH"),
]

PAST = [
    ("The delegation laid a wreath at the statue of late President Kaysone Phomvihane in Vientiane.",
     "Kaysone Phomvihane", ["President"], "LA"),
    ("Former Prime Minister Nguyễn Tấn Dũng was seen at the funeral in Ho Chi Minh City.",
     "Nguyễn Tấn Dũng", ["Prime Minister"], "VN"),
    ("Then-Prime Minister Hun Sen opened the bridge in 2019 with his Lao counterpart.",
     "Hun Sen", ["Prime Minister"], "KH"),
    ("Ex-President Nguyễn Xuân Phúc laid the foundation stone for the school years ago.",
     "Nguyễn Xuân Phúc", ["President"], "VN"),
    ("Phankham Viphavanh, then Vice President of the Lao PDR, attended the ceremony in Hanoi.",
     "Phankham Viphavanh", ["Vice President of the Lao PDR"], "LA"),
]


@pytest.mark.parametrize("text, name, titles, country",
                         APPOSITION_BEFORE + APPOSITION_AFTER + STACKED + STACKED_WITH_BODIES + POSSESSIVE +
                         ELECTED + AMBASSADORS + OFFICES_AND_BODIES + PAST)
def test_titles(extract, text, name, titles, country):
    record = extract(text)
    found = person(record, name)
    assert found["name"] == name
    assert found["titles"] == titles
    assert found["country"] == country


LISTS = [
    ("President Lương Cường, NA Chairman Trần Thanh Mẫn and Prime Minister Phạm Minh Chính attended the "
     "ceremony in Hanoi.",
     {"Lương Cường": ["President"], "Trần Thanh Mẫn": ["NA Chairman"],
      "Phạm Minh Chính": ["Prime Minister"]}),
    ("Party General Secretary Nguyen Phu Trong, President Nguyen Xuan Phuc and Prime Minister Pham Minh Chinh "
     "sent their congratulations.",
     {"Nguyen Phu Trong": ["Party General Secretary"], "Nguyen Xuan Phuc": ["President"],
      "Pham Minh Chinh": ["Prime Minister"]}),
    ("The talks were attended by Deputy Prime Minister Chansamone Chanyalath and Foreign Minister Saleumxay "
     "Kommasith of Laos.",
     {"Chansamone Chanyalath": ["Deputy Prime Minister"], "Saleumxay Kommasith": ["Foreign Minister"]}),
    ("Lao President Thongloun Sisoulith and Cambodian King Norodom Sihamoni exchanged greetings on the day.",
     {"Thongloun Sisoulith": ["President"], "Norodom Sihamoni": ["King"]}),
    ("Thongloun Sisoulith, President of Laos, and Hun Manet, Prime Minister of Cambodia, held a phone call.",
     {"Thongloun Sisoulith": ["President of Laos"], "Hun Manet": ["Prime Minister of Cambodia"]}),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_each_title_to_its_person(extract, text, expected):
    record = extract(text)
    for name, titles in expected.items():
        assert person(record, name)["titles"] == titles, name


COUNTERPART = [  # "his Lao counterpart X": a country, but no title of X's own
    ("Prime Minister Phạm Minh Chính held talks with his Lao counterpart Sonexay Siphandone in Hanoi.",
     "Sonexay Siphandone", "LA"),
    ("Foreign Minister Wang Yi met his Vietnamese counterpart Bui Thanh Son on the sidelines of the meeting.",
     "Bui Thanh Son", "VN"),
    ("The Thai leader spoke by phone with his Cambodian counterpart Hun Manet on Thursday evening.",
     "Hun Manet", "KH"),
    ("Defence Minister Phan Van Giang welcomed his Lao counterpart Gen. Khamlieng Outhakaysone to Hanoi.",
     "Khamlieng Outhakaysone", "LA"),
]


@pytest.mark.parametrize("text, name, country", COUNTERPART)
def test_counterpart_gives_country_not_title(extract, text, name, country):
    found = person(extract(text), name)
    assert found["titles"] == []
    assert found["country"] == country


NOT_A_TITLE_OF_THE_NEXT_NAME = [
    # a title followed by a comma and a name belongs to the name before it
    ("The guests were greeted by Sonexay Siphandone, Prime Minister, Kikeo Khaykhamphithoune and others.",
     {"Sonexay Siphandone": ["Prime Minister"], "Kikeo Khaykhamphithoune": []}),
    # the trailing place is not part of the office
    ("The Lao Prime Minister in Vientiane received Deputy Minister Trần Văn Hải yesterday afternoon.",
     {"Trần Văn Hải": ["Deputy Minister"]}),
]


@pytest.mark.parametrize("text, expected", NOT_A_TITLE_OF_THE_NEXT_NAME)
def test_titles_do_not_leak(extract, text, expected):
    record = extract(text)
    for name, titles in expected.items():
        assert person(record, name)["titles"] == titles, name


@pytest.mark.parametrize(
    "text, title, role, country, past",
    [
        ("He met the Lao Prime Minister at the airport before the talks began.", "Prime Minister",
         "prime_minister", "LA", False),
        ("The late President of Vietnam was remembered at the ceremony in Hue.", "President of Vietnam",
         "president", "VN", True),
        ("The Ambassador of Vietnam to Laos spoke about the alumni network of students.",
         "Ambassador of Vietnam to Laos", "ambassador", "VN", False),
        ("The Ambassador to Laos spoke about the alumni network of Vietnamese students.", "Ambassador to Laos",
         "ambassador", None, False),
        ("The Vice President of the Lao National Assembly opened the session on time.",
         "Vice President of the Lao National Assembly", "na_vice_chair", "LA", False),
        ("The outgoing Minister of Planning and Investment of Laos thanked his staff.",
         "Minister of Planning and Investment of Laos", "minister", "LA", True),
        # the body after the office decides the role
        ("The President of the National Assembly of Laos opened the session.",
         "President of the National Assembly of Laos", "na_chair", "LA", False),
        ("The President of the Lao Front for National Development spoke first.",
         "President of the Lao Front for National Development", "front_president", "LA", False),
        ("The President of the Cambodian People's Party sent a letter.",
         "President of the Cambodian People's Party", "party_president", "KH", False),
        ("The President of the Vietnam-Laos Friendship Association gave a speech.",
         "President of the Vietnam-Laos Friendship Association", "chair", "VN", False),
        ("The President of the Lao PDR gave a speech.", "President of the Lao PDR", "president", "LA", False),
        ("The President of the People's Republic of China gave a speech.",
         "President of the People's Republic of China", "president", "CN", False),
        ("The Chairman of the State attended the ceremony.", "Chairman of the State", "president", None, False),
        ("The member of the Political Bureau of the LPRP Central Committee arrived.",
         "member of the Political Bureau of the LPRP Central Committee", "politburo_member", "LA", False),
        ("The Standing member of the LPRP Central Committee’s Secretariat arrived.",
         "Standing member of the LPRP Central Committee’s Secretariat", "secretariat_member", "LA", False),
        ("The Speaker of the House of Representatives of Thailand arrived.",
         "Speaker of the House of Representatives of Thailand", "na_chair", "TH", False),
    ],
)
def test_title_mentions(nlp, text, title, role, country, past):
    doc = nlp(text)
    found = [t for t in doc._.titles if t.text == title]
    assert found, [t.text for t in doc._.titles]
    assert (found[0].role, found[0].country, found[0].past) == (role, country, past)


@pytest.mark.parametrize("text, name, titles", [
    ("(KPL) Lao Minister of Foreign Affairs Thongsavanh Phomvihane met the envoy.", "Thongsavanh Phomvihane",
     ["Minister of Foreign Affairs"]),
    ("(VNA) Deputy Prime Minister Tran Hong Ha chaired the meeting.", "Tran Hong Ha", ["Deputy Prime Minister"]),
])
def test_agency_lead_in_brackets_is_not_part_of_the_title(extract, text, name, titles):
    person = next(p for p in extract(text)["people"] if p["name"] == name)
    assert person["titles"] == titles


# (text, word, its word classes): the same whether the word is near an office word or not
WORD_CLASS_CASES = [
    ("Lao Prime Minister Sonexay Siphandone opened the forum.", "Lao", {"title_modifier", "org_word"}),
    ("Lao Prime Minister Sonexay Siphandone opened the forum.", "Prime", {"title_office"}),
    ("Lao Prime Minister Sonexay Siphandone opened the forum.", "Minister", {"title_office", "org_word"}),
    ("Lao Prime Minister Sonexay Siphandone opened the forum.", "Sonexay", {"org_word"}),
    ("Lao Prime Minister Sonexay Siphandone opened the forum.", "Siphandone", set()),
    ("Then-Prime Minister Hun Sen spoke.", "-", {"title_modifier"}),
    ("The CPV Central Committee met on Monday.", "Committee", {"title_modifier", "org_word", "org_end"}),
    ("The CPV Central Committee met on Monday.", "met", set()),
]


@pytest.mark.parametrize("text, word, classes", WORD_CLASS_CASES)
def test_word_classes(nlp, text, word, classes):
    from vnlao_extract.components.titles import WORD_CLASSES

    token = next(t for t in nlp(text) if t.text == word)
    assert {name for name in WORD_CLASSES if token._.get(name)} == classes


MEMO_TEXTS = [
    "Prime Minister Sonexay Siphandone met Minister of Foreign Affairs Bui Thanh Son. "
    "Prime Minister Sonexay Siphandone then met the Minister of Foreign Affairs again.",
    "The Lao President and the Vietnamese President; the president of the National Assembly of Laos.",
    "General Secretary of the CPV Central Committee To Lam, General Secretary of the LPRP Central Committee.",
]


@pytest.mark.parametrize("text", MEMO_TEXTS)
def test_the_memo_gives_what_the_matcher_gives(nlp, text):
    from vnlao_extract.components.titles import TitleMatcher

    finder = nlp.get_pipe("vnlao_titles")
    fresh = TitleMatcher(nlp.vocab, finder.title_matcher.patterns)
    no_memo = TitleMatcher(nlp.vocab, finder.title_matcher.patterns)
    no_memo._memo = None
    doc = nlp(text)
    first, again = fresh.matches(doc), fresh.matches(nlp(text))  # the second run reads the memo
    assert first == again == no_memo.matches(doc) and len(fresh._memo) > 0
    assert (fresh.work.windows, fresh.work.matches) == (2 * no_memo.work.windows, 2 * no_memo.work.matches)


@pytest.mark.parametrize("token, memo", [
    ({"LOWER": "of"}, True),
    ({"_": {"org_end": True}}, True),
    ({"IS_SENT_START": False}, False),  # not a fact of the word: the same words may match differently
    ({"_": {"lex": "place"}}, False),
])
def test_memo_only_for_patterns_of_words_and_classes(nlp, token, memo):
    from vnlao_extract.components.titles import TitleMatcher

    pattern = [{"_": {"title_office": True}, "OP": "+"}, token]
    assert (TitleMatcher(nlp.vocab, [{"id": "t", "pattern": pattern}])._memo is not None) is memo
