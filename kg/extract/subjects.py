"""A clause's subject where the small English model misparses it, shared by the event and claim components.

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["Aid", "group", "operating", "there", "said"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 4, 2, 4],
...           deps=["compound", "nsubj", "nsubj", "advmod", "ROOT"], pos=["NOUN", "NOUN", "VERB", "ADV", "VERB"],
...           tags=["NN", "NN", "VBG", "RB", "VBD"])
>>> subject_word(doc[2]).text
'group'
"""

from __future__ import annotations

from spacy.tokens import Token


def subject_word(subject: Token) -> Token:
    """The head of the subject phrase: 'The Red Cross operating in Iraq said' comes out with the participle as the
    subject and the name as *its* subject; the name is what acts (a reduced relative clause, not a gerund)."""
    if subject.pos_ == "VERB" and subject.tag_ == "VBG":
        inner = [c for c in subject.children if c.dep_ == "nsubj" and c.i < subject.i]
        if inner:
            return inner[0]
    return subject
