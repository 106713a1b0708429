"""Load test of ``kg serve`` on loopback: N clients for a fixed time, error rate and latency percentiles.

Run: ``python benchmarks/load.py [TARGET] [--clients 8] [--seconds 60] [--port 0]``. TARGET is a store folder or
a graph file (default: build the seed article into a temporary folder first). The server is started as
``kg serve TARGET --port N`` in its own process and stopped at the end; every request has a timeout, so the
run is bounded (about ``seconds`` + 30 s). Each client loops over a mix of queries (a count, the example
queries, a named query, and a query the server must refuse), so refusals are measured too: a refused query
answered with HTTP 4xx counts as a correct answer, anything else unexpected (5xx, wrong status, timeout,
connection error) as an error.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg"]
QUERIES = [  # (name, query, expected status)
    ("count", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", 200),
    ("who-did-what", (ROOT / "examples/queries/who-did-what.rq").read_text(encoding="utf-8"), 200),
    ("evidence", (ROOT / "examples/queries/evidence.rq").read_text(encoding="utf-8"), 200),
    ("claims", (ROOT / "examples/queries/claims.rq").read_text(encoding="utf-8"), 200),
    ("refused-service", "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 400),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return (
        ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))] if ordered else float("nan")
    )


def ask(url: str, query: str, timeout: float) -> int:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Accept": "application/sparql-results+json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = response.read()
            if response.status == 200:
                json.loads(payload)  # a 200 must carry valid results JSON
            return response.status
    except urllib.error.HTTPError as error:
        error.read()
        return error.code


def client(url: str, stop: float, timeout: float, results: list, offset: int) -> None:
    i = offset
    while time.monotonic() < stop:
        name, query, expected = QUERIES[i % len(QUERIES)]
        i += 1
        start = time.perf_counter()
        try:
            status = ask(url, query, timeout)
            ok = status == expected if expected == 200 else 400 <= status < 500
        except Exception:  # noqa: BLE001 - timeouts, resets, bad JSON: all count as errors
            status, ok = -1, False
        results.append((name, time.perf_counter() - start, ok, status))


def wait_ready(url: str, server: subprocess.Popen, log, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise SystemExit(f"kg serve exited early: {log.read().decode(errors='replace')}")
        try:
            ask(url, "ASK {}", 2)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("kg serve did not answer within 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", help="store folder or graph file (default: the seed article)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=30, help="per-request client timeout")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        target = args.target
        if target is None:
            seed = ROOT / "examples" / "hasakah-prison-break.txt"
            subprocess.run([*KG, "-q", "build", str(seed), "--date", "2026-01-23", "--out", tmp, "--no-html"],
                           check=True)  # fmt: skip
            target = str(Path(tmp) / "graph.trig")
        port = args.port or free_port()
        url = f"http://127.0.0.1:{port}/sparql"
        # the server logs every request to stderr: a pipe nobody reads fills after ~64 KB (about 1,600
        # requests) and then blocks every handler thread, which is what stalled earlier runs; a file does not
        log = open(Path(tmp) / "serve.log", "w+b")  # noqa: SIM115 - closed in the finally below
        server = subprocess.Popen([*KG, "serve", target, "--port", str(port)], stdout=subprocess.DEVNULL,
                                  stderr=log)  # fmt: skip
        try:
            wait_ready(url, server, log)
            results: list = []
            stop = time.monotonic() + args.seconds
            threads = [threading.Thread(target=client, args=(url, stop, args.timeout, results, i))
                       for i in range(args.clients)]  # fmt: skip
            begun = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(args.seconds + args.timeout + 5)
            elapsed = time.perf_counter() - begun
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()

    latencies = [r[1] * 1000 for r in results]
    errors = [r for r in results if not r[2]]
    print(f"target: {target}; {args.clients} clients for {args.seconds:.0f} s on loopback")
    print(f"requests: {len(results)} ({len(results) / elapsed:.1f}/s); errors: {len(errors)} "
          f"({100 * len(errors) / max(1, len(results)):.2f}%)")  # fmt: skip
    print(f"latency ms: p50 {percentile(latencies, 50):.1f}, p95 {percentile(latencies, 95):.1f}, "
          f"p99 {percentile(latencies, 99):.1f}, max {max(latencies, default=float('nan')):.1f}")  # fmt: skip
    for name, *_ in QUERIES:
        mine = [r[1] * 1000 for r in results if r[0] == name]
        if mine:
            print(f"  {name:16s} n={len(mine):5d} median {statistics.median(mine):7.1f} ms")
    if errors:
        print("error statuses:", sorted({r[3] for r in errors}))


if __name__ == "__main__":
    main()
