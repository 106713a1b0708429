"""Read articles from files, folders, stdin or JSONL, refusing bad input with a clear message.

Nothing is dropped silently: an empty document, an unreadable file, a bad JSONL line or a duplicate id is an
:class:`InputError` naming the file (and line). Bytes become text by :func:`kg.decoding.decode`.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Rebels attacked the town.")
>>> [d.doc_id for d in read_inputs([str(folder)])]
['a-3814fd44']
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from kg.decoding import CONTROL_CHARACTERS, InputError, decode, newlines
from kg.records import InputDocument

__all__ = [
    "InputError",
    "check_base_iri",
    "check_date",
    "check_iri",
    "check_lengths",
    "content_id",
    "read_inputs",
]

# In a folder, only these are articles (README.md, NOTICE, data files beside them are not); a file named on the
# command line is read whatever its extension.
TEXT_SUFFIXES = {".txt", ".text"}


log = logging.getLogger("kg.reader")

# Document dates outside this range are refused: they are typos ("0026-01-23") and relative dates ("last
# Tuesday", "next year") computed from them would leave the calendar Python can represent.
MIN_DATE, MAX_DATE = dt.date(1000, 1, 1), dt.date(2999, 12, 31)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|\\^`\x7f-\x9f\ud800-\udfff]+")


def check_date(value: object, where: str) -> str | None:
    """An ISO date (YYYY-MM-DD) between 1000 and 2999, or None; anything else is an InputError.

    >>> check_date("2026-01-23", "--date")
    '2026-01-23'
    >>> check_date("0001-01-01", "--date")
    Traceback (most recent call last):
    ...
    kg.decoding.InputError: --date: date '0001-01-01' is outside 1000-01-01 .. 2999-12-31
    """
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: date must be a string YYYY-MM-DD, not {type(value).__name__}")
    try:
        date = dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        date = None
    if date is None:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD")
    if not MIN_DATE <= date <= MAX_DATE:
        raise InputError(f"{where}: date {value!r} is outside {MIN_DATE} .. {MAX_DATE}")
    return date.isoformat()


def check_iri(value: object, where: str) -> str:
    """``value`` if it is an absolute IRI (a scheme, no spaces, quotes, ``<>`` or control characters).

    >>> check_iri("https://example.org/news/1", "url")
    'https://example.org/news/1'
    >>> check_iri("http://x/> <http://evil/p>", "url")
    Traceback (most recent call last):
    ...
    kg.decoding.InputError: url: 'http://x/> <http://evil/p>' is not an absolute IRI (no spaces, quotes, <, >, {, }, |, ^, `, \\)
    """
    if not isinstance(value, str):
        raise InputError(f"{where}: must be an IRI string, not {type(value).__name__}")
    if not _IRI.fullmatch(value):
        raise InputError(
            f"{where}: {value!r} is not an absolute IRI (no spaces, quotes, <, >, {{, }}, |, ^, `, \\)"
        )
    return value


def check_base_iri(value: str) -> str:
    """A ``--base-iri``: an absolute IRI ending in ``/`` or ``#`` (IRIs are minted by appending to it).

    >>> check_base_iri("https://example.org/kg/")
    'https://example.org/kg/'
    """
    check_iri(value, "--base-iri")
    if not value.endswith(("/", "#")):
        raise InputError(f"--base-iri: {value!r} must end with '/' or '#'")
    return value


def _read_text(path: Path) -> str:
    try:
        return decode(path.read_bytes(), str(path))
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def _read_stdin() -> str:
    stream = getattr(sys.stdin, "buffer", None)
    return decode(stream.read(), "stdin") if stream is not None else newlines(sys.stdin.read(), "stdin")


def check_lengths(documents: Iterable[InputDocument], limit: int) -> None:
    """Refuse, before extraction, a document longer than the pipeline's ``nlp.max_length`` (spaCy's E088).

    >>> check_lengths([InputDocument("a", "x" * 20)], 10)
    Traceback (most recent call last):
    ...
    kg.decoding.InputError: a: 20 characters, more than the model's limit of 10 (nlp.max_length); split the document
    """
    for document in documents:
        if len(document.text) > limit:
            raise InputError(
                f"{document.doc_id}: {len(document.text):,} characters, more than the model's limit of "
                f"{limit:,} (nlp.max_length); split the document"
            )


def _text_document(doc_id: str, text: str, where: str, date: str | None) -> InputDocument:
    if not text.strip():
        raise InputError(f"{where}: the document is empty")
    return InputDocument(doc_id=doc_id, text=text, date=date)


def _jsonl_text(item: dict, key: str, where: str, *, required: bool = False) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str):
        kind = "missing" if value is None else f"a {type(value).__name__}"
        raise InputError(f"{where}: '{key}' must be a string, not {kind}")
    if _SURROGATE.search(value):
        log.warning("%s: '%s' holds lone surrogates (not Unicode); replaced by U+FFFD", where, key)
        value = _SURROGATE.sub("\ufffd", value)
    return value


def content_id(text: str, stem: str = "") -> str:
    """A document id that names its content: the file name stem (if any) and a hash of the text, so two
    different ``report.txt`` files, or two stdin builds, never share a document IRI.

    >>> content_id("Rebels attacked the town.", "report")
    'report-3814fd44'
    >>> content_id("Rebels attacked the town.")
    'text-3814fd44'
    """
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{stem or 'text'}-{digest}"


def _jsonl_id(item: dict, where: str, default: str) -> str:
    value = item.get("id")
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(f"{where}: 'id' must be a string or an integer, not {type(value).__name__}")
    doc_id = str(value)
    if (
        not doc_id.strip()
        or _SURROGATE.search(doc_id)
        or CONTROL_CHARACTERS.search(doc_id)
        or len(doc_id) > 300
    ):
        raise InputError(f"{where}: 'id' {doc_id!r} must be 1-300 printable characters")
    return doc_id


def _jsonl(path: Path, date: str | None) -> list[InputDocument]:
    documents = []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: JSONL must be UTF-8 ({error.reason} at byte {error.start})") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else "nested too deeply"
            raise InputError(f"{where}: not valid JSON ({reason})") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(f"{where}: each line needs an object with a string 'text' field")
        body = _jsonl_text(item, "text", where, required=True) or ""
        title = _jsonl_text(item, "title", where)
        url = item.get("url")
        url = None if url in (None, "") else check_iri(url, f"{where}: 'url'")
        doc_id = _jsonl_id(item, where, url or content_id(body))  # no id: the URL, else the content's hash
        document = _text_document(
            doc_id, body, where, check_date(item.get("date"), f"{where}: 'date'") or date
        )
        documents.append(InputDocument(doc_id, document.text, document.date, title, url))
    if not documents:
        raise InputError(f"{path}: no documents in the file")
    return documents


def _files(folder: Path) -> list[Path]:
    found = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    usable = [p for p in found if p.suffix.lower() in TEXT_SUFFIXES | {".jsonl"}]
    if not usable:
        raise InputError(f"{folder}: no .txt or .jsonl files in the folder")
    return usable


def read_inputs(inputs: Iterable[str], *, date: str | None = None) -> list[InputDocument]:
    """Documents from paths (file, folder, ``-`` for stdin, ``.jsonl``); ``date`` is the default date."""
    date = check_date(date, "--date")
    documents: list[InputDocument] = []
    inputs = list(inputs)
    if inputs.count("-") > 1:
        raise InputError("'-' (stdin) can be given only once")
    for item in inputs:
        if item == "-":
            text = _read_stdin()
            documents.append(_text_document(content_id(text), text, "stdin", date))
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        for file in _files(path) if path.is_dir() else [path]:
            if file.suffix.lower() == ".jsonl":
                documents.extend(_jsonl(file, date))
            else:
                text = _read_text(file)
                documents.append(_text_document(content_id(text, file.stem), text, str(file), date))
    if not documents:
        raise InputError("no input documents given")
    seen: dict[str, int] = {}
    for document in documents:
        seen[document.doc_id] = seen.get(document.doc_id, 0) + 1
    duplicates = sorted(k for k, n in seen.items() if n > 1)
    if duplicates:
        raise InputError(
            f"duplicate document ids {duplicates}: ids come from the JSONL 'id' or 'url' field, or from the"
            " file name and a hash of the text (the same text given twice)"
        )
    return documents
