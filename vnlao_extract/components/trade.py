"""Trade targets: money amounts (``resources/money_patterns.jsonl``) in sentences about trade whose
nearest cue is a goal ("to raise two-way trade to US$10 billion", "a target of 5 billion USD"), not a
result ("trade reached 2.6 billion USD in 2025", "up from US$2.92 billion").

Adds to the Doc:
- ``doc._.trade_targets``: list of :class:`TradeTarget` (value in units, ISO currency, text)
- ``doc._.money``: every amount found, target or not, as (Span, value, currency, is_target)
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..resources import load_package_jsonl
from .patterns import build_matcher, evidence, expand_classes, matched_spans

CUE_WINDOW = 12


@dataclass
class TradeTarget:
    value: float
    currency: str
    span: Span
    rule: str

    def as_record(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "currency": self.currency, "text": self.span.text,
                "evidence": evidence(self.span, self.rule)}


def _words() -> dict[str, dict | set]:
    table = {}
    for row in load_package_jsonl("trade_words.jsonl"):
        table[row["kind"]] = row.get("map") or set(row["words"])
    return table


def amount_value(tokens: list[str], words: dict) -> tuple[float, str] | None:
    """(value in units, ISO currency) for the words of an amount."""
    currency, number, scale = None, None, 1.0
    word_number = 0.0
    for text in (t.lower() for t in tokens):
        if text in words["currency"] and currency is None and (number is None or text not in ("m", "b")):
            currency = words["currency"][text]
        elif text in words["scale"] and number is not None or text in words["scale"] and word_number:
            scale = words["scale"][text]
        elif text.replace(",", "").replace(".", "", 1).isdigit():
            number = float(text.replace(",", ""))
        elif text[-2:] in ("bn", "mn", "tn") and text[:-2].replace(".", "", 1).isdigit():
            number, scale = float(text[:-2]), words["scale"][text[-2:]]
        elif text[-1:] in ("b", "m", "k") and text[:-1].replace(".", "", 1).isdigit():
            number, scale = float(text[:-1]), words["scale"][text[-1]]
        elif text in words["number_words"]:
            word_number = word_number * words["number_words"][text] if text == "hundred" else (
                word_number + words["number_words"][text])
    number = number if number is not None else (word_number or None)
    if number is None or currency is None:
        return None
    return round(number * scale, 2), currency


class TradeTargetFinder:
    """Finds trade targets; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        _, patterns = expand_classes(load_package_jsonl("money_patterns.jsonl"))
        self.matcher, self.rows = build_matcher(nlp.vocab, patterns)
        self.words = _words()

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        found = matched_spans(doc, self.matcher, self.rows)
        rows = {(s.start, s.end): r for s, r in found}
        return [(s, rows[(s.start, s.end)]) for s in filter_spans([s for s, _ in found])]

    def is_target(self, span: Span) -> bool:
        sentence = span.sent
        context = span.doc[max(0, sentence.start - 1)].sent if sentence.start > 0 else sentence
        if not any(t.lower_ in self.words["trade_words"] for t in span.doc[context.start:sentence.end]):
            return False
        window = span.doc[max(sentence.start, span.start - CUE_WINDOW):span.start]
        for token in reversed(window):
            lower = token.lower_
            if lower in self.words["achieved_cues"]:
                return lower in ("hit",) and token.i > 0 and span.doc[token.i - 1].lower_ == "to"
            if lower in self.words["target_cues"]:
                return True
            if lower == "to" and token.i > sentence.start and any(
                    t.lower_ in self.words["target_cues"] for t in span.doc[max(sentence.start, token.i - 8):token.i]):
                return True
        return False

    def set_annotations(self, doc: Doc, found) -> None:
        money, targets, seen = [], [], set()
        for span, row in found:
            parsed = amount_value([t.text for t in span], self.words)
            if parsed is None:
                continue
            target = self.is_target(span)
            money.append((span, parsed[0], parsed[1], target))
            if target and parsed not in seen:
                seen.add(parsed)
                targets.append(TradeTarget(parsed[0], parsed[1], span, row["id"]))
        doc._.money = money
        doc._.trade_targets = targets

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


for _name in ("trade_targets", "money"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=[])


@Language.factory("vnlao_trade")
def make_trade_target_finder(nlp: Language, name: str) -> TradeTargetFinder:
    return TradeTargetFinder(nlp, name)
