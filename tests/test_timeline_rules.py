"""The gazetteer and the place comparisons a timeline merges by."""
from __future__ import annotations

import pytest

from vnlao_extract.merge.rules import places_compatible, resolve_place


@pytest.mark.parametrize("written, country", [
    ("Laos", "LA"), ("the Lao PDR", "LA"), ("Vientiane", "LA"), ("Luang Prabang", "LA"),
    ("Việt Nam", "VN"), ("Viet Nam", "VN"), ("Hà Nội", "VN"), ("HCMC", "VN"), ("Phnom Penh", "KH"),
    ("the U.S.", "US"), ("Washington, D.C.", "US"), ("Beijing", "CN"), ("the Republic of Korea", "KR"),
    ("Tokyo", "JP"), ("Moscow", "RU"), ("New Delhi", "IN"), ("Canberra", "AU"), ("Brussels", "BE"),
    ("Naypyitaw", "MM"), ("Jakarta", "ID"), ("Bandar Seri Begawan", "BN"), ("Atlantis", None),
    ("the Lao capital", "LA"), ("Vientiane Capital", "LA"), ("the Presidential Palace in Hanoi", "VN"),
    ("the Istana", "SG"), ("Istana Negara", "MY"), ("the Great Hall of the People", "CN"), ("Perdana Putra", "MY"),
    ("Ba Đình Hall", "VN"), ("Brasília", "BR"), ("Abu Dhabi", "AE"),
])
def test_places_resolve_to_their_country(written, country):
    assert resolve_place(written).country == country


@pytest.mark.parametrize("a, b, same", [
    ("Vientiane", "Laos", True), ("Vientiane", "Lao PDR", True), ("Hanoi", "Ha Noi", True),
    ("Saigon", "Ho Chi Minh City", True), ("Hanoi", "Vientiane", False), ("Hanoi", "Da Nang", False),
    ("Laos", "Cambodia", False), ("Laos", None, True), ("Atlantis", "Laos", True), ("Atlantis", "Lemuria", False),
    ("the Lao capital", "Vientiane", True), ("the Presidential Palace in Hanoi", "Hanoi", True),
    ("Ba Dinh Hall", "Hanoi", True), ("the Great Hall of the People in Beijing", "Beijing", True),
    ("Perdana Putra", "Putrajaya", True), ("Istana Negara", "the Istana", False),
])
def test_place_compatibility(a, b, same):
    assert places_compatible(resolve_place(a), resolve_place(b)) is same
    assert places_compatible(resolve_place(b), resolve_place(a)) is same


@pytest.mark.parametrize("a, b, same", [
    ("Hanoi", "Ho Chi Minh City", True), ("Phnom Penh", "Siem Reap", True), ("Hanoi", "Vientiane", False),
    ("Hanoi", "Vietnam", True), ("Atlantis", "Lemuria", False), ("Atlantis", "Laos", True), (None, "Laos", True),
])
def test_a_visit_is_a_trip_to_a_country(a, b, same):
    from vnlao_extract.merge.rules import countries_compatible

    assert countries_compatible(resolve_place(a), resolve_place(b)) is same
    assert countries_compatible(resolve_place(b), resolve_place(a)) is same
