"""``kg evaluate``: score the extractor against gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import app, console, emit, fail, status


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="PLOVER gold records, one JSON object a line (e.g. benchmarks/data/plover_gsr_cameo.jsonl)."
        ),
    ],
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Score event classes and source/target actors against PLOVER gold sentences (see docs/evaluation.md)."""
    from kg.evaluation.evaluate import evaluate as run_evaluation
    from kg.evaluation.evaluate import load_gold
    from kg.extract.pipeline import ModelNotFoundError, load_pipeline

    if not gold.is_file():
        fail(f"{gold}: no such gold file")
    try:
        records = load_gold(gold)
        nlp = load_pipeline(model)
    except (ValueError, KeyError, UnicodeDecodeError) as error:
        fail(f"{gold}: not PLOVER gold JSONL ({error})")
    except ModelNotFoundError as error:
        fail(str(error))
    with status(f"evaluating on {len(records)} gold sentence(s)"):
        report = run_evaluation(nlp, records)
    if json_out:
        emit(report.to_json())
    else:
        console.print(report.to_text(), highlight=False, markup=False)
