"""``kg build`` checks its own output against the SHACL shapes: violations are reported in the summary, and
``--strict`` exits 1 and writes nothing. The validator is replaced by one that always finds a violation, because
the real extractor's output conforms (other tests check that)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import kg.rdf.ontology as ontology
from kg.cli import app

pytestmark = pytest.mark.integration
TEXT = "Gunmen attacked a police post near Kano on Monday, killing two officers, police said.\n"


@pytest.fixture
def failing_validation(monkeypatch):
    def validate(_data):
        violation = ontology.Violation(
            "https://w3id.org/newskg/id/x", "kg:place", "a planted violation", "Violation"
        )
        return ontology.ValidationReport(False, [violation])

    monkeypatch.setattr(ontology, "validate", validate)


def test_strict_build_with_a_violation_exits_1_and_writes_nothing(tmp_path, failing_validation):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["build", str(article), "--out", str(tmp_path / "out"), "--strict", "--no-html"]
    )
    assert result.exit_code == 1
    assert "a planted violation" in result.output
    assert not (tmp_path / "out" / "graph.ttl").exists() and not (tmp_path / "out" / "graph.trig").exists()


def test_build_without_strict_reports_the_violation_and_writes_the_files(tmp_path, failing_validation):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(article), "--out", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 0, result.output
    assert "a planted violation" in result.output
    assert (tmp_path / "out" / "graph.ttl").is_file()
