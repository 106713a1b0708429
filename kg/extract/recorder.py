"""spaCy component ``kg_records``: the last step of the pipeline stores the document's JSON-able record.

``doc._.kg_record`` is plain data, so processed Docs serialise (``DocBin``) and cross process boundaries
(``nlp.pipe(n_process=2)``); :func:`kg.records.record_from_json` turns it back into a
:class:`kg.records.DocumentRecord`.
"""

import dataclasses
import hashlib

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract.candidates import MentionIndex, Places
from kg.extract.coding import load_rules
from kg.extract.cue_events import cue_events
from kg.extract.incident_actors import describes
from kg.extract.incidents import find_incidents
from kg.extract.linking import MIN_CONFIDENCE, link_place, sharper
from kg.extract.state import doc_text, scratch, sentence_start
from kg.records import Claim, DocumentRecord, Entity, Event, Incident, Mention, Quantity, to_json


def _sentence(span: Span) -> tuple[int, int]:
    """The character bounds of the sentence ``span`` starts in, without surrounding spaces: worked out once per
    sentence (``Span.sent.text`` rebuilds the text from every token, and documents have thousands of mentions)."""
    doc = span.doc
    first = sentence_start(doc[span.start])
    memo, key = scratch(doc, "sentence_bounds"), str(first)
    if key not in memo:
        sent = doc[first].sent
        text = doc_text(doc)[sent.start_char : sent.end_char]
        start = sent.start_char + (len(text) - len(text.lstrip()))
        memo[key] = (start, start + len(text.strip()))
    bounds: tuple[int, int] = memo[key]
    return bounds


def _mention(doc_id: str, span: Span, confidence: float, extractor: str) -> Mention:
    return Mention(doc_id, span.start_char, span.end_char, span.text, _sentence(span), confidence, extractor)


def _hash(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]


def _entities(doc: Doc, doc_id: str) -> list[Entity]:
    grouped: dict[str, list] = {}
    for found in [*(doc._.kg_mentions or []), *(doc._.kg_cited or [])]:
        grouped.setdefault(found.key, []).append(found)
    relations = doc._.kg_relations or {}
    entities = []
    for key, founds in grouped.items():
        first, entry = founds[0], next((f.entry for f in founds if f.entry), None)
        rel = relations.get(key, {})
        mentions = tuple(_mention(doc_id, f.span, f.confidence, "kg_actors") for f in founds)
        aliases = sorted({f.span.text for f in founds} - {first.label})
        member_of = set(rel.get("member_of", ())) | {f.member_of for f in founds if f.member_of}
        located = {entry.located_in or (entry.country if first.is_place else None)} if entry else set()
        located |= {parent for f in founds for parent in f.parents}  # what the text states ("X, east of Y")
        # Global IRIs only for what the gazetteer, GeoNames or Wikidata identifies; the rest is this document's.
        gazetteer = doc._.kg_gazetteer
        if (
            entry is not None
            and first.is_place
            and gazetteer is not None
            and gazetteer.parent_region(entry.located_in)
        ):
            located.add(entry.country)  # a town in its region is in the region's country too
        linked = entry is not None and bool(
            entry.geonames or entry.wikidata or (gazetteer is not None and gazetteer.get(entry.key) is entry)
        )
        has_point = entry is not None and entry.lat is not None
        entities.append(
            Entity(
                key=key, label=first.label, kind=first.kind, mentions=mentions, aliases=tuple(aliases),
                is_place=first.is_place, local=first.local, scoped=not first.local and not linked,
                wikidata=entry.wikidata if entry else None, geonames=entry.geonames if entry else None,
                lat=entry.lat if entry else None, lon=entry.lon if entry else None,
                precision=entry.precision if entry is not None and has_point else "unknown" if first.is_place else None,
                member_of=tuple(sorted(member_of)), affiliated_with=tuple(sorted(rel.get("affiliated_with", ()))),
                part_of=(entry.part_of,) if entry and entry.part_of else (),
                located_in=tuple(sorted(k for k in located if k and k != key)),
                government_of=entry.country if entry and entry.kind == "Government" else None,
                roles=tuple(sorted(set(rel.get("roles", ())) | {f.title for f in founds if f.title})),
            )
        )  # fmt: skip
    return entities


def _event_key(doc_id: str, event) -> str:
    return _hash(doc_id, event.trigger.start_char, event.trigger.end_char, event.type)


def _events(doc: Doc, doc_id: str) -> list[Event]:
    events = []
    for event in doc._.kg_events or []:
        key = _event_key(doc_id, event)
        spans = [event.anchor or event.mentions[0], *event.mentions[1:]]
        mentions = tuple(_mention(doc_id, m, event.confidence, "kg_events") for m in spans)
        quantities = tuple(
            Quantity(
                q.value, q.unit, q.qualifier, q.status, _mention(doc_id, q.span, 0.7, "kg_events"), q.measures
            )
            for q in event.quantities
        )
        events.append(
            Event(
                key=key, type=event.type, trigger=mentions[0], mentions=mentions[1:],
                roles={r: tuple(k) for r, k in event.roles.items() if k}, date=event.date,
                certainty=event.certainty, polarity=event.polarity, quantities=quantities,
                caused_by=tuple(_event_key(doc_id, c) for c in event.caused_by), instrument=event.instrument,
                confidence=event.confidence,
            )
        )  # fmt: skip
    return events


def _claims(doc: Doc, doc_id: str) -> list[Claim]:
    keys = {id(c): _hash(doc_id, c.verb.start_char, c.verb.end_char, "claim") for c in doc._.kg_claims or []}
    claims = []
    for claim in doc._.kg_claims or []:
        content = tuple(
            keys[id(item)] if id(item) in keys else _event_key(doc_id, item) for item in claim.content
        )
        claims.append(
            Claim(
                key=keys[id(claim)], verb=claim.verb.root.lemma_ if claim.verb.text.lower() != "according"
                else "according to", mention=_mention(doc_id, claim.verb, 0.7, "kg_claims"),
                speaker=claim.speaker, channel=claim.channel, content=content, about=tuple(claim.about),
                certainty=claim.certainty,
                date=claim.date,
                event_type=claim.event_type,
            )
        )  # fmt: skip
    return claims


def _linked_places(doc: Doc, events: list[Event], entities: list[Entity]) -> list[Event]:
    """An event whose parse gave no place takes the one :func:`kg.extract.linking.nearest_place` links to its
    trigger (a resolved place only, linked with confidence >= 0.5). On the event_location dev half this raised
    the share of right event places from 0.360 to 0.459 at the same rate of invented places (docs/evaluation.md).
    An event whose parse gave a place puts the linked one first when :func:`kg.extract.linking.sharper` says it is
    surer and more specific (dev half: right 0.634 -> 0.659 together with the other rules of that change)."""
    triggers = {t.i for e in events for t in _tokens(doc, e.trigger.start, e.trigger.end)}
    by_sentence: dict[int, Places] = {}
    index = MentionIndex(entities)
    out = []
    for event in events:
        tokens = _tokens(doc, event.trigger.start, event.trigger.end)
        if not tokens:
            out.append(event)
            continue
        sent = tokens[0].sent
        if sent.start not in by_sentence:
            by_sentence[sent.start] = Places(sent, index, {})
        places = by_sentence[sent.start]
        # the clause head of the trigger ("took" in "the attack took place"), not the other events' triggers
        anchor = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].root
        link = link_place(places, anchor, triggers - {t.i for t in tokens})
        key = None
        if link is not None and link.confidence >= MIN_CONFIDENCE:
            # a place phrase ("Sopore town") stands for the resolved place it contains ("Sopore")
            key = link.key or _place_at(index, link.start, link.start + len(link.name))
        current = event.roles.get("place", ())
        if current and not sharper(link, key, current[0], index.kinds):
            key = None  # the parse's place stands unless the linker's is surer and more specific
        places_now = (key, *[k for k in current if k != key]) if key else current
        out.append(dataclasses.replace(event, roles={**event.roles, "place": places_now}) if key else event)
    return out


def _place_at(index: MentionIndex, start: int, end: int) -> str | None:
    """The key of the resolved place with a mention inside [start, end), if exactly one has."""
    keys = {e.key for e, m in index.within(start, end) if e.is_place and m.end <= end}
    return keys.pop() if len(keys) == 1 else None


def _tokens(doc: Doc, start: int, end: int) -> list:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def records_from_doc(doc: Doc) -> DocumentRecord:
    """The only spaCy -> kg hand-off: a processed Doc as a plain :class:`DocumentRecord`."""
    doc_id = doc._.kg_doc_id or "doc"
    regions = doc._.kg_regions or []
    text = doc_text(doc)  # Doc.text joins every token again on each call
    title = doc._.kg_title or next((text[s:e].strip() for s, e, k in regions if k == "headline"), None)
    cited = tuple(dict.fromkeys(f.key for f in doc._.kg_cited or []))
    entities = _entities(doc, doc_id)
    sentences = sorted({m.sentence for e in entities for m in e.mentions if m.sentence})
    events = _linked_places(doc, _events(doc, doc_id), entities)
    told, found = cue_events(doc, doc_id, find_incidents(doc, doc_id, events, entities), load_rules())
    events, incidents = [*events, *told], tuple(found)
    return DocumentRecord(
        doc_id=doc_id, text=text, title=title, date=doc._.kg_date, url=doc._.kg_url,
        entities=tuple(entities), events=_in_context(events, incidents, doc, entities), claims=tuple(_claims(doc, doc_id)),
        cited_sources=cited, sentences=tuple(sentences), incidents=incidents,
    )  # fmt: skip


# a country or region named in the sentence is as often the actors' ('a US airstrike', 'an official from
# Malaysia') as the event's: not passed on
_BROAD = {"Country", "Region"}


def _in_context(
    events: list[Event], incidents: tuple[Incident, ...], doc: Doc, entities: list[Entity]
) -> tuple[Event, ...]:
    """An event that states no date takes its incident's when the incident's own sentences state it ("on Monday",
    resolved against the report's date, counts; a date carried from an earlier sentence or the report's day does
    not), marked inferred. An event takes its incident's place, and the parents the text states for it, when the
    event's own sentence names them: after its own place ("in the Khair Khana area of Kabul": Khair Khana, then
    Kabul), or as its place ("an IED went off outside a shop in X": the blast and the damage are in X). A place
    from another sentence is passed on only to an event whose sentence names no place at all: one incident can
    join acts at two places (a transfer)."""
    of_event = {key: incident for incident in incidents for key in incident.events}
    by_key = {e.key: e for e in entities}
    index = MentionIndex(entities)
    out = []
    for event in events:
        incident = of_event.get(event.key)
        if incident is None or describes(doc, event):
            # an act told in a relative clause or participle describes someone ('fighters detained in Syria'):
            # it happened before, elsewhere, not on the incident's day
            out.append(event)
            continue
        date, said = incident.date, incident.evidence
        # the day its sentences state, or one an earlier sentence of the report stated and the incident carries on
        # (not the report's own day, which states nothing)
        dated = (
            date is not None
            and date.text
            and (any(date.text in m.text for m in said) or date.precision == "day")
        )
        # a date the event only took from the claim that reports it ('..., the centre said on Friday') is the
        # report's: the day its incident's sentence states comes first
        if (event.date is None or event.date.inferred) and date is not None and dated:
            event = dataclasses.replace(event, date=dataclasses.replace(date, inferred=True))
        out.append(_placed(event, incident, doc, by_key, index))
    return tuple(out)


def _placed(
    event: Event, incident: Incident, doc: Doc, by_key: dict[str, Entity], index: MentionIndex
) -> Event:
    """``event`` with its incident's place and stated parents added where its sentence names them (see
    :func:`_in_context`)."""
    if any(event.roles.get(r) for r in ("origin", "destination")):
        return event  # a move from one place to another: the incident's place may be either end
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return event
    sent = span.sent
    here = [e for e, _ in index.within(sent.start_char, sent.end_char) if e.is_place]
    current = event.roles.get("place", ())
    wanted = _incident_places(incident, by_key, here)
    if not here and not current:
        # the sentence names no place ("Police then fired tear gas"): the incident's place is the best word of it
        wanted = [k for k in (incident.place,) if k in by_key and by_key[k].kind not in _BROAD]
    added = tuple(k for k in wanted if k not in current)
    if not added:
        return event
    return dataclasses.replace(event, roles={**event.roles, "place": (*current, *added)})


def _incident_places(incident: Incident, by_key: dict[str, Entity], here: list[Entity]) -> list[str]:
    """The incident's place and the parents it names (``admin``), as the place entities of the event's sentence
    (``here``) that are below country level (see :data:`_BROAD`)."""
    names = {n.lower() for n in incident.admin}
    keys = [incident.place] if incident.place in by_key else []
    keys += [
        e.key for e in here if e.label.lower() in names or any(m.text.lower() in names for m in e.mentions)
    ]
    present = {e.key for e in here}
    return [k for k in dict.fromkeys(keys) if k in present and by_key[k].kind not in _BROAD]


@Language.component("kg_records", requires=["doc._.kg_claims"], assigns=["doc._.kg_record"])
def store_record(doc: Doc) -> Doc:
    """Store the plain record of the processed document on ``doc._.kg_record``."""
    doc._.kg_record = to_json(records_from_doc(doc))
    return doc
