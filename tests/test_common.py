"""Output that scripts can trust: JSON parses when piped, errors are one line, -q/-v/--version, no wrapping."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import ROOT

runner = CliRunner()  # its stdout is not a terminal, like a pipe


@pytest.fixture(scope="module")
def seed_trig(seed_dataset, tmp_path_factory):
    """The seed article's graph: long evidence sentences and IRIs, the strings a wrapping console would break."""
    from kg.rdf.io import write_dataset

    return str(write_dataset(seed_dataset[0], tmp_path_factory.mktemp("seed") / "graph.trig"))


def _gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [
        {
            "id": "1",
            "text": "Police arrested ten protesters in Nairobi on Monday.",
            "gold": {"event": "ARREST"},
        },
        {"id": "2", "text": "Rebels attacked an army base near Goma.", "gold": {"event": "ASSAULT"}},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


JSON_COMMANDS = {
    "analyze --json": lambda g, t: ["analyze", g, "--json"],
    "query --format json": lambda g, t: [
        "query",
        g,
        str(ROOT / "examples/queries/evidence.rq"),
        "--format",
        "json",
    ],
    "events --format jsonl": lambda g, t: ["events", g, "--format", "jsonl"],
    "entities --format jsonl": lambda g, t: ["entities", g, "--format", "jsonl"],
    "evaluate --json": lambda g, t: ["evaluate", _gold(t), "--json"],
    "-q analyze --json": lambda g, t: ["-q", "analyze", g, "--json"],
}


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(JSON_COMMANDS))
def test_every_json_output_parses_when_piped(name, seed_trig, tmp_path, nlp, monkeypatch):
    import kg.extract.pipeline as pipeline

    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None: nlp)
    result = runner.invoke(app, JSON_COMMANDS[name](seed_trig, tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines() if "jsonl" in name else [result.stdout]
    parsed = [json.loads(line) for line in lines if line.strip()]
    assert parsed and all(isinstance(p, dict) for p in parsed)
    if not name.startswith("evaluate"):  # the evaluation report is indented JSON of short lines
        assert max(len(line) for line in result.stdout.splitlines()) > 80  # long lines stayed whole


@pytest.mark.integration
def test_json_through_a_real_pipe_in_a_subprocess(seed_trig):
    env = {**os.environ, "COLUMNS": "40", "TERM": "xterm-256color"}  # a narrow "terminal" must not matter
    done = subprocess.run(
        [sys.executable, "-m", "kg", "analyze", seed_trig, "--json"],
        capture_output=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["top"] and b"\x1b[" not in done.stdout  # parses, no colour codes


def test_version_prints_the_package_version():
    from kg import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"newskg {__version__}\n"


def test_long_error_messages_stay_on_one_line(tmp_path):
    deep = tmp_path / ("a-very-long-folder-name-" * 6) / "missing.trig"
    result = runner.invoke(app, ["validate", str(deep)])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1 and str(deep) in result.stderr


def test_control_characters_in_messages_are_escaped_not_printed(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "bad\nname\x1b[31m.trig")])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "\x1b" not in result.stderr
    assert "bad\\nname\\x1b[31m.trig" in result.stderr


def test_quiet_keeps_results_and_drops_notes(tmp_path):
    valid = str(ROOT / "ontologies" / "examples" / "valid.ttl")
    export = runner.invoke(app, ["-q", "export", valid, str(tmp_path / "g.nt")])
    assert export.exit_code == 0 and export.stdout == "" and (tmp_path / "g.nt").stat().st_size > 0
    ask = runner.invoke(
        app, ["-q", "query", valid, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "--format", "csv"]
    )
    assert ask.exit_code == 0 and ask.stdout.splitlines()[0] == "n"


@pytest.mark.parametrize(("flags", "traceback"), [([], False), (["-v"], True)])
def test_a_bug_is_one_line_with_exit_1_and_verbose_shows_the_traceback(flags, traceback, monkeypatch):
    import kg.rdf.ontology

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(kg.rdf.ontology, "validate", broken)
    result = runner.invoke(app, [*flags, "validate", str(ROOT / "ontologies" / "examples" / "valid.ttl")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("error: internal error (RuntimeError: boom)")
    assert ("Traceback" in result.stderr) is traceback


def test_no_arguments_prints_help():
    result = runner.invoke(app, [])
    assert result.exit_code == 0 and "Usage" in result.stdout
