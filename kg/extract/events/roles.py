"""Event arguments from the dependency parse: who (agent), to whom (target / theme), where, from, to, when.

Handles passive voice ("were recaptured by X"), coordination ("clashes between A and B"), nominalisations
("the transfer of detainees by US forces", "emergency transfers ... from Syria to Iraq"), relative clauses
("detainees who escaped") and control verbs ("have begun transferring"). Works on any parsed Doc, so unit
tests pin each rule on hand-built parses.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from kg.extract.events.parties import antecedent, companions, contents, expand, pobjs
from kg.extract.language import DESTINATION_PREPOSITIONS as DEST_PREPS
from kg.extract.language import ORIGIN_PREPOSITIONS as ORIGIN_PREPS
from kg.extract.language import PLACE_PREPOSITIONS as PLACE_PREPS
from kg.extract.language import RELATIVE_PRONOUNS
from kg.extract.lexicon import word_set
from kg.extract.subjects import (
    elided_passive,
    fronted_subject,
    gerund_governor,
    lost_subject,
    object_conjunct,
    root_predicate,
    subject_word,
    with_hung_subjects,
)

# Verbs whose subject is the agent of the event noun they govern: "X launched an offensive", "X held talks",
# "X lodged a protest", "X will provide food aid".
LIGHT_VERBS = word_set("events", "light_verbs")
DOCUMENTS = word_set("events", "documents")  # "a law banning X" acts for whoever passed it
SUBJECTS = {"nsubj", "csubj"}
CONTROL_PREPS = {"on", "upon"}  # "called on X to ...", "prevailed upon X to ..."
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}

Resolver = Callable[[Token], list[str]]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether it is a passive subject; inherited through xcomp, conj, relcl and an
    adjective's complement ('he is prepared to lift the ban'). An
    infinitive under a verb with an object is that object's act ('urged the EU to support X', 'ordered the
    paper to suspend publication', 'called on Israel to withdraw'), not the subject's."""
    current, raised = verb, False  # raised: reached only through infinitives ('X is expected to sign')
    for _ in range(4):
        if current.dep_ == "xcomp" and current.tag_ == "VB":
            # between the governing verb and the infinitive: "On Monday, X offered to talk" has no controller
            before = [c for c in current.head.children if current.head.i < c.i < current.i]
            controller = [c for c in before if c.dep_ in {"dobj", "dative"} and c.pos_ != "ADP"]
            controller += [  # not a time: "decided on Sunday to release them"
                o
                for c in before
                if c.dep_ == "prep" and c.lower_ in CONTROL_PREPS
                for o in pobjs(c)
                if o.ent_type_ not in {"DATE", "TIME"}
            ]
            if controller:
                return controller[-1], False
        relative = current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN"}
        # of two subjects the nearer one: 'NAIROBI, June 25 (Reuters) - Kenyan police fired' parses the dateline as one
        children = with_hung_subjects(current)
        subjects = [c for c in children if c.dep_ in SUBJECTS and c.i < current.i]
        for child in (*subjects[-1:], *children):
            # "detainees who escaped": the noun; not an object or adverb relative ("the hostages whom guerrillas
            # seized", "the first time that Moscow agreed"), whose own subject follows
            if relative and child.lower_ in RELATIVE_PRONOUNS and child.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
                return current.head, child.dep_ in PASSIVE_SUBJECTS
            # an infinitive's voice is its own: "X was expected to sign" (X signs), "X wants to be freed"
            if child.dep_ in SUBJECTS:
                passive = (raised and is_passive(verb)) or elided_passive(current, child, verb)
                return subject_word(child), passive
            if child.dep_ in PASSIVE_SUBJECTS:
                return child, is_passive(verb) if raised else True
        if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return current.head, is_passive(current)
        if (root := root_predicate(current)) is not None:
            return root, False
        if (governor := gerund_governor(current)) is not None:  # 'fled after shooting': the clause's subject
            # in any voice; the gerund's voice is its own ('after being shot')
            subject, _ = subject_of(governor)
            return subject, subject is not None and is_passive(current)
        if (fronted := fronted_subject(current)) is not None:
            return fronted, False
        if (lost := lost_subject(current)) is not None:  # 'an unknown assailant shot and wounded X'
            return lost, False
        if (verb_before := object_conjunct(current)) is not None:
            current = verb_before
            continue
        if current.dep_ in {"xcomp", "conj", "advcl", "acomp"} and current.head.i != current.i:
            # an infinitive, not a participle ('were found murdered' keeps the passive)
            infinitive = current.tag_ == "VB" or is_passive(current)  # 'to sign', 'to be freed'
            raised = current.dep_ == "xcomp" and infinitive and (raised or current is verb)
            current = current.head
            continue
        break
    return None, False


def verbal_arguments(
    verb: Token,
    object_role: str,
    subject_role: str,
    prep_roles: dict[str, str] | None = None,
    clause_role: str | None = None,
) -> dict[str, list[Token]]:
    """Role -> head tokens for a verb trigger; ``prep_roles`` overrides what a preposition introduces and
    ``clause_role`` is the role of a complement clause's subject ('demanded that Israel ease ...')."""
    roles: dict[str, list[Token]] = defaultdict(list)
    subject, passive = subject_of(verb)
    modifies = (
        verb.dep_ in {"acl", "amod"} and verb.head.pos_ in {"NOUN", "PROPN"} and not root_predicate(verb)
    )
    infinitive = modifies and verb.tag_ == "VB" and not is_passive(verb)
    if infinitive and subject is None:  # "Syria's decision to withdraw", "announced plans to expel"
        subject = _infinitive_subject(verb.head)
    if subject is not None:
        roles[object_role if passive else subject_role].extend(expand(contents(subject)))
        if not passive and (owner := antecedent(subject)) is not None:
            roles[subject_role].append(owner)  # "the army said its troops had killed": the army's troops
        if (
            not passive
            and subject_role == "agent"
            and _named(subject)
            and "between" not in (prep_roles or {})
        ):
            # "Senegal offered to mediate between Mali and Mauritania": a named actor acts on the parties
            # between which it stands ("clashes broke out between A and B" has no named subject: they act)
            prep_roles = {**(prep_roles or {}), "between": "target"}
    # "protesters demanding reforms": a reduced relative, not a participle after a comma (", killing 20")
    if modifies and verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.doc[verb.i - 1].text != ",":
        roles[subject_role].extend(_participle_subject(verb.head))
    elif modifies and not infinitive:
        # "detainees held in camps": the noun undergoes it; "escaped detainees": the theme (escape, flee); "regime
        # airstrikes killed 15 civilians" read as "airstrikes [that were] killed": its object makes it active
        active = verb.tag_ in {"VBD", "VBN"} and any(c.dep_ == "dobj" for c in verb.children)
        roles[subject_role if active or subject_role == "theme" else object_role].extend(expand(verb.head))
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "sent troops to Syria": a 'to' phrase
            fill_prep(child, roles, prep_roles)
        elif child.dep_ in {"dobj", "attr", "dative"} and child.pos_ != "NUM":
            # "the hostages whom guerrillas seized": the relative pronoun stands for the noun
            relative = child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl"
            roles[object_role].extend(expand(verb.head if relative else contents(child)))
            for prep in _partner_phrases(child, prep_roles):
                fill_prep(prep, roles, prep_roles)
        elif child.dep_ == "agent":
            roles[subject_role].extend(pobjs(child))
        elif child.dep_ == "ccomp" and clause_role:
            roles[clause_role].extend(t for c in child.children if c.dep_ in SUBJECTS for t in expand(c))
        elif (
            child.dep_ == "ccomp" and _controlled(child) and not any(c.dep_ == "dobj" for c in verb.children)
        ):
            # "allowed the leader to run": the small model makes the verb's object the subject of the 'to'-clause
            roles[object_role].extend(
                t for c in child.children if c.dep_ == "nsubj" for t in expand(contents(c))
            )
        elif child.dep_ == "prep" and child.i < verb.i and (partners := companions(child)):
            roles[subject_role].extend(partners)  # "Chad, along with Niger, accused Libya"
        elif child.dep_ == "prep":
            fill_prep(child, roles, prep_roles)
        elif child.dep_ == "prt" and child.lower_ == "up":
            # "kidnapped up to 16 advisers": a count, not a particle
            counted = [t for p in child.children if p.lower_ == "to" for t in pobjs(p)]
            roles[object_role].extend(t for t in counted if any(c.dep_ == "nummod" for c in t.children))
    return roles


def _infinitive_subject(noun: Token) -> Token | None:
    """Who would do what an infinitive on a noun says: the noun's owner ('Syria's decision to withdraw', 'the US
    offer to mediate'; the owner stands in for the noun when it is filled), else the subject of a light verb that
    carries the noun ('Pakistan announced plans to expel'); 'rejected calls to resign' names no one."""
    owners = [c for c in noun.children if c.dep_ == "poss" or (c.dep_ in {"compound", "nmod"} and _named(c))]
    if owners:  # a named owner itself, so that it acts on the parties 'between' which it stands
        return owners[0] if _named(owners[0]) else noun
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        subject, passive = subject_of(noun.head)
        return None if passive else subject
    return None


def _participle_subject(noun: Token) -> list[Token]:
    """Who does what a present participle on a noun says: the noun ('protesters demanding reforms', 'a ship
    carrying arms'), or for a text an actor issues, that actor ('parliament passed a law banning X', 'a
    resolution condemning Y was adopted by the council')."""
    if noun.lemma_.lower() not in DOCUMENTS or noun.dep_ not in {"dobj", "nsubjpass"}:
        return expand(noun)
    subject, passive = subject_of(noun.head)
    if passive:
        return [a for c in noun.head.children if c.dep_ == "agent" for a in pobjs(c)]
    return expand(contents(subject)) if subject is not None else []


def fill_prep(prep: Token, roles: dict[str, list[Token]], overrides: dict[str, str] | None = None) -> None:
    """Add a prepositional phrase's objects to ``roles`` under the role its preposition introduces: the event
    type's ``overrides`` first, then place, origin, destination, instrument ('by'), target ('against'), agent
    ('between').

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["against", "Iraq"], heads=[0, 0], deps=["ROOT", "pobj"])
    >>> from collections import defaultdict
    >>> roles = defaultdict(list)
    >>> fill_prep(doc[0], roles)
    >>> {role: [t.text for t in heads] for role, heads in roles.items()}
    {'target': ['Iraq']}
    """
    word = prep.lower_
    objects = pobjs(prep)
    if overrides and word in overrides:
        roles[overrides[word]].extend(objects)
    elif word in PLACE_PREPS:
        roles["place"].extend(objects)
    elif word in ORIGIN_PREPS:
        roles["origin"].extend(objects)
    elif word in DEST_PREPS:
        roles["destination"].extend(objects)
    elif word == "by":
        roles["instrument"].extend(objects)
    elif word == "against":
        roles["target"].extend(objects)
    elif word == "between":
        roles["agent"].extend(objects)


def governed(token: Token, trigger: Token, stops: set[int]) -> bool:
    """Whether ``token`` hangs under ``trigger`` without crossing another event or clause head."""
    current = token
    for _ in range(12):
        if current.i == trigger.i:
            return True
        if current.i in stops or current.head is current:
            return False
        if current.pos_ in {"VERB", "AUX"} and current.dep_ in {"ccomp", "advcl", "relcl", "conj", "xcomp"}:
            return False
        current = current.head
    return False


def spans_under(spans: list[Span], trigger: Token, stops: set[int]) -> Iterator[Span]:
    """Spans (dates, places; sorted by start, as ``doc.ents``) that attach to the trigger in the parse."""
    # one sentence, found by bisection: a scan of every span per trigger made long documents quadratic; the
    # trigger itself may be in ``stops`` (``governed`` reaches it first)
    sent = trigger.sent
    for span in spans[bisect_left(spans, sent.start, key=lambda s: s.start) :]:
        if span.start >= sent.end:
            break
        if governed(span.root, trigger, stops):
            yield span


def vagueness(place: Span, phrase: Token) -> tuple[bool, bool, bool, int, int]:
    """Sort key for the places inside one argument phrase, the place it names first: a proper name before a
    demonym ('Irish'), a common-noun phrase ('the Mexican state') or a name that qualifies another noun ('New
    York' in 'the New York borough of Queens', 'Pakistan' in 'Pakistan's largest city, Karachi'); then the one
    nearest the phrase's head, then the later one."""
    root = place.root
    depth, node = 0, root
    while node.i != phrase.i and node.head.i != node.i:
        node, depth = node.head, depth + 1
    demonym = root.pos_ == "ADJ" or root.ent_type_ == "NORP"
    unnamed = not any(t.pos_ == "PROPN" and t.ent_type_ != "NORP" for t in place)
    qualifies = root.dep_ in {"compound", "poss", "amod", "nmod"} and root.head.pos_ in {"NOUN", "PROPN"}
    return demonym, unnamed, qualifies, depth, -root.i


def _partner_phrases(obj: Token, prep_roles: dict[str, str] | None) -> list[Token]:
    """'shared evidence with the U.S.', 'discussed the crisis with Egypt': the small model hangs the partner's
    'with' phrase on a common-noun object; for a type whose 'with' names a party, it belongs to the verb."""
    if obj.pos_ != "NOUN" or obj.ent_type_ or "with" not in (prep_roles or {}):
        return []
    return [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "with"]


def _named(token: Token) -> bool:
    """A proper name or a name the model tags as an actor ('Senegal', 'the United Nations')."""
    return token.pos_ == "PROPN" or token.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"}


def _controlled(clause: Token) -> bool:
    """An infinitive clause with its own subject right after the verb's object position: 'allowed [the leader]
    to run' (not a finite 'that'-clause, whose subject is no object of the verb).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["allowed", "him", "to", "run"], heads=[0, 3, 3, 0],
    ...           deps=["ROOT", "nsubj", "aux", "ccomp"], tags=["VBD", "PRP", "TO", "VB"])
    >>> _controlled(doc[3])
    True
    """
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)
