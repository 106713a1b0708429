"""Where an incident happened, among a sentence's place candidates (:class:`kg.extract.candidates.Places`): the
most specific place, less names that only locate it ("south of Hodeidah"), name its parents ("(Al Hudaydah)") or
describe an actor ("Saudi border", "Tripoli-based"), with the parents the text states after it.

>>> from kg.extract.pipeline import load_pipeline
>>> from kg.extract.candidates import Places
>>> doc = load_pipeline()("Fighters clashed in Hays district (Al Hudaydah), south of Hodeidah, on Monday.")
>>> incident_place(next(doc.sents), Places(next(doc.sents), [], {}), set(), doc.text)[::2]
('Hays', ('Al Hudaydah',))
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.extract.background import other_happenings
from kg.extract.candidates import Places, qualifies
from kg.extract.exclusions import where_told
from kg.extract.gazetteer import Gazetteer
from kg.extract.state import span_ents
from kg.extract.toponyms import FEATURE_RANK
from kg.records import Entity

# a name right before it is a reference point, not where the event happened: "Hays district, south of Hodeidah"
_ANCHOR = re.compile(
    r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.I,
)
_FROM, _TO = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I), re.compile(r"\b(?:to|towards?)\s+(?:the\s+)?$", re.I)
_SECOND = re.compile(r"\bbetween\s+(?:the\s+)?(?:[\w'’-]+\s+){1,4}?and\s+(?:the\s+)?$", re.I)
# a wider place stated right after a place: "Tahrir Square in central Baghdad", "Al-Hal market of Manbij city",
# "Palestine Street, eastern Baghdad"
_STATED_PARENT = re.compile(
    r"(?:\s+(?:neighbourhood|neighborhood|quarter|district|market|square|street|road|camp|area))?"
    r"(?:,?\s+(?:in|of)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?"
    r"|,\s+(?:northern|southern|eastern|western|central)\s+)",  # "Palestine Street, eastern Baghdad"
    re.I,
)
_BRACKET_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,2}\s*\((?=[A-Z])(?![A-Z]{2,}\))")  # not "(CENTCOM)"
_OPEN_BRACKET = re.compile(r"\([^()]*$")


def drop_told(places: Places, sent: Span, triggers: list[tuple[int, int]]) -> None:
    """Leave out the places of a reporting clause that tells every event of the sentence ('a spokesman told
    reporters in Kinshasa that the army had retaken a village'): where it was told, not where it happened."""
    doc = sent.doc
    anchors = [s.root for a, b in triggers if (s := doc.char_span(a, b, alignment_mode="expand")) is not None]
    if not anchors:
        return
    spans = {i[1]: doc.char_span(i[1], i[1] + len(i[2]), alignment_mode="expand") for i in places.items}
    places.items = [
        i
        for i in places.items
        if (span := spans[i[1]]) is None or not all(where_told(span, a) for a in anchors)
    ]


def drop_background(places: Places, sent: Span) -> None:
    """Leave out the places of another happening the sentence tells (:func:`other_happenings`: 'hours after the
    army said shots had been fired across the Blue Line', 'on suspicion of firing at a patrol in X'), while
    others remain."""
    spans = other_happenings(sent)
    kept = [i for i in places.items if not any(a <= i[1] < b for a, b in spans)]
    places.items = kept or places.items


def incident_place(
    sent: Span, places: Places, preferred: set[str], text: str
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The incident's place among the sentence's candidates (``text`` is the document's text), as
    :meth:`Places.best` picks it, less two kinds of names that are not where it happened: a reference point
    after the place ("in Hays district, south of Hodeidah": Hays) and a nationality ("near the Saudi border").
    A place with no parent takes one the text states right after it from the other candidates ("Tahrir Square
    in central Baghdad", "the Al-Hal market of Manbij city")."""
    doc = sent.doc
    nationalities = {e.start_char for e in span_ents(sent) if e.label_ == "NORP" and e.end < len(doc)
                     and doc[e.end].pos_ == "NOUN" and doc[e.end].lower_ not in FEATURE_RANK}  # fmt: skip
    items = [i for i in places.items if i[1] not in nationalities and not _qualifier(doc, i[1], i[2])]
    # "in Hays district (Al Hudaydah)", "near Sidakan (Soran, Erbil)": the names in brackets are the parents
    # of the place before them, never the location
    items = [i for i in items if not _bracketed(text, i[1], items)] or items
    # a place another candidate is stated to be in ("Kafr Nabl's village of Hazarin") or the second end of a road
    # "between X and Y" (ACLED codes the first) is not the location
    # (a country is in no town: 'from Syria near Ar-Ruwayshid' says where they crossed, not Syria's parent)
    wider = {p for i in items for p in i[4] if p != i[2] and places.kinds.get(i[3] or "") != "Country"}
    # and where people came from when the sentence says where they went ("marched from X Square to Y Square")
    went = any(_TO.search(text, max(0, i[1] - 12), i[1]) for i in items)
    items = [
        i for i in items
        if i[2] not in wider
        and not _SECOND.search(text, max(0, i[1] - 60), i[1])
        and not (went and _FROM.search(text, max(0, i[1] - 12), i[1]))
    ] or items  # fmt: skip
    location, key, admin = places.best(preferred) if len(items) == len(places.items) else (None, None, ())
    if location is None and items:
        _, _, location, key, parents = min(items, key=lambda i: (min(i[0], 9), i[3] not in preferred, i[1]))
        admin = tuple(dict.fromkeys(parents))
    if location is None:
        return None, None, ()
    start = next(i[1] for i in items if i[2] == location and i[3] == key)
    if _ANCHOR.search(text, max(0, start - 60), start):
        before = [i for i in items if i[1] < start and not _ANCHOR.search(text, max(0, i[1] - 60), i[1])]
        if before:
            _, start, location, key, parents = min(
                before, key=lambda i: (min(i[0], 9), i[3] not in preferred)
            )
            admin = tuple(dict.fromkeys(parents))
    if not admin:
        end = start + len(location)
        after = _STATED_PARENT.match(text, end)
        admin = tuple(i[2] for i in items if after and i[1] == after.end() and i[2] != location)[:1]
        # "Ain Al Asad air base (Heet, Al Anbar)": the brackets after a place's feature words
        if not admin and (opened := _BRACKET_AFTER.match(text, end)) and (closed := text.find(")", end)) > 0:
            inside = (n.strip() for n in text[opened.end() : closed].split(","))
            admin = tuple(n for n in inside if n[:1].isupper() and len(n.split()) <= 4)
    return location, key, admin


def _bracketed(text: str, start: int, items: list) -> bool:
    """A candidate inside brackets that follow another candidate: 'Hays district (Al Hudaydah)'."""
    opened = _OPEN_BRACKET.search(text, max(0, start - 80), start)
    if opened is None:
        return False
    before = opened.start()
    return any(i[1] < before and before - (i[1] + len(i[2])) <= 20 for i in items)


def _qualifier(doc: Doc, start: int, name: str) -> bool:
    """A place name that describes something else: 'the Tripoli-based government', 'Saudi-led forces'."""
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    return span is not None and qualifies(span)


def gazetteer_admin(place: Entity | None, gazetteer: Gazetteer | None) -> tuple[str, ...]:
    """The first-level region the gazetteer gives a place (a town's linked GeoNames region), for an incident whose
    text states no parent: ACLED codes admin1 for every incident.

    >>> from kg.extract.gazetteer import Gazetteer
    >>> gazetteer_admin(Entity("manbij", "Manbij", "City", located_in=("aleppo-governorate",)), Gazetteer.load())
    ('Aleppo Governorate',)
    """
    regions = (gazetteer.parent_region(k) for k in place.located_in) if place and gazetteer else ()
    return tuple(r.label for r in regions if r is not None)
