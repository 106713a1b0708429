"""Flat tables from a built graph: one row per event, one row per resolved actor or place.

Both tables come from SPARQL over the union of the document graphs (``kg/queries/events.rq`` and
``entities.rq``); this module only splits the grouped columns back into lists and writes CSV or JSONL.

>>> from kg.rdf.io import new_dataset
>>> event_rows(new_dataset()), entity_rows(new_dataset())
([], [])
>>> to_csv([{"agents": [{"label": "ISIS", "iri": "https://w3id.org/newskg/id/actor/isis"}]}], ["agents"])
'agents\\nISIS <https://w3id.org/newskg/id/actor/isis>\\n'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from rdflib import Dataset, Graph

from kg.rdf.query import named_query, run_query

ITEM_SEP, FIELD_SEP = "\x1f", "\x1e"
EVT_PREFIX = "https://w3id.org/newskg/event-type/"
# Fields of each item of a grouped column, in the order events.rq concatenates them.
ITEM_FIELDS = {
    "agents": ("label", "iri"),
    "targets": ("label", "iri"),
    "themes": ("label", "iri"),
    "recipients": ("label", "iri"),
    "places": ("label", "iri", "latitude", "longitude", "name"),
    "quantities": ("value", "qualifier", "unit", "status"),
    "speakers": ("label", "iri"),
}
SCALARS = {"docId": "doc_id", "document": "document", "event": "event", "type": "type", "label": "label",
           "trigger": "trigger", "cameo": "cameo", "plover": "plover", "acledEventType": "acled_event_type",
           "acledSubEventType": "acled_sub_event_type", "date": "date", "datePrecision": "date_precision",
           "startDate": "start_date", "endDate": "end_date", "certainty": "certainty",
           "polarity": "polarity"}  # fmt: skip
EVENT_COLUMNS = [*SCALARS.values(), *ITEM_FIELDS, "evidence"]
ENTITY_COLUMNS = ["entity", "label", "kinds", "aliases", "identifiers", "latitude", "longitude",
                  "geo_precision", "mentions", "documents"]  # fmt: skip


def _items(cell: str | None) -> list[str]:
    return [item for item in (cell or "").split(ITEM_SEP) if item]


def _number(text: str) -> int | float | str:
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() else value


def _item(column: str, text: str) -> dict[str, Any]:
    values: dict[str, Any] = dict(zip(ITEM_FIELDS[column], text.split(FIELD_SEP), strict=False))
    for key in ("latitude", "longitude", "value"):
        if values.get(key):
            values[key] = _number(values[key])
    return {k: (v if v != "" else None) for k, v in values.items()}


def _evidence(cell: str | None) -> str | None:
    """The sentence of the earliest mention of the event."""
    split = [item.split(FIELD_SEP, 1) for item in _items(cell)]
    pairs = [(int(start), text) for start, text in split if start.isdigit()]
    return min(pairs)[1] if pairs else None


def _place_names(cell: str | None) -> dict[str, str]:
    """Place IRI -> its name as the event's sentence writes it (the smallest text when the sentence has two)."""
    names: dict[str, str] = {}
    for item in _items(cell):
        iri, _, text = item.partition(FIELD_SEP)
        names[iri] = min(names.get(iri, text), text)
    return names


def _cells(graph: Graph | Dataset, query: str) -> list[dict[str, str | None]]:
    """Rows of a named query (kg/queries/<query>.rq) as variable -> value dicts."""
    result = run_query(graph, named_query(query))
    return [dict(zip(result.variables, raw, strict=True)) for raw in result.rows]


def event_rows(graph: Graph | Dataset) -> list[dict[str, Any]]:
    """One dict per event (claims excluded): scalars as strings, roles/places/quantities/speakers as lists.

    >>> from kg.rdf.io import new_dataset
    >>> event_rows(new_dataset())
    []
    """
    rows = []
    for cells in _cells(graph, "events"):
        row: dict[str, Any] = {name: cells.get(var) for var, name in SCALARS.items()}
        if row["type"]:
            row["type"] = row["type"].removeprefix(EVT_PREFIX)
        for column in ITEM_FIELDS:
            row[column] = [_item(column, text) for text in sorted(_items(cells.get(column)))]
        names = _place_names(cells.get("placeNames"))
        for place in row["places"]:
            place["name"] = names.get(place["iri"])
        row["evidence"] = _evidence(cells.get("evidence"))
        rows.append(row)
    return rows


def entity_rows(graph: Graph | Dataset) -> list[dict[str, Any]]:
    """One dict per actor or place: kinds, aliases, identifiers, coordinates, mention count, documents.

    >>> from kg.rdf.io import new_dataset
    >>> entity_rows(new_dataset())
    []
    """
    rows = []
    for cells in _cells(graph, "entities"):
        rows.append({
            "entity": cells["entity"], "label": cells.get("label"),
            "kinds": sorted(_items(cells.get("kinds"))), "aliases": sorted(_items(cells.get("aliases"))),
            "identifiers": sorted(_items(cells.get("identifiers"))),
            "latitude": _number(str(cells["lat"])) if cells.get("lat") else None,
            "longitude": _number(str(cells["lon"])) if cells.get("lon") else None,
            "geo_precision": cells.get("geoPrecision"), "mentions": int(cells.get("mentions") or 0),
            "documents": sorted(_items(cells.get("documents"))),
        })  # fmt: skip
    return rows


def cell_text(value: Any) -> str:
    """One CSV cell: lists joined with '; ', items as 'label <iri>' or their fields joined with spaces."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        if "iri" in value:
            name = value.get("name")
            named = f' ("{name}")' if name and name != value.get("label") else ""
            text = f"{value.get('label') or ''}{named} <{value['iri']}>".strip()
            if value.get("latitude") is not None:
                text += f" @{value['latitude']},{value['longitude']}"
            return text
        return " ".join(str(v) for v in value.values() if v is not None)
    return str(value)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """CSV text with a header; list cells joined with '; '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([cell_text(row.get(c)) for c in columns])
    return out.getvalue()


def to_jsonl(rows: Sequence[dict[str, Any]]) -> str:
    """One JSON object a line (lists and items kept structured)."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
