"""Who acts, on real wire sentences: newskg's agents and targets of a marked event verb against a hand annotation.

Run by hand: ``python benchmarks/wire_sources.py [--data PATH] [--gold benchmarks/data/wire_sources.jsonl]
[--errors dev] [--roles targets] [--json OUT]``. The sentences are real wire copy from ``../shared/data/event_location_dev.jsonl``
(not republished: the gold file holds ids, offsets and the actors' own words only). Each gold line names a record
(``id`` and ``verb``, the marked verb) and the actors that carry it out (``sources``) and undergo it
(``targets``), annotated blind (the annotators neither ran newskg nor read its code), following PLOVER's
conventions: a passive without a by-agent and a weapon ("a car bomb killed") have no source. The annotators were
told that vehicles are no actors either, where PLOVER codes "Israeli tanks fired" with the source Israel: an actor
named by a vehicle noun ("warplanes", "tanks") that the annotation leaves out is not scored. Lines marked
``skip`` (a pronoun with no antecedent, no event, unclear) are left out.

Scored on the event newskg has on the marked verb (:func:`kg.evaluation.event_places.event_on`), its sources and
targets read as the PLOVER scorer reads them (:func:`kg.evaluation.evaluate.sources_and_targets`: with no target,
the event's place is one, where the annotators marked a place only when it was acted on); no event there
is no prediction. A second line, ``newskg acted``, reads the same output as this annotation does: a place
stand-in only when it is the marked verb's object ("shelled Aleppo", not "patrolled in Kabul"; see
:func:`acted_on`). Two naive baselines are measured in the same run on the same parse: the first and second
actor-like NER entities of the sentence (the PLOVER baseline), and the marked verb's syntactic subject and
object (``nsubj``, the passive's ``by`` agent, a participle's or relative clause's head noun; ``dobj``).
Splits follow :func:`kg.evaluation.event_places.split_of`: ``aside`` is measured, never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spacy.tokens import Doc, Span, Token

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.evaluation.baselines import keyword_plover, ner_actors  # noqa: E402
from kg.evaluation.evaluate import TARGET_ROLES, sources_and_targets  # noqa: E402
from kg.evaluation.event_places import event_on, load_event_places, split_of  # noqa: E402
from kg.evaluation.plover import event_class  # noqa: E402
from kg.evaluation.scores import actor_prf  # noqa: E402
from kg.extract.pipeline import load_pipeline  # noqa: E402
from kg.extract.recorder import records_from_doc  # noqa: E402
from kg.rdf.codes import codes_by_event  # noqa: E402
from kg.rdf.ontology import event_type_mappings  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "event_location_dev.jsonl"
GOLD = ROOT / "benchmarks" / "data" / "wire_sources.jsonl"
Spans = list[tuple[int, int]]
VEHICLES = {"aircraft", "drone", "gunboat", "gunship", "helicopter", "jet", "plane", "tank", "vehicle", "vessel",
            "warplane", "warship"}  # fmt: skip
Hits = tuple[int, int, int, int]


def unscored(gold: Spans, predicted: list[Spans], text: str) -> list[Spans]:
    """The predicted actors without those named by a vehicle noun that match no gold span.

    >>> unscored([], [[(0, 17)], [(22, 27)]], "Israeli warplanes and Hamas")
    [[(22, 27)]]
    """

    def vehicle(actor: Spans) -> bool:
        return all(_vehicle(text[start:end]) for start, end in actor)

    return [a for a in predicted if not vehicle(a) or hits(gold, [a])[2]]


def _vehicle(phrase: str) -> bool:
    last = phrase.lower().split()[-1:]
    return bool(last) and (last[0] in VEHICLES or last[0].removesuffix("s") in VEHICLES)


def hits(gold: Spans, predicted: list[Spans]) -> Hits:
    """(matched gold, gold, matched predicted, predicted): an actor (its mentions' spans) matches a gold span
    when one of its mentions overlaps it, so "ISIS" beside "Islamic State" is one actor, not a wrong second one.

    >>> hits([(0, 6)], [[(4, 10)], [(20, 25)]])
    (1, 1, 1, 2)
    """
    overlap = lambda g, actor: any(g[0] < e and s < g[1] for s, e in actor)  # noqa: E731
    return (
        sum(any(overlap(g, p) for p in predicted) for g in gold),
        len(gold),
        sum(any(overlap(g, p) for g in gold) for p in predicted),
        len(predicted),
    )


def _phrase(token: Token) -> tuple[int, int]:
    """A noun's phrase without its clauses: compounds, modifiers, determiners."""
    left = min((t for t in token.lefts if t.dep_ in {"compound", "amod", "det", "nummod", "poss", "nmod"}),
               key=lambda t: t.i, default=token)  # fmt: skip
    return left.idx, token.idx + len(token)


def subject_object(span: Span) -> tuple[Spans, Spans]:
    """The syntactic baseline: the verb's subject (a passive's ``by`` agent; a relative or participial clause's
    head noun, or the governing clause's subject) and its direct object (a passive's subject)."""
    verb = span.root
    subjects = [t for t in verb.children if t.dep_ in {"nsubj"}]
    passives = [t for t in verb.children if t.dep_ in {"nsubjpass"}]
    agents = [g for t in verb.children if t.dep_ == "agent" for g in t.children if g.dep_ == "pobj"]
    objects = [t for t in verb.children if t.dep_ == "dobj"] + passives
    if not subjects and agents:
        subjects = agents
    elif not subjects and not passives and verb.dep_ in {"relcl", "acl"}:
        subjects = [verb.head]
    elif not subjects and not passives and verb.dep_ in {"advcl", "xcomp", "conj"}:
        subjects = [t for t in verb.head.children if t.dep_ == "nsubj"]
    return [_phrase(t) for t in subjects], [_phrase(t) for t in objects]


def _spans(entities: list) -> list[Spans]:
    """Each actor as its mentions' spans."""
    return [[(m.start, m.end) for m in entity.mentions] for entity in entities]


def acted_on(verb: Span, event, targets: list) -> list:
    """The targets as this annotation reads them: the PLOVER reading gives an event with no target its place
    ("patrolled Kabul": target Kabul), where the annotators marked a place only when the event acts on it, as the
    verb's object or passive subject ("shelled Aleppo"); so a place stand-in is kept only when it is that object."""
    if any(event.roles.get(role) for role in TARGET_ROLES):
        return targets  # the event's own targets, not a stand-in
    objects = [t for t in verb.root.children if t.dep_ in {"dobj", "nsubjpass"}]
    inside = lambda m: any(o.left_edge.idx <= m.start < o.right_edge.idx + len(o.right_edge) for o in objects)  # noqa: E731
    return [e for e in targets if any(inside(m) for m in e.mentions)]


def predict(doc: Doc, gold: dict, mappings: dict[str, dict[str, str]]) -> dict:
    """newskg's and both baselines' sources and targets of the gold line's marked verb, as character spans (less
    the :func:`unscored` vehicles)."""
    verb = gold["verb"]
    record = records_from_doc(doc)
    event = event_on(record, verb)
    sources, targets = sources_and_targets(record, event)  # as the PLOVER scorer reads them
    actors = [(s, e) for s, e, _ in ner_actors(doc)]
    span = doc.char_span(verb["start"], verb["end"], alignment_mode="expand")
    syntax = subject_object(span) if span is not None else ([], [])
    acted = acted_on(span, event, targets) if span is not None and event is not None else targets
    systems = {
        "newskg": (_spans(sources), _spans(targets)),
        "newskg acted": (_spans(sources), _spans(acted)),
        "ner": ([[a] for a in actors[:1]], [[a] for a in actors[1:2]]),
        "syntax": ([[s] for s in syntax[0]], [[s] for s in syntax[1]]),
    }
    incident = codes_by_event(record).get(event.key) if event is not None else None
    plover = event_class(event, mappings, doc.text, incident) if event is not None else None
    return {
        "event": event.type if event is not None else None,
        "class": (plover or "NONE", keyword_plover(doc.text) or "NONE"),
        **{name: tuple(unscored(_gold(gold[role]), found, doc.text) for role, found in zip(("sources", "targets"), pair, strict=True))
           for name, pair in systems.items()},
    }  # fmt: skip


def score(gold: list[dict], predicted: list[dict]) -> dict:
    """Source and target P/R/F1 per system and split."""
    out: dict = {}
    for split in ("dev", "aside", "all"):
        pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if split in {"all", split_of(g["id"])}]
        out[split] = {
            "n": len(pairs),
            "event_found": round(sum(bool(p["event"]) for _, p in pairs) / max(len(pairs), 1), 3),
            # the annotators' rough PLOVER class of the marked verb against newskg's event there and the keywords'
            "class newskg / keywords": [
                round(sum(p["class"][i] == g["plover"] for g, p in pairs) / max(len(pairs), 1), 3)
                for i in (0, 1)
            ],
        }
        for system in ("newskg", "newskg acted", "ner", "syntax"):
            for slot, role in ((0, "sources"), (1, "targets")):
                prf = actor_prf(hits(_gold(g[role]), p[system][slot]) for g, p in pairs)
                out[split][f"{system} {role}"] = [
                    round(prf.precision, 3),
                    round(prf.recall, 3),
                    round(prf.f1, 3),
                ]
    return out


def _gold(spans: list[dict]) -> Spans:
    return [(s["start"], s["end"]) for s in spans]


def print_error(gold: dict, predicted: dict, text: str, role: str = "sources") -> None:
    """Print one record whose newskg ``role`` actors (``sources`` or ``targets``) are not exactly the gold ones,
    with both baselines'."""
    slot = ("sources", "targets").index(role)
    found = hits(_gold(gold[role]), predicted["newskg"][slot])
    if (found[0], found[2]) == (found[1], found[3]):
        return
    show = {
        name: [text[slice(*actor[0])] for actor in roles[slot]]
        for name, roles in predicted.items()
        if name not in {"event", "class"}
    }
    print(
        f"[{gold['verb']['text']}] {predicted['event']} gold={[s['text'] for s in gold[role]]} {show}\n   {text}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument(
        "--errors",
        choices=["dev", "all"],
        help="list the errors of the dev split (or all, on a batch already measured)",
    )
    parser.add_argument(
        "--roles", choices=["sources", "targets"], default="sources", help="whose errors to list"
    )
    parser.add_argument("--aside", action="store_true", help="also score the aside split (measured once)")
    parser.add_argument("--json", type=Path, help="also write the scores and per-record predictions here")
    args = parser.parse_args()
    by_key = {f"{r['id']}@{r['event_verb'][0]['start']}": r for r in load_event_places(args.data)}
    lines = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = [g for g in lines if not g.get("skip")]
    items = [by_key[f"{g['id']}@{g['verb']['start']}"] for g in gold]
    nlp, mappings = load_pipeline(), event_type_mappings()
    docs = nlp.pipe((nlp.make_doc(i["text"]) for i in items), batch_size=32)
    predicted = [predict(doc, g, mappings) for g, doc in zip(gold, docs, strict=True)]
    scores = score(gold, predicted)  # the aside split is printed only when asked
    for split, row in scores.items() if args.aside else [("dev", scores["dev"])]:
        print(split, " ".join(f"{k}={v}" for k, v in row.items()))
    if args.errors:
        for g, p, item in zip(gold, predicted, items, strict=True):
            if args.errors == "all" or split_of(g["id"]) == "dev":
                print_error(g, p, item["text"], args.roles)
    if args.json:
        args.json.write_text(
            json.dumps({"scores": scores, "predicted": predicted}, indent=1), encoding="utf-8"
        )


if __name__ == "__main__":
    main()
