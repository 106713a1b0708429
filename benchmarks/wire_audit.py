"""Events on real wire sentences, against a hand audit: type accuracy, event recall, false-event rate.

Run by hand: ``python benchmarks/wire_audit.py [--data PATH] [--audit benchmarks/data/wire_audit.jsonl]
[--dump OUT] [--json OUT]``. The sentences are the dev split (:func:`kg.evaluation.event_places.split_of`) of
``../shared/data/event_location_dev.jsonl`` (not republished: the audit file holds ids and labels only). Each audit
line (``id`` and ``verb``, the marked verb's start offset: one sentence may be marked for several verbs) judges that
verb: ``verdict`` is ``event`` (a reportable event: conflict, political act, protest, arrest, aid, meeting ...),
``none`` (no event: a state, an accident, a sport, a figurative use), ``claim`` (a plain reporting verb, which
newskg tells as a claim) or ``unclear`` (both left out of the scores); ``type`` is the newskg event type that fits
(a list when several fit).

- event recall: ``event`` verdicts on which newskg has an event (see :func:`kg.evaluation.event_places.event_on`);
- type accuracy: of those, the share whose type is the expected one;
- false-event rate: ``none`` verdicts on which newskg has an event anyway (lower is better);
- place right / invented: the event-places measure restricted to the audited records.

``--dump OUT`` draws the sample (seed 7, 150 dev records) and writes each record with newskg's events, for judging.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.evaluation.event_places import _hit, event_on, load_event_places, split_of  # noqa: E402
from kg.extract.pipeline import load_pipeline  # noqa: E402
from kg.extract.recorder import records_from_doc  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "event_location_dev.jsonl"
AUDIT = ROOT / "benchmarks" / "data" / "wire_audit.jsonl"
SEED, SIZE = 7, 150


def key(item: dict) -> str:
    """A record's id and the start of its marked verb (ids repeat when a sentence has several marked verbs)."""
    return f"{item['id']}@{item['event_verb'][0]['start']}"


def sample(items: list[dict]) -> list[dict]:
    """A fixed random sample of the dev split (drawn before any change was made)."""
    dev = [item for item in items if split_of(str(item["id"])) == "dev"]
    return random.Random(SEED).sample(dev, SIZE)


def predictions(items: list[dict]) -> dict[str, dict]:
    """Record key -> newskg's event on the first marked verb (type, place texts) and all events of the sentence."""
    nlp = load_pipeline()
    out: dict[str, dict] = {}
    docs = (nlp.make_doc(item["text"]) for item in items)
    for item, doc in zip(items, nlp.pipe(docs, batch_size=32), strict=True):
        record = records_from_doc(doc)
        names = {e.key: e.mentions for e in record.entities}
        event = event_on(record, item["event_verb"][0])
        keys = event.roles.get("place", ()) if event is not None else ()
        places = [(m.start, m.end, m.text) for k in keys[:1] for m in names.get(k, ())]
        out[key(item)] = {
            "type": event.type if event is not None else None,
            "places": places,
            "events": [(e.type, e.trigger.text) for e in record.events],
        }
    return out


def score(audit: list[dict], items: dict[str, dict], predicted: dict[str, dict]) -> dict[str, float | int]:
    events = [a for a in audit if a["verdict"] == "event"]
    found = [a for a in events if predicted[_key(a)]["type"]]
    typed = [a for a in found if predicted[_key(a)]["type"] in _types(a)]
    nones = [a for a in audit if a["verdict"] == "none"]
    false = [a for a in nones if predicted[_key(a)]["type"]]
    gold = [a for a in audit if items[_key(a)].get("event_locations")]
    right = [a for a in gold if any(_hit(g, p) for g in items[_key(a)]["event_locations"]
                                    for p in predicted[_key(a)]["places"])]  # fmt: skip
    bare = [a for a in audit if not items[_key(a)].get("event_locations")]
    invented = [a for a in bare if predicted[_key(a)]["places"]]
    return {
        "judged": len(audit), "events": len(events), "none": len(nones), "excluded (claim, unclear)": len(audit) - len(events) - len(nones),
        "event_recall": round(len(found) / max(len(events), 1), 3),
        "type_accuracy": round(len(typed) / max(len(found), 1), 3),
        "false_event_rate": round(len(false) / max(len(nones), 1), 3),
        "place_right": round(len(right) / max(len(gold), 1), 3),
        "place_invented": round(len(invented) / max(len(bare), 1), 3),
    }  # fmt: skip


def _key(judgement: dict) -> str:
    return f"{judgement['id']}@{judgement['verb']}"


def _types(judgement: dict) -> set[str]:
    kind = judgement.get("type") or []
    return {kind} if isinstance(kind, str) else set(kind)


def dump(chosen: list[dict], predicted: dict[str, dict], out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        for item in chosen:
            row = {"id": item["id"], "verb": item["event_verb"][0]["start"], "text": item["text"],
                   "marked": item["event_verb"][0]["text"], "gold": [g["text"] for g in item.get("event_locations") or []],
                   **predicted[key(item)]}  # fmt: skip
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--audit", type=Path, default=AUDIT)
    parser.add_argument("--dump", type=Path, help="draw the sample and write it with newskg's events")
    parser.add_argument("--json", type=Path, help="also write the scores and per-record predictions here")
    args = parser.parse_args()
    items = load_event_places(args.data)
    if args.dump:
        chosen = sample(items)
        dump(chosen, predictions(chosen), args.dump)
        return
    audit = [json.loads(line) for line in args.audit.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {key(item): item for item in items}
    chosen = [by_id[_key(a)] for a in audit]
    predicted = predictions(chosen)
    scores = score(audit, by_id, predicted)
    print(json.dumps(scores, indent=2))
    if args.json:
        args.json.write_text(
            json.dumps({"scores": scores, "predicted": predicted}, indent=1), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
