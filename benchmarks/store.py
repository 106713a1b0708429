"""Store benchmarks, run by hand: build throughput against bare spaCy, and the named queries on ~1M triples.

``python benchmarks/store.py build [--articles 300]``
    Generates BBC-style articles (see :func:`bbc_corpus`), then times in fresh subprocesses, on the same
    texts and the same model: (1) bare ``spacy.load(model).pipe`` and (2) what ``kg build --no-html --store``
    does: extraction, RDF, the Oxigraph store, ``graph.ttl`` and ``graph.trig``, the summary query.
    ``--validate`` adds a third stage, the same with the SHACL check that ``kg build`` runs by default.

``python benchmarks/store.py query [--triples 1000000] [--rdflib-triples 50000] [--repeat 5]``
    Builds a base corpus (the seed, the 12 development and 8 held-out articles), replicates it with
    distinct document ids and shifted years up to ``--triples`` quads (N-Quads), bulk-loads it into an
    on-disk store, and times every analyst query (median of ``--repeat`` runs after one warm-up, through
    ``kg.rdf.query.run_query``: guard, bindings, Oxigraph). rdflib in memory cannot hold 1M triples in
    reasonable time, so the comparison runs both engines on a ``--rdflib-triples`` copy (rdflib: one run per
    query in a subprocess, cut at 120 s).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from timing import bare_spacy, measure  # noqa: E402

ID = "https://w3id.org/newskg/id/"
BINDINGS = {
    "events_of_actor": [f"actor=<{ID}actor/sdf>"],
    "who_against_whom": [f"agent=<{ID}actor/syria-government>"],
    "actors_at_place": [f"place=<{ID}actor/syria>"],
    "incidents": ["from=2026-01-01", "to=2026-01-31", "south=30", "north=40", "west=35", "east=45"],
    "claims_by_speaker": [f"speaker=<{ID}actor/centcom>"],
    "evidence": [f"subject=<{ID}actor/sdf>", "predicate=<http://www.w3.org/2004/02/skos/core#altLabel>"],
    "cooccurring_actors": [f"actor=<{ID}actor/sdf>"],
    "transfers": [],
    "changes": ["from=2026-01-20", "to=2026-01-31"],
    "top_actors": [],
}


def _sources() -> list[tuple[str, str, str]]:
    """(id, text, date) of the seed, the development and the held-out articles."""
    items = [
        (
            "hasakah-prison-break",
            (ROOT / "examples/hasakah-prison-break.txt").read_text("utf-8"),
            "2026-01-23",
        )
    ]
    for folder in ("tests/data/articles", "tests/data/holdout"):
        for path in sorted((ROOT / folder).glob("*.txt")):
            gold = path.with_suffix(".gold.json")
            date = json.loads(gold.read_text("utf-8"))["document"].get("date") if gold.exists() else None
            items.append((path.stem, path.read_text("utf-8"), date or "2026-01-15"))
    return items


def bbc_corpus(n: int, seed: int = 7) -> list[tuple[str, str, str]]:
    """``n`` BBC-style articles: a headline and 8-14 short paragraphs of 1-2 sentences each.

    Every paragraph is a run of consecutive sentences of one source article (seed, development and held-out
    articles), and each article draws its paragraphs from two to four sources, so names, places and events
    mix the way a round-up piece mixes them. Seeded: the same corpus every run.
    """
    rng = random.Random(seed)
    sources = []
    for _doc_id, text, date in _sources():
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        headline, body = lines[0], " ".join(lines[1:])
        sentences = [s for s in re.split(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])", body) if len(s.split()) > 4]
        sources.append((headline, sentences, date))
    articles = []
    for i in range(n):
        picks = rng.sample(sources, rng.randint(2, 4))
        paragraphs = []
        for _ in range(rng.randint(8, 14)):
            _headline, sentences, _date = rng.choice(picks)
            start = rng.randrange(len(sentences))
            paragraphs.append(" ".join(sentences[start : start + rng.randint(1, 2)]))
        articles.append((f"bbc-{i:04d}", picks[0][0] + "\n\n" + "\n\n".join(paragraphs), picks[0][2]))
    return articles


def run_build_stage(stage: str, articles: int, processes: int = 1) -> dict[str, float]:
    """One stage in this (fresh) process: bare spaCy, or the whole ``kg build --no-html --store`` path, each
    with ``processes`` worker processes (CPU seconds then count this process only: compare wall time)."""
    from kg.extract.pipeline import InputDocument, extract, load_pipeline

    docs = bbc_corpus(articles)
    if stage == "spacy":
        return bare_spacy(docs, processes)

    def run(nlp, items) -> None:
        from kg.rdf.build import build_quads
        from kg.rdf.ontology import validate
        from kg.rdf.output import write_build
        from kg.rdf.query import named_query, run_query
        from kg.rdf.store import open_store

        stream = extract(nlp, (InputDocument(i, t, d) for i, t, d in items), n_process=processes)
        quads = build_quads(stream, keep=[])  # as kg build: quads made as the records come
        if stage == "+ SHACL":
            validate(quads)
        with tempfile.TemporaryDirectory() as out:
            store = open_store(Path(out) / "store")
            built = write_build(quads, [Path(out) / "graph.ttl", Path(out) / "graph.trig"], store)
            run_query(built, named_query("top_actors"))
            del store

    return measure(docs, load_pipeline, run)


def bench_build(articles: int, shacl: bool = False, processes: int = 1) -> None:
    results = {}
    for stage in ("spacy", "kg build", "+ SHACL") if shacl else ("spacy", "kg build"):
        out = subprocess.run([sys.executable, __file__, "_stage", stage, str(articles), str(processes)],
                             check=True, capture_output=True, text=True).stdout  # fmt: skip
        results[stage] = json.loads(out.strip().splitlines()[-1])
    base = results["spacy"]
    print(f"{base['docs']} BBC-style articles, {base['words']} words, {processes} process(es) each\n")
    print(f"{'stage':<10} {'load s':>7} {'run s':>7} {'cpu s':>7} {'words/s':>8} {'peak MB':>8} "
          f"{'throughput x spaCy':>19} {'(by CPU time)':>14}")  # fmt: skip
    for stage, r in results.items():
        print(f"{stage:<10} {r['load_s']:7.2f} {r['run_s']:7.2f} {r['cpu_s']:7.2f} {r['words'] / r['run_s']:8.0f} "
              f"{r['peak_mb']:8.0f} {base['run_s'] / r['run_s']:19.2f} {base['cpu_s'] / r['cpu_s']:14.2f}")  # fmt: skip


def base_nquads() -> str:
    """The N-Quads of the base corpus (seed, development and held-out articles) built by newskg."""
    from kg.extract.pipeline import InputDocument, extract, load_pipeline
    from kg.rdf.build import build_graph
    from kg.rdf.io import serialize

    records = list(extract(load_pipeline(), (InputDocument(i, t, d) for i, t, d in _sources())))
    return serialize(build_graph(records), "nquads").decode("utf-8")


_LOCAL = re.compile(r"(/id/(?:doc|actor|event|claim|quantity)/)([^/#>]+)(?=[/#>])")
_IDENT = re.compile(r'(<https://schema\.org/identifier> ")([^"]+)(")')
_YEAR = re.compile(
    r'"(\d{4})(-\d\d(?:-\d\d)?)?"\^\^<http://www\.w3\.org/2001/XMLSchema#(date|gYear|gYearMonth)>'
)


def replicate(nquads: str, copies: int) -> str:
    """``copies`` copies with distinct document ids (doc-local IRIs renamed) and years shifted back by
    ``copy % 10``; shared actors and places keep their IRIs, as they would across a real corpus."""
    base_docs = {m.group(1) for m in re.finditer(r"/id/doc/([^/#>]+)", nquads)}
    parts = [nquads]
    for copy in range(1, copies):

        def local(match: re.Match[str], c: int = copy) -> str:
            head, key = match.group(1), match.group(2)
            # document-local names only: a doc id, or an actor key under a doc id (actor/<doc>/<key>)
            return f"{head}{key}-c{c}" if key in base_docs else match.group(0)

        text = _LOCAL.sub(local, nquads)
        text = _IDENT.sub(lambda m, c=copy: f"{m.group(1)}{m.group(2)}-c{c}{m.group(3)}", text)
        text = _YEAR.sub(
            lambda m, c=copy: m.group(0).replace(m.group(1), str(int(m.group(1)) - c % 10), 1), text
        )
        parts.append(text)
    return "".join(parts)


def _median_ms(func, repeat: int) -> float:
    func()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _rdflib_query_ms(path: str, name: str) -> tuple[float, int]:
    """One rdflib run of a named query on an N-Quads file (in this process): (ms, rows)."""
    from rdflib import Dataset, Variable

    from kg.rdf.catalog import query_info
    from kg.rdf.guard import check_query, substitute
    from kg.rdf.query import ALL_PREFIXES, as_store, parse_bindings
    from kg.rdf.terms import to_rdflib_term

    dataset = Dataset(default_union=True)
    dataset.parse(path, format="nquads")
    text = query_info(name).text
    bindings = parse_bindings(as_store(dataset), text, BINDINGS[name])
    text, engine = substitute(check_query(text), bindings)
    init = {Variable(k): to_rdflib_term(v) for k, v in engine.items()}
    started = time.perf_counter()
    rows = len(list(dataset.query(text, initNs=ALL_PREFIXES, initBindings=init)))
    return (time.perf_counter() - started) * 1000, rows


def bench_query(triples: int, rdflib_triples: int, repeat: int, base_cache: bool = False) -> None:
    import pyoxigraph

    from kg.rdf.catalog import query_info
    from kg.rdf.query import parse_bindings, run_query
    from kg.rdf.store import open_store

    started = time.perf_counter()
    cache = Path(tempfile.gettempdir()) / "newskg-bench-base.nq"  # the extraction is the slow part: reuse it
    if base_cache and cache.exists():
        base = cache.read_text(encoding="utf-8")
    else:
        base = base_nquads()
        cache.write_text(base, encoding="utf-8")
    base_count = base.count("\n")
    print(
        f"base corpus: {len(_sources())} articles, {base_count} quads (extraction {time.perf_counter() - started:.0f} s)"
    )
    with tempfile.TemporaryDirectory() as work:
        results: dict[str, dict[str, object]] = {name: {} for name in BINDINGS}
        for label, size in (("small", rdflib_triples), ("large", triples)):
            copies = max(1, round(size / base_count))
            path = Path(work) / f"{label}.nq"
            path.write_text(replicate(base, copies), encoding="utf-8")
            store_dir = Path(work) / f"{label}-store"
            started = time.perf_counter()
            store = open_store(store_dir)
            store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)
            store.flush()
            load_s = time.perf_counter() - started
            print(f"{label}: {copies} copies, {len(store):,} quads, bulk load {load_s:.1f} s "
                  f"({len(store) / load_s:,.0f} quads/s)")  # fmt: skip
            for name in BINDINGS:
                text = query_info(name).text
                bindings = parse_bindings(store, text, BINDINGS[name])
                rows = len(run_query(store, text, bindings=bindings).rows)
                ms = _median_ms(lambda s=store, t=text, b=bindings: run_query(s, t, bindings=b), repeat)
                results[name][f"ox_{label}"] = (ms, rows)
                print(f"  {label} {name}: {ms:.1f} ms, {rows} rows", flush=True)
                if label == "small":
                    try:
                        run = subprocess.run([sys.executable, __file__, "_rdflib", str(path), name],
                                             capture_output=True, text=True, timeout=120)  # fmt: skip
                        if run.returncode == 0:
                            results[name]["rdflib_small"] = tuple(
                                json.loads(run.stdout.strip().splitlines()[-1])
                            )
                        else:  # rdflib cannot run it (e.g. GROUP_CONCAT over unbound values)
                            results[name]["rdflib_small"] = (
                                "error",
                                run.stderr.strip().splitlines()[-1][:60],
                            )
                    except subprocess.TimeoutExpired:
                        results[name]["rdflib_small"] = (None, None)
            del store
    print(
        f"\n{'query':<20} {'Oxigraph ~1M ms':>16} {'rows':>6} | {'Oxigraph small ms':>17} {'rdflib small ms':>16} {'rows':>6}"
    )
    for name, r in results.items():
        ox_large, ox_small, rdf = r["ox_large"], r["ox_small"], r["rdflib_small"]
        rdf_ms = "> 120000" if rdf[0] is None else "error" if rdf[0] == "error" else f"{rdf[0]:.0f}"
        if rdf[0] == "error":
            print(f"  ({name}: rdflib fails: {rdf[1]})")
        print(
            f"{name:<20} {ox_large[0]:16.1f} {ox_large[1]:6} | {ox_small[0]:17.1f} {rdf_ms:>16} {rdf[1] or '':>6}"
        )
    medians = [r["ox_large"][0] for r in results.values()]
    print(
        f"\nmedian over the queries on ~1M: {statistics.median(medians):.1f} ms; slowest {max(medians):.1f} ms"
    )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_stage":
        print(json.dumps(run_build_stage(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "_rdflib":
        print(json.dumps(_rdflib_query_ms(sys.argv[2], sys.argv[3])))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="part", required=True)
    build = sub.add_parser("build", help="build throughput against bare spaCy")
    build.add_argument("--articles", type=int, default=300)
    build.add_argument("--validate", action="store_true", help="also time kg build with its SHACL check")
    build.add_argument("--processes", type=int, default=1, help="worker processes, the same for every stage")
    query = sub.add_parser("query", help="bulk load and named queries on ~1M triples")
    query.add_argument("--triples", type=int, default=1_000_000)
    query.add_argument("--rdflib-triples", type=int, default=50_000)
    query.add_argument("--repeat", type=int, default=5)
    query.add_argument("--reuse-base", action="store_true", help="reuse the base corpus of the last run")
    args = parser.parse_args()
    if args.part == "build":
        bench_build(args.articles, args.validate, args.processes)
    else:
        bench_query(args.triples, args.rdflib_triples, args.repeat, args.reuse_base)


if __name__ == "__main__":
    main()
