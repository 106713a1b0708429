"""Integration: the real default model on the 12 held-out articles (tests/data/articles), checked for behaviours.

One pipeline pass over all articles per session. Each test states a general behaviour (acronyms merged, capitals
that act resolve to the government, camps are facilities, boilerplate stays out, a recall floor) and is
parametrised over every gold item that exercises it. Known extraction defects are strict xfails: they turn into
failures once fixed, so the mark can be removed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, URIRef

from kg.extract.gazetteer import is_acronym
from kg.rdf.namespace import KG
from tests import goldcheck as gc

pytestmark = pytest.mark.integration
ARTICLES = Path(__file__).parent / "data" / "articles"
GOLDS = {
    p.name.removesuffix(".gold.json"): json.loads(p.read_text("utf-8"))
    for p in sorted(ARTICLES.glob("*.gold.json"))
}


@dataclass
class Article:
    dataset: Dataset
    found: dict[str, gc.Node]  # countries also carry their government nodes' names (gc.fold_governments)
    text: str
    gold: dict


@pytest.fixture(scope="session")
def articles(nlp) -> dict[str, Article]:
    from kg.extract.pipeline import InputDocument, extract
    from kg.rdf.build import build_graph

    inputs = [
        InputDocument(i, (ARTICLES / f"{i}.txt").read_text("utf-8"), g["document"]["date"])
        for i, g in GOLDS.items()
    ]
    out = {}
    for record in extract(nlp, inputs):
        dataset = build_graph([record])
        found = gc.fold_governments(dataset, gc.nodes(dataset))
        out[record.doc_id] = Article(dataset, found, record.text, GOLDS[record.doc_id])
    return out


def _xfail(cases: list[tuple], known: dict[tuple, str]) -> list:
    """Parametrise ``cases``; those in ``known`` are strict xfails with the diagnosed defect as reason."""
    marks = {c: pytest.mark.xfail(strict=True, reason=r) for c, r in known.items()}
    return [pytest.param(*c, marks=marks.get(c, ()), id="-".join(c)) for c in cases]


def _acronym_actors() -> list[tuple[str, str]]:
    return [
        (doc_id, item["id"]) for doc_id, gold in GOLDS.items() for item in gold["actors"]
        if any(is_acronym(a) for a in item.get("aliases", [])) and item.get("required")
    ]  # fmt: skip


def _capitals() -> list[tuple[str, str, str]]:
    return [(d, i["id"], a) for d, g in GOLDS.items() for i in g["actors"] for a in gc.capital_aliases(i)]


def _facilities() -> list[tuple[str, str]]:
    return [
        (d, p["id"])
        for d, g in GOLDS.items()
        for p in g["places"]
        if p["kind"] == "Facility" and p["required"]
    ]


def _item(article: Article, item_id: str) -> dict:
    return next(i for i in gc.gold_entities(article.gold) if i["id"] == item_id)


ACRONYM_DEFECTS = {
    (
        "haiti-kenscoff-gang-attack",
        "mss",
    ): "'MSS' and 'Kenyan-led Multinational Security Support' are one node, "
    "but the text never writes the gold label 'Multinational Security Support' without 'Kenyan-led', and the "
    "check needs every gold name verbatim on the node",
    ("haiti-kenscoff-gang-attack", "un"): "gold alias 'U.N.' occurs only inside 'The U.N. Security Council', "
    "which resolves to the UNSC node (partOf UN), so no UN mention carries 'U.N.'",
    (
        "somalia-sabiid-base-attack",
        "sna",
    ): "'SNA' is still not merged in the full article although an in-text "
    "definition 'Somali National Army (SNA)' now wins over the gazetteer in isolation: not yet diagnosed",
}
# Fixed since first diagnosed: countries named only inside organisation names, de facto seats of government
# (Sanaa, Port Sudan), multi-word facility heads ("Tibú military base"), non-demonym NORP before a facility word.
CAPITAL_DEFECTS = {
    ("mali-fuel-convoy", "algeria", "Algiers"): "'a charge Algiers rejects': the model parses 'rejects' as a "
    "noun with 'Algiers' as its compound, so kg.extract.actors.recognizer._is_agentive says no and Algiers stays a City",
}
FACILITY_DEFECTS = {
    ("drc-m23-masisi", "monusco-sake-base"): "the Facility node is 'MONUSCO base'; the gold name adds "
    "'at Sake', which the extractor does not take into a facility name",
}
BOILERPLATE_DEFECTS: dict[
    tuple, str
] = {}  # the byline-with-newline defect is fixed (kg.extract.actors.recognizer._inside)


@pytest.mark.parametrize(("doc_id", "item_id"), _xfail(_acronym_actors(), ACRONYM_DEFECTS))
def test_acronym_and_full_name_are_one_node_of_the_gold_kind(articles, doc_id, item_id):
    article = articles[doc_id]
    item = _item(article, item_id)
    assert gc.merged(article.found, item, article.text), [
        sorted(n.kinds) for n in gc.located(article.found, item)
    ]


@pytest.mark.parametrize(("doc_id", "item_id", "capital"), _xfail(_capitals(), CAPITAL_DEFECTS))
def test_capital_that_acts_is_the_government_and_stays_a_city_elsewhere(articles, doc_id, item_id, capital):
    article = articles[doc_id]
    item = _item(article, item_id)
    kinds = gc.accepted_kinds(item["kind"])
    assert any(gc.norm(capital) in n.names and n.kinds & kinds for n in article.found.values()), capital
    city = [p for p in article.gold["places"] if gc.norm(capital) in gc.item_names(p)]
    if city:
        assert any(gc.norm(capital) in n.names and "City" in n.kinds for n in article.found.values())


@pytest.mark.parametrize(("doc_id", "place_id"), _xfail(_facilities(), FACILITY_DEFECTS))
def test_camps_prisons_and_bases_are_facility_nodes(articles, doc_id, place_id):
    article = articles[doc_id]
    place = _item(article, place_id)
    assert any("Facility" in n.kinds for n in gc.located(article.found, place)), place["label"]


def _boilerplate_spans(article: Article) -> list[tuple[int, int]]:
    return [
        (s, s + len(line))
        for line in article.gold["document"]["boilerplate"]
        if (s := article.text.find(line)) >= 0
    ]


@pytest.mark.parametrize("doc_id", _xfail([(d,) for d in sorted(GOLDS)], BOILERPLATE_DEFECTS))
def test_boilerplate_lines_give_no_event_and_only_cited_sources(articles, doc_id):
    article = articles[doc_id]
    spans, ds = _boilerplate_spans(article), article.dataset
    assert spans, "every article has boilerplate lines"
    ds.default_union = True
    cited = set(ds.objects(None, KG.citedSource))
    for subject, mention in ds.subject_objects(KG.mention):
        start = int(ds.value(mention, KG.startChar))
        if any(s <= start < e for s, e in spans):
            assert (subject, RDF.type, KG.Event) not in ds, f"event from boilerplate: {subject}"
            assert URIRef(subject) in cited, f"actor from boilerplate that is not a cited source: {subject}"


# Required actors+places found per article (gc.required_recall) measured with the gazetteer of this commit, minus 0.05 (rounded down); see
# docs/extraction-benchmark.md. A drop below the floor is a regression.
RECALL_FLOOR = {
    "afpak-ttp-border-strikes": 0.83,  # measured 0.889
    "colombia-catatumbo-displacement": 0.76,  # measured 0.812
    "drc-m23-masisi": 0.79,  # measured 0.842
    "gaza-detainee-release": 0.95,  # measured 1.000
    "haiti-kenscoff-gang-attack": 0.83,  # measured 0.889
    "mali-fuel-convoy": 0.81,  # measured 0.867
    "myanmar-arakan-army-base": 0.89,  # measured 0.947
    "nigeria-iswap-gwoza-abduction": 0.95,  # measured 1.000
    "somalia-sabiid-base-attack": 0.80,  # measured 0.857
    "sudan-abu-shouk-attack": 0.85,  # measured 0.905
    "ukraine-kharkiv-strike-pow-swap": 0.88,  # measured 0.933
    "yemen-red-sea-ship": 0.89,  # measured 0.944
}


@pytest.mark.parametrize(("doc_id", "floor"), sorted(RECALL_FLOOR.items()))
def test_required_actor_and_place_recall_stays_above_the_measured_floor(articles, doc_id, floor):
    article = articles[doc_id]
    recall = gc.required_recall(article.found, article.gold)
    print(f"{doc_id}: {recall:.3f}")
    assert recall >= floor
