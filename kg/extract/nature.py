"""What nature does is no one's act: 'an earthquake struck the region, killing 12 people', 'floods killed 30'.

The event layer drops such triggers by the sense rules of ``kg/data/trigger_senses.json`` (``not_subject`` of
'kill', 'strike', 'hit'); the incident coding blanks the same clauses (:func:`natural_spans`), so that their cue
words ('killing') code no attack.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from kg.extract.standing import senses


@cache
def disasters() -> frozenset[str]:
    """Lemmas of what strikes or kills without a doer: the ``not_subject`` words of 'kill'.

    >>> "earthquake" in disasters()
    True
    """
    return frozenset(senses()["kill"].get("not_subject", ()))


def _subjects(verb: Token) -> set[str]:
    own = {c.lemma_.lower() for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}}
    own |= {g.lemma_.lower() for c in verb.children if c.dep_ == "agent" for g in c.children}
    # 'an earthquake struck, killing 12': the participle's subject is the quake
    if not own and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"}:
        return _subjects(verb.head)
    return own


def natural_spans(sent: Span) -> list[tuple[int, int]]:
    """Character spans of the clauses whose subject (or 'by' agent) is a natural disaster.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Floods", "killed", "12", "people"], heads=[1, 1, 3, 1],
    ...           deps=["nsubj", "ROOT", "nummod", "dobj"], pos=["NOUN", "VERB", "NUM", "NOUN"],
    ...           lemmas=["flood", "kill", "12", "people"])
    >>> natural_spans(doc[:])
    [(7, 23)]
    """
    words = disasters()
    return [
        (verb.idx, verb.right_edge.idx + len(verb.right_edge))
        for verb in sent
        if verb.pos_ in {"VERB", "AUX"} and _subjects(verb) & words
    ]
