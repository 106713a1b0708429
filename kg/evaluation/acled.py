"""Score incidents against an ACLED-style gold file, with the naive baselines measured in the same run.

Gold: one JSON object a line with ``id``, ``text``, optional ``date`` (the report's) and ``incidents``, each with
``event_type``, ``sub_event_type``, ``event_date``, ``location``, ``admin1``..``admin3``, ``actor1``, ``actor2``,
``inter1``, ``inter2``, ``fatalities`` (see ``docs/evaluation.md``). Scoring is lenient, as in issue #12: a gold
incident's slot is right when any incident predicted for its report has that value. Type precision is the share
of predicted incidents whose type is one the report's gold has.

>>> same_place("Deir al-Balah", "Deir El Balah"), same_place("Kafr Nabudah", "Hama")
(True, False)
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from kg.evaluation.baselines import first_date, keyword_types, ner_places
from kg.extract.events.deaths import fatalities_of
from kg.extract.recorder import records_from_doc
from kg.rdf.codes import coded_in_context, codes_by_event
from kg.rdf.ontology import event_type_mappings
from kg.records import DocumentRecord, Entity, Event

SLOTS = ("event_type", "sub_event_type", "event_date", "place", "fatalities", "inter1", "type_precision")
SYSTEMS = ("newskg", "newskg events", "keywords + first date + first place", "all places of the report")


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"\b(?:al|el|ad|ash|as|an|ar|at|az|the)[\s-]+", "", text)
    return re.sub(r"[^a-z0-9]", "", text)


def same_place(predicted: str, gold: str) -> bool:
    """Names match when equal after normalising articles, accents and punctuation, or one contains the other."""
    p, g = _norm(predicted), _norm(gold)
    if not p or not g:
        return False
    return p == g or (min(len(p), len(g)) >= 4 and (p in g or g in p))


@dataclass(frozen=True)
class Guess:
    """What one system predicts for one report: coded incidents (type, sub-type, date, places, fatalities, inter1)."""

    event_type: str | None = None
    sub_event_type: str | None = None
    event_date: str | None = None
    places: tuple[str, ...] = ()
    fatalities: int | None = None
    inter1: int | None = None


@dataclass
class AcledReport:
    n_reports: int
    n_incidents: int
    scores: dict[str, dict[str, float]]  # slot -> system -> value
    predicted: dict[str, int]
    seconds: float
    rows: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        width = max(len(s) for s in SYSTEMS) + 2
        lines = [f"reports: {self.n_reports}   gold incidents: {self.n_incidents}   runtime: {self.seconds:.1f} s",
                 "lenient: a gold incident's slot is right when any prediction for its report has it", "",
                 f"{'slot':<16}" + "".join(f"{s:>{width}}" for s in SYSTEMS)]  # fmt: skip
        for slot in SLOTS:
            cells = [self.scores[slot].get(s) for s in SYSTEMS]
            lines.append(
                f"{slot:<16}" + "".join(f"{'-' if c is None else f'{c:.3f}':>{width}}" for c in cells)
            )
        lines.append(f"{'predicted':<16}" + "".join(f"{self.predicted.get(s, 0):>{width}d}" for s in SYSTEMS))
        return "\n".join(lines)


def load_acled_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read ACLED-style gold reports; raises ValueError on a line that is not one."""
    reports = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            data = json.loads(line)
            if (
                not isinstance(data, dict)
                or "text" not in data
                or not isinstance(data.get("incidents"), list)
            ):
                raise ValueError(f"line {number}: needs 'text' and a list of 'incidents'")
            reports.append(data)
    return reports


def newskg_guesses(record: DocumentRecord, min_confidence: float = 0.0) -> list[Guess]:
    labels = {e.key: e for e in record.entities}
    return [
        Guess(i.event_type, i.sub_event_type, i.date.value if i.date else None,
              tuple(p for p in (i.location, *i.admin) if p), i.fatalities, i.inter1)
        for i in record.incidents
        if i.confidence >= min_confidence and labels is not None
    ]  # fmt: skip


def written_name(entity: Entity | None, event: Event) -> str | None:
    """The entity's name as a sentence of the event writes it (``kg events`` exports it beside the label, as
    events.rq picks it: the smallest text)."""
    sentences = {m.sentence for m in (event.trigger, *event.mentions)}
    names = [m.text for m in (entity.mentions if entity else ()) if m.sentence in sentences]
    return min(names) if names else None


def event_guesses(record: DocumentRecord, mappings: dict[str, dict[str, str]]) -> list[Guess]:
    """Mention-level events as ``kg events`` exports them: the ACLED codes of their incident (else of their type,
    as newskg 0.1.0 had them), date and places."""
    labels = {e.key: e.label for e in record.entities}
    entities = {e.key: e for e in record.entities}
    codes = codes_by_event(record)
    guesses = []
    for event in record.events:
        mapped = coded_in_context(mappings.get(event.type, {}), codes.get(event.key))
        keys = [k for r in ("place", "origin", "destination") for k in event.roles.get(r, ())]
        places = tuple(labels.get(k, k) for k in keys) + tuple(
            name for k in keys if (name := written_name(entities.get(k), event))
        )
        guesses.append(
            Guess(
                mapped.get("acled_event_type"),
                mapped.get("acled_sub_event_type"),
                event.date.value if event.date else None,
                places,
                fatalities_of(event.type, event.quantities),
            )
        )
    return guesses  # fmt: skip


def _slot_right(slot: str, gold: dict[str, Any], guesses: Sequence[Guess]) -> bool:
    if slot == "place":
        names = [str(gold[k]) for k in ("location", "admin3", "admin2", "admin1") if gold.get(k)]
        return any(same_place(p, g) for guess in guesses for p in guess.places for g in names)
    if slot == "fatalities":
        return any((g.fatalities or 0) == (gold.get("fatalities") or 0) for g in guesses)
    return any(getattr(g, slot) is not None and getattr(g, slot) == gold.get(slot) for g in guesses)


def evaluate_acled(
    nlp: Language, reports: Sequence[dict[str, Any]], *, min_confidence: float = 0.0, batch_size: int = 16
) -> AcledReport:
    """Run the pipeline on every report and score newskg and the baselines slot by slot."""
    mappings = event_type_mappings()
    started = time.perf_counter()
    docs = []
    for report in reports:
        doc = nlp.make_doc(report["text"])
        doc._.kg_doc_id, doc._.kg_date = str(report.get("id", "doc")), report.get("date")
        docs.append(doc)
    right: dict[str, dict[str, int]] = {slot: dict.fromkeys(SYSTEMS, 0) for slot in SLOTS}
    precise = dict.fromkeys(SYSTEMS, 0)
    predicted = dict.fromkeys(SYSTEMS, 0)
    n_gold, rows = 0, []
    for report, doc in zip(reports, nlp.pipe(docs, batch_size=batch_size), strict=True):
        record = records_from_doc(doc)
        date, places = first_date(doc, report.get("date")), ner_places(doc)
        keywords = keyword_types(doc)
        systems: dict[str, list[Guess]] = {
            "newskg": newskg_guesses(record, min_confidence),
            "newskg events": event_guesses(record, mappings),
            "keywords + first date + first place": [Guess(t, None, date, tuple(places[:1])) for t in keywords]
            or [Guess(None, None, date, tuple(places[:1]))],
            "all places of the report": [Guess(t, None, date, tuple(places)) for t in keywords]
            or [Guess(None, None, date, tuple(places))],
        }
        gold_types = {g["event_type"] for g in report["incidents"]}
        for name, guesses in systems.items():
            typed = [g for g in guesses if g.event_type]
            predicted[name] += len(typed)
            precise[name] += sum(g.event_type in gold_types for g in typed)
        for gold in report["incidents"]:
            n_gold += 1
            for slot in SLOTS[:-1]:
                for name, guesses in systems.items():
                    right[slot][name] += _slot_right(slot, gold, guesses)
        rows.append({"id": report.get("id"), "gold": [(g["event_type"], g.get("event_date"), g.get("location"))
                     for g in report["incidents"]], "newskg": [(g.event_type, g.event_date, g.places)
                     for g in systems["newskg"]]})  # fmt: skip
    scores = {
        slot: {name: right[slot][name] / n_gold if n_gold else 0.0 for name in SYSTEMS} for slot in SLOTS[:-1]
    }
    scores["type_precision"] = {n: precise[n] / predicted[n] if predicted[n] else 0.0 for n in SYSTEMS}
    for name in SYSTEMS[2:]:  # the baselines code no sub-type, count or actor type
        for slot in ("sub_event_type", "fatalities", "inter1"):
            scores[slot].pop(name, None)
    return AcledReport(len(reports), n_gold, scores, predicted, time.perf_counter() - started, rows)


ScoreFn = Callable[[Language, Sequence[dict[str, Any]]], AcledReport]
