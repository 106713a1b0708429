"""Recognise the parts of a news page that are not reporting: boilerplate, source lines and headlines.

Works on plain text, so it is testable without spaCy.

>>> text = "Title Of A Story\\nBody text here.\\nSources: CENTCOM, The Associated Press.\\nHelp us improve."
>>> [(kind, text[s:e]) for s, e, kind in find_regions(text)]
[('headline', 'Title Of A Story'), ('sources', 'Sources: CENTCOM, The Associated Press.'), ('boilerplate', 'Help us improve.')]
>>> [text[s:e] for s, e in source_names(text, *find_regions(text)[1][:2])]
['CENTCOM', 'The Associated Press']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.language import TITLE_CASE_SMALL_WORDS as _SMALL_WORDS

# A credit line names its sources after a colon ("Sources: CENTCOM, AP"); "Sources said ..." is a sentence whose
# subject happens to be the word, so "source(s)" needs the colon; the two credit phrases are never a subject.
_SOURCES = re.compile(
    r"^\s*(sources?\s*:|(with reporting from|additional reporting by)\s*:?)\s*(?=\S)", re.IGNORECASE
)
_BOILERPLATE = re.compile(
    r"^\s*(help us improve|reporting by|editing by|writing by|compiled by|additional reporting|sign up|"
    r"subscribe|click here|read more|share this|follow us|contact us|related( stories| articles)?:|advertisement|"
    r"all rights reserved|copyright|©|\(c\)\s|this article (was|has been)|we want to hear|"
    r"our standards:|photo:|image:|video:)",
    re.IGNORECASE,
)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for line in text.splitlines(keepends=True):
        end = start + len(line.rstrip("\r\n"))
        yield start, end
        start += len(line)


def is_headline(line: str) -> bool:
    """A short title-cased line with no closing full stop: a headline or section heading."""
    words = re.findall(r"[A-Za-z][\w'’.-]*", line)
    if not 2 <= len(words) <= 25 or line.rstrip().endswith((".", ":", '"', "”")):
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = [w for w in content if w[0].isupper()]
    return bool(content) and len(capitalised) / len(content) >= 0.75


def find_regions(text: str) -> list[tuple[int, int, str]]:
    """Character ranges of headlines, source lines and boilerplate lines, as (start, end, kind)."""
    regions = []
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            continue
        if _SOURCES.match(line):
            regions.append((start, end, "sources"))
        elif _BOILERPLATE.match(line):
            regions.append((start, end, "boilerplate"))
        elif is_headline(line):
            regions.append((start, end, "headline"))
    return regions


def source_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of each name in a "Sources: A, B and C." line."""
    line = text[start:end]
    prefix = _SOURCES.match(line)
    offset = prefix.end() if prefix else 0
    names = []
    for match in re.finditer(r"[^,;]+", line[offset:]):
        piece = re.sub(r"^\s*(and\s+)?", "", match.group(0))
        lead = len(match.group(0)) - len(piece)
        piece = piece.rstrip(" .")
        if piece:
            s = start + offset + match.start() + lead
            names.append((s, s + len(piece)))
    return names
