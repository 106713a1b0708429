"""Score event-place linking on sentences whose event verb and event place are marked (the event_location format:
``id``, ``text``, ``event_verb`` [{start, end, text}], ``event_locations`` [{start, end, text}]).

For each marked verb, newskg's place is the place of the event whose trigger overlaps the verb (the event layer's
``place`` role), and, as a second reading, the place the linker finds nearest to that event's trigger. Two numbers per
system: among events that have a gold place, the share whose predicted place is one of them ("right"); among
events with no gold place, the share given a place anyway ("invented", lower is better). Baselines from the
model's NER in the same run: every place of the sentence, and the first one. "newskg linker" is the place
:func:`kg.extract.linking.nearest_place` links to newskg's event on the marked verb; "newskg linker on the marked
verb" links to the marked verb itself (no newskg event needed, like the baselines). Records split deterministically by
a hash of their id: ``aside`` (ids whose SHA-1 ends in an even hex digit... see :func:`split_of`) and ``dev``.

>>> split_of("APW_ENG_20031101.0130_5_shoot") in {"dev", "aside"}
True
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.evaluation.acled import same_place
from kg.extract.candidates import Places
from kg.extract.linking import nearest_place
from kg.extract.recorder import records_from_doc
from kg.records import DocumentRecord, Event

SYSTEMS = ("newskg events", "newskg linker", "newskg linker on the marked verb", "all places of the sentence",
           "first place of the sentence")  # fmt: skip


def split_of(record_id: str) -> str:
    """'aside' for one half of the ids (by SHA-1), 'dev' for the other: fixed before any error was looked at."""
    return "aside" if int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 2 else "dev"


def load_event_places(path: str | Path) -> list[dict[str, Any]]:
    """Read event_location records; raises ValueError on a line that is not one."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                data = json.loads(line)
                if not isinstance(data, dict) or "text" not in data or "event_verb" not in data:
                    raise ValueError(f"line {number}: needs 'text' and 'event_verb'")
                records.append(data)
    return records


@dataclass
class Tally:
    with_place: int = 0
    right: int = 0
    without_place: int = 0
    invented: int = 0

    def add(self, gold: list[dict], predicted: list[tuple[int, int, str]]) -> None:
        if gold:
            self.with_place += 1
            self.right += any(_hit(g, p) for g in gold for p in predicted[:1])
        else:
            self.without_place += 1
            self.invented += bool(predicted)


@dataclass
class Losses:
    """Where "newskg events" loses, among marked verbs that have a gold place: no newskg event on the verb, an
    event with no place, a wrong place; and, across all three, how many gold places newskg never recognised as a
    place at all (no place entity mention overlaps or names one)."""

    no_event: int = 0
    no_place: int = 0
    wrong_place: int = 0
    unrecognised: int = 0

    def add(
        self, has_event: bool, predicted: list[tuple[int, int, str]], gold: list[dict], unrecognised: bool
    ) -> None:
        if predicted and any(_hit(g, p) for g in gold for p in predicted[:1]):
            return
        if not has_event:
            self.no_event += 1
        elif not predicted:
            self.no_place += 1
        else:
            self.wrong_place += 1
        self.unrecognised += unrecognised


def event_on(record: DocumentRecord, verb: dict) -> Event | None:
    """newskg's event on a marked verb: the one whose trigger overlaps it, else one that has the verb among its
    mentions ("a car bomb was detonated": the verb joined the noun's event).

    >>> from kg.records import DocumentRecord, Event, Mention
    >>> bomb, verb = Mention("d", 6, 10, "bomb"), Mention("d", 15, 24, "detonated")
    >>> record = DocumentRecord("d", "A car bomb was detonated.", events=(Event("e", "Bombing", bomb, (verb,)),))
    >>> event_on(record, {"start": 15, "end": 24}).key
    'e'
    """
    overlaps = [
        e
        for e in record.events
        for m in (e.trigger, *e.mentions)
        if m.start < verb["end"] and verb["start"] < m.end
    ]
    by_trigger = [e for e in overlaps if e.trigger.start < verb["end"] and verb["start"] < e.trigger.end]
    return next(iter(by_trigger or overlaps), None)


def _hit(gold: dict, predicted: tuple[int, int, str]) -> bool:
    start, end, text = predicted
    overlaps = start < gold["end"] and gold["start"] < end
    return overlaps or same_place(text, gold["text"])


@dataclass
class EventPlaceReport:
    n: int
    tallies: dict[str, dict[str, Tally]]  # split -> system -> tally
    seconds: float
    examples: list[dict[str, Any]] = field(default_factory=list)
    losses: dict[str, Losses] = field(default_factory=dict)  # split -> where "newskg events" loses

    def to_text(self) -> str:
        lines = [f"records: {self.n}   runtime: {self.seconds:.1f} s",
                 "right = the place given is a gold event place (events that have one); "
                 "invented = a place given to an event that has none (lower is better)", ""]  # fmt: skip
        for split, systems in sorted(self.tallies.items()):
            first = next(iter(systems.values()))
            lines.append(f"{split}: {first.with_place} events with a place, {first.without_place} without")
            for name in SYSTEMS:
                t = systems[name]
                right = t.right / t.with_place if t.with_place else 0.0
                invented = t.invented / t.without_place if t.without_place else 0.0
                lines.append(f"  {name:<34} right {right:.3f}   invented {invented:.3f}")
            if split in self.losses:
                lost = self.losses[split]
                lines.append(f"  newskg events lose {lost.no_event + lost.no_place + lost.wrong_place}: no event on the "
                             f"verb {lost.no_event}, no place {lost.no_place}, wrong place {lost.wrong_place}; gold "
                             f"place not recognised as a place {lost.unrecognised}")  # fmt: skip
        return "\n".join(lines)

    def to_json(self) -> str:
        data = {
            split: {name: t.__dict__ for name, t in systems.items()}
            for split, systems in self.tallies.items()
        }
        losses = {split: lost.__dict__ for split, lost in self.losses.items()}
        return json.dumps({"n": self.n, "seconds": self.seconds, "tallies": data, "losses": losses}, indent=2)


def evaluate_event_places(
    nlp: Language, records: Sequence[dict[str, Any]], *, batch_size: int = 64
) -> EventPlaceReport:
    """Run the pipeline on every sentence and tally newskg and the baselines per split."""
    started = time.perf_counter()
    tallies: dict[str, dict[str, Tally]] = {}
    losses: dict[str, Losses] = {}

    def docs():
        for item in records:
            doc = nlp.make_doc(item["text"])
            doc._.kg_doc_id = str(item.get("id", "doc"))
            yield doc

    for item, doc in zip(records, nlp.pipe(docs(), batch_size=batch_size), strict=True):
        record = records_from_doc(doc)
        mentions = {e.key: e.mentions for e in record.entities}
        ner = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC"}]
        found_places = [(m.start, m.end, m.text) for e in record.entities if e.is_place for m in e.mentions]
        split_name = split_of(str(item.get("id", "")))
        split = tallies.setdefault(split_name, {name: Tally() for name in SYSTEMS})
        triggers = {t.i for e in record.events for t in doc.char_span(e.trigger.start, e.trigger.end,
                                                                     alignment_mode="expand") or ()}  # fmt: skip
        for verb in item["event_verb"]:
            gold = item.get("event_locations") or []
            event = event_on(record, verb)
            # the event's place is an entity, named by any of its mentions ("Afghan forces", "Afghanistan"): the
            # first place entity counts as right when one of its mentions is a gold place
            keys = event.roles.get("place", ()) if event is not None else ()
            places = [(m.start, m.end, m.text) for key in keys[:1] for m in mentions.get(key, ())]
            places = _any_first(gold, places) + [
                (m.start, m.end, m.text) for k in keys[1:] for m in mentions.get(k, ())
            ]
            linked: list[tuple[int, int, str]] = []
            if event is not None:
                trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
                candidates = Places(trigger.sent, list(record.entities), {})
                name, _ = nearest_place(candidates, trigger.root, triggers)
                start = item["text"].find(name) if name else -1
                linked = [(start, start + len(name), name)] if name and start >= 0 else []
            split["newskg events"].add(gold, places)
            if gold:
                unrecognised = not any(_hit(g, p) for g in gold for p in found_places)
                losses.setdefault(split_name, Losses()).add(event is not None, places, gold, unrecognised)
            split["newskg linker"].add(gold, linked)
            split["newskg linker on the marked verb"].add(gold, _on_verb(doc, verb, record, triggers))
            split["all places of the sentence"].add(gold, ner if not gold else _any_first(gold, ner))
            split["first place of the sentence"].add(gold, ner[:1])
    return EventPlaceReport(len(records), tallies, time.perf_counter() - started, losses=losses)


def _on_verb(doc: Doc, verb: dict, record: DocumentRecord, triggers: set[int]) -> list[tuple[int, int, str]]:
    """The linker on the marked verb itself, whether newskg has an event there or not (the baselines' footing)."""
    span = doc.char_span(verb["start"], verb["end"], alignment_mode="expand")
    if span is None:
        return []
    name, _ = nearest_place(Places(span.sent, list(record.entities), {}), span.root, triggers | {span.root.i})
    start = doc.text.find(name) if name else -1
    return [(start, start + len(name), name)] if name and start >= 0 else []


def _any_first(gold: list[dict], places: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """'Every place of the sentence' is right when any of them is a gold place: put a matching one first."""
    return sorted(places, key=lambda p: not any(_hit(g, p) for g in gold))
