"""Every named analyst query (kg/queries/*.rq) on the seed article's on-disk store returns the expected rows."""

from __future__ import annotations

import json

import pytest

from kg.rdf.catalog import TYPES, named_queries, query_info
from kg.rdf.query import QueryError, parse_bindings, run_query
from kg.rdf.store import add_dataset, open_store

ID = "https://w3id.org/newskg/id/"
EVT = "https://w3id.org/newskg/event-type/"
ANALYST_QUERIES = ["events_of_actor", "who_against_whom", "actors_at_place", "incidents", "claims_by_speaker",
                   "evidence", "cooccurring_actors", "transfers", "changes"]  # fmt: skip


@pytest.fixture(scope="module")
def store(seed_dataset, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed-store") / "store"
    writer = open_store(folder)
    add_dataset(writer, seed_dataset[0])
    writer.flush()
    del writer
    return open_store(folder, read_only=True)


def _rows(store, name: str, *binds: str) -> list[dict[str, str | None]]:
    text = query_info(name).text
    result = run_query(store, text, bindings=parse_bindings(store, text, list(binds)))
    return [dict(zip(result.variables, row, strict=True)) for row in result.rows]


def test_every_analyst_query_is_packaged_documented_and_typed():
    infos = {q.name: q for q in named_queries()}
    for name in ANALYST_QUERIES:
        assert infos[name].description, name
        assert all(p.type in TYPES and p.help for p in infos[name].params), name


def test_events_involving_an_actor_by_alias(store):
    rows = _rows(store, "events_of_actor", "actor=SDF")
    assert {(r["actor"], r["role"], r["type"], r["date"]) for r in rows} >= {
        (f"{ID}actor/sdf", "agent", f"{EVT}ArmedClash", "2026-01-19")
    }
    assert all(r["docId"] == "hasakah-prison-break" and r["sentence"] for r in rows)


def test_who_acted_against_whom_includes_both_sides_of_the_clash(store):
    pairs = {(r["agentLabel"], r["targetLabel"], r["relation"]) for r in _rows(store, "who_against_whom")}
    assert ("Syrian Democratic Forces", "Syrian government", "clash") in pairs
    assert ("Syrian government", "Syrian Democratic Forces", "clash") in pairs
    only = _rows(store, "who_against_whom", f"agent=<{ID}actor/sdf>")
    assert only and {r["agent"] for r in only} == {f"{ID}actor/sdf"}


def test_actors_at_a_place_reach_places_inside_it(store):
    rows = {r["label"]: r for r in _rows(store, "actors_at_place", f"place=<{ID}actor/syria>")}
    # the clash is in Al-Hasakah Governorate, which is located in Syria
    assert {"Syrian Democratic Forces", "Syrian government"} <= set(rows)
    assert "agent" in rows["Syrian Democratic Forces"]["roles"].split()


@pytest.mark.parametrize(
    ("binds", "expected"),
    [
        (["from=2026-01-19", "to=2026-01-19", "south=36", "north=37", "west=40", "east=41"],
         {"ArmedClash", "PrisonBreak"}),
        (["from=2026-01-20"], set()),  # the located incidents of 2026 are on the 19th
        (["south=0", "north=1"], set()),  # outside the box
        (["to=2025-12-31"], {"Detention"}),  # "since 2019" at al-Hawl camp (a year: compared as a year)
        ([], {"ArmedClash", "PrisonBreak", "Detention"}),
    ],
)  # fmt: skip
def test_incidents_in_a_date_range_and_bounding_box(store, binds, expected):
    rows = _rows(store, "incidents", *binds)
    assert {r["type"].removeprefix(EVT) for r in rows} == expected


def test_claims_by_a_speaker_with_certainty(store):
    rows = _rows(store, "claims_by_speaker", "speaker=CENTCOM")
    assert {(r["speakerLabel"], r["verb"], r["certainty"], r["contentType"]) for r in rows} == {
        ("U.S. Central Command", "confirm", "asserted", f"{EVT}DetaineeTransfer"),
        ("U.S. Central Command", "say", "asserted", f"{EVT}DetaineeTransfer"),
    }
    nested = _rows(store, "claims_by_speaker", f"speaker=<{ID}actor/syria-government>")
    assert [(r["verb"], r["certainty"], r["contentType"]) for r in nested] == [
        ("claim", "claimed", f"{EVT}Recapture")
    ]


def test_evidence_for_a_triple_puts_sentences_naming_both_ends_first(store):
    clash = _rows(store, "events_of_actor", "actor=SDF")[0]["event"]
    rows = _rows(store, "evidence", f"subject=<{clash}>", "predicate=<https://w3id.org/newskg/ns#agent>",
                 f"object=<{ID}actor/sdf>")  # fmt: skip
    assert rows and rows[0]["objectText"] in {
        "Kurdish-led Syrian Democratic Forces",
        "Syrian Democratic Forces",
    }
    assert rows[0]["subjectText"] == "clashes" and "clashes between" in rows[0]["sentence"]
    assert rows[0]["docId"] == "hasakah-prison-break" and rows[0]["extractor"].startswith(f"{ID}extractor/")


def test_cooccurring_actors(store):
    rows = _rows(store, "cooccurring_actors", "actor=Syrian Democratic Forces")
    assert ("Syrian government", "1") in {(r["otherLabel"], r["events"]) for r in rows}


def test_transfers_with_origin_destination_and_counts(store):
    rows = {r["type"].removeprefix(EVT): r for r in _rows(store, "transfers")}
    transfer = rows["DetaineeTransfer"]
    assert (transfer["origins"], transfer["destinations"], transfer["agents"]) == (
        "northeast Syria", "Iraq", "United States"
    )  # fmt: skip
    assert "150 fighter (approximate, done)" in transfer["counts"].split("; ")
    assert "144 detainee (exact, done)" in transfer["counts"].split("; ")
    assert [r["event"] for r in _rows(store, "transfers", "to=Iraq")] == [transfer["event"]]


def test_what_changed_between_two_dates(store):
    rows = _rows(store, "changes", "from=2026-01-18", "to=2026-01-20")
    events = {r["kind"].removeprefix(EVT) for r in rows if r["change"] == "event"}
    assert events == {"ArmedClash", "PrisonBreak"}  # the transfer on the 21st is outside
    assert not [r for r in rows if r["change"] == "new actor"]  # the article is dated the 23rd
    later = _rows(store, "changes", "from=2026-01-20", "to=2026-01-31")
    assert {r["label"] for r in later if r["change"] == "new actor"} >= {
        "Syrian Democratic Forces",
        "Tom Barrack",
    }
    assert _rows(store, "changes", "from=2026-01-23", "to=2026-01-31") == []


@pytest.mark.parametrize(
    ("binds", "message"),
    [
        (["actor=Nobody Known"], "nothing is labelled"),
        (["nobody=1"], "unknown parameter"),
        (["actor"], "name=value"),
    ],
)
def test_bad_bindings_are_user_errors(store, binds, message):
    with pytest.raises(QueryError, match=message):
        _rows(store, "events_of_actor", *binds)


@pytest.mark.parametrize(
    ("value", "kind"), [("2026-13-01", "date"), ("20260101", "date"), ("north", "decimal")]
)
def test_bad_typed_values_are_user_errors(store, value, kind):
    name = {"date": "from", "decimal": "south"}[kind]
    with pytest.raises(QueryError, match=f"not a valid {kind}"):
        _rows(store, "incidents", f"{name}={value}")


# The command line over a store folder: named queries by name, --bind, standard formats, CONSTRUCT.
GEOSPARQL = """PREFIX geo: <http://www.opengis.net/ont/geosparql#>
CONSTRUCT { ?place geo:hasGeometry [ geo:asWKT ?wkt ] . } WHERE {
  ?place kg:latitude ?lat ; kg:longitude ?lon .
  BIND (STRDT(CONCAT("POINT(", STR(?lon), " ", STR(?lat), ")"), geo:wktLiteral) AS ?wkt) }"""


@pytest.fixture(scope="module")
def store_dir(store, tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli-store") / "store"
    writer = open_store(folder)
    add_dataset(writer, _dataset_of(store))
    writer.flush()
    del writer
    return folder


def _dataset_of(store):
    from kg.rdf.terms import to_rdflib

    return to_rdflib(store)


def _kg(*args: str):
    from typer.testing import CliRunner

    from kg.cli import app

    return CliRunner().invoke(app, list(args))


def test_kg_query_runs_a_named_query_with_bind_as_results_json(store_dir):
    result = _kg("query", str(store_dir), "events_of_actor", "--bind", "actor=SDF", "--format", "json")
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.output)["results"]["bindings"]
    assert {b["actor"]["value"] for b in bindings} == {f"{ID}actor/sdf"}
    assert bindings[0]["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"


@pytest.mark.parametrize(("fmt", "marker"), [("ttl", "@prefix"), ("nt", "> ."), ("jsonld", '"@id"')])
def test_kg_query_runs_the_geosparql_construct_recipe(store_dir, fmt, marker):
    result = _kg("query", str(store_dir), GEOSPARQL, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert marker in result.output and "POINT(40.7477 36.5024)" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "SERVICE is refused"),
        (["SELECT ?o FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"], "not a graph of this target"),
        (["no_such_query"], "no named query"),
        (["events_of_actor", "--bind", "actor=Nobody Known"], "nothing is labelled"),
        (["ASK { ?s ?p ?o }", "--format", "ttl"], "CONSTRUCT/DESCRIBE"),
    ],
)
def test_kg_query_mistakes_are_one_error_line(store_dir, args, message):
    result = _kg("query", str(store_dir), *args)
    assert result.exit_code == 2 and message in result.output
    assert result.output.count("error:") == 1


@pytest.mark.parametrize("command", [["events"], ["entities", "--format", "csv"], ["analyze", "--json"]])
def test_read_commands_take_a_store_folder(store_dir, command):
    result = _kg(command[0], str(store_dir), *command[1:])
    assert result.exit_code == 0, result.output
    assert "Syrian Democratic Forces" in result.output


def test_kg_queries_lists_every_named_query():
    result = _kg("queries")
    assert result.exit_code == 0 and all(name in result.output for name in ANALYST_QUERIES)


@pytest.mark.parametrize(
    ("name", "binds"),
    [
        ("events_of_actor", ["actor=SDF"]),
        ("who_against_whom", [f"agent=<{ID}actor/sdf>"]),
        ("actors_at_place", [f"place=<{ID}actor/syria>"]),
        ("claims_by_speaker", ["speaker=CENTCOM"]),
        ("cooccurring_actors", ["actor=SDF"]),
        ("transfers", ["to=Iraq"]),
        ("evidence", [f"subject=<{ID}actor/sdf>", "predicate=<http://www.w3.org/2004/02/skos/core#altLabel>"]),
    ],
)  # fmt: skip
def test_a_parameter_written_into_the_query_gives_the_rows_of_the_engines_substitution(store, name, binds):
    import pyoxigraph

    from kg.rdf.guard import check_query, substitute
    from kg.rdf.query import ALL_PREFIXES

    text = query_info(name).text
    bindings = parse_bindings(store, text, binds)
    inlined = run_query(store, text, bindings=bindings)
    plain, engine = substitute(check_query(text), bindings, inline_projected=False)
    solutions = store.query(plain, prefixes=ALL_PREFIXES, use_default_graph_as_union=True,
                            substitutions={pyoxigraph.Variable(k): v for k, v in engine.items()})  # fmt: skip
    sample = [i for i, v in enumerate(inlined.variables) if v == "sentence"]  # SAMPLE: any one sentence
    rows = sorted(tuple(str(t) for i, t in enumerate(row) if i not in sample) for row in inlined.terms)
    expected = sorted(
        tuple(str(s[v]) for i, v in enumerate(inlined.variables) if i not in sample) for s in solutions
    )
    assert rows and rows == expected
