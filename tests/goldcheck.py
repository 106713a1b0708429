"""Compare a built graph with a hand-made gold file (the schema of tests/data/*.gold.json).

Used by the seed-article and multi-region integration tests and by benchmarks/extraction.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, SKOS, Dataset

from kg.namespace import EVT, KG

PLACE_KINDS = {"Country", "AdministrativeRegion", "City", "Facility", "Region"}
# A gold kind is met by the node's kind or by a kind an analyst would accept in its place.
ACCEPTED = {
    "Group": {"Group", "EthnoReligiousGroup"},
    "AdministrativeRegion": {"AdministrativeRegion", "City"},
    "City": {"City", "AdministrativeRegion"},
    "Region": {"Region", "AdministrativeRegion"},
    "NonGovernmentalOrganization": {"NonGovernmentalOrganization", "InternationalOrganization"},
    "MilitaryOrganization": {"MilitaryOrganization", "Government"},
}


def norm(text: str) -> str:
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    return " ".join(re.sub(r"[’'`]", "'", text).casefold().split())


@dataclass
class Node:
    iri: str
    kinds: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)


def nodes(dataset: Dataset) -> dict[str, Node]:
    """Actor and place nodes with their kinds and every name (label, alias, mention text)."""
    dataset.default_union = True
    found: dict[str, Node] = {}
    for s, _, t in dataset.triples((None, RDF.type, None)):
        local = str(t).rsplit("#", 1)[-1]
        if str(t).startswith(str(KG)) and local not in {"Event", "Claim", "Mention", "Sentence", "Quantity"}:
            found.setdefault(str(s), Node(str(s))).kinds.add(local)
    for iri, node in found.items():
        for prop in (RDFS.label, SKOS.altLabel):
            node.names |= {norm(str(o)) for o in dataset.objects(_ref(iri), prop)}
        for mention in dataset.objects(_ref(iri), KG.mention):
            node.names |= {norm(str(o)) for o in dataset.objects(mention, KG.anchorOf)}
    return found


def _ref(iri: str):
    from rdflib import URIRef

    return URIRef(iri)


def resolve(found: dict[str, Node], name: str) -> list[Node]:
    return [n for n in found.values() if norm(name) in n.names]


@dataclass
class Score:
    hits: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def check_entities(dataset: Dataset, gold: dict, *, required_only: bool = True) -> Score:
    """Each gold actor/place: one node of an accepted kind that every alias resolves to."""
    found = nodes(dataset)
    score = Score()
    for item in gold.get("actors", []) + gold.get("places", []):
        if required_only and not item.get("required"):
            continue
        names = [item["label"], *item.get("aliases", [])]
        candidates = defaultdict(int)
        for name in names:
            for node in resolve(found, name):
                candidates[node.iri] += 1
        accepted = ACCEPTED.get(item["kind"], {item["kind"]}) | {item["kind"]}
        good = [i for i, n in candidates.items() if found[i].kinds & accepted]
        aliases_ok = any(all(found[i] in resolve(found, a) for a in item.get("aliases", [])) for i in good)
        label = f"{item['id']} ({item['kind']})"
        if good and aliases_ok:
            score.hits.append(label)
        else:
            kinds = {i: sorted(found[i].kinds) for i in candidates}
            score.misses.append(f"{label}: candidates {kinds}")
    return score


def events_of_type(dataset: Dataset, event_type: str) -> list:
    dataset.default_union = True
    return list(dataset.subjects(KG.eventType, EVT[event_type]))


def role_names(dataset: Dataset, event, prop) -> set[str]:
    names = set()
    for value in dataset.objects(event, prop):
        names |= {norm(str(o)) for o in dataset.objects(value, RDFS.label)}
        names |= {norm(str(o)) for o in dataset.objects(value, SKOS.altLabel)}
    return names
