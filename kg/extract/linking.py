"""Linking places to events: which of a sentence's places (:class:`kg.extract.candidates.Places`) is where its
event happened, with the parents the text or gazetteer gives.

``Places.best`` picks the most specific place (for an incident); :func:`link_place` the place of one event, by
how the place attaches to the event's clause (in/at/near X, the verb's object), the town before the country named
with it, and distance in the parse (through another event's trigger costs more), with a confidence.

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()("Rebels attacked Kafr Nabudah village, north of Suqaylabiyah town.")
>>> Places(next(doc.sents), [], {}).best(set())[:1]
('Kafr Nabudah',)
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.candidates import KIND_RANK, SUBAREAS, Places, fronted, names_area, names_kind, qualifies
from kg.extract.exclusions import DIRECTIONS, UNITS, is_mission, where_told
from kg.extract.toponyms import FEATURE_RANK
from kg.extract.whose import says_whose


def _distance(a: Token, b: Token, triggers: set[int]) -> float:
    """Edges between two tokens in the parse; a path through another event's trigger costs extra (that place
    is probably that event's)."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            path = up_a[: index[t.i]] + [b, *b.ancestors][:n]
            crossings = sum(1 for x in path if x.i in triggers and x.i not in {a.i, b.i})
            # another verb's clause ('was captured in 1992 and spent seven years in a Jakarta prison')
            clauses = sum(
                1 for x in path if x.pos_ == "VERB" and x.dep_ == "conj" and x.i not in {a.i, b.i} | triggers
            )
            return index[t.i] + n + 3 * crossings + 2 * clauses
    return 99.0


def nearest_place(places: Places, anchor: Token, triggers: set[int]) -> tuple[str | None, str | None]:
    """The place :func:`link_place` links to ``anchor`` when it is at least :data:`MIN_CONFIDENCE` sure, else
    (None, None)."""
    link = link_place(places, anchor, triggers)
    return (link.name, link.key) if link and link.confidence >= MIN_CONFIDENCE else (None, None)


MIN_CONFIDENCE = 0.5  # below it a link is wrong more often than right on the dev half
SHARPER_CONFIDENCE = 0.6  # an object or locative link this sure and as specific beats the parse's place


def sharper(link: Link | None, key: str | None, current: str, kinds: dict[str, str]) -> bool:
    """Whether the linked place ``key`` should replace the event's ``current`` place: linked as the clause's object
    or by a locative preposition, fairly surely, and of a kind at least as specific ("In the province of Latakia,
    militants shelled the settlement of Mortlu": Mortlu, not Latakia; "a bomb detonated at a market in Kufa town
    near Najaf": Kufa, the place the clause attaches, not the one beside it). Measured on the event_location dev
    half before it was added: it would put a gold place first for 38 events and take one away from 14; letting a
    link of 0.6 or more and of the same kind win too: 1,849 -> 1,860 right, invented unchanged.

    >>> link = Link("Mortlu", "mortlu", 60, 0.85, "object")
    >>> sharper(link, "mortlu", "latakia", {"mortlu": "City", "latakia": "AdministrativeRegion"})
    True
    >>> sharper(link, "mortlu", "latakia", {"mortlu": "AdministrativeRegion", "latakia": "City"})
    False
    """
    return (
        link is not None
        and key is not None
        and key != current
        and link.rule in {"object", "locative"}
        and link.confidence >= SHARPER_CONFIDENCE
        and _linked_rank(link, kinds.get(key, "")) <= KIND_RANK.get(kinds.get(current, ""), 3)
    )


def _linked_rank(link: Link, kind: str) -> float:
    """How specific a linked place is: its kind's rank, or its feature word's ('the town of Kolda'), but a
    country's feature word is what it has ('Bogota, the capital of Colombia': Colombia is no capital)."""
    rank = KIND_RANK.get(kind, 3)
    return rank if kind == "Country" else min(rank, link.rank or 9)


LOCATIVE = {"in", "at", "near", "outside", "across", "inside", "around", "into", "throughout", "within", "along",
            "off", "on", "onto", "outskirts", "over", "through", "toward", "towards", "nearby", "between", "among",
            "above", "beside", "alongside", "behind", "opposite", "beneath", "below"}  # fmt: skip
_NAMED_WIDER = {"area", "region", "zone", "sector", "district"}  # a named one of these lies in its 'of'-place
_NP_LINKS = {"compound", "poss", "appos", "nmod", "npadvmod", "conj", "cc", "amod"}
_CLAUSE_LINKS = {"xcomp", "advcl", "conj", "ccomp", "relcl", "pcomp", "acl"}


@dataclass(frozen=True)
class Link:
    """The place linked to an event: name, entity key (None for a place phrase of the text), where it starts in
    the document, how sure the linker is, and the rule that chose it."""

    name: str
    key: str | None
    start: int
    confidence: float
    rule: str
    rank: float | None = (
        None  # its feature word's rank ('Tadjentat area', 'the town of Kolda'), if it has one
    )


def _phrase_head(token: Token) -> Token:
    """Climb from a place name to the head of its noun phrase: 'West Bank' and 'Hebron' in 'the West Bank city
    of Hebron' both hang from 'city'; 'Syria' in 'Kobane, Syria' from 'Kobane'."""
    while token.head.i != token.i:
        if token.dep_ in _NP_LINKS and token.head.pos_ in {"NOUN", "PROPN"}:
            token = token.head
        elif (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.pos_ in {"NOUN", "PROPN"}
            and token.head.head.lower_ not in DIRECTIONS  # 'south of X' measures from X
        ):
            token = token.head.head
        else:
            break
    return token


def _relation(head: Token, anchor: Token) -> str:
    """How a place's phrase attaches: 'locative' (in/at/near ... X), 'object' (the anchor's object: 'bombed
    X'), 'other' (from/for/against X, or no preposition), 'agent' (by X)."""
    if head.dep_ == "pobj":
        prep = head.head.lower_
        if prep == "by":
            return "agent"
        if prep in LOCATIVE:
            return "locative"
        direction = head.head.head
        if prep in {"of", "from"} and (
            direction.lower_ in DIRECTIONS or any(c.like_num or c.lower_ in UNITS for c in direction.subtree)
        ):
            # 'in the north of X' is in X; 'south of X', '100 km from X' only measure from X
            if prep == "of" and any(c.dep_ == "det" for c in direction.children):
                return "locative"
            return "reference"
        if prep == "of" and direction.lower_ in {"outskirts", "centre", "center", "heart", "vicinity"}:
            return "locative"
        return "other"
    if (
        head.dep_ in {"dobj", "npadvmod"} and head.head.i == anchor.i
    ):  # the parser calls some objects npadvmod
        return "object"
    return "other"


def _feature_rank(span: Span) -> float | None:
    """The rank of the feature word naming what a place is ('Tadjentat area', 'the town of Kolda'), if any."""
    root = span.root
    word = span[-1].lower_ if span[-1].lower_ in FEATURE_RANK else None
    if word is None and root.dep_ in {"compound", "nmod"}:
        word = root.head.lower_
    elif word is None and root.dep_ == "pobj" and root.head.lower_ == "of":
        word = root.head.head.lower_
    return FEATURE_RANK.get(word) if word else None


def _contains_area(span: Span) -> bool:
    """The 'of'-phrase of a named part of a place ('Kandahar' in 'the Barkal area of Kandahar'): it
    only contains the place named."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.lower_ not in SUBAREAS:
        return False
    area = root.head.head
    doc = span.doc
    # the parser calls a name's last word an adjective at times ('the East Ghouta region of rural Damascus')
    return any(
        c.pos_ == "PROPN"
        and (
            (c.dep_ in {"compound", "nmod"} and names_area(doc[c.i : c.i + 1]))
            or (c.dep_ == "amod" and area.lower_ in _NAMED_WIDER)
        )
        for c in area.children
    )


def _candidates(places: Places) -> list[tuple[float, int, str, str | None, bool]]:
    """Plain locations first (rank, start, name, key, plain), then the objects and modifiers not among them."""
    plain = [(r, s, n, k, True) for r, s, n, k, _ in places.items]
    extra = [
        (r, s, n, k, False)
        for r, s, n, k in places.mentions
        if not any(ps < s + len(n) and s < ps + len(pn) for _, ps, pn, *_ in plain)
    ]
    return plain + extra


def link_place(places: Places, anchor: Token, triggers: set[int]) -> Link | None:
    """The place where the event on ``anchor`` happened, with a confidence, or None.

    Order: a place attached by a locative preposition in the event's clause (or its object: 'shelled X'); a
    town before the country or region named with it ('in X, Syria', 'the West Bank city of X'); places farther
    in the parse with less confidence.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Gunmen shot a trader near the West Bank city of Hebron on Monday.")
    >>> link = link_place(Places(next(doc.sents), [], {}), doc[1], set())
    >>> link.name, link.rule
    ('Hebron', 'locative')
    """
    doc = anchor.doc
    scored = []
    for rank, start, name, key, plain in _candidates(places):
        span = doc.char_span(start, start + len(name), alignment_mode="expand")
        if span is None:
            continue
        if (
            qualifies(span)
            or is_mission(span)
            or says_whose(span)
            or (places.kinds.get(key or "") == "Country" and names_kind(span))
            or where_told(span, anchor)
        ):
            continue  # 'a US airstrike': the country names whose strike it was
        head = _phrase_head(span.root)
        # the phrase's own name ('Hebron' in 'the West Bank city of Hebron', 'Kobane' in 'Kobane, Syria')
        # before the names that only qualify it
        qualifier = not (
            span.root.i == head.i or (span.root.dep_ == "pobj" and span.root.head.head.i == head.i)
        )
        names = names_area(span) and span.root.head.i == head.i  # 'the Barkal area of Kandahar': Barkal
        if names or _contains_area(span):
            qualifier = not names
        relation = _relation(head, anchor)
        if relation == "agent":
            continue
        distance = _distance(anchor, head, triggers)
        penalty = {"locative": 0, "object": 0.5, "other": 2, "reference": 4}[relation] + (0 if plain else 1)
        penalty += 1 if fronted(span) else 0  # 'In Kandahar, ... killed in Maiwand district': Maiwand
        scored.append((distance + penalty, qualifier, rank, start, name, key, relation, _feature_rank(span)))
    if not scored:
        return None
    cost, _, _, start, name, key, relation, feature = min(scored)
    # measured on the dev half: a locative or object attachment is right about three times in four, a place
    # hanging from/for/against the clause about one time in four; both fall with distance in the parse
    top = {"locative": 0.9, "object": 0.85, "other": 0.45, "reference": 0.3}[relation]
    start_cost = {"locative": 1, "object": 1.5, "other": 3, "reference": 5}[relation]
    confidence = max(0.1, top - 0.05 * max(0.0, cost - start_cost))
    return Link(name, key, start, round(confidence, 2), relation, feature)
