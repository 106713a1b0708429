"""Event nouns and the clause around them: the phrase that stands for the noun ('25,000 tons of food aid', 'a
mediation effort'), light verbs that only carry it ('staged a protest'), and the clause whose subject takes part
in it ('officers ended mediation efforts', 'negotiators return for talks').
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Token

from kg.extract.events.parties import CONTAINERS, contents, expand, pobjs
from kg.extract.events.roles import LIGHT_VERBS, SUBJECTS, fill_prep, subject_of
from kg.extract.language import RELATIVE_PRONOUNS
from kg.extract.lexicon import word_set

MODIFIERS = {"compound", "amod", "nmod"}
ACTOR_ENTITIES = {"ORG", "GPE", "NORP", "PERSON"}
# Verbs whose subject owns up to the act its 'responsibility for' names ("denied responsibility" does not).
CLAIM_VERBS = {"claim", "accept", "admit", "take", "bear", "assume"}
# Verbs whose subject undergoes the event noun of their 'under' phrase: "came under fire", "placed under arrest".
UNDERGO_VERBS = {"come", "put", "place", "fall", "remain", "be", "keep", "hold", "bring"}
TRIP_VERBS = word_set("events", "trip_verbs")  # "arrived on a visit", "went on strike"
MANNER_NOUNS = word_set("events", "manner_nouns")  # "camped outside the capital in protest"
THIRD_PARTIES = word_set("events", "third_party_participles")  # "a ceasefire brokered by Qatar"


def nominal_arguments(
    noun: Token,
    object_role: str,
    prep_roles: dict[str, str] | None = None,
    clause_role: str | None = None,
    light_nouns: frozenset[str] = frozenset(),
) -> dict[str, list[Token]]:
    """Role -> head tokens for a noun trigger ('transfers of prisoners from Syria to Iraq by US forces').

    With a noun, 'from' names whoever the act comes from ('an appeal from the president', 'support from
    Moscow') where a verb's 'from' names whom it is asked of ('demanded money from Moscow'), unless the noun
    already has an owner ('their demands for freedom from the government')."""
    roles: dict[str, list[Token]] = defaultdict(list)
    owned = any(c.dep_ == "poss" for c in noun.children)  # "their demands for freedom from the government"
    if prep_roles and prep_roles.get("from") == "target" and not owned:
        prep_roles = {**prep_roles, "from": "agent"}
    owners: list[Token] = []  # "their meeting": a pronoun owner only when the clause names no one
    between: list[Token] = []  # "talks between A and B": the parties, unless someone else acts on them
    for child in [*noun.children, *_light_owners(noun, light_nouns)]:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            owners.append(child)
        elif child.dep_ == "poss" or (child.dep_ in MODIFIERS and child.ent_type_ in ACTOR_ENTITIES):
            roles["agent"].append(child)
        elif (
            child.dep_ == "compound"
            and not child.ent_type_
            and (named := [c for c in child.children if c.dep_ in MODIFIERS and _named(c)])
        ):
            roles["agent"].extend(named)  # "US Predator attacks": the name qualifies the means, it acts
        elif child.dep_ == "prep" and child.lower_ == "of":
            roles[object_role].extend(contents(t) for t in pobjs(child))
            # "the expulsion of Russian diplomats by Poland": the model hangs the by-agent on the object
            if by := [a for t in pobjs(child) for p in t.children if p.lower_ == "by" for a in pobjs(p)]:
                roles["agent"].extend(by)
        elif (
            child.dep_ == "acl"
            and child.tag_ == "VBN"
            and (by := [a for p in child.children if p.dep_ == "agent" for a in pobjs(p)])
        ):
            # "a car bomb planted by militants", "raids carried out by X"; not "a truce brokered by Qatar"
            if child.lemma_.lower() not in THIRD_PARTIES:
                roles["agent"].extend(by)
        elif child.dep_ == "prep" and child.lower_ == "between":
            between.extend(pobjs(child))
        elif child.dep_ == "prep" and child.lower_ == "by":
            roles["agent"].extend(pobjs(child))
        elif child.dep_ == "prep" and child.lower_ in {"against", "on"}:
            roles["target"].extend(pobjs(child))
        elif child.dep_ == "prep":
            fill_prep(child, roles, prep_roles)
            if owned and child.lower_ == "for":
                # "their demands for freedom from the government": the model hangs whom it is asked of on what
                for obj in pobjs(child):
                    for prep in (p for p in obj.children if p.dep_ == "prep" and p.lower_ == "from"):
                        fill_prep(prep, roles, prep_roles)
    claimer = _claimer(noun)  # "the Pakistani Taliban claimed responsibility for the bombing"
    if claimer is not None:  # before an owner: "claimed Monday's attack" has no Monday as its agent
        roles["agent"][:0] = expand(contents(claimer))
    under = noun.head
    if noun.dep_ == "pobj" and under.lower_ == "under" and under.head.lemma_.lower() in UNDERGO_VERBS:
        subject, _ = subject_of(under.head)  # "X was put under investigation", "X came under attack"
        if subject is not None:
            roles[object_role].extend(expand(contents(subject)))
    if between:  # "Qatar's mediation between A and B", "a deal by X between A and B": A and B are its targets
        roles["target" if roles.get("agent") else "agent"].extend(between)
    phrase = measured(noun, light_nouns)
    governor = phrase.head
    if phrase.dep_ in {"dobj", "nsubjpass"} and is_light(governor) and "agent" not in roles:
        subject, passive = subject_of(governor)  # "American forces have begun emergency transfers"
        if subject is not None and not passive:
            roles["agent"].extend(expand(contents(subject)))  # "a group of diplomats held a meeting"
        elif passive:  # "the raid was carried out by X", "the demand was made by X"
            roles["agent"].extend(a for c in governor.children if c.dep_ == "agent" for a in pobjs(c))
        for child in governor.children:
            # "held talks with X" as "talks with X"; "granted asylum to X", which the model makes a dative
            if child.dep_ == "prep" or (child.dep_ == "dative" and child.pos_ == "ADP"):
                fill_prep(child, roles, prep_roles)
    if "agent" not in roles and (by_relative := relative_agent(phrase)):
        roles["agent"].extend(by_relative)  # "the raid that Israeli forces carried out"
    if clause_role:  # "its demand that Israel ease ...", "reiterated its demand ... that Israel ease ..."
        clauses = [c for c in noun.children if c.dep_ in {"acl", "ccomp"}]
        if phrase.dep_ == "dobj" and is_light(governor):
            clauses += [c for c in governor.children if c.dep_ == "ccomp"]
        for clause in clauses:
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                roles[clause_role].extend(t for c in clause.children if c.dep_ in SUBJECTS for t in expand(c))
    if owners and "agent" not in roles:
        roles["agent"].extend(owners)
    return roles


def _light_owners(noun: Token, light_nouns: frozenset[str]) -> list[Token]:
    """Who a light noun says acts in its event noun: 'mediation efforts by Norway', 'Norway's peace initiative'
    (its owner and 'by' phrase; its other phrases, such as 'between', wait for the clause around it)."""
    if noun.dep_ != "compound" or noun.head.lemma_.lower() not in light_nouns:
        return []
    return [c for c in noun.head.children if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by")]


def relative_agent(phrase: Token) -> list[Token]:
    """Who does an event that a light verb's relative clause on its phrase carries: 'the raid that Israeli forces
    carried out', 'the sanctions which the UN imposed', 'the attack, which was carried out by X'. Not when the
    clause has an object of its own ('the talks that gave X a role') or the phrase is its subject ('the talks,
    which began on Monday')."""
    # the model makes some of them a clausal modifier with a subject of its own ('acl')
    clauses = [c for c in phrase.children if c.dep_ == "relcl" or (c.dep_ == "acl" and _has_subject(c))]
    for clause in (c for c in clauses if is_light(c)):
        if any(c.dep_ == "dobj" and c.lower_ not in RELATIVE_PRONOUNS for c in clause.children):
            continue
        subject, passive = subject_of(clause)
        if passive:
            return [a for c in clause.children if c.dep_ == "agent" for a in pobjs(c)]
        if subject is not None and subject.i != phrase.i:
            return expand(contents(subject))
    return []


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in verb.children)


def is_light(verb: Token) -> bool:
    """Whether a verb only carries its object noun's event ('staged a protest', 'held talks'). The small model
    sometimes lemmatises a regular form wrongly ('staged' -> 'stag'), so the inflected form is undone too.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> [is_light(t) for t in nlp("staged staging ate")]
    [True, True, False]
    """
    low = verb.lower_
    forms = {verb.lemma_.lower(), low, low[:-1], low[:-2], low[:-3], low[:-3] + "e"}
    return bool(forms & LIGHT_VERBS)


def measured(noun: Token, light_nouns: frozenset[str] = frozenset()) -> Token:
    """'25,000 tons of food aid' -> tons, 'two rounds of talks' -> rounds, 'a mediation effort' -> effort (with
    'effort' in ``light_nouns``): the noun that stands for the event phrase in the clause when the event noun only
    fills a measure's 'of' phrase or qualifies a light noun; else the noun itself.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["25,000", "tons", "of", "aid"], heads=[1, 1, 1, 2],
    ...           deps=["nummod", "ROOT", "prep", "pobj"], pos=["NUM", "NOUN", "ADP", "NOUN"])
    >>> measured(doc[3]).text, measured(doc[1]).text
    ('tons', 'tons')
    """
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in light_nouns:
        return noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.dep_ != "prep":
        return noun
    measure = prep.head
    counted = any(c.dep_ == "nummod" or c.like_num for c in measure.children) or measure.like_num
    if measure.pos_ == "NOUN" and (
        counted or measure.lemma_.lower() in CONTAINERS or measure.lower_ in CONTAINERS
    ):
        return measure
    return noun


def governing_clause(noun: Token, light_nouns: frozenset[str] = frozenset()) -> tuple[Token, Token] | None:
    """(verb, subject) of the clause an event noun is the object or the purpose of, when the subject takes part
    in it: 'The United States speeded up the withdrawal', 'Syrian officers ended mediation efforts', 'U.S.
    negotiators return to Geneva for talks', 'the president arrived on a visit', 'farmers camped outside the city
    in protest'. Not when the subject only undergoes
    the clause (passive) or acts on someone else ('blamed the rebels for the attack', 'cracked down on protests').
    The caller decides whether that verb is an event itself.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Envoys", "came", "for", "talks"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 2], deps=["nsubj", "ROOT", "prep", "pobj"],
    ...           pos=["NOUN", "VERB", "ADP", "NOUN"])
    >>> [t.text for t in governing_clause(doc[3])]
    ['came', 'Envoys']
    """
    phrase = measured(noun, light_nouns)
    verb = phrase.head
    # "returned for talks", "arrived on a three-day visit", "went on strike"
    trip = verb.lower_ == "on" and verb.head.lemma_.lower() in TRIP_VERBS
    if phrase.dep_ == "pobj" and verb.dep_ == "prep" and _manner(phrase):
        verb = _clause_verb(
            verb
        )  # "camped outside the city for a month in protest": the model may hang it lower
    elif phrase.dep_ == "pobj" and (verb.lower_ == "for" or trip) and verb.dep_ == "prep":
        verb = verb.head
        if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
            return None
    elif phrase.dep_ != "dobj":
        return None
    if verb.pos_ != "VERB":
        return None
    subject, passive = subject_of(verb)
    if subject is None or passive:
        return None
    return verb, contents(subject)


def _manner(noun: Token) -> bool:
    """'in protest', 'in solidarity': a bare manner noun of an 'in' phrase (not 'died in the protest')."""
    bare = not any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children)
    return bare and noun.head.lower_ == "in" and noun.lemma_.lower() in MANNER_NOUNS


def _clause_verb(token: Token) -> Token:
    """The verb a phrase belongs to: up through the nouns and prepositions it hangs on."""
    while token.pos_ in {"ADP", "ADV", "NOUN", "PROPN", "NUM", "ADJ"} and token.head.i != token.i:
        token = token.head
    return token


def _named(token: Token) -> bool:
    """A name the model tags as an actor, or a proper noun the gazetteer may know ('US' it does not tag)."""
    return token.ent_type_ in ACTOR_ENTITIES or (token.pos_ == "PROPN" and not token.ent_type_)


def _claimer(noun: Token) -> Token | None:
    """Who claims an act: the subject of 'claimed / took / accepted responsibility for <noun>'.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> words = ["ISIS", "claimed", "responsibility", "for", "the", "attack"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 2, 5, 3],
    ...           deps=["nsubj", "ROOT", "dobj", "prep", "det", "pobj"], lemmas=["ISIS", "claim", *words[2:]])
    >>> _claimer(doc[5]).text
    'ISIS'
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    if prep.head.dep_ != "dobj" or verb.lemma_.lower() not in CLAIM_VERBS:
        return None
    subject, passive = subject_of(verb)
    return None if passive else subject
