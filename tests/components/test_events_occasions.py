"""Meetings, calls, summits, signings and one event per occasion, on short texts written for these tests
(other countries and years than the seeds), through the whole pipeline."""
from __future__ import annotations

import datetime as dt

import pytest

from vnlao_extract.registry import fold


def of_type(record: dict, *kinds: str) -> list[dict]:
    return [e for e in record["events"] if e["type"] in kinds]


def actor_sets(events: list[dict]) -> list[set[str]]:
    return [{fold(a) for a in e["actors"]} for e in events]


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


# -- new meeting triggers -------------------------------------------------------------------------
@pytest.mark.parametrize("text, actors", [
    ("President Joko Widodo called on Prime Minister Hun Sen in Phnom Penh.", {"joko widodo", "hun sen"}),
    ("During his stay, Chinese Premier Li Qiang called on President Vo Van Thuong.", {"li qiang", "vo van thuong"}),
    ("Thai Prime Minister Srettha Thavisin calls on Lao President Thongloun Sisoulith.",
     {"srettha thavisin", "thongloun sisoulith"}),
    ("Indonesian President Joko Widodo chaired the 43rd ASEAN Summit in Jakarta.", {"joko widodo"}),
    ("Prime Minister Anthony Albanese held a virtual summit with Prime Minister Narendra Modi.",
     {"anthony albanese", "narendra modi"}),
    ("Foreign Minister Pham Binh Minh and his Cambodian counterpart Prak Sokhonn co-chaired the 18th session "
     "of the Vietnam-Cambodia Joint Committee.", {"pham binh minh", "prak sokhonn"}),
    ("Deputy Foreign Minister Le Hoai Trung and Deputy Foreign Minister Thongphane Savanphet held the annual "
     "political consultation in Vientiane.", {"le hoai trung", "thongphane savanphet"}),
])
def test_meeting_triggers(extract, text, actors):
    meetings = of_type(extract(text, day("2023-09-06")), "meeting", "reception")
    assert meetings and actors <= actor_sets(meetings)[0] | set().union(*actor_sets(meetings)), meetings


@pytest.mark.parametrize("text", [
    "The two sides called on all parties to exercise restraint.",
    "Vietnam called on Cambodia and Thailand to resume dialogue.",
    "The ministers agreed to step up consultation at multilateral forums.",
    "Both countries will strengthen regular consultations and exchanges of delegations.",
    "Ties have grown through frequent meetings between their leaders.",
    "She thanked her host for the opportunity to meet the students.",
])
def test_not_meetings(extract, text):
    record = extract(text, day("2023-09-06"))
    assert not of_type(record, "meeting", "reception", "talks"), record["events"]


# -- signings ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Prime Minister Lee Hsien Loong and Prime Minister Anwar Ibrahim signed five agreements in Singapore.", 5),
    ("Eleven cooperation documents were signed after talks between President Xi Jinping and President "
     "Thongloun Sisoulith.", 11),
    ("Seven new agreements on energy and defence were signed.", None),
])
def test_signing_documents(extract, text, expected):
    record = extract("President Xi Jinping held talks with President Thongloun Sisoulith in Vientiane. " + text
                     if expected is None else text, day("2022-11-30"))
    signings = of_type(record, "signing")
    assert len(signings) == 1, record["events"]
    if expected is None:  # no one named: signed at the talks told before, by its people
        assert actor_sets(signings)[0] == {"xi jinping", "thongloun sisoulith"}
        assert signings[0]["documents"] == 7
    else:
        assert signings[0]["documents"] == expected


@pytest.mark.parametrize("text", [
    "The leaders recalled the treaty signed in 1977 by President Souphanouvong and Le Duan.",
    "President Rodrigo Duterte urged ministries to implement signed agreements quickly.",
    "President Ramos Horta marked the anniversary of the newly-signed agreement with Prime Minister Xanana Gusmao.",
])
def test_not_signings(extract, text):
    record = extract(text, day("2022-11-30"))
    assert not of_type(record, "signing"), record["events"]


# -- one event per occasion -------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # a plural trigger: one meeting per host
    ("Indian Foreign Minister Subrahmanyam Jaishankar paid courtesy calls to Prime Minister Pham Minh Chinh "
     "and Party General Secretary To Lam.",
     [{"subrahmanyam jaishankar", "pham minh chinh"}, {"subrahmanyam jaishankar", "to lam"}]),
    # three hosts in three sentences: three meetings, never merged through the visitor
    ("Prime Minister Fumio Kishida met President Vo Van Thuong. Later, Fumio Kishida met Prime Minister "
     "Pham Minh Chinh. Fumio Kishida also met Chairman Vuong Dinh Hue.",
     [{"fumio kishida", "vo van thuong"}, {"fumio kishida", "pham minh chinh"}, {"fumio kishida", "vuong dinh hue"}]),
    # a later definite mention is the same occasion
    ("Prime Minister Hun Manet met Thai Prime Minister Srettha Thavisin in Bangkok. In the meeting, Hun Manet "
     "praised the border trade.", [{"hun manet", "srettha thavisin"}]),
    ("President Ferdinand Marcos met Prime Minister Anwar Ibrahim in Kuala Lumpur. Anwar Ibrahim also used "
     "the talks to raise fisheries.", [{"ferdinand marcos", "anwar ibrahim"}]),
    # two numbered summits in one sentence are two occasions
    ("Prime Minister Sonexay Siphandone chaired the 44th ASEAN Summit and the 45th ASEAN Summit in Vientiane.",
     [{"sonexay siphandone"}, {"sonexay siphandone"}]),
    # a reception and a meeting of the same pair, said both ways, are one
    ("President Tharman Shanmugaratnam received Prime Minister Pham Minh Chinh. Pham Minh Chinh met "
     "President Tharman Shanmugaratnam.", [{"tharman shanmugaratnam", "pham minh chinh"}]),
])
def test_one_event_per_occasion(extract, text, expected):
    record = extract(text, day("2024-10-10"))
    meetings = of_type(record, "meeting", "reception")
    assert actor_sets(meetings) == expected, record["events"]


def test_briefing_at_a_meeting_is_part_of_it(extract):
    record = extract("Prime Minister Hun Sen paid a courtesy call on President Bounnhang Vorachith. He briefed "
                     "Bounnhang Vorachith on the border talks.", day("2018-12-06"))
    assert len(of_type(record, "meeting")) == 1 and not of_type(record, "briefing"), record["events"]


@pytest.mark.parametrize("text, start", [
    ("On the evening of May 14, Prime Minister Pham Minh Chinh held a phone call with Prime Minister "
     "Anwar Ibrahim.", "2025-05-14"),
    ("On May 14, Prime Minister Pham Minh Chinh held a phone call with Prime Minister Anwar Ibrahim.",
     "2025-05-14"),
])
def test_call_dated_by_opening_phrase(extract, text, start):
    calls = of_type(extract(text, day("2025-05-16")), "phone_call")
    assert [c["start"] for c in calls] == [start]


def test_same_day_takes_the_day_before(extract):
    record = extract("Prime Minister Hun Manet met President Thongloun Sisoulith in Vientiane on June 3. "
                     "On the same day, Hun Manet also met Prime Minister Sonexay Siphandone.", day("2024-06-04"))
    meetings = of_type(record, "meeting")
    assert [m["start"] for m in meetings] == ["2024-06-03", "2024-06-03"], meetings


# -- dates of parties events --------------------------------------------------------------------------
def test_date_in_a_relative_clause_is_not_the_signing_s(extract):
    record = extract("The documents were signed in the presence of Prime Minister Anwar Ibrahim, who is on an "
                     "official visit to Brunei from March 3 to 5.", day("2024-03-04"))
    signings = of_type(record, "signing")
    assert signings and signings[0]["start"] is None, record["events"]
    assert [v["start"] for v in of_type(record, "visit")] == ["2024-03-03"]


def test_a_later_mention_takes_the_date_of_one_that_named_no_one(extract):
    record = extract("Thailand and Cambodia signed six agreements on Tuesday. The signings were witnessed by "
                     "Prime Minister Srettha Thavisin and Prime Minister Hun Manet.", day("2024-02-08"))
    signings = of_type(record, "signing")
    assert [(s["start"], s["status"]) for s in signings] == [("2024-02-06", "completed")], record["events"]


@pytest.mark.parametrize("text, actors", [
    ("He noted the meeting held between President Joko Widodo and President Ferdinand Marcos in Manila.",
     {"joko widodo", "ferdinand marcos"}),
    ("Prime Minister Anthony Albanese welcomed the talks between Prime Minister Narendra Modi and President "
     "Joko Widodo.", {"narendra modi", "joko widodo"}),
])
def test_between_names_the_parties(extract, text, actors):
    events = of_type(extract(text, day("2024-03-04")), "meeting", "talks")
    assert actor_sets(events) == [actors], events


@pytest.mark.parametrize("text, kinds", [
    # a definite mention of a type told before is that occasion, whoever the sentence names
    ("President Joko Widodo held talks with President Ferdinand Marcos. Accompanying the President in the "
     "bilateral talks were Foreign Minister Retno Marsudi and Trade Minister Zulkifli Hasan.", ["talks"]),
    ("Prime Minister Hun Manet met Prime Minister Anwar Ibrahim. At the meeting, Foreign Minister Sok Chenda "
     "Sophea said trade would grow.", ["meeting"]),
    # "bilateral discussions" are talks; after a visit they are the visitor's
    ("Prime Minister Paetongtarn Shinawatra is on an official visit to Vietnam. The bilateral discussions "
     "covered trade.", ["visit", "talks"]),
])
def test_definite_mentions(extract, text, kinds):
    record = extract(text, day("2024-10-10"))
    assert sorted(e["type"] for e in record["events"]) == sorted(kinds), record["events"]


@pytest.mark.parametrize("text, expected", [
    ("Prime Minister Hun Manet was received by General Secretary To Lam, President Luong Cuong and Chairman "
     "Tran Thanh Man.", [{"hun manet", "to lam"}, {"hun manet", "luong cuong"}, {"hun manet", "tran thanh man"}]),
    ("General Secretary To Lam and President Luong Cuong received Prime Minister Hun Manet.",
     [{"to lam", "hun manet"}, {"luong cuong", "hun manet"}]),
    ("Prime Minister Hun Manet received Foreign Minister Bui Thanh Son.", [{"hun manet", "bui thanh son"}]),
])
def test_each_host_receives_apart(extract, text, expected):
    assert actor_sets(of_type(extract(text, day("2025-06-12")), "reception")) == expected


@pytest.mark.parametrize("text, published, absent", [
    ("President Thongloun Sisoulith attended a ceremony marking the birth anniversary of President Kaysone "
     "Phomvihane.", "2020-12-13", "kaysone phomvihane"),
])
def test_no_actor_after_death(extract, text, published, absent):
    record = extract(text, day(published))
    assert record["events"] and all(absent not in {fold(a) for a in e["actors"]} for e in record["events"])


def test_a_past_event_of_someone_dead_since_stays(extract):
    record = extract("President Kaysone Phomvihane paid an official visit to Vietnam in 1977.", day("2020-12-13"))
    assert [e["start"] for e in record["events"] if e["type"] == "visit"] == ["1977"]


@pytest.mark.parametrize("text", [
    "Prime Minister Hun Sen briefed reporters on his official talks with his Lao counterpart.",
    "President Joko Widodo noted the meeting between the Cambodian Prime Minister and the Thai Prime Minister.",
])
def test_a_person_never_named_is_no_actor(extract, text):
    record = extract(text, day("2018-12-06"))
    named = {fold(p["name"]) for p in record["people"]}
    assert all({fold(a) for a in e["actors"]} <= named for e in record["events"]), record["events"]


# -- kinds of occasion: a committee session and a leaders' meeting are two occasions ------------------
@pytest.mark.parametrize("text, expected", [
    ("Prime Minister Hun Manet and Prime Minister Sonexay Siphandone co-chaired the 10th meeting of the "
     "Cambodia-Laos Joint Commission on May 8. Hun Manet also attended the high-level meeting between "
     "the Cambodian People's Party and the Lao People's Revolutionary Party.", 2),
    ("Foreign Minister Wang Yi and Foreign Minister Bui Thanh Son attended the plenary meeting of the "
     "Steering Committee on June 3. The two ministers also held a restricted meeting.", 2),
    ("Prime Minister Srettha Thavisin met Prime Minister Sonexay Siphandone on April 2. The meeting of the "
     "two leaders was held at the Government Office.", 1),
    ("President Prabowo Subianto met President Luong Cuong on March 10. The high-level meeting focused on trade.", 1),
    ("The 46th meeting of the Vietnam-Laos Inter-Governmental Committee was co-chaired by Prime Minister "
     "Pham Minh Chinh and Prime Minister Sonexay Siphandone. The committee meeting adopted its minutes.", 1),
])
def test_kinds_of_occasion(extract, text, expected):
    meetings = of_type(extract(text, day("2024-06-10")), "meeting", "reception")
    assert len(meetings) == expected, meetings


@pytest.mark.parametrize("text, actors", [
    # an occasion of organizations names none of the sentence's people; the reporter is no party
    ("Foreign Minister Bui Thanh Son said Prime Minister Hun Manet attended the meeting between the "
     "Communist Party of Vietnam and the Cambodian People's Party.", {"hun manet"}),
    # "between the two": the sentence's people
    ("Prime Minister Anwar Ibrahim welcomed President Joko Widodo, followed by a meeting between the two.",
     {"anwar ibrahim", "joko widodo"}),
])
def test_between_organizations_or_the_two(extract, text, actors):
    meetings = of_type(extract(text, day("2023-01-09")), "meeting", "reception")
    assert meetings and actor_sets(meetings)[-1] == actors, meetings


# -- an office named with neither name nor country: its latest holder named before ------------------
@pytest.mark.parametrize("text, expected", [
    ("Prime Minister Hun Manet arrived in Hanoi on Monday. Events attended by the PM included a business "
     "forum and a meeting with Vietnamese investors.", {"hun manet"}),
    ("President Ferdinand Marcos Jr. landed in Jakarta. Later, the President held a meeting with business "
     "leaders.", {"ferdinand marcos jr."}),
])
def test_bare_office_is_its_holder(extract, text, expected):
    meetings = of_type(extract(text, day("2024-02-12")), "meeting")
    assert meetings and actor_sets(meetings)[0] == expected, meetings


# -- talks told as negotiations between people; a visit framing a planned event ---------------------
@pytest.mark.parametrize("text, expected", [
    ("On May 20, negotiations are scheduled between Foreign Minister Sergey Lavrov and Foreign Minister "
     "Ahmad Maslan.", [{"sergey lavrov", "ahmad maslan"}]),
    ("Negotiations with Prime Minister Anwar Ibrahim took place in Putrajaya.", [{"anwar ibrahim"}]),
    ("Trade negotiations between Vietnam and the European Union resumed.", []),
])
def test_negotiations_between_people_are_talks(extract, text, expected):
    assert actor_sets(of_type(extract(text, day("2024-05-02")), "talks")) == expected


@pytest.mark.parametrize("text, published, status", [
    ("Talks between Foreign Minister Wang Yi and Foreign Minister Bui Thanh Son are set for May 20, in the "
     "framework of his first official visit to China.", "2024-05-02", "planned"),
    # the framed event is today: the guest may be on the trip already, the visit keeps what news tells
    ("Talks between Foreign Minister Wang Yi and Foreign Minister Bui Thanh Son are set for May 2, in the "
     "framework of his first official visit to China.", "2024-05-02", "ongoing"),
])
def test_a_visit_framing_a_planned_event_is_planned(extract, text, published, status):
    visits = of_type(extract(text, day(published)), "visit")
    assert [v["status"] for v in visits] == [status], visits


def test_an_occasion_done_and_one_to_come_are_two(extract):
    text = ("President Prabowo Subianto had a bilateral talk with Prime Minister Anwar Ibrahim on Monday. "
            "Afterwards, President Prabowo will have a bilateral talk with the Prime Minister of Thailand.")
    talks = of_type(extract(text, day("2025-01-28")), "talks")
    assert [t["status"] for t in talks] == ["completed", "planned"], talks


# -- planned meetings and signings in a list of a trip's activities --------------------------------
@pytest.mark.parametrize("text, kind, expected", [
    ("During the visit, President Prabowo Subianto will hold talks with President Luong Cuong, meet Prime "
     "Minister Pham Minh Chinh and attend a business forum.", "meeting", [{"prabowo subianto", "pham minh chinh"}]),
    ("Prime Minister Anwar Ibrahim and Prime Minister Hun Manet will sign four agreements on Friday.", "signing",
     [{"anwar ibrahim", "hun manet"}]),
    ("Foreign Minister Retno Marsudi is due to sign a memorandum with Foreign Minister Saleumxay Kommasith.",
     "signing", [{"retno marsudi", "saleumxay kommasith"}]),
])
def test_planned_activities(extract, text, kind, expected):
    events = of_type(extract(text, day("2023-03-01")), kind)
    assert actor_sets(events) == expected and all(e["status"] == "planned" for e in events), events


def test_the_two_sides_are_the_talks_parties(extract):
    text = ("Prime Minister Srettha Thavisin will hold talks with Prime Minister Sonexay Siphandone and call on "
            "President Thongloun Sisoulith. The two sides are expected to sign three memoranda of understanding.")
    signings = of_type(extract(text, day("2024-01-20")), "signing")
    assert actor_sets(signings) == [{"srettha thavisin", "sonexay siphandone"}], signings


def test_an_exchange_of_numbered_documents_after_the_talks(extract):
    text = ("President Lee Jae-myung held talks with General Secretary To Lam on August 11. After the talks, the "
            "two leaders witnessed the exchange of 11 cooperation documents.")
    signings = of_type(extract(text, day("2025-08-12")), "signing")
    assert [(s["documents"], s["start"]) for s in signings] == [(11, "2025-08-11")], signings


def test_the_same_day_is_a_day_not_a_trip(extract):
    text = ("President Lee Jae-myung held talks with General Secretary To Lam on August 11. To Lam is on a state "
            "visit to the Republic of Korea from August 10 to 13. Later on the same day, To Lam received "
            "Speaker Woo Won-shik.")
    receptions = of_type(extract(text, day("2025-08-12")), "reception")
    assert [r["start"] for r in receptions] == ["2025-08-11"], receptions


def test_the_two_leaders_of_the_clause_sign(extract):
    text = ("On Thursday, President Emmanuel Macron held talks with President Luong Cuong, after which the two "
            "leaders witnessed the signing of nine documents.")
    signings = of_type(extract(text, day("2025-05-30")), "signing")
    assert [(actor_sets([s])[0], s["documents"], s["start"]) for s in signings] == \
        [({"emmanuel macron", "luong cuong"}, 9, "2025-05-29")], signings


def test_a_signing_is_dated_by_its_signers_occasion(extract):
    text = ("Defence Minister Phan Van Giang held talks with Defence Minister Richard Marles in Hanoi on Monday. "
            "Marles will also pay a courtesy call on Prime Minister Pham Minh Chinh. "
            "The two ministers signed a cooperation plan.")
    signings = of_type(extract(text, day("2024-06-04")), "signing")
    assert [(actor_sets([s])[0], s["start"]) for s in signings] == \
        [({"phan van giang", "richard marles"}, "2024-06-03")], signings


def test_courtesy_calls_on_two_leaders_are_two(extract):
    text = "Defence Minister Richard Marles will pay a courtesy call on President To Lam and Prime Minister Pham Minh Chinh."
    assert actor_sets(of_type(extract(text, day("2024-06-04")), "meeting")) == \
        [{"richard marles", "to lam"}, {"richard marles", "pham minh chinh"}]


@pytest.mark.parametrize("text, kind, expected", [
    ("King Norodom Sihamoni granted an audience to Prime Minister Anwar Ibrahim at the Royal Palace.",
     "reception", {"norodom sihamoni", "anwar ibrahim"}),
    ("Prime Minister Narendra Modi had an audience with King Jigme Khesar Namgyel Wangchuck.", "meeting",
     {"narendra modi", "jigme khesar namgyel wangchuck"}),
    ("Prime Minister Anwar Ibrahim and Prime Minister Paetongtarn Shinawatra co-chaired the seventh "
     "Malaysia-Thailand Annual Consultation in Bangkok.", "meeting", {"anwar ibrahim", "paetongtarn shinawatra"}),
])
def test_audiences_and_co_chaired_sessions(extract, text, kind, expected):
    events = of_type(extract(text, day("2024-12-16")), kind)
    assert actor_sets(events) == [expected], events


@pytest.mark.parametrize("text, kind, expected", [
    # a pair named by office: the last person named and the last one before from another country
    ("President Xi Jinping arrived in Hanoi. He was welcomed by Vice President Vo Thi Anh Xuan and General "
     "Secretary To Lam. Later, the two General Secretaries held talks.", "talks", {"xi jinping", "to lam"}),
    ("President Luong Cuong welcomed President Gabriel Boric in Hanoi. Both presidents later signed a joint "
     "statement.", "signing", {"luong cuong", "gabriel boric"}),
])
def test_a_pair_named_by_office(extract, text, kind, expected):
    assert actor_sets(of_type(extract(text, day("2025-04-15")), kind)) == [expected]


def test_a_welcome_ceremony_has_the_visitor(extract):
    text = ("President Prabowo Subianto arrived in Hanoi on Sunday for a state visit to Vietnam. An official "
            "welcome ceremony was held on Monday, presided over by President Luong Cuong.")
    ceremonies = of_type(extract(text, day("2025-03-10")), "ceremony")
    assert [c["actors"] for c in ceremonies] == [["Prabowo Subianto", "Luong Cuong"]], ceremonies


def test_a_briefing_is_given_by_its_speaker_not_by_what_is_said(extract):
    text = ("Spokeswoman Mao Ning told a regular press briefing on Monday that Premier Li Qiang will host "
            "Prime Minister Hun Manet in Beijing.")
    briefings = of_type(extract(text, day("2024-09-09")), "briefing")
    assert actor_sets(briefings) == [{"mao ning"}], briefings


def test_a_visit_of_another_clause_keeps_its_dates(extract):
    text = ("Prime Minister Pham Minh Chinh arrived in Melbourne on March 4 to attend the ASEAN-Australia Special "
            "Summit, and will pay an official visit to Australia from March 7 to 8.")
    summits = of_type(extract(text, day("2024-03-05")), "meeting")
    assert [s["start"] for s in summits] == ["2024-03-04"], summits


def test_a_named_summit_and_a_later_meeting_are_two(extract):
    text = ("President Joe Biden, who arrived from the G20 summit in New Delhi, met General Secretary Nguyen Phu "
            "Trong. On Monday, Biden met President Vo Van Thuong.")
    meetings = of_type(extract(text, day("2023-09-11")), "meeting")
    assert {"joe biden", "vo van thuong"} in actor_sets(meetings) and \
        not any({"vo van thuong"} <= s and "nguyen phu trong" in s for s in actor_sets(meetings)), meetings
    assert len(meetings) == 3, meetings


@pytest.mark.parametrize("text", [
    "Laos received more than 3 million foreign tourists last year, Minister Suanesavanh Vignaket said.",
    "Prime Minister Sonexay Siphandone received the Friendship Order from Vietnam in 2023.",
    "President Thongloun Sisoulith has visited 12 provinces since January.",
    "The railway, visited by 2 million passengers, links the capitals, President Xi Jinping said.",
    "Prime Minister Sonexay Siphandone said the government will meet the needs of farmers.",
    "President Bongbong Marcos signed into law a new investment code.",
    "The agreements signed during the 2019 visit have been implemented, Ambassador Nguyen Ba Hung said.",
])
def test_no_event_in_what_is_received_visited_met_or_signed(extract, text):
    record = extract(text, day("2024-03-03"))
    assert record["events"] == [], record["events"]


@pytest.mark.parametrize("text, count", [
    ("President Joko Widodo had a bilateral talk with President Choummaly Sayasone on Monday.", 1),
    ("During the talk, President Choummaly Sayasone thanked President Joko Widodo.", 1),
    ("When President Joko Widodo visited Vientiane, the talk was less about history than about trade.", 0),
])
def test_a_singular_talk(extract, text, count):
    assert len(of_type(extract(text, day("2016-02-16")), "talks")) == count


def test_a_summit_named_as_the_sidelines_is_no_event_of_its_own(extract):
    text = ("Prime Minister Narendra Modi held a bilateral meeting with Prime Minister Sonexay Siphandone on the "
            "sidelines of the 21st ASEAN-India Summit in Vientiane.")
    meetings = of_type(extract(text, day("2024-10-11")), "meeting")
    assert actor_sets(meetings) == [{"narendra modi", "sonexay siphandone"}], meetings


@pytest.mark.parametrize("text, expected", [
    ("Foreign Minister Saleumxay Kommasith chaired the ASEAN Foreign Ministers' Retreat in Luang Prabang, "
     "attended by Foreign Minister Bui Thanh Son.", [{"saleumxay kommasith", "bui thanh son"}]),
    ("Tourists enjoyed a mountain retreat near Prime Minister Anwar Ibrahim's home town.", []),
])
def test_a_retreat_of_ministers_is_a_meeting(extract, text, expected):
    assert actor_sets(of_type(extract(text, day("2024-01-29")), "meeting")) == expected


@pytest.mark.parametrize("text, kind, expected", [
    # a pair of the clause's own: not the talks told before
    ("Prime Minister Sonexay Siphandone held talks with Prime Minister Pham Minh Chinh in Vientiane on Monday. "
     "Prime Minister Hun Manet and Prime Minister Paetongtarn Shinawatra, the two leaders of the neighbouring "
     "nations, signed an agreement on Tuesday.", "signing", [{"hun manet", "paetongtarn shinawatra"}]),
    # a welcome ceremony that names its guest has no other visitor
    ("Prime Minister Pham Minh Chinh will pay an official visit to Laos later this month. In Phnom Penh on "
     "Monday, Prime Minister Hun Manet hosted a welcome ceremony for Prime Minister Paetongtarn Shinawatra.",
     "ceremony", [{"hun manet", "paetongtarn shinawatra"}]),
    # phrasal verbs and needs are no occasion
    ("Prime Minister Pham Minh Chinh urged farmers to meet export standards and sign up for the scheme.",
     "signing", []),
])
def test_review_cases(extract, text, kind, expected):
    assert actor_sets(of_type(extract(text, day("2025-03-05")), kind)) == expected
