"""Filling an event's roles: what the head word of a role's phrase stands for, an actor, a place or the speaker
(a pronoun), found by :mod:`kg.extract.events.extractor` for each role its parse gives.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.collectives import own_state
from kg.extract.events.complements import owner
from kg.extract.events.parties import owner_rules
from kg.extract.events.places import guessed_town, phrase_place
from kg.extract.events.pronouns import antecedent_subject, controllers
from kg.extract.language import PERSONAL_PRONOUNS as PRONOUNS
from kg.extract.lexicon import Lexicon
from kg.extract.nationals import national_group
from kg.extract.principals import role_actor
from kg.extract.state import Found, FoundEvent

ACTOR_ROLES = ("agent", "target", "theme", "recipient")
PLACE_ROLES = ("place", "origin", "destination")


def fill_role(
    event: FoundEvent, role: str, token: Token, index: dict[int, Found], doc: Doc, lexicon: Lexicon
) -> None:
    """Put in the event's ``role`` what the role's head ``token`` stands for: an instrument noun, a place (or, for
    a destination that is people, a recipient), a pronoun's antecedent subject, or an actor: named, an owner the
    noun stands for, or a people a nationality names; a target or theme that is a place says where it happened."""
    if role == "instrument":
        if token.i not in index and token.pos_ == "NOUN":
            event.instrument = token.lemma_
        return
    if role in PLACE_ROLES:
        if token.lemma_.lower() in lexicon.response or lexicon.type_of_lemma(token.lemma_, token.pos_):
            return  # "in retaliation for an attack on Sderot": that place belongs to the other event
        # "aid to Kurdish refugees in X": people the act goes to are its recipient, not the place they are in
        people = (
            role == "destination"
            and token.pos_ == "NOUN"
            and (token.i not in index or not index[token.i].is_place)
        )
        best = None if people else phrase_place(token, index)
        if best is not None:
            _add(event.roles, role, best.key)
        elif (
            role == "destination"
            and (found := role_actor(token, index, doc, lexicon)) is not None
            and found.is_actor
        ):
            _add(event.roles, "recipient", found.key)
        elif people and (best := phrase_place(token, index)) is not None:
            _add(event.roles, role, best.key)  # "sent troops to the capital"
        return
    if token.lower_ in PRONOUNS and role in ACTOR_ROLES and token.i not in index:
        # "Berlin rejected the calls, saying it was withholding aid": the subject of the trigger's own clause
        # a subject ('it' the object of 'rejected it' is something said, not the speaker)
        own = token.dep_ in {"nsubj", "nsubjpass"} and token.head.i in controllers(event.trigger.root)
        subject = antecedent_subject(token) if own else None
        found = role_actor(subject, index, doc, lexicon) if subject is not None else None
        # else "they would meet": filled from the claim's speaker; a subject's role before an object's ('the
        # army said it rejected it' is the army's rejection, not one of the army)
        if own or event.pronoun_role is None:
            event.pronoun_role = role
        if found is None or not found.is_actor:
            return
        _add(event.roles, role, found.key)
        event.confidence = min(event.confidence, 0.6)
        return
    found = role_actor(token, index, doc, lexicon) or owner(token, index)  # "condemned Russia's attack"
    if found is None:  # a plain noun standing for its author or owner: an inference, trusted less
        rules = owner_rules(role, lexicon.type_of_lemma(token.lemma_, token.pos_) is not None)
        found = owner(token, index, **rules, resolve=lambda t: role_actor(t, index, doc, lexicon))
        found = found or (national_group(token, index, doc, lexicon) if role == "agent" else None)
        if found is None and role in ACTOR_ROLES and own_state(token):
            event.pronoun_role = event.pronoun_role or role  # "said his country would": the speaker's
        if found is not None and found.is_actor:
            event.confidence = min(event.confidence, 0.6)
    if found is not None and found.is_actor:
        _add(event.roles, role, found.key)
    elif found is not None and role in {"target", "theme"} and not guessed_town(found, token):
        # "an attack on Kharkiv", "the hospital was shelled": where it happened
        _add(event.roles, "place", found.key)
        event.object_place = True


def _add(roles: dict[str, list[str]], role: str, key: str) -> None:
    if key not in roles.setdefault(role, []):
        roles[role].append(key)
