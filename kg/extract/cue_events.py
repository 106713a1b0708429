"""Mention-level events for incidents that the event layer gave none: "A drone hit a field near the base" codes an
air/drone strike incident from its cue word, but no verb or noun of the event lexicon names it. Such an incident
is told as one event of the type its coding rule names (``event`` in ``kg/data/acled_rules.json``), anchored on the
cue word, with a lower confidence than the incident's, so that every incident has an event a reader of
``kg events`` sees. Its date and place come to it as to every event of an incident, in
:func:`kg.extract.recorder.records_from_doc`.

>>> from kg.extract.pipeline import InputDocument, extract, load_pipeline
>>> text = "On 2 May 2023, a drone hit a field near Kira town."
>>> record = next(iter(extract(load_pipeline(), [InputDocument("t", text, "2023-05-03")])))
>>> [(e.type, e.trigger.text, e.date.value) for e in record.events if e.trigger.extractor == "kg_incidents"]
[('Airstrike', 'drone', '2023-05-02')]
"""

from __future__ import annotations

import dataclasses
import hashlib
import re

from spacy.tokens import Doc

from kg.extract.coding import CodingRules
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.records import Event, Incident, Mention

_WORD_REST = re.compile(r"[\w-]*")
# below what the event layer gives: the act is read from a cue word, not from a parsed clause
CONFIDENCE = 0.5


def cue_events(
    doc: Doc, doc_id: str, incidents: list[Incident], rules: CodingRules
) -> tuple[list[Event], list[Incident]]:
    """New events for the incidents without one, and the incidents with their events filled in."""
    lexicon = load_lexicon()
    events, out = [], []
    for incident in incidents:
        event = None if incident.events else _event(doc_id, incident, rules)
        if event is not None and _declined(doc, event.trigger, lexicon):
            event = None
        if event is not None:
            events.append(event)
            incident = dataclasses.replace(incident, events=(event.key,))
        out.append(incident)
    return events, out


def _declined(doc: Doc, trigger: Mention, lexicon: Lexicon) -> bool:
    """The cue word is one of the event lexicon's own triggers, so the event layer saw it and its sense checks
    turned it down ('sales exploded', 'troops marched into the town')."""
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span is not None and any(
        t.pos_ in {"VERB", "NOUN"}
        and lexicon.type_of_lemma(t.lemma_, t.pos_) is not None
        and t.lemma_.lower() not in lexicon.secondary  # a CAMEO-list verb is no sense check of ours
        for t in span
    )


def _event(doc_id: str, incident: Incident, rules: CodingRules) -> Event | None:
    # the rules that give the incident's codes (several may: a riot is told by 'riot' or by 'set fire' + 'protest')
    coding = [r for r in rules.rules if r.get("event") and (r["event_type"], r.get("sub_event_type")) ==
              (incident.event_type, incident.sub_event_type)]  # fmt: skip
    if not coding or not incident.evidence:
        return None
    sentence = incident.evidence[0]
    # the first of them whose cues the sentence has (with its 'also' cues, else without: those may be in a
    # follow-up sentence): its own cue word is the trigger
    candidates = []
    for rule in coding:
        found = [m for c in rule["any"] if c in rules.cues and (m := rules.cues[c].search(sentence.text))]
        also = all(rules.cues[c].search(sentence.text) for c in rule.get("also", ()) if c in rules.cues)
        if found:
            candidates.append((not also, found))
    if not candidates:
        return None
    found = min(candidates, key=lambda c: c[0])[1]
    match = min(found, key=lambda m: m.start())
    rest = _WORD_REST.match(sentence.text, match.end())  # the whole word: 'shell' -> 'shelled'
    local_end = rest.end() if rest is not None else match.end()
    text = sentence.text[match.start() : local_end].rstrip()
    start = sentence.start + match.start()
    end = start + len(text)
    trigger = Mention(doc_id, start, end, text, sentence.sentence, CONFIDENCE, "kg_incidents")
    roles: dict[str, tuple[str, ...]] = {}
    if incident.actor1:
        roles["agent"] = incident.actor1
    if incident.actor2:
        roles["target"] = incident.actor2
    key = hashlib.sha1(f"{doc_id}|{start}|{end}|{coding[0]['event']}".encode()).hexdigest()[:12]
    return Event(
        key=key, type=coding[0]["event"], trigger=trigger, roles=roles, certainty=incident.certainty,
        confidence=CONFIDENCE,
    )  # fmt: skip
