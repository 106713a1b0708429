"""Entity resolution on the hand-audited set (tests/data/audit): kind accuracy, duplicate nodes, wrong merges.

Run by hand: ``python benchmarks/audit.py [--folder tests/data/audit] [--json out.json]``. Each article is
extracted on its own (with its gold date) and its nodes get the IRIs ``kg build`` gives them; gold spans are
matched to predicted mentions by character overlap (the predicted mention overlapping a gold span most wins).

- kind accuracy: gold nodes found (at least one span matched) whose node (the one holding most of their
  spans) has the gold kind, or a kind the gold ``note`` names as acceptable;
- duplicate-node rate: found gold nodes whose spans lie on two or more predicted nodes;
- wrong-merge rate: checked ``distinct_pairs`` and cross-article ``collisions.json`` pairs whose two sides
  (both found) share a node IRI, plus ``not_entities`` strings that became a mention of a gold node; the
  ``same`` groups report how many keep one IRI across articles;
- non-actors: ``not_entities`` occurrences that became any actor node.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.pipeline import InputDocument, extract, load_pipeline  # noqa: E402
from kg.rdf.iris import IRIs  # noqa: E402
from kg.records import ACTOR_KINDS, PLACE_KINDS  # noqa: E402

AUDIT = ROOT / "tests" / "data" / "audit"
KINDS = sorted(ACTOR_KINDS | PLACE_KINDS, key=len, reverse=True)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def article_nodes(gold: dict, record, iris: IRIs) -> tuple[dict[str, list[str]], dict[str, str], list]:
    """gold id -> predicted IRIs of its spans; IRI -> kind; predicted (start, end, iri, kind) mentions."""
    mentions = [(m.start, m.end, str(iris.entity(e, record.doc_id)), e.kind) for e in record.entities
                for m in e.mentions]  # fmt: skip
    kinds = {iri: kind for _, _, iri, kind in mentions}
    nodes: dict[str, list[str]] = {}
    for item in gold["entities"] + gold["places"]:
        hits = []
        for start, end in item["spans"]:
            best = max(mentions, key=lambda m: (_overlap((start, end), m[:2]), -(m[1] - m[0])), default=None)
            if best is not None and _overlap((start, end), best[:2]):
                hits.append(best[2])
        nodes.setdefault(item["id"], []).extend(hits)
    return nodes, kinds, mentions


def score(folder: Path) -> dict:
    nlp = load_pipeline()
    iris = IRIs()
    golds = {p.name.removesuffix(".gold.json") + ".txt": json.loads(p.read_text(encoding="utf-8"))
             for p in sorted(folder.glob("*.gold.json"))}  # fmt: skip
    docs = [InputDocument(Path(f).stem, (folder / f).read_text(encoding="utf-8"), g["document"]["date"])
            for f, g in golds.items()]  # fmt: skip
    c: Counter = Counter()
    where: dict[tuple[str, str], str] = {}  # (file, gold id) -> main IRI
    wrong_kinds, duplicates, merges = [], [], []
    for (file, gold), record in zip(golds.items(), extract(nlp, docs), strict=True):
        nodes, kinds, mentions = article_nodes(gold, record, iris)
        items = {i["id"]: i for i in gold["entities"] + gold["places"]}
        for gid, hits in nodes.items():
            if not hits:
                continue
            main = Counter(hits).most_common(1)[0][0]
            where[(file, gid)] = main
            c["found"] += 1
            accepted = {items[gid]["kind"]} | {k for k in KINDS if k in items[gid].get("note", "")}
            if kinds[main] in accepted:
                c["kind_ok"] += 1
            else:
                wrong_kinds.append(f"{file}: {gid} gold {items[gid]['kind']} got {kinds[main]}")
            if len(set(hits)) > 1:
                c["duplicated"] += 1
                duplicates.append(f"{file}: {gid} over {len(set(hits))} nodes")
        owner = {iri: gid for gid, hits in nodes.items() for iri in set(hits)}
        text = (folder / file).read_text(encoding="utf-8")
        for word in gold["not_entities"]:
            for match in re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", text):
                span = match.span()
                hit = [m for m in mentions if _overlap(span, m[:2]) and m[3] not in PLACE_KINDS - {"Country"}]
                c["not_entity_occurrences"] += 1
                c["not_entity_as_actor"] += bool(hit)
                c["merge_checked"] += 1
                if any(m[2] in owner for m in hit):
                    c["merge_wrong"] += 1
                    merges.append(f"{file}: {word!r} joined {owner[hit[0][2]]}")
        for a, b in gold["distinct_pairs"]:
            if (file, a) in where and (file, b) in where:
                c["merge_checked"] += 1
                if where[(file, a)] == where[(file, b)]:
                    c["merge_wrong"] += 1
                    merges.append(f"{file}: {a} = {b}")
    collisions = json.loads((folder / "collisions.json").read_text(encoding="utf-8"))
    for pair in collisions["pairs"]:
        a, b = (pair["a"]["file"], pair["a"]["entity"]), (pair["b"]["file"], pair["b"]["entity"])
        if a in where and b in where:
            c["merge_checked"] += 1
            if where[a] == where[b]:
                c["merge_wrong"] += 1
                merges.append(f"collision: {a} = {b} ({pair['why']})")
    for group in collisions["same"]:
        found = [where.get((m["file"], m["entity"])) for m in group["mentions"]]
        if all(found):
            c["same_checked"] += 1
            c["same_kept"] += len(set(found)) == 1
    return {"counts": dict(c), "wrong_kinds": wrong_kinds, "duplicates": duplicates, "merges": merges}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=AUDIT)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--details", action="store_true", help="list wrong kinds, duplicates and merges")
    args = parser.parse_args()
    result = score(args.folder)
    c = result["counts"]
    print(f"gold nodes found: {c.get('found', 0)}")
    print(f"kind accuracy:        {c.get('kind_ok', 0) / max(c.get('found', 0), 1):.3f}")
    print(f"duplicate-node rate:  {c.get('duplicated', 0) / max(c.get('found', 0), 1):.3f}")
    print(
        f"wrong-merge rate:     {c.get('merge_wrong', 0) / max(c.get('merge_checked', 0), 1):.3f} "
        f"({c.get('merge_wrong', 0)} of {c.get('merge_checked', 0)} pairs and non-entities checked)"
    )
    print(
        f"non-entities as actors: {c.get('not_entity_as_actor', 0)} of {c.get('not_entity_occurrences', 0)}"
    )
    print(f"cross-article 'same' groups on one IRI: {c.get('same_kept', 0)} of {c.get('same_checked', 0)}")
    if args.details:
        for name in ("wrong_kinds", "duplicates", "merges"):
            print(f"\n{name}:\n  " + "\n  ".join(result[name]))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
