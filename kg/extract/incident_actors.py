"""Who an incident's actors are and what ACLED actor type (``inter`` code) they have, from the events of its
sentence, the clause's subject and the words of the mentions. Used by :mod:`kg.extract.incidents`.

>>> actors_in([], ("agent",))
()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from kg.extract.actor_types import entity_inter
from kg.extract.candidates import MentionIndex
from kg.extract.clauses import actor_verb
from kg.extract.coding import CodingRules
from kg.extract.subjects import REPORTING
from kg.records import Entity, Event

if TYPE_CHECKING:
    from kg.extract.gazetteer import Gazetteer


def describes(doc: Doc, event: Event) -> bool:
    """An event told in a relative clause or a participle that describes a noun ('rebels that killed ...',
    'forces backed by ...')."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in {"relcl", "acl"}


def actors_in(events: list[Event], roles: tuple[str, ...]) -> tuple[str, ...]:
    """Keys that fill ``roles`` in ``events``, in order, once each."""
    return tuple(dict.fromkeys(k for e in events for r in roles for k in e.roles.get(r, ())))


def inter_of_keys(
    rules: CodingRules, keys: tuple[str, ...], entities: dict[str, Entity], fallback: str
) -> int | None:
    """The inter code of the first of ``keys`` that has one, else of the ``fallback`` words."""
    for key in keys:
        entity = entities.get(key)
        if entity is not None:
            code = entity_inter(rules, entity, entities)
            if code is not None:
                return code
    return rules.inter_of(fallback, None) if fallback else None


def people_code(
    keys: tuple[str, ...], sent: Span, mentions: MentionIndex, gazetteer: Gazetteer | None
) -> int | None:
    """Civilians (7) when the first target is a country named by its people ('arrested 3 Palestinians'): a
    state is coded as one only when it acts or is named as such."""
    if not keys or gazetteer is None:
        return None
    texts = [m.text for e, m in mentions.within(sent.start_char, sent.end_char) if e.key == keys[0]]
    demonyms = [gazetteer.demonym_to_country(t[:-1]) for t in texts if t.endswith("s") and t[:1].isupper()]
    people = (
        bool(texts)
        and all(d is not None and d.key == keys[0] for d in demonyms)
        and len(demonyms) == len(texts)
    )
    return 7 if people else None


def subject_actors(subjects: list[Token], mentions: MentionIndex) -> tuple[str, ...]:
    """Keys of the actors named in the subject phrases ('Saudi air defences', 'Iraqi bomb disposal teams')."""
    keys = []
    for token in subjects:
        doc = token.doc
        start, end = doc[token.left_edge.i].idx, doc[token.right_edge.i].idx + len(doc[token.right_edge.i])
        keys += [e.key for e, _ in mentions.within(start, end) if not e.is_place]
    return tuple(dict.fromkeys(keys))


def main_actors(
    rule: dict | None, sent: Span, reporting: frozenset[int], mentions: MentionIndex
) -> tuple[str, ...]:
    """For a rule whose actor 1 is who acts in the main clause (``actor1_subject``: who intercepts or defuses, not
    who fired), the keys of the actors named as that clause's subject, not a reporting verb's ('SDF engineering
    teams defused a device planted by IS', 'air defences shot down a drone launched by X')."""
    if rule is None or not rule.get("actor1_subject"):
        return ()
    verb, subjects = actor_verb(sent, [], reporting)
    teller = verb.head if verb.dep_ == "ccomp" else None
    if (
        subjects
        and all(t.tag_ == "PRP" for t in subjects)
        and teller is not None
        and (teller.i in reporting or teller.lemma_ in REPORTING)
    ):  # 'engineering teams said that they had dismantled 40 mines': they are who says so
        subjects = [c for c in teller.children if c.dep_ == "nsubj"]
    return subject_actors(subjects, mentions)
