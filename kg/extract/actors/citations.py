"""Names on a "Sources: ..." line: the document cites them; they are no actor of any event.

Used by :mod:`kg.extract.actors.recognizer`; each name resolves like any mention (gazetteer, then a mention of the
same text in the body, else an organisation of its own).
"""

import re

from spacy.tokens import Doc

from kg.extract.actors.kinds import guess_kind
from kg.extract.actors.mentions import from_entry
from kg.extract.boilerplate import source_names
from kg.extract.gazetteer import Gazetteer
from kg.extract.state import Found, doc_text, slug


def cited_sources(doc: Doc, regions: list, found: list[Found], gazetteer: Gazetteer) -> list[Found]:
    """Each name of a "Sources: ..." line, resolved like any mention (not an actor of any event)."""
    known: dict[str, Found] = {}
    for f in found:
        known.setdefault(f.span.text.casefold(), f)
        known.setdefault(f.label.casefold(), f)
    cited = []
    for start, end, kind in regions:
        if kind != "sources":
            continue
        for s, e in source_names(doc_text(doc), start, end):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            text = re.sub(r"^(the)\s+", "", span.text, flags=re.IGNORECASE).casefold()
            same = known.get(span.text.casefold()) or known.get(text)
            entry = gazetteer.lookup(span.text)
            if entry is not None:
                cited.append(from_entry(span, entry))
            elif same is not None:
                cited.append(Found(span, same.key, same.label, same.kind, same.entry, 0.8))
            else:
                label = span.text
                cited.append(Found(span, slug(label), label, guess_kind("ORG", label), confidence=0.6))
    return cited
