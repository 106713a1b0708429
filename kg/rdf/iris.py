"""The IRI policy: deterministic IRIs under one base, global only for what a gazetteer links.

Same input, same IRIs; a gazetteer-linked actor or place has one IRI everywhere; everything else is scoped to its
document (``…/doc/<doc>/actor/<key>``), so merging builds never joins two different real things.

>>> from kg.records import Entity
>>> iris = IRIs("https://example.org/")
>>> iris.entity(Entity("sdf", "SDF", "ArmedGroup", ()), "d1").value
'https://example.org/actor/sdf'
>>> iris.entity(Entity("army", "the army", "MilitaryOrganization", (), scoped=True), "d1").value
'https://example.org/doc/d1/actor/army'
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from pyoxigraph import NamedNode

from kg.rdf.namespace import EVT
from kg.records import DEFAULT_BASE_IRI, EXTRACTOR_VERSION, Entity


class IRIs:
    """Deterministic IRIs under one base: same input, same IRIs; same actor key, same IRI everywhere.

    IRIs are pyoxigraph named nodes (:mod:`kg.rdf.build` writes quads); ``.value`` is the IRI text.
    """

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self._docs: dict[str, str] = {}  # doc id -> its IRI text: every mention span starts with it
        self._quoted: dict[str, str] = {}  # doc id -> its IRI-safe form: every item of a document repeats it

    def _doc(self, doc_id: str) -> str:
        iri = self._docs.get(doc_id)
        if iri is None:
            iri = self._docs[doc_id] = f"{self.base}doc/{self._quote(doc_id)}"
        return iri

    def _quote(self, doc_id: str) -> str:
        quoted = self._quoted.get(doc_id)
        if quoted is None:
            quoted = self._quoted[doc_id] = quote(doc_id, safe="")
        return quoted

    def doc(self, doc_id: str) -> NamedNode:
        return NamedNode(self._doc(doc_id))

    def span(self, doc_id: str, start: int, end: int) -> NamedNode:
        return NamedNode(f"{self._doc(doc_id)}#char={start},{end}")

    def entity(self, entity: Entity, doc_id: str) -> NamedNode:
        if entity.local:  # "detainees" means something only inside its document
            return NamedNode(f"{self.base}actor/{self._quote(doc_id)}/{quote(entity.key, safe='')}")
        folder = "place" if entity.is_place and entity.kind != "Country" else "actor"
        if entity.scoped:  # not linked to a gazetteer: "the army", "Ahmed Hassan" of this document only
            return NamedNode(f"{self._doc(doc_id)}/{folder}/{quote(entity.key, safe='')}")
        return NamedNode(f"{self.base}{folder}/{quote(entity.key, safe='')}")

    def item(self, folder: str, doc_id: str, key: str) -> NamedNode:
        return NamedNode(f"{self.base}{folder}/{self._quote(doc_id)}/{key}")

    def extractor(self, name: str) -> NamedNode:
        return NamedNode(f"{self.base}extractor/{name}/{EXTRACTOR_VERSION}")


@lru_cache(maxsize=4096)
def event_type_iri(name: str) -> NamedNode:
    """The concept IRI of an event type: the closed ``EVT`` namespace for the shipped scheme, and the same base
    for a type a user added in their own trigger file (describe it in a SKOS file of your own to validate).

    >>> event_type_iri("ArmedClash").value, event_type_iri("Hijacking").value
    ('https://w3id.org/newskg/event-type/ArmedClash', 'https://w3id.org/newskg/event-type/Hijacking')
    """
    try:
        return NamedNode(str(EVT[name]))
    except (AttributeError, KeyError):
        return NamedNode(f"{EVT._NS}{quote(name, safe='')}")
