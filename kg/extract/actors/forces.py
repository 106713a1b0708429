"""Forces and governments behind a country's name: 'U.S. forces' is the country acting, 'Syrian government forces'
and "Mali's military government" its government; named armies ('Malian Armed Forces') stay military organisations.

Used by :mod:`kg.extract.actors.recognizer` when it resolves a span to a gazetteer entry.
"""

import re

from spacy.tokens import Span

from kg.extract.actors.mentions import from_entry
from kg.extract.gazetteer import Gazetteer, GazetteerEntry
from kg.extract.lexicon import word_set
from kg.extract.state import Found

GOVERNMENT_WORDS = word_set("actors", "government_words")
FORCE_WORDS = word_set("actors", "force_words")
FORCES_PHRASE = re.compile(r"\b(forces|troops|soldiers|military)$", re.IGNORECASE)


def generic_forces(span: Span, entry: GazetteerEntry, gazetteer: Gazetteer) -> GazetteerEntry:
    """'U.S. forces' is the country acting, 'Syrian government forces' its government; named armies
    ('Syrian Arab Army', 'Tatmadaw') stay military organisations."""
    if entry.kind != "MilitaryOrganization" or not entry.country or not FORCES_PHRASE.search(span.text):
        return entry
    if span.text.split()[-1][0].isupper():  # "Malian Armed Forces" is a named army, "U.S. forces" is not
        return entry
    if "government" in span.text.lower():
        return gazetteer.government_of(entry.country) or entry
    return gazetteer.get(entry.country) or entry


def compose(found: Found, gazetteer: Gazetteer) -> Found:
    """'Syrian government forces' -> the government; 'U.S. forces' -> the country (span widened)."""
    if found.kind != "Country":
        return found
    doc, end = found.span.doc, found.span.end
    words = [t.lower_ for t in doc[end : end + 2]]
    if words and words[0] in {"'s", "’s"}:  # "Mali's military government", "Sudan's army-led government"
        after = doc[end + 1 : end + 4]
        heads = [i for i, t in enumerate(after) if t.lower_ in GOVERNMENT_WORDS]
        gov = gazetteer.government_of(found.key)
        if heads and gov is not None and all(t.pos_ in {"ADJ", "NOUN", "PROPN"} for t in after[: heads[0]]):
            return from_entry(doc[found.span.start : end + 2 + heads[0]], gov, 0.85)
    if words and words[0] in GOVERNMENT_WORDS:
        gov = gazetteer.government_of(found.key)
        width = 2 if len(words) > 1 and words[1] in FORCE_WORDS else 1
        if gov is not None:
            return from_entry(doc[found.span.start : end + width], gov, 0.85)
    # 'Nigerian troops', and a force of two words: 'the Nigerian air force'
    width = 2 if " ".join(words) in FORCE_WORDS else 1 if words and words[0] in FORCE_WORDS else 0
    if width:
        return Found(
            doc[found.span.start : end + width], found.key, found.label, found.kind, found.entry, 0.85
        )
    return found
