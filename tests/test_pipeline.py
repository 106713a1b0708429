"""Integration: the real default spaCy model on the seed article, checked against the hand-made gold file."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, Graph, Literal

from kg.rdf.namespace import KG
from tests.conftest import SEED_GOLD, SEED_TEXT
from tests.goldcheck import check_entities, events_of_type, nodes, norm, resolve, role_names

pytestmark = pytest.mark.integration
GOLD = json.loads(SEED_GOLD.read_text(encoding="utf-8"))


def test_every_required_actor_and_place_is_one_node_of_the_right_kind(seed_dataset):
    dataset, _ = seed_dataset
    score = check_entities(dataset, GOLD)
    assert score.misses == [], score.misses


@pytest.mark.parametrize(
    ("name", "forbidden_kinds"),
    [
        ("Prison Break", {"Person"}),
        ("Some ISIS Detainees", {"NonGovernmentalOrganization", "ArmedGroup", "Group", "Company"}),
        ("CENTCOM, International Crisis Group", None),
        ("al-Hawl", {"Person", "NonGovernmentalOrganization", "ArmedGroup", "Company", "MediaOrganization"}),
    ],
)
def test_base_model_errors_do_not_reach_the_graph(seed_dataset, name, forbidden_kinds):
    dataset, _ = seed_dataset
    for node in resolve(nodes(dataset), name):
        assert forbidden_kinds is not None, f"no node may be named {name!r}: {node.iri}"
        assert not node.kinds & forbidden_kinds, (name, node.kinds)


def test_boilerplate_line_gives_no_actor_or_event(seed_dataset):
    dataset, record = seed_dataset
    start = record.text.index("Help us improve.")
    dataset.default_union = True
    starts = [int(s) for s in dataset.objects(None, KG.startChar)]
    assert all(s < start for s in starts)


@pytest.mark.parametrize(
    ("a", "b"), [("CENTCOM", "U.S. Central Command"), ("SDF", "Syrian Democratic Forces")]
)
def test_acronym_and_full_name_are_one_node(seed_dataset, a, b):
    found = nodes(seed_dataset[0])
    assert resolve(found, a) == resolve(found, b) and len(resolve(found, a)) == 1


def test_cited_sources_are_document_sources_not_event_actors(seed_dataset):
    dataset, record = seed_dataset
    dataset.default_union = True
    cited = {norm(str(dataset.value(s, RDFS.label))) for s in dataset.objects(None, KG.citedSource)}
    assert {"centcom", "u.s. central command"} & cited and "wall street journal" in cited
    assert len(record.cited_sources) == 5


def _one_event(dataset, event_type, **checks):
    events = events_of_type(dataset, event_type)
    assert events, f"no {event_type} event"
    return events


def _dates(dataset, event):
    return {str(d) for d in dataset.objects(event, KG.date)}


def _told(dataset, event_type: str) -> list:
    """Events of the type that the text reports, not ones it names as a possibility."""
    return [
        e
        for e in events_of_type(dataset, event_type)
        if str(dataset.value(e, KG.certainty)) != "hypothetical"
    ]


def test_prison_break_has_place_and_date(seed_dataset):
    dataset, _ = seed_dataset
    events = _told(dataset, "PrisonBreak")
    assert len(events) == 1, "the prison break told twice is one event"
    (event,) = events
    # "the risk of further mass breakouts", "preventing additional escapes": other, possible happenings
    others = set(events_of_type(dataset, "PrisonBreak")) - {event}
    assert len(others) == 2 and {str(dataset.value(e, KG.certainty)) for e in others} == {"hypothetical"}
    assert "2026-01-19" in _dates(dataset, event)
    assert "hasakah" in role_names(dataset, event, KG.place) or "hasakah province" in role_names(
        dataset, event, KG.place
    )


def test_clashes_between_government_and_sdf_caused_the_prison_break(seed_dataset):
    dataset, _ = seed_dataset
    (clash,) = events_of_type(dataset, "ArmedClash")
    agents = role_names(dataset, clash, KG.agent)
    assert "syrian democratic forces" in agents and "syrian government" in agents
    assert role_names(dataset, clash, KG.place) and _dates(dataset, clash)
    (escape,) = _told(dataset, "PrisonBreak")
    assert (escape, KG.causedBy, clash) in dataset
    assert str(dataset.value(clash, KG.cameo)) == "190" and str(dataset.value(clash, KG.plover)) == "FIGHT"


def test_transfer_has_agent_route_date_and_qualified_counts(seed_dataset):
    dataset, _ = seed_dataset
    transfers = events_of_type(dataset, "DetaineeTransfer")
    main = max(transfers, key=lambda e: len(list(dataset.objects(e, KG.quantity))))
    assert "united states" in role_names(dataset, main, KG.agent)
    assert "iraq" in role_names(dataset, main, KG.destination)
    assert role_names(dataset, main, KG.origin) & {"syria", "northeast syria"}
    assert "2026-01-21" in _dates(dataset, main)
    counts = {
        (
            dataset.value(q, KG.value).toPython(),
            str(dataset.value(q, KG.qualifier)),
            str(dataset.value(q, KG.status)),
        )
        for q in dataset.objects(main, KG.quantity)
    }
    assert (Decimal(150), "approximate", "done") in counts
    assert (Decimal(7000), "upper_bound", "possible") in counts


def _claims_by(dataset, speaker_label):
    return [
        c for c in dataset.subjects(RDF.type, KG.Claim) if speaker_label in role_names(dataset, c, KG.speaker)
    ]


def test_centcom_statement_is_dated_and_reports_the_transfer(seed_dataset):
    dataset, _ = seed_dataset
    statements = [
        c for c in _claims_by(dataset, "u.s. central command") if "2026-01-21" in _dates(dataset, c)
    ]
    assert statements
    content = {t for c in statements for e in dataset.objects(c, KG.claimContent)
               for t in dataset.objects(e, KG.eventType)}  # fmt: skip
    assert any(str(t).endswith("DetaineeTransfer") for t in content)


def test_recapture_is_claimed_by_damascus_inside_hawachs_claim(seed_dataset):
    dataset, _ = seed_dataset
    (recapture,) = events_of_type(dataset, "Recapture")
    assert dataset.value(recapture, KG.certainty) == Literal("claimed")
    assert "syrian government" in role_names(dataset, recapture, KG.agent)  # the claimant, implied
    (inner,) = [
        c for c in _claims_by(dataset, "syrian government") if (c, KG.claimContent, recapture) in dataset
    ]
    outer = [c for c in _claims_by(dataset, "nanar hawach") if (c, KG.claimContent, inner) in dataset]
    assert outer and "fox news digital" in role_names(dataset, outer[0], KG.channel)


def test_camp_detention_is_placed_at_al_hawl(seed_dataset):
    dataset, _ = seed_dataset
    places = set().union(*(role_names(dataset, e, KG.place) for e in events_of_type(dataset, "Detention")))
    assert "al-hawl camp" in places


def test_barrack_statement_is_attributed(seed_dataset):
    assert _claims_by(seed_dataset[0], "tom barrack")


def test_people_carry_roles_and_organisations(seed_dataset):
    dataset, _ = seed_dataset
    found = nodes(dataset)
    (hawach,) = resolve(found, "Nanar Hawach")
    (icg,) = resolve(found, "International Crisis Group")
    from rdflib import URIRef

    assert (URIRef(hawach.iri), KG.memberOf, URIRef(icg.iri)) in dataset
    assert Literal("Syria analyst") in set(dataset.objects(URIRef(hawach.iri), KG.role))
    (barrack,) = resolve(found, "Tom Barrack")
    (usa,) = resolve(found, "United States")
    assert (URIRef(barrack.iri), KG.affiliatedWith, URIRef(usa.iri)) in dataset


def test_every_mention_quotes_the_document_exactly(seed_dataset):
    dataset, record = seed_dataset
    dataset.default_union = True
    mentions = list(dataset.subjects(RDF.type, KG.Mention))
    assert len(mentions) > 50
    for mention in mentions:
        start, end = int(dataset.value(mention, KG.startChar)), int(dataset.value(mention, KG.endChar))
        assert record.text[start:end] == str(dataset.value(mention, KG.anchorOf))
        assert str(mention).endswith(f"#char={start},{end}")


def test_turtle_output_reparses(seed_dataset):
    from kg.rdf.io import serialize

    data = serialize(seed_dataset[0], "turtle")
    assert len(Graph().parse(data=data, format="turtle")) > 500


def test_seed_text_is_the_clients_article():
    assert SEED_TEXT.read_text(encoding="utf-8").startswith("After a Jan. 19 prison break in Hasakah")


def test_escapees_are_the_theme_of_the_prison_break(seed_dataset):
    dataset, _ = seed_dataset
    (escape,) = _told(dataset, "PrisonBreak")
    assert any("detainees" in name for name in role_names(dataset, escape, KG.theme))


def test_camp_detention_runs_since_2019_and_counts_tens_of_thousands(seed_dataset):
    dataset, _ = seed_dataset
    (camp,) = [
        e for e in events_of_type(dataset, "Detention") if "al-hawl camp" in role_names(dataset, e, KG.place)
    ]
    assert {str(d) for d in dataset.objects(camp, KG.startDate)} == {"2019"}
    qualifiers = {str(dataset.value(q, KG.qualifier)) for q in dataset.objects(camp, KG.quantity)}
    assert "vague" in qualifiers


def test_barrack_statement_is_about_the_sdf_and_damascus(seed_dataset):
    dataset, _ = seed_dataset
    (statement,) = _claims_by(dataset, "tom barrack")
    about = role_names(dataset, statement, KG.about)
    assert "syrian democratic forces" in about and "syrian government" in about
    assert "2026-01-23" in _dates(dataset, statement)  # "this week", approximately


def test_worker_processes_give_the_same_records_and_docs_serialise(nlp):
    from spacy.tokens import DocBin

    from kg.extract.pipeline import InputDocument, extract

    texts = ["Rebels attacked Goma on Monday, the UN said.", "Kyiv said Russian drones struck Kharkiv."]
    docs = [InputDocument(f"d{i}", t, "2026-01-01") for i, t in enumerate(texts * 2)]
    assert list(extract(nlp, docs, n_process=2)) == list(extract(nlp, docs))
    doc_bin = DocBin(store_user_data=True)
    doc_bin.add(nlp(texts[0]))
    (restored,) = doc_bin.get_docs(nlp.vocab)
    assert restored._.kg_record["events"][0]["type"] == "Attack"
