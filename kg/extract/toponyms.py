"""Place phrases and the hierarchy a sentence states for them, found from the text's own patterns: "X village",
"the town of X", "near X", "X (Y district, Z governorate)", "X neighbourhood in central Y", "east of Y town".

This is the linking side of places (which place an incident happened at, and its parents); recognising
toponyms as entities belongs to the actor layer. Ranks: smaller is more specific.

>>> [(p.name, p.feature) for p in place_phrases("Gunmen attacked Kafr Nabudah village, north of Suqaylabiyah town.")]
[('Kafr Nabudah', 'village'), ('Suqaylabiyah', 'town')]
>>> place_phrases("Shelling hit Sarmin (Idleb district, Idleb governorate) on Monday.")[0].parents
('Idleb', 'Idleb')
>>> place_phrases("A post near the M4 highway (Ariha district, Idleb governorate).")[1].parents
('Idleb',)
>>> [(p.name, p.parents) for p in place_phrases("A bomb hit a patrol on the Lice-Hazro road (Diyarbakir province).")]
[('Lice', ('Diyarbakir',)), ('Diyarbakir', ())]
>>> [p.name for p in place_phrases("Protesters gathered in the town of Bor and near Juba.")]
['Bor', 'Juba']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FEATURE_RANK = {
    "village": 1, "hamlet": 1, "neighbourhood": 1, "neighborhood": 1, "quarter": 1, "camp": 1, "district of": 1,
    "suburb": 1, "locality": 1, "settlement": 1, "market": 1, "shantytown": 1, "township": 1, "square": 1,
    "street": 1, "avenue": 1,
    "outpost": 1.5, "airstrip": 1.5, "farms": 1.5, "orchards": 1.5,
    "town": 2, "city": 2, "capital": 2, "islet": 2, "": 2.5, "hills": 3,
    "sub-district": 3, "subdistrict": 3, "ward": 3, "lga": 3, "commune": 3, "municipality": 3, "area": 3.5,
    "sector": 3.5, "axis": 3.5, "plains": 3.5, "gorge": 3, "valley": 3.5, "mountains": 3.5, "heights": 3.5,
    "springs": 2.5, "plateau": 3.5, "peninsula": 4.5, "island": 3,
    "district": 4, "county": 4, "department": 4, "territory": 4, "countryside": 4.5,
    "province": 5, "governorate": 5, "state": 5, "region": 5, "oblast": 5, "prefecture": 5,
}  # fmt: skip
# Arabic toponym heads that begin a place's own name ("Tal Tamr", "Kafr Nabl", "Wadi Barada", "Deir Hafer"): the
# name includes them. Not "Khan", "Ras", "Abu" or "Umm", which also begin people's names.
PREFIXES = {"tal": 2, "tell": 2, "tall": 2, "jabal": 3, "jebel": 3, "wadi": 3.5, "kafr": 1, "kfar": 1, "deir": 1,
            "beit": 1, "bayt": 1, "ein": 1, "ain": 1, "bir": 1, "khirbet": 1, "khirbat": 1, "jisr": 1.5, "qasr": 1.5,
            "marj": 1.5}  # fmt: skip
FEATURE_RANK.update(PREFIXES)
_FEATURES = "|".join(
    sorted(
        (f for f in FEATURE_RANK if f and " " not in f and f != "capital" and f not in PREFIXES),
        key=len,
        reverse=True,
    )
)
_PARTICLE = r"(?:al|el|ad|ash|as|an|ar|at|az|ed|es|de|del|la|le|du|di|wa|bin|ibn|abu|um|umm|bani|beni|ben)"
# a name may begin with the Arabic article in lower case ("the city of al-Tall", "in el-Arish")
_WORD = r"(?:(?:al|el)-)?[A-Z][\w'’]*(?:-[\w'’]+)*"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}[-\s])?{_WORD}|\s*-\s*{_PARTICLE}-{_WORD}|\s+{_PARTICLE}-[\w'’]+)*"
_AFTER = re.compile(rf"\b(?P<name>{NAME})\s+(?P<feature>(?i:{_FEATURES}))\b")
_OF = re.compile(rf"\b(?:the\s+)?(?P<feature>(?i:{_FEATURES}))\s+of\s+(?P<name>{NAME})")
# "the capital Grozny", "the Zairean capital, Kinshasa": the feature word comes first
_CAPITAL = re.compile(rf"\b(?P<feature>capital),?\s+(?P<name>{NAME})")
_PREFIXED = re.compile(
    rf"\b(?P<name>(?P<feature>{'|'.join(p.title() for p in PREFIXES)})\s+(?:{_PARTICLE}-)?{NAME})"
)
_BEFORE_PAREN = re.compile(rf"\b(?P<name>{NAME})(?=\s*\((?![A-Z]{{2,}}\))[A-Z])")  # not "(CENTCOM)"
# sentence-initial "In X, ..." too; the directions stay lower case ("North Korea" is a name)
_PREP = re.compile(rf"\b(?:(?i:in|near|at|outside|around|of|from|into|toward|towards|close to)|north|south|east|west)\s+"
                   rf"(?:the\s+)?(?:(?:northern|southern|eastern|western|central|rural|outskirts of)\s+)?"
                   rf"(?P<name>{NAME})")  # fmt: skip
# "on the Lice-Hazro road": the road's first town names where it happened (as ACLED codes it)
# ("the Bani Walid-Al-Shwayrif road": Bani Walid, not "Al")
_ROAD = re.compile(
    rf"\b(?P<name>(?:(?i:{_PARTICLE}|sheikh|shaykh|khan|ras|{'|'.join(PREFIXES)})\s+)?[A-Z][\w'’]+)"
    rf"-(?:(?i:{_PARTICLE})-)?[A-Z][\w'’]+\s+(?P<feature>road|highway)\b"
)
# "Baharestan Square, Tehran,": a square, street or market is in the city named right after it
_COMMA_PARENT = re.compile(rf",\s*(?P<name>{NAME})(?=\s*(?:,|\.|;|\bon\b|\bin\b|$))")
_OF_PARENT = re.compile(rf"\s+of\s+(?:the\s+)?(?P<name>{NAME})")
_STREETS = {"square", "street", "avenue", "market", "neighbourhood", "neighborhood", "quarter"}
_OWNER_BEFORE = re.compile(rf"(?P<owner>{NAME})['’]s\s+(?:[a-z-]+\s+){{0,2}}(?:the\s+)?$")
_PAREN = re.compile(r"\s*\((?P<inside>[^()]{2,80})\)")
_NEXT_LEVEL = re.compile(rf",\s*(?P<name>{NAME})\s+(?P<feature>(?i:{_FEATURES}))\b")
_COMPASS = r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
# "some 70 kilometres (40 miles) to the north-northeast of", "10 km from": a distance measured from a place
_MEASURE = (
    r"(?:(?:located|situated|lying)\s+)?(?:(?:about|some|nearly|around|roughly|approximately|almost|just|only"
    r"|over|under|more\s+than|less\s+than)\s+)?\d[\d,.]*\s*(?:-\s*)?(?:km|kms|kilometres|kilometers|kilometre"
    rf"|kilometer|miles|mile|metres|meters)\b(?:\s*\([^()]{{1,30}}\))?\s+(?:to\s+the\s+)?(?:{_COMPASS}"
    rf"(?:-{_COMPASS})?\s+(?:of|from)|from)"
)
_DIRECTION = re.compile(
    rf",?\s*(?:{_MEASURE}|{_COMPASS}\s+of|in|near|outside)\s+(?:the\s+)?(?:(?:[a-z]+\s+)?capital,?\s+)?"
    r"(?:(?:city|town|province|governorate|state|region)\s+of\s+)?"
    rf"(?:(?:northern|southern|eastern|western|central|rural)\s+)?(?P<name>{NAME})"
)
# "Belet Huen, about 200 miles (322 kilometers) northwest of Mogadishu": what is measured from a place is one too
_MEASURED = re.compile(rf"(?P<name>{NAME}),\s*(?=(?:an?\s+(?:[a-z-]+\s+){{0,2}}?)?{_MEASURE})")
# Capitalised words that begin sentences or name things that are not places.
_NOT_NAMES = {
    "the", "a", "an", "on", "in", "at", "he", "she", "they", "it", "this", "that", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "police", "army", "government", "ministry",
}  # fmt: skip


# what a pattern cannot match without: an 'of' before a name, the parenthesis and capital it looks ahead to (not
# an acronym's), the unit of a distance, its word
_NEEDS = {
    _OF: re.compile(r"\sof\s+(?:(?:al|el)-)?[A-Z]"),
    _BEFORE_PAREN: re.compile(r"\((?![A-Z]{2,}\))[A-Z]"),
    _MEASURED: re.compile(r"km|kilomet|mile|metre|meter"),
    _CAPITAL: re.compile("capital"),
    _ROAD: re.compile(r"-[A-Z][\w'’]+\s+(?:road|highway)\b"),
}


@dataclass(frozen=True)
class PlacePhrase:
    """A place named in a sentence: its name, feature word ("village"), rank, offsets and stated parents."""

    name: str
    start: int
    end: int
    feature: str = ""
    rank: float = 2.5
    parents: tuple[str, ...] = ()


# Abbreviated months ("In the Feb. 25 massacre"); days and months that end a name ("the suburb of Dobrinja Friday")
_MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_DAYS_AND_MONTHS = {w for w in _NOT_NAMES if w.endswith("day") or w in {"january", "february", "april", "june",
                    "july", "august", "september", "october", "november", "december"}}  # fmt: skip
# Words that make a name an event, a text or a contest, never a place ("the end of World War II", "the Paris
# Peace Accords", "the World Cup")
# or an armed unit or organisation ("the SNA's Hamza Division", "the Kassara front")
_NOT_PLACE_WORDS = {"war", "accord", "accords", "agreement", "treaty", "games", "olympics", "cup", "summit",
                    "conference", "amendment", "convention", "act", "division", "brigade", "brigades", "battalion",
                    "regiment", "corps", "front", "forces", "movement", "council", "party", "committee", "organisation",
                    "organization", "association", "federation", "league", "alliance"}  # fmt: skip


def _clean(name: str) -> str | None:
    words = re.sub(r"['’]s$", "", name).split()  # "in Kinshasa's east": Kinshasa
    while words and (words[0].lower() in _NOT_NAMES or words[0].lower() in _MONTH_ABBREVIATIONS):
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _DAYS_AND_MONTHS:
        words = words[:-1]
    if any(w.lower() in _NOT_PLACE_WORDS for w in words):
        return None
    return " ".join(words) if words and words[0].lower() not in _NOT_NAMES else None


def _parents(text: str, end: int, feature: str = "") -> tuple[str, ...]:
    """Parents stated right after a place: '(Y district, Z governorate)', ', east of Y town', 'in central Y', and
    a higher level named next in a list ('Ariha district, Idleb governorate': Ariha is in Idleb)."""
    higher = _NEXT_LEVEL.match(text, end)
    if higher and FEATURE_RANK.get(higher["feature"].lower(), 0) > max(FEATURE_RANK.get(feature, 9), 3):
        return (higher["name"],)
    paren = _PAREN.match(text, end)
    if paren and not re.fullmatch(r"[A-Z]{2,}", paren["inside"].strip()):
        names = [
            re.sub(rf"\s+(?:{_FEATURES})$", "", p.strip(), flags=re.I) for p in paren["inside"].split(",")
        ]
        return tuple(n for n in names if n and n[0].isupper())
    if feature in _STREETS and (city := _COMMA_PARENT.match(text, end)) and (name := _clean(city["name"])):
        return (name,)
    if feature and (wider := _OF_PARENT.match(text, end)) and (name := _clean(wider["name"])):
        return (name,)  # "Ma'ain district of Sanaa": Ma'ain, in Sanaa
    direction = _DIRECTION.match(text, end)
    if direction and (name := _clean(direction["name"])):
        # "in Burkina Faso's Oudalan province": Oudalan, in Burkina Faso
        return tuple(reversed(re.split(r"['’]s\s+", name, maxsplit=1)))
    return ()


def place_phrases(text: str) -> list[PlacePhrase]:
    """Place phrases of a sentence in text order, one per name (the most specific feature word wins)."""
    found: dict[tuple[int, int], PlacePhrase] = {}
    for pattern in (
        _AFTER,
        _OF,
        _CAPITAL,
        _BEFORE_PAREN,
        _ROAD,
        _MEASURED,
        _PREFIXED,
        _PREP,
    ):  # a feature word after a name first
        if pattern in _NEEDS and _NEEDS[pattern].search(text) is None:
            continue  # most sentences have no 'of X', '(', distance or 'capital': spare the pattern's scan
        for match in pattern.finditer(text):
            name = _clean(match["name"])
            if not name:
                continue
            owner = re.match(
                r"(.+?)['’]s\s+(?=[A-Z])", name
            )  # "Kinshasa's Gombe commune": Gombe, in Kinshasa
            if owner:
                name = name[owner.end() :]
            offset = match["name"].find(name)
            if offset < 0:  # the name ran over a line break or doubled space: not one place name
                continue
            start = match.start("name") + offset
            span = (start, start + len(name))
            if any(s < span[1] and span[0] < e for s, e in found):
                continue
            feature = (match.groupdict().get("feature") or "").lower()
            end = match.end()
            if owner is None:  # "Kafr Nabl's neighbouring village of Hazarin": Hazarin, in Kafr Nabl
                owner = _OWNER_BEFORE.search(text, max(0, match.start() - 60), match.start())
            parents = _parents(text, end, feature) + ((_clean(owner[1]) or owner[1],) if owner else ())
            found[span] = PlacePhrase(
                name, span[0], span[1], feature, FEATURE_RANK.get(feature, 2.5), parents
            )
    return sorted(found.values(), key=lambda p: p.start)
