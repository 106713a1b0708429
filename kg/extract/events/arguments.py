"""What a trigger acts on and who does it, as the sense checks (:mod:`kg.extract.events.senses`) read them: whether
its object is a place ('captured the town', not 'captured the bomb maker'), where a part or a count stands for what
it is of ('captured a third of Zaire', 'thousands of people were patrolling') and a place the gazetteer puts on the
map is a place whatever the model's label; a verb may share its partner's object ('looted and burned shops', 'shot and
killed two farmers'), and a violent verb with 'back' and a clause of what was said is a retort.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg.extract.lexicon import word_map, word_set

MEASURES = word_set("events", "containers")
# a part of something: the place or the thing it is of is what is taken ('a third of Zaire', '19 percent of the vote')
PARTS = {"third", "half", "quarter", "most", "part", "much", "all", "rest", "swathe", "swath", "chunk", "portion",
         "bulk", "majority", "stretch", "tract", "percent"}  # fmt: skip
PLACE_NOUNS = (
    set(word_map("places", "feature_kinds"))
    | word_set("places", "located_nouns")
    | word_set("places", "held_places")
)
COUNTS = {"thousand", "hundred", "dozen", "million", "score", "ten", "tens"}
PERSON_VERBS = word_set("events", "person_object_verbs")


def of_what(nouns: Iterable[Token], heads: set[str], numbers: bool = False) -> list[Token]:
    """The 'of'-objects of those ``nouns`` whose lemma is one of ``heads`` (with ``numbers``, or a number): 'Zaire'
    for 'a third of Zaire', 'people' for 'thousands of people'."""
    return [
        g
        for noun in nouns
        if noun.lemma_.lower() in heads or (numbers and noun.like_num)
        for p in noun.children
        if p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]


def subjects_counted(verb: Token) -> list[Token]:
    """The verb's subjects, and what a count among them counts ('thousands of people')."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return subjects + of_what(subjects, COUNTS | MEASURES, numbers=True)


def acts_on_something(verb: Token) -> bool:
    """The verb has an object or passive subject, describes a noun ('cars burned by protesters'), or shares the
    object of a verb coordinated with it ('looted and burned shops')."""
    if verb.dep_ in {"acl", "relcl", "amod"}:
        return True
    return any(c.dep_ in {"dobj", "nsubjpass"} for p in (verb, *verb.conjuncts) for c in p.children)


def shared_objects(verb: Token) -> list[Token]:
    """The objects a verb done to people takes from the like verb coordinated after it: 'shot and killed two
    farmers', 'killing and wounding dozens': both acts are done to them. Not a verb with an object or passive
    subject of its own, nor one whose partner has its own subject ('shot him and troops killed two'), nor other
    verbs ('marched and burned cars': the marchers burned the cars, nobody was marched).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Gunmen", "shot", "and", "killed", "farmers"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 1, 3], lemmas=["gunman", "shoot", "and",
    ...           "kill", "farmer"], deps=["nsubj", "ROOT", "cc", "conj", "dobj"], pos=["NOUN", "VERB", "CCONJ",
    ...           "VERB", "NOUN"])
    >>> [t.text for t in shared_objects(doc[1])]
    ['farmers']
    """
    if verb.lemma_.lower() not in PERSON_VERBS or any(
        c.dep_ in {"dobj", "nsubjpass", "auxpass"} for c in verb.children
    ):
        return []
    partners = [
        c
        for c in verb.children
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_.lower() in PERSON_VERBS
        and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
    ]  # fmt: skip
    return [o for c in partners[:1] for o in c.children if o.dep_ == "dobj" and o.pos_ != "NUM"]


def retort(verb: Token) -> bool:
    """'Democrats shot back that ...', '"...," the envoy fired back': 'back' and a clause of what was said."""
    deps = {(c.dep_, c.lower_) for c in verb.children}
    back = ("advmod", "back") in deps or ("prt", "back") in deps
    return verb.pos_ == "VERB" and back and any(dep == "ccomp" for dep, _ in deps)


def located(doc: Doc) -> set[int]:
    """Tokens of the towns and areas the gazetteer or GeoNames puts on the map ('Belet Huen, 200 miles northwest of
    Mogadishu, was captured', 'captured Irbid'): a name the model tagged, as anything but a person, or one the text
    places ('Belet Huen', tagged a person); not a bare word only GeoNames knows ('Police captured Troia')."""
    return {
        t.i
        for f in doc._.kg_mentions or []
        if f.is_place
        and f.kind != "Country"  # 'captured three Israeli soldiers'
        and f.entry is not None
        and f.entry.lat is not None
        and (f.parents or f.span.root.ent_type_ not in {"", "PERSON"})
        for t in f.span
    }


def people(doc: Doc) -> set[int]:
    """Tokens of the names resolved as persons ('Ocalan, leader of the PKK, was captured': the model's GPE label
    on 'Ocalan' does not make the capture a fight over a town)."""
    return {t.i for f in doc._.kg_mentions or [] if f.kind == "Person" for t in f.span}


def found_place_object(verb: Token) -> bool:
    """The verb's object is a place the actor layer found ('holds Sittwe', which the model may not tag)."""
    spans = [f.span for f in verb.doc._.kg_mentions or [] if f.is_place]
    return any(s.start <= c.i < s.end for s in spans for c in verb.children if c.dep_ == "dobj")


def objects_are_places(token: Token, *, passive: bool = False, names: bool = False) -> bool:
    """The verb's object (with ``passive``, also its passive subject, a relative pronoun's antecedent and what is
    coordinated with them) is a place the model names, or a place noun; with ``names`` any proper name counts.
    'Entered Aleppo' / 'entered the village of X', not 'entered the race'; 'captured the town', 'Qabasin and Bzaah
    were seized', 'the town of Kidal, which was seized' (a bare name is not enough there: people are captured too)."""
    objects = [c for c in token.children if c.dep_ in ({"dobj", "nsubjpass"} if passive else {"dobj"})]
    if passive and token.dep_ == "relcl" and any(o.lower_ in {"which", "that"} for o in objects):
        named = token.head  # Kidal, and the town it names
        objects += [named, named.head.head] if named.dep_ == "pobj" and named.head.lower_ == "of" else [named]
    if passive:
        objects += [c for o in objects for c in o.conjuncts]
    objects += of_what(objects, PARTS)  # 'captured a third of Zaire': the place it is a part of
    mapped = located(objects[0].doc) if objects else set()
    persons = people(objects[0].doc) if objects else set()
    return any(
        (o.ent_type_ in {"GPE", "LOC", "FAC"} and o.i not in persons)
        or (names and o.pos_ == "PROPN")
        or o.lemma_.lower() in PLACE_NOUNS
        or o.i in mapped
        for o in objects
    )


def first_conjunct(noun: Token) -> Token:
    """The first of coordinated nouns, or of nouns in coordinated phrases: 'talks' in 'a ceasefire and talks' and
    in 'for a ceasefire and for talks' gives 'ceasefire'."""
    while True:
        if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
            noun = noun.head
        elif noun.dep_ == "pobj" and noun.head.dep_ == "conj" and noun.head.head.dep_ == "prep":
            first = next((c for c in noun.head.head.children if c.dep_ == "pobj"), None)
            if first is None:
                return noun
            noun = first
        else:
            return noun
