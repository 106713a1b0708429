"""The ``kg`` command line: a thin typer app; each command parses its arguments and calls one library function.

User mistakes (missing files, bad dates, bad queries, unknown models) print one clear line and exit 2,
without a traceback and without writing a partial output file. Each command lives in the module of its kind;
importing them registers them on :data:`kg.cli.common.app`.
"""

from kg.cli import build, read, incidents, analysis, evaluate, serve  # noqa: F401, I001  (registers the commands, in help order)
from kg.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    """Console-script entry point."""
    app()
