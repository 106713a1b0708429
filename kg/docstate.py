"""Working state of the newskg components, kept beside each Doc instead of inside ``Doc.user_data``.

The components exchange rich objects (spans, gazetteer entries) through ``doc._.kg_mentions`` and friends. Kept in
``user_data`` they would make Docs unserialisable (``DocBin``, ``nlp.pipe(n_process=2)``); kept here they live
exactly as long as their Doc. What leaves the pipeline is the JSON-able ``doc._.kg_record``.

>>> import spacy
>>> working_extension("kg_demo")
>>> doc = spacy.blank("en")("text")
>>> doc._.kg_demo = [object()]
>>> len(doc._.kg_demo), "kg_demo" in str(doc.user_data)
(1, False)
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_STATE: WeakKeyDictionary[Doc, dict[str, Any]] = WeakKeyDictionary()


def working_extension(name: str) -> None:
    """Register ``doc._.<name>`` backed by the side store (idempotent)."""
    if Doc.has_extension(name):
        return

    def get(doc: Doc) -> Any:
        return _STATE.get(doc, {}).get(name)

    def set_(doc: Doc, value: Any) -> None:
        _STATE.setdefault(doc, {})[name] = value

    Doc.set_extension(name, getter=get, setter=set_)
