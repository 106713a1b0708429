"""Records -> RDF: deterministic IRIs, provenance on every fact, one named graph per document.

>>> from kg.records import DocumentRecord, Entity, Mention
>>> m = Mention("d1", 0, 4, "ISIS", (0, 20))
>>> rec = DocumentRecord("d1", "ISIS attacked Mosul.", entities=(Entity("isis", "Islamic State", "ArmedGroup", (m,)),))
>>> ds = build_graph([rec])
>>> len(list(ds.graphs())) >= 2
True
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, NamespaceManager

from kg.rdf.iris import IRIs, event_type_iri
from kg.rdf.namespace import KG, SCHEMA, bind_prefixes
from kg.rdf.ontology import event_type_mappings
from kg.records import (
    DEFAULT_BASE_IRI,
    Claim,
    DocumentRecord,
    Entity,
    Event,
    Incident,
    Mention,
    TimeValue,
)

DEFAULT_BASE = DEFAULT_BASE_IRI
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
_MAPPED = (("cameo", KG.cameo), ("plover", KG.plover), ("acled_event_type", KG.acledEventType),
           ("acled_sub_event_type", KG.acledSubEventType))  # fmt: skip
_ROLE_PROPS = {"agent": KG.agent, "target": KG.target, "theme": KG.theme, "recipient": KG.recipient,
               "place": KG.place, "origin": KG.origin, "destination": KG.destination}  # fmt: skip


def _date_literal(value: str) -> Literal:
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay)
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


class _DocumentGraph:
    """Writes one document's triples into its named graph."""

    def __init__(self, graph: Graph, record: DocumentRecord, iris: IRIs, keys: dict[str, URIRef]) -> None:
        self.g, self.rec, self.iris, self.keys = graph, record, iris, keys
        self.mappings = event_type_mappings()
        self.written: set[URIRef] = set()
        self.sentences: set[URIRef] = set()  # apart from mentions: a span can be both
        self.actors = {e.key for e in record.entities if not e.is_place or e.kind == "Country"}

    def mention(self, subject: URIRef, mention: Mention) -> None:
        node = self.iris.span(mention.doc_id, mention.start, mention.end)
        g = self.g
        g.add((subject, KG.mention, node))
        if node in self.written:  # one span can mention a region and its country: describe it once
            return
        self.written.add(node)
        g.add((node, RDF.type, KG.Mention))
        g.add((node, KG.document, self.iris.doc(mention.doc_id)))
        g.add((node, KG.startChar, Literal(mention.start)))
        g.add((node, KG.endChar, Literal(mention.end)))
        g.add((node, KG.anchorOf, Literal(mention.text)))
        g.add((node, KG.confidence, Literal(Decimal(str(round(mention.confidence, 3))))))
        g.add((node, PROV.wasGeneratedBy, self.iris.extractor(mention.extractor)))
        if mention.sentence:
            s, e = mention.sentence
            sentence = self.iris.span(mention.doc_id, s, e)
            g.add((node, KG.inSentence, sentence))
            if sentence in self.sentences:  # described once per document (rdflib's add is slow)
                return
            self.sentences.add(sentence)
            g.add((sentence, RDF.type, KG.Sentence))
            g.add((sentence, KG.document, self.iris.doc(mention.doc_id)))
            g.add((sentence, KG.startChar, Literal(s)))
            g.add((sentence, KG.endChar, Literal(e)))
            g.add((sentence, KG.anchorOf, Literal(self.rec.text[s:e])))

    def document(self) -> None:
        rec, g = self.rec, self.g
        node = self.iris.doc(rec.doc_id)
        g.add((node, RDF.type, SCHEMA.NewsArticle))
        g.add((node, SCHEMA.identifier, Literal(rec.doc_id)))
        if rec.title:
            g.add((node, SCHEMA.headline, Literal(rec.title)))
        if rec.date:
            g.add((node, SCHEMA.datePublished, _date_literal(rec.date)))
        if rec.url:
            g.add((node, SCHEMA.url, URIRef(rec.url)))
        for key in rec.cited_sources:
            if key in self.keys:
                g.add((node, KG.citedSource, self.keys[key]))

    def entity(self, entity: Entity) -> None:
        g, node = self.g, self.keys[entity.key]
        g.add((node, RDF.type, KG[entity.kind]))
        g.add((node, RDFS.label, Literal(entity.label)))
        for alias in entity.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        for mention in entity.mentions:
            self.mention(node, mention)
        if entity.wikidata:
            g.add((node, SKOS.exactMatch, WIKIDATA[entity.wikidata]))
        if entity.geonames:
            g.add((node, SKOS.exactMatch, URIRef(f"http://sws.geonames.org/{entity.geonames}/")))
        if entity.lat is not None and entity.lon is not None:
            g.add((node, KG.latitude, Literal(Decimal(str(entity.lat)))))
            g.add((node, KG.longitude, Literal(Decimal(str(entity.lon)))))
        if entity.precision:
            g.add((node, KG.geoPrecision, Literal(entity.precision)))
        if entity.lat is not None and entity.lon is not None and entity.is_place:
            geometry = URIRef(f"{node}#geometry")
            g.add((node, GEO.hasGeometry, geometry))
            g.add((geometry, RDF.type, GEO.Geometry))
            g.add(
                (geometry, GEO.asWKT, Literal(f"POINT({entity.lon} {entity.lat})", datatype=GEO.wktLiteral))
            )
        for prop, keys in ((KG.memberOf, entity.member_of), (KG.affiliatedWith, entity.affiliated_with),
                           (KG.partOf, entity.part_of), (KG.locatedIn, entity.located_in)):  # fmt: skip
            # Only links to entities this document mentions: every node in the graph has its evidence.
            for key in (k for k in keys if k in self.keys):
                g.add((node, prop, self.keys[key]))
        if entity.government_of in self.keys:
            g.add((node, KG.governmentOf, self.keys[entity.government_of]))
        for role in entity.roles:
            g.add((node, KG.role, Literal(role)))

    def time(self, node: URIRef, value: TimeValue | None) -> None:
        if value is None:
            return
        self.g.add((node, KG.date, _date_literal(value.value)))
        self.g.add((node, KG.datePrecision, Literal(value.precision)))
        self.g.add((node, KG.dateInferred, Literal(value.inferred)))
        if value.start:
            self.g.add((node, KG.startDate, _date_literal(value.start)))
        if value.end:
            self.g.add((node, KG.endDate, _date_literal(value.end)))

    def event(self, event: Event) -> None:
        g, doc_id = self.g, self.rec.doc_id
        node = self.iris.item("event", doc_id, event.key)
        g.add((node, RDF.type, KG.Event))
        g.add((node, KG.eventType, event_type_iri(event.type)))
        mapping = self.mappings.get(event.type, {})
        g.add((node, RDFS.label, Literal(f"{mapping.get('label', event.type)}: {event.trigger.text}")))
        g.add((node, KG.trigger, Literal(event.trigger.text)))
        for key, prop in _MAPPED:
            if key in mapping:
                g.add((node, prop, Literal(mapping[key])))
        for role, keys in event.roles.items():
            for key in keys:
                if key in self.keys and role in _ROLE_PROPS:
                    g.add((node, _ROLE_PROPS[role], self.keys[key]))
        if event.instrument:
            g.add((node, KG.instrument, Literal(event.instrument)))
        self.time(node, event.date)
        g.add((node, KG.certainty, Literal(event.certainty)))
        g.add((node, KG.polarity, Literal(event.polarity)))
        for mention in (event.trigger, *event.mentions):
            self.mention(node, mention)
        for cause in event.caused_by:
            g.add((node, KG.causedBy, self.iris.item("event", doc_id, cause)))
        for index, quantity in enumerate(event.quantities):
            qnode = self.iris.item("quantity", doc_id, f"{event.key}-{index}")
            g.add((node, KG.quantity, qnode))
            g.add((qnode, RDF.type, KG.Quantity))
            g.add((qnode, KG.value, Literal(Decimal(str(quantity.value)).normalize())))
            if quantity.unit:
                g.add((qnode, KG.unit, Literal(quantity.unit)))
            g.add((qnode, KG.qualifier, Literal(quantity.qualifier)))
            g.add((qnode, KG.status, Literal(quantity.status)))
            if quantity.measures in {"agent", "target", "theme", "recipient"}:
                g.add((qnode, KG.measures, Literal(quantity.measures)))
            g.add((qnode, KG.anchorOf, Literal(quantity.mention.text)))
            self.mention(qnode, quantity.mention)

    def incident(self, incident: Incident) -> None:
        """An incident: its ACLED/PLOVER/CAMEO codes, actors, place, date, counts, confidence and evidence."""
        g, doc_id = self.g, self.rec.doc_id
        node = self.iris.item("incident", doc_id, incident.key)
        g.add((node, RDF.type, KG.Incident))
        label = incident.sub_event_type or incident.event_type
        g.add((node, RDFS.label, Literal(f"{label}: {incident.location or 'place not stated'}")))
        g.add((node, KG.acledEventType, Literal(incident.event_type)))
        for value, prop in ((incident.sub_event_type, KG.acledSubEventType), (incident.plover, KG.plover),
                            (incident.cameo, KG.cameo), (incident.location, KG.locationName)):  # fmt: skip
            if value:
                g.add((node, prop, Literal(value)))
        if incident.admin:
            g.add((node, KG.adminPath, Literal(" > ".join(incident.admin))))
        for keys, prop in ((incident.actor1, KG.agent), (incident.actor2, KG.target)):
            for key in keys:
                if key in self.actors:
                    g.add((node, prop, self.keys[key]))
        if incident.place in self.keys:
            g.add((node, KG.place, self.keys[incident.place]))
        counts: tuple[tuple[int | str | None, URIRef], ...] = ((incident.inter1, KG.inter1), (incident.inter2, KG.inter2),
                            (incident.fatalities, KG.fatalities), (incident.injured, KG.injured))  # fmt: skip
        for count, prop in counts:
            if count is not None:
                g.add((node, prop, Literal(int(count))))
        self.time(node, incident.date)
        g.add((node, KG.certainty, Literal(incident.certainty)))
        g.add((node, KG.confidence, Literal(Decimal(str(incident.confidence)))))
        for key in incident.events:
            g.add((self.iris.item("event", doc_id, key), KG.partOfIncident, node))
        for mention in incident.evidence:
            self.mention(node, mention)

    def claim(self, claim: Claim, event_keys: set[str]) -> None:
        g, doc_id = self.g, self.rec.doc_id
        node = self.iris.item("claim", doc_id, claim.key)
        g.add((node, RDF.type, KG.Claim))
        g.add(
            (node, RDF.type, KG.Event)
        )  # a reporting act is itself an event: a statement, a denial, a demand
        g.add((node, KG.eventType, event_type_iri(claim.event_type)))
        mapping = self.mappings.get(claim.event_type, {})
        for key, prop in _MAPPED:
            if key in mapping:
                g.add((node, prop, Literal(mapping[key])))
        g.add((node, RDFS.label, Literal(f"claim: {claim.verb}")))
        g.add((node, KG.reportingVerb, Literal(claim.verb)))
        g.add((node, KG.certainty, Literal(claim.certainty)))
        g.add((node, KG.polarity, Literal("positive")))
        if claim.speaker in self.actors:
            g.add((node, KG.speaker, self.keys[claim.speaker]))
        else:
            g.add((node, KG.anonymousSpeaker, Literal(True)))
        if claim.channel in self.keys:
            g.add((node, KG.channel, self.keys[claim.channel]))
        for key in claim.about:
            if key in self.keys:
                g.add((node, KG.about, self.keys[key]))
        for key in claim.content:
            folder = "event" if key in event_keys else "claim"
            g.add((node, KG.claimContent, self.iris.item(folder, doc_id, key)))
        self.time(node, claim.date)
        self.mention(node, claim.mention)


def add_document(dataset: Dataset, record: DocumentRecord, *, base_iri: str = DEFAULT_BASE) -> Graph:
    """Add (or replace) one document's named graph in ``dataset`` and return that graph."""
    iris = IRIs(base_iri)
    graph_id = iris.doc(record.doc_id)
    dataset.remove_graph(graph_id)
    graph = dataset.graph(graph_id)
    keys = {e.key: iris.entity(e, record.doc_id) for e in record.entities}
    writer = _DocumentGraph(graph, record, iris, keys)
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
    return graph


def build_graph(records: Iterable[DocumentRecord], *, base_iri: str = DEFAULT_BASE) -> Dataset:
    """The only records -> RDF step: a Dataset with one named graph per document (no blank nodes)."""
    dataset = Dataset()
    # rdflib binds ~30 prefixes by default; keep only the ones the output uses.
    dataset.namespace_manager = NamespaceManager(Graph(), bind_namespaces="core")
    bind_prefixes(dataset)
    dataset.bind("owl", OWL)
    dataset.bind("prov", PROV)
    dataset.bind("geo", GEO)
    records = list(records)
    for record in records:
        add_document(dataset, record, base_iri=base_iri)
    link_same_names(dataset, records, base_iri=base_iri)
    return dataset


def link_same_names(dataset: Dataset, records: list[DocumentRecord], *, base_iri: str = DEFAULT_BASE) -> None:
    """Document-scoped nodes of different documents with the same name and kind get ``kg:sameNameAs`` (in the
    later document's graph): a candidate for a reviewer, never identity ("Ahmed Hassan" may be two people)."""
    iris = IRIs(base_iri)
    seen: dict[tuple[str, str], URIRef] = {}
    for record in records:
        graph = dataset.graph(iris.doc(record.doc_id))
        for entity in record.entities:
            if not entity.scoped:
                continue
            node, name = (
                iris.entity(entity, record.doc_id),
                (" ".join(entity.label.casefold().split()), entity.kind),
            )
            first = seen.setdefault(name, node)
            if first != node and not str(first).startswith(str(iris.doc(record.doc_id)) + "/"):
                graph.add((node, KG.sameNameAs, first))
