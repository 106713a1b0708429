"""Word-sense checks on triggers (data in ``kg/data/trigger_senses.json``), the date that governs a sentence, and
'warned X not to ...'.

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> words = ["a", "great", "deal"]
>>> doc = Doc(nlp.vocab, words=words, lemmas=words, pos=["DET", "ADJ", "NOUN"], heads=[2, 2, 2],
...           deps=["det", "amod", "ROOT"])
>>> sense_checked(doc[2], "Agreement") is None
True
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection
from typing import Any

from spacy.tokens import Span, Token

from kg.extract.events.arguments import (
    PARTS,
    acts_on_something,
    first_conjunct,
    found_place_object,
    objects_are_places,
    of_what,
    retort,
    subjects_counted,
)
from kg.extract.events.happening import by_aircraft, other_construction
from kg.extract.lexicon import word_set
from kg.extract.standing import senses
from kg.extract.state import Found, FoundEvent

# the passive subject is an object in the other voice: "the film was shot"
_AROUND = {"compound", "amod", "nmod", "dobj", "nsubjpass", "pobj", "poss", "npadvmod", "prt"}
IRREALIS = word_set("events", "irrealis")
IRREALIS_MODIFIERS = word_set("events", "irrealis_modifiers")
REQUESTED = word_set("events", "requested")
WEAPONS = word_set("events", "weapons")
MILITARY = word_set("events", "military_subjects")
MEASURES = word_set("events", "containers")
DIRECTIONS = {"in", "into", "to", "toward", "towards", "on", "onto", "through", "across", "over", "down", "up", "at",
              "near", "inside", "along", "past", "around", "from"}  # fmt: skip
VIOLENT = {"Attack", "Bombing", "Assault", "Killing", "Airstrike", "ArmedClash"}
WARNING_VERBS = {"warn", "urge", "caution", "ask", "tell", "call", "order", "advise", "beg"}


def sense_rule(lemma: str) -> dict[str, Any]:
    """The sense rule of a trigger lemma (empty when it has none)."""
    return senses().get(lemma.lower(), {})


def _neighbours(token: Token) -> set[str]:
    """Lemmas of the trigger's modifiers, objects (passive subjects too) and particles, and of 'of'/'to'/'into'/
    'for'-complements ('transfer of power', 'shot to fame', 'prices shot up', 'entered into force', 'a request for
    comment')."""
    lemmas = {c.lemma_.lower() for c in token.children if c.dep_ in _AROUND}
    # 'captured 19 percent of the vote': a part stands for what it is of
    lemmas |= {g.lemma_.lower() for g in of_what((c for c in token.children if c.dep_ == "dobj"), PARTS)}
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "to", "into", "for"}):
        lemmas |= {g.lemma_.lower() for g in prep.children if g.dep_ == "pobj"}
    if token.dep_ in {"compound", "amod", "npadvmod"}:  # "money transfers", "bomb-sniffing dogs"
        lemmas.add(token.head.lemma_.lower())
    return lemmas


def sense_checked(token: Token, kind: str) -> str | None:
    """The trigger's type after the sense checks: None when a word around it shows another sense, another type
    when a light verb retypes it ('held a strike' -> Protest)."""
    if token.ent_type_ in {"DATE", "TIME"}:
        return None  # "on March 15": a word inside a date is no event
    if kind in VIOLENT and retort(token):
        return None  # "X shot back that ...": words, not shots
    rule = senses().get(token.lemma_.lower())
    if not rule:
        return kind
    neighbours = _neighbours(token)
    if neighbours & set(rule.get("not_with", ())):
        return None  # before the retypes: "wounded soldiers were flown to hospital" is no deployment
    if (moved := moved_or_struck(token)) is not None:
        return moved  # "troops marched into the capital": a deployment, not a protest
    if "retype_with" in rule and neighbours & set(rule["retype_with"]["lemmas"]):
        # "a nationwide strike" is a protest, "burned tyres" a protest act
        return str(rule["retype_with"]["type"])
    objects = {
        c.lemma_.lower() for c in token.children if c.dep_ in {"dobj", "nsubjpass"} and token.pos_ == "VERB"
    }
    if "retype_object" in rule and objects & set(rule["retype_object"]["lemmas"]):
        return str(rule["retype_object"]["type"])  # "attacked the plan": criticism
    if (air := rule.get("retype_air_subject")) and token.pos_ == "VERB" and by_aircraft(token):
        return str(air)  # "jets struck hideouts", "a village was bombed by military aircraft"
    if token.pos_ != "VERB" and neighbours & set(rule.get("noun_not_with", ())):
        return None  # "a bomb factory", "bomb disposal experts"; but "bombed a factory" is an attack
    needs = set(rule.get("noun_needs_in_phrase", ()))
    if token.pos_ != "VERB" and needs and not {t.lemma_.lower() for t in token.subtree} & needs:
        return None  # "an aid convoy", "a convoy carrying food": the noun's own phrase shows the sense
    before = token.nbor(-1).lemma_.lower() if token.i > 0 else ""
    if before in set(rule.get("not_after", ())):
        return None
    own = {c.lemma_.lower() for c in subjects_counted(token)}  # 'thousands of people': the people
    if not own and token.tag_ == "VBG" and token.dep_ in {"advcl", "xcomp"}:
        own = {c.lemma_.lower() for c in subjects_counted(token.head)}  # 'an earthquake struck, killing 12
    by = {g.lemma_.lower() for c in token.children if c.dep_ == "agent" for g in c.children}
    if (own | by) & set(rule.get("not_subject", ())):
        return None  # "the fires destroyed 2,000 homes", "destroyed by the earthquake": no one's act
    if "needs_subject" in rule and own and not own & set(rule["needs_subject"]):
        return None  # "a car bomb exploded", not "cotton production exploded"
    if rule.get("needs_object") and token.pos_ == "VERB" and not acts_on_something(token):
        return None  # "the house burned down": a fire, not someone's act
    if rule.get("place_object") and not objects_are_places(token, names=True):
        return None
    if rule.get("not_place_object") and (objects_are_places(token) or found_place_object(token)):
        return None  # "the junta still holds Sittwe": control of a place, not a detention
    if other_construction(token, rule):
        return None
    if rule.get("retype_place_object") and objects_are_places(token, passive=True):
        return str(rule["retype_place_object"])  # "captured the town": fighting over territory, not an arrest
    retype = rule.get("retype")
    if retype and token.dep_ in {"dobj", "nsubjpass"} and _verb_forms(token.head) & set(retype["verbs"]):
        return retype["type"]
    if retype and token.dep_ == "pobj" and token.head.lower_ in set(retype.get("preps", ())):
        return retype["type"]  # "went on strike", "teachers are on strike"
    return kind


def _verb_forms(verb: Token) -> set[str]:
    """The verb's lemma and its text less a regular ending: the small model lemmatises 'staged' as 'stag'."""
    word = verb.lower_
    forms = {verb.lemma_.lower(), word}
    for ending in ("d", "ed", "s", "es", "ing"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)])
    return forms


def moved_or_struck(verb: Token) -> str | None:
    """The type a verb takes from what moves or lands (keys of its sense rule): ``retype_military_subject`` when
    armed forces move somewhere ('troops marched into the city', 'a platoon of peacekeepers arrived in X', 'troops
    began arriving in X'; not 'soldiers moved the detainees', not 'the army pushed for talks');
    ``retype_military_object`` when they are moved ('marines were dispatched to X'); ``weapon_subject`` when a
    weapon lands ('a mortar round landed in a market', 'rockets slammed into X').

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Troops", "marched", "into", "Goma"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["troop", "march", "into", "Goma"],
    ...           pos=["NOUN", "VERB", "ADP", "PROPN"], heads=[1, 1, 1, 2], deps=["nsubj", "ROOT", "prep", "pobj"])
    >>> moved_or_struck(doc[1])
    'Mobilization'
    """
    rule = senses().get(verb.lemma_.lower())
    if not rule or verb.pos_ != "VERB":
        return None
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if (kind := rule.get("retype_military_object")) and any(_military(o) for o in objects):
        return str(kind)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "xcomp":  # 'troops began arriving'
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if verb.dep_ in {"acl", "relcl"} and all(s.lower_ in {"who", "that", "which"} for s in subjects):
        subjects = [verb.head]  # 'troops marching into X', 'soldiers who arrived in X'
    if (kind := rule.get("weapon_subject")) and any(_weapon(s) for s in subjects):
        return str(kind)
    kind = rule.get("retype_military_subject")
    if kind is None or any(c.dep_ == "dobj" for c in verb.children) or not _directed(verb):
        return None
    return str(kind) if any(_military(s) for s in subjects) else None


def _military(noun: Token) -> bool:
    """'troops', 'a platoon of peacekeepers' (a measuring noun stands for its 'of'-noun)."""
    if noun.lemma_.lower() in MEASURES or noun.lower_ in MEASURES:
        noun = next((g for c in noun.children if c.lower_ == "of" for g in c.children), noun)
    return noun.lemma_.lower() in MILITARY or noun.lower_ in MILITARY


def _weapon(noun: Token) -> bool:
    """A weapon as a common noun or in its compound: 'a mortar shell', 'Katyusha rockets', 'a hand grenade'."""
    words = {noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ == "compound"}
    return noun.pos_ == "NOUN" and bool(words & WEAPONS)


def _directed(verb: Token) -> bool:
    """The verb says where to or through: a place phrase ('into the city', 'toward X'; not 'on Monday', 'for
    talks') or a particle ('moved in')."""
    for child in verb.children:
        if child.dep_ == "prt" and child.lower_ in {"in", "into", "on", "forward", "back"}:
            return True
        places = [g for g in child.children if g.dep_ == "pobj" and g.ent_type_ not in {"DATE", "TIME"}]
        if child.dep_ == "prep" and child.lower_ in DIRECTIONS and places:
            return True
    return False


def sentence_date(head: Token, dates: list[Span], reporting: Collection[str] = ()) -> Span | None:
    """A date that governs the whole sentence of ``head``: one that opens it ("On 12 August 2021, ...",
    "On Tuesday, ...") or attaches to its main verb ("... held a protest on Friday"), unless that verb is one of
    the ``reporting`` lemmas and not ``head`` itself ("X and Y exchanged fire on Thursday night, the centre said on
    Friday": Friday dates the report). ``dates`` are in text order (as ``doc.ents`` gives them)."""
    sent = head.sent
    # ``span.sent == sent`` exactly when the span starts inside ``sent`` (spaCy's Span.sent is the sentence of
    # the first token); the dates are in text order, so bisect to the sentence's own instead of walking every
    # date's sentence (quadratic on long documents).
    for i in range(bisect_left(dates, sent.start, key=lambda span: span.start), len(dates)):
        span = dates[i]
        if span.start >= sent.end:
            break
        opens = span.start - sent.start <= 2 and span.end < sent.end and span.doc[span.end].text == ","
        on_root = span.root.head == sent.root or (
            span.root.head.dep_ == "prep" and span.root.head.head == sent.root
        )
        if on_root and not opens and head != sent.root and sent.root.lemma_ in reporting:
            continue
        if opens or on_root:
            return span
    return None


def irrealis(head: Token) -> bool:
    """An event noun that names a possibility, not a report: 'further breakouts', 'the risk of an attack',
    'preventing escapes', 'a halt to attacks' (the noun, or the 'of'/'to'/'on'-phrase it sits in, hangs from a word
    of risk, prevention or prohibition); or
    one asked for or offered: 'demanded a truce', 'called for a ceasefire'."""
    if head.pos_ != "NOUN":
        return False
    if any(c.dep_ == "amod" and c.lemma_.lower() in IRREALIS_MODIFIERS for c in head.children):
        return True
    head = first_conjunct(head)  # 'called for a ceasefire and for talks': the talks are asked for too
    preposition = head.head.lower_ if head.dep_ == "pobj" else None
    # "the risk of X", "calls for X", "a halt to X", "a ban on X": the noun the preposition hangs from
    governor = head.head.head if preposition in {"of", "for", "to", "on"} else head.head
    requested = head.dep_ == "dobj" or preposition == "for"  # "demanded a truce", "called for a ceasefire"
    if requested and governor.lemma_.lower() in REQUESTED:
        return True
    return head.dep_ in {"dobj", "pobj"} and governor.lemma_.lower() in IRREALIS


def warned_off(head: Token) -> Token | None:
    """For 'X warned Y not to attack' (attack = head): Y, the one warned; None otherwise."""
    if head.dep_ != "xcomp" or head.head.lemma_.lower() not in WARNING_VERBS:
        return None
    if not any(c.dep_ == "neg" for c in head.children):
        return None
    return next((c for c in head.head.children if c.dep_ == "dobj"), None)


# Actors that act on their own in political event data: a state, its forces, an armed group, a party, an IGO.
POLITICAL = {"Government", "Country", "MilitaryOrganization", "ArmedGroup", "PoliticalParty", "InternationalOrganization", "EthnoReligiousGroup"}  # fmt: skip


def coded_actors(event: FoundEvent, head: Token, index: dict[int, Found], roles: tuple[str, ...]) -> bool:
    """Whether an event on a verb known only from the CAMEO-derived list has the actors PETRARCH would code it
    with: a dyad (an agent and a target, or two agents), or one agent that is a political actor or a person
    named with a title or office ("Lt. Gen. Prosper Avril resigned"). "Troops headed on leave", "Uribe's vehicle
    traveled" and "people died" have neither. ``roles`` are the actor roles, the agent first."""
    agents = event.roles.get("agent", [])
    if len(agents) > 1 or (agents and any(event.roles.get(r) for r in roles[1:])):
        return True
    found = {f.key: f for t in head.sent if (f := index.get(t.i))}
    return any(
        (f := found.get(key)) is not None and (f.kind in POLITICAL or (f.kind == "Person" and bool(f.title)))
        for key in agents
    )


def armed(head: Token, kind: str, is_trigger: Callable[[Token], bool]) -> bool:
    """Whether a verb of a violent ``kind`` has a weapon (:data:`WEAPONS`, as a common noun or its compound) as its
    subject, object, passive subject or 'with'-object: 'a mortar shell hit a school', 'threw a grenade at a crowd',
    'the bus hit a landmine'. The weapon shows the violent sense that a verb known only from the CAMEO-derived list
    otherwise needs coded actors for. Not when the weapon noun is an event trigger of its own ('a roadside bomb hit
    X': the bomb's event carries the verb).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["a", "mortar", "shell", "hit", "a", "school"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["a", "mortar", "shell", "hit", "a", "school"],
    ...           pos=["DET", "NOUN", "NOUN", "VERB", "DET", "NOUN"], heads=[2, 2, 3, 3, 5, 3],
    ...           deps=["det", "compound", "nsubj", "ROOT", "det", "dobj"])
    >>> armed(doc[3], "Attack", lambda t: False), armed(doc[3], "Criticism", lambda t: False)
    (True, False)
    """
    if kind not in VIOLENT:
        return False
    arguments = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    arguments += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    return any(_weapon(noun) and not is_trigger(noun) for noun in arguments)
