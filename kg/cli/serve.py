"""``kg serve``: a read-only SPARQL 1.1 endpoint over a store folder or a graph file."""

from __future__ import annotations

import ipaddress
import signal
from typing import Annotated

import typer

from kg.cli.common import TargetArg, app, console, fail, load_target


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


@app.command()
def serve(
    target: TargetArg,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port (0 picks a free one).")] = 7878,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds a query may run before it is stopped (HTTP 503).")
    ] = 10.0,
    max_results: Annotated[
        int, typer.Option(min=1, help="Most rows or triples in one answer (more gives HTTP 413).")
    ] = 100_000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Query worker processes.")] = 2,
    cors: Annotated[
        str | None, typer.Option(help="Send Access-Control-Allow-Origin with this value ('*' or an origin).")
    ] = None,
) -> None:
    """Serve TARGET as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql (GET and POST).

    The default graph is the union of the document graphs. SERVICE, FROM outside the target, LOAD and
    updates are refused; each query runs in a worker process that is killed at the time limit.
    """
    from kg.rdf.endpoint import make_server

    load_target(target)  # one error: line for a missing or broken target, before anything starts
    if not _is_loopback(host):
        console.print(f"warning: listening on {host}, reachable from other machines", markup=False)
    try:
        server = make_server(
            target, host=host, port=port, timeout=timeout, max_results=max_results, workers=workers, cors=cors
        )
    except OSError as error:
        fail(f"cannot listen on {host}:{port} ({error.strerror or error})")
    bound_host, bound_port = server.server_address[:2]
    host_text = bound_host.decode() if isinstance(bound_host, bytes) else str(bound_host)
    console.print(f"serving {target} at http://{host_text}:{bound_port}/sparql (Ctrl-C stops)", markup=False)
    # SIGTERM (service managers, `kill`) stops like Ctrl-C: workers stopped, a temporary store removed
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
