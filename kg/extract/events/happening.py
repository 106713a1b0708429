"""Whether a trigger word tells a happening at all, not a description of an actor, a standing state or a tool.

Long articles carry background beside the news: "the KDP, which dominates Duhok", "the PKK, which has fought the
Turkish state since 1984" describe an actor; "groups allied with the Taliban" is a standing relation, not an
act of cooperation; "attacked the convoy with roadside bombs" names the attack's weapon, not a second event. These checks drop such triggers (:func:`not_a_happening`).

>>> import spacy
>>> from spacy.tokens import Doc
>>> words = ["the", "PKK", ",", "which", "has", "fought", "Turkey"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, pos=["DET", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "PROPN"],
...           tags=["DT", "NNP", ",", "WDT", "VBZ", "VBN", "NNP"], heads=[1, 1, 1, 5, 5, 1, 5],
...           deps=["det", "ROOT", "punct", "nsubj", "aux", "relcl", "dobj"])
>>> describes_actor(doc[5])
True
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Token

from kg.extract.lexicon import word_set
from kg.extract.standing import standing_reference

PRESENT = {"VBZ", "VBP"}
PAST = {"VBD"}
ACTOR_ENTITIES = {"ORG", "NORP", "GPE", "PERSON"}
ACTOR_NOUNS = (
    word_set("actors", "group_force_nouns")
    | word_set("actors", "government_words")
    | {
        "coalition",
        "group",
        "movement",
        "alliance",
        "party",
        "organisation",
        "organization",
        "council",
        "army",
    }
)
# the kinds of violence a weapon is used in: its 'with'-object names the tool, not another event
VIOLENT_NOUNS = {"Bombing", "Airstrike", "Attack"}
AIRCRAFT = word_set("events", "aircraft")


def present(verb: Token, past_forms: Collection[str] = ()) -> bool:
    """Present tense: 'dominates', 'has fought', 'are held', 'is holding' (the finite verb or auxiliary); not a
    past form the tagger calls present ('troops retook the town': ``past_forms`` are the irregular ones)."""
    finite = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.tag_ != "MD"]
    if not finite and (verb.lower_.endswith("ed") or verb.lower_ in past_forms):
        return False
    tags = {c.tag_ for c in finite} or {verb.tag_}
    return bool(tags & PRESENT) and not tags & PAST


def _actor(noun: Token) -> bool:
    return noun.pos_ == "PROPN" or noun.ent_type_ in ACTOR_ENTITIES or noun.lemma_.lower() in ACTOR_NOUNS


def describes_actor(verb: Token, past_forms: Collection[str] = ()) -> bool:
    """A clause that describes a noun, not news: a present-tense relative clause ('the mountains, which are
    patrolled by Peshmerga forces'; 'the KDP, which dominates Duhok'), a present-perfect one on an actor ('the
    PKK, which has fought the Turkish state since 1984') or a past participle on a named
    actor ('the PKK, founded by Ocalan', 'the army, supported by Russia's Africa Corps'). Not 'Cairo, which mediated the truce'
    (a past act), not 'the people killed in the attack' (no named actor)."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ == "VERB":
        clause = clause.head
    if verb.pos_ != "VERB" or clause.dep_ not in {"relcl", "acl"}:
        return False
    head = clause.head
    # 'an offshoot of the PKK, which has fought ...': the noun's 'of'-actor stands for it
    owners = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    actor = any(_actor(noun) for noun in (head, *owners))
    if clause.dep_ == "acl":
        return _actor(head) and head.pos_ == "PROPN" and clause.tag_ == "VBN"
    finite = verb if verb.dep_ == "conj" else clause
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in finite.children)
    return present(finite, past_forms) and (actor or not perfect)


def standing_status(token: Token, rule: dict, past_forms: Collection[str] = ()) -> bool:
    """A relation verb (``present_is_status`` in its sense rule) tells a standing relation, not a happening, in the
    simple present, the present passive or as a participle or adjective describing a noun: 'groups allied with
    the Taliban', 'allied militias'; not in the past and not as an act in progress."""
    if not rule.get("present_is_status"):
        return False
    if token.pos_ == "ADJ" or token.dep_ in {"amod", "acl"}:
        return True
    progressive = token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children)
    return token.pos_ == "VERB" and present(token, past_forms) and not progressive


def instrument(token: Token, kind: str, is_trigger: Callable[[Token], bool]) -> bool:
    """A weapon noun that is the 'with'-object of another event verb is that event's tool: 'attacked the convoy
    with roadside bombs' is one attack."""
    if token.pos_ == "VERB" or kind not in VIOLENT_NOUNS:
        return False
    noun = token
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return False
    verb = noun.head.head
    return verb.pos_ == "VERB" and is_trigger(verb)


def by_aircraft(verb: Token) -> bool:
    """The verb's subject or passive 'by'-agent is an aircraft: 'Turkish warplanes and drones struck', 'the air
    force bombed'."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    subjects += [c for s in subjects for c in s.conjuncts]
    for noun in subjects:
        compounds = {c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod"}}
        if "suicide" in compounds:  # 'a suicide bomber attacked' is a person
            continue
        if noun.lemma_.lower() in AIRCRAFT or (noun.lemma_.lower() == "force" and "air" in compounds):
            return True
    return False


def other_construction(token: Token, rule: dict) -> bool:
    """The trigger's clause complement ('asked not to be named') or preposition ('caught between the two')
    shows another sense (``not_complement``, ``not_prep``)."""
    complements = {c.lemma_.lower() for c in token.children if c.dep_ in {"xcomp", "ccomp"}}
    preps = {c.lower_ for c in token.children if c.dep_ in {"prep", "prt"}}
    return bool(complements & set(rule.get("not_complement", ())) or preps & set(rule.get("not_prep", ())))


def not_a_happening(
    token: Token, kind: str, rule: dict, is_trigger: Callable[[Token], bool], past_forms: Collection[str] = ()
) -> bool:
    """Whether the trigger ``token`` of type ``kind`` (``rule``: its sense rule, maybe empty) describes an actor,
    a standing status, a weapon used in another event or an agreement in force (see the functions above);
    ``past_forms``: irregular past forms, which are never present tense."""
    return (
        describes_actor(token, past_forms)
        or standing_status(token, rule, past_forms)
        or instrument(token, kind, is_trigger)
        or standing_reference(token, rule.get("not_governed_by", []))
    )
