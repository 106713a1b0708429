"""Counts with qualifiers: "roughly 150" -> 150 approximate, "as many as 7,000 could be" -> upper bound, possible.

>>> parse_number("7,000"), parse_number("tens of thousands"), parse_number("dozens")
((7000.0, False), (20000.0, True), (24.0, True))
>>> qualifier_of("as many as 7,000")
'upper_bound'
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from kg.extract.events.deaths import is_part, single_victims
from kg.extract.events.parties import expand
from kg.extract.language import COUNT_FILLERS as _UNIT_SKIP
from kg.extract.language import NUMBER_SCALES as _SCALE
from kg.extract.language import NUMBER_WORDS as _WORDS
from kg.extract.lexicon import word_list, word_map, word_pairs, word_set
from kg.extract.state import FoundEvent, FoundQuantity, doc_text

# Vague quantities get a nominal value (the smallest the phrase can mean) and the "vague" qualifier.
_VAGUE = word_map("events", "vague_counts")

_QUALIFIERS = word_pairs("events", "count_qualifiers")
_POSSIBLE = word_set("events", "possible_counts")
_PLANNED = word_set("events", "planned_counts")
VAGUE_COUNTS = word_list("events", "vague_count_phrases")


def parse_number(text: str) -> tuple[float, bool] | None:
    """The value of a number phrase and whether it is vague; None when it is not a count."""
    low = re.sub(
        r"\b(roughly|about|around|approximately|nearly|almost|some|an|initial|estimated|at least|"
        r"more than|over|up to|as many as|at most|no more than|fewer than|less than)\b",
        " ",
        text.lower(),
    )
    low = " ".join(low.replace(",", "").split())
    for phrase in sorted(_VAGUE, key=len, reverse=True):
        if low == phrase or low.endswith(" " + phrase):
            return float(_VAGUE[phrase]), True
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion)?", low)
    if match:
        return float(match.group(1)) * _SCALE.get(match.group(2) or "", 1), False
    words = low.replace("-", " ").split()
    if words and all(w in _WORDS or w in _SCALE or w == "and" for w in words):
        total, current = 0, 0
        for word in words:
            if word in _WORDS:
                current += _WORDS[word]
            elif word in _SCALE:
                total += max(current, 1) * _SCALE[word]
                current = 0
        return float(total + current), False
    return None


def qualifier_of(text: str) -> str:
    """exact / approximate / lower_bound / upper_bound / vague, from the words around a number."""
    low = text.lower()
    parsed = parse_number(text)
    if parsed and parsed[1]:
        return "vague"
    for name, pattern in _QUALIFIERS:
        if re.search(pattern, low):
            return name
    return "exact"


def widen(span: Span) -> Span:
    """Take in qualifier words just before the number that NER left out ("as many as" + "7,000")."""
    doc, start = span.doc, span.start
    before = doc[max(0, start - 3) : start].text.lower()
    for name, pattern in _QUALIFIERS:
        match = re.search(pattern + r"\s*$", before)
        if match and name:
            words = len(match.group(0).split())
            return doc[start - words : span.end]
    return span


def unit_token(span: Span) -> Token | None:
    """The noun a number counts: "150 fighters" -> fighters; "an initial batch of 144 detainees" -> detainees."""
    root = span.root
    if root.dep_ in {"nummod", "quantmod"} and root.head.pos_ in {"NOUN", "PROPN"} and root.head not in span:
        return root.head
    following = [t for t in span.doc[span.end : span.end + 3] if t.lower_ not in _UNIT_SKIP]
    if following and following[0].pos_ == "NOUN":
        return following[0]
    if root.head.lower_ in {"batch", "group", "total"}:  # "a batch of 144 detainees"
        return root.head
    return None


def status_of(token: Token) -> str:
    """done / possible / planned from modal and planning words governing the counted noun."""
    verb = token
    while verb.dep_ not in {"ROOT"} and verb.pos_ not in {"VERB", "AUX"}:
        verb = verb.head
    words = {t.lower_ for t in verb.children} | {verb.lower_, verb.lemma_}
    if words & _POSSIBLE:
        return "possible"
    if words & _PLANNED:
        return "planned"
    return "done"


def count_spans(doc: Doc) -> list[Span]:
    spans = [e for e in doc.ents if e.label_ in {"CARDINAL", "QUANTITY"}]
    taken = {t.i for s in spans for t in s}
    low = doc_text(doc).lower()
    for phrase in VAGUE_COUNTS:
        start = low.find(phrase)
        while start != -1:
            span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
            if span is not None and not taken & {t.i for t in span}:
                spans.append(span)
                taken |= {t.i for t in span}
            start = low.find(phrase, start + 1)
    return spans


def _participle_patient(verb: Token, noun: Token) -> bool:
    """The noun a bare past participle tells something done to: "4 fighters killed", "reported 4 fighters killed"
    (a subject with no auxiliary)."""
    if verb.tag_ != "VBN" or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    return (verb.dep_ == "acl" and verb.head == noun) or (noun.head == verb and noun.dep_ == "nsubj")


def governing_event(token: Token, by_head: dict[int, Any]) -> tuple[Any, str | None]:
    """The nearest event trigger above the counted noun, and the role the noun plays there."""
    current, dep = token, token.dep_
    for _ in range(6):
        head = current.head
        if head.i in by_head:
            event = by_head[head.i]
            role = {"nsubjpass": "theme", "dobj": "theme", "nsubj": "agent", "pobj": "theme"}.get(dep, dep)
            return event, role
        if head is current:
            break
        current, dep = head, (dep if head.dep_ == "prep" else head.dep_)
    for tok in expand(token):
        if tok.i in by_head:
            return by_head[tok.i], "theme"
    return None, None


def distinct(quantities: list[FoundQuantity]) -> list[FoundQuantity]:
    """The same count repeated (summary and body) is one quantity; keep the mention that names its unit. Equal
    counts of different units are two ("a woman and a child", "two soldiers and two rebels")."""
    best: dict[tuple, list[FoundQuantity]] = {}
    for q in quantities:
        kept = best.setdefault((q.value, q.qualifier, q.status), [])
        same = next((i for i, k in enumerate(kept) if None in (k.unit, q.unit) or k.unit == q.unit), None)
        if same is None:
            kept.append(q)
        elif kept[same].unit is None and q.unit is not None:
            kept[same] = q
    return sorted((q for kept in best.values() for q in kept), key=lambda q: q.span.start)


def attach_quantities(doc: Doc, events: list[FoundEvent], skipped: list[tuple[int, int]]) -> None:
    """Attach each count outside the ``skipped`` character ranges (headlines, boilerplate) to the event whose
    role it measures ('roughly 150 fighters have been moved'); a planned or hypothetical event's counts are too.
    (Moved here from the extractor, unchanged.)

    >>> import spacy
    >>> doc = spacy.blank("en")("No counts here.")
    >>> attach_quantities(doc, [], [])  # nothing to attach, nothing changes
    """
    by_head = {e.trigger.root.i: e for e in events}
    for span in count_spans(doc):
        if any(s <= span.start_char < e for s, e in skipped):
            continue
        parsed = parse_number(span.text)
        if parsed is None:
            continue
        span = widen(span)
        unit = unit_token(span)
        anchor = unit if unit is not None else span.root
        told = [c for c in anchor.children if c.i in by_head and _participle_patient(c, anchor)]
        event, role = (by_head[told[0].i], "theme") if told else governing_event(anchor, by_head)
        if event is None:
            continue
        status = status_of(anchor)
        if event.certainty == "hypothetical":
            status = "possible"
        elif event.certainty == "planned":
            status = "planned"
        if _participle_patient(event.trigger.root, anchor):
            role = "theme"  # "reported 4 fighters killed": a bare participle's noun is what it acts on
        if role is not None and is_part(anchor):
            role = "part"  # "including three children": some of a count told before, not more of them
        unit_text = unit.lemma_ if unit is not None else None
        quantity = FoundQuantity(span, parsed[0], unit_text, qualifier_of(span.text), status, role)
        event.quantities.append(quantity)
    for event in events:  # "killing a woman": one victim, though no number is written
        for quantity in single_victims(event):
            if not any(s <= quantity.span.start_char < e for s, e in skipped):
                quantity.status = {"hypothetical": "possible", "planned": "planned"}.get(
                    event.certainty, "done"
                )
                event.quantities.append(quantity)
