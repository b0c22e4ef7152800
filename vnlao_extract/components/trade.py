"""Trade targets: money amounts (``resources/money_patterns.jsonl``) in sentences about trade whose
nearest cue is a goal ("to raise two-way trade to US$10 billion", "a target of 5 billion USD"), not a
result ("trade reached 2.6 billion USD in 2025", "up from US$2.92 billion", "rose 20% to reach ...").
Amounts of investment, aid, loans or grants are never trade targets. The cue words are data in
``resources/trade_words.jsonl``.

Adds to the Doc:
- ``doc._.trade_targets``: list of :class:`TradeTarget` (value in units, ISO currency, text)
- ``doc._.money``: every amount found, target or not, as (Span, value, currency, is_target)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..rules.cues import cue_scope, cue_sequence, cue_words
from ..matching import evidence, longest_rows, lower_words
from ..matching.anchors import ClassAnchoredMatcher
from ..rules import load_package

CUE_WINDOW = cue_scope("trade", "trade.cues")
JOINED_AMOUNT = re.compile(r"^(us\$|usd|vnd|lak|cny|rmb|thb|khr)(\d[\d.,]*(?:bn|b|mn|m|tn|k)?)$")
RELATIVE_WORDS = cue_words("trade", "trade.relative")
OBJECT_LINKS = cue_words("trade", "trade.object_links")
SCALE_SUFFIXES = cue_sequence("trade", "trade.scale_suffixes")
SCALE_LETTERS = cue_sequence("trade", "trade.scale_letters")
SCOPE = {name: cue_scope("trade", f"trade.{name}") for name in
         ("object_links", "target_noun", "weak_target_noun", "growth_verb", "goal_before_to")}


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
    for row in load_package("trade_words.jsonl"):
        table[row["kind"]] = row.get("map") or set(row["words"])
    return table


def amount_value(tokens: list[str], words: dict) -> tuple[float, str] | None:
    """(value in units, ISO currency) for the words of an amount."""
    currency, number, scale = None, None, 1.0
    word_number = 0.0
    for text in (t.lower() for t in tokens):
        joined = JOINED_AMOUNT.match(text)  # "usd5", "vnd100", "rmb5bn"
        if joined and currency is None:
            currency = words["currency"].get(joined.group(1))
            text = joined.group(2)
        if text in words["currency"] and currency is None and (number is None or text not in ("m", "b")):
            currency = words["currency"][text]
        elif text in words["scale"] and number is not None or text in words["scale"] and word_number:
            scale = words["scale"][text]
        elif text.replace(",", "").replace(".", "", 1).isdigit():
            number = float(text.replace(",", ""))
        elif text[-2:] in SCALE_SUFFIXES and text[:-2].replace(".", "", 1).isdigit():
            number, scale = float(text[:-2]), words["scale"][text[-2:]]
        elif text[-1:] in SCALE_LETTERS and text[:-1].replace(".", "", 1).isdigit():
            number, scale = float(text[:-1]), words["scale"][text[-1]]
        elif text in words["number_words"]:
            word_number = word_number * words["number_words"][text] if text == "hundred" else (
                word_number + words["number_words"][text])
    number = number if number is not None else (word_number or None)
    if number is None or currency is None:
        return None
    return round(number * scale, 2), currency


def cue_tokens(span: Span, limit: int):
    """The tokens before an amount in its sentence, nearest first, stepping over a relative clause set off
    by commas (", which reached US$1.8 billion in 2025,") that says something about another figure."""
    doc, start = span.doc, span.sent.start
    i, seen = span.start - 1, 0
    while i >= start and seen < limit:
        if doc[i].text == ",":
            previous = next((j for j in range(i - 1, start - 1, -1) if doc[j].text == ","), None)
            if previous is not None and previous + 1 < i and doc[previous + 1].lower_ in RELATIVE_WORDS:
                i = previous - 1
                continue
        yield doc[i]
        seen += 1
        i -= 1


def object_after(span: Span, words: dict) -> str | None:
    """What the words after an amount say it is: "trade" ("US$10 billion in two-way trade"), "other"
    ("US$5 billion in investment", "of aid"), or None."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in OBJECT_LINKS:
        return None
    for token in doc[span.end + 1:min(len(doc), span.end + 1 + SCOPE["object_links"])]:
        if token.lower_ in words["trade_words"]:
            return "trade"
        if token.lower_ in words["other_money"]:
            return "other"
    return None


def target_noun_after(span: Span, words: dict) -> bool:
    """The amount names a target: "a US$5 billion target", "the 10 billion USD bilateral trade goal"."""
    for token in span.doc[span.end:min(len(span.doc), span.end + SCOPE["target_noun"])]:
        if token.lower_ in words["target_nouns"]:
            return True
        if token.lower_ not in words["trade_words"] and token.lower_ not in words["amount_modifiers"]:
            return False
    return False


def _after_to(token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].lower_ == "to"


class TradeTargetFinder:
    """Finds trade targets; see the module docstring."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.matcher = ClassAnchoredMatcher(nlp.vocab, load_package("money_patterns.jsonl"))
        self.words = _words()

    def match(self, doc: Doc) -> list[tuple[Span, dict]]:
        return longest_rows(self.matcher(doc))

    def is_target(self, span: Span) -> bool:
        """An amount is a trade target when its sentence (or the one before) speaks of trade, it is not
        the amount of an investment, aid or loan, and the nearest cue before it is a goal, not a result."""
        words, doc = self.words, span.doc
        about = object_after(span, words)
        if about == "other" or about is None and not self._in_trade_context(span):
            return False
        if target_noun_after(span, words):  # "the US$10 billion two-way trade target"
            return True
        trade_nearer = False  # "raise trade and investment to ...": the nearer word decides
        after_to = span.start > 0 and doc[span.start - 1].lower_ == "to"
        for token in cue_tokens(span, CUE_WINDOW):
            lower = token.lower_
            trade_nearer = trade_nearer or lower in words["trade_words"]
            if lower == "from" and after_to:  # "lift trade from 8 billion USD to 11 billion USD": the verb decides
                continue
            if lower in words["other_money"] and not trade_nearer:
                return False
            if lower in words["weak_achieved_cues"]:  # "the target is US$5 billion" / "trade was US$2 billion"
                return any(t.lower_ in words["target_nouns"] for t in doc[max(span.sent.start, token.i - SCOPE["weak_target_noun"]):token.i])
            if lower in words["achieved_cues"]:
                if token.i > 0 and doc[token.i - 1].lower_ in words["future_modals"]:
                    return True  # "two-way trade will hit 3 billion dollars"
                return lower == "hit" and _after_to(token) and not self._result_infinitive(token)
            if lower in words["target_cues"]:
                return not self._result_infinitive(token)
            if lower == "to" and self._goal_before_to(token):
                return True
        return False

    def _in_trade_context(self, span: Span) -> bool:
        sentence = span.sent
        context = span.doc[sentence.start - 1].sent if sentence.start > 0 else sentence
        return not self.words["trade_words"].isdisjoint(lower_words(span.doc)[context.start:sentence.end])

    def _result_infinitive(self, cue) -> bool:
        """ "rose 20 percent to reach US$2 billion": "to reach" after a verb of growth tells a result."""
        if not _after_to(cue):
            return False
        doc = cue.doc
        return any(t.lower_ in self.words["growth_verbs"] for t in doc[max(cue.sent.start, cue.i - SCOPE["growth_verb"]):cue.i - 1])

    def _goal_before_to(self, to) -> bool:
        """ "raise two-way trade to US$10 billion": a goal word shortly before the "to" of the amount,
        and no investment or aid word nearer to it than a trade word."""
        doc, words = to.doc, self.words
        trade_nearer = False
        for token in reversed(doc[max(to.sent.start, to.i - SCOPE["goal_before_to"]):to.i]):
            trade_nearer = trade_nearer or token.lower_ in words["trade_words"]
            if token.lower_ in words["other_money"] and not trade_nearer:
                return False
            if token.lower_ in words["target_cues"]:
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
