"""Gold event places on real wire sentences: found as a place node, or typed Person/Organisation by mistake.

Run by hand: ``python benchmarks/event_places.py [--data PATH] [--part dev|aside|both] [--limit N] [--misses F]``.
The data (``../shared/data/event_location_dev.jsonl``, real news sentences with the event's place marked; MIT
annotations, not republished here) is split deterministically by a hash of each sentence's id: one in five
sentences is set aside and is never used to look at errors (``--misses`` writes only development-part misses).

For each gold place span, in the same run over the same Docs:

- newskg: the span is *found* when an entity of a place kind (Country, AdministrativeRegion, City, Facility,
  Region) has a mention overlapping it in the document's record (what ``kg build`` writes as a place node);
  *mistyped* when the overlapping mention belongs to a Person or an organisation kind instead;
- baseline, spaCy's own entity labels: found when a GPE / LOC / FAC entity overlaps it; mistyped when a
  PERSON / ORG / NORP entity does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.records import PLACE_KINDS, record_from_json  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "event_location_dev.jsonl"
PERSON_OR_ORG = {"Person", "Organization", "Government", "MilitaryOrganization", "ArmedGroup", "PoliticalParty",
                 "InternationalOrganization", "NonGovernmentalOrganization", "MediaOrganization", "Company",
                 "Group"}  # fmt: skip
SPACY_PLACE, SPACY_WRONG = {"GPE", "LOC", "FAC"}, {"PERSON", "ORG", "NORP"}


def part_of(item_id: str) -> str:
    """The deterministic split: one in five ids (by SHA-1) is set aside.

    >>> part_of("APW_ENG_20031101.0130_5_shoot") in {"dev", "aside"}
    True
    """
    return "aside" if int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 5 == 0 else "dev"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(items: list[dict], model: str | None = None) -> tuple[dict[str, Counter], list[str]]:
    """Counts per part for newskg and the spaCy baseline, and the development-part misses."""
    from kg.extract.pipeline import load_pipeline

    nlp = load_pipeline(model)
    counts: dict[str, Counter] = {"dev": Counter(), "aside": Counter()}
    misses: list[str] = []

    def docs():
        for index, item in enumerate(items):
            doc = nlp.make_doc(item["text"])
            doc._.kg_doc_id = f"s{index}"
            yield doc

    for item, doc in zip(items, nlp.pipe(docs(), batch_size=32), strict=True):
        record = record_from_json(doc._.kg_record)
        spans = [(m.start, m.end, e.kind) for e in record.entities for m in e.mentions]
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        c = counts[part_of(item["id"])]
        for gold in item["event_locations"]:
            where = (gold["start"], gold["end"])
            kinds = {k for s, e, k in spans if _overlaps((s, e), where)}
            labels = {lab for s, e, lab in ents if _overlaps((s, e), where)}
            c["gold"] += 1
            found = bool(kinds & PLACE_KINDS)
            c["kg_found"] += found
            c["kg_wrong"] += bool(kinds & PERSON_OR_ORG) and not found
            c["spacy_found"] += bool(labels & SPACY_PLACE)
            c["spacy_wrong"] += bool(labels & SPACY_WRONG) and not labels & SPACY_PLACE
            if not found and part_of(item["id"]) == "dev":
                misses.append(f"{gold['text']!r}\t{sorted(kinds)}\t{sorted(labels)}\t{item['text']}")
    return counts, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--model", default=None)
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences (for a quick look)")
    parser.add_argument("--misses", type=Path, help="write development-part misses (TSV) to this file")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [i for i in items if i["event_locations"]][: args.limit or None]
    started = time.perf_counter()
    counts, misses = score(items, args.model)
    elapsed = time.perf_counter() - started
    print(f"{len(items)} sentences with a gold event place, {elapsed:.0f} s\n")
    print(
        f"{'part':<6} {'gold':>5} {'newskg place':>13} {'newskg P/O':>11} {'spaCy place':>12} {'spaCy P/O':>10}"
    )
    for part, c in counts.items():
        n = c["gold"] or 1
        print(f"{part:<6} {c['gold']:>5} {c['kg_found'] / n:>13.3f} {c['kg_wrong'] / n:>11.3f} "
              f"{c['spacy_found'] / n:>12.3f} {c['spacy_wrong'] / n:>10.3f}")  # fmt: skip
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
