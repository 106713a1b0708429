"""Choosing mention spans: which of overlapping gazetteer and model spans to keep, how far a name reaches
("Kurdish-led SDF", "al-Hawl camp", "Iraqi-controlled facilities"), and when a name is the doer of a verb.

Pure functions over spaCy spans, used by :mod:`kg.extract.actors.recognizer`.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract.actors.kinds import ADMIN_WORDS, FACILITY_WORDS, guess_kind
from kg.extract.datelines import is_dateline_place
from kg.extract.gazetteer import Gazetteer, GazetteerEntry
from kg.extract.lexicon import word_set
from kg.records import is_place

EXTEND_WORDS = {w for w in FACILITY_WORDS + ADMIN_WORDS if " " not in w}
# "Kurdish-led SDF", "Iran-backed militias", "Iraqi-controlled facilities": the modifier belongs to the mention.
LED = word_set("actors", "led_modifiers")
CONTROLLED = word_set("actors", "controlled_modifiers")
HEAD_MODIFIERS = word_set("actors", "head_modifiers")
PARTY_HEADS = word_set("actors", "party_heads")
LOCATED_NOUNS = word_set("places", "located_nouns") | {w for w in EXTEND_WORDS}


def inside(span: Span, ranges: list[tuple[int, int]]) -> bool:
    if not ranges:
        return False  # most documents have no byline or boilerplate: no span text made
    # Compare the stripped span: the model's "James Corrigan\n" must still count as inside the byline.
    end = span.start_char + len(span.text.rstrip())
    return any(s <= span.start_char and end <= e for s, e in ranges)


def overlaps(span: Span, taken: set[tuple[int, int]]) -> bool:
    return any(span.start < e and s < span.end for s, e in taken)


def trim_punct(span: Span) -> Span | None:
    """The span less brackets and punctuation at its edges: the small model tags 'Ariha city (' as a place.

    >>> from spacy.vocab import Vocab
    >>> from spacy.tokens import Doc
    >>> doc = Doc(Vocab(), words=["near", "Ariha", "city", "(", "Idleb", ")"])
    >>> trim_punct(doc[1:4]).text, trim_punct(doc[3:4])
    ('Ariha city', None)
    """
    start, end = span.start, span.end
    while start < end and span.doc[start].text in _EDGE_PUNCT:
        start += 1
    while end > start and span.doc[end - 1].text in _EDGE_PUNCT:
        end -= 1
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.doc, start, end, label=span.label_) if end > start else None


_EDGE_PUNCT = {"(", ")", "[", "]", ",", ";", ":", "-", "–", "—", '"', "“", "”"}


def strip_head(text: str) -> str:
    """'Hasakah province' -> 'Hasakah', 'the al-Hawl camp' -> 'al-Hawl camp' stays a camp name."""
    text = re.sub(r"^(the)\s+", "", text, flags=re.IGNORECASE)
    words = text.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in ADMIN_WORDS else text


def widen_modifiers(span: Span) -> Span:
    """Widen a mention over 'X-led' before it and '-controlled <noun>' after it."""
    doc, start, end = span.doc, span.start, span.end
    if start >= 3 and doc[start - 1].lower_ in LED and doc[start - 2].text == "-":
        start -= 3
    if end + 2 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in CONTROLLED:
        end += 3 if doc[end + 2].pos_ == "NOUN" else 2
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label)


def extend_head(span: Span) -> Span:
    """Take in a following 'camp' / 'province' / 'military base' so the mention is the whole name."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].lower_ in HEAD_MODIFIERS and doc[end + 1].lower_ in EXTEND_WORDS:
        return Span(doc, span.start, end + 2, label=span.label)  # "Tibú military base", "Kati army camp"
    if end < len(doc) and doc[end].lower_ in EXTEND_WORDS:
        return Span(doc, span.start, end + 1, label=span.label)
    if _names_party(span):  # "the Umma party" is the party, not the town of Umma
        return Span(doc, span.start, end + 1, label="ORG")
    return span


def _names_party(span: Span) -> bool:
    """The name is a compound of a following 'party' / 'movement' that ends its noun phrase."""
    if span.label_ == "NORP" or span.end >= len(span.doc):
        return False
    head = span.doc[span.end]
    return head.lower_ in PARTY_HEADS and span.root.head.i == head.i and head.dep_ != "compound"


def party_entry(span: Span, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """'the Palestinian Islamic Jihad movement' is the known group; 'the Umma party' is no town."""
    if span.label_ != "ORG" or span[-1].lower_ not in PARTY_HEADS or len(span) < 2:
        return None
    entry = gazetteer.lookup(span[:-1].text)
    return entry if entry is not None and not is_place(entry.kind) else None


def _people(ent: Span) -> bool:
    """A plural proper noun after a nationality word, which the model calls a person: "Bosnian Serbs"."""
    return (
        ent.label_ in {"PERSON", "NORP"}
        and len(ent) > 1
        and ent.root.tag_ == "NNPS"
        and ent[0].tag_ in {"JJ", "NNP"}
        and ent[0].i != ent.root.i
    )


def prefer(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans: gazetteer matches win unless a model entity is mostly something else."""
    gaz = sorted((s for s in spans if s.label_ == "GAZ"), key=lambda s: (s.start, -len(s)))
    chosen: dict[int, Span] = {}  # token -> the chosen span over it (a set of spans made this quadratic)

    def free(span: Span) -> bool:
        return all(i not in chosen for i in range(span.start, span.end))

    def take(span: Span) -> None:
        chosen.update(dict.fromkeys(range(span.start, span.end), span))

    for span in sorted(gaz, key=len, reverse=True):
        if free(span):
            take(span)
    for ent in (s for s in spans if s.label_ != "GAZ"):
        if _people(ent) and ent.root.i not in chosen:  # "Bosnian Serbs" is a people, not Bosnia
            ent = Span(ent.doc, ent.start, ent.end, label="NORP")
        inner = {id(c): c for i in range(ent.start, ent.end) if (c := chosen.get(i)) is not None}
        inner = {k: c for k, c in inner.items() if ent.start <= c.start and c.end <= ent.end}
        words = [t for t in ent if not t.is_punct and t.lower_ != "the"]
        covered = sum(len(c) for c in inner.values())
        if (
            inner
            and ent.label_ in {"ORG", "PERSON", "FAC"}
            and (covered * 2 < len(words) or _company(ent))
            and "," not in ent.text
        ) or (inner and ent.label_ == "NORP" and ent.root.i not in chosen):
            for c in inner.values():
                for i in range(c.start, c.end):
                    del chosen[i]
        if free(ent):
            take(ent)
    return sorted({id(c): c for c in chosen.values()}.values(), key=lambda s: s.start)


def _company(ent: Span) -> bool:
    """A company the model names after its country ('Japan Airlines', 'British Airways'): not the country. Its
    last word says so; an acronym there ('... Council (PLC') is none."""
    head = ent[-1]
    return (
        ent.label_ == "ORG"
        and len(ent) > 1
        and not head.is_upper
        and guess_kind("ORG", head.text) == "Company"
    )


# Verbs whose object is a party addressed or acted on politically ("accused Kabul", "urged Kyiv"), not a place.
ADDRESSED_BY = word_set("actors", "addressed_by")
# Nouns whose "with / between / against / from" object is a party: "talks with Moscow", "a deal between X and Y".
RELATION_NOUNS = word_set("actors", "relation_nouns")


def is_agentive(span: Span) -> bool:
    """Whether a place name is used as a party that acts or is addressed ("Damascus claims", "accused Kabul",
    "talks between Kyiv and Moscow", "according to Baghdad", "an admission by Moscow"), not as a location ("in Damascus", "struck Kyiv")."""
    root = span.root
    if is_dateline_place(span):
        return False
    if root.dep_ == "conj":
        return is_agentive(root.head.doc[root.head.i : root.head.i + 1])  # "Kyiv and Moscow said"
    if root.dep_ == "poss":  # "Damascus's decision" acts; "Harare's streets", "Baghdad's bridges" are in it
        return root.head.lemma_.lower() not in LOCATED_NOUNS
    if root.dep_ == "nsubj":
        return True
    if root.dep_ == "nsubjpass":
        return any(c.dep_ == "xcomp" for c in root.head.children)  # "Damascus is positioned to assume"
    if root.dep_ in {"dobj", "dative"}:
        return root.head.lemma_.lower() in ADDRESSED_BY
    if root.dep_ == "pobj":
        prep = root.head
        if prep.dep_ == "agent" or (prep.lower_ == "to" and prep.head.lower_ == "according"):
            return True
        if prep.lower_ == "by" and prep.head.pos_ == "NOUN":  # "an admission by Moscow": a noun's by-agent
            return prep.head.lemma_.lower() not in LOCATED_NOUNS
        return (
            prep.lower_ in {"with", "between", "against", "from"}
            and prep.head.lemma_.lower() in RELATION_NOUNS
        )
    return False


# Titles written before a name in news: part of the mention ("Colonel Bakary Sanogo"), not of the name.
TITLES = word_set("actors", "titles")


def widen_title(span: Span) -> tuple[Span, str]:
    """'Colonel Bakary Sanogo' -> (the span with its title, "Colonel"); no title -> (span, "")."""
    doc, start = span.doc, span.start
    while start > 0 and doc[start - 1].lower_ in TITLES and doc[start - 1].text[:1].isupper():
        start -= 1
    if start == span.start:
        return span, ""
    return Span(doc, start, span.end, label=span.label), doc[start : span.start].text
