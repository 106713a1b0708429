"""Which sentences of a report tell the same incident, and which tell none: the grouping rules of
:mod:`kg.extract.incidents`, on its working items (dicts with the incident's rule, cue classes, events, date,
place, paragraph and evidence sentences).

>>> from kg.extract.pipeline import load_pipeline
>>> sent = next(load_pipeline()("Repatriation remains fraught.").sents)
>>> generic(sent, frozenset())
True
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span

from kg.extract.clauses import PRECISION_ORDER
from kg.extract.coding import CodingRules
from kg.extract.summaries import main_verb
from kg.records import Event, TimeValue


def kin(rules: CodingRules, rule: dict) -> str:
    """The family of a rule's event type (riots and protests are one: a riot, then 'Police fired tear gas')."""
    return rules.kin.get(rule["event_type"], rule["event_type"])


def _coded(item: dict, rules: CodingRules, classes: set[str] | frozenset[str] = frozenset()) -> dict | None:
    """The rule an incident's cue classes, with ``classes`` added, code it with now (its dead or hurt counted)."""
    hurt = bool(item["fatalities"] or item["injured"])
    return rules.code_classes(
        item["classes"] | classes, agent=item["inter1"], victims=item["inter2"], casualties=hurt
    )


def refine(
    item: dict | None,
    classes: set[str],
    rules: CodingRules,
    paragraph: int,
    sent: Span,
    events: list[Event],
    join: bool = True,
) -> None:
    """A sentence of the same paragraph whose cues code nothing alone but, with the last incident's, give that
    incident a more specific sub-type of its type: a protest, then "Police dispersed the march with tear gas" is
    a protest with intervention. Another type (a protest, then "Police arrested ...") is left to its own rule."""
    if item is None or item["paragraph"] != paragraph or not classes - item["classes"]:
        return
    rule = _coded(item, rules, classes)
    if rule is None or rule is item["rule"] or rule["event_type"] != item["rule"]["event_type"]:
        return
    item["rule"], item["classes"] = rule, item["classes"] | classes
    if join:  # a follow-up sentence joins its incident where it is found
        item["events"] += [e.key for e in events]
        item["evidence"].append(sent)


def recode(item: dict, rules: CodingRules) -> None:
    """Code an incident again once a later sentence told its dead or hurt, within its event type or family: a
    protest the police dispersed, then "Five people were shot dead", is excessive force against protesters."""
    rule = _coded(item, rules)
    if rule is None or item["rule"] is None:
        return
    if kin(rules, rule) == kin(rules, item["rule"]):
        item["rule"] = rule
        if rule.get("actor1_inter") and item["inter1"] in (None, *rules.groups["civilian"]):
            item["inter1"] = rule["actor1_inter"]  # protesters who riot are rioters


def generic(sent: Span, reporting: frozenset[int] | set[int]) -> bool:
    """A sentence that describes a state, not a happening: its finite verb (under 'X says that ...'; ``reporting``
    holds the reporting verbs the claims component found) is in the present tense with no date ('Repatriation
    remains fraught', 'The transfers address a crisis')."""
    verb = main_verb(sent, reporting)
    present = verb.tag_ in {"VBZ", "VBP"} or (  # the small model tags some as base forms: "transfers address"
        verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in verb.children)
    )
    return present and verb.i not in reporting


def told_in(sent: Span, told: list[tuple[int, str]]) -> set[str]:
    """Keys of the events with a mention in the sentence (an event told in the summary and again in the body);
    ``told`` is every (mention start, event key) of the document, sorted."""
    first = bisect_left(told, (sent.start_char, ""))
    return {key for _, key in told[first : bisect_left(told, (sent.end_char, ""))]}


def same_event(
    incidents: list[dict], rule: dict, told: set[str], paragraph: int, date: TimeValue | None = None
) -> dict | None:
    """An earlier incident of the same ACLED type, from another paragraph, that groups an event this sentence
    tells again: a news article's lede retold in its body; not one its own sentences date to another day (a
    headline's 'shelling and air strikes' joined the lede's shelling; 'A day later, jets struck ...' is the air
    strike's own)."""
    for item in incidents:
        same_type = item["rule"]["event_type"] == rule["event_type"]
        if (
            same_type
            and item["paragraph"] != paragraph
            and told & set(item["events"])
            and not _other_day(item, date)
        ):
            return item
    return None


def _other_day(item: dict, date: TimeValue | None) -> bool:
    """The sentence states a later day than the incident's sentences state (not one carried from elsewhere): a
    new development ('A day later, ...'); an earlier one may be the body's more exact date of what the lede, dated
    by its report ('said on Thursday'), told."""
    known = item["date"]
    if date is None or known is None or not known.text or date.precision != "day" or known.precision != "day":
        return False
    return date.value > known.value and any(known.text in sent.text for sent in item["evidence"])


def same_happening(
    incidents: list[dict], rule: dict, date: TimeValue | None, location: str | None
) -> dict | None:
    """An earlier incident told again: same type and sub-type, same date and same place (merging across
    sentences only when they agree)."""
    if date is None or location is None:
        return None
    for item in incidents:
        same_code = item["rule"] is rule
        if (
            same_code
            and _day(item["date"]) == _day(date)
            and (item["location"] or "").lower() == location.lower()
        ):
            return item
    return None


def _day(date: TimeValue | None) -> tuple[str, str] | None:
    """What a date says, whatever words said it ('on Tuesday', 'later that day')."""
    return None if date is None else (date.value, date.precision)


def restated_date(date: TimeValue | None, told: TimeValue | None) -> TimeValue | None:
    """The date of an incident a later sentence tells again with the date ``told``: that one when the incident had
    none or only an inferred one, unless it is vaguer ('last week' does not replace 'on Wednesday').

    >>> restated_date(TimeValue("2023-11-15", inferred=True), TimeValue("2023-11-09", "approximate")).value
    '2023-11-15'
    """
    if told is None or (date is not None and not date.inferred):
        return date
    if date is not None and PRECISION_ORDER.get(told.precision, 9) > PRECISION_ORDER.get(date.precision, 9):
        return date
    return told


def intervenes(item: dict | None, classes: set[str], rules: CodingRules) -> bool:
    """Whether a sentence's cues, added to a demonstration's, code it again as a demonstration: "Police used tear
    gas and detained 9 people" after a march is its intervention (ACLED codes arrests at a protest with it),
    not an incident of arrests of its own."""
    if item is None or item["rule"] is None or not classes - item["classes"]:
        return False
    rule = _coded(item, rules, classes)
    return (
        rule is not None
        and rule is not item["rule"]
        and kin(rules, rule) == kin(rules, item["rule"]) == "demonstration"
    )
