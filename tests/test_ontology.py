"""Ontology files, event-type mappings and SHACL validation."""

from __future__ import annotations

import doctest
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef

import kg.rdf.ontology
from kg.rdf.namespace import EVT, KG
from kg.rdf.ontology import (
    ValidationReport,
    Violation,
    event_type_mappings,
    format_report,
    load_ontology,
    ontology_dir,
    ontology_path,
    validate,
)

TABLE = Path(__file__).parent / "data" / "plover" / "CAMEO2PLOVER-2021.txt"
CAMEO = "https://w3id.org/newskg/cameo/"
PLOVER = "https://w3id.org/newskg/plover/"
ACLED = "https://w3id.org/newskg/acled/"
REQUIRED_CONCEPTS = [
    "ArmedClash",
    "Attack",
    "Airstrike",
    "Bombing",
    "Killing",
    "Abduction",
    "Arrest",
    "Detention",
    "PrisonBreak",
    "DetaineeTransfer",
    "Recapture",
    "Repatriation",
    "Release",
    "Statement",
    "Criticism",
    "Accusation",
    "Demand",
    "Threat",
    "Rejection",
    "Protest",
    "Agreement",
    "Consultation",
    "Support",
    "Cooperation",
    "Aid",
    "Concession",
    "Ceasefire",
    "Investigation",
    "Withdrawal",
    "Sanction",
    "Mobilization",
    "Coercion",
    "Displacement",
]
MODEL_TERMS = [
    "Actor",
    "Person",
    "Government",
    "MilitaryOrganization",
    "ArmedGroup",
    "PoliticalParty",
    "InternationalOrganization",
    "NonGovernmentalOrganization",
    "MediaOrganization",
    "Company",
    "Country",
    "EthnoReligiousGroup",
    "Group",
    "Place",
    "AdministrativeRegion",
    "City",
    "Facility",
    "Region",
    "Event",
    "Claim",
    "Mention",
    "Sentence",
    "Quantity",
    "mention",
    "document",
    "inSentence",
    "memberOf",
    "affiliatedWith",
    "partOf",
    "governmentOf",
    "locatedIn",
    "eventType",
    "agent",
    "target",
    "theme",
    "recipient",
    "place",
    "origin",
    "destination",
    "quantity",
    "causedBy",
    "speaker",
    "channel",
    "claimContent",
    "citedSource",
    "startChar",
    "endChar",
    "anchorOf",
    "confidence",
    "role",
    "latitude",
    "longitude",
    "geoPrecision",
    "trigger",
    "cameo",
    "plover",
    "acledEventType",
    "acledSubEventType",
    "instrument",
    "date",
    "datePrecision",
    "dateInferred",
    "startDate",
    "endDate",
    "certainty",
    "polarity",
    "value",
    "unit",
    "qualifier",
    "status",
    "measures",
    "reportingVerb",
]


def _names(namespace: type) -> list[str]:
    return sorted(namespace.__annotations__)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def cameo_to_plover() -> dict[str, str]:
    """CAMEO code -> PLOVER 0.5b1 class, via the crosswalk documented in ontologies/README.md."""
    table: dict[str, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,]*),", line)
        if match:
            code, cls, mode = match.group(1), match.group(2), match.group(3).strip()
            table.setdefault(code, _plover_05(cls, mode, code))
    return table


def _plover_05(cls: str, mode: str, code: str) -> str:
    """PLOVER draft 0.8 class (CAMEO2PLOVER-2021) -> the 0.5b1 class names newskg uses."""
    if cls == "REQUEST":
        return "DEMAND"
    if cls == "ACCUSE":
        return "INVESTIGATE" if mode == "investigate" else "DISAPPROVE"
    if cls == "ASSAULT" and code[:2] in {"19", "20"}:
        return "FIGHT"
    return cls


@pytest.mark.parametrize("name", MODEL_TERMS)
def test_every_model_term_is_in_the_ontology(name: str, ontology: Graph) -> None:
    assert (KG[name], RDF.type, None) in ontology


@pytest.mark.parametrize("name", _names(KG))
def test_every_term_has_english_label_and_comment(name: str, ontology: Graph) -> None:
    for prop in (RDFS.label, RDFS.comment):
        assert any(isinstance(o, Literal) and o.language == "en" for o in ontology.objects(KG[name], prop))


def test_ontology_header_carries_version(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/newskg/ns")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionIRI) == URIRef("https://w3id.org/newskg/ns/0.1.0")
    assert ontology.value(header, OWL.versionInfo) == Literal("0.1.0")


@pytest.mark.parametrize(
    ("child", "parent"), [("Country", "Actor"), ("Country", "Place"), ("Sentence", "Mention")]
)
def test_subclass_axioms(child: str, parent: str, ontology: Graph) -> None:
    assert (KG[child], RDFS.subClassOf, KG[parent]) in ontology


def test_alignment_uses_https_schema_org_only() -> None:
    text = ontology_path("alignment.ttl").read_text(encoding="utf-8")
    assert "http://schema.org" not in text
    assert "<https://schema.org/>" in text


@pytest.mark.parametrize("name", REQUIRED_CONCEPTS)
def test_required_concepts_exist(name: str) -> None:
    assert name in _names(EVT)


@pytest.mark.parametrize("name", _names(EVT))
def test_every_concept_has_label_definition_and_scheme(name: str, ontology: Graph) -> None:
    concept = EVT[name]
    assert ontology.value(concept, SKOS.prefLabel) is not None
    assert ontology.value(concept, SKOS.definition) is not None
    assert (concept, SKOS.inScheme, URIRef(str(EVT))) in ontology


@pytest.mark.parametrize(
    ("prop", "scheme"),
    [
        (KG.cameo, CAMEO),
        (KG.plover, PLOVER),
        (KG.acledEventType, ACLED + "event-type/"),
        (KG.acledSubEventType, ACLED + "sub-event-type/"),
    ],
)
@pytest.mark.parametrize("name", _names(EVT))
def test_literal_mapping_present_exactly_when_skos_mapping_is(
    name: str, prop: URIRef, scheme: str, ontology: Graph
) -> None:
    concept = EVT[name]
    targets = [
        t
        for rel in (SKOS.closeMatch, SKOS.broadMatch)
        for t in ontology.objects(concept, rel)
        if str(t).startswith(scheme)
    ]
    literal = ontology.value(concept, prop)
    assert len(targets) <= 1
    if not targets:
        assert literal is None
        return
    label = ontology.value(targets[0], SKOS.notation) or ontology.value(targets[0], SKOS.prefLabel)
    assert literal is not None and str(literal) == str(label)


@pytest.mark.parametrize("name", _names(EVT))
def test_cameo_code_maps_to_its_plover_class_in_cameo2plover(
    name: str, cameo_to_plover: dict[str, str]
) -> None:
    mapping = event_type_mappings()[name]
    if "cameo" not in mapping:
        assert "plover" not in mapping
        return
    assert cameo_to_plover.get(mapping["cameo"]) == mapping.get("plover")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "ArmedClash",
            {
                "cameo": "190",
                "plover": "FIGHT",
                "acled_event_type": "Battles",
                "acled_sub_event_type": "Armed clash",
                "label": "armed clash",
            },
        ),
        ("Statement", {"cameo": "010", "label": "statement"}),
        ("PrisonBreak", {"label": "prison break"}),
    ],
)
def test_event_type_mappings_entries(name: str, expected: dict[str, str]) -> None:
    assert event_type_mappings()[name] == expected


@pytest.mark.parametrize(
    "name", ["Detention", "PrisonBreak", "DetaineeTransfer", "Recapture", "Repatriation"]
)
def test_detention_lifecycle_has_no_close_match_and_explains_why(name: str, ontology: Graph) -> None:
    concept = EVT[name]
    assert (concept, SKOS.broader, EVT.DetentionLifecycle) in ontology
    assert ontology.value(concept, SKOS.closeMatch) is None
    assert ontology.value(concept, SKOS.scopeNote) is not None


def test_event_type_mappings_returns_a_copy() -> None:
    event_type_mappings()["ArmedClash"]["cameo"] = "999"
    assert event_type_mappings()["ArmedClash"]["cameo"] == "190"


def test_ontology_dir_holds_all_files() -> None:
    names = {"kg.ttl", "event-types.ttl", "alignment.ttl", "shapes.ttl", "context.jsonld", "README.md"}
    assert names <= {p.name for p in ontology_dir().iterdir()}


def test_missing_ontology_file_raises() -> None:
    with pytest.raises(FileNotFoundError):
        ontology_path("nope.ttl")


def test_valid_example_conforms() -> None:
    report = validate(Graph().parse(ontology_path("examples/valid.ttl")))
    assert report == ValidationReport(conforms=True, violations=[])


def test_valid_example_conforms_with_rdfs_inference() -> None:
    assert validate(Graph().parse(ontology_path("examples/valid.ttl")), inference="rdfs").conforms


def test_dataset_is_validated_as_the_union_of_its_named_graphs() -> None:
    source = Graph().parse(ontology_path("examples/valid.ttl"))
    dataset = Dataset()
    doc = URIRef("https://w3id.org/newskg/id/doc/example-clash")
    entities = dataset.graph(URIRef("urn:test:entities"))
    mentions = dataset.graph(doc)
    for s, p, o in source:
        (mentions if "#char=" in str(s) else entities).add((s, p, o))
    assert validate(dataset).conforms


BASE = "https://w3id.org/newskg/id/"


@pytest.mark.parametrize(
    ("focus", "path"),
    [
        (f"{BASE}doc/bad", "https://schema.org/identifier"),
        (f"{BASE}doc/bad#char=30,20", str(KG.startChar)),
        (f"{BASE}doc/bad#char=0,5", str(KG.anchorOf)),
        (f"{BASE}doc/bad#char=0,5", str(KG.document)),
        (f"{BASE}actor/two-names", str(RDFS.label)),
        (f"{BASE}place/nowhere", str(KG.mention)),
        (f"{BASE}place/nowhere", str(KG.latitude)),
        (f"{BASE}event/bad/000000000001", str(KG.eventType)),
        (f"{BASE}event/bad/000000000001", str(KG.certainty)),
        (f"{BASE}event/bad/000000000001", str(KG.agent)),
        (f"{BASE}event/bad/000000000002", str(KG.eventType)),
        (f"{BASE}event/bad/000000000002", str(KG.mention)),
        (f"{BASE}event/bad/000000000003", str(KG.plover)),
        (f"{BASE}quantity/bad/000000000004", str(KG.value)),
        (f"{BASE}quantity/bad/000000000004", str(KG.qualifier)),
        (f"{BASE}claim/bad/000000000005", None),
        (f"{BASE}claim/bad/000000000005", str(KG.claimContent)),
    ],
)
def test_invalid_example_reports_each_commented_violation(
    focus: str, path: str | None, invalid_report
) -> None:
    assert (focus, path) in {(v.focus_node, v.path) for v in invalid_report.violations}


@pytest.fixture(scope="module")
def invalid_report() -> ValidationReport:
    return validate(Graph().parse(ontology_path("examples/invalid.ttl")))


def test_invalid_example_does_not_conform(invalid_report: ValidationReport) -> None:
    assert not invalid_report.conforms
    assert all(v.severity == "Violation" for v in invalid_report.violations)


def test_event_with_deprecated_type_is_invalid() -> None:
    graph = Graph().parse(ontology_path("examples/valid.ttl"))
    graph.add((EVT.ArmedClash, OWL.deprecated, Literal(True)))
    event = URIRef(f"{BASE}event/example-clash/0123456789ab")
    assert event in {URIRef(v.focus_node) for v in validate(graph).violations}


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (ValidationReport(conforms=True), "Conforms: no SHACL violations."),
        (
            ValidationReport(
                conforms=False, violations=[Violation("urn:x", "urn:p", "bad value", "Violation")]
            ),
            "Does not conform: 1 result(s).\n- [Violation] urn:x urn:p: bad value",
        ),
    ],
)
def test_format_report(report: ValidationReport, expected: str) -> None:
    assert format_report(report) == expected


def test_docstring_examples_run() -> None:
    assert doctest.testmod(kg.rdf.ontology).failed == 0


def test_violation_message_names_the_offending_value(invalid_report: ValidationReport) -> None:
    latitude = [v for v in invalid_report.violations if v.path == str(KG.latitude)]
    assert latitude and '"123.0"' in latitude[0].message


def test_nested_shape_details_are_not_reported_as_separate_violations(
    invalid_report: ValidationReport,
) -> None:
    assert "https://example.org/NotAnEventType" not in {v.focus_node for v in invalid_report.violations}


@pytest.mark.parametrize("in_incident", [False, True])
def test_an_events_codes_may_differ_from_its_type_only_as_its_incident_codes_them(in_incident: bool) -> None:
    graph = Graph().parse(ontology_path("examples/valid.ttl"))
    event = URIRef(f"{BASE}event/example-clash/0123456789ab")
    graph.set((event, KG.plover, Literal("ASSAULT")))
    if in_incident:  # coded from weapon and target: the incident says ASSAULT, the event repeats it
        incident = URIRef(f"{BASE}incident/example-clash/0123456789ab")
        mention = next(graph.objects(event, KG.mention))
        for p, o in [(RDF.type, KG.Incident), (KG.acledEventType, Literal("Violence against civilians")),
                     (KG.plover, Literal("ASSAULT")), (KG.mention, mention),
                     (KG.confidence, Literal(Decimal("0.7")))]:  # fmt: skip
            graph.add((incident, p, o))
        graph.add((event, KG.partOfIncident, incident))
    assert (event in {URIRef(v.focus_node) for v in validate(graph).violations}) is not in_incident
