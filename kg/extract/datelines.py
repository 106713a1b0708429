"""Wire datelines: "KABUL (Reuters) -", "ADEN, Yemen (AP) --" open a story with where it was filed.

The one home of dateline recognition, for three questions asked at three stages:

- :func:`dateline_end` and :func:`dateline_before`: where a whole dateline (a place in capitals, '(Agency)' and
  a dash) ends. :mod:`kg.extract.paragraphs` makes the text after one a sentence of its own (else the parser hangs
  the place on the first verb as its subject); the places of an event of the sentence right after it may still
  fall back on the dateline's (:func:`kg.extract.events.places.sentence_place`).
- :func:`is_dateline_place`: whether a place mention (a token span) opens its sentence as a dateline
  ('NAIROBI, June 25 (Reuters) -', 'Kabul, Jan. 3 -'), so is no actor (:func:`kg.extract.actors.spans.is_agentive`).
- :func:`in_dateline`: the same question on plain text, for a name at a character offset that opens its line
  ('BANGKOK, Nov 16 -'); no parse or sentence needed.

The last two are two recognisers, not one: the span form needs a sentence start and reads the tokens after the
name (a dash, an agency, a month), the text form needs a line start and a comma after a run of capitals. The
actor recogniser asks both (:mod:`kg.extract.actors.recognizer`).

>>> import spacy
>>> doc = spacy.blank("en")("ADEN, Yemen (AP) - Houthi rebels fired missiles.")
>>> doc[dateline_end(doc[0])].text
'Houthi'
>>> dateline_end(doc[0].doc[7]) is None
True
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extract.language import MONTHS

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


# What follows a place in capitals that opens a dateline: a comma (a date or country next), its agency, a dash
# (every one of DASHES but "--", as this test always read them: a bare "KABUL --" is no dateline place here).
_AFTER_CAPITALS = {",", "("} | (DASHES - {"--"})
_MONTH = re.compile(rf"^(?:{MONTHS})\.?$", re.IGNORECASE)


def is_dateline_place(span: Span) -> bool:
    """Whether a place opens its sentence as a dateline ('NAIROBI, June 25 (Reuters) -', 'Kabul, Jan. 3 -'):
    where the story was filed, never an actor.

    >>> import spacy
    >>> doc = spacy.blank("en")("NAIROBI, June 25 (Reuters) - Police fired tear gas.")
    >>> is_dateline_place(doc[0:1]), is_dateline_place(doc[6:7])
    (True, False)
    """
    doc, end = span.doc, span.end
    if not (span.start == 0 or span[0].is_sent_start) or end >= len(doc):
        return False
    after = doc[end : end + 4]
    if span.text.isupper() and len(span.text) > 2 and after[0].text in _AFTER_CAPITALS:
        return True
    return (
        after[0].text == ","
        and len(after) > 1
        and (after[1].text == "(" or bool(_MONTH.match(after[1].text)))
    )


# A wire dateline opens the first paragraph: the city the report was filed from, in capitals, then a comma
# ("BANGKOK, Nov 16 - ", "IDLIB, Syria, Oct 12 (Reuters) - ").
_CAPITALS_COMMA = re.compile(r"[A-Z][A-Z'’. -]*[A-Z],")


def in_dateline(text: str, start: int) -> bool:
    """Whether the name at ``start`` is a dateline's city: where the report was filed, not who acts or where.

    >>> in_dateline("BANGKOK, Nov 16 - A Myanmar air strike killed six people.", 0)
    True
    >>> in_dateline("Bangkok said on Monday it would send aid.", 0)
    False
    """
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and _CAPITALS_COMMA.match(text, start) is not None
