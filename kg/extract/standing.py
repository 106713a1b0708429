"""Agreements already in force are no happening: 'violating the truce', 'under the ceasefire agreement', 'had
observed an informal truce for a year'. The event layer drops such triggers (:func:`standing_reference`, with the
``not_governed_by`` words of ``kg/data/trigger_senses.json``); the incident coding blanks the same words
(:func:`standing_spans`), so that they code no agreement.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

SENSES_PATH = Path(__file__).resolve().parent.parent / "data" / "trigger_senses.json"


@cache
def senses() -> dict[str, dict[str, Any]]:
    """The word-sense rules of the trigger lexicon, by lemma."""
    return json.loads(SENSES_PATH.read_text(encoding="utf-8"))["senses"]


def standing_reference(token: Token, words: list[str]) -> bool:
    """An agreement noun that hangs from one of ``words`` (its verb as object or subject, or its preposition)
    names an agreement already in force, not its making: 'violating the truce', 'under the ceasefire agreement',
    'the deal had not stopped attacks', 'as the ceasefire strains'."""
    if token.pos_ == "VERB" or not words:
        return False
    if any(c.dep_ in {"relcl", "acl"} and c.tag_ in {"VBD", "VBN"} for c in token.children):
        return False  # 'threatens a truce that Qatar brokered in October': the clause tells its making
    governor = token.head
    if token.dep_ in {"compound", "amod"} and governor.dep_ in {"pobj", "dobj", "nsubj", "nsubjpass"}:
        token, governor = governor, governor.head  # 'the ceasefire agreement'
    if token.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"}:
        return governor.lemma_.lower() in words or governor.lower_ in words
    return False


def standing_spans(sent: Span) -> list[tuple[int, int]]:
    """Character spans of the trigger nouns in ``sent`` that name an agreement in force (see the module docstring).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["They", "violated", "the", "truce"], heads=[1, 1, 3, 1],
    ...           deps=["nsubj", "ROOT", "det", "dobj"], pos=["PRON", "VERB", "DET", "NOUN"],
    ...           lemmas=["they", "violate", "the", "truce"])
    >>> standing_spans(doc[:])
    [(18, 23)]
    """
    rules = senses()
    return [
        (t.idx, t.idx + len(t))
        for t in sent
        if t.pos_ != "VERB"
        and standing_reference(t, rules.get(t.lemma_.lower(), {}).get("not_governed_by", []))
    ]
