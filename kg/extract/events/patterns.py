"""CAMEO verb patterns (data in ``kg/data/cameo_patterns.json``): a verb that no lexicon types is an event when its
object or a prepositional phrase matches one of its patterns ('established diplomatic ties' is Support, CAMEO 054;
'arrived for talks' is Consultation, CAMEO 046).

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["Chile", "established", "diplomatic", "ties"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["Chile", "establish", "diplomatic", "tie"],
...           heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "amod", "dobj"], pos=["PROPN", "VERB", "ADJ", "NOUN"])
>>> pattern_type(doc[1], lambda token: False)
'Support'
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

PATTERNS_PATH = Path(__file__).resolve().parent.parent.parent / "data" / "cameo_patterns.json"
MODIFIERS = {"amod", "compound", "nmod"}
NO_EVENT = "none"  # a pattern coding a statement or nothing: the verb is no event with that object
# (modifier words, event type) per object head, the most specific first
Heads = dict[str, list[tuple[frozenset[str], str]]]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[Heads, dict[str, str]]]:
    """Verb -> (object head -> [(modifiers, type)], '(prep object)' -> type)."""
    table = json.loads(PATTERNS_PATH.read_text(encoding="utf-8"))["patterns"]
    index: dict[str, tuple[Heads, dict[str, str]]] = {}
    for verb, patterns in table.items():
        heads: Heads = {}
        preps = {}
        for key, kind in patterns.items():
            if key.startswith("("):
                preps[key] = kind
                continue
            *modifiers, head = key.split()
            heads.setdefault(head, []).append((frozenset(modifiers), kind))
        for options in heads.values():
            options.sort(key=lambda option: -len(option[0]))
        index[verb] = (heads, preps)
    return index


def _forms(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def pattern_type(verb: Token, is_trigger: Callable[[Token], bool]) -> str | None:
    """The event type a pattern of ``verb`` gives it here (:data:`NO_EVENT` for none), if any. An object that is an event trigger of its own
    ('launched an offensive', 'made a visit') carries the event: the verb is then no second one."""
    entry = _patterns().get(verb.lemma_.lower())
    if entry is None:
        return None
    heads, preps = entry
    for obj in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
        if any(is_trigger(t) for t in (obj, *(c for c in obj.children if c.dep_ in MODIFIERS))):
            return None  # 'launched a mediation effort': the effort is the mediation's
        words = {w for c in obj.children if c.dep_ in MODIFIERS for w in _forms(c)}
        for form in _forms(obj):
            for modifiers, kind in heads.get(form, ()):
                if modifiers <= words:
                    return kind
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            if is_trigger(obj):
                return None
            coded = next((k for f in _forms(obj) if (k := preps.get(f"({prep.lower_} {f})"))), None)
            if coded is not None:
                return coded
    return None
