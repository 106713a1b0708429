"""Resolved mentions (:class:`Found`) and the clean-ups that work on a document's list of them."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Span

from kg.extract.actors.spans import EXTEND_WORDS, inside
from kg.extract.gazetteer import GazetteerEntry
from kg.extract.lexicon import word_list
from kg.extract.state import Found


def from_entry(span: Span, entry: GazetteerEntry, confidence: float = 0.9) -> Found:
    return Found(span, entry.key, entry.label, entry.kind, entry, confidence)


def common_word_in_headline(found: Found, headlines: list[tuple[int, int]], body: str) -> bool:
    """'Male' in a Title Case headline is the word the body writes as 'male', not the Maldives' capital."""
    if len(found.span) != 1 or not inside(found.span, headlines):
        return False
    word = found.span.text
    return bool(re.search(rf"\b{re.escape(word.lower())}\b", body)) and not re.search(
        rf"\b{re.escape(word)}\b", body
    )


def body_text(text: str, headlines: list[tuple[int, int]]) -> str:
    r"""The text with headlines blanked out (offsets unchanged).

    >>> body_text("Title\nBody", [(0, 5)])
    '     \nBody'
    """
    chars = list(text)
    for start, end in headlines:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def drop_swallowed(found: list[Found]) -> list[Found]:
    """A mention inside another, widened mention ('Kurdish' in 'Kurdish-led SDF') is part of that one.

    A span inside a longer one either starts after it or shares its start and ends before it, so the longest
    reach of the spans starting earlier (and of those starting at the same token) decides, in n log n.
    """
    longest: dict[int, int] = {}  # start token -> the furthest end of a mention starting there
    for f in found:
        longest[f.span.start] = max(longest.get(f.span.start, -1), f.span.end)
    starts = sorted(longest)
    before, reach = [], -1  # before[i]: the furthest end of the mentions starting before starts[i]
    for start in starts:
        before.append(reach)
        reach = max(reach, longest[start])

    def swallowed(f: Found) -> bool:
        start, end = f.span.start, f.span.end
        return before[bisect_left(starts, start)] >= end or longest[start] > end

    return [f for f in found if not swallowed(f)]


def prefer_named_units(found: list[Found]) -> list[Found]:
    """A bare 'Hasakah' or 'al-Hawl' means the 'Hasakah province' or 'al-Hawl camp' the same text names."""
    units: dict[str, Found] = {}
    for f in found:
        words = f.span.text.split()
        if (
            f.kind in {"AdministrativeRegion", "Facility"}
            and len(words) > 1
            and words[-1].lower() in EXTEND_WORDS
        ):
            units.setdefault(" ".join(words[:-1]).casefold().removeprefix("the "), f)
    merged = []
    for f in found:
        unit = units.get(f.span.text.casefold().removeprefix("the "))
        if unit is not None and f.kind in {
            "City",
            "Region",
            "Person",
            "NonGovernmentalOrganization",
            "Group",
        }:
            f = Found(f.span, unit.key, unit.label, unit.kind, unit.entry, f.confidence)
        merged.append(f)
    return merged


ORGANISATIONS = {"ArmedGroup", "MilitaryOrganization", "MediaOrganization", "Company", "PoliticalParty",
                 "NonGovernmentalOrganization", "InternationalOrganization"}  # fmt: skip
MEDIA_HEADS = word_list("actors", "media_heads")


def owned_names(found: list[Found]) -> list[Found]:
    """'Russia's Africa Corps', 'Amaq news agency': the owner and the media head belong to the name's mention;
    the owning country keeps a secondary mention."""
    by_end = {f.span.end: f for f in found}
    out = []
    for f in found:
        doc, span = f.span.doc, f.span
        if f.kind in ORGANISATIONS and span.start >= 2 and doc[span.start - 1].lower_ in {"'s", "’s"}:
            owner = by_end.get(span.start - 1)
            if owner is not None and owner.kind == "Country":
                span = Span(doc, owner.span.start, span.end, label=span.label)
                owner.secondary = True
        if f.kind == "MediaOrganization":
            rest = doc[span.end : span.end + 2].text.lower()
            head = next((h for h in MEDIA_HEADS if rest == h or rest.startswith(h + " ")), None)
            if head:
                span = Span(doc, span.start, span.end + len(head.split()), label=span.label)
        out.append(f if span == f.span else Found(span, f.key, f.label, f.kind, f.entry, f.confidence))
    return out
