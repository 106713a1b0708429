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

from kg.records import ACTOR_KINDS, PLACE_KINDS, is_place

__all__ = ["ACTOR_KINDS", "PLACE_KINDS", "guess_kind", "is_facility_name", "is_place_kind"]

FACILITY_WORDS = (
    "camp", "prison", "jail", "detention center", "detention centre", "detention facility", "base", "airport",
    "airbase", "air base", "port", "hospital", "checkpoint", "crossing", "compound", "barracks", "refinery", "dam",
    "coliseum", "stadium", "garrison", "outpost", "terminal", "depot", "penitentiary", "embassy",
)  # fmt: skip
ADMIN_WORDS = ("province", "governorate", "region", "state", "district", "county", "oblast", "prefecture",
               "department", "municipality", "territory")  # fmt: skip
VAGUE_REGION = re.compile(
    r"^(north|south|east|west|northern|southern|eastern|western|central|"
    r"north-?east(ern)?|north-?west(ern)?|south-?east(ern)?|south-?west(ern)?)\s",
    re.I,
)

_ORG_RULES: tuple[tuple[str, str], ...] = (
    (
        "MediaOrganization",
        r"\b(news|times|journal|post|press|herald|tribune|gazette|tv|television|radio|"
        r"broadcasting|agency|media|reuters|digital|daily|weekly|magazine|network|channel)\b",
    ),
    (
        "MilitaryOrganization",
        r"\b(command|army|navy|air force|armed forces|ministry of defen[cs]e|marines|"
        r"national guard|police|gendarmerie|coast guard|border guard)\b",
    ),
    (
        "ArmedGroup",
        r"\b(forces|brigades?|militias?|front|movement|mujahideen|battalions?|liberation|"
        r"resistance|jihad|army of|rebels?|insurgents?|guerrillas?|self-defen[cs]e)\b",
    ),
    ("PoliticalParty", r"\b(party|congress|league|alliance|union of)\b"),
    (
        "Government",
        r"\b(ministry|government|parliament|senate|cabinet|council of ministers|presidency|"
        r"authority|administration|department of|office of the)\b",
    ),
    (
        "InternationalOrganization",
        r"\b(united nations|u\.?n\.?|organi[sz]ation of|union|commission|"
        r"international criminal|world \w+ organi[sz]ation|fund|bank)\b",
    ),
    (
        "NonGovernmentalOrganization",
        r"\b(group|watch|institute|foundation|committee|council|center|centre|"
        r"society|association|federation|initiative|observatory|amnesty|"
        r"international|project|coalition)\b",
    ),
    ("Company", r"\b(inc|corp|corporation|ltd|llc|plc|company|co\.|group holdings|airlines?|energy|oil)\b"),
)


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
    return "Group" if label != "ORG" else "NonGovernmentalOrganization"


is_place_kind = is_place
