"""Atomic file writing shared by every output: a failure never leaves a half-written file.

Every output (Turtle, TriG, HTML, GraphML, GEXF, ...) gets the usual permissions, 0666 less the umask (0644
under the common umask 022), and :func:`check_output_file` / :func:`check_output_dir` say before any work
whether a target can be written at all (missing folder, a folder where a file is wanted, a read-only place).

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out" / "a.txt"
>>> write_atomic(target, b"ok").read_bytes()
b'ok'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(ValueError):
    """An output path that cannot be written; the message names the path and the reason."""


def _probe(folder: Path, wanted: Path) -> None:
    """Create and remove a temp file in ``folder``: the only test that also holds for root and read-only mounts."""
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=".kg-probe.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"{wanted}: cannot write into {folder} ({error.strerror})") from None
    os.close(handle)
    os.unlink(name)


def check_output_file(path: str | os.PathLike[str], suffixes: set[str] | None = None) -> Path:
    """``path`` as a Path if a file can be written there, else :class:`OutputError` with the reason.

    The folder must exist (a typo should not create folders); ``suffixes`` lists the accepted extensions.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> check_output_file(folder / "g.html").name
    'g.html'
    >>> check_output_file(folder)
    Traceback (most recent call last):
    ...
    kg.files.OutputError: ... is a folder; give a file name
    >>> check_output_file(folder / "missing" / "g.html")
    Traceback (most recent call last):
    ...
    kg.files.OutputError: ...: the folder ... does not exist
    """
    target = Path(path)
    if suffixes is not None and target.suffix.lower() not in suffixes:
        raise OutputError(f"{target}: the file name must end in {' or '.join(sorted(suffixes))}")
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give a file name")
    parent = target.parent
    if not parent.exists():
        raise OutputError(f"{target}: the folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(f"{target}: {parent} is not a folder")
    _probe(parent, target)
    return target


def check_output_dir(path: str | os.PathLike[str]) -> Path:
    """``path`` as a Path if it is (or can be created as) a writable folder, else :class:`OutputError`.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> check_output_dir(folder / "new" / "out").name
    'out'
    >>> _ = (folder / "f").write_text("x")
    >>> check_output_dir(folder / "f")
    Traceback (most recent call last):
    ...
    kg.files.OutputError: ... exists and is not a folder
    """
    target = Path(path)
    existing = target
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        what = (
            "exists and is not a folder" if existing == target else f"is inside {existing}, which is a file"
        )
        raise OutputError(f"{target} {what}")
    _probe(existing, target)
    return target


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temp file beside ``path``, fsync, then rename over ``path``.

    The file gets the usual permissions (0666 less the umask), not mkstemp's private 0600, so a triple store
    or web server running as another user can read it.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, 0o666 & ~_umask())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
