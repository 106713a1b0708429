"""The incident table: one row per :class:`kg:Incident` with ACLED's column names where ACLED has the field.

ACLED columns: ``event_id_cnty`` (here the incident IRI), ``event_date``, ``time_precision`` (1 day, 2 about a
week, 3 month or year), ``event_type``, ``sub_event_type``, ``actor1``, ``assoc_actor_1``, ``inter1``, ``actor2``,
``assoc_actor_2``, ``inter2``, ``admin1``..``admin3`` (from the parents the text or gazetteer gives, the largest
as admin1), ``location``, ``latitude``, ``longitude``, ``source`` (the document id), ``notes`` (the evidence
sentences) and ``fatalities``. newskg adds ``injured``, ``plover``, ``cameo``, ``certainty``, ``confidence``,
``start_date``/``end_date`` and ``events`` (the mention-level events that describe it).

>>> from kg.rdf.io import new_dataset
>>> incident_rows(new_dataset())
[]
>>> admin_levels("Kafr Nabudah", "Suqaylabiyah > Hama")
('Hama', 'Suqaylabiyah', '')
"""

from __future__ import annotations

from typing import Any

from rdflib import Dataset, Graph

from kg.rdf.query import named_query, run_query

ITEM_SEP = "\x1f"
INCIDENT_COLUMNS = [
    "event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
    "inter1", "actor2", "assoc_actor_2", "inter2", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "source", "notes", "fatalities", "injured", "plover", "cameo", "certainty", "confidence",
    "start_date", "end_date", "events",
]  # fmt: skip
TIME_PRECISION = {"day": 1, "approximate": 2, "month": 3, "year": 3}


def admin_levels(location: str | None, path: str | None) -> tuple[str, str, str]:
    """admin1, admin2, admin3 from a most-specific-first parent path (the largest parent is admin1)."""
    parents = [p for p in (path or "").split(" > ") if p and p != location]
    largest_first = list(reversed(parents))[:3]
    return tuple(largest_first + [""] * (3 - len(largest_first)))  # type: ignore[return-value]


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _items(cell: str | None) -> list[str]:
    return sorted(item for item in (cell or "").split(ITEM_SEP) if item)


def incident_rows(graph: Graph | Dataset, *, min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """One dict per incident whose confidence is at least ``min_confidence``, in ACLED column names."""
    result = run_query(graph, named_query("incident_table"))
    rows = []
    for raw in result.rows:
        cells = dict(zip(result.variables, raw, strict=True))
        confidence = float(cells.get("confidence") or 0)
        if confidence < min_confidence:
            continue
        actors1, actors2 = _items(cells.get("actors1")), _items(cells.get("actors2"))
        admin1, admin2, admin3 = admin_levels(cells.get("location"), cells.get("adminPath"))
        rows.append({
            "event_id_cnty": cells.get("incident"), "event_date": cells.get("date"),
            "time_precision": TIME_PRECISION.get(cells.get("datePrecision") or ""),
            "event_type": cells.get("eventType"), "sub_event_type": cells.get("subEventType"),
            "actor1": actors1[0] if actors1 else None, "assoc_actor_1": "; ".join(actors1[1:]) or None,
            "inter1": _int(cells.get("inter1")),
            "actor2": actors2[0] if actors2 else None, "assoc_actor_2": "; ".join(actors2[1:]) or None,
            "inter2": _int(cells.get("inter2")), "admin1": admin1 or None, "admin2": admin2 or None,
            "admin3": admin3 or None, "location": cells.get("location") or cells.get("placeLabel"),
            "latitude": cells.get("latitude"), "longitude": cells.get("longitude"), "source": cells.get("docId"),
            "notes": " ".join(_items(cells.get("evidence"))), "fatalities": _int(cells.get("fatalities")),
            "injured": _int(cells.get("injured")), "plover": cells.get("plover"), "cameo": cells.get("cameo"),
            "certainty": cells.get("certainty"), "confidence": confidence,
            "start_date": cells.get("startDate"), "end_date": cells.get("endDate"),
            "events": _items(cells.get("events")),
        })  # fmt: skip
    return rows
