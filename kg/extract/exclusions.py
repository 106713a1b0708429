"""Place mentions that are no event's place though an event's clause names them: a reference point a distance
or direction is measured from ('40 km south of Varna'), an embassy or consulate ('the US embassy in Lusaka': the
city is), and where the event was told ('told reporters in Kinshasa that ...').

Used by the place linker (:mod:`kg.extract.linking`), the event places (:mod:`kg.extract.events.places`) and the
incident places (:mod:`kg.extract.incident_places`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.clauses import REPORTING

DIRECTIONS = {f"{a}{b}" for a in ("north", "south", "east", "west", "northeast", "northwest", "southeast",
                                   "southwest") for b in ("", "ern")}  # fmt: skip
UNITS = {"km", "kilometres", "kilometers", "miles", "mi", "metres", "meters", "kms"}


def measures_from(place: Span) -> bool:
    """Whether a place is only a reference point a distance or direction is measured from ('south of Tikrit',
    '100 km from Kabul', 'a town 75 kilometres northeast of Yangon'), not where something is ('in the north of
    Iraq').

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("They clashed in Dalo, 40 km south of Varna.")
    >>> measures_from(doc[9:10]), measures_from(doc[3:4])
    (True, False)
    """
    root = place.root
    if root.dep_ != "pobj" or root.head.lower_ not in {"of", "from"}:
        return False
    direction = root.head.head
    if root.head.lower_ == "of" and any(c.dep_ == "det" for c in direction.children):
        return False  # 'in the north of X' is in X
    return direction.lower_ in DIRECTIONS or any(
        c.lower_ in UNITS for c in direction.subtree if c.i < root.head.i
    )


_MISSIONS = {"embassy", "embassies", "consulate", "consulates"}


def is_mission(place: Span) -> bool:
    """An embassy or consulate ('the Israeli Embassy in Buenos Aires'): where a country is represented, not a place
    an event is coded at; the city it stands in is.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Protesters gathered outside the US embassy in Lusaka.")
    >>> is_mission(doc[4:6]), is_mission(doc[4:5]), is_mission(doc[7:8])
    (True, True, False)
    """
    head = place.root.head  # 'Israeli' alone, a modifier of 'embassy'
    return any(t.lower_ in _MISSIONS for t in place) or (
        place.root.dep_ in {"compound", "amod", "nmod", "poss"} and head.lower_ in _MISSIONS
    )


def where_told(place: Span, anchor: Token) -> bool:
    """A place of the reporting clause that tells the event: where it was told, not where it happened.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("A spokesman told reporters in Kinshasa that the army had retaken a village.")
    >>> where_told(doc[5:6], doc[10]), where_told(doc[5:6], doc[1])
    (True, False)
    """
    node = place.root
    while (
        node.dep_ in {"pobj", "prep", "dobj", "dative", "compound", "conj", "appos"} and node.head.i != node.i
    ):
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            break
    if node.lemma_ not in REPORTING or node.i == anchor.i or not node.is_ancestor(anchor):
        return False
    if (
        place.start < node.i
    ):  # a fronted scene-setter ('In Tawila, the WFP said a convoy had arrived') locates it
        return False
    told = anchor
    while told.head.i != node.i:
        told = told.head
    return told.dep_ in {"ccomp", "parataxis", "xcomp"}  # the anchor is in what was told
