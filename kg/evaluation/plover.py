"""How the PLOVER gold standard codes a sentence, applied to newskg's record of it: the PLOVER class of an
event type, the intent and refusal rules (a planned cooperative act is AGREE, a hostile one THREATEN, a negated
cooperative act REJECT), and the sentence's main event. Scoring is in :mod:`kg.evaluation.evaluate`.

>>> plover_class("Protest", {"Protest": {"plover": "PROTEST"}}), plover_class("Statement", {})
('PROTEST', None)
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.rdf.codes import coded_in_context
from kg.records import DocumentRecord, Event

# Newer PLOVER names -> the 0.5b1 names of the gold standard.
PLOVER_ALIASES = {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}


def _depth(doc: Doc, event: Event) -> int:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return 0
    token, depth = span.root, 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def plover_class(event_type: str, mappings: dict[str, dict[str, str]]) -> str | None:
    """The gold-standard PLOVER name of an event type, or None when it has no PLOVER mapping."""
    name = mappings.get(event_type, {}).get("plover")
    return PLOVER_ALIASES.get(name, name) if name else None


# CAMEO and PLOVER code a stated future action as an expression of intent: AGREE for cooperative acts ("will
# provide aid", "offered to negotiate"), THREATEN for hostile ones or ones made conditional ("will boycott",
# "will withdraw unless"). Our events keep the action type and mark it planned or hypothetical; this maps them.
HOSTILE = {
    "ASSAULT",
    "FIGHT",
    "COERCE",
    "SANCTION",
    "REJECT",
    "PROTEST",
    "MOBILIZE",
    "THREATEN",
    "DISAPPROVE",
}
INTENT = {"planned", "hypothetical"}
# CAMEO 12 (PLOVER REJECT) is a refusal of a cooperative act: to cooperate, aid, yield, meet or agree (121-127;
# "will not accept any more refugees", "refused to meet"). Our events keep the refused act's type, negated.
REFUSABLE = {"AGREE", "AID", "CONCEDE", "CONSULT", "COOPERATE", "RETREAT", "SUPPORT"}


def event_class(
    event: Event,
    mappings: dict[str, dict[str, str]],
    sentence: str,
    incident: dict[str, str | None] | None = None,
) -> str | None:
    """The PLOVER class of an event as coded in the gold standard, intent and refusal rules included (a negated
    cooperative act is a REJECT); a violent event takes
    the code of its ``incident`` (its codes, see :func:`kg.rdf.codes.coded_in_context`)."""
    name = plover_class(event.type, {event.type: coded_in_context(mappings.get(event.type, {}), incident)})
    if event.certainty == "negated" and name in REFUSABLE:
        return "REJECT"
    if name is None or event.certainty not in INTENT or name in {"AGREE", "THREATEN"}:
        return name
    conditional = " unless " in f" {sentence.lower()} "
    return "THREATEN" if name in HOSTILE or conditional else "AGREE"


def _acts(record: DocumentRecord) -> list[Event]:
    """Reporting acts that are events in their own right (a demand, a denial) seen as events: the speaker is
    the source, what the act is about the target."""
    return [
        Event(c.key, c.event_type, c.mention, roles={"agent": (c.speaker,) if c.speaker else (), "target": c.about},
              certainty="asserted")
        for c in record.claims
        if c.event_type != "Statement"
    ]  # fmt: skip


def main_event(doc: Doc, record: DocumentRecord, mappings: dict[str, dict[str, str]]) -> Event | None:
    """The PLOVER-mapped event (or typed reporting act) highest in the dependency tree, earliest on ties."""
    mapped = [e for e in [*record.events, *_acts(record)] if plover_class(e.type, mappings)]
    return min(mapped, key=lambda e: (_depth(doc, e), e.trigger.start), default=None)
