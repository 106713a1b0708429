"""Query worker processes for the endpoint: a time limit that really stops the work.

Oxigraph cannot be interrupted from another thread, so every query runs in a worker process (each with the store
opened read-only); at the deadline the worker is killed, the client gets 503 and a fresh worker takes its place.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from kg.rdf.protocol import Reply, answer, error_reply


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
            reply = error_reply(500, f"internal error ({type(error).__name__}: {error})")
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
            return error_reply(503, f"all query workers stayed busy for {timeout:g} s; try again later")
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
            return error_reply(500, "the query worker died while running this query")
        self._drop(worker)  # overran: kill it, the work stops with the process
        self._add()
        return error_reply(503, f"the query exceeded the time limit of {timeout:g} s and was stopped")

    def close(self) -> None:
        with self.lock:
            workers = list(self.all)
            self.all.clear()
        for worker in workers:
            worker.stop()
