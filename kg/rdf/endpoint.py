"""A read-only SPARQL 1.1 Protocol endpoint over a store or a graph file (``kg serve``).

Python's :class:`http.server.ThreadingHTTPServer` does the HTTP; this module adds what it lacks:

- **the protocol**: GET ``?query=``, POST ``application/sparql-query`` and form-encoded ``query=``,
  ``default-graph-uri`` / ``named-graph-uri``; updates (``update=``, ``application/sparql-update``) get 403.
- **the closed query surface** of :mod:`kg.rdf.guard` (SERVICE, FROM outside the target, LOAD refused).
- **content negotiation**: results as SPARQL JSON (default), XML, CSV or TSV; graphs (CONSTRUCT, DESCRIBE)
  as Turtle (default), N-Triples or JSON-LD; 406 when nothing acceptable fits.
- **a time limit that really stops the work**: Oxigraph cannot be interrupted from another thread, so
  every query runs in a worker process (a small pool, each with the store opened read-only); at the
  deadline the worker is killed, the client gets 503 with a clear message, and a fresh worker takes its
  place. The server keeps answering meanwhile.
- **a result-size limit**: more rows (or triples) than ``max_results`` gives 413, never a cut-off body.
- **CORS** only when asked (``cors="*"`` or an origin), **loopback** by default.

A graph file is first loaded into a temporary on-disk store, so that every worker opens the same data
read-only without reparsing it.

>>> negotiate("text/csv;q=0.9, application/sparql-results+json", "bindings")
('json', 'application/sparql-results+json')
>>> negotiate("text/turtle", "bindings") is None
True
"""

from __future__ import annotations

import multiprocessing
import queue
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": "ttl", "application/n-triples": "nt", "application/ld+json": "jsonld"}
DEFAULT_TYPE = {"bindings": "application/sparql-results+json", "boolean": "application/sparql-results+json",
                "graph": "text/turtle"}  # fmt: skip
MAX_BODY = 1_000_000  # bytes of a POSTed query


def negotiate(accept: str | None, kind: str) -> tuple[str, str] | None:
    """The (format, media type) that best fits an Accept header for a ``bindings``/``boolean``/``graph``
    result; None when the client accepts none of them (406)."""
    offered = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept or "*/*").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if quality > 0:
            choices.append((-quality, position, media.lower()))
    for _quality, _position, media in sorted(choices):
        if media in offered:
            return offered[media], media
        if media in {"*/*", "application/*", "text/*"}:
            default = DEFAULT_TYPE[kind]
            if media == "*/*" or default.startswith(media[:-1]):
                return offered[default], default
    return None


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, media type and body."""

    status: int
    content_type: str
    body: bytes


def _error(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", f"error: {message}\n".encode())


def answer(store: Any, job: dict[str, Any], max_results: int) -> Reply:
    """Run one protocol request against an open store (inside a worker process)."""
    from kg.rdf.query import QueryError, QueryRefused, run_query

    try:
        result = run_query(
            store,
            job["query"],
            limit=max_results,
            default_graphs=job.get("default_graphs") or None,
            named_graphs=job.get("named_graphs") or None,
        )
    except QueryRefused as error:
        return _error(403, str(error))
    except QueryError as error:
        return _error(400, str(error))
    if result.truncated:
        return _error(413, f"the result has more than {max_results} rows or triples; add a LIMIT")
    chosen = negotiate(job.get("accept"), result.kind)
    if chosen is None:
        offered = GRAPH_TYPES if result.kind == "graph" else RESULT_TYPES
        return _error(406, f"cannot answer in {job.get('accept')!r}; offered: {', '.join(offered)}")
    fmt, media = chosen
    if result.kind == "graph":
        return Reply(200, media, result.to_rdf(fmt))
    text = {"json": result.to_json, "xml": result.to_xml, "csv": result.to_csv, "tsv": result.to_tsv}[fmt]()
    return Reply(200, f"{media}; charset=utf-8", text.encode("utf-8"))


def _worker(store_path: str, max_results: int, conn: Connection) -> None:
    """Worker process: open the store read-only, answer jobs until the pipe closes."""
    from kg.rdf.store import open_store

    store = open_store(store_path, read_only=True)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        try:
            reply = answer(store, job, max_results)
        except Exception as error:  # a bug must not kill the worker silently: report it as a 500
            reply = _error(500, f"internal error ({type(error).__name__}: {error})")
        conn.send(reply)


class Worker:
    """One query process and the parent's end of its pipe."""

    def __init__(self, context: Any, store_path: str, max_results: int) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(store_path, max_results, child), daemon=True)
        self.process.start()
        child.close()
        if not self.conn.poll(60) or self.conn.recv() != "ready":
            self.stop()
            raise RuntimeError("a query worker did not start")

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Pool:
    """A fixed number of workers; a query that overruns its time limit costs its worker, which is replaced."""

    def __init__(self, store_path: str, *, size: int, max_results: int) -> None:
        # forkserver: workers are forked from a clean single-threaded process, not from the threaded server
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if "forkserver" in methods:
            self.context.set_forkserver_preload(["kg.rdf.query", "kg.rdf.store"])
        self.store_path, self.max_results = store_path, max_results
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.all: set[Worker] = set()
        self.lock = threading.Lock()
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = Worker(self.context, self.store_path, self.max_results)
        with self.lock:
            self.all.add(worker)
        self.idle.put(worker)

    def _drop(self, worker: Worker) -> None:
        with self.lock:
            self.all.discard(worker)
        worker.stop()

    def run(self, job: dict[str, Any], timeout: float) -> Reply:
        started = time.monotonic()
        try:
            worker = self.idle.get(timeout=timeout)
        except queue.Empty:
            return _error(503, f"all query workers stayed busy for {timeout:g} s; try again later")
        remaining = max(0.1, timeout - (time.monotonic() - started))
        try:
            worker.conn.send(job)
            if worker.conn.poll(remaining):
                reply = worker.conn.recv()
                self.idle.put(worker)
                return reply
        except (OSError, EOFError):  # the worker died (out of memory, crash): replace it
            self._drop(worker)
            self._add()
            return _error(500, "the query worker died while running this query")
        self._drop(worker)  # overran: kill it, the work stops with the process
        self._add()
        return _error(503, f"the query exceeded the time limit of {timeout:g} s and was stopped")

    def close(self) -> None:
        with self.lock:
            workers = list(self.all)
            self.all.clear()
        for worker in workers:
            worker.stop()


class Handler(BaseHTTPRequestHandler):
    """The SPARQL 1.1 Protocol over :class:`Pool`; configured through ``server.settings``."""

    server_version = "newskg-sparql/1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        if self.server.settings["log"]:  # type: ignore[attr-defined]
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Vary", "Accept")
        cors = self.server.settings["cors"]  # type: ignore[attr-defined]
        if cors:
            self.send_header("Access-Control-Allow-Origin", cors)
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _dispatch(self, params: dict[str, list[str]], body_query: str | None = None) -> None:
        if "update" in params:
            self._send(_error(403, "updates are refused: this endpoint is read-only"))
            return
        queries = [body_query] if body_query is not None else params.get("query", [])
        if len(queries) != 1:
            self._send(_error(400, "give exactly one query (GET ?query=... or POST)"))
            return
        settings = self.server.settings  # type: ignore[attr-defined]
        job = {
            "query": queries[0],
            "accept": self.headers.get("Accept"),
            "default_graphs": params.get("default-graph-uri", []),
            "named_graphs": params.get("named-graph-uri", []),
        }
        self._send(settings["pool"].run(job, settings["timeout"]))

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if "query" not in params and "update" not in params:
            text = ("newskg SPARQL endpoint (read-only). GET ?query=... or POST application/sparql-query; "
                    "the default graph is the union of the document graphs.\n")  # fmt: skip
            self._send(Reply(200, "text/plain; charset=utf-8", text.encode()))
            return
        self._dispatch(params)

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_OPTIONS(self) -> None:
        self._send(Reply(204, "text/plain", b""))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._send(_error(413, f"the request body is larger than {MAX_BODY} bytes"))
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if media == "application/sparql-update":
            self._send(_error(403, "updates are refused: this endpoint is read-only"))
        elif media == "application/sparql-query":
            self._dispatch(params, body)
        elif media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
            self._dispatch(params)
        else:
            self._send(
                _error(415, f"unsupported Content-Type {media!r}; use application/sparql-query or a form")
            )


def make_server(
    target: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 10.0,
    max_results: int = 100_000,
    workers: int = 2,
    cors: str | None = None,
    log: bool = True,
) -> ThreadingHTTPServer:
    """A ready server (not yet serving); ``server.server_close()`` also stops the workers.

    ``target`` is a store folder, or a graph file loaded into a temporary store removed on close.
    """
    from kg.rdf.io import load_file
    from kg.rdf.store import is_store, open_store

    source = Path(target)
    scratch = None
    if is_store(source):
        store_path = str(source)
    else:
        scratch = tempfile.mkdtemp(prefix="newskg-serve-")
        store = open_store(scratch)
        try:
            load_file(store, source)
            store.flush()
        except BaseException:
            del store
            shutil.rmtree(scratch, ignore_errors=True)
            raise
        del store  # the writer closes before read-only workers open the folder
        store_path = scratch
    pool = Pool(store_path, size=workers, max_results=max_results)

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def server_close(self) -> None:
            super().server_close()
            pool.close()
            if scratch:
                shutil.rmtree(scratch, ignore_errors=True)

    try:
        server = Server((host, port), Handler)
    except OSError:
        pool.close()
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
        raise
    server.settings = {"pool": pool, "timeout": timeout, "cors": cors, "log": log}  # type: ignore[attr-defined]
    return server
