"""Read articles from files, folders, stdin or JSONL, refusing bad input with a clear message.

Nothing is dropped silently: an empty document, an unreadable file, a bad JSONL line or a duplicate id is an
:class:`InputError` naming the file (and line).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Rebels attacked the town.")
>>> [d.doc_id for d in read_inputs([str(folder)])]
['a']
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from kg.records import InputDocument

# In a folder, only these are articles (README.md, NOTICE, data files beside them are not); a file named on the
# command line is read whatever its extension.
TEXT_SUFFIXES = {".txt", ".text"}


class InputError(ValueError):
    """A user-facing problem with the input (the CLI prints it without a traceback)."""


def check_date(value: str | None, where: str) -> str | None:
    """An ISO date (YYYY-MM-DD) or None; anything else is an InputError."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def _text_document(doc_id: str, text: str, where: str, date: str | None) -> InputDocument:
    if not text.strip():
        raise InputError(f"{where}: the document is empty")
    return InputDocument(doc_id=doc_id, text=text, date=date)


def _jsonl(path: Path, date: str | None) -> list[InputDocument]:
    documents = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{where}: not valid JSON ({error.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(f"{where}: each line needs an object with a string 'text' field")
        doc_id = str(item.get("id") or f"{path.stem}-{number}")
        document = _text_document(doc_id, item["text"], where, check_date(item.get("date"), where) or date)
        url = item.get("url")
        documents.append(InputDocument(doc_id, document.text, document.date, item.get("title"), url))
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
    for item in inputs:
        if item == "-":
            documents.append(_text_document("stdin", sys.stdin.read(), "stdin", date))
            continue
        path = Path(item)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        for file in _files(path) if path.is_dir() else [path]:
            if file.suffix.lower() == ".jsonl":
                documents.extend(_jsonl(file, date))
            else:
                documents.append(_text_document(file.stem, _read_text(file), str(file), date))
    if not documents:
        raise InputError("no input documents given")
    seen: dict[str, int] = {}
    for document in documents:
        seen[document.doc_id] = seen.get(document.doc_id, 0) + 1
    duplicates = sorted(k for k, n in seen.items() if n > 1)
    if duplicates:
        raise InputError(
            f"duplicate document ids {duplicates}: ids come from file names or the JSONL 'id' field"
        )
    return documents
