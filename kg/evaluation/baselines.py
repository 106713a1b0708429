"""Naive baselines measured beside newskg in the same run: a keyword ACLED type map, the first DATE entity of the
report, and the places the model's NER finds (the first one, or all of them); for PLOVER, a keyword class map and
the first / second actor-like NER entity as source / target.

>>> keyword_type("Troops shelled the town."), keyword_type("Hundreds marched to parliament."), keyword_type("Talks.")
('Explosions/Remote violence', 'Protests', None)
>>> keyword_plover("Iran rejected the proposal."), keyword_plover("The two leaders met in Oslo.")
('REJECT', 'CONSULT')
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract.temporal import normalise_date

# The ~30-line keyword -> ACLED event type map (first keyword found in a sentence wins).
KEYWORDS: tuple[tuple[str, str], ...] = (
    ("airstrike", "Explosions/Remote violence"),
    ("air strike", "Explosions/Remote violence"),
    ("drone", "Explosions/Remote violence"),
    ("shell", "Explosions/Remote violence"),
    ("mortar", "Explosions/Remote violence"),
    ("rocket", "Explosions/Remote violence"),
    ("missile", "Explosions/Remote violence"),
    ("bomb", "Explosions/Remote violence"),
    ("ied", "Explosions/Remote violence"),
    ("explosi", "Explosions/Remote violence"),
    ("grenade", "Explosions/Remote violence"),
    ("landmine", "Explosions/Remote violence"),
    ("riot", "Riots"),
    ("mob", "Riots"),
    ("protest", "Protests"),
    ("demonstrat", "Protests"),
    ("rally", "Protests"),
    ("march", "Protests"),
    ("clash", "Battles"),
    ("fighting", "Battles"),
    ("battle", "Battles"),
    ("ambush", "Battles"),
    ("kidnap", "Violence against civilians"),
    ("abduct", "Violence against civilians"),
    ("killed", "Violence against civilians"),
    ("attack", "Violence against civilians"),
    ("shot", "Violence against civilians"),
    ("arrest", "Strategic developments"),
    ("agreement", "Strategic developments"),
    ("seized", "Strategic developments"),
)


def keyword_type(text: str) -> str | None:
    """The ACLED type of the first keyword (in map order) that a sentence contains."""
    low = text.lower()
    return next(
        (event_type for word, event_type in KEYWORDS if re.search(rf"\b{re.escape(word)}", low)), None
    )


def keyword_types(doc: Doc) -> list[str]:
    """One keyword type per sentence that has one."""
    return [t for sent in doc.sents if (t := keyword_type(sent.text))]


def first_date(doc: Doc, doc_date: str | None) -> str | None:
    """The first DATE entity of the report that normalises, as the model and dateparser give it."""
    for ent in doc.ents:
        if ent.label_ == "DATE" and (value := normalise_date(ent.text, doc_date)) is not None:
            return value.value
    return None


def ner_places(doc: Doc) -> list[str]:
    """Every GPE / LOC / FAC entity of the model, in text order."""
    return [e.text for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC"}]


# The keyword -> PLOVER class map of the PLOVER baseline (first keyword, in map order, found in the sentence).
PLOVER_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("protest", "PROTEST"), ("demonstrat", "PROTEST"), ("rally", "PROTEST"), ("strike", "PROTEST"),
    ("threat", "THREATEN"), ("warn", "THREATEN"), ("demand", "DEMAND"), ("call", "DEMAND"), ("urge", "DEMAND"),
    ("reject", "REJECT"), ("refuse", "REJECT"), ("deny", "REJECT"), ("denied", "REJECT"),
    ("condemn", "DISAPPROVE"), ("criticis", "DISAPPROVE"), ("criticiz", "DISAPPROVE"), ("accuse", "DISAPPROVE"),
    ("sanction", "SANCTION"), ("embargo", "SANCTION"), ("expel", "SANCTION"), ("arrest", "COERCE"),
    ("detain", "COERCE"), ("seize", "COERCE"), ("attack", "ASSAULT"), ("kill", "ASSAULT"), ("bomb", "ASSAULT"),
    ("fight", "FIGHT"), ("clash", "FIGHT"), ("shell", "FIGHT"), ("withdraw", "RETREAT"), ("retreat", "RETREAT"),
    ("release", "CONCEDE"), ("ease", "CONCEDE"), ("aid", "AID"), ("assist", "AID"), ("support", "SUPPORT"),
    ("praise", "SUPPORT"), ("cooperat", "COOPERATE"), ("investigat", "INVESTIGATE"), ("probe", "INVESTIGATE"),
    ("deploy", "MOBILIZE"), ("mobiliz", "MOBILIZE"), ("agree", "AGREE"), ("sign", "AGREE"), ("promise", "AGREE"),
    ("met", "CONSULT"), ("meet", "CONSULT"), ("talks", "CONSULT"), ("visit", "CONSULT"),
)  # fmt: skip
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def keyword_plover(text: str) -> str | None:
    """The PLOVER class of the first keyword (in map order) that a sentence contains."""
    low = text.lower()
    return next((name for word, name in PLOVER_KEYWORDS if re.search(rf"\b{re.escape(word)}", low)), None)


def ner_actors(doc: Doc) -> list[tuple[int, int, str]]:
    """Every PERSON / ORG / GPE / NORP entity of the model as (start, end, text), in text order."""
    return [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in ACTOR_LABELS]
