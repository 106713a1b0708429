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
from kg.extract.coding import CodingRules
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


def takers_first(
    rule: dict, events: list[Event], agent_keys: tuple[str, ...], target_keys: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Actor 1 and 2 of a rule that names the role of its actor 1 (``actor1_role``): ACLED's actor 1 of a
    non-violent transfer of territory is who takes it over ('the coalition handed its base over to the army'),
    the one who leaves is actor 2.

    >>> from kg.records import Mention
    >>> handed = Event("e", "DetaineeTransfer", Mention("d", 0, 6, "handed"), roles={"recipient": ("army",)})
    >>> takers_first({"actor1_role": "recipient"}, [handed], ("coalition",), ())
    (('army',), ('coalition',))
    """
    takers = actors_in(events, (rule["actor1_role"],)) if rule.get("actor1_role") else ()
    if not takers:
        return agent_keys, target_keys
    return takers, tuple(k for k in dict.fromkeys((*agent_keys, *target_keys)) if k not in takers)


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
