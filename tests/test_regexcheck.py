"""User pattern regexes that can take exponential time are refused at load, with FILE:LINE."""
from __future__ import annotations

import json

import pytest

from vnlao_extract.errors import ResourceError
from vnlao_extract.regexcheck import nested_repeat, user_regexes


@pytest.mark.parametrize("regex", [r"^(a+)+$", r"(a*)*", r"(\w+\s?)*$", r"(a{1,3})+", r"((a+)|b)+",
                                   r"(?=(a+)+)b", r"(a+){2,}"])
def test_nested_repeats_are_found(regex):
    assert nested_repeat(regex) == regex


@pytest.mark.parametrize("regex", [r"^a+$", r"^(ab)+$", r"(a{1,3}){2}", r"^[A-Z][a-z]+(-[A-Z][a-z]+)?$", r"(?:ab?)",
                                   r"\d{4}", r"^(?:Mr|Ms)\.?$",
                                   r"^\d{1,3}(,\d{3})*$", r"^\d+(,\d+)*$", r"(a+b)+"])
def test_plain_regexes_pass(regex):
    assert nested_repeat(regex) is None


def test_regexes_are_found_at_any_depth():
    pattern = [{"TEXT": {"REGEX": "a"}}, {"LOWER": {"IN": ["x"]}}, {"NORM": {"REGEX": "b"}, "OP": "?"}]
    assert list(user_regexes(pattern)) == ["a", "b"]


def test_the_packages_own_patterns_have_no_nested_repeats():
    from importlib import resources

    folder = resources.files("vnlao_extract.resources")
    for entry in folder.iterdir():
        if entry.name.endswith(".jsonl"):
            for line in entry.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.lstrip().startswith("//"):
                    for regex in user_regexes(json.loads(line)):
                        assert nested_repeat(regex) is None, (entry.name, regex)


@pytest.mark.parametrize("regex, says", [(r"^(a+)+$", "repeats a part made only of repeats"), (r"(unclosed", "does not compile")])
def test_a_users_slow_or_broken_regex_is_refused_at_load(tmp_path, regex, says):
    from vnlao_extract.rules import load_user

    path = tmp_path / "mine.jsonl"
    good = {"id": "ok", "type": "meeting", "frame": "parties", "pattern": [{"LOWER": "met"}]}
    bad = {"id": "slow", "type": "meeting", "frame": "parties", "pattern": [{"TEXT": {"REGEX": regex}}, {"LOWER": "met"}]}
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        load_user(path, "patterns")
    message = str(info.value)
    assert message.startswith(f"[E044] {path}:2: pattern 'slow': ") and says in message and "\n" not in message
