"""The IRI policy: deterministic IRIs under one base, global only for what a gazetteer links.

Same input, same IRIs; a gazetteer-linked actor or place has one IRI everywhere; everything else is scoped to its
document (``…/doc/<doc>/actor/<key>``), so merging builds never joins two different real things.

>>> from kg.records import Entity
>>> iris = IRIs("https://example.org/")
>>> str(iris.entity(Entity("sdf", "SDF", "ArmedGroup", ()), "d1"))
'https://example.org/actor/sdf'
>>> str(iris.entity(Entity("army", "the army", "MilitaryOrganization", (), scoped=True), "d1"))
'https://example.org/doc/d1/actor/army'
"""

from __future__ import annotations

from urllib.parse import quote

from rdflib import URIRef

from kg.rdf.namespace import EVT
from kg.records import DEFAULT_BASE_IRI, EXTRACTOR_VERSION, Entity


class IRIs:
    """Deterministic IRIs under one base: same input, same IRIs; same actor key, same IRI everywhere."""

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def doc(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.base}doc/{quote(doc_id, safe='')}")

    def span(self, doc_id: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.doc(doc_id)}#char={start},{end}")

    def entity(self, entity: Entity, doc_id: str) -> URIRef:
        if entity.local:  # "detainees" means something only inside its document
            return URIRef(f"{self.base}actor/{quote(doc_id, safe='')}/{quote(entity.key, safe='')}")
        folder = "place" if entity.is_place and entity.kind != "Country" else "actor"
        if entity.scoped:  # not linked to a gazetteer: "the army", "Ahmed Hassan" of this document only
            return URIRef(f"{self.doc(doc_id)}/{folder}/{quote(entity.key, safe='')}")
        return URIRef(f"{self.base}{folder}/{quote(entity.key, safe='')}")

    def item(self, folder: str, doc_id: str, key: str) -> URIRef:
        return URIRef(f"{self.base}{folder}/{quote(doc_id, safe='')}/{key}")

    def extractor(self, name: str) -> URIRef:
        return URIRef(f"{self.base}extractor/{name}/{EXTRACTOR_VERSION}")


def event_type_iri(name: str) -> URIRef:
    """The concept IRI of an event type: the closed ``EVT`` namespace for the shipped scheme, and the same base
    for a type a user added in their own trigger file (describe it in a SKOS file of your own to validate).

    >>> str(event_type_iri("ArmedClash")), str(event_type_iri("Hijacking"))
    ('https://w3id.org/newskg/event-type/ArmedClash', 'https://w3id.org/newskg/event-type/Hijacking')
    """
    try:
        return EVT[name]
    except (AttributeError, KeyError):
        return URIRef(f"{EVT._NS}{quote(name, safe='')}")
