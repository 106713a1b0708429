"""Event precision on long-form articles, judged by hand (tests/data/audit and tests/data/articles).

Run by hand: ``python benchmarks/event_audit.py [--split dev|aside|all] [--dump] [--json out.json]``.
Each article is extracted on its own with its gold date; every mention-level event (one ``Event`` record,
keyed by its trigger's character offsets) is looked up in ``benchmarks/data/event_audit.jsonl``, where a line
holds one hand judgement: ``article``, ``start``/``end`` (trigger offsets), ``trigger``, ``type`` (the type
predicted when judged), ``verdict`` (``event``: a real reported happening; ``not_event``: generic, habitual,
hypothetical, policy talk, a noun sense that is no act...), ``right_type``, optional ``gold_type`` (the type it
should have, so a later retyping is scored without re-judging), ``right_roles`` (agent and target, where
given, are right) and ``note``.

- precision: judged events whose verdict is ``event`` and whose type is right / judged events;
- event rate: verdict ``event`` / judged; role accuracy: right roles among real events;
- unjudged: current events with no judgement (new triggers, or a type changed with no ``gold_type``): judge them
  (``--dump`` prints them with their sentence) before trusting the numbers.

The split: the 22 article names sorted, alternating dev (even) and aside (odd); tune on dev only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.pipeline import InputDocument, extract, load_pipeline  # noqa: E402

FOLDERS = (ROOT / "tests" / "data" / "audit", ROOT / "tests" / "data" / "articles")
JUDGED = ROOT / "benchmarks" / "data" / "event_audit.jsonl"


def articles() -> dict[str, tuple[Path, str]]:
    """article name -> (text path, gold date), both folders."""
    found = {}
    for folder in FOLDERS:
        for gold in sorted(folder.glob("*.gold.json")):
            name = gold.name.removesuffix(".gold.json")
            found[name] = (
                folder / f"{name}.txt",
                json.loads(gold.read_text(encoding="utf-8"))["document"]["date"],
            )
    return dict(sorted(found.items()))


def split_of(names: list[str]) -> dict[str, str]:
    return {name: "dev" if i % 2 == 0 else "aside" for i, name in enumerate(sorted(names))}


def load_judgements(path: Path = JUDGED) -> dict[tuple[str, int, int], dict]:
    if not path.exists():
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {(r["article"], r["start"], r["end"]): r for r in rows}


def _label(record, key: str) -> str:
    for entity in record.entities:
        if entity.key == key:
            return entity.label
    return key.rsplit("/", 1)[-1]


def event_rows(name: str, record) -> list[dict]:
    """One row per mention-level event: trigger offsets, type, roles (labels), certainty and its sentence."""
    rows = []
    for event in record.events:
        t = event.trigger
        sentence = next((s for s in record.sentences if s[0] <= t.start < s[1]), (t.start, t.end))
        roles = {role: [_label(record, k) for k in keys] for role, keys in event.roles.items()}
        rows.append({"article": name, "start": t.start, "end": t.end, "trigger": t.text, "type": event.type,
                     "roles": roles, "certainty": event.certainty, "polarity": event.polarity,
                     "confidence": event.confidence, "sentence": record.text[sentence[0]:sentence[1]]})  # fmt: skip
    return rows


def judge(row: dict, judged: dict[tuple[str, int, int], dict]) -> dict | None:
    """The judgement for a current event, or None when it is unjudged (new, or retyped with no gold_type)."""
    j = judged.get((row["article"], row["start"], row["end"]))
    if j is None:
        return None
    if j["type"] == row["type"]:
        return j
    if j["verdict"] == "not_event":
        return j
    if "gold_type" in j:
        return {**j, "right_type": row["type"] == j["gold_type"] or row["type"] in j.get("also_ok", [])}
    return None


def score(rows: list[dict], judged: dict, min_confidence: float = 0.0) -> dict:
    rows = [r for r in rows if r["confidence"] > min_confidence or min_confidence == 0.0]
    verdicts = [(r, judge(r, judged)) for r in rows]
    done = [(r, j) for r, j in verdicts if j is not None]
    real = [j for _, j in done if j["verdict"] == "event"]
    right = [j for j in real if j["right_type"]]
    roles = [j for j in real if j.get("right_roles", True)]
    n = len(done)
    return {"events": len(rows), "judged": n, "unjudged": len(rows) - n,
            "precision": round(len(right) / n, 3) if n else None,
            "event_rate": round(len(real) / n, 3) if n else None,
            "type_accuracy_of_real": round(len(right) / len(real), 3) if real else None,
            "role_accuracy_of_real": round(len(roles) / len(real), 3) if real else None}  # fmt: skip


def run(split: str) -> list[dict]:
    found = articles()
    splits = split_of(list(found))
    chosen = [n for n in found if split == "all" or splits[n] == split]
    docs = [InputDocument(n, found[n][0].read_text(encoding="utf-8"), found[n][1]) for n in chosen]
    rows: list[dict] = []
    for name, record in zip(chosen, extract(load_pipeline(), docs), strict=True):
        rows.extend(event_rows(name, record))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "aside", "all"), default="dev")
    parser.add_argument("--dump", action="store_true", help="print unjudged events (all with --all-events)")
    parser.add_argument("--all-events", action="store_true")
    parser.add_argument("--json", type=Path, help="write the scores (and rows) here")
    args = parser.parse_args()
    rows = run(args.split)
    judged = load_judgements()
    if args.dump:
        for r in rows:
            if args.all_events or judge(r, judged) is None:
                print(json.dumps(r, ensure_ascii=False))
        return
    result = {"split": args.split, "all": score(rows, judged), "confidence>0.5": score(rows, judged, 0.5)}
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(
            json.dumps({**result, "rows": rows}, indent=1, ensure_ascii=False), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
