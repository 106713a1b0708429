"""Targets an event takes from the act it governs, when the parse gives it none of its own.

- **An act it intends, promises, refuses or threatens** (its ``xcomp``): "Iran threatened to launch an offensive
  against Iraq", "Libya offered to hand two suspects over to Britain", "Pakistan refused to send troops to Iraq":
  whoever that act is directed at (its target or recipient, or a country it goes to or leaves) is the target of
  the threat, offer or refusal. When the governed verb is no event of its own, its prepositional objects count
  where the event's type says the preposition introduces a target ("threatened to deliver blows to the US").
- **Another's act it responds to** (its object): "Serbia rejected an Australian ultimatum", "Beirut rejected a UN
  appeal", "Kenya condemned the attack by the rebels", "police broke up the protest": the author of that act is
  the target of the response.
- **A plain object noun's prepositional phrase** where the event's type says the preposition introduces a
  target: "threatened further action against Russia", "would boycott all contact with the United States".

Only actors are taken, never the event's own agents, and the event's confidence drops to 0.6 as for other roles
read from a governing or governed clause (the parse of a longer reach is less sure).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.state import Found, FoundEvent

TARGETS = ("target", "recipient")
MOVES = ("destination", "origin")  # "agreed to withdraw from Lebanon": a country it leaves, as an actor
CONFIDENCE = 0.6


def inherit_targets(
    events: list[FoundEvent], index: dict[int, Found], prep_roles: Callable[[str], dict[str, str]]
) -> None:
    """Give each event without a target the targets of the act it governs (see the module docstring).

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["Iran", "threatened", "to", "attack", "Iraq"], heads=[1, 1, 3, 1, 3],
    ...           deps=["nsubj", "ROOT", "aux", "xcomp", "dobj"], pos=["PROPN", "VERB", "PART", "VERB", "PROPN"])
    >>> iran, iraq = (Found(doc[i : i + 1], n.lower(), n, "Country") for i, n in ((0, "Iran"), (4, "Iraq")))
    >>> threat = FoundEvent("Threat", doc[1:2], roles={"agent": ["iran"]})
    >>> attack = FoundEvent("Attack", doc[3:4], roles={"agent": ["iran"], "target": ["iraq"]})
    >>> inherit_targets([threat, attack], {0: iran, 4: iraq}, lambda kind: {})
    >>> threat.roles["target"], threat.confidence
    (['iraq'], 0.6)
    """
    by_head: dict[int, FoundEvent] = {}
    for event in events:
        by_head.setdefault(event.trigger.root.i, event)
        if event.anchor is not None:  # "launch an offensive": the support verb stands for the event too
            by_head.setdefault(event.anchor.root.i, event)
    actors = {f.key for f in index.values() if f.is_actor}
    # the most deeply embedded first, so a chain passes through: "agreed to allow aid to reach Y"
    for event in sorted(events, key=lambda e: -_depth(e.trigger.root)):
        if any(event.roles.get(role) for role in TARGETS):
            continue
        head = event.trigger.root
        own = set(event.roles.get("agent", ()))
        keys = [k for k in _governed(event, head, by_head, index, actors, prep_roles) if k not in own]
        if keys:
            event.roles["target"] = list(dict.fromkeys(keys))
            event.confidence = min(event.confidence, CONFIDENCE)


def _governed(
    event: FoundEvent,
    head: Token,
    by_head: dict[int, FoundEvent],
    index: dict[int, Found],
    actors: set[str],
    prep_roles: Callable[[str], dict[str, str]],
) -> list[str]:
    targets = {word for word, role in prep_roles(event.type).items() if role == "target"}
    keys: list[str] = []
    for child in head.children:
        inner = by_head.get(child.i)
        if inner is event or (inner is not None and event.trigger.start <= child.i < event.trigger.end):
            continue  # the event's own words ("launched an attack")
        if child.dep_ == "xcomp" and child.pos_ in {"VERB", "AUX"}:
            if inner is not None:
                keys += [k for r in TARGETS for k in inner.roles.get(r, ())]
                keys += [k for r in MOVES for k in inner.roles.get(r, ()) if k in actors]
            else:
                keys += _prep_actors(child, targets, index)
        elif child.dep_ in {"dobj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN"}:
            if inner is not None and inner.type != event.type:
                keys += inner.roles.get("agent", [])
            elif inner is None:
                keys += _prep_actors(child, targets, index)
    return [k for k in keys if k in actors]


def _prep_actors(head: Token, words: set[str], index: dict[int, Found]) -> list[str]:
    """Actors named by ``head``'s prepositional phrases whose preposition is one of ``words``."""
    keys = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in words:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for token in (obj, *obj.conjuncts):
                    found = index.get(token.i)
                    if found is not None and found.is_actor:
                        keys.append(found.key)
    return keys


def _depth(token: Token) -> int:
    depth = 0
    while token.head is not token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def owner(
    token: Token, index: dict[int, Found], *, names: bool = False, authors: bool = False, of: bool = False
) -> Found | None:
    """'praised Haiti's efforts', 'condemned Russia's attack': the owner stands in for a plain noun.

    With ``names``, a name that qualifies the noun does too ('the Islamic Jihad movement rejected', 'a United
    Nations appeal'), but not a demonym ('Algerian landowners' are not Algeria). With ``authors`` (the object of
    an answer to what someone said or did), a demonym and a 'by' / 'from' phrase name the author ('rejected an
    Australian ultimatum', 'demanded an admission by Moscow'); with ``of``, whom a thing belongs to ('shelled
    positions of the security forces', 'demanded the removal of the president').

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["an", "Australian", "ultimatum"], heads=[2, 2, 2],
    ...           deps=["det", "amod", "ROOT"], pos=["DET", "ADJ", "NOUN"])
    >>> australia = Found(doc[1:2], "australia", "Australia", "Country")
    >>> owner(doc[2], {1: australia}, names=True), owner(doc[2], {1: australia}, authors=True).key
    (None, 'australia')
    """
    owners = []
    for child in token.children:
        demonym = child.pos_ == "ADJ" or child.ent_type_ == "NORP"
        if child.dep_ == "poss" or (
            child.dep_ in {"amod", "compound", "nmod"} and (authors or (names and not demonym))
        ):
            owners.append(index.get(child.i))
    words = {"by", "from"} if authors else set()
    words |= {"of"} if of else set()
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in words]
    owners += [index.get(o.i) for p in preps for o in p.children if o.dep_ == "pobj"]
    actors = [f for f in owners if f is not None and f.is_actor]
    return actors[0] if actors else None
