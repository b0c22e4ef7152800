"""One unknown person across articles: the same name written longer or shorter."""
from __future__ import annotations

import pytest

from vnlao_extract.merge.people import same_people
from vnlao_extract.merge.summary import PersonRow


def _row(name, country="", registry_id="", source="a.txt"):
    key = registry_id or "name:" + name.lower()
    return PersonRow(source, key, name, (), (), country, registry_id)


@pytest.mark.parametrize("rows, expected", [
    # one outlet adds the second family name
    ([_row("Gabriel Boric", "CL"), _row("Gabriel Boric Font", "CL")],
     {"name:gabriel boric": "name:gabriel boric font"}),
    # a chain of longer forms ends at the longest
    ([_row("Xanana Gusmao"), _row("Rala Xanana Gusmao"), _row("Kay Rala Xanana Gusmao")],
     {"name:xanana gusmao": "name:kay rala xanana gusmao", "name:rala xanana gusmao": "name:kay rala xanana gusmao"}),
    # an honorific before a registry name is the registry person
    ([_row("Samdech Hun Manet", "KH"), _row("Hun Manet", "KH", "hun-manet")], {"name:samdech hun manet": "hun-manet"}),
    # countries that contradict are two people
    ([_row("Maria Santos", "PH"), _row("Maria Santos Cruz", "BR")], {}),
    # a name inside two different longer names: which one is unknown
    ([_row("Ana Lima"), _row("Ana Lima Costa"), _row("Ana Lima Souza")], {}),
    # a single word is never matched; registry keys never move
    ([_row("Boric"), _row("Gabriel Boric")], {}),
    ([_row("Minh Chinh", "VN"), _row("Pham Minh Chinh", "VN", "pham-minh-chinh")],
     {"name:minh chinh": "pham-minh-chinh"}),
])
def test_unknown_people_written_longer_or_shorter_are_one(rows, expected):
    assert same_people(rows) == expected
