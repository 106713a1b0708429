"""The walkthrough notebook runs top to bottom with the real model (code cells executed in order)."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb")))
def test_notebook_code_cells_run(name, monkeypatch, capsys):
    notebook = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    monkeypatch.chdir(ROOT / "notebooks")
    namespace: dict = {}
    for cell in (c for c in notebook["cells"] if c["cell_type"] == "code"):
        exec(compile("".join(cell["source"]), f"{name}", "exec"), namespace)  # noqa: S102
    assert "triples" in capsys.readouterr().out and os.getcwd().endswith("notebooks")
