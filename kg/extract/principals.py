"""Whom a spokesman stands for: 'a spokesman for the rebels said', 'the army's spokeswoman accused X'. PLOVER and
CAMEO code such acts and statements to the organisation, so event roles and claims' principals read it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.collectives import unnamed_actor
from kg.extract.lexicon import Lexicon, word_set
from kg.extract.state import Found

SPOKES_NOUNS = word_set("actors", "spokes_nouns")


def principal(speaker: Token, index: dict[int, Found], doc: Doc, lexicon: Lexicon) -> Found | None:
    """Whom a spokesman speaks and acts for: 'a spokesman for the rebels', 'the army's spokeswoman' (PLOVER and
    CAMEO code the organisation); None for anyone else or an owner that is a person or a place."""
    if speaker.lemma_.lower() not in SPOKES_NOUNS:
        return None
    owners = [c for c in speaker.children if c.dep_ in {"poss", "compound"}]
    owners += [o for p in speaker.children if p.dep_ == "prep" and p.lower_ in {"for", "of"} for o in p.children
               if o.dep_ == "pobj"]  # fmt: skip
    for owner in owners:
        found = index.get(owner.i)
        if found is None or found.kind == "Person":  # 'the army's spokeswoman' is one mention of a person
            found = unnamed_actor(owner, index, doc, lexicon)
        if found is not None and found.is_actor and found.kind != "Person" and not found.is_place:
            return found
    return None


def role_actor(token: Token, index: dict[int, Found], doc: Doc, lexicon: Lexicon) -> Found | None:
    """The actor a noun filling an event role stands for: whom a spokesman acts for ('a spokesman for the ministry
    called on X': the ministry, as PLOVER codes it), else the mention there, else an unnamed actor."""
    return (
        principal(token, index, doc, lexicon)
        or index.get(token.i)
        or unnamed_actor(token, index, doc, lexicon)
    )
