"""Events on short texts written for these tests, in the many ways diplomatic news puts them.

Each table row is one text: the event it must give (type, actors with the visitor first, start/end,
place, status) or the event it must not give. Texts are sentences of their own, not copied from the
seeds or the dev set, with leaders of other years and countries so the rules cannot lean on names.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from vnlao_extract.registry import fold

SCORED = ("visit", "talks")


def day(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def events_of(record: dict, kind: str, actor: str | None = None) -> list[dict]:
    """The record's events of one type, with ``actor`` among their actors when given."""
    return [e for e in record["events"] if e["type"] == kind and
            (actor is None or fold(actor) in {fold(a) for a in e["actors"]})]


def only_event(record: dict, kind: str, actor: str) -> dict:
    found = events_of(record, kind, actor)
    assert len(found) == 1, f"expected one {kind} by {actor}, got {record['events']}"
    return found[0]


def check(event: dict, expected: dict) -> None:
    for key, value in expected.items():
        if key == "actors":
            assert [fold(a) for a in event["actors"][:len(value)]] == [fold(a) for a in value], event
        elif key == "actor_set":
            assert {fold(a) for a in event["actors"]} == {fold(a) for a in value}, event
        else:
            assert event[key] == value, (key, event)


# -- visits: one visit, its visitor first ------------------------------------------------------------
VISITS = [
    # "paid a state visit to"
    ("paid_state", "2019-04-30",
     "Chinese President Xi Jinping paid a state visit to Laos on April 27-28, 2019.",
     {"actors": ["Xi Jinping"], "start": "2019-04-27", "end": "2019-04-28", "place": "Laos",
      "status": "completed", "subtype": "state"}),
    ("paid_official_year_after", "2019-03-30",
     "Lao Prime Minister Thongloun Sisoulith paid an official visit to Cambodia from March 27 to 28, "
     "the Lao news agency said.",
     {"actors": ["Thongloun Sisoulith"], "start": "2019-03-27", "end": "2019-03-28", "place": "Cambodia",
      "status": "completed", "subtype": "official"}),
    # "will pay an official visit to ... from March 3 to 5"
    ("will_pay_range", "2025-02-20",
     "Thai Prime Minister Paetongtarn Shinawatra will pay an official visit to Laos from March 3 to 5.",
     {"actors": ["Paetongtarn Shinawatra"], "start": "2025-03-03", "end": "2025-03-05", "place": "Laos",
      "status": "planned"}),
    ("will_pay_no_date", "2025-02-20",
     "Cambodian Prime Minister Hun Manet will pay a working visit to Thailand next week.",
     {"actors": ["Hun Manet"], "place": "Thailand", "status": "planned", "subtype": "working"}),
    ("scheduled_to_visit", "2017-11-01",
     "Prime Minister Nguyen Xuan Phuc is scheduled to visit Cambodia on November 9, a spokesperson said.",
     {"actors": ["Nguyen Xuan Phuc"], "start": "2017-11-09", "place": "Cambodia", "status": "planned"}),
    # "is on a working visit to"
    ("is_on_working", "2022-07-05",
     "Lao Foreign Minister Saleumxay Kommasith is on a working visit to China.",
     {"actors": ["Saleumxay Kommasith"], "place": "China", "status": "ongoing", "subtype": "working"}),
    ("is_paying_range", "2019-04-08",
     "Prime Minister Nguyen Xuan Phuc is paying an official visit to Laos from April 7 to 9.",
     {"actors": ["Nguyen Xuan Phuc"], "start": "2019-04-07", "end": "2019-04-09", "place": "Laos",
      "status": "ongoing"}),
    # "arrived in Hanoi on Monday for a three-day state visit"
    ("arrived_three_day", "2024-06-10",
     "Thai Prime Minister Srettha Thavisin arrived in Hanoi on Monday for a three-day state visit.",
     {"actors": ["Srettha Thavisin"], "start": "2024-06-10", "end": "2024-06-12", "status": "ongoing"}),
    ("arrived_beginning", "2024-02-08",
     "Thai Prime Minister Srettha Thavisin arrived in Phnom Penh on February 7, beginning a two-day working "
     "trip to Cambodia.",
     {"actors": ["Srettha Thavisin"], "start": "2024-02-07", "end": "2024-02-08", "place": "Cambodia",
      "status": "ongoing"}),
    # "a three-day visit starting Monday"
    ("starting_monday", "2023-06-22",
     "Chinese Premier Li Qiang will make a four-day visit to Cambodia starting June 26.",
     {"actors": ["Li Qiang"], "start": "2023-06-26", "end": "2023-06-29", "place": "Cambodia",
      "status": "planned"}),
    # "X's visit to Laos"
    ("possessive", "2024-01-11",
     "Pham Minh Chinh's visit to Laos on January 8 opened a new chapter, observers said.",
     {"actors": ["Pham Minh Chinh"], "start": "2024-01-08", "place": "Laos", "status": "completed"}),
    ("possessive_titled", "2016-09-03",
     "President Tran Dai Quang's state visit to Laos on September 2 drew wide coverage.",
     {"actors": ["Tran Dai Quang"], "start": "2016-09-02", "place": "Laos", "status": "completed"}),
    # "the visit to Laos by Prime Minister X"
    ("by_after_place", "2024-01-11",
     "The visit to Laos by Prime Minister Pham Minh Chinh ended on January 9.",
     {"actors": ["Pham Minh Chinh"], "start": "2024-01-09", "place": "Laos", "status": "completed"}),
    ("by_then_place", "2018-04-10",
     "The official visit by Cambodian Prime Minister Hun Sen to Thailand will take place from April 20 to 22.",
     {"actors": ["Hun Sen"], "start": "2018-04-20", "end": "2018-04-22", "place": "Thailand",
      "status": "planned"}),
    ("of_visitor", "2018-04-10",
     "The state visit of Lao President Bounnhang Vorachith to Cambodia began on April 7.",
     {"actors": ["Bounnhang Vorachith"], "start": "2018-04-07", "place": "Cambodia"}),
    # "the Lao visit by X"
    ("nationality_place", "2023-03-05",
     "The Lao visit by President Vo Van Thuong ended on March 2.",
     {"actors": ["Vo Van Thuong"], "start": "2023-03-02", "place": "Laos", "status": "completed"}),
    # "his visiting Vietnamese counterpart X"
    ("visiting_counterpart", "2018-03-02",
     "Thai Prime Minister Prayut Chan-o-cha sat down with his visiting Lao counterpart Thongloun Sisoulith "
     "in Bangkok on March 1.",
     {"actors": ["Thongloun Sisoulith"], "start": "2018-03-01", "place": "Bangkok"}),
    ("visiting_title", "2023-10-05",
     "President Vo Van Thuong received visiting Lao Prime Minister Sonexay Siphandone on October 4.",
     {"actors": ["Sonexay Siphandone"], "start": "2023-10-04"}),
    # "invited X to pay a visit to Cambodia": a planned visit by X
    ("invited_to_pay", "2019-04-30",
     "President Xi Jinping invited Prime Minister Thongloun Sisoulith to pay a visit to China next year.",
     {"actors": ["Thongloun Sisoulith"], "place": "China", "status": "planned"}),
    ("invited_him", "2018-08-04",
     "Lao Deputy Prime Minister Sonexay Siphandone conveyed greetings to Prime Minister Nguyen Xuan Phuc and "
     "invited him to visit Laos at a convenient time.",
     {"actors": ["Nguyen Xuan Phuc"], "place": "Laos", "status": "planned"}),
    ("he_return_visit", "2019-03-20",
     "Thai Prime Minister Prayut Chan-o-cha said the talks were fruitful. He will pay a return visit to Laos "
     "later this year.",
     {"actors": ["Prayut Chan-o-cha"], "place": "Laos", "status": "planned"}),
    ("invited_to_visit", "2023-06-01",
     "President Vo Van Thuong invited King Norodom Sihamoni to visit Vietnam at a convenient time.",
     {"actors": ["Norodom Sihamoni"], "place": "Vietnam", "status": "planned"}),
    # "welcomed X on his first visit to Vietnam"
    ("welcomed_first", "2024-01-04",
     "President Vo Van Thuong welcomed Lao Prime Minister Sonexay Siphandone on his first visit to "
     "Vietnam on January 3.",
     {"actors": ["Sonexay Siphandone"], "start": "2024-01-03", "place": "Vietnam"}),
    # "X, who is on a visit to Vietnam"
    ("who_is_on", "2023-12-12",
     "Prime Minister Pham Minh Chinh met Cambodian Prime Minister Hun Manet, who is on an official visit "
     "to Vietnam, in Hanoi on December 11.",
     {"actors": ["Hun Manet"], "start": "2023-12-11", "place": "Vietnam", "status": "ongoing"}),
    ("who_was_paying", "2019-04-08",
     "Prime Minister Hun Sen welcomed Vietnamese Prime Minister Nguyen Xuan Phuc, who was paying an "
     "official visit to Cambodia, in Phnom Penh on April 6.",
     {"actors": ["Nguyen Xuan Phuc"], "start": "2019-04-06", "place": "Cambodia"}),
    # "concluded his visit"
    ("concluded_his", "2019-01-12",
     "Chinese Premier Li Keqiang concluded his official visit to Cambodia on January 11.",
     {"actors": ["Li Keqiang"], "start": "2019-01-11", "place": "Cambodia", "status": "completed"}),
    ("wrapped_up_his", "2016-05-18",
     "Lao President Bounnhang Vorachith wrapped up his state visit to China on May 17.",
     {"actors": ["Bounnhang Vorachith"], "start": "2016-05-17", "place": "China", "status": "completed"}),
    ("during_his", "2019-04-01",
     "During his visit to Laos on April 5, Prime Minister Nguyen Xuan Phuc will hold talks with Prime "
     "Minister Thongloun Sisoulith.",
     {"actors": ["Nguyen Xuan Phuc"], "start": "2019-04-05", "place": "Laos", "status": "planned"}),
    ("thanked_for_his", "2016-09-10",
     "Lao President Bounnhang Vorachith thanked President Tran Dai Quang for his visit to Laos.",
     {"actors": ["Tran Dai Quang"], "place": "Laos"}),
    ("visited_verb", "2019-04-08",
     "Prime Minister Nguyen Xuan Phuc visited Cambodia on April 5-6.",
     {"actors": ["Nguyen Xuan Phuc"], "start": "2019-04-05", "end": "2019-04-06", "place": "Cambodia",
      "status": "completed"}),
    ("left_for", "2020-01-02",
     "Lao Prime Minister Thongloun Sisoulith left Vientiane on January 2 for an official visit to Vietnam.",
     {"actors": ["Thongloun Sisoulith"], "start": "2020-01-02", "place": "Vietnam", "status": "ongoing"}),
    ("trip", "2022-12-01",
     "Cambodian Prime Minister Hun Sen's trip to Thailand last month ended without new agreements.",
     {"actors": ["Hun Sen"], "place": "Thailand", "status": "completed"}),
    ("month_only", "2020-03-15",
     "Prime Minister Hun Sen paid a brief trip to China in February 2020.",
     {"actors": ["Hun Sen"], "start": "2020-02", "place": "China", "status": "completed"}),
    ("year_only", "2020-01-15",
     "Thai Prime Minister Prayut Chan-o-cha visited Laos in 2019.",
     {"actors": ["Prayut Chan-o-cha"], "start": "2019", "place": "Laos", "status": "completed"}),
    # a weekday in a past-tense sentence is the one before the published date
    ("embarked_monday", "2023-09-15",
     "Cambodian Prime Minister Hun Manet embarked on his first official visit to Vietnam on Monday.",
     {"actors": ["Hun Manet"], "start": "2023-09-11", "place": "Vietnam"}),
    ("kicking_off", "2024-07-12",
     "Vietnam's top leader To Lam arrived in Vientiane on Thursday morning, kicking off a two-day state "
     "visit to Laos.",
     {"actors": ["To Lam"], "start": "2024-07-11", "end": "2024-07-12", "place": "Laos", "status": "ongoing"}),
    # the date of "concluded his two-day visit" is the last day
    ("concluded_two_day", "2025-03-06",
     "President Luong Cuong concluded his two-day state visit to Cambodia on March 5.",
     {"actors": ["Luong Cuong"], "start": "2025-03-04", "end": "2025-03-05", "place": "Cambodia",
      "status": "completed"}),
    ("travel_to", "2024-11-30",
     "Prime Minister Paetongtarn Shinawatra will travel to Laos next week for talks with her Lao counterpart "
     "Sonexay Siphandone.",
     {"actors": ["Paetongtarn Shinawatra"], "start": None, "place": "Laos", "status": "planned"}),
    ("the_latter", "2024-01-04",
     "Prime Minister Pham Minh Chinh received Thai Foreign Minister Parnpree Bahiddha-nukara in Hanoi on "
     "January 3 on the occasion of the latter's official visit to Vietnam.",
     {"actors": ["Parnpree Bahiddha-nukara"], "start": "2024-01-03", "place": "Vietnam"}),
    ("to_pay_headline_style", "2023-12-30",
     "Lao PM Sonexay Siphandone to pay official visit to Vietnam from January 3-5.",
     {"actors": ["Sonexay Siphandone"], "start": "2024-01-03", "end": "2024-01-05", "place": "Vietnam",
      "status": "planned"}),
    ("apposition_is_paying", "2023-12-12",
     "Thongloun Sisoulith, General Secretary of the Lao People's Revolutionary Party and President of Laos, "
     "is paying a state visit to Vietnam from December 11 to 13.",
     {"actors": ["Thongloun Sisoulith"], "start": "2023-12-11", "end": "2023-12-13", "place": "Vietnam",
      "status": "ongoing"}),
    ("led_delegation", "2024-01-05",
     "National Assembly Chairman Vuong Dinh Hue led a high-level delegation of the Vietnamese National "
     "Assembly on an official visit to Laos from January 2 to 4.",
     {"actors": ["Vuong Dinh Hue"], "start": "2024-01-02", "end": "2024-01-04", "place": "Laos",
      "status": "completed"}),
    ("visiting_delegation_led_by", "2024-01-03",
     "Lao National Assembly President Saysomphone Phomvihane hosted a banquet in honour of the visiting "
     "Vietnamese delegation led by National Assembly Chairman Vuong Dinh Hue.",
     {"actors": ["Vuong Dinh Hue"]}),
    ("visiting_here", "2024-12-20",
     "VIENTIANE, Dec. 19 (Xinhua) -- Lao Prime Minister Sonexay Siphandone met with visiting Chinese Vice "
     "Premier Ding Xuexiang here on Thursday.",
     {"actors": ["Ding Xuexiang"], "start": "2024-12-19"}),
]


@pytest.mark.parametrize("name, published, text, expected", VISITS, ids=[row[0] for row in VISITS])
def test_visit(extract, name, published, text, expected):
    record = extract(text, day(published))
    visits = events_of(record, "visit")
    assert len(visits) == 1, visits
    check(visits[0], expected)


# -- at the invitation of Y: Y is the host, never the visitor ---------------------------------------
INVITATIONS = [
    ("front_comma", "2023-12-10",
     "At the invitation of Prime Minister Pham Minh Chinh, Cambodian Prime Minister Hun Manet paid an "
     "official visit to Vietnam on December 11.",
     "Hun Manet", "Pham Minh Chinh", "2023-12-11"),
    ("front_will", "2019-04-08",
     "At the invitation of Chinese President Xi Jinping, Lao President Bounnhang Vorachith will pay a "
     "state visit to China from April 25 to 28.",
     "Bounnhang Vorachith", "Xi Jinping", "2019-04-25"),
    ("front_two_hosts", "2017-11-10",
     "At the invitation of General Secretary Nguyen Phu Trong and President Tran Dai Quang, Chinese "
     "President Xi Jinping will pay a state visit to Vietnam on November 12.",
     "Xi Jinping", "Nguyen Phu Trong", "2017-11-12"),
    ("middle", "2019-04-08",
     "Lao President Bounnhang Vorachith, at the invitation of Chinese President Xi Jinping, paid a state "
     "visit to China from April 2 to 5.",
     "Bounnhang Vorachith", "Xi Jinping", "2019-04-02"),
    ("after", "2019-04-08",
     "Lao President Bounnhang Vorachith paid a state visit to China from April 2 to 5 at the invitation "
     "of Chinese President Xi Jinping.",
     "Bounnhang Vorachith", "Xi Jinping", "2019-04-02"),
    ("on_invitation_spouse", "2024-09-09",
     "On the invitation of President To Lam and his spouse, Lao President Thongloun Sisoulith is paying a "
     "state visit to Vietnam from September 10 to 12.",
     "Thongloun Sisoulith", "To Lam", "2024-09-10"),
    ("apposition_host_first", "2024-07-11",
     "At the invitation of Thongloun Sisoulith, General Secretary of the LPRP Central Committee and President "
     "of Laos, General Secretary To Lam is paying a state visit to Laos from July 11 to 12.",
     "To Lam", "Thongloun Sisoulith", "2024-07-11"),
    ("apposition_host_last", "2024-07-11",
     "To Lam is on a state visit to Laos from July 11 to 12 at the invitation of Thongloun Sisoulith, "
     "General Secretary of the LPRP Central Committee and President of Laos.",
     "To Lam", "Thongloun Sisoulith", "2024-07-11"),
    ("guest_of", "2022-05-30",
     "As guest of Prime Minister Prayut Chan-o-cha, Lao Prime Minister Phankham Viphavanh will pay an "
     "official visit to Thailand on June 1-2.",
     "Phankham Viphavanh", "Prayut Chan-o-cha", "2022-06-01"),
    ("hosted_by", "2022-10-28",
     "General Secretary Nguyen Phu Trong paid an official visit to China from October 30 to November 1, "
     "hosted by General Secretary Xi Jinping.",
     "Nguyen Phu Trong", "Xi Jinping", "2022-10-30"),
]


@pytest.mark.parametrize("name, published, text, visitor, host, start", INVITATIONS,
                         ids=[row[0] for row in INVITATIONS])
def test_invitation_host_is_not_the_visitor(extract, name, published, text, visitor, host, start):
    record = extract(text, day(published))
    visit = only_event(record, "visit", visitor)
    check(visit, {"actors": [visitor], "start": start})
    assert not events_of(record, "visit", host)


# -- talks, meetings, receptions, calls, signings ----------------------------------------------------
PARTIES = [
    ("held_talks", "2024-05-17",
     "Prime Minister Pham Minh Chinh held talks with his Thai counterpart Srettha Thavisin in Bangkok on "
     "May 16.",
     "talks", {"actor_set": ["Pham Minh Chinh", "Srettha Thavisin"], "start": "2024-05-16",
               "place": "Bangkok", "status": "completed"}),
    ("co_chaired", "2024-01-10",
     "Prime Minister Pham Minh Chinh and his Lao counterpart Sonexay Siphandone co-chaired talks in "
     "Vientiane on January 9.",
     "talks", {"actor_set": ["Pham Minh Chinh", "Sonexay Siphandone"], "start": "2024-01-09",
               "place": "Vientiane", "status": "completed"}),
    ("will_hold_talks", "2022-06-25",
     "Lao Prime Minister Phankham Viphavanh will hold talks with Thai Prime Minister Prayut Chan-o-cha "
     "on June 28.",
     "talks", {"actor_set": ["Phankham Viphavanh", "Prayut Chan-o-cha"], "start": "2022-06-28",
               "status": "planned"}),
    ("phone_talks", "2024-05-04",
     "General Secretary To Lam held phone talks with Chinese President Xi Jinping on May 3.",
     "talks", {"actor_set": ["To Lam", "Xi Jinping"], "start": "2024-05-03", "status": "completed"}),
    ("had_a_talk", "2024-06-02",
     "President To Lam had a talk with Lao President Thongloun Sisoulith in Vientiane on June 1.",
     "talks", {"actor_set": ["To Lam", "Thongloun Sisoulith"], "start": "2024-06-01", "place": "Vientiane"}),
    ("talks_between", "2018-03-02",
     "The talks between Lao Prime Minister Thongloun Sisoulith and Thai Prime Minister Prayut Chan-o-cha "
     "took place in Bangkok on March 1.",
     "talks", {"actor_set": ["Thongloun Sisoulith", "Prayut Chan-o-cha"], "start": "2018-03-01",
               "place": "Bangkok", "status": "completed"}),
    ("talks_two_leaders", "2021-06-30",
     "President Nguyen Xuan Phuc and President Thongloun Sisoulith said the talks between the two "
     "leaders on June 29 were fruitful.",
     "talks", {"actor_set": ["Nguyen Xuan Phuc", "Thongloun Sisoulith"], "start": "2021-06-29"}),
    ("weekday_dateline", "2023-10-18",
     "BEIJING, Oct. 17 (Xinhua) -- Chinese President Xi Jinping held talks with Lao President Thongloun "
     "Sisoulith in Beijing on Tuesday.",
     "talks", {"actor_set": ["Xi Jinping", "Thongloun Sisoulith"], "start": "2023-10-17", "place": "Beijing",
               "status": "completed"}),
    ("video_link", "2024-03-06",
     "Chinese Foreign Minister Wang Yi held talks with his Lao counterpart Saleumxay Kommasith via video "
     "link on March 5.",
     "talks", {"actor_set": ["Wang Yi", "Saleumxay Kommasith"], "start": "2024-03-05", "status": "completed"}),
    ("subject_pair_official_talks", "2024-02-08",
     "Thai Prime Minister Srettha Thavisin and his Cambodian counterpart Hun Manet held official talks at "
     "Government House in Bangkok on February 7.",
     "talks", {"actor_set": ["Srettha Thavisin", "Hun Manet"], "start": "2024-02-07", "place": "Bangkok"}),
    ("phone_call", "2024-04-05",
     "Prime Minister Pham Minh Chinh held a phone call with Thai Prime Minister Srettha Thavisin on April 4.",
     "phone_call", {"actor_set": ["Pham Minh Chinh", "Srettha Thavisin"], "start": "2024-04-04",
                    "status": "completed"}),
    ("spoke_by_phone", "2020-04-02",
     "Prime Minister Nguyen Xuan Phuc spoke by phone with Cambodian Prime Minister Hun Sen on April 1.",
     "phone_call", {"actor_set": ["Nguyen Xuan Phuc", "Hun Sen"], "start": "2020-04-01"}),
    ("received", "2024-06-06",
     "Lao Prime Minister Sonexay Siphandone received Vietnamese Ambassador Nguyen Minh Tam in Vientiane on "
     "June 5.",
     "reception", {"actor_set": ["Sonexay Siphandone", "Nguyen Minh Tam"], "start": "2024-06-05",
                   "place": "Vientiane", "status": "completed"}),
    ("met_with", "2023-06-04",
     "Cambodian Prime Minister Hun Manet met with Vietnamese President Vo Van Thuong on June 3.",
     "meeting", {"actor_set": ["Hun Manet", "Vo Van Thuong"], "start": "2023-06-03", "status": "completed"}),
    ("courtesy_call", "2021-09-14",
     "Lao Foreign Minister Saleumxay Kommasith made a courtesy call to Prime Minister Pham Minh Chinh in Hanoi "
     "on September 13.",
     "meeting", {"actor_set": ["Saleumxay Kommasith", "Pham Minh Chinh"], "start": "2021-09-13",
                 "place": "Hanoi"}),
    ("political_consultation", "2024-06-08",
     "Deputy Foreign Minister Do Hung Viet and Lao Deputy Foreign Minister Thongphane Savanphet held the "
     "tenth political consultation in Hanoi on June 7.",
     "meeting", {"actor_set": ["Do Hung Viet", "Thongphane Savanphet"], "start": "2024-06-07",
                 "place": "Hanoi"}),
]


@pytest.mark.parametrize("name, published, text, kind, expected", PARTIES, ids=[row[0] for row in PARTIES])
def test_parties_events(extract, name, published, text, kind, expected):
    record = extract(text, day(published))
    found = events_of(record, kind)
    assert len(found) == 1, record["events"]
    check(found[0], expected)


@pytest.mark.parametrize("text, kind", [
    ("Deputy Minister Le Thi Thu Hang called on Lao Prime Minister Sonexay Siphandone for a courtesy call.",
     "meeting"),
    ("Deputy Foreign Minister Do Hung Viet co-chaired the political consultation with Lao Deputy Foreign "
     "Minister Thongphane Savanphet.", "meeting"),
    ("Prime Minister Hun Manet held a phone call with Prime Minister Pham Minh Chinh.", "phone_call"),
], ids=["courtesy_call", "political_consultation", "phone_call"])
def test_not_a_visit_nor_talks(extract, text, kind):
    record = extract(text, day("2024-06-10"))
    assert events_of(record, kind)
    assert not [e for e in record["events"] if e["type"] in SCORED], record["events"]


SIGNINGS = [
    ("witnessed_five", "The two prime ministers, Pham Minh Chinh and Sonexay Siphandone, witnessed the "
     "signing of five agreements on January 9.", 5),
    ("signed_digits", "Foreign Minister Bui Thanh Son and Lao Foreign Minister Saleumxay Kommasith signed 12 "
     "cooperation documents on January 9.", 12),
    ("signed_memoranda", "Prime Minister Hun Manet and Prime Minister Sonexay Siphandone signed three "
     "memoranda of understanding on January 9.", 3),
    ("signed_one", "Defence Minister Phan Van Giang and Lao Defence Minister Chansamone Chanyalath signed "
     "a memorandum of understanding on January 9.", 1),
]


@pytest.mark.parametrize("name, text, documents", SIGNINGS, ids=[row[0] for row in SIGNINGS])
def test_signing_counts_documents(extract, name, text, documents):
    record = extract(text, day("2024-01-10"))
    found = events_of(record, "signing")
    assert len(found) == 1, record["events"]
    check(found[0], {"documents": documents, "start": "2024-01-09", "status": "completed"})
    assert len(found[0]["actors"]) == 2


# -- several events in one sentence -----------------------------------------------------------------
def test_each_clause_gets_its_own_actors_and_date(extract):
    record = extract("Prime Minister Pham Minh Chinh held talks with Prime Minister Hun Manet on March 18, "
                     "and received Lao Deputy Prime Minister Saleumxay Kommasith on March 19.", day("2024-03-20"))
    check(only_event(record, "talks", "Hun Manet"),
          {"actor_set": ["Pham Minh Chinh", "Hun Manet"], "start": "2024-03-18"})
    check(only_event(record, "reception", "Saleumxay Kommasith"),
          {"actor_set": ["Pham Minh Chinh", "Saleumxay Kommasith"], "start": "2024-03-19"})


def test_talks_and_meet_split_their_people(extract):
    record = extract("President Luong Cuong will hold talks with King Norodom Sihamoni and meet Prime Minister "
                     "Hun Manet on March 4.", day("2025-03-01"))
    check(only_event(record, "talks", "Luong Cuong"), {"actor_set": ["Luong Cuong", "Norodom Sihamoni"],
                                                       "status": "planned"})
    check(only_event(record, "meeting", "Hun Manet"), {"actor_set": ["Luong Cuong", "Hun Manet"],
                                                       "start": "2025-03-04", "status": "planned"})


def test_talks_after_a_ceremony_in_the_same_sentence(extract):
    record = extract("On March 4, King Norodom Sihamoni hosted an official welcome ceremony for President "
                     "Luong Cuong at the Royal Palace, followed by talks between the two leaders.", day("2025-03-06"))
    check(only_event(record, "talks", "Luong Cuong"),
          {"actor_set": ["Norodom Sihamoni", "Luong Cuong"], "start": "2025-03-04", "status": "completed"})


@pytest.mark.parametrize("text", [
    "Prime Minister Nguyen Xuan Phuc hosted an official welcome ceremony for Lao Prime Minister Thongloun "
    "Sisoulith before their talks on December 3.",
    "Talks were held between Prime Minister Nguyen Xuan Phuc and his Lao counterpart Thongloun Sisoulith on "
    "December 3 following a welcome ceremony.",
    "Prime Minister Nguyen Xuan Phuc held talks on December 3 with Lao Prime Minister Thongloun Sisoulith, who "
    "arrived in Hanoi on December 2 for a two-day official visit.",
], ids=["their_talks", "talks_were_held_between", "talks_then_relative_visit"])
def test_talks_next_to_other_events(extract, text):
    record = extract(text, day("2019-12-04"))
    check(only_event(record, "talks", "Thongloun Sisoulith"),
          {"actor_set": ["Nguyen Xuan Phuc", "Thongloun Sisoulith"], "start": "2019-12-03", "status": "completed"})
    for visit in events_of(record, "visit"):
        check(visit, {"actors": ["Thongloun Sisoulith"], "start": "2019-12-02", "end": "2019-12-03",
                      "place": "Hanoi"})


def test_two_visitors_in_one_sentence(extract):
    record = extract("Lao Prime Minister Sonexay Siphandone paid an official visit to Vietnam on March 1-2, "
                     "while Cambodian Prime Minister Hun Manet paid a working visit to Thailand on March 15.",
                     day("2024-03-20"))
    check(only_event(record, "visit", "Sonexay Siphandone"),
          {"actors": ["Sonexay Siphandone"], "start": "2024-03-01", "end": "2024-03-02", "place": "Vietnam"})
    check(only_event(record, "visit", "Hun Manet"),
          {"actors": ["Hun Manet"], "start": "2024-03-15", "place": "Thailand"})
    assert len(events_of(record, "visit")) == 2


def test_one_visitor_two_destinations(extract):
    record = extract("President Vo Van Thuong visited Laos on March 10 and Cambodia on March 12.",
                     day("2024-03-20"))
    visits = events_of(record, "visit", "Vo Van Thuong")
    assert [(v["place"], v["start"]) for v in visits] == [("Laos", "2024-03-10"), ("Cambodia", "2024-03-12")]


def test_a_new_clause_is_not_a_destination(extract):
    record = extract("Lao Prime Minister Sonexay Siphandone paid a visit to Vietnam on June 5, and China "
                     "expressed its support.", day("2024-06-10"))
    assert [v["place"] for v in events_of(record, "visit")] == ["Vietnam"]


def test_visit_and_talks_in_one_sentence(extract):
    record = extract("Visiting Chinese Premier Li Qiang held talks with Prime Minister Pham Minh Chinh in "
                     "Hanoi on October 13.", day("2024-10-14"))
    check(only_event(record, "visit", "Li Qiang"), {"actors": ["Li Qiang"], "start": "2024-10-13"})
    check(only_event(record, "talks", "Li Qiang"),
          {"actor_set": ["Li Qiang", "Pham Minh Chinh"], "start": "2024-10-13"})


# -- one visit, many mentions ------------------------------------------------------------------------
MERGED = [
    ("repeated", "2024-01-12",
     "Prime Minister Pham Minh Chinh paid an official visit to Laos on January 8-9. During the visit, "
     "Prime Minister Pham Minh Chinh held talks with Prime Minister Sonexay Siphandone. Chinh's visit to "
     "Laos was a success, observers said. The Vietnamese leader concluded the visit on January 9.",
     "Pham Minh Chinh", {"start": "2024-01-08", "end": "2024-01-09", "place": "Laos", "status": "completed"}),
    ("arrival_then_range", "2019-04-08",
     "Lao President Bounnhang Vorachith arrived in Beijing on April 6. He is paying a state visit to China. "
     "Bounnhang Vorachith's state visit to China runs from April 6 to 9.",
     "Bounnhang Vorachith", {"start": "2019-04-06", "end": "2019-04-09", "place": "China",
                             "status": "ongoing"}),
    ("later_day_inside", "2017-11-15",
     "Chinese President Xi Jinping paid a state visit to Laos from November 13 to 14. On November 14, "
     "President Xi Jinping concluded his visit to Laos.",
     "Xi Jinping", {"start": "2017-11-13", "end": "2017-11-14", "status": "completed"}),
]


@pytest.mark.parametrize("name, published, text, visitor, expected", MERGED, ids=[row[0] for row in MERGED])
def test_one_visit_mentioned_many_times(extract, name, published, text, visitor, expected):
    record = extract(text, day(published))
    visits = events_of(record, "visit")
    assert len(visits) == 1, visits
    check(visits[0], dict(expected, actors=[visitor]))
    assert len(visits[0]["mentions"]) >= 2


def test_vna_style_announcement(extract):
    record = extract(
        "Hanoi (VNA) – President Luong Cuong will pay a state visit to Cambodia from March 4 to 5 at the invitation "
        "of King Norodom Sihamoni, the Ministry of Foreign Affairs announced on March 1.\n"
        "During the visit, President Cuong will hold talks with King Norodom Sihamoni.\n"
        "This is the first visit to Cambodia by President Luong Cuong since he took office in October 2024.\n",
        day("2025-03-01"))
    visits = events_of(record, "visit")
    assert len(visits) == 1, visits
    check(visits[0], {"actors": ["Luong Cuong"], "start": "2025-03-04", "end": "2025-03-05",
                      "place": "Cambodia", "status": "planned"})
    check(only_event(record, "talks", "Norodom Sihamoni"), {"status": "planned"})


def test_the_trip_gives_its_dates(extract):
    record = extract("Prime Minister Paetongtarn Shinawatra will travel to Laos next week for talks with her Lao "
                     "counterpart Sonexay Siphandone. The trip, her first to Laos as prime minister, will run "
                     "from December 5 to 6.", day("2024-11-30"))
    check(only_event(record, "visit", "Paetongtarn Shinawatra"),
          {"start": "2024-12-05", "end": "2024-12-06", "place": "Laos", "status": "planned"})


def test_later_sentence_dates_the_visit(extract):
    record = extract("Cambodian King Norodom Sihamoni will pay a state visit to China. The visit, which is due to "
                     "take place on March 12, is expected to deepen the partnership.", day("2025-03-01"))
    check(only_event(record, "visit", "Norodom Sihamoni"),
          {"start": "2025-03-12", "place": "China", "status": "planned"})


def test_talks_during_the_visit_take_the_visitor(extract):
    record = extract("Thai Prime Minister Prayut Chan-o-cha paid an official visit to Cambodia from June 5 to 6. "
                     "The talks focused on border issues.", day("2019-06-07"))
    assert only_event(record, "visit", "Prayut Chan-o-cha")["start"] == "2019-06-05"
    assert only_event(record, "talks", "Prayut Chan-o-cha")["actors"][0] == "Prayut Chan-o-cha"


# -- references --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "General Secretary Nguyen Phu Trong received Lao President Thongloun Sisoulith on March 18. "
    "The Lao leader's recent visit to Vietnam was a great success.",
    "General Secretary Nguyen Phu Trong received Lao President Thongloun Sisoulith on March 18. "
    "The visit to Vietnam by the Lao leader was a great success.",
    "General Secretary Nguyen Phu Trong received Lao President Thongloun Sisoulith on March 18. "
    "The Lao leader paid a state visit to Vietnam in February.",
    "General Secretary Nguyen Phu Trong received Lao President Thongloun Sisoulith on March 18. "
    "At the invitation of the Vietnamese leader, the Lao leader paid a state visit to Vietnam in February.",
], ids=["possessive", "by", "subject", "reference_host"])
def test_reference_visitor(extract, text):
    record = extract(text, day("2024-03-20"))
    visit = only_event(record, "visit", "Thongloun Sisoulith")
    check(visit, {"actors": ["Thongloun Sisoulith"], "place": "Vietnam"})
    assert not events_of(record, "visit", "Nguyen Phu Trong")


# -- status from the dates and the published date ---------------------------------------------------
STATUS = [
    ("before", "2026-02-01", "planned"),
    ("first_day", "2026-02-05", "ongoing"),
    ("inside", "2026-02-06", "ongoing"),
    ("after", "2026-02-10", "completed"),
    ("no_published", None, "planned"),
]


@pytest.mark.parametrize("name, published, status", STATUS, ids=[row[0] for row in STATUS])
def test_status_from_dates(extract, name, published, status):
    text = "President Luong Cuong will pay a state visit to Thailand from February 5 to 7, 2026."
    check(only_event(extract(text, day(published)), "visit", "Luong Cuong"),
          {"start": "2026-02-05", "end": "2026-02-07", "status": status})


@pytest.mark.parametrize("text, status", [
    ("Lao Prime Minister Sonexay Siphandone will visit Cambodia.", "planned"),
    ("Lao Prime Minister Sonexay Siphandone is expected to visit Cambodia.", "planned"),
    ("Lao Prime Minister Sonexay Siphandone is visiting Cambodia.", "ongoing"),
    ("Lao Prime Minister Sonexay Siphandone is currently on an official visit to Cambodia.", "ongoing"),
    ("Lao Prime Minister Sonexay Siphandone visited Cambodia.", "completed"),
    ("Lao Prime Minister Sonexay Siphandone made a visit to Cambodia.", "completed"),
    ("Lao Prime Minister Sonexay Siphandone is concluding his official visit to Cambodia.", "ongoing"),
    ("Lao Prime Minister Sonexay Siphandone concluded his official visit to Cambodia.", "completed"),
    ("Lao Prime Minister Sonexay Siphandone's recent visit to Cambodia was fruitful.", "completed"),
    ("Lao Prime Minister Sonexay Siphandone's upcoming visit to Cambodia will be his first.", "planned"),
], ids=["will", "expected", "is_visiting", "currently_on", "visited", "made", "is_concluding", "concluded",
        "recent", "upcoming"])
def test_status_from_tense(extract, text, status):
    check(only_event(extract(text, None), "visit", "Sonexay Siphandone"), {"status": status, "place": "Cambodia"})


# -- nothing spurious --------------------------------------------------------------------------------
NO_VISIT = [
    ("investors", "Foreign investors visiting Laos rose sharply, Prime Minister Sonexay Siphandone said."),
    ("tourists", "More Chinese tourists visiting Vietnam, Deputy Prime Minister Tran Luu Quang noted, "
                 "would help the economy."),
    ("businesses_comma", "Vietnamese businesses visiting Laos, Minister Nguyen Chi Dung said, should "
                         "study the market."),
    ("exchange", "President Vo Van Thuong and President Thongloun Sisoulith agreed to increase the exchange "
                 "of visits at all levels."),
    ("exchange_delegations", "Prime Minister Hun Manet called for more exchanges of delegations and visits "
                             "between the two parties."),
    ("mutual", "Prime Minister Hun Manet and Prime Minister Pham Minh Chinh agreed to promote mutual visits "
               "and high-level contacts."),
    ("regular", "Prime Minister Prayut Chan-o-cha and Prime Minister Phankham Viphavanh agreed to maintain "
                "regular high-level visits."),
    ("the_visit_nobody", "Prime Minister Hun Manet said the visit would strengthen the partnership."),
    ("by_of_another_clause", "During the visit, the guest was granted a royal audience by King Maha "
                             "Vajiralongkorn."),
    ("preparing_for_the_visit", "Prime Minister Sonexay Siphandone asked ministries to prepare well for the "
                                "upcoming visit."),
    ("inviter", "Prime Minister Hun Manet invited the Lao leaders to visit Cambodia."),
]


@pytest.mark.parametrize("name, text", NO_VISIT, ids=[row[0] for row in NO_VISIT])
def test_no_spurious_visit(extract, name, text):
    record = extract(text, day("2024-01-02"))
    assert not events_of(record, "visit"), record["events"]


@pytest.mark.parametrize("text", [
    "The two sides agreed that the talks were fruitful.",
    "The talks covered trade, investment and connectivity.",
    "Talks on the border issue will resume next month.",
], ids=["the_talks", "covered", "resume"])
def test_talks_without_anyone(extract, text):
    assert not extract(text, day("2024-01-02"))["events"]


@pytest.mark.parametrize("name, text, visitor, not_start", [
    ("since_possessive",
     "Since General Secretary Nguyen Phu Trong's visit to China, trade has grown fast, Premier Li Qiang "
     "told Prime Minister Pham Minh Chinh on June 26.", "Nguyen Phu Trong", "2023-06-26"),
    ("since_by",
     "Ties have deepened since the state visit to Laos by President Vo Van Thuong, Prime Minister Sonexay "
     "Siphandone said at a meeting with Prime Minister Pham Minh Chinh on June 26.",
     "Vo Van Thuong", "2023-06-26"),
], ids=["since_possessive", "since_by"])
def test_background_visit_keeps_out_the_sentence_date(extract, name, text, visitor, not_start):
    record = extract(text, day("2023-06-27"))
    for visit in events_of(record, "visit", visitor):
        assert visit["start"] != not_start
        assert visit["status"] == "completed"


def test_since_clause_date_stays_with_its_visit(extract):
    record = extract("Since his state visit to Vietnam in December 2023, President Xi Jinping has kept "
                     "in close contact with Vietnamese leaders. Prime Minister Pham Minh Chinh held talks "
                     "with Xi Jinping on June 26.", day("2024-06-27"))
    for visit in events_of(record, "visit", "Xi Jinping"):
        assert visit["start"] == "2023-12"
    check(only_event(record, "talks", "Xi Jinping"), {"start": "2024-06-26"})


# -- a user's pattern file (--patterns, the "pattern_files" config) ---------------------------------
def test_user_pattern_file(tmp_path):
    from vnlao_extract.extract import extract_text
    from vnlao_extract.pipeline import build_pipeline

    path = tmp_path / "mine.jsonl"
    rows = [{"id": "summit", "type": "meeting", "frame": "parties", "pattern": [{"LOWER": "summit"}]},
            {"id": "stopover", "type": "visit", "frame": "visit",
             "pattern": [{"LOWER": "stopover"}, {"LOWER": "in"}]}]
    path.write_text("// my patterns\n" + "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    nlp = build_pipeline(patterns=[path])
    text = ("Prime Minister Hun Manet and Prime Minister Pham Minh Chinh held a summit in Phnom Penh on "
            "May 3. Lao President Thongloun Sisoulith made a stopover in Bangkok on May 4.")
    record = extract_text(nlp, text, "mine.txt", day("2024-05-05"))
    check(only_event(record, "meeting", "Hun Manet"),
          {"actor_set": ["Hun Manet", "Pham Minh Chinh"], "start": "2024-05-03", "status": "completed"})
    check(only_event(record, "visit", "Thongloun Sisoulith"),
          {"actors": ["Thongloun Sisoulith"], "start": "2024-05-04", "place": "Bangkok"})
    assert only_event(record, "meeting", "Hun Manet")["evidence"]["rule"] == "summit"


def test_patterns_option_on_the_command_line(tmp_path):
    rows = [{"id": "summit", "type": "meeting", "frame": "parties", "pattern": [{"LOWER": "summit"}]},
            {"id": "no_summit_visits", "type": "none", "frame": "block",
             "pattern": [{"LOWER": "summit"}, {"LOWER": "visits"}]}]
    patterns = tmp_path / "mine.jsonl"
    patterns.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Prime Minister Hun Manet and Prime Minister Sonexay Siphandone held a summit in Vientiane "
                       "on May 3. They agreed to hold more summit visits.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "vnlao_extract.cli", str(article), "--json", "--published",
                           "2024-05-04", "--patterns", str(patterns)], capture_output=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    [record] = json.loads(proc.stdout)
    check(only_event(record, "meeting", "Hun Manet"),
          {"actor_set": ["Hun Manet", "Sonexay Siphandone"], "start": "2024-05-03", "place": "Vientiane"})
    assert not events_of(record, "visit")


def test_bad_pattern_file_is_a_usage_error(tmp_path):
    patterns = tmp_path / "bad.jsonl"
    patterns.write_text(json.dumps({"id": "x", "type": "meeting", "frame": "parties",
                                    "pattern": [{"class": "NO_SUCH_CLASS"}]}) + "\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Prime Minister Hun Manet met Prime Minister Sonexay Siphandone.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "vnlao_extract.cli", str(article), "--json",
                           "--patterns", str(patterns)], capture_output=True, timeout=180)
    assert proc.returncode == 2
    assert b"NO_SUCH_CLASS" in proc.stderr


UNNAMED_TALKS = [
    # (text, the talks' actors) — a talks sentence that names no one takes its people from before
    ("Lao Prime Minister Sonexay Siphandone arrived in Bangkok on Monday.\n\n"
     "He then held talks with Thai Prime Minister Srettha Thavisin at Government House.",
     ["Sonexay Siphandone", "Srettha Thavisin"]),
    ("Chinese Premier Li Qiang welcomed Vietnamese Prime Minister Pham Minh Chinh in Beijing.\n\n"
     "The two leaders then held talks on railway links.",
     ["Li Qiang", "Pham Minh Chinh"]),
    ("President Luong Cuong received Cambodian Senate President Hun Sen in Hanoi.\n\n"
     "Afterwards, both leaders held talks.",
     ["Luong Cuong", "Hun Sen"]),
]


@pytest.mark.parametrize("text, actors", UNNAMED_TALKS)
def test_talks_with_pronoun_or_two_leaders(extract, text, actors):
    record = extract(text, dt.date(2024, 5, 6))
    talks = [e for e in record["events"] if e["type"] == "talks"]
    assert len(talks) == 1 and talks[0]["actors"] == actors


# -- the Matcher runs only around the words a pattern needs: the same matches as over the whole Doc ----------
GATED = [
    # (name, pattern rows, text)
    ("optional_words_before", [{"id": "summit", "pattern": [{"LOWER": {"IN": ["bilateral", "regional"]}, "OP": "*"},
                                                            {"LOWER": "summit"}]}],
     "Leaders met at a regional bilateral summit in Hanoi. Regional summit talks follow. A summit ended."),
    ("optional_words_after", [{"id": "trip", "pattern": [{"LOWER": "trip"},
                                                         {"LOWER": {"IN": ["to", "abroad"]}, "OP": "*"}]}],
     "His trip to to Laos and a trip abroad. Trip"),
    ("any_words_between", [{"id": "between", "pattern": [{"LOWER": "summit"}, {"IS_ALPHA": True, "OP": "*"},
                                                        {"LOWER": "ended"}]}],
     "The summit in Hanoi on Monday ended. Another summit, held later, ended too."),
    ("bounded_words_between", [{"id": "bounded", "pattern": [{"LOWER": "exchange"}, {"IS_ALPHA": True, "OP": "{0,2}"},
                                                            {"LOWER": "visits"}]}],
     "They agreed on the exchange of more visits and an exchange of many high level visits."),
    ("anchor_in_the_middle", [{"id": "held", "pattern": [{"LOWER": {"IN": ["they", "we"]}}, {"LOWER": "held"},
                                                        {"IS_TITLE": True, "OP": "?"}]}],
     "They held Talks. We held talks. They held"),
    ("negated_word", [{"id": "not_of", "pattern": [{"LOWER": "summit"}, {"LOWER": "of", "OP": "!"}]},
                      {"id": "not_a", "pattern": [{"LOWER": "a", "OP": "!"}, {"LOWER": "talk"}]}],
     "The summit ended. A summit of leaders. One talk, a talk."),
    ("case_of_orth", [{"id": "orth", "pattern": [{"ORTH": "Summit"}, {"LOWER": "of"}]}],
     "The Summit of leaders, a SUMMIT of ministers and a summit of envoys."),
    ("no_word_to_look_for", [{"id": "regex", "pattern": [{"LOWER": {"REGEX": "^summits?$"}}]},
                             {"id": "plain", "pattern": [{"LOWER": "talks"}]}],
     "Two summits and talks. The summit."),
    ("two_rules_one_span", [{"id": "noun", "pattern": [{"LOWER": {"IN": ["state", "official"]}, "OP": "*"},
                                                       {"LOWER": {"IN": ["visit", "visits"]}}]},
                            {"id": "verb", "pattern": [{"LOWER": {"IN": ["visited", "visits"]}}]}],
     "He visited Laos. Lam visits Laos; an official state visit follows, then visits resume."),
]


@pytest.mark.parametrize("greedy", ["LONGEST", "FIRST", None])
@pytest.mark.parametrize("name, rows, text", GATED, ids=[row[0] for row in GATED])
def test_windows_find_what_the_whole_doc_gives(nlp, name, rows, text, greedy):
    from vnlao_extract.matching import matched_spans
    from vnlao_extract.matching.anchors import AnchoredMatcher
    from vnlao_extract.matching.windowed import matched_spans_in

    matcher = AnchoredMatcher(nlp.vocab, rows, nlp.Defaults.stop_words, greedy)
    doc = nlp(text)
    whole = [(s.start, s.end, row["id"]) for s, row in matched_spans(doc, matcher.matcher, matcher.rows)]
    assert whole, "the case must match something"
    assert [(s.start, s.end, row["id"]) for s, row in matcher(doc)] == whole
    windows = [(start, end) for start, end, _ in matcher.windows(doc)]
    assert [(s.start, s.end, row["id"]) for s, row in
            matched_spans_in(doc, matcher.matcher, matcher.rows, windows, greedy)] == whole


def test_user_pattern_without_a_word_still_matches(tmp_path):
    from vnlao_extract.extract import extract_text
    from vnlao_extract.pipeline import build_pipeline

    path = tmp_path / "mine.jsonl"
    rows = [{"id": "summitry", "type": "meeting", "frame": "parties", "pattern": [{"LOWER": {"REGEX": "^summit"}}]}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    nlp = build_pipeline(patterns=[path])
    text = "Prime Minister Hun Manet and Prime Minister Pham Minh Chinh held a summit in Phnom Penh on May 3."
    record = extract_text(nlp, text, "mine.txt", day("2024-05-05"))
    check(only_event(record, "meeting", "Hun Manet"), {"actor_set": ["Hun Manet", "Pham Minh Chinh"]})
    assert only_event(record, "meeting", "Hun Manet")["evidence"]["rule"] == "summitry"
