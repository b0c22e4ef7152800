"""When an event is and how its words tell its tense: the trigger's date, its span of days, a weekday on
the right side of the published date, the background clauses that date nothing."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from ...normalize import add_days
from .cues import CUES
from .facts import DocFacts
from .model import day
from .status import DEFAULT, DEFAULT_OTHER, status

PLANNED = CUES.words("planned.words")
ONGOING = CUES.words("ongoing.words")
COMPLETED = CUES.words("completed.words")
TENSE_REACH = CUES.scope("planned.words")
TO_VERBS = CUES.words("planned.to_verb")
BARE_VERB_JOINERS = CUES.words("planned.coordinated")
BARE_VERB_REACH = CUES.scope("planned.coordinated")
NOT_PLANNED_TO = CUES.words("planned.to_not_after")
NOT_PLANNED_ORDINALS = CUES.words("planned.to_not_after_ordinal")
NOT_PLANNED_ORDINAL_REACH = CUES.scope("planned.to_not_after_ordinal")
LOOKAHEAD_TENSE = {word: row["category"].split(".", 1)[1] for row in CUES.rows.values()
                   if row["category"].startswith("tense.") and row.get("direction") == "after"
                   for word in row.get("words", [])}
LOOKAHEAD_REACH = CUES.scope("planned.after")
PUT_OFF = CUES.words("planned.put_off")
PUT_OFF_REACH = CUES.scope("planned.put_off")
BACKGROUND = CUES.words("background.words")
VISIT_BACKGROUND = CUES.words("background.visit")
CLAUSE_BREAKS = CUES.words("clause.breaks")
AHEAD_WORDS = CUES.words("ahead.words")
AHEAD_REACH = CUES.scope("ahead.words")
AHEAD_BEFORE = CUES.words("ahead.before")
AHEAD_BEFORE_REACH = CUES.scope("ahead.before")
ENDING_VERBS = CUES.words("ending.verbs")
ENDING_REACH = CUES.scope("ending.verbs")
NUMBER_WORDS = CUES.values("number.words")
DURATION_WORDS = CUES.words("duration.days")
DURATION_REACH = CUES.scope("duration.days")
DURATION_DASHES = CUES.words("duration.dashes")
SINCE = CUES.words("since.words")
SINCE_REACH = CUES.scope("since.words")
NEAR_BEFORE = CUES.scope("window.near_before")
YEAR_AFTER = CUES.scope("window.year_after")
OPENING_LEAD = CUES.words("date.opening_lead")
OPENING_REACH = CUES.scope("date.opening_lead")
SAME_DAY = CUES.phrases("same_day.phrases")
SPEAKING = CUES.words("date.speaking")
SUBORDINATORS = CUES.words("date.before.subordinators")
SPEAKING_REACH = CUES.scope("date.speaking")
DAY_OF = CUES.words("visit.day_of")
DAY_OF_REACH = CUES.scope("visit.day_of")
DAY_ORDINALS = CUES.values("visit.day_of.ordinals")
DAY_OF_LINKS = CUES.words("visit.day_of.link")
WEEK_WORDS = CUES.words("date.week_words")
WEEKDAY_SHIFT = {"completed": -7, "ongoing": -7, "planned": 7}


def clause_bounds(facts: DocFacts, trigger: Span, kind: str) -> tuple[int, int] | None:
    """(start, end) of a background clause holding the trigger ("Since X's visit to China, ..."), else None."""
    lower = facts.lower
    sentence = facts.sentence(trigger.start)
    start = trigger.start
    while start > sentence[0] and lower[start - 1] not in CLAUSE_BREAKS:
        start -= 1
    words = VISIT_BACKGROUND if kind == "visit" else BACKGROUND
    if not any(word in words for word in lower[start:trigger.start]):
        return None
    end = next((i for i in range(trigger.end, sentence[1]) if lower[i] in CLAUSE_BREAKS), sentence[1])
    return start, end


def date_for(facts: DocFacts, trigger: Span, limit_before: int, limit_after: int, kind: str = ""):
    """The date nearest after the trigger (before ``limit_after``), else just before it, else the one
    that opens the sentence ("On June 1, X will ...")."""
    sentence = facts.sentence(trigger.start)
    clause = clause_bounds(facts, trigger, kind)
    if clause is not None:
        limit_before, limit_after = max(limit_before, clause[0]), min(limit_after, clause[1])
    in_sentence = facts.sentence_dates.get(sentence, [])
    usable_dates = [d for d in in_sentence if usable(facts, d, trigger)]
    after = [d for d in usable_dates if trigger.end <= d.span.start < limit_after]
    if after:
        return after[0]
    if any(trigger.end <= d.span.start < limit_after and is_week(d) for d in in_sentence):
        return None  # "will visit China next week": dated to a week, not to the dateline's day
    if ahead_of(facts, trigger):
        return None  # "met Y on June 9 ahead of his visit to Laos": that date is not the visit's
    near = max(limit_before, trigger.start - NEAR_BEFORE)
    counted = duration(facts, trigger) is not None  # "left Hanoi on Tuesday after a two-day visit": its last day
    before = [d for d in usable_dates if near <= d.span.start and d.span.end <= trigger.start
              and (counted or not SUBORDINATORS.intersection(facts.lower[d.span.end:trigger.start]))]
    if before:
        return before[-1]
    opening = [d for d in usable_dates if opens(facts, d, sentence[0]) and d.span.end < trigger.start and
               "," in (facts.lower[d.span.end - 1], facts.lower[d.span.end])]
    return opening[0] if opening and clause is None else None


def is_week(date) -> bool:
    return date.kind == "relative" and any(word in date.text.lower() for word in WEEK_WORDS)


def opens(facts: DocFacts, date, sentence_start: int) -> bool:
    """A date that opens its sentence: "On June 1, ...", "On the evening of July 30, ..."."""
    lead = facts.lower[sentence_start:date.span.start]
    return date.span.start <= sentence_start + 1 or (  # "On June 1, ...", a dateline's "AKP, April 25, ..."
        len(lead) <= OPENING_REACH and all(word in OPENING_LEAD for word in lead))


def same_day(facts: DocFacts, trigger: Span) -> bool:
    """ "On the same day, X also met Y", "Later that day, ...": before the trigger in its sentence."""
    words = facts.lower[facts.sentence(trigger.start)[0]:trigger.start]
    return any(tuple(words[i:i + len(phrase)]) == phrase for phrase in SAME_DAY for i in range(len(words)))


def ahead_of(facts: DocFacts, trigger: Span) -> bool:
    """ "ahead of his visit", "prior to the talks", "in preparation for the visit" """
    window = facts.lower[max(facts.sentence(trigger.start)[0], trigger.start - AHEAD_REACH):trigger.start]
    return bool(set(window) & AHEAD_WORDS) or bool(set(window[-AHEAD_BEFORE_REACH:]) & AHEAD_BEFORE)


def usable(facts: DocFacts, date, trigger: Span) -> bool:
    """Not a "since" date ("since May 2016", "the first visit since he took office in 2024"), not a
    week ("next week"); a bare year only as "visit to China in 2019", "In 2019, ..." or "his 2019 visit"."""
    sentence_start = facts.sentence(trigger.start)[0]
    lead_start = trigger.end if trigger.end <= date.span.start else date.span.start - SINCE_REACH
    lead = facts.lower[max(sentence_start, lead_start):date.span.start]
    since = next((k for k, word in enumerate(lead) if word in SINCE), None)
    if since is not None and "from" not in lead[since:]:
        return False
    if is_week(date):
        return False
    if said_on(facts, date, trigger, sentence_start):
        return False
    if date.precision != "year":
        return True
    if date.span.end == trigger.start:
        return True  # "his 2019 visit"
    after_in = date.span.start > 0 and facts.lower[date.span.start - 1] == "in"
    return after_in and (0 <= date.span.start - trigger.end <= YEAR_AFTER or date.span.start <= sentence_start + 1)


def said_on(facts: DocFacts, date, trigger: Span, sentence_start: int) -> bool:
    """ "..., the ministry said on Wednesday": the date of the speaking (a verb between the trigger and it)."""
    first = max(sentence_start, date.span.start - SPEAKING_REACH - 1)
    if date.span.start >= trigger.end:
        first = max(first, trigger.end)
    return any(word in SPEAKING for word in facts.lower[first:date.span.start])


def duration(facts: DocFacts, trigger: Span) -> int | None:
    """The days of "a three-day visit", "his 3-day trip"."""
    lower = facts.lower
    for i in range(max(facts.sentence(trigger.start)[0], trigger.start - DURATION_REACH), trigger.end):
        if lower[i] in DURATION_WORDS and i >= 2 and lower[i - 1] in DURATION_DASHES:
            word = lower[i - 2]
            days = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
            if days and days > 1:
                return days
    return None


def span_of_days(facts: DocFacts, trigger: Span, start: str | None, end: str | None) -> tuple:
    """(start, end) with a duration filled in: from the first day, or back from the last one when the
    visit is being concluded ("concluded his two-day visit on March 5")."""
    days = duration(facts, trigger)
    if end or not start or len(start) != 10 or not days:
        return start, end
    first = dt.date.fromisoformat(start)
    ending = ends_with(facts, trigger)
    other = add_days(first, -(days - 1) if ending else days - 1)
    if other is None:  # past the ends of the calendar
        return start, end
    return (other.isoformat(), start) if ending else (start, other.isoformat())


def ends_with(facts: DocFacts, trigger: Span) -> bool:
    """ "concluded his three-day visit", "wrapping up the trip": an ending verb just before the trigger."""
    window = facts.lower[max(facts.sentence(trigger.start)[0], trigger.start - ENDING_REACH):trigger.start]
    return bool(set(window) & ENDING_VERBS)


def tense(facts: DocFacts, trigger: Span) -> str | None:
    """planned / completed / ongoing from the nearest tense word before the trigger (else just after)."""
    lower = facts.lower
    sentence = facts.sentence(trigger.start)
    for i in reversed(range(max(sentence[0], trigger.start - TENSE_REACH), trigger.end)):
        word = lower[i]
        if word == "to":
            if i > sentence[0] and lower[i - 1] in NOT_PLANNED_TO or \
                    NOT_PLANNED_ORDINALS & set(lower[max(sentence[0], i - NOT_PLANNED_ORDINAL_REACH):i]):
                continue  # "the first country to visit", "the first foreign leader to visit": not still to come
            if i + 1 < len(lower) and (lower[i + 1] in TO_VERBS or i + 1 == trigger.start):
                return "planned"
        elif word in PLANNED:
            return "planned"
        elif word in COMPLETED:
            return "completed"
        elif word in ONGOING:
            return "ongoing"
    if coordinated_plan(facts, trigger, sentence[0]):
        return "planned"  # "is scheduled to pay courtesy calls on A, B and C, and hold talks with D"
    after = lower[trigger.end:min(sentence[1], trigger.end + max(LOOKAHEAD_REACH, PUT_OFF_REACH))]
    after = after[:next((k for k, word in enumerate(after) if word in CLAUSE_BREAKS), len(after))]
    if PUT_OFF.intersection(after[:PUT_OFF_REACH]):
        return "planned"  # "the visit of X to Y was postponed"
    return next((LOOKAHEAD_TENSE[word] for word in after[:LOOKAHEAD_REACH] if word in LOOKAHEAD_TENSE), None)


def coordinated_plan(facts: DocFacts, trigger: Span, sentence_start: int) -> bool:
    """A bare verb of a plan at or right before the trigger ("and hold talks", "and sign"), in a sentence with
    a word of plan before it: the verb shares the plan's "to" or "will"."""
    lower = facts.lower
    verb = next((i for i in range(trigger.start, max(sentence_start, trigger.start - BARE_VERB_REACH) - 1, -1)
                 if lower[i] in TO_VERBS), None)  # the trigger itself may be the verb: "..., and sign"
    if verb is None or verb == sentence_start or lower[verb - 1] not in BARE_VERB_JOINERS:
        return False
    return any(word in PLANNED for word in lower[sentence_start:verb])


def weekday_by_tense(facts: DocFacts, date, tense_: str | None) -> str:
    """A bare weekday is the nearest one to the published date; the tense says which side it is on
    ("embarked on Monday" in a Friday paper is the Monday before; a visit under way began before)."""
    published = facts.published
    if date.kind != "weekday" or published is None or day(date.start) is None:
        return date.start
    shift = WEEKDAY_SHIFT.get(tense_ or "", 0)
    when = day(date.start)
    if shift < 0 < (when - published).days or shift > 0 > (when - published).days:
        shifted = add_days(when, shift)
        return shifted.isoformat() if shifted else date.start
    return date.start


def day_of_visit(facts: DocFacts, trigger: Span) -> int | None:
    """N of "the Nth day of his visit" right before the trigger, else None."""
    lower = facts.lower
    start = facts.sentence(trigger.start)[0]
    of = next((i for i in reversed(range(max(start, trigger.start - DAY_OF_REACH), trigger.start))
               if lower[i] in DAY_OF_LINKS), None)
    if of is None or of - 2 < start or lower[of - 1] not in DAY_OF:
        return None
    return DAY_ORDINALS.get(lower[of - 2])


def dates(facts: DocFacts, trigger: Span, kind: str, limits: tuple[int, int], fallback: tuple[int, int]):
    """(start, end, status, tense) for a trigger."""
    date = date_for(facts, trigger, *limits, kind)
    if date is None and fallback != limits:
        date = date_for(facts, trigger, *fallback, kind)
    tense_ = tense(facts, trigger)
    if clause_bounds(facts, trigger, kind) is not None:
        tense_ = "completed"
    told = tense_ or (DEFAULT_OTHER if DEFAULT.get(kind, DEFAULT_OTHER) == DEFAULT_OTHER else None)
    start, end = (weekday_by_tense(facts, date, told), date.end) if date else (None, None)  # a call is told once held
    if date and end and start != date.start:  # a span of weekdays moved a week keeps its length
        end = (add_days(day(end), (day(start) - day(date.start)).days) or day(end)).isoformat()
    if kind == "visit":
        start, end = span_of_days(facts, trigger, start, end)
        nth = day_of_visit(facts, trigger)
        if nth is not None and start and day(start) and not end:
            start = (add_days(day(start), 1 - nth) or day(start)).isoformat()
            tense_ = tense_ if tense_ == "planned" else "ongoing"
    status_ = status(facts.published, kind, start, end, tense_)
    if status_ == "ongoing" and kind == "visit" and facts.published and (end or start) == facts.published.isoformat() \
            and ends_with(facts, trigger):
        status_ = "completed"  # "left Hanoi on Friday, concluding his two-day visit" in Friday's paper
    return start, end, status_, tense_
