"""One document's triples as pyoxigraph terms: its article, actors and places, events, claims and incidents,
each with its evidence (mentions, sentences), the way :mod:`kg.rdf.build` puts them in its named graph.

>>> from kg.rdf.iris import IRIs
>>> from kg.records import DocumentRecord
>>> triples = document_triples(DocumentRecord("d1", "No news.", title="A title"), IRIs())
>>> [str(o) for _, _, o in triples]
['<https://schema.org/NewsArticle>', '"d1"', '"A title"']
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pyoxigraph
from pyoxigraph import NamedNode
from rdflib import RDF, RDFS, SKOS, XSD, Namespace
from rdflib.namespace import PROV

from kg.rdf.codes import coded_in_context, codes_by_event
from kg.rdf.iris import IRIs, event_type_iri
from kg.rdf.namespace import KG, SCHEMA
from kg.rdf.ontology import event_type_mappings
from kg.rdf.terms import OxNamespace, literal, typed_literal
from kg.records import Claim, DocumentRecord, Entity, Event, Incident, Mention, TimeValue

WIKIDATA = Namespace("http://www.wikidata.org/entity/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
# The vocabularies as pyoxigraph nodes (closed ones still refuse typos on first use).
_KG, _RDF, _RDFS, _SKOS, _SCHEMA = (OxNamespace(ns) for ns in (KG, RDF, RDFS, SKOS, SCHEMA))
_PROV, _GEO = OxNamespace(PROV), OxNamespace(GEO)
_MAPPED = (("cameo", _KG.cameo), ("plover", _KG.plover), ("acled_event_type", _KG.acledEventType),
           ("acled_sub_event_type", _KG.acledSubEventType))  # fmt: skip
_ROLE_PROPS = {"agent": _KG.agent, "target": _KG.target, "theme": _KG.theme, "recipient": _KG.recipient,
               "place": _KG.place, "origin": _KG.origin, "destination": _KG.destination}  # fmt: skip
Triple = tuple[NamedNode, NamedNode, NamedNode | pyoxigraph.Literal]


def _date_literal(value: str) -> pyoxigraph.Literal:
    if value.startswith("--"):
        return typed_literal(value, str(XSD.gMonthDay))
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return typed_literal(value, str(datatype))


@lru_cache(maxsize=4096)
def _confidence(value: float) -> pyoxigraph.Literal:
    """A mention's confidence as an xsd:decimal to three places, made once per value (a few values recur)."""
    return literal(Decimal(str(round(value, 3))))


class Triples(dict[Triple, None]):
    """One graph's triples in the order written, each once (a graph is a set)."""

    def add(self, triple: Triple) -> None:
        self[triple] = None


class DocumentTriples:
    """Writes one document's triples into its named graph."""

    def __init__(
        self, graph: Triples, record: DocumentRecord, iris: IRIs, keys: dict[str, NamedNode]
    ) -> None:
        self.g, self.rec, self.iris, self.keys = graph, record, iris, keys
        self.mappings = event_type_mappings()
        self.incident_codes = codes_by_event(record)  # an event's codes in context (kg.rdf.codes)
        self.written: set[NamedNode] = set()
        self.sentences: set[NamedNode] = set()  # apart from mentions: a span can be both
        self.actors = {e.key for e in record.entities if not e.is_place or e.kind == "Country"}
        self._nodes: dict[str, NamedNode] = {}  # the document's and extractors' nodes every mention repeats

    def _node(self, kind: str, name: str) -> NamedNode:
        """The document's node (``kind`` "doc") or an extractor's, made once."""
        node = self._nodes.get(f"{kind}:{name}")
        if node is None:
            node = self._nodes[f"{kind}:{name}"] = (
                self.iris.doc(name) if kind == "doc" else self.iris.extractor(name)
            )
        return node

    def mention(self, subject: NamedNode, mention: Mention) -> None:
        node = self.iris.span(mention.doc_id, mention.start, mention.end)
        g = self.g
        g.add((subject, _KG.mention, node))
        if node in self.written:  # one span can mention a region and its country: describe it once
            return
        self.written.add(node)
        document = self._node("doc", mention.doc_id)
        g.add((node, _RDF.type, _KG.Mention))
        g.add((node, _KG.document, document))
        g.add((node, _KG.startChar, literal(mention.start)))
        g.add((node, _KG.endChar, literal(mention.end)))
        g.add((node, _KG.anchorOf, literal(mention.text)))
        g.add((node, _KG.confidence, _confidence(mention.confidence)))
        g.add((node, _PROV.wasGeneratedBy, self._node("extractor", mention.extractor)))
        if mention.sentence:
            s, e = mention.sentence
            sentence = self.iris.span(mention.doc_id, s, e)
            g.add((node, _KG.inSentence, sentence))
            if sentence in self.sentences:  # described once per document (fewer triples to deduplicate)
                return
            self.sentences.add(sentence)
            g.add((sentence, _RDF.type, _KG.Sentence))
            g.add((sentence, _KG.document, document))
            g.add((sentence, _KG.startChar, literal(s)))
            g.add((sentence, _KG.endChar, literal(e)))
            g.add((sentence, _KG.anchorOf, literal(self.rec.text[s:e])))

    def document(self) -> None:
        rec, g = self.rec, self.g
        node = self.iris.doc(rec.doc_id)
        g.add((node, _RDF.type, _SCHEMA.NewsArticle))
        g.add((node, _SCHEMA.identifier, literal(rec.doc_id)))
        if rec.title:
            g.add((node, _SCHEMA.headline, literal(rec.title)))
        if rec.date:
            g.add((node, _SCHEMA.datePublished, _date_literal(rec.date)))
        if rec.url:
            g.add((node, _SCHEMA.url, NamedNode(rec.url)))
        for key in rec.cited_sources:
            if key in self.keys:
                g.add((node, _KG.citedSource, self.keys[key]))

    def entity(self, entity: Entity) -> None:
        g, node = self.g, self.keys[entity.key]
        g.add((node, _RDF.type, _KG[entity.kind]))
        g.add((node, _RDFS.label, literal(entity.label)))
        for alias in entity.aliases:
            g.add((node, _SKOS.altLabel, literal(alias)))
        for mention in entity.mentions:
            self.mention(node, mention)
        if entity.wikidata:
            g.add((node, _SKOS.exactMatch, NamedNode(f"{WIKIDATA}{entity.wikidata}")))
        if entity.geonames:
            g.add((node, _SKOS.exactMatch, NamedNode(f"http://sws.geonames.org/{entity.geonames}/")))
        if entity.lat is not None and entity.lon is not None:
            g.add((node, _KG.latitude, literal(Decimal(str(entity.lat)))))
            g.add((node, _KG.longitude, literal(Decimal(str(entity.lon)))))
        if entity.precision:
            g.add((node, _KG.geoPrecision, literal(entity.precision)))
        if entity.lat is not None and entity.lon is not None and entity.is_place:
            geometry = NamedNode(f"{node.value}#geometry")
            g.add((node, _GEO.hasGeometry, geometry))
            g.add((geometry, _RDF.type, _GEO.Geometry))
            g.add(
                (
                    geometry,
                    _GEO.asWKT,
                    typed_literal(f"POINT({entity.lon} {entity.lat})", str(GEO.wktLiteral)),
                )
            )
        for prop, keys in ((_KG.memberOf, entity.member_of), (_KG.affiliatedWith, entity.affiliated_with),
                           (_KG.partOf, entity.part_of), (_KG.locatedIn, entity.located_in)):  # fmt: skip
            # Only links to entities this document mentions: every node in the graph has its evidence.
            for key in (k for k in keys if k in self.keys):
                g.add((node, prop, self.keys[key]))
        if entity.government_of in self.keys:
            g.add((node, _KG.governmentOf, self.keys[entity.government_of]))
        for role in entity.roles:
            g.add((node, _KG.role, literal(role)))

    def time(self, node: NamedNode, value: TimeValue | None) -> None:
        if value is None:
            return
        self.g.add((node, _KG.date, _date_literal(value.value)))
        self.g.add((node, _KG.datePrecision, literal(value.precision)))
        self.g.add((node, _KG.dateInferred, literal(value.inferred)))
        if value.start:
            self.g.add((node, _KG.startDate, _date_literal(value.start)))
        if value.end:
            self.g.add((node, _KG.endDate, _date_literal(value.end)))

    def event(self, event: Event) -> None:
        g, doc_id = self.g, self.rec.doc_id
        node = self.iris.item("event", doc_id, event.key)
        g.add((node, _RDF.type, _KG.Event))
        g.add((node, _KG.eventType, event_type_iri(event.type)))
        mapping = coded_in_context(self.mappings.get(event.type, {}), self.incident_codes.get(event.key))
        g.add((node, _RDFS.label, literal(f"{mapping.get('label', event.type)}: {event.trigger.text}")))
        g.add((node, _KG.trigger, literal(event.trigger.text)))
        for key, prop in _MAPPED:
            if key in mapping:
                g.add((node, prop, literal(mapping[key])))
        for role, keys in event.roles.items():
            for key in keys:
                if key in self.keys and role in _ROLE_PROPS:
                    g.add((node, _ROLE_PROPS[role], self.keys[key]))
        if event.instrument:
            g.add((node, _KG.instrument, literal(event.instrument)))
        self.time(node, event.date)
        g.add((node, _KG.certainty, literal(event.certainty)))
        g.add((node, _KG.polarity, literal(event.polarity)))
        for mention in (event.trigger, *event.mentions):
            self.mention(node, mention)
        for cause in event.caused_by:
            g.add((node, _KG.causedBy, self.iris.item("event", doc_id, cause)))
        for index, quantity in enumerate(event.quantities):
            qnode = self.iris.item("quantity", doc_id, f"{event.key}-{index}")
            g.add((node, _KG.quantity, qnode))
            g.add((qnode, _RDF.type, _KG.Quantity))
            g.add((qnode, _KG.value, literal(Decimal(str(quantity.value)).normalize())))
            if quantity.unit:
                g.add((qnode, _KG.unit, literal(quantity.unit)))
            g.add((qnode, _KG.qualifier, literal(quantity.qualifier)))
            g.add((qnode, _KG.status, literal(quantity.status)))
            if quantity.measures in {"agent", "target", "theme", "recipient"}:
                g.add((qnode, _KG.measures, literal(quantity.measures)))
            g.add((qnode, _KG.anchorOf, literal(quantity.mention.text)))
            self.mention(qnode, quantity.mention)

    def incident(self, incident: Incident) -> None:
        """An incident: its ACLED/PLOVER/CAMEO codes, actors, place, date, counts, confidence and evidence."""
        g, doc_id = self.g, self.rec.doc_id
        node = self.iris.item("incident", doc_id, incident.key)
        g.add((node, _RDF.type, _KG.Incident))
        label = incident.sub_event_type or incident.event_type
        g.add((node, _RDFS.label, literal(f"{label}: {incident.location or 'place not stated'}")))
        g.add((node, _KG.acledEventType, literal(incident.event_type)))
        for value, prop in ((incident.sub_event_type, _KG.acledSubEventType), (incident.plover, _KG.plover),
                            (incident.cameo, _KG.cameo), (incident.location, _KG.locationName)):  # fmt: skip
            if value:
                g.add((node, prop, literal(value)))
        if incident.admin:
            g.add((node, _KG.adminPath, literal(" > ".join(incident.admin))))
        for keys, prop in ((incident.actor1, _KG.agent), (incident.actor2, _KG.target)):
            for key in keys:
                if key in self.actors:
                    g.add((node, prop, self.keys[key]))
        if incident.place in self.keys:
            g.add((node, _KG.place, self.keys[incident.place]))
        counts: tuple[tuple[int | str | None, NamedNode], ...] = ((incident.inter1, _KG.inter1), (incident.inter2, _KG.inter2),
                            (incident.fatalities, _KG.fatalities), (incident.injured, _KG.injured))  # fmt: skip
        for count, prop in counts:
            if count is not None:
                g.add((node, prop, literal(int(count))))
        self.time(node, incident.date)
        g.add((node, _KG.certainty, literal(incident.certainty)))
        g.add((node, _KG.confidence, literal(Decimal(str(incident.confidence)))))
        for key in incident.events:
            g.add((self.iris.item("event", doc_id, key), _KG.partOfIncident, node))
        for mention in incident.evidence:
            self.mention(node, mention)

    def claim(self, claim: Claim, event_keys: set[str]) -> None:
        g, doc_id = self.g, self.rec.doc_id
        node = self.iris.item("claim", doc_id, claim.key)
        g.add((node, _RDF.type, _KG.Claim))
        g.add(
            (node, _RDF.type, _KG.Event)
        )  # a reporting act is itself an event: a statement, a denial, a demand
        g.add((node, _KG.eventType, event_type_iri(claim.event_type)))
        mapping = self.mappings.get(claim.event_type, {})
        for key, prop in _MAPPED:
            if key in mapping:
                g.add((node, prop, literal(mapping[key])))
        g.add((node, _RDFS.label, literal(f"claim: {claim.verb}")))
        g.add((node, _KG.reportingVerb, literal(claim.verb)))
        g.add((node, _KG.certainty, literal(claim.certainty)))
        g.add((node, _KG.polarity, literal("positive")))
        if claim.speaker in self.actors:
            g.add((node, _KG.speaker, self.keys[claim.speaker]))
        else:
            g.add((node, _KG.anonymousSpeaker, literal(True)))
        if claim.channel in self.keys:
            g.add((node, _KG.channel, self.keys[claim.channel]))
        for key in claim.about:
            if key in self.keys:
                g.add((node, _KG.about, self.keys[key]))
        for key in claim.content:
            folder = "event" if key in event_keys else "claim"
            g.add((node, _KG.claimContent, self.iris.item(folder, doc_id, key)))
        self.time(node, claim.date)
        self.mention(node, claim.mention)


def document_triples(record: DocumentRecord, iris: IRIs) -> Triples:
    """Every triple of one document, in the order written, each once."""
    keys = {e.key: iris.entity(e, record.doc_id) for e in record.entities}
    triples = Triples()
    writer = DocumentTriples(triples, record, iris, keys)
    writer.document()
    for entity in record.entities:
        writer.entity(entity)
    for event in record.events:
        writer.event(event)
    event_keys = {e.key for e in record.events}
    for claim in record.claims:
        writer.claim(claim, event_keys)
    for incident in record.incidents:
        writer.incident(incident)
    return triples
