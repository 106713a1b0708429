"""Extraction throughput and memory, as ratios against the bare spaCy model measured in the same run.

Run by hand: ``python benchmarks/throughput.py [--copies 8] [--repeat 3]``. The corpus is the seed article and
the 12 test articles, repeated ``--copies`` times with distinct ids. Three stages are timed on the same texts:

1. baseline: the bare model (``spacy.load(...)``, ``nlp.pipe``), what any spaCy user pays anyway;
2. newskg extraction: the same model plus the newskg components, records out (``kg.extract.pipeline.extract``);
3. extraction + RDF: the records built into an rdflib Dataset (``kg.rdf.build.build_graph``).

Peak memory is the maximum resident set size of a fresh subprocess per stage (``resource.getrusage``). With
``--repeat N`` the stages run N interleaved rounds and the best (lowest) wall time, CPU time and memory of each
is kept: on a shared machine one busy spell would otherwise decide a ratio.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from timing import bare_spacy, measure  # noqa: E402

STAGES = ("baseline", "extract", "extract+rdf")


def corpus(copies: int) -> list[tuple[str, str, str]]:
    """(id, text, date) for the seed and test articles, repeated."""
    items = [
        (
            "hasakah",
            (ROOT / "examples" / "hasakah-prison-break.txt").read_text(encoding="utf-8"),
            "2026-01-23",
        )
    ]
    for path in sorted((ROOT / "tests" / "data" / "articles").glob("*.txt")):
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        items.append((path.stem, path.read_text(encoding="utf-8"), gold["document"]["date"]))
    return [(f"{doc_id}-{n}", text, date) for n in range(copies) for doc_id, text, date in items]


def run_stage(stage: str, copies: int) -> dict[str, float]:
    """Time one stage in this process (called in a fresh subprocess per stage)."""
    from kg.extract.pipeline import InputDocument, extract, load_pipeline
    from kg.rdf.build import build_graph

    docs = corpus(copies)
    if stage == "baseline":
        return bare_spacy(docs)

    def run(nlp, items) -> None:
        records = list(extract(nlp, (InputDocument(i, t, d) for i, t, d in items)))
        if stage == "extract+rdf":
            build_graph(records)

    return measure(docs, load_pipeline, run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of all stages, interleaved; best kept")
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:  # child process: one stage, JSON out
        print(json.dumps(run_stage(args.stage, args.copies)))
        return
    results: dict[str, dict[str, float]] = {}
    # interleaved rounds: a busy spell on a shared machine hits every stage alike
    for _ in range(args.repeat):
        for stage in STAGES:
            out = subprocess.run([sys.executable, __file__, "--stage", stage, "--copies", str(args.copies)],
                                 check=True, capture_output=True, text=True).stdout  # fmt: skip
            r = json.loads(out.strip().splitlines()[-1])
            best = results.setdefault(stage, r)
            for key in ("load_s", "run_s", "cpu_s", "peak_mb"):
                best[key] = min(best[key], r[key])
    base = results["baseline"]
    print(f"{base['docs']} documents, {base['words']} words (copies={args.copies}, best of {args.repeat})\n")
    print(f"{'stage':<13} {'load s':>7} {'run s':>7} {'cpu s':>7} {'docs/s':>7} {'words/s':>8} {'peak MB':>8} "
          f"{'time x base':>11} {'cpu x base':>10} {'mem x base':>10}")  # fmt: skip
    for stage, r in results.items():
        print(f"{stage:<13} {r['load_s']:7.2f} {r['run_s']:7.2f} {r['cpu_s']:7.2f} {r['docs'] / r['run_s']:7.1f} "
              f"{r['words'] / r['run_s']:8.0f} {r['peak_mb']:8.0f} {r['run_s'] / base['run_s']:11.2f} "
              f"{r['cpu_s'] / base['cpu_s']:10.2f} {r['peak_mb'] / base['peak_mb']:10.2f}")  # fmt: skip
    print("\nthroughput vs bare spaCy (base time / stage time): "
          + ", ".join(f"{stage} {base['run_s'] / r['run_s']:.2f}x" for stage, r in results.items()))  # fmt: skip


if __name__ == "__main__":
    main()
