"""Where an event happened, from the parse: which place of an argument phrase it names, the order of an event's
places, and the sentence's one place when the parse attaches none.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.candidates import KIND_RANK, fronted, locates, names_area
from kg.extract.events.roles import vagueness
from kg.extract.state import Found, FoundEvent


def phrase_place(token: Token, index: dict[int, Found]) -> Found | None:
    """The place an argument phrase headed by ``token`` names: the name of a part of a place first ('in the Barkal
    area of Kandahar'), then the least vague (:func:`kg.extract.events.roles.vagueness`); no word of a date."""
    places = [
        index[t.i]
        for t in token.subtree
        if t.i in index and index[t.i].is_place and t.ent_type_ not in {"DATE", "TIME"}
    ]
    if not places:
        return None
    return min(places, key=lambda f: (not _names_part(f.span, token), vagueness(f.span, token)))


def order_places(event: FoundEvent, head: Token, index: dict[int, Found]) -> None:
    """The most specific place first ('in the Irish Republic, at Shannon airport': the airport), a scene-setting
    opener last ('In Kandahar, two were killed in Maiwand district': Maiwand)."""
    if len(event.roles.get("place", [])) < 2:
        return
    here = {f.key: f for t in head.sent if (f := index.get(t.i))}  # its places are here
    event.roles["place"].sort(
        key=lambda key: (
            key in here and fronted(here[key].span),
            KIND_RANK.get(here[key].kind, 3) if key in here else 3,
        )
    )


def sentence_place(event: FoundEvent, head: Token, index: dict[int, Found]) -> None:
    """No place attached in the parse: take the sentence's place when it names exactly one (as event coders
    do), at lower confidence; with two or more places the sentence is ambiguous and none is taken."""
    used = {k for keys in event.roles.values() for k in keys}
    # a place that acts ('captured by the Northern Alliance') or is part of a date does not say where
    places = {
        f.key
        for t in head.sent
        if (f := index.get(t.i)) and f.is_place and f.kind != "Country" and locates(f.span)
    } - used
    if len(places) == 1:
        event.roles["place"] = list(places)
        event.confidence = min(event.confidence, 0.6)


def guessed_town(found: Found, token: Token) -> bool:
    """'Ocalan was captured', 'Zubaydah was shot': a passive subject that only the model's guess calls a town (no
    gazetteer entry, no feature word) is more often a person than the place of the event."""
    return found.entry is None and found.kind == "City" and token.dep_ == "nsubjpass"


def _names_part(place: Span, phrase: Token) -> bool:
    """The name of the part of a place that the argument phrase is ('Tadjentat' for 'in Tadjentat area', not
    'Izra' for 'in Jasim city (Izra district)')."""
    return place.root.head.i == phrase.i and names_area(place)
