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

from kg.extract.language import DESTINATION_PREPOSITIONS as DEST_PREPS
from kg.extract.language import ORIGIN_PREPOSITIONS as ORIGIN_PREPS
from kg.extract.language import PLACE_PREPOSITIONS as PLACE_PREPS
from kg.extract.language import RELATIVE_PRONOUNS
from kg.extract.lexicon import word_set

# Verbs whose subject is the agent of the event noun they govern: "X launched an offensive", "X held talks",
# "X lodged a protest", "X will provide food aid".
LIGHT_VERBS = word_set("events", "light_verbs")
# Heads that only measure or select what follows 'of': "a batch of 144 detainees", "most of the escapees".
CONTAINERS = word_set("events", "containers")
SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}

Resolver = Callable[[Token], list[str]]


def expand(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ('A and B' -> [A, B])."""
    return [token, *token.conjuncts]


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


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children)


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether it is a passive subject; inherited through xcomp, conj, relcl."""
    current = verb
    for _ in range(4):
        relative = current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN"}
        for child in current.children:
            if relative and child.lower_ in RELATIVE_PRONOUNS:  # "detainees who escaped": the noun
                return current.head, child.dep_ in PASSIVE_SUBJECTS
            if child.dep_ in SUBJECTS:
                return child, False
            if child.dep_ in PASSIVE_SUBJECTS:
                return child, True
        if current.dep_ == "relcl" and current.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return current.head, is_passive(current)
        if current.dep_ in {"xcomp", "conj", "advcl"} and current.head is not current:
            current = current.head
            continue
        break
    return None, False


def _pobjs(prep: Token) -> list[Token]:
    return [t for c in prep.children if c.dep_ in {"pobj", "pcomp"} for t in expand(c)]


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
    if subject is not None:
        roles[object_role if passive else subject_role].extend(expand(contents(subject)))
    if verb.dep_ in {"acl", "amod"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        # "detainees held in camps": the noun undergoes the action; "escaped detainees": for types whose
        # subject is the theme (escape, flee) the noun is that theme too.
        roles["theme" if subject_role == "theme" else object_role].extend(expand(verb.head))
    for child in verb.children:
        if child.dep_ in {"dobj", "attr", "dative"} and child.pos_ != "NUM":
            roles[object_role].extend(expand(contents(child)))
        elif child.dep_ == "agent":
            roles[subject_role].extend(_pobjs(child))
        elif child.dep_ == "ccomp" and clause_role:
            roles[clause_role].extend(t for c in child.children if c.dep_ in SUBJECTS for t in expand(c))
        elif child.dep_ == "prep":
            _prep_roles(child, roles, prep_roles)
        elif (
            child.dep_ == "prt" and child.lower_ == "up"
        ):  # "kidnapped up to 16 advisers": a count, no particle
            counted = [t for p in child.children if p.lower_ == "to" for t in _pobjs(p)]
            roles[object_role].extend(t for t in counted if any(c.dep_ == "nummod" for c in t.children))
    return roles


def nominal_arguments(
    noun: Token,
    object_role: str,
    prep_roles: dict[str, str] | None = None,
    clause_role: str | None = None,
    light_nouns: frozenset[str] = frozenset(),
) -> dict[str, list[Token]]:
    """Role -> head tokens for a noun trigger ('transfers of prisoners from Syria to Iraq by US forces').

    With a noun, 'from' names whoever the act comes from ('an appeal from the president', 'support from
    Moscow') where a verb's 'from' names whom it is asked of ('demanded money from Moscow')."""
    roles: dict[str, list[Token]] = defaultdict(list)
    if prep_roles and prep_roles.get("from") == "target":
        prep_roles = {**prep_roles, "from": "agent"}
    owners: list[Token] = []  # "their meeting": a pronoun owner only when the clause names no one
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            owners.append(child)
        elif child.dep_ == "poss" or (
            child.dep_ in {"compound", "amod", "nmod"} and child.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"}
        ):
            roles["agent"].append(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            roles[object_role].extend(contents(t) for t in _pobjs(child))
        elif (
            child.dep_ == "prep"
            and child.lower_ == "between"
            or child.dep_ == "prep"
            and child.lower_ == "by"
        ):
            roles["agent"].extend(_pobjs(child))
        elif child.dep_ == "prep" and child.lower_ in {"against", "on"}:
            roles["target"].extend(_pobjs(child))
        elif child.dep_ == "prep":
            _prep_roles(child, roles, prep_roles)
    phrase = measured(noun, light_nouns)
    governor = phrase.head
    if phrase.dep_ in {"dobj", "nsubjpass"} and is_light(governor) and "agent" not in roles:
        subject, passive = subject_of(governor)  # "American forces have begun emergency transfers"
        if subject is not None and not passive:
            roles["agent"].extend(expand(contents(subject)))  # "a group of diplomats held a meeting"
        for child in governor.children:
            if child.dep_ == "prep":  # "held talks with X" as "talks with X"
                _prep_roles(child, roles, prep_roles)
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


def governing_clause(noun: Token, light_nouns: frozenset[str] = frozenset()) -> tuple[Token, Token] | None:
    """(verb, subject) of the clause an event noun is the object or the purpose of, when the subject takes part
    in it: 'The United States speeded up the withdrawal', 'Syrian officers ended mediation efforts', 'U.S.
    negotiators return to Geneva for talks'. Not when the subject only undergoes the clause (passive) or acts on
    someone else ('blamed the rebels for the attack'). The caller decides whether that verb is an event itself.

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
    if phrase.dep_ == "pobj" and verb.lower_ == "for" and verb.dep_ == "prep":
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


def _prep_roles(prep: Token, roles: dict[str, list[Token]], overrides: dict[str, str] | None = None) -> None:
    word = prep.lower_
    objects = _pobjs(prep)
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
