"""Shared pieces of the ``kg`` commands: the typer app, one error path, output for people and for machines.

Output rules (scripts can trust them):

- A user mistake prints exactly one ``error:`` line on stderr and exits 2, before any expensive work and
  without leaving a partial file; bad options are user mistakes too. An unexpected failure (a bug) prints one
  ``error: internal error`` line and exits 1; ``kg -v`` shows its traceback.
- When stdout is not a terminal nothing is wrapped, coloured or animated: JSON and CSV are written as they are,
  tables at their natural width, progress spinners only ever go to a terminal on stderr.
- ``kg -q`` keeps only the results (query rows, JSON reports) and errors; ``kg -v`` adds progress notes.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn

import click
import typer
from rdflib import Dataset
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from kg.files import OutputError, check_output_dir, check_output_file

_typer_click: types.ModuleType
try:  # typer >= 0.20 carries its own copy of click; older releases raise click's classes
    from typer._click import exceptions as _typer_click
except ImportError:  # pragma: no cover - depends on the installed typer
    _typer_click = click.exceptions
_CLICK_ERROR = (click.ClickException, _typer_click.ClickException)
_NO_ARGS = (click.exceptions.NoArgsIsHelpError, _typer_click.NoArgsIsHelpError)
_USAGE = (click.UsageError, _typer_click.UsageError)
_ABORT = (click.Abort, typer.Abort)

log = logging.getLogger("kg")
_state = {"verbose": False, "quiet": False}


def one_line(message: object, limit: int = 600) -> str:
    """``message`` as one printable line: line breaks and control characters escaped, lone surrogates too.

    >>> one_line("bad\\nthing\\x00 \\udc80")
    'bad\\\\nthing\\\\x00 \\\\udc80'
    """
    text = str(message).encode("utf-8", "backslashreplace").decode("utf-8")
    text = "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode() for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class OneLineErrors(TyperGroup):
    """The ``kg`` group: click's usage errors and unexpected exceptions become one ``error:`` line."""

    def main(self, args: Any = None, prog_name: Any = None, complete_var: Any = None,  # type: ignore[override]
             standalone_mode: bool = True, **extra: Any) -> Any:  # fmt: skip
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _NO_ARGS as error:
            click.echo(error.format_message())
            code = 0
        except _CLICK_ERROR as error:
            ctx = getattr(error, "ctx", None)
            where = f"{ctx.command_path}: " if ctx else ""
            hint = " (see --help)" if isinstance(error, _USAGE) else ""
            _print_error(f"{where}{error.format_message()}{hint}")
            code = error.exit_code
        except _ABORT:
            _print_error("aborted")
            code = 130
        except BrokenPipeError:
            # the reader went away (`kg query … | head`): stop quietly, as cat and grep do
            with contextlib.suppress(OSError):
                sys.stdout = open(__import__("os").devnull, "w")  # noqa: SIM115 - swallow the final flush
            code = 1
        except Exception as error:
            if _state["verbose"]:
                traceback.print_exc()
            _print_error(
                f"internal error ({type(error).__name__}: {error}); this is a bug: please report it with the "
                "output of the same command run as `kg -v ...`"
            )
            code = 1
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(help="newskg: turn news articles into an RDF knowledge graph.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False, cls=OneLineErrors)  # fmt: skip
# soft_wrap: never insert line breaks into long strings (they would corrupt piped JSON and split IRIs)
console = Console(soft_wrap=True, highlight=False)
errors = Console(stderr=True, soft_wrap=True, highlight=False)
results = Console(soft_wrap=True, highlight=False)  # query rows and tables: printed even under -q

GraphArg = Annotated[Path, typer.Argument(help="A built graph: .trig, .nq, .ttl, .nt or .jsonld file.")]
TargetArg = Annotated[
    Path,
    typer.Argument(help="A store folder (kg build --store) or a graph file (.trig .nq .ttl .nt .jsonld)."),
]


def _version(value: bool) -> None:
    if value:
        from kg import __version__

        sys.stdout.write(f"newskg {__version__}\n")
        raise typer.Exit()


@app.callback()
def _options(
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Print only results and errors.")] = False,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help="Also print progress notes and tracebacks of bugs.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """newskg: turn news articles into an RDF knowledge graph."""
    if quiet and verbose:
        fail("-q and -v cannot be used together")
    _state.update(quiet=quiet, verbose=verbose)
    console.quiet = quiet
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    log.handlers[:] = [handler]
    log.propagate = False
    log.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    # rdflib logs a traceback for every ill-typed literal it reads ("2026-13-45"^^xsd:date); the literal is
    # kept as written and `kg validate` reports it, so the traceback is noise unless -v asks for it
    logging.getLogger("rdflib.term").setLevel(logging.WARNING if verbose else logging.CRITICAL)


def is_quiet() -> bool:
    """True under ``kg -q`` (summaries and "wrote …" notes are not printed)."""
    return _state["quiet"]


def _print_error(message: str) -> None:
    errors.print(Text.assemble(("error:", "bold red"), " ", one_line(message)))


def fail(message: str) -> NoReturn:
    """Print one ``error:`` line and exit 2 (a user mistake, not a crash)."""
    _print_error(message)
    raise typer.Exit(code=2)


def emit(text: str) -> None:
    """Write machine-readable output (JSON, CSV) to stdout exactly as given, with a final newline."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


@contextlib.contextmanager
def status(message: str) -> Iterator[None]:
    """A spinner on stderr while slow work runs, only when stderr is a terminal and not under ``-q``."""
    log.info(message)
    if errors.is_terminal and not _state["quiet"]:
        with errors.status(message):
            yield
    else:
        yield


def print_table(columns: list[str], rows: list[list[str | None]], title: str | None = None) -> None:
    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*["" if v is None else v for v in row])
    # a terminal gets a table that fits it; a pipe gets the natural width (no wrapped cells)
    results.print(table, width=None if results.is_terminal else 1_000_000, crop=False)


def output_file(path: Path, suffixes: set[str] | None = None) -> Path:
    """Check before any work that ``path`` can be written (see :func:`kg.files.check_output_file`)."""
    try:
        return check_output_file(path, suffixes)
    except OutputError as error:
        fail(str(error))


def output_dir(path: Path) -> Path:
    """Check before any work that the folder ``path`` can be created or written into."""
    try:
        return check_output_dir(path)
    except OutputError as error:
        fail(str(error))


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Turn an OS failure while writing ``path`` (disk full, permissions changed) into one ``error:`` line."""
    try:
        yield
    except OSError as error:
        fail(f"{path}: cannot write ({error.strerror or error})")


def _parse_location(path: Path, error: Exception) -> str:
    """rdflib's messages for truncated Turtle/TriG/N-Triples lack a line ("string index out of range");
    pyoxigraph's parser names line and column, so ask it where the file breaks."""
    message = one_line(error, limit=300)
    if "line" in message.lower():
        return message
    import pyoxigraph as ox

    formats = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
               ".nq": ox.RdfFormat.N_QUADS}  # fmt: skip
    fmt = formats.get(path.suffix.lower())
    if fmt is None:
        return message
    try:
        for _ in ox.parse(path=str(path), format=fmt):
            pass
    except SyntaxError as located:
        return one_line(located, limit=300)
    except Exception:  # noqa: BLE001 - only looking for a location; keep rdflib's message otherwise
        return message
    return message


def load_graph(path: Path) -> Dataset:
    from kg.rdf.io import UnsupportedFormatError, read_dataset

    if not path.is_file():
        fail(f"{path}: no such graph file" if not path.exists() else f"{path}: not a file")
    try:
        return read_dataset(path)
    except UnsupportedFormatError as error:
        fail(str(error))
    except UnicodeDecodeError as error:
        fail(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})")
    except RecursionError:
        fail(f"{path}: cannot parse (nested too deeply)")
    except Exception as error:  # rdflib parser errors: show where, not a traceback
        fail(f"{path}: cannot parse ({_parse_location(path, error)})")


def load_target(path: Path) -> Any:
    """A store folder opened read-only, or a graph file loaded into an in-memory Oxigraph store."""
    from kg.rdf.io import UnsupportedFormatError
    from kg.rdf.store import StoreError, open_target

    if path.exists() and not path.is_dir() and not path.is_file():
        fail(f"{path}: not a file or folder")
    try:
        return open_target(path)
    except (StoreError, UnsupportedFormatError) as error:
        fail(str(error))
    except UnicodeDecodeError as error:
        fail(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})")
    except (SyntaxError, ValueError, OSError) as error:  # pyoxigraph parse errors name line and column
        fail(f"{path}: cannot parse ({one_line(error, limit=300)})")


def write_rows(rows: list, columns: list[str], format: str) -> None:  # noqa: A002 - matches --format
    from kg.rdf.tables import cell_text, to_csv, to_jsonl

    if format == "table":
        print_table(columns, [[cell_text(row.get(c)) for c in columns] for row in rows])
    else:
        sys.stdout.write(to_csv(rows, columns) if format == "csv" else to_jsonl(rows))
