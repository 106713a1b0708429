"""Targets an event takes from the act it governs, when the parse gives it none of its own.

- **An act it intends, promises, refuses or threatens** (its ``xcomp``): "Iran threatened to launch an offensive
  against Iraq", "Libya offered to hand two suspects over to Britain", "Pakistan refused to send troops to Iraq":
  whoever that act is directed at (its target or recipient, or a country it goes to or leaves) is the target of
  the threat, offer or refusal, and whom a demand it presses is made of ("marched, urging the governor to quit").
  When the governed verb is no event of its own, its prepositional objects count where the event's type says the
  preposition introduces a target ("threatened to deliver blows to the US").
- **Another's act it responds to** (its object): "Serbia rejected an Australian ultimatum", "Beirut rejected a UN
  appeal", "Kenya condemned the attack by the rebels", "police broke up the protest": the author of that act is
  the target of the response; an act of others it hosts has its parties as targets ("hosted talks between A
  and B"), and an act of no one in particular its other party ("demanded a truce with X").
- **A plain object noun's prepositional phrase** where the event's type says the preposition introduces a
  target: "threatened further action against Russia", "would boycott all contact with the United States",
  also under a governed verb ("threatened to break relations with Russia") and in a 'for' phrase, attached to
  the verb or its object ("mobilized reservists for a war against Iraq"), or on a thing it is directed at
  ("reneged on his commitment to X"); whom a thing is taken from ("recaptured the town from al-Shabaab").
- **The country of an act directed at no one** ("refused to deploy peacekeepers in Iraq"), as PLOVER codes it.
- **An event noun's carrier**: the purpose clause of the verb that carries the noun ("continued their hunger
  strike to demand the resignation of X", "staged demonstrations to demand reforms by X") is the noun's.

Agents pass the other way (:func:`inherit_agents`): a verb whose subject is an event noun takes its agents
("Israeli air strikes killed five"); and a state act with no agent is the country's where it happens
(:mod:`kg.extract.events.implicit`).

Only actors are taken, never the event's own agents, and the event's confidence drops to 0.6 as for other roles
read from a governing or governed clause (the parse of a longer reach is less sure).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.events.implicit import self_movers, state_agents
from kg.extract.events.nominals import is_light
from kg.extract.events.parties import pobjs
from kg.extract.events.roles import subject_of
from kg.extract.events.senses import REQUESTED
from kg.extract.lexicon import word_set
from kg.extract.state import Found, FoundEvent

TARGETS = ("target", "recipient")
MOVES = ("destination", "origin")  # "agreed to withdraw from Lebanon": a country it leaves, as an actor
CONFIDENCE = 0.6
PERSON_NOUNS = word_set("actors", "person_nouns")


def inherit_targets(
    events: list[FoundEvent],
    index: dict[int, Found],
    prep_roles: Callable[[str], dict[str, str]],
    undoes: Callable[[str], bool] = lambda kind: False,
    resolve: Callable[[Token], Found | None] | None = None,
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
    inherit_agents(events)  # "Israeli air strikes killed five": before the targets, which may pass through
    state_agents(events, index)  # "was arrested in Lebanon": the Lebanese authorities
    self_movers(events, index)  # "the withdrawal of Syrian troops": Syria withdraws
    by_head: dict[int, FoundEvent] = {}
    for event in events:
        by_head.setdefault(event.trigger.root.i, event)
        if event.anchor is not None:  # "launch an offensive": the support verb stands for the event too
            by_head.setdefault(event.anchor.root.i, event)
    actors = {f.key for f in index.values() if f.is_actor}
    countries = {f.key for f in index.values() if f.kind == "Country"}
    find = resolve or (lambda token: index.get(token.i))  # the extractor's also names unnamed collectives
    # the most deeply embedded first, so a chain passes through: "agreed to allow aid to reach Y"
    for event in sorted(events, key=lambda e: -_depth(e.trigger.root)):
        if any(event.roles.get(role) for role in TARGETS):
            continue
        head = event.trigger.root
        own = set(event.roles.get("agent", ()))
        keys = [
            k
            for k in _governed(event, head, by_head, find, (actors, countries), prep_roles, undoes)
            if k not in own
        ]
        if keys:
            event.roles["target"] = list(dict.fromkeys(keys))
            event.confidence = min(event.confidence, CONFIDENCE)


def inherit_agents(events: list[FoundEvent]) -> None:
    """Give a verb event without an agent the agents of the event noun that is its subject: "Israeli air strikes
    killed five" is a killing by Israel, "US drone attacks have killed leaders" one by the US. Trusted less, as
    other roles read from another clause.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["Israeli", "strikes", "killed", "five"], heads=[1, 2, 2, 2],
    ...           deps=["amod", "nsubj", "ROOT", "dobj"], pos=["ADJ", "NOUN", "VERB", "NUM"])
    >>> strike = FoundEvent("Attack", doc[1:2], roles={"agent": ["israel"]})
    >>> killing = FoundEvent("Killing", doc[2:3])
    >>> inherit_agents([strike, killing])
    >>> killing.roles["agent"], killing.confidence
    (['israel'], 0.6)
    """
    nouns = {e.trigger.root.i: e for e in events if e.trigger.root.pos_ in {"NOUN", "PROPN"}}
    for event in events:
        head = event.trigger.root
        if event.roles.get("agent") or head.pos_ != "VERB":
            continue
        subject, passive = subject_of(head)
        cause = nouns.get(subject.i) if subject is not None and not passive else None
        if cause is not None and cause is not event and cause.roles.get("agent"):
            event.roles["agent"] = list(cause.roles["agent"])
            event.confidence = min(event.confidence, CONFIDENCE)


def _governed(
    event: FoundEvent,
    head: Token,
    by_head: dict[int, FoundEvent],
    find: Callable[[Token], Found | None],
    known: tuple[set[str], set[str]],
    prep_roles: Callable[[str], dict[str, str]],
    undoes: Callable[[str], bool],
) -> list[str]:
    actors, countries = known  # the keys of actors, and of countries
    targets = {word for word, role in prep_roles(event.type).items() if role == "target"}
    keys: list[str] = []
    effect = by_head.get(head.head.i) if head.dep_ == "nsubj" else None
    if effect is not None and effect is not event:
        keys += _targets(effect, actors)  # "a roadside bombing killed a soldier": the bombing's target
    for child in _clause_children(event, head, by_head):
        inner = by_head.get(child.i)
        if inner is event or (inner is not None and event.trigger.start <= child.i < event.trigger.end):
            continue  # the event's own words ("launched an attack")
        # "threatened to attack X", "blocked roads to demand X's resignation", "marched, urging X to quit"
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        pressing = child.tag_ == "VBG" and child.lemma_.lower() in REQUESTED
        purpose = child.dep_ == "advcl" and (to or pressing)
        if (child.dep_ == "xcomp" or purpose) and child.pos_ in {"VERB", "AUX"}:
            keys += _targets(inner, actors) if inner is not None else _carried(child, purpose, by_head, find)
            if inner is not None and not _targets(inner, actors):
                # "refused to deploy peacekeepers in Iraq": an act directed at no one is directed at the
                # country it happens in (as PLOVER and CAMEO code it)
                keys += [k for k in inner.roles.get("place", ())[:1] if k in countries]
            if inner is None:
                keys += _prep_actors(child, targets, find)
                # "threatened to break relations with X", "refused to sever ties with X": the counterpart
                for obj in (c for c in child.children if c.dep_ == "dobj" and c.i not in by_head):
                    keys += _prep_actors(obj, targets | {"against"}, find)
        elif child.dep_ in {"dobj", "nsubjpass"} and child.pos_ in {"NOUN", "PROPN"}:
            if inner is not None and inner.type != event.type:
                # "demanded a truce with X": an act of no one in particular is directed at its other party
                keys += _answered(event, inner, actors, undoes) or _prep_actors(child, targets, find)
            elif inner is not None:  # "hosted talks between A and B": the parties of the act it hosts
                keys += [k for k in inner.roles.get("agent", ()) if k not in event.roles.get("agent", ())]
            elif inner is None:
                keys += _prep_actors(child, targets, find)
        elif child.dep_ == "prep" and child.lower_ in {"of", "for"}:
            for obj in (o for o in child.children if o.dep_ == "pobj"):
                inner = by_head.get(obj.i)
                if inner is not None and child.lower_ == "for":  # "mobilised reservists for a war against X"
                    keys += _targets(inner, actors)
                elif inner is None and child.lower_ == "for":  # the same when the noun is no event of its own
                    keys += _prep_actors(obj, {"against"}, find)
                elif inner is None and child.lower_ == "of" and head.pos_ == "NOUN":  # "suspension of links"
                    keys += _prep_actors(obj, targets, find)
        elif child.dep_ == "prep" and child.lower_ in targets - {"of", "for"}:
            # "reneged on his commitment to X", "backed out of ... with X": the thing it is directed at is no
            # actor, but whom that thing binds it to is
            for obj in (o for o in child.children if o.dep_ == "pobj" and o.i not in by_head):
                if (found := find(obj)) is None or not found.is_actor:
                    keys += _prep_actors(obj, targets, find)
        elif child.dep_ == "prep" and child.lower_ == "from" and child.head.i == head.i:
            # "recaptured the town from al-Shabaab", "withdrew from the coalition": whom it is taken from or
            # leaves (a country it leaves is already its origin)
            sides = [find(o) for o in pobjs(child)]
            keys += [f.key for f in sides if f is not None and f.is_actor and not f.is_place]
    return keys


def _clause_children(event: FoundEvent, head: Token, events: dict[int, FoundEvent]) -> list[Token]:
    """The trigger's dependents, and for an event noun carried by a verb ('continued their hunger strike to
    demand X', 'staged protests to press their demands on X') that verb's: its purpose clause belongs to the
    event the noun names."""
    children = list(head.children)
    support = event.anchor.root if event.anchor is not None else None
    if support is None and head.pos_ == "NOUN" and head.dep_ == "dobj" and is_light(head.head):
        support = head.head
    if support is not None and support.i != head.i:
        children += [c for c in support.children if c.i not in {t.i for t in event.trigger}]
    # the model often hangs a purpose 'for' from the object: "mobilized reservists for a war against X"
    objects = [c for c in children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in events]
    return children + [p for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "for"]


def _carried(
    verb: Token, purpose: bool, by_head: dict[int, FoundEvent], find: Callable[[Token], Found | None]
) -> list[str]:
    """Targets through a governed verb that is no event itself: the act it carries ('agreed to hold talks with
    X', 'blocked roads to press their demands on X') and, for a purpose clause, whom it acts on ('opened fire to
    disperse the demonstrators'; not 'agreed to send troops': the troops sent are no target)."""
    keys: list[str] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        inner = by_head.get(obj.i)
        if inner is not None:
            keys += [k for r in TARGETS for k in inner.roles.get(r, ())]
        elif purpose and (found := find(obj)) is not None and found.is_actor:
            keys.append(found.key)
    return keys


def _targets(event: FoundEvent, actors: set[str]) -> list[str]:
    """Whom an act is directed at: its targets and recipients, and a country it goes to or leaves."""
    return [k for r in TARGETS for k in event.roles.get(r, ())] + [
        k for r in MOVES for k in event.roles.get(r, ()) if k in actors
    ]


def _answered(
    event: FoundEvent, inner: FoundEvent, actors: set[str], undoes: Callable[[str], bool]
) -> list[str]:
    """The target of an event whose object is another act: that act's author when someone else did it
    ('rejected an Australian ultimatum'); that act's targets when the event undoes it ('lifted the ban on X',
    'ended its blockade of X': a type the lexicon marks as undoing) or when the same actor did both."""
    agents, own = inner.roles.get("agent", []), event.roles.get("agent", [])
    if (not agents and undoes(event.type)) or (agents and set(agents) <= set(own)):
        return _targets(inner, actors)
    return list(agents)


def _prep_actors(head: Token, words: set[str], find: Callable[[Token], Found | None]) -> list[str]:
    """Actors named by ``head``'s prepositional phrases whose preposition is one of ``words``."""
    keys = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in words:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for token in (obj, *obj.conjuncts):
                    found = find(token)
                    if found is not None and found.is_actor:
                        keys.append(found.key)
    return keys


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def owner(
    token: Token,
    index: dict[int, Found],
    *,
    names: bool = False,
    authors: bool = False,
    of: bool = False,
    resolve: Callable[[Token], Found | None] | None = None,
) -> Found | None:
    """'praised Haiti's efforts', 'condemned Russia's attack': the owner stands in for a plain noun.

    With ``names``, a name that qualifies the noun does too ('the Islamic Jihad movement rejected', 'a United
    Nations appeal'), but not a demonym ('Algerian landowners' are not Algeria). With ``authors`` (the object of
    an answer to what someone said or did), a demonym and a 'by' / 'from' phrase name the author ('rejected an
    Australian ultimatum', 'demanded an admission by Moscow'); with ``of``, whom a thing belongs to ('shelled
    positions of the security forces', 'demanded the removal of the president'). ``resolve`` finds the actor a
    phrase's noun stands for when the index has none (an unnamed collective); the index alone by default.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["an", "Australian", "ultimatum"], heads=[2, 2, 2],
    ...           deps=["det", "amod", "ROOT"], pos=["DET", "ADJ", "NOUN"])
    >>> australia = Found(doc[1:2], "australia", "Australia", "Country")
    >>> owner(doc[2], {1: australia}, names=True), owner(doc[2], {1: australia}, authors=True).key
    (None, 'australia')
    """
    owners = []
    people = token.lemma_.lower() in PERSON_NOUNS  # "a Palestinian man": his nationality, not his author
    for child in token.children:
        demonym = child.pos_ == "ADJ" or child.ent_type_ == "NORP"
        if child.dep_ == "poss" or (
            child.dep_ in {"amod", "compound", "nmod"}
            and ((authors and not (demonym and people)) or (names and not demonym))
        ):
            owners.append(index.get(child.i))
    words = {"by", "from"} if authors else set()
    words |= {"of"} if of else set()
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in words]
    find = resolve or (lambda t: index.get(t.i))
    owners += [find(o) for p in preps for o in p.children if o.dep_ == "pobj"]
    actors = [f for f in owners if f is not None and f.is_actor]
    return actors[0] if actors else None
