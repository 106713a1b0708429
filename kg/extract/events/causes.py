"""Doers an act told without one takes from the violent act in the same sentence that caused it.

- A violent event without a doer (a passive 'were killed', an intransitive 'died') whose 'when' / 'as' clause is a
  violent act with a doer was done by that doer: 'Two aid workers were killed when gunmen ambushed their convoy'
  (the gunmen killed them), 'Ten people were hurt when police clashed with youths'.
- A violent verb whose subject is the noun of a violent event with doers is done by them: 'Fighting between A and B
  killed 30 soldiers', 'Clashes between police and youths injured ten'.

- A violent act done to no one named, its verb taking no object but its weapon, was done to the victims of the harm it
  caused, told by a participle: 'a car bomb exploded in the market, killing four traders' (the traders were bombed),
  'militants detonated a device, wounding two guards'. Not an act with an object of its own: 'bombed a hotel,
  killing two guests' was done to the hotel.

A weapon is no doer, so 'were killed when a bomb exploded' stays without one (the bombing has none), and who is hit
never becomes who hits ('two soldiers were killed when they clashed with rebels' gives the soldiers nothing).
Inferred, so trusted less.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.events.senses import VIOLENT, WEAPONS
from kg.extract.state import FoundEvent

# 'were killed in an airstrike by X', 'killed during clashes with X', 'wounded after battles between X and Y',
# 'killed due to bombardment by X', 'under heavy bombardment by X': the act the preposition names hurt them
CAUSE_PREPS = {"in", "during", "after", "amid", "due", "under"}
CAUSE_WORDS = {"when", "as"}  # 'were killed when / as police opened fire'; 'after' may be a later, other act
HIT = ("target", "theme")
MUTUAL = {"ArmedClash"}
# what a participle after a violent act tells it did (', killing 20', ', wounding two')
HARM = {"Killing", "Assault"}
# what is detonated: no victim itself
BOMBS = {"bomb", "device", "explosive", "ied", "charge", "car", "vehicle"}


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
        cause = _passive_partner(head, by_root) or _cause(head, by_root)
        if cause is None or cause is event or cause.type not in VIOLENT:
            continue
        hit = {k for role in HIT for k in event.roles.get(role, ())}
        doers = [k for k in cause.roles.get("agent", ()) if k not in hit]
        # in a fight both sides act: 'killed in clashes with SDF fighters' (the other side did it)
        if not doers and cause.type in MUTUAL:
            doers = [k for role in HIT for k in cause.roles.get(role, ()) if k not in hit]
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
    # 'were killed and dozens wounded in the ISIS attacks': the phrase may hang on the verb's partner
    partners = (verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"))
    for prep in (c for v in partners for c in v.children if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS):
        # 'due to bombardment by X': the object hangs from 'to'
        objects = [*prep.children, *(t for c in prep.children if c.dep_ == "pcomp" for t in c.children)]
        for obj in objects:
            if obj.dep_ == "pobj" and obj.i in by_root:
                return by_root[obj.i]
    return None


def _passive_partner(verb: Token, by_root: dict[int, FoundEvent]) -> FoundEvent | None:
    """The passive verb coordinated with this one whose 'by' agent they share: 'were killed and a dozen more
    wounded by the SDF' (the model hangs the agent on the last verb)."""
    for partner in (c for c in verb.children if c.dep_ == "conj" and c.i in by_root):
        if any(c.dep_ == "agent" for c in partner.children) and verb.tag_ == "VBN":
            return by_root[partner.i]
    return None


def _marked(clause: Token) -> bool:
    """The clause opens with 'when' or 'as' ('when gunmen ambushed', 'as police fired')."""
    return any(
        c.dep_ in {"advmod", "mark"} and c.lower_ in CAUSE_WORDS and c.i < clause.i for c in clause.children
    )


def inherit_victims(events: list[FoundEvent]) -> None:
    """Give each violent verb event done to no one the victims of the harm its participle tells (module doc).

    >>> inherit_victims([])
    """
    by_root = {e.trigger.root.i: e for e in events}
    for event in events:
        head = event.trigger.root
        if event.type not in VIOLENT or event.roles.get("target") or head.pos_ != "VERB" or _acts_on(event):
            continue
        harms = [by_root.get(c.i) for c in head.children if c.dep_ in {"advcl", "xcomp"} and c.tag_ == "VBG"]
        for harm in (h for h in harms if h is not None and h is not event and h.type in HARM):
            victims = [k for k in harm.roles.get("target", ()) if k not in event.roles.get("agent", ())]
            if victims:
                event.roles["target"] = victims
                event.confidence = min(event.confidence, 0.6)
                break


def _acts_on(event: FoundEvent) -> bool:
    """The event's verb has an object or passive subject that is not its weapon or its own words ('bombed a
    hotel'; not 'detonated a device', 'a bomb was detonated', 'opened fire')."""
    own = {t.i for span in (event.trigger, *event.mentions) for t in span}
    objects = [c for c in event.trigger.root.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(o.i not in own and o.lemma_.lower() not in WEAPONS | BOMBS for o in objects)
