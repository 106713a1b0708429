"""Guess the kind of an actor or place that the gazetteer does not know, from its NER label and head words.

>>> guess_kind("ORG", "Rapid Support Forces")
'ArmedGroup'
>>> guess_kind("ORG", "Fox News Digital")
'MediaOrganization'
>>> guess_kind("GPE", "Hasakah province")
'AdministrativeRegion'
>>> guess_kind("ORG", "al-Hawl camp")
'Facility'
"""

from __future__ import annotations

import re

from kg.extract.lexicon import word_list, word_map, word_pairs
from kg.records import ACTOR_KINDS, PLACE_KINDS, is_place

__all__ = ["ACTOR_KINDS", "PLACE_KINDS", "acled_inter", "guess_kind", "is_facility_name", "is_place_kind"]

FACILITY_WORDS = word_list("actors", "facility_words")
ADMIN_WORDS = word_list("actors", "admin_words")
VAGUE_REGION = re.compile(
    r"^(north|south|east|west|northern|southern|eastern|western|central|"
    r"north-?east(ern)?|north-?west(ern)?|south-?east(ern)?|south-?west(ern)?)\s",
    re.I,
)

_ORG_RULES = word_pairs("actors", "organisation_rules")


def is_facility_name(text: str) -> bool:
    """Whether a name ends with a facility word: "al-Hawl camp", "Evin prison"."""
    low = text.lower().rstrip(". ")
    return any(low.endswith(" " + w) or low == w for w in FACILITY_WORDS)


def guess_kind(label: str, text: str) -> str:
    """A kind for a name from its spaCy NER label and its words."""
    low = text.lower()
    if is_facility_name(text) or label == "FAC":
        return "Facility"
    if label in {"GPE", "LOC"}:
        if VAGUE_REGION.match(text):
            return "Region"
        if any(low.endswith(" " + w) for w in ADMIN_WORDS):
            return "AdministrativeRegion"
        return "Region" if label == "LOC" else "City"
    if label == "PERSON":
        return "Person"
    if label == "NORP":
        return "EthnoReligiousGroup"
    for kind, pattern in _ORG_RULES:
        if re.search(pattern, low):
            return kind
    # An organisation is an NGO, a party or an armed group only on evidence; without any it is just that.
    return "Group" if label != "ORG" else "Organization"


is_place_kind = is_place


_INTER: dict[str, int | None] = word_map("acled_inter", "kind_inter")


def acled_inter(kind: str) -> int | None:
    """The default ACLED ``inter`` code of an actor kind (kg/data/lexicon/acled_inter.json), so actor types can
    be scored against ACLED; None when the kind alone does not say.

    >>> acled_inter("ArmedGroup"), acled_inter("Government"), acled_inter("Organization")
    (2, 1, None)
    """
    return _INTER.get(kind)
