"""Group nouns: a people, its armed groups and the land it holds are three things.

"Kurds" stays the ethno-religious group. "Kurdish forces" / "Kurdish fighters" is an armed group of that people:
the one armed group the text itself calls "<Kurdish>-led" (the "Kurdish-led Syrian Democratic Forces"), else a
document-local armed group of its own. "Kurdish-held areas" is a document-local region, and a
"Kurdish-run administration" is not the people (the mention is dropped). "Ethnic Rakhine" is a people, not the
place it is named after.

>>> sorted(FORCE_NOUNS & {"fighters", "forces"}), "areas" in AREA_NOUNS
(['fighters', 'forces'], True)
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.extract.actors.spans import CONTROLLED
from kg.extract.collectives import kin_of
from kg.extract.lexicon import word_set
from kg.extract.state import Found, slug

FORCE_NOUNS = word_set("actors", "group_force_nouns")
AREA_NOUNS = word_set("actors", "held_area_nouns")
ARMED = {"ArmedGroup", "MilitaryOrganization"}


def _held(span: Span) -> bool:
    """'Kurdish-held areas': the mention was widened over '-held <noun>'."""
    return any(t.lower_ in CONTROLLED and t.i > span.start and span.doc[t.i - 1].text == "-" for t in span)


def _led_group(demonym: str, found: list[Found]) -> Found | None:
    """The one armed group the text calls '<demonym>-led'."""
    pattern = re.compile(rf"^{re.escape(demonym)}\s*-\s*led\b", re.IGNORECASE)
    groups = {f.key: f for f in found if f.kind in ARMED and pattern.match(f.span.text)}
    return next(iter(groups.values())) if len(groups) == 1 else None


def _ethnic(f: Found) -> Found:
    """'ethnic Rakhine (Buddhists)' is the people, not Rakhine State: a document-local group."""
    doc, span = f.span.doc, f.span
    end = span.end + 1 if span.end < len(doc) and doc[span.end].tag_ == "NNPS" else span.end
    label = f"ethnic {span.text}"  # not '<X> people': a bare 'people' elsewhere would join it
    return Found(
        doc[span.start - 1 : end], slug(label), label, "EthnoReligiousGroup", confidence=0.6, local=True
    )


def group_nouns(found: list[Found]) -> list[Found]:
    """Each people's mention that is really its armed group or its land, re-resolved (see the module doc)."""
    out = []
    for f in found:
        if f.kind != "Country" and (kin := kin_of(f.span)) is not None:
            # a tribe, not the village or the man it is named after ('Jaafar clans' reads it as an owner)
            key, doc = slug(f"{f.span.text} {kin.lemma_.lower()}"), f.span.doc
            span = (
                Span(doc, f.span.start, kin.i + 1) if kin.i == f.span.end else f.span
            )  # 'the Shammar tribe'
            out.append(Found(span, key, f.span.text, "EthnoReligiousGroup", confidence=0.6, local=True))
            continue
        if (
            f.is_place
            and f.kind != "Country"
            and f.span.start
            and f.span.doc[f.span.start - 1].lower_ == "ethnic"
        ):
            out.append(_ethnic(f))
            continue
        if f.kind != "EthnoReligiousGroup":
            out.append(f)
            continue
        doc, span = f.span.doc, f.span
        if _held(span):
            if span[-1].lower_ in AREA_NOUNS:
                label = re.sub(r"^(the)\s+", "", span.text, flags=re.IGNORECASE)
                out.append(Found(span, slug(label), label, "Region", confidence=0.6, local=True))
            continue  # "Kurdish-run administration" is not the Kurds
        after = doc[span.end] if span.end < len(doc) else None
        if after is None or after.lower_ not in FORCE_NOUNS or span[-1].tag_ in {"NNS", "NNPS"}:
            out.append(f)
            continue
        wide = Span(doc, span.start, span.end + 1, label=span.label)
        led = _led_group(span.text, found)
        if led is not None:
            out.append(Found(wide, led.key, led.label, led.kind, led.entry, 0.7))
        else:
            label = f"{span.text} forces"
            out.append(
                Found(wide, slug(label), label, "ArmedGroup", confidence=0.6, local=True, member_of=None)
            )
    return out
