"""The parties a noun phrase names: coordinated heads ('A and B'), the patron of an unnamed group ('forces loyal to
X'), the owner behind 'its troops', and what a container noun holds ('a batch of 144 detainees').

Used by :mod:`kg.extract.events.roles` and the nominal, complement and quantity rules; works on any parsed Doc.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import word_set
from kg.extract.subjects import REPORTING

# Heads that only measure or select what follows 'of': "a batch of 144 detainees", "most of the escapees".
CONTAINERS = word_set("events", "containers")
# Nouns for people who belong to or speak for a party ('the leaders of Iran and Iraq')
MEMBERS = {
    "member",
    "minister",
    "leader",
    "official",
    "representative",
    "delegate",
    "envoy",
    "diplomat",
    "negotiator",
}


def expand(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ('A and B' -> [A, B]), and the other parties of a noun
    whose modifier is coordinated ('U.S. and Russian negotiators', 'Turkish and Greek sides': the noun is one
    phrase, but each modifier names a party too)."""
    token = _named_apposition(token) or token
    speakers = _speakers(token)
    heads = [token, *(c for c in token.conjuncts if c.i not in speakers)]
    # "Nigeria's President Tinubu and Ghana's President X met": the model hangs the second on the apposition
    heads += [c for head in heads[:1] for a in head.children if a.dep_ == "appos" for c in a.conjuncts]
    heads += [p for head in heads if head.pos_ == "NOUN" for p in patrons(head)]
    heads += [o for head in heads[:1] for c in head.children if c.dep_ == "prep" for o in companions(c)]
    # "the foreign ministers of Chile and Bolivia": each coordinated 'of' party of a member noun is a party too
    heads += [o for head in heads[:1] if head.lemma_.lower() in MEMBERS for o in _coordinated_of(head)]
    # the first modifier too: the actor layer may have read "Somali troops" as the noun's actor, not Kenya's
    return heads + [
        c
        for head in heads
        if head.pos_ == "NOUN"
        for m in head.children
        if m.dep_ in {"amod", "nmod", "compound"} and m.conjuncts
        for c in (m, *m.conjuncts)
        if c.pos_ in {"ADJ", "PROPN"} and c.i < head.i
    ]


def _named_apposition(noun: Token) -> Token | None:
    """'the rebel leader, Jonas Savimbi,', 'the president of Peru, Alberto Fujimori,': a name set off by one comma
    right after a common noun's phrase says who it is (the model may hang a person's name on the country of the
    'of' phrase). Not a bracketed short form ('the force in Lebanon (UNIFIL)'), which names the whole phrase."""
    if noun.pos_ != "NOUN":
        return None
    of = [
        o
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    named = [a for a in noun.children if a.dep_ == "appos" and a.ent_type_ in {"PERSON", "ORG"}]
    named += [
        a
        for o in of
        if o.ent_type_ == "GPE"
        for a in o.children
        if a.dep_ == "appos" and a.ent_type_ == "PERSON"
    ]
    for name in named:
        between = noun.doc[noun.i + 1 : name.left_edge.i]
        plain = all(t.pos_ not in {"VERB", "AUX", "PUNCT"} or t.text == "," for t in between)
        if between and between[-1].text == "," and [t.text for t in between].count(",") == 1 and plain:
            return name
    return None


def _coordinated_of(noun: Token) -> list[Token]:
    objects = [
        o
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return [t for o in objects[:1] if o.conjuncts for t in (o, *o.conjuncts)]


LOYAL = {"loyal", "allied", "affiliated", "aligned"}  # "forces loyal to X", "militias allied with X"
LED = {"led", "headed", "commanded"}  # "the coalition, led by X"; a backer ("backed by X") is no side


def patrons(noun: Token) -> list[Token]:
    """Whom an unnamed group is the side of: 'forces loyal to President X', 'militias allied with the
    government', 'the opposition coalition, led by X'. The group acts, and so does its patron.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["forces", "loyal", "to", "Kiir"], heads=[0, 0, 1, 2],
    ...           deps=["ROOT", "amod", "prep", "pobj"])
    >>> [t.text for t in patrons(doc[0])]
    ['Kiir']
    """
    found = []
    for child in noun.children:
        word = child.lower_
        if child.dep_ in {"amod", "acl"} and word in LOYAL:
            found += [
                o for p in child.children if p.dep_ == "prep" and p.lower_ in {"to", "with"} for o in pobjs(p)
            ]
        elif child.dep_ == "acl" and word in LED:
            found += [o for p in child.children if p.dep_ == "agent" for o in pobjs(p)]
    return found


def antecedent(noun: Token) -> Token | None:
    """The subject a group's 'its' / 'their' stands for when the clause is reported or continued from one with
    a named subject: 'the army said its troops had killed', 'Ethiopia says its forces repelled an attack'.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Army", "said", "its", "troops", "killed", "five"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 3, 4, 1, 4],
    ...           deps=["nsubj", "ROOT", "poss", "nsubj", "ccomp", "dobj"], pos=["NOUN", "VERB", "PRON", "NOUN", "VERB", "NUM"])
    >>> antecedent(doc[3]).text
    'Army'
    """
    if not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in noun.children):
        return None
    clause = noun.head
    if clause.dep_ not in {"ccomp", "xcomp", "conj", "advcl"}:
        return None
    subjects = [c for c in clause.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON" and c.i < noun.i]
    return contents(subjects[0]) if subjects else None


def contents(token: Token) -> Token:
    """'a batch of 144 detainees' -> detainees, 'tens of thousands of students' -> students: look through
    container nouns."""
    for _ in range(3):
        if token.lemma_.lower() not in CONTAINERS and token.lower_ not in CONTAINERS:
            break
        objects = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
        objects = [o for o in objects if o.dep_ == "pobj"]
        if not objects:
            break
        token = objects[0]
    return token


def owner_rules(role: str, names_an_act: bool) -> dict[str, bool]:
    """Which owners of a plain noun in ``role`` stand in for it (the options of
    :func:`kg.extract.events.complements.owner`): names for agents; for a target also its author ('rejected an
    Australian ultimatum', 'shelled Palestinian homes'); for both, when the noun names no act, whose it is
    ('positions of the army', 'the head of the Red Cross visited', not 'the killing of civilians'). People nouns
    never get here: the collectives before take them ('Algerian landowners' are not Algeria).

    >>> owner_rules("target", names_an_act=True)
    {'names': True, 'authors': True, 'of': False}
    """
    parties = role in {"agent", "target"}
    return {"names": parties, "authors": role == "target", "of": parties and not names_an_act}


JOINT_NOUNS = {"collaboration", "concert", "conjunction", "cooperation", "coordination", "partnership"}


def companions(prep: Token) -> list[Token]:
    """The objects of 'along with' / 'together with' / 'alongside' / 'in coordination with': who acts beside the
    subject ('Chad, along with Niger,').

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["along", "with", "Niger"], heads=[0, 0, 1],
    ...           deps=["ROOT", "prep", "pobj"])
    >>> [t.text for t in companions(doc[0])]
    ['Niger']
    """
    if prep.lower_ == "alongside":
        return pobjs(prep)
    if prep.lower_ == "in":  # 'in coordination with X', 'in cooperation with X'
        joint = [n for n in pobjs(prep) if n.lemma_.lower() in JOINT_NOUNS]
        return [o for n in joint for w in n.children if w.lower_ == "with" for o in pobjs(w)]
    if prep.lower_ not in {"along", "together"}:
        return []
    return [o for w in prep.children if w.lower_ == "with" for o in pobjs(w)]


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition, with the ones coordinated with them ('between A and B' -> [A, B]).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["between", "A", "and", "B"], heads=[0, 0, 1, 1],
    ...           deps=["ROOT", "pobj", "cc", "conj"])
    >>> [t.text for t in pobjs(doc[0])]
    ['A', 'B']
    """
    return [t for c in prep.children if c.dep_ in {"pobj", "pcomp"} for t in expand(c)]


def _speakers(noun: Token) -> set[int]:
    """The conjuncts of a noun that are the speakers of the report after it, which the model coordinates with it:
    'killed seven people, police and a nurse said' (a reporting verb with no subject of its own right after the
    last one; the speakers start after the last comma).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["killed", "farmers", ",", "police", "and", "medics", "said"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[6, 0, 1, 1, 3, 3, 6],
    ...           deps=["ccomp", "dobj", "punct", "conj", "cc", "conj", "ROOT"], lemmas=[*words[:6], "say"])
    >>> sorted(_speakers(doc[1]))
    [3, 5]
    """
    conjuncts = noun.conjuncts
    doc = noun.doc
    if not conjuncts or conjuncts[-1].right_edge.i + 1 >= len(doc):
        return set()
    verb = doc[conjuncts[-1].right_edge.i + 1]
    if verb.lemma_.lower() not in REPORTING or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return set()
    after_comma = [c for c in conjuncts if c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","]
    return {c.i for c in conjuncts if after_comma and c.i >= after_comma[-1].i}
