"""Doers an act told without one takes from the violent act in the same sentence that caused it.

- A violent event without a doer (a passive 'were killed', an intransitive 'died') whose 'when' / 'as' clause is a
  violent act with a doer was done by that doer: 'Two aid workers were killed when gunmen ambushed their convoy'
  (the gunmen killed them), 'Ten people were hurt when police clashed with youths'.
- A violent verb whose subject is the noun of a violent event with doers is done by them: 'Fighting between A and B
  killed 30 soldiers', 'Clashes between police and youths injured ten'.

A weapon is no doer, so 'were killed when a bomb exploded' stays without one (the bombing has none), and who is hit
never becomes who hits ('two soldiers were killed when they clashed with rebels' gives the soldiers nothing).
Inferred, so trusted less.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.events.senses import VIOLENT
from kg.extract.state import FoundEvent

CAUSE_WORDS = {"when", "as"}  # 'were killed when / as police opened fire'; 'after' may be a later, other act
HIT = ("target", "theme")


def inherit_agents(events: list[FoundEvent]) -> None:
    """Give each violent event without an agent the agents of the violent event that caused it (module doc).

    >>> inherit_agents([])
    """
    by_root: dict[int, FoundEvent] = {}
    for event in events:
        by_root.setdefault(event.trigger.root.i, event)
    for event in events:
        head = event.trigger.root
        if event.type not in VIOLENT or event.roles.get("agent") or head.pos_ not in {"VERB", "AUX"}:
            continue
        cause = _cause(head, by_root)
        if cause is None or cause is event or cause.type not in VIOLENT:
            continue
        hit = {k for role in HIT for k in event.roles.get(role, ())}
        doers = [k for k in cause.roles.get("agent", ()) if k not in hit]
        if doers:
            event.roles["agent"] = doers
            event.confidence = min(event.confidence, 0.6)


def _cause(verb: Token, by_root: dict[int, FoundEvent]) -> FoundEvent | None:
    """The event of the verb's subject noun ('Fighting ... killed'), else of its 'when' / 'as' clause."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.pos_ in {"NOUN", "VERB"} and child.i in by_root:
            return by_root[child.i]
    for child in verb.children:
        if child.dep_ == "advcl" and child.i in by_root and _marked(child):
            return by_root[child.i]
    return None


def _marked(clause: Token) -> bool:
    """The clause opens with 'when' or 'as' ('when gunmen ambushed', 'as police fired')."""
    return any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in CAUSE_WORDS and c.i < clause.i for c in clause.children
    )
