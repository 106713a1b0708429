"""The text of a sentence as the incident coding rules read it: words that do not tell what happened are blanked
out, so their cue words do not code the incident.

These are blanked:

- a cue word that only names a kind of thing, as the modifier of a noun that is no event: "riot police",
  "protest leaders", "the sit-in committee" (the cue classes and the event nouns are data, in
  ``kg/data/acled_rules.json``, ``modifiers``);
- what came before the happening: what a verb ends ("signed a truce, ending a week of clashes"), what an act answers
  ("in reaction to the killing of X"), the reason given for an arrest ("arrested seven people for sharing videos");
  what is only asked for ("called for a ceasefire and for talks": ``requested`` in ``kg/data/lexicon/events.json``)
  (:mod:`kg.extract.background`);
- a verb that tells a protest only when civilians do it, done by armed or state forces ("troops marched into the
  town"), and a participle that says who helped an actor ("the SDF, backed by coalition helicopters");
- an event noun that tells no new happening: denied by 'no' ("No arrests were reported"), made definite after an
  incident was told ("Al-Shabaab claimed the attack"), an agreement in force ("violated the truce",
  :mod:`kg.extract.standing`); what nature did ("floods killed 20", :mod:`kg.extract.nature`);
- the words of an event the event layer found did not happen, or only might, with what its verb acts on: "a halt
  to rocket attacks", "banned all demonstrations", "threatened to storm the town", "would send troops and drones"
  (for the cue classes of acts only: "agreed to exchange prisoners" still codes an agreement);
- a word or two in quotation marks: a side's label, not what the reporter tells ('force was used against
  "rioters"', 'killed seven "apostates"').

Blanking keeps every other character where it was, so offsets into the sentence stay valid.

>>> from kg.extract.pipeline import load_pipeline
>>> from kg.extract.coding import load_rules
>>> sent = next(load_pipeline()("Riot police dispersed the protesters.").sents)
>>> cue_text(sent, [], load_rules())[0].strip()
'police dispersed the protesters.'
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.background import background_spans
from kg.extract.coding import CodingRules
from kg.extract.lexicon import load_lexicon, word_set
from kg.extract.nature import natural_spans
from kg.extract.standing import standing_spans
from kg.extract.state import doc_text
from kg.records import Event

DOUBTFUL = {"hypothetical", "planned", "negated"}
_MODALS = {"will", "would", "could", "might", "may", "can", "shall", "should", "'ll", "'d"}
_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_GENERIC = word_set("events", "generic_determiners")  # any attack, every protest
_LABEL = re.compile(r"[\"“](?:[^\s\"“”]+\s){0,1}[^\s\"“”]+[\"”]")  # a word or two in quotation marks


def cue_text(sent: Span, events: list[Event], rules: CodingRules, told: bool = False) -> tuple[str, str]:
    """``sent``'s text with modifier-only cue words blanked, and the same less the words of the events that did
    not happen (see the module docstring): the ``text`` and ``happened`` of :meth:`CodingRules.code`. ``told``:
    an earlier sentence of the report has told an incident, so 'the attack' refers back to it."""
    spans = [
        *_modifier_spans(sent, rules),
        *background_spans(sent, rules),
        *_negated_spans(sent, rules, told),
    ]
    spans += natural_spans(sent) + standing_spans(sent)  # what nature did, agreements in force
    said, at = doc_text(sent.doc)[sent.start_char : sent.end_char], sent.start_char
    if rules.names is not None:  # 'Air Force Intelligence' names an organisation, no air strike
        spans += [(at + m.start(), at + m.end()) for m in rules.names.finditer(said)]
    spans += [(at + m.start(), at + m.end()) for m in _LABEL.finditer(said)]
    if rules.munitions is not None:  # 'fired tear gas shells at protesters': an intervention, no shelling
        spans += [(at + m.start("word"), at + m.end("word")) for m in rules.munitions.finditer(said)]
    text = _blank(sent, spans)
    return text, _blank(sent, _doubtful_spans(sent, events), text)


def _blank(sent: Span, spans: list[tuple[int, int]], text: str | None = None) -> str:
    offset = sent.start_char
    chars = list(doc_text(sent.doc)[offset : sent.end_char] if text is None else text)
    for start, end in spans:
        for i in range(max(start - offset, 0), min(end - offset, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _modifier_spans(sent: Span, rules: CodingRules) -> list[tuple[int, int]]:
    """Character spans of cue words of the modifier-only classes that modify a noun that is no event."""
    spans, text = [], doc_text(sent.doc)  # once: spaCy rebuilds doc.text from every token on each access
    for head in sent:
        if head.pos_ not in {"NOUN", "PROPN"}:
            continue
        if any(d.dep_ == "det" and d.lower_ in _GENERIC for d in head.lefts):
            spans.append((head.idx, head.idx + len(head)))  # 'against any attack': a kind, no happening
            continue
        modifiers = [c for c in head.lefts if c.dep_ in _MODIFIER_DEPS]
        if not modifiers or head.lemma_.lower() in rules.event_heads or rules.cues_in(head.text):
            continue
        start, end = modifiers[0].idx, head.idx
        if rules.cues_in(text[start:end]) & rules.modifier_classes:
            spans.append((start, end))
    return spans


_DEFINITE = {"the", "this", "that", "these", "those"}


def _negated_spans(sent: Span, rules: CodingRules, told: bool) -> list[tuple[int, int]]:
    """Cue nouns that tell no new happening: with 'no' ('No fighting was reported', 'no arrests were made'), and,
    after an incident was told, with a definite article or a day as its owner ('Al-Shabaab claimed the attack',
    'officials blamed the group for the bombing', 'families left after Tuesday's attack'): the one already told."""
    spans, lexicon = [], load_lexicon()
    for noun in sent:
        # an event noun of the event lexicon, not a word for people ('the escapees were recaptured')
        if (
            noun.pos_ != "NOUN"
            or not rules.cues_in(noun.text)
            or lexicon.type_of_lemma(noun.lemma_, "NOUN") is None
        ):
            continue
        dets = {c.lower_ for c in noun.children if c.dep_ in {"det", "neg"}}
        dated = any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in noun.children)  # "Tuesday's attack"
        if "no" in dets or (told and (dets & _DEFINITE or dated)):
            spans.append((noun.idx, noun.idx + len(noun)))
    return spans


def denied(sent: Span, rules: CodingRules) -> bool:
    """A sentence whose claim a relative clause denies ('The LNA said it had shot down a drone, which the GNA
    denied', 'a claim the military denied'): ACLED does not code an explicitly denied claim."""
    return any(t.dep_ == "relcl" and t.lemma_.lower() in rules.denials for t in sent)


def _doubtful_spans(sent: Span, events: list[Event]) -> list[tuple[int, int]]:
    """Character spans of the triggers of events that did not happen (or only might), with the words that name
    their kind: 'rocket' in 'a halt to rocket attacks'."""
    spans = []
    for event in events:
        if event.certainty not in DOUBTFUL:
            continue
        span = sent.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None:
            continue
        first: Token = min((c for c in span.root.lefts if c.dep_ in _MODIFIER_DEPS), key=lambda t: t.i,
                           default=span[0])  # fmt: skip
        spans.append((min(first.idx, span.start_char), span.end_char))
        # what a verb only planned acts on did not happen either: 'would send troops and drones' (not what a
        # purpose clause acts on: 'fired tear gas to disperse protesters')
        planned = span.root.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ in _MODALS for c in span.root.children
        )
        objects = [c for c in span.root.children if c.dep_ == "dobj"] if planned else []
        spans += [(o.left_edge.idx, o.right_edge.idx + len(o.right_edge)) for o in objects]
    return spans
