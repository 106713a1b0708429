"""``kg incidents``: one row per reported happening, with ACLED's column names (``kg events --level incident``
prints the same table)."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.common import TargetArg, app, fail, load_target, write_rows

MinConfidence = Annotated[
    float, typer.Option("--min-confidence", help="Leave out incidents below this confidence (0 to 1).")
]


def write_incidents(target, format: str, min_confidence: float) -> None:  # noqa: A002 - matches --format
    """Print the incident table of a built graph or store as CSV or JSONL."""
    from kg.rdf.incident_table import INCIDENT_COLUMNS, incident_rows

    if format not in {"csv", "jsonl"}:
        fail(f"--format must be csv or jsonl, not {format!r}")
    if not 0.0 <= min_confidence <= 1.0:
        fail(f"--min-confidence must be between 0 and 1, not {min_confidence}")
    write_rows(incident_rows(load_target(target), min_confidence=min_confidence), INCIDENT_COLUMNS, format)


@app.command()
def incidents(
    target: TargetArg,
    format: Annotated[str, typer.Option("--format", help="csv or jsonl.")] = "csv",
    min_confidence: MinConfidence = 0.0,
) -> None:
    """One row per incident (a reported happening): ACLED event type and sub-type, date, actors with inter codes,
    location and admin levels, coordinates, fatalities, injured, confidence and the evidence as notes."""
    write_incidents(target, format, min_confidence)
