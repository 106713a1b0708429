"""A people or country named only by a nationality word before a plural noun: 'Colombian peasants marched' is
the Colombian peasants' group, 'Iraqi missiles struck' is Iraq (as CAMEO codes it). Used by the event
extractor for the agent role (:mod:`kg.extract.events.extractor`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.collectives import left_edge, owner_name, register
from kg.extract.lexicon import Lexicon, word_set
from kg.extract.state import Found, slug

WEAPONS = word_set("events", "weapons")


def national_group(
    token: Token, index: dict[int, Found], doc: Doc, lexicon: Lexicon, *, singular: bool = False
) -> Found | None:
    """'Colombian peasants marched', 'Egyptian lawyers staged a sit-in': a plural common noun that a nationality or
    country qualifies, acting in an event, is that people's group, whatever the noun ('Algerian landowners' are
    not Algeria); a weapon acts for its country ('Iraqi missiles struck', as CAMEO codes it). For the agent role
    only: a target or theme so qualified is often a thing ('shelled Palestinian homes'). Not an event noun. With
    ``singular``, a singular noun too (for a victim its caller has checked is a person: 'killed a Somali elder')."""
    lemma = token.lemma_.lower()
    if (
        token.tag_ not in ({"NNS", "NN"} if singular else {"NNS"})
        or token.i in index
        or lexicon.type_of_lemma(lemma, token.pos_)
        or lemma in lexicon.light_nouns
    ):
        return None  # "Russian military operations" stand for events
    left = left_edge(token)
    owners = [index[t.i] for t in doc[left : token.i] if t.i in index and index[t.i].is_actor]
    owner = next((f for f in owners if f.kind == "Country" or f.span.root.ent_type_ == "NORP"), None)
    if owner is None:
        return None
    if lemma in WEAPONS:
        return owner
    words = [t.lower_ for t in doc[left : token.i] if t.i not in index and t.pos_ in {"NOUN", "PROPN"}]
    label = " ".join([owner_name(owner), *words, token.lower_])
    found = Found(doc[left : token.i + 1], slug(label), label, "Group", confidence=0.5, local=True,
                  member_of=owner.key)  # fmt: skip
    return register(found, index, doc)
