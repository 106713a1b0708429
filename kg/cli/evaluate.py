"""``kg evaluate``: score the extractor against gold files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import app, console, emit, fail, status


def _gold_format(path: Path) -> str:
    """'acled' (lines with 'incidents'), 'event_location' (lines with 'event_verb') or 'plover'."""
    import json

    with open(path, encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        data = json.loads(first) if first else {}
    except json.JSONDecodeError:
        return "plover"
    if isinstance(data, dict) and "incidents" in data:
        return "acled"
    return "event_location" if isinstance(data, dict) and "event_verb" in data else "plover"


def _evaluate_other(kind: str, gold: Path, model: str | None, json_out: bool, min_confidence: float) -> None:
    from kg.evaluation.acled import AcledReport, evaluate_acled, load_acled_gold
    from kg.evaluation.event_places import EventPlaceReport, evaluate_event_places, load_event_places
    from kg.extract.pipeline import ModelNotFoundError, load_pipeline

    try:
        records = load_acled_gold(gold) if kind == "acled" else load_event_places(gold)
        nlp = load_pipeline(model)
    except (ValueError, KeyError, TypeError) as error:
        fail(f"{gold}: not {kind} gold JSONL ({error})")
    except ModelNotFoundError as error:
        fail(str(error))
    with console.status(f"evaluating on {len(records)} {kind} record(s)"):
        report: AcledReport | EventPlaceReport = (
            evaluate_acled(nlp, records, min_confidence=min_confidence)
            if kind == "acled"
            else evaluate_event_places(nlp, records)
        )
    console.print(report.to_json() if json_out else report.to_text(), highlight=False, markup=False)


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold records, one JSON object a line: PLOVER sentences (benchmarks/data/plover_gsr_cameo.jsonl), "
            "ACLED-style reports (tests/data/acled/dev.jsonl) or event_location sentences; detected from the "
            "first line."
        ),
    ],
    model: Annotated[str | None, typer.Option(help="Installed spaCy pipeline.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    min_confidence: Annotated[
        float, typer.Option(help="ACLED-style gold: score only incidents at least this confident.")
    ] = 0.0,
) -> None:
    """Score newskg against gold files with naive baselines beside it: PLOVER event classes and source/target
    actors; ACLED-style incidents (type, sub-type, date, place, fatalities, inter code, type precision); event
    places (see docs/evaluation.md)."""
    from kg.evaluation.evaluate import evaluate as run_evaluation
    from kg.evaluation.evaluate import load_gold
    from kg.extract.pipeline import ModelNotFoundError, load_pipeline

    if not gold.is_file():
        fail(f"{gold}: no such gold file")
    try:
        kind = _gold_format(gold)
    except (OSError, UnicodeDecodeError) as error:
        fail(f"{gold}: cannot read ({error})")
    if kind != "plover":
        return _evaluate_other(kind, gold, model, json_out, min_confidence)
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
