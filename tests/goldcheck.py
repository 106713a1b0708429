"""Compare a built graph with a hand-made gold file (the schema of tests/data/*.gold.json).

Used by the seed-article and multi-region integration tests and by benchmarks/extraction.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, SKOS, Dataset

from kg.rdf.namespace import EVT, KG

PLACE_KINDS = {"Country", "AdministrativeRegion", "City", "Facility", "Region"}
# A gold kind is met by the node's kind or by a kind an analyst would accept in its place.
ACCEPTED = {
    "Group": {"Group", "EthnoReligiousGroup"},
    "AdministrativeRegion": {"AdministrativeRegion", "City"},
    "City": {"City", "AdministrativeRegion"},
    "Region": {"Region", "AdministrativeRegion"},
    # kg:Organization is an organisation whose type the text does not state: less specific, not wrong
    "NonGovernmentalOrganization": {
        "NonGovernmentalOrganization",
        "InternationalOrganization",
        "Organization",
    },
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


# --- scoring helpers shared by tests/test_articles.py and benchmarks/extraction.py ---------------------------


def item_names(item: dict) -> set[str]:
    """Normalised label and aliases of a gold actor/place.

    >>> sorted(item_names({"label": "Islamic State", "aliases": ["ISIS", "the Islamic State"]}))
    ['isis', 'islamic state']
    """
    return {norm(n) for n in [item["label"], *item.get("aliases", [])]}


def accepted_kinds(kind: str) -> set[str]:
    """Node kinds that satisfy a gold kind (``ACCEPTED`` plus the kind itself).

    >>> sorted(accepted_kinds("City"))
    ['AdministrativeRegion', 'City']
    """
    return ACCEPTED.get(kind, {kind}) | {kind}


def located(found: dict[str, Node], item: dict) -> list[Node]:
    """Nodes of any kind that carry the item's label or one of its aliases."""
    names = item_names(item)
    return [n for n in found.values() if n.names & names]


def is_found(found: dict[str, Node], item: dict) -> bool:
    """A gold item is found when one node of an accepted kind carries its label or an alias."""
    return any(n.kinds & accepted_kinds(item["kind"]) for n in located(found, item))


def in_text(name: str, text: str) -> bool:
    """Verbatim, case-sensitive, on word boundaries (the gold README's convention for aliases)."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def merged(found: dict[str, Node], item: dict, text: str) -> bool | None:
    """All of an item's names that occur in the text sit on one node of an accepted kind; None if < 2 names."""
    names = {norm(n) for n in [item["label"], *item.get("aliases", [])] if in_text(n, text)}
    if len(names) < 2:
        return None
    kinds = accepted_kinds(item["kind"])
    return any(names <= n.names and n.kinds & kinds for n in found.values())


def is_local(iri: str) -> bool:
    """Document-local generic groups live under ``actor/<doc-id>/<key>``."""
    return "/" in iri.split("/actor/", 1)[-1] if "/actor/" in iri else False


def gold_entities(gold: dict) -> list[dict]:
    return gold.get("actors", []) + gold.get("places", [])


def false_positives(found: dict[str, Node], gold: dict) -> tuple[list[Node], list[Node]]:
    """(predicted non-local nodes, those matching no gold actor/place by any name)."""
    names = set().union(*(item_names(i) for i in gold_entities(gold)))
    predicted = [n for n in found.values() if not is_local(n.iri) and "Incident" not in n.kinds]  # not actors
    return predicted, [n for n in predicted if not n.names & names]


def event_found(
    dataset: Dataset, found: dict[str, Node], event: dict, places: dict[str, dict]
) -> tuple[bool, bool]:
    """(an event of the gold type exists, one of them has the gold place as kg:place or the gold has none)."""
    try:
        events = events_of_type(dataset, event["type"])
    except AttributeError:  # a gold type the ontology does not define counts as missed
        events = []
    place = places.get(event.get("place") or "")
    if not events or place is None:
        return bool(events), bool(events)
    wanted = item_names(place)
    for ev in events:
        for value in dataset.objects(ev, KG.place):
            node = found.get(str(value))
            if node and node.names & wanted:
                return True, True
    return True, False


def fold_governments(dataset: Dataset, found: dict[str, Node]) -> dict[str, Node]:
    """Country nodes that also carry the names of their governments' nodes.

    The gold lists "Kyiv" ("Kyiv said") as an alias of the country actor Ukraine, while the RDF contract
    puts it on the Ukrainian government node (``kg:governmentOf`` Ukraine): both readings are the country acting.
    """
    folded = {iri: Node(n.iri, set(n.kinds), set(n.names)) for iri, n in found.items()}
    for iri, node in found.items():
        if "Government" in node.kinds:
            for country in dataset.objects(_ref(iri), KG.governmentOf):
                if str(country) in folded:
                    folded[str(country)].names |= node.names
    return folded


def capital_aliases(item: dict) -> list[str]:
    """Aliases of a gold actor that name a city in the gazetteer ("Kyiv" on the Ukrainian government).

    >>> capital_aliases({"kind": "Government", "aliases": ["Kyiv", "Kyiv's government"]})
    ['Kyiv']
    """
    from kg.extract.gazetteer import Gazetteer, is_acronym

    if item["kind"] in PLACE_KINDS - {"Country"}:
        return []
    gazetteer = Gazetteer.load()
    return [
        a for a in item.get("aliases", [])
        if not is_acronym(a) and any(e.kind == "City" for e in gazetteer.lookup_all(a))
    ]  # fmt: skip


def required_recall(found: dict[str, Node], gold: dict) -> float:
    """Share of required gold actors and places found (see :func:`is_found`); 1.0 when none is required."""
    required = [i for i in gold_entities(gold) if i.get("required")]
    return sum(is_found(found, i) for i in required) / len(required) if required else 1.0
