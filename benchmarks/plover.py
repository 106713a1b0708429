"""Benchmark: run ``kg.evaluation.evaluate`` on the vendored PLOVER gold standard (322 sentences) and print the scores.

    /tmp/venv/bin/python benchmarks/plover.py [--json] [--errors] [--model M]

Data: benchmarks/data/plover_gsr_cameo.jsonl (CC BY-SA 4.0, Open Event Data Alliance; see data/NOTICE.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.evaluation.evaluate import evaluate, load_gold
from kg.extract.pipeline import load_pipeline

DATA = Path(__file__).parent / "data" / "plover_gsr_cameo.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DATA)
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument(
        "--errors",
        choices=["tuning", "held-out", "all"],
        default=None,
        help="also list misclassified sentences of one split",
    )
    args = parser.parse_args()
    gold = load_gold(args.gold)
    report = evaluate(load_pipeline(args.model), gold)
    print(report.to_json() if args.json else report.to_text())
    if args.errors:
        start, step = {"tuning": (0, 2), "held-out": (1, 2), "all": (0, 1)}[args.errors]
        texts = {g.id: g.text for g in gold}
        for p in report.predictions[start::step]:
            if p.gold != p.predicted:
                print(f"{p.gold:<11} -> {p.predicted:<11} [{p.trigger}] {texts[p.id]}")


if __name__ == "__main__":
    main()
