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

import shutil
import sys
import tempfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.rdf.protocol import Reply, error_reply, negotiate
from kg.rdf.workers import Pool

__all__ = ["Handler", "make_server", "negotiate"]
MAX_BODY = 1_000_000  # bytes of a POSTed query


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
            self._send(error_reply(403, "updates are refused: this endpoint is read-only"))
            return
        queries = [body_query] if body_query is not None else params.get("query", [])
        if len(queries) != 1:
            self._send(error_reply(400, "give exactly one query (GET ?query=... or POST)"))
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
            self._send(error_reply(413, f"the request body is larger than {MAX_BODY} bytes"))
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if media == "application/sparql-update":
            self._send(error_reply(403, "updates are refused: this endpoint is read-only"))
        elif media == "application/sparql-query":
            self._dispatch(params, body)
        elif media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
            self._dispatch(params)
        else:
            self._send(
                error_reply(
                    415, f"unsupported Content-Type {media!r}; use application/sparql-query or a form"
                )
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
        # socketserver's default listen backlog is 5: more clients connecting at once should wait in the queue,
        # not have their connection attempts dropped and retried a second later
        request_queue_size = 128

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
