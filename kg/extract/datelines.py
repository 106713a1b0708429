"""Wire datelines: "KABUL (Reuters) -", "ADEN, Yemen (AP) --" open a story with where it was filed.

:mod:`kg.extract.paragraphs` makes the text after one a sentence of its own (else the parser hangs the place on
the first verb as its subject); the places of an event of the sentence right after it may still fall back on
the dateline's (:func:`kg.extract.events.places.sentence_place`).

>>> import spacy
>>> doc = spacy.blank("en")("ADEN, Yemen (AP) - Houthi rebels fired missiles.")
>>> doc[dateline_end(doc[0])].text
'Houthi'
>>> dateline_end(doc[0].doc[7]) is None
True
"""

from __future__ import annotations

from spacy.tokens import Span, Token

DASHES = {"-", "--", "\u2013", "\u2014"}
DATELINE_TOKENS = 12  # "SAN JOSE, Costa Rica (Reuters) -": a place, a country and the agency


def dateline_end(first: Token) -> int | None:
    """The index right after a dateline opening at ``first`` (a place in capitals, '(Agency)' and a dash), or
    None if the text there is no dateline."""
    if not (first.is_upper and first.is_alpha):
        return None
    doc = first.doc
    window = doc[first.i : first.i + DATELINE_TOKENS]
    opened = next((t.i for t in window if t.text == "("), None)
    closed = next((t.i for t in window if t.text == ")" and opened is not None and t.i > opened), None)
    if opened is None or closed is None or any(t.text.islower() for t in doc[first.i : opened]):
        return None
    if closed + 2 > len(doc) or doc[closed + 1].text not in DASHES:
        return None
    return closed + 2


def dateline_before(sent: Span) -> Span | None:
    """The dateline right before a sentence, when the sentence is a story's first after one."""
    doc = sent.doc
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    return before if dateline_end(before[0]) == sent.start else None
