"""Read commands on a store, run by hand: how long each ``kg`` read command takes on a corpus store.

    python benchmarks/reads.py [--articles 100] [--repeat 3] [--store DIR] [--timeout 600]

Builds ``--articles`` BBC-style articles (``store.py``'s :func:`bbc_corpus`) into an on-disk store with
``kg build --store`` (or reuses ``--store``), then times each read command as a user runs it, a fresh ``kg``
process per run (median of ``--repeat``): the event table, the incident table, the entity table, ``kg analyze``,
``kg viz``, ``kg validate`` and a named query. The baseline, measured in the same run the same way, is one full
scan of the store (``kg query`` counting every quad of every document graph), so each command is reported as a
multiple of reading everything once. A run that passes ``--timeout`` seconds is reported as such.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store import bbc_corpus  # noqa: E402

SCAN = "SELECT (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } }"
COMMANDS = {
    "full scan (baseline)": ["query", "{store}", SCAN],
    "kg events": ["events", "{store}", "--format", "csv"],
    "kg events --level incident": ["events", "{store}", "--level", "incident", "--format", "csv"],
    "kg entities": ["entities", "{store}", "--format", "csv"],
    "kg analyze": ["analyze", "{store}"],
    "kg viz": ["viz", "{store}", "-o", "{tmp}/graph.html"],
    "kg validate": ["validate", "{store}"],
    "kg query top_actors": ["query", "{store}", "top_actors", "--format", "csv"],
}


def kg(*args: str, timeout: float) -> float | None:
    """Wall seconds of one ``python -m kg ARGS`` run, or None past ``timeout``; a failing run raises."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode not in (0, 1) or (
        done.returncode == 1 and args[0] != "validate"
    ):  # 1: SHACL violations
        raise SystemExit(f"kg {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return time.perf_counter() - started


def build_store(folder: Path, articles: int) -> None:
    corpus = folder / "corpus.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "text": t, "date": d}) + "\n" for i, t, d in bbc_corpus(articles)),
        encoding="utf-8",
    )
    args = [
        str(corpus),
        "--no-html",
        "--no-validate",
        "--out",
        str(folder / "out"),
        "--store",
        str(folder / "store"),
    ]
    kg("build", *args, timeout=3600)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", type=Path, help="an existing store to read instead of building one")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            build_store(Path(tmp), args.articles)
            store = Path(tmp) / "store"
        where = store if args.store else f"of {args.articles} BBC-style articles"
        print(f"store {where}; median of {args.repeat} runs, each a fresh kg process")
        baseline = None
        for name, template in COMMANDS.items():
            command = [part.replace("{store}", str(store)).replace("{tmp}", tmp) for part in template]
            runs = [kg(*command, timeout=args.timeout) for _ in range(args.repeat)]
            if any(r is None for r in runs):
                print(f"{name:<28} over {args.timeout:.0f} s")
                continue
            median = statistics.median(r for r in runs if r is not None)
            baseline = baseline or median
            print(f"{name:<28} {median:7.2f} s  {median / baseline:6.1f}x the full scan")


if __name__ == "__main__":
    main()
