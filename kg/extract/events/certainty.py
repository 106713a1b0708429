"""An event's certainty and polarity from the words around its trigger: negation, modals of possibility, intent
and planning verbs, hedges, event nouns that name a possibility ('further breakouts'), and 'X warned Y not to
attack' (Y's act, only warned about).

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["Rebels", "may", "attack"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, pos=["NOUN", "AUX", "VERB"], heads=[2, 2, 2],
...           deps=["nsubj", "aux", "ROOT"])
>>> certainty_of(doc[2])
('hypothetical', 'positive')
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.events.senses import irrealis, warned_off
from kg.extract.language import MODALS_OF_POSSIBILITY as MODAL_POSSIBLE
from kg.extract.lexicon import word_set
from kg.extract.state import Found, FoundEvent

PLANNING = word_set("events", "planning")
PLANNED_OBJECTS = word_set("events", "planned_objects")
HEDGES = word_set("events", "hedges")


CONDITIONS = {"if", "unless"}
CONSEQUENT_MODALS = {"will", "would", "could", "might", "'ll", "'d"}


def _conditional(verb: Token) -> bool:
    """The verb is in an if-clause ('if the army captures the town'), or, under 'will'/'would', in the clause
    that such an if-clause conditions ('..., they will be in position to expel the rebels')."""
    chain = [verb, *verb.ancestors]
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for node in chain for c in node.children):
        return True
    modal = any(c.dep_ == "aux" and c.lower_ in CONSEQUENT_MODALS for node in chain for c in node.children)
    root = chain[-1]
    conditioned = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
        for c in root.children
    )
    return modal and conditioned


def _failed(verb: Token) -> bool:
    """'failed to capture', 'a failed attempt to capture': what was tried did not happen."""
    governor = verb.head if verb.dep_ in {"xcomp", "acl"} else None
    if governor is None:
        return False
    return governor.lemma_ == "fail" or any(
        c.dep_ == "amod" and c.lemma_ == "fail" for c in governor.children
    )


def certainty_of(head: Token) -> tuple[str, str]:
    """Certainty and polarity from negation, modals, conditions, planning verbs and hedges around the trigger."""
    verb = head if head.pos_ in {"VERB", "AUX"} else head.head
    children = {c.lower_ for c in verb.children} | {c.lower_ for c in head.children}
    deps = {c.dep_ for c in verb.children} | {c.dep_ for c in head.children}
    if "neg" in deps or (head.pos_ == "VERB" and _failed(head)):
        return "negated", "negative"
    # a subject noun stays out: "if confirmed, the attack would be the deadliest" reports an attack
    conditioned = (head.pos_ == "VERB" or head.dep_ in {"dobj", "pobj"}) and _conditional(head)
    if children & MODAL_POSSIBLE or irrealis(head) or conditioned:
        return "hypothetical", "positive"
    planned = children & {"will", "planned"} or any(c.lemma_ == "plan" for c in head.children)
    vowed = (
        head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_ in PLANNED_OBJECTS
    )  # 'vow marches'
    if planned or vowed or (verb.dep_ in {"xcomp"} and verb.head.lemma_ in PLANNING):
        return "planned", "positive"
    if children & HEDGES or (
        verb.dep_ == "xcomp" and verb.head.lower_ in HEDGES
    ):  # "is likely to be arrested"
        return "hedged", "positive"
    return "asserted", "positive"


def warned_not_to(event: FoundEvent, head: Token, index: dict[int, Found]) -> None:
    """'X warned Y not to attack': the act is Y's, and it is only warned about (hypothetical)."""
    warned = warned_off(head)
    if warned is None:
        return
    found = index.get(warned.i)
    event.roles["agent"] = [found.key] if found is not None and not found.is_place else []
    event.certainty = "hypothetical"
