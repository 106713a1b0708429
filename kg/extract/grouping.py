"""Which sentences of a report tell the same incident, and which tell none: the grouping rules of
:mod:`kg.extract.incidents`, on its working items (dicts with the incident's rule, cue classes, events, date,
place, paragraph and evidence sentences).

>>> from kg.extract.pipeline import load_pipeline
>>> sent = next(load_pipeline()("Repatriation remains fraught.").sents)
>>> generic(sent, frozenset())
True
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Span

from kg.extract.clauses import PRECISION_ORDER
from kg.extract.coding import CodingRules
from kg.extract.lexicon import word_list
from kg.extract.state import doc_text
from kg.extract.summaries import definite_act, main_verb
from kg.records import Event, TimeValue


def _either(key: str) -> str:
    words = sorted(word_list("casualties", key), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


# what refers a count of the dead back to a happening told before: 'killed in the fighting', 'two of the
# attackers', a side's own losses ('it had lost three fighters', 'lost none of its own men')
_TOLD = re.compile(
    rf"\b(?:in|during|from)\s+the\s+(?:{_either('told_happenings')})\b"
    rf"|\bof\s+the\s+(?:{_either('told_parties')})\b"
    rf"|\blost\s+(?:\w+\s+of\s+)?(?:(?:its|their|his|her)\s+)?(?:own\s+)?(?:\w+\s+)?(?:{_either('own_losses')})\b"
    r"|\bclaim(?:ed|s)?\s+(?:to\s+have|that\s+(?:it|they)\s+had|(?:it|they)\s+had)\b",  # a side's own count
    re.IGNORECASE,
)
_FATES = re.compile(
    r"\b(?:killed|killing|died|dead|wounded|wounding|injured|hurt|lost|losing)\b", re.IGNORECASE
)


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


def is_headline(sent: Span) -> bool:
    """A report's first line with no closing punctuation, followed by more text: a headline in sentence case
    (Title Case ones are skipped as regions before incidents are read)."""
    words = [t for t in sent if not t.is_space]
    return (
        sent.start == 0
        and sent.end < len(sent.doc)
        and bool(words)
        and words[-1].text not in {".", "!", "?", '"', "”", "'", "’"}
    )


def into_lede(incidents: list[dict], rules: CodingRules, kinds: dict[str, str]) -> list[dict]:
    """The incidents, with the headline's (the first, told by the headline alone) joined to the first one the
    body tells again (see :func:`restates`); a headline incident the body does not tell stays: a headline may be
    all a report says of it."""
    head = incidents[0] if incidents else None
    if head is None or len(head["evidence"]) != 1 or not is_headline(head["evidence"][0]):
        return incidents
    for item in incidents[1:]:
        if restates(head, item, rules, kinds):
            item["events"] = head["events"] + item["events"]
            item["evidence"].insert(0, head["evidence"][0])  # the sentences in the report's order
            return incidents[1:]
    return incidents


def restates(head: dict, item: dict, rules: CodingRules, kinds: dict[str, str]) -> bool:
    """Whether a headline's incident ``head`` is ``item`` told again: the same family of types
    (``rules.headline_kin``: 'Gunmen hit a checkpoint' is the lede's clash), the same place or one that holds
    it, or the country (``kinds``: entity key -> kind), and no other named actor 1.

    >>> from kg.extract.coding import load_rules
    >>> head = {"rule": {"event_type": "Violence against civilians"}, "location": "Syria", "place": "syria",
    ...         "actor1": ()}
    >>> lede = {"rule": {"event_type": "Battles"}, "location": "Hama", "admin": ("Hama Governorate",),
    ...         "actor1": ("rebels",)}
    >>> restates(head, lede, load_rules(), {"syria": "Country"})
    True
    >>> restates({**head, "rule": {"event_type": "Protests"}}, lede, load_rules(), {"syria": "Country"})
    False
    """
    family = rules.headline_kin
    kind, other = head["rule"]["event_type"], item["rule"]["event_type"]
    if kind != other and (family.get(kind) is None or family.get(kind) != family.get(other)):
        return False
    # unnamed groups ('gunmen' in the headline, 'militants' in the lede) may be the same people: only names conflict
    named = [{k for k in i["actor1"] if kinds.get(k) not in {None, "Group", "Person"}} for i in (head, item)]
    if all(named) and not named[0] & named[1]:
        return False
    where = (head["location"] or "").lower()
    held = {(item["location"] or "").lower(), *(a.lower() for a in item.get("admin", ()))}
    return not where or where in held or kinds.get(head["place"] or "") == "Country"


def counts_told(text: str, rules: CodingRules, cue: str | None = None) -> bool:
    """Whether a sentence (``text``; ``cue``: its cue text, with the words that code nothing blanked) only counts
    the dead or hurt of a happening told before, and says so: 'in the fighting', 'two of the attackers', 'it had
    lost three fighters'; no other cue codes anything in it ('Rebels stormed a village and lost two fighters'
    tells a happening of its own).

    >>> from kg.extract.coding import load_rules
    >>> rules = load_rules()
    >>> counts_told("Five people were killed in the fighting, a doctor said.", rules)
    True
    >>> counts_told("The group said it had lost two fighters.", rules)
    True
    >>> counts_told("The group claimed to have killed six guards.", rules)
    True
    >>> counts_told("Five people were killed in a clash near the border.", rules)
    False
    >>> counts_told("Rebels stormed a village and lost two fighters.", rules)
    False
    """
    if _TOLD.search(text) is None:
        return False
    return not rules.cues_in(_FATES.sub(" ", _TOLD.sub(" ", text if cue is None else cue)))


def told_subject(sent: Span, reporting: frozenset[int] | set[int], item: dict, rules: CodingRules) -> bool:
    """Whether what the sentence reports has a happening told before as its subject: a definite event noun ('the
    strike caused material damage only', 'state media said the shelling targeted militants') whose cue classes,
    if any, are the incident ``item``'s."""
    verb = main_verb(sent, reporting)
    return any(
        definite_act(subject) and rules.cues_in(subject.text) <= item["classes"]
        for subject in verb.children
        if subject.dep_ in {"nsubj", "nsubjpass"}
    )


def told_again(
    sent: Span,
    cue: str,
    reporting: frozenset[int] | set[int],
    item: dict,
    rules: CodingRules,
    hurt: bool,
    date: TimeValue | None,
) -> bool:
    """Whether a sentence (``cue``: its cue text) tells more of the incident ``item`` told before it, and says
    so, wherever it is: the dead of it (:func:`counts_told`; ``hurt``: the sentence counts dead or hurt) or, with
    no ``date`` of its own, more of it (:func:`told_subject`)."""
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]
    return (hurt and counts_told(text, rules, cue)) or (
        date is None and told_subject(sent, reporting, item, rules)
    )
