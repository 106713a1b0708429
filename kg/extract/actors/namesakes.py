"""Names that the model or GeoNames takes for a town but the sentence shows are something else: a faith ('a Shia
neighbourhood', where GeoNames lists a village called Shia) or a person ('assailants shot Odeh', 'his wife
Bethany'). Run on the place mentions :class:`kg.extract.actors.places.PlaceFinder` found.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract.actors.spans import is_agentive
from kg.extract.gazetteer import Gazetteer
from kg.extract.lexicon import word_set
from kg.extract.state import Found, slug
from kg.extract.whose import PEOPLE_HEADS
from kg.records import is_place

FAITHS = word_set("places", "faith_words")
PERSON_VERBS = word_set("events", "person_object_verbs")


def unmask(found: list[Found]) -> list[Found]:
    """``found`` without faiths taken for places, and with persons taken for towns made persons."""
    kept = [f for f in found if not (f.is_place and f.span.root.ent_type_ == "NORP" and _faith(f.span))]
    return [_person(f) if named_person(f) else f for f in kept]


def named_person(found: Found) -> bool:
    """A bare name the model or GeoNames calls a town that the sentence shows is a person: the object or passive
    subject of a verb whose object is a person ('assailants shot Odeh', 'Kafri was arrested'; events.json
    ``person_object_verbs``; not 'captured X', which takes towns too), or a name in apposition with a noun for a
    person ('his wife Bethany', 'Ocalan, leader of the PKK'). A curated place, a feature word ('the town of X') or a parent the text gives keeps it a place.

    >>> from kg.extract.pipeline import load_pipeline
    >>> [(f.label, f.kind) for f in load_pipeline()("Masked men shot Odeh in Amman.")._.kg_mentions][:2]
    [('Odeh', 'Person'), ('Amman', 'City')]
    """
    if found.kind != "City" or found.parents or _curated(found):
        return False
    if any(t.pos_ != "PROPN" for t in found.span):
        return False  # 'the town of X', 'X village'
    root = found.span.root
    acted_on = root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_.lower() in PERSON_VERBS
    # 'his wife Bethany', 'Ocalan, leader of the PKK': a name in apposition with a noun for a person
    role = root.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(
        c.dep_ == "appos" and c.lemma_.lower() in PEOPLE_HEADS for c in root.children
    )
    # right after the noun, with no comma: 'his wife Bethany', not 'people ..., Bujumbura'
    named = (
        root.dep_ == "appos"
        and root.head.lemma_.lower() in PEOPLE_HEADS
        and found.span.start == root.head.i + 1
    )
    return acted_on or role or named


def _curated(found: Found) -> bool:
    """A place of the curated gazetteer (with a point), not a GeoNames namesake or a document-local guess."""
    entry = found.entry
    return entry is not None and not entry.key.startswith("geonames-") and entry.lat is not None


def _person(found: Found) -> Found:
    return Found(found.span, slug(found.span.text), found.span.text, "Person", confidence=0.6)


def _faith(span: Span) -> bool:
    return re.sub(r"^(the|an?)\s+", "", span.text.strip(), flags=re.I).lower() in FAITHS


LOCATIVE = word_set("places", "locative_prepositions")


def placed(found: Found, gazetteer: Gazetteer) -> Found:
    """A name that is both an actor and a place in the gazetteer, which the sentence frames as a place, is the
    place: the admin area in brackets after it ('Al-Mayadeen (Deir-ez-Zor)', as ACLED and wire notes write a
    town), a locative word before it ('in Al-Mayadeen', 'residents of Al-Mayadeen')."""
    if found.is_place or found.entry is None:
        return found
    doc, span = found.span.doc, found.span
    before = doc[span.start - 1].lower_ if span.start else ""
    bracket = span.end + 1 < len(doc) and doc[span.end].text == "(" and doc[span.end + 1].pos_ == "PROPN"
    of_people = before == "of" and span.start > 1 and doc[span.start - 2].lemma_.lower() in PEOPLE_HEADS
    if not (bracket or before in LOCATIVE or of_people):
        return found
    if before == "between" and not bracket and is_agentive(span):
        return found  # 'talks between Kyiv and Moscow': the parties ('clashes between X and Y' are where)
    place = next((e for e in gazetteer.lookup_all(span.text) if is_place(e.kind)), None)
    return (
        found if place is None else Found(span, place.key, place.label, place.kind, place, found.confidence)
    )
