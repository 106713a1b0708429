"""A sentence's place candidates, the raw material of place linking (:mod:`kg.extract.linking`): resolved place
entities that do not act or describe ("Iraq received", "an Iraqi official" are not locations) and the place phrases
of :mod:`kg.extract.toponyms` ("X village", "the town of X", "X (Y district)"), which also catch villages the small
model tags PERSON or ORG. :class:`MentionIndex` finds a sentence's mentions among a document's in log time.

>>> from kg.extract.pipeline import load_pipeline
>>> doc = load_pipeline()("Rebels attacked Kafr Nabudah village, north of Suqaylabiyah town.")
>>> Places(next(doc.sents), [], {}).best(set())[:1]
('Kafr Nabudah',)
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span

from kg.extract.collectives import kin_of
from kg.extract.state import doc_text, scratch
from kg.extract.toponyms import FEATURE_RANK, PREFIXES, PlacePhrase, place_phrases
from kg.extract.whose import NAMING_HEADS
from kg.records import Entity, Mention

KIND_RANK = {"Facility": 1.5, "City": 2, "AdministrativeRegion": 4.5, "Region": 5.5, "Country": 9}
# Words for a part of a place: a name before them names that part ('the Jaroud region of the Beqaa Governorate',
# 'Tadjentat area', 'the Raman district of Yala'). After 'neighbourhood', 'suburb', 'quarter' or 'township' an
# 'of'-phrase usually names the part instead ('the Homs neighbourhood of Baba Amr'; on the event_location dev half
# the 'of'-name was the event's place for 5 of 6 such phrases, the name before 'district' for 8 of 10).
SUBAREAS = {"area", "region", "zone", "sector", "locality", "district", "neighbourhood", "neighborhood", "quarter",
            "suburb", "township", "ward", "subdistrict", "sub-district"}  # fmt: skip
_WIDER_AFTER = {"area", "region", "zone", "sector", "locality", "district", "ward", "subdistrict", "sub-district"}  # fmt: skip
ORGANISED = {"Government", "MilitaryOrganization", "ArmedGroup", "PoliticalParty", "InternationalOrganization",
             "NonGovernmentalOrganization", "MediaOrganization", "Country", "EthnoReligiousGroup"}  # fmt: skip


class MentionIndex:
    """Every entity mention of a document sorted by offset, so a sentence finds its own in log time (a loop over
    all entities per sentence made long documents quadratic)."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.kinds = {e.key: e.kind for e in entities}
        self._rows = sorted((m.start, i, j) for i, e in enumerate(entities) for j, m in enumerate(e.mentions))
        self._starts = [start for start, _, _ in self._rows]

    def within(self, start: int, end: int) -> list[tuple[Entity, Mention]]:
        """(entity, mention) pairs whose mention starts in [start, end), in the entities' and mentions' order."""
        rows = self._rows[bisect_left(self._starts, start) : bisect_left(self._starts, end)]
        return [
            (self.entities[i], self.entities[i].mentions[j]) for _, i, j in sorted(rows, key=lambda r: r[1:])
        ]


def sentence_phrases(sent: Span) -> tuple[PlacePhrase, ...]:
    """:func:`kg.extract.toponyms.place_phrases` of a sentence, worked out once per Doc: the actor layer and the
    place linkers of events and incidents read the same sentences (3,557 scans of ~1,700 sentences per 100
    articles before), and each scan runs seven patterns over the text."""
    memo, key = scratch(sent.doc, "place_phrases"), f"{sent.start_char}:{sent.end_char}"
    if key not in memo:
        memo[key] = tuple(place_phrases(doc_text(sent.doc)[sent.start_char : sent.end_char]))
    phrases: tuple[PlacePhrase, ...] = memo[key]
    return phrases


class Places:
    """Place candidates of a sentence: resolved place entities and place phrases of the text. ``entities`` is the
    document's entity list or, for many sentences of one document, its :class:`MentionIndex`."""

    def __init__(self, sent: Span, entities: list[Entity] | MentionIndex, labels: dict[str, str]) -> None:
        self.labels = labels
        offset = sent.start_char
        index = entities if isinstance(entities, MentionIndex) else MentionIndex(entities)
        here = index.within(sent.start_char, sent.end_char)
        # Names of organised actors are not places; the small model's PERSON/ORG guesses on villages may be.
        self.actor_spans = [(m.start, m.end) for e, m in here if not e.is_place and e.kind in ORGANISED]
        self.items: list[
            tuple[float, int, str, str | None, tuple[str, ...]]
        ] = []  # rank, start, name, key, parents
        # every place mention that does not act (the linker weighs objects and modifiers: "bombed Baghdad",
        # "a Jerusalem hotel"); ``items`` keeps only the plain locations
        self.mentions: list[tuple[float, int, str, str | None]] = []  # rank, start, name, key
        phrases = sentence_phrases(sent)
        kinds = self.kinds = index.kinds
        for entity, m in here:
            if not entity.is_place or _in_date(sent, m.start, m.end):
                continue  # 'captured Jan. 15 in Panama': a word of a date is no place
            if not _acts(sent, m.start, m.end):
                self.mentions.append((KIND_RANK.get(entity.kind, 3), m.start, m.text, entity.key))
            if _acting(sent, m.start, m.end):
                continue
            phrase = _overlapping(phrases, m.start - offset, m.end - offset)
            rank = min(KIND_RANK.get(entity.kind, 3), phrase.rank if phrase and phrase.feature else 9)
            # the admin path: a parent the gazetteer names and this document resolved, not the country
            parents = (phrase.parents if phrase else ()) + tuple(
                labels[k] for k in entity.located_in if k in labels and kinds.get(k) != "Country"
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
            if taken or blocked or _names_only(sent, start, end):
                continue
            # the phrase names a resolved place the linker left out ("Saptari" in "Saptari district"): its key
            key = next((e.key for e, m in here if e.is_place and m.start <= start and end <= m.end), None)
            self.items.append((phrase.rank, start, phrase.name, key, phrase.parents))

    def best(self, preferred: set[str]) -> tuple[str | None, str | None, tuple[str, ...]]:
        """The most specific place (an event's own place role first among equals) and its parents."""
        if not self.items:
            return None, None, ()
        items = sorted(self.items, key=lambda i: (i[0] if i[0] < 9 else 9, i[3] not in preferred, i[1]))
        _, _, name, key, parents = items[0]
        # only parents the text or the gazetteer gives: another place of the sentence may be where the
        # event's people came from or went to ("transferred from northeast Syria to Iraq")
        return name, key, tuple(dict.fromkeys(parents))


def _acts(sent: Span, start: int, end: int) -> bool:
    """A place mention that acts or describes in any reading: a subject, an agent ('by Israel'), an adjective or
    demonym ('Iraqi'), or the first half of '-based', '-born', '-led' ('the Doha-based channel')."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    return (
        root.dep_ in {"nsubj", "nsubjpass", "amod", "agent"}
        or not _named(span)
        or (root.dep_ == "pobj" and root.head.lower_ == "by")
        or qualifies(span)
    )


def names_area(span: Span) -> bool:
    """A name before a feature word ('Tadjentat' in 'Tadjentat area in Chlef province', 'Jaroud' in 'the Jaroud
    region of the Beqaa Governorate', 'Gwoza' in 'Gwoza town of Borno State'): the name of that place, the most
    specific of its phrase. Not when an 'of'-phrase after a word like 'neighbourhood' or 'city' names the place
    ('the Kabul suburb of Paghman', 'the West Bank city of Hebron').

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Soldiers raided the Barkal area of Kandahar and the Kabul suburb of Paghman.")
    >>> names_area(doc[3:4]), names_area(doc[6:7]), names_area(doc[9:10])
    (True, False, False)
    """
    root = span.root
    area = root.head
    if root.dep_ not in {"compound", "nmod"} or area.lower_ not in FEATURE_RANK or area.i < span.end:
        return False
    if area.lower_ in _WIDER_AFTER or (area.pos_ == "PROPN" and area.text[0].isupper()):
        return True  # 'the Minyan Suburb of west Aleppo': the capital shows the word is part of the name
    named = [o for p in area.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
    # 'the Shaab neighbourhood of Baghdad city', 'Gwoza town of Borno State': the 'of'-phrase is a wider place
    # only with a feature word of its own ('the West Bank city of Hebron' is Hebron)
    return all(o.lower_ in FEATURE_RANK and o.lower_ not in PREFIXES for o in named if o.dep_ == "pobj")


def locates(span: Span) -> bool:
    """Whether a place mention can be where something happened: not a subject or agent ('Syria said', 'captured by
    the Northern Alliance'), not the first half of 'Doha-based', not inside a date ('captured Jan. 15'). Objects
    and modifiers may locate ('seized Kidal, killing five', 'a Baghdad market').

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Kenya said troops shelled the town of Bago on Jan. 15.")
    >>> locates(doc[0:1]), locates(doc[8:9])
    (False, True)
    """
    root = span.root
    if any(t.ent_type_ in {"DATE", "TIME"} for t in span) or qualifies(span):
        return False
    return root.dep_ not in {"nsubj", "nsubjpass", "agent"} and not (
        root.dep_ == "pobj" and root.head.lower_ == "by"
    )


def fronted(span: Span) -> bool:
    """A place in a phrase that opens the sentence and sets its scene ('In Kandahar, ...', 'In the Syrian city of
    Homs, ...'): the wider frame of the events told after it, which may name a narrower place of their own.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("In Kandahar, two men were shot in the Maiwand district.")
    >>> fronted(doc[1:2]), fronted(doc[9:10])
    (True, False)
    """
    sent = span.sent
    for node in span.root.ancestors:
        if node.pos_ in {"VERB", "AUX"}:
            return False
        if node.dep_ == "prep" and node.head.pos_ in {"VERB", "AUX"}:
            after = node.right_edge.i + 1
            return (
                node.i == sent.start
                and node.i < node.head.i
                and after < sent.end
                and node.doc[after].text == ","
            )
    return False


def qualifies(span: Span) -> bool:
    """'Doha' in 'the Doha-based channel', 'London-born', 'Saudi-led': the place describes something else; so does a
    name of a tribe or clan ('the Shammar tribe', 'the Jaafar and Shamas clans') and where the doers come from
    ('settlers from Yitzhar threw stones') and whose people they are ('HDP supporters').

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Settlers from Kerma fought men of the Shammar tribe in Dala.")
    >>> qualifies(doc[2:3]), qualifies(doc[7:8]), qualifies(doc[10:11])
    (True, True, False)
    """
    doc = span.doc
    if (
        span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and doc[span.end + 1].lower_
        in {"based", "born", "led", "backed", "made", "bound", "controlled", "held"}
    ):
        return True
    root = span.root
    if kin_of(span) is not None:
        return True
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() in _FOLLOWERS:
        return True  # 'HDP supporters', 'PKK members': whose they are, not where
    noun = root
    while noun.dep_ in {"compound", "nmod", "amod"} and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # 'from the Yitzhar settlement'
    origin = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "from" else None
    return origin is not None and origin.head.dep_ in {"nsubj", "nsubjpass"} and origin.head.pos_ == "NOUN"


# people named by whom they follow, not where they live ('HDP supporters'; 'Aleppo residents' stays a place)
_FOLLOWERS = {
    "supporter",
    "member",
    "loyalist",
    "follower",
    "fighter",
    "militant",
    "activist",
    "cadre",
    "partisan",
}
# words after a country name that keep it a place: 'the Syria border'
_EDGES = {"border", "borders", "frontier", "side", "coast", "coastline"}


def names_kind(span: Span) -> bool:
    """A place name that names the kind of a thing ('a US airstrike', 'the Iran deal'): for a country, whose it is,
    not where it is; a feature word after a name ('the Syria border', 'Iraq province') keeps it a place.

    >>> from kg.extract.pipeline import load_pipeline
    >>> doc = load_pipeline()("Two men were killed in a US airstrike near the Syria border.")
    >>> names_kind(doc[6:7]), names_kind(doc[11:12])
    (True, False)
    """
    root = span.root
    if root.dep_ not in {"compound", "nmod", "amod"} or root.head.pos_ != "NOUN":
        return False
    # a nationality word names whose it is even before a border ('near the Thai border'), as for incidents
    return root.ent_type_ == "NORP" or (
        root.head.lower_ not in FEATURE_RANK and root.head.lower_ not in _EDGES
    )


def _acting(sent: Span, start: int, end: int) -> bool:
    """A place mention that acts or describes ('Iraq received', 'U.S. forces', 'an Iraqi official', 'the
    Syrian province') is no location: a location's head is a proper name in a non-subject position."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return span.root.dep_ in {"nsubj", "nsubjpass", "amod", "compound", "poss", "dobj"} or not _named(span)


def _names_only(sent: Span, start: int, end: int) -> bool:
    """A name in front of a noun it only names: 'a quantity of Captagon pills', 'Damascus time' (no place)."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "compound" and span.root.head.lower_ in NAMING_HEADS


def _named(span: Span) -> bool:
    """A proper name, or a feature word after one ('Saptari district', 'Farah city'): a named place."""
    root = span.root
    return root.pos_ == "PROPN" or (
        root.lower_ in FEATURE_RANK and any(t.pos_ == "PROPN" for t in span if t.i < root.i)
    )


def _in_date(sent: Span, start: int, end: int) -> bool:
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in {"DATE", "TIME"} for t in span)


def _overlapping(phrases: tuple[PlacePhrase, ...], start: int, end: int) -> PlacePhrase | None:
    return next((p for p in phrases if p.start < end and start < p.end), None)
