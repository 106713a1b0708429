"""Linking places to events: which of a sentence's places is where its event happened, with the parents the
text or gazetteer gives. Candidates are resolved place entities (not those that act or describe: "Iraq
received", "an Iraqi official") and the place phrases of :mod:`kg.extract.toponyms` ("X village", "the town of
X", "X (Y district)"), which also catch villages the small model tags PERSON or ORG.

``Places.best`` picks the most specific place (for an incident); ``Places.nearest`` the place closest to an
event's trigger in the parse, so that a place named for another event of the sentence does not leak.

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()("Rebels attacked Kafr Nabudah village, north of Suqaylabiyah town.")
>>> Places(next(doc.sents), [], {}).best(set())[:1]
('Kafr Nabudah',)
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.toponyms import PlacePhrase, place_phrases
from kg.records import Entity

KIND_RANK = {"Facility": 1.5, "City": 2, "AdministrativeRegion": 4.5, "Region": 5.5, "Country": 9}
ORGANISED = {"Government", "MilitaryOrganization", "ArmedGroup", "PoliticalParty", "InternationalOrganization",
             "NonGovernmentalOrganization", "MediaOrganization", "Country", "EthnoReligiousGroup"}  # fmt: skip


class Places:
    """Place candidates of a sentence: resolved place entities and place phrases of the text."""

    def __init__(self, sent: Span, entities: list[Entity], labels: dict[str, str]) -> None:
        self.labels = labels
        offset, text = sent.start_char, sent.text
        # Names of organised actors are not places; the small model's PERSON/ORG guesses on villages may be.
        self.actor_spans = [
            (m.start, m.end)
            for e in entities
            if not e.is_place and e.kind in ORGANISED
            for m in e.mentions
            if sent.start_char <= m.start < sent.end_char
        ]
        self.items: list[
            tuple[float, int, str, str | None, tuple[str, ...]]
        ] = []  # rank, start, name, key, parents
        phrases = place_phrases(text)
        for entity in entities:
            if not entity.is_place:
                continue
            for m in entity.mentions:
                if not sent.start_char <= m.start < sent.end_char or _acting(sent, m.start, m.end):
                    continue
                phrase = _overlapping(phrases, m.start - offset, m.end - offset)
                rank = min(KIND_RANK.get(entity.kind, 3), phrase.rank if phrase and phrase.feature else 9)
                parents = (phrase.parents if phrase else ()) + tuple(
                    labels.get(k, k) for k in entity.located_in
                )
                self.items.append((rank, m.start, m.text, entity.key, parents))
        for phrase in phrases:
            start, end = phrase.start + offset, phrase.end + offset
            taken = any(s < end and start < e for _, s, *_ in self.items for e in [s + 1])
            # an organised actor's name is no place, unless only the model's guess covers the name: "Sarmin
            # town" stays a place, "Islamic State" (whose mention holds the feature word) does not
            feature_end = end + len(phrase.feature) + 1
            blocked = any(
                s < end and start < e and (not phrase.feature or e >= feature_end)
                for s, e in self.actor_spans
            )
            if taken or blocked:
                continue
            self.items.append((phrase.rank, start, phrase.name, None, phrase.parents))

    def best(self, preferred: set[str]) -> tuple[str | None, str | None, tuple[str, ...]]:
        """The most specific place (an event's own place role first among equals) and its parents."""
        if not self.items:
            return None, None, ()
        items = sorted(self.items, key=lambda i: (i[0] if i[0] < 9 else 9, i[3] not in preferred, i[1]))
        rank, _, name, key, parents = items[0]
        others = [i[2] for i in sorted(self.items, key=lambda i: i[0]) if i[2] != name and i[0] > rank]
        return name, key, tuple(dict.fromkeys([*parents, *others]))


def _acting(sent: Span, start: int, end: int) -> bool:
    """A place mention that acts or describes ('Iraq received', 'U.S. forces', 'an Iraqi official', 'the
    Syrian province') is no location: a location's head is a proper name in a non-subject position."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return (
        span.root.dep_ in {"nsubj", "nsubjpass", "amod", "compound", "poss", "dobj"}
        or span.root.pos_ != "PROPN"
    )


def _overlapping(phrases: list[PlacePhrase], start: int, end: int) -> PlacePhrase | None:
    return next((p for p in phrases if p.start < end and start < p.end), None)


def _distance(a: Token, b: Token, triggers: set[int]) -> float:
    """Edges between two tokens in the parse; a path through another event's trigger costs extra (that place
    is probably that event's)."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            path = up_a[: index[t.i]] + [b, *b.ancestors][:n]
            crossings = sum(1 for x in path if x.i in triggers and x.i not in {a.i, b.i})
            return index[t.i] + n + 3 * crossings
    return 99.0


def nearest_place(places: Places, anchor: Token, triggers: set[int]) -> tuple[str | None, str | None]:
    """The candidate place closest to ``anchor`` in the parse (ties: the more specific), or (None, None)."""
    doc = anchor.doc
    best, best_key = None, None
    for rank, start, name, key, _ in places.items:
        span = doc.char_span(start, start + len(name), alignment_mode="expand")
        if span is None:
            continue
        score = (_distance(anchor, span.root, triggers), rank)
        if best is None or score < best[0]:
            best, best_key = (score, name), key
    return (best[1], best_key) if best else (None, None)
