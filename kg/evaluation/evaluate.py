"""Score the extractor on PLOVER gold-standard sentences: event class, source actors, target actors.

Each gold sentence runs through the real pipeline. The sentence's predicted PLOVER class is the ``kg:plover``
mapping of its *main event*: among the events whose type has a PLOVER mapping, the one whose trigger sits
highest in the dependency tree (the root, else the nearest to it), ties broken by the earliest trigger.
Claims (reporting acts, ``evt:Statement``) have no PLOVER class, so a sentence with only claims predicts
``NONE``; a violent event part of an incident whose code names a weapon takes it ("killed in a car bomb" is
ASSAULT, see :func:`kg.rdf.codes.coded_in_context`). Sources are the main event's agents, not who reports it
(PLOVER's source carries the act out: "a bomb killed two soldiers, the army said" has none); targets its
target, theme (unless a recipient, destination or origin names whom a movement is directed at), recipient,
destination and origin roles, else its first place (PLOVER, like CAMEO, codes actors
by country or place: "imposed a curfew in Cizre" has the target Cizre). A gold actor text matches a predicted
actor when, case-insensitively, it overlaps one of that actor's mention spans in the sentence, or contains / is
contained in one of its mention texts, its label or its aliases.

>>> from kg.extract.pipeline import load_pipeline
>>> gold = [GoldRecord("r1", "Iran protested.", "PROTEST", ("Iran",), ())]
>>> evaluate(load_pipeline(), gold).n                                       # doctest: +SKIP
1
>>> accuracy([("AGREE", "AGREE"), ("AGREE", "NONE")])
0.5
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.evaluation.baselines import keyword_plover, ner_actors
from kg.evaluation.plover import PLOVER_ALIASES, event_class, main_event, plover_class  # noqa: F401 (re-exported)
from kg.evaluation.scores import NONE, PRF, accuracy, actor_prf, confusion, f1, per_class  # noqa: F401 (re-exported)
from kg.extract.pipeline import records_from_doc
from kg.rdf.codes import codes_by_event
from kg.rdf.ontology import event_type_mappings
from kg.records import DocumentRecord, Entity, Event, Mention

# PLOVER's target is whoever the action is directed at, which includes where people or aid are sent to or taken
# from ("deliveries to Afghanistan", "withdraw troops from Lebanon"); what is moved (the theme: "its troops")
# is a target only when the act names no recipient, destination or origin (see sources_and_targets).
TARGET_ROLES = ("target", "theme", "recipient", "destination", "origin")


@dataclass(frozen=True)
class GoldRecord:
    """One coded sentence: its PLOVER class and the texts of its source and target actors."""

    id: str
    text: str
    event: str
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prediction:
    """What the pipeline said about one gold sentence."""

    id: str
    gold: str
    predicted: str
    trigger: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    source_hits: tuple[int, int, int, int]  # matched gold, gold, matched predicted, predicted
    target_hits: tuple[int, int, int, int]


@dataclass
class EvaluationReport:
    """Scores over a gold set. Records at even 0-based positions form the tuning split (the lexicon was tuned
    on their errors only); odd positions are the held-out split."""

    n: int
    accuracy: float
    accuracy_tuning: float
    accuracy_held_out: float
    per_class: dict[str, PRF]
    confusion: dict[str, dict[str, int]]
    source: PRF
    target: PRF
    seconds: float
    predictions: list[Prediction] = field(default_factory=list)
    # the same run's naive baseline: keyword class, first / second actor-like NER entity as source / target
    baseline: dict[str, Any] = field(default_factory=dict)
    # actor scores per split: {"tuning": {"source": PRF, "target": PRF}, "held_out": {...}}, baseline's beside
    splits: dict[str, dict[str, PRF]] = field(default_factory=dict)
    baseline_splits: dict[str, dict[str, PRF]] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        lines = [f"records: {self.n}   runtime: {self.seconds:.1f} s",
                 f"event class accuracy: {self.accuracy:.3f} (tuning split {self.accuracy_tuning:.3f}, "
                 f"held-out split {self.accuracy_held_out:.3f})",
                 f"source actors P/R/F1: {_prf(self.source)}",
                 f"target actors P/R/F1: {_prf(self.target)}"]  # fmt: skip
        if self.baseline:
            lines += [
                f"baseline (keyword class, first / second NER actor): accuracy {self.baseline['accuracy']:.3f}, "
                f"source P/R/F1 {_prf(self.baseline['source'])}, target P/R/F1 {_prf(self.baseline['target'])}"
            ]
        for split, scores in self.splits.items():
            naive = self.baseline_splits.get(split, {})
            lines.append(
                f"{split.replace('_', '-')} split: source F1 {scores['source'].f1:.3f}, target F1 "
                f"{scores['target'].f1:.3f}"
                + (f" (baseline {naive['source'].f1:.3f} / {naive['target'].f1:.3f})" if naive else "")
            )
        lines += ["",
                 f"{'class':<12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]  # fmt: skip
        for name, score in sorted(self.per_class.items()):
            lines.append(
                f"{name:<12} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} {score.support:5d}"
            )
        return "\n".join(lines)


def _prf(score: PRF) -> str:
    return f"{score.precision:.3f} / {score.recall:.3f} / {score.f1:.3f}"


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read PLOVER gold records (one JSON object a line with ``id``, ``text``, ``gold``)."""
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    raw = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"line {number}: not valid JSON ({error.msg})") from None
                gold = raw.get("gold") if isinstance(raw, dict) else None
                if not (
                    isinstance(gold, dict)
                    and isinstance(raw.get("text"), str)
                    and isinstance(gold.get("event"), str)
                ):
                    raise ValueError(
                        f"line {number}: needs a string 'text' and a 'gold' object with a string 'event'"
                    )
                records.append(GoldRecord(
                    str(raw.get("id", number)), raw["text"], str(PLOVER_ALIASES.get(gold["event"], gold["event"])),
                    _actor_texts(gold, "source_actors", number), _actor_texts(gold, "target_actors", number),
                ))  # fmt: skip
    if not records:
        raise ValueError("no gold records in the file")
    return records


def _actor_texts(gold: dict, key: str, number: int) -> tuple[str, ...]:
    actors = gold.get(key) or []
    if not isinstance(actors, list) or not all(isinstance(a, dict) for a in actors):
        raise ValueError(f"line {number}: gold '{key}' must be a list of objects")
    if not all(isinstance(a.get("text"), str | None) for a in actors):
        raise ValueError(f"line {number}: every gold '{key}' entry needs a string 'text'")
    return tuple(str(a["text"]) for a in actors if a.get("text"))


def _texts(entity: Entity) -> set[str]:
    return {t.lower() for t in (entity.label, *entity.aliases, *(m.text for m in entity.mentions)) if t}


def matches(gold: str, entity: Entity, sentence: str) -> bool:
    """Gold actor text vs one predicted actor: span overlap in the sentence, or text containment. Runs of spaces
    in the gold text count as one (the coders' "NATO  peacekeeping troops" is the sentence's "NATO peacekeeping
    troops")."""
    needle = " ".join(gold.lower().split())
    start = sentence.lower().find(needle)
    if start >= 0 and any(m.start < start + len(needle) and start < m.end for m in entity.mentions):
        return True
    return any(needle in text or (len(text) >= 3 and text in needle) for text in _texts(entity))


def _hits(gold: Sequence[str], predicted: Sequence[Entity], sentence: str) -> tuple[int, int, int, int]:
    matched_gold = sum(any(matches(g, e, sentence) for e in predicted) for g in gold)
    matched_pred = sum(any(matches(g, e, sentence) for g in gold) for e in predicted)
    return matched_gold, len(gold), matched_pred, len(predicted)


def sources_and_targets(record: DocumentRecord, event: Event | None) -> tuple[list[Entity], list[Entity]]:
    """An event's source actors (its agents) and targets as PLOVER codes them (see TARGET_ROLES)."""
    if event is None:
        return [], []
    entities = {e.key: e for e in record.entities}
    sources = list(event.roles.get("agent", ()))
    # PLOVER codes actors by country or place, so an action directed at no actor is directed at its place
    # ("imposed a curfew in Cizre": target Cizre); the graph keeps it a place (kg:place), the gold reads a target
    roles: tuple[str, ...] = TARGET_ROLES
    if any(event.roles.get(r) for r in ("recipient", "destination", "origin")):
        # "withdraw its troops from Lebanon": the act is directed at Lebanon; the troops are the source's own
        roles = tuple(r for r in TARGET_ROLES if r != "theme")
    targets = [k for role in roles for k in event.roles.get(role, ())] or list(
        event.roles.get("place", ())[:1]
    )
    pick = lambda keys: [entities[k] for k in dict.fromkeys(keys) if k in entities]  # noqa: E731
    return pick(sources), pick(targets)


def predict(gold: GoldRecord, doc: Doc, mappings: dict[str, dict[str, str]]) -> Prediction:
    """Score one processed gold sentence."""
    record = records_from_doc(doc)
    event = main_event(doc, record, mappings)
    sources, targets = sources_and_targets(record, event)
    incident = codes_by_event(record).get(event.key) if event else None
    return Prediction(
        gold.id, gold.event, (event_class(event, mappings, gold.text, incident) if event else None) or NONE,
        event.trigger.text if event else None,
        tuple(e.label for e in sources), tuple(e.label for e in targets),
        _hits(gold.sources, sources, gold.text), _hits(gold.targets, targets, gold.text),
    )  # fmt: skip


def evaluate(nlp: Language, records: Sequence[GoldRecord], *, batch_size: int = 32) -> EvaluationReport:
    """Run ``nlp`` (a :func:`kg.extract.pipeline.load_pipeline` pipeline) on every gold sentence and score it."""
    mappings = event_type_mappings()
    started = time.perf_counter()

    def docs() -> Iterable[Doc]:
        for gold in records:
            doc = nlp.make_doc(gold.text)
            doc._.kg_doc_id = gold.id
            yield doc

    docs_seen: list[Doc] = []
    predictions = []
    for gold, doc in zip(records, nlp.pipe(docs(), batch_size=batch_size), strict=True):
        predictions.append(predict(gold, doc, mappings))
        docs_seen.append(doc)
    pairs = [(p.gold, p.predicted) for p in predictions]
    naive = [_baseline(g, d) for g, d in zip(records, docs_seen, strict=True)]
    return EvaluationReport(
        n=len(pairs), accuracy=accuracy(pairs), accuracy_tuning=accuracy(pairs[0::2]),
        accuracy_held_out=accuracy(pairs[1::2]), per_class=per_class(pairs), confusion=confusion(pairs),
        source=actor_prf(p.source_hits for p in predictions),
        target=actor_prf(p.target_hits for p in predictions),
        seconds=time.perf_counter() - started, predictions=predictions,
        baseline={"accuracy": accuracy([(g.event, c) for g, (c, _, _) in zip(records, naive, strict=True)]),
                  "source": actor_prf(s for _, s, _ in naive), "target": actor_prf(t for _, _, t in naive)},
        splits={name: {"source": actor_prf(p.source_hits for p in predictions[first::2]),
                       "target": actor_prf(p.target_hits for p in predictions[first::2])}
                for name, first in SPLITS},
        baseline_splits={name: {"source": actor_prf(s for _, s, _ in naive[first::2]),
                                "target": actor_prf(t for _, _, t in naive[first::2])}
                         for name, first in SPLITS},
    )  # fmt: skip


# (name, first 0-based position) of the two interleaved splits: even positions tune, odd ones are held out
SPLITS = (("tuning", 0), ("held_out", 1))


def _baseline(gold: GoldRecord, doc: Doc) -> tuple[str, tuple[int, int, int, int], tuple[int, int, int, int]]:
    """The naive baseline on one sentence: keyword class; first NER actor the source, the second the target."""
    actors = [
        Entity(text, text, "Actor", (Mention(gold.id, start, end, text),))
        for start, end, text in ner_actors(doc)
    ]
    return (
        keyword_plover(gold.text) or NONE,
        _hits(gold.sources, actors[:1], gold.text),
        _hits(gold.targets, actors[1:2], gold.text),
    )
