"""The ACLED actor type (``inter`` code) of an incident's actor 1, once the incident is complete: what the words
of a mention cannot tell alone.

- State forces acting outside their own country are External/Other forces (8), inside it State forces (1): the
  country an actor belongs to (its gazetteer entry, the group it is a member of, or a demonym: 'Turkish drones')
  is compared with the country of the incident's place.
- An act of political violence whose perpetrator is not named, or named only as people ('an unidentified man
  planted the bomb'), is coded to an unidentified armed group (3); an arrest with no one named is made by state
  forces (1). Both come from ``"inter" -> "unnamed"`` in ``kg/data/acled_rules.json``.

>>> from kg.extract.coding import load_rules
>>> located(load_rules(), 1, "turkey", "syria"), located(load_rules(), 8, "turkey", "turkey")
(8, 1)
>>> unnamed(load_rules(), {"event_type": "Explosions/Remote violence"}, None)
3
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kg.extract.coding import CodingRules
from kg.records import Entity, Event

if TYPE_CHECKING:
    from kg.extract.gazetteer import Gazetteer


def mention_texts(entity: Entity) -> str:
    """The words an actor's type is read from: its label and first mentions."""
    return " ".join([entity.label, *(m.text for m in entity.mentions[:3])])


def entity_inter(
    rules: CodingRules, entity: Entity, entities: dict[str, Entity], generic: bool = True
) -> int | None:
    """An actor's code from its words and kind, or the kind of the group it is a member of ('coalition jets');
    ``generic=False``: only a name's ('gunmen' have none)."""
    if entity.kind == "Person" and (former := rules.former_code(mention_texts(entity))) is not None:
        return former
    # not a country's: its 8 is a guess that words ('Saudi security forces') and the place do better
    parents = [entities[k].kind for k in entity.member_of if k in entities and entities[k].kind != "Country"]
    kind = next((k for k in (entity.kind, *parents) if k in rules.kind_inter), entity.kind)
    return rules.inter_of(mention_texts(entity), kind, generic)


def home_country(entity: Entity, entities: dict[str, Entity], gazetteer: Gazetteer | None) -> str | None:
    """The country an actor belongs to: a country itself, its entry's country, its group's, or the demonym its
    mentions start with ('Israeli tanks')."""
    if entity.kind == "Country":
        return entity.key
    for key in (entity.key, *entity.member_of, *entity.part_of):
        entry = gazetteer.get(key) if gazetteer is not None else None
        if entry is not None and (entry.country or entry.part_of):
            return entry.country or entry.part_of
        parent = entities.get(key)
        if parent is not None and parent.kind == "Country":
            return parent.key
    if gazetteer is None:
        return None
    for text in (m.text for m in entity.mentions[:3]):
        words = text.replace("-", " ").split()
        country = gazetteer.demonym_to_country(words[0]) if len(words) > 1 else None
        if country is not None:
            return country.key
    return None


def _countries(
    key: str, entities: dict[str, Entity], gazetteer: Gazetteer | None, depth: int = 2
) -> Counter[str]:
    """The countries a place's parents put it in, one count a path."""
    entity, entry = entities.get(key), gazetteer.get(key) if gazetteer is not None else None
    if (entity is not None and entity.kind == "Country") or (entry is not None and entry.kind == "Country"):
        return Counter([key])
    found = Counter([entry.country] if entry is not None and entry.country else [])
    for parent in entity.located_in if entity is not None and depth else ():
        found += _countries(parent, entities, gazetteer, depth - 1)
    return found


def _most(countries: Counter[str]) -> str | None:
    """The country most paths give, none on a tie (a town the gazetteer put in another country than the
    district the text names with it)."""
    ranked = countries.most_common(2)
    return ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None


def place_country(key: str | None, entities: dict[str, Entity], gazetteer: Gazetteer | None) -> str | None:
    """The country a place is in (itself when it is one)."""
    return _most(_countries(key, entities, gazetteer)) if key else None


def document_country(entities: Iterable[Entity], gazetteer: Gazetteer | None) -> str | None:
    """The country the towns and regions of a report are in, if one stands out (a country named alone may be
    an actor: 'Turkish artillery')."""
    by_key = {e.key: e for e in entities}
    countries = [
        place_country(e.key, by_key, gazetteer) for e in by_key.values() if e.is_place and e.kind != "Country"
    ]
    return _most(Counter(c for c in countries if c))


def located(rules: CodingRules, code: int | None, home: str | None, where: str | None) -> int | None:
    """State forces (1) become external forces (8) outside their own country, a country (8) acting at home is its
    state forces (1)."""
    if code not in rules.groups["state"] or home is None or where is None:
        return code
    return 1 if home == where else 8


def unnamed(rules: CodingRules, rule: dict[str, Any], code: int | None) -> int | None:
    """The code of a perpetrator the text does not name, or names only as people, by event type or sub-type."""
    if code not in (None, *rules.unnamed_replaces) or rule.get("sub_event_type") in rules.unnamed_except:
        return code
    defaults = rules.unnamed_codes
    return defaults.get(rule.get("sub_event_type") or "", defaults.get(rule["event_type"], code))


def actor1_inter(
    rules: CodingRules,
    item: dict[str, Any],
    entities: dict[str, Entity],
    gazetteer: Gazetteer | None,
    report_country: str | None,
) -> int | None:
    """The final inter1 of a coded incident (see the module docstring)."""
    code = item["inter1"]
    actor = next(
        (entities[k] for k in item["actor1"] if k in entities and entity_inter(rules, entities[k], entities)),
        None,
    )
    if code not in rules.groups["state"]:
        return unnamed(rules, item["rule"], code)
    # the report's country only for a place with no country at all (not for one whose parents disagree)
    countries = _countries(item["place"], entities, gazetteer) if item["place"] else Counter[str]()
    where = _most(countries) if countries else report_country
    if actor is not None:
        code = located(rules, code, home_country(actor, entities, gazetteer), where)
    elif gazetteer is not None and where == report_country:
        # a weapon told as the subject ('an Israeli drone struck'), where the place and the report agree
        words = item.get("subject", "").split()
        home = next((c.key for w in words if (c := gazetteer.demonym_to_country(w))), None)
        code = located(rules, code, home, where)
    return unnamed(rules, item["rule"], code)


Keys = tuple[str, ...]


def crowd_roles(
    rules: CodingRules,
    rule: dict[str, Any],
    agent: int | None,
    victims: int | None,
    agent_keys: Keys,
    target_keys: Keys,
) -> tuple[int | None, int | None, Keys, Keys]:
    """Actor 1 of a protest or riot rule (one with ``actor1_inter``): people who protest are protesters (6), who riot
    rioters (5), and ACLED makes them actor 1 even when the police or a group act on them ('Police fired tear gas
    at nurses marching', 'HTS members fired into the air to disperse the gathering': those forces become actor 2);
    settlers who throw stones riot as rioters. Returns the agent and victims codes and keys.

    >>> from kg.extract.coding import load_rules
    >>> rules = load_rules()
    >>> rule = {"event_type": "Protests", "actor1_inter": 6}
    >>> crowd_roles(rules, rule, 2, None, ("hts",), ("people",))
    (6, 2, ('people',), ('hts',))
    """
    acted_on = agent in rules.groups["state"] or (
        rule["event_type"] == "Protests" and agent in rules.groups["armed"]
    )
    if acted_on:
        victims, agent_keys, target_keys = agent, target_keys, agent_keys
    if acted_on or agent in (None, *rules.groups["civilian"]) or rule["event_type"] == "Riots":
        agent = rule["actor1_inter"]
    return agent, victims, agent_keys, target_keys


def taken_over(
    rules: CodingRules,
    rule: dict[str, Any],
    events: list[Event],
    agent: int | None,
    keys: tuple[Keys, Keys],
    entities: dict[str, Entity],
) -> tuple[int | None, Keys, Keys]:
    """Actor 1 and 2 of a rule that names the event role of its actor 1 (``actor1_role``): ACLED's actor 1 of a
    non-violent transfer of territory is who takes it over ('the coalition handed its base over to the army'), the
    one who leaves is actor 2. Returns actor 1's code and both actors' keys.

    >>> from kg.extract.coding import load_rules
    >>> from kg.records import Mention
    >>> handed = Event("e", "DetaineeTransfer", Mention("d", 0, 6, "handed"), roles={"recipient": ("army",)})
    >>> taken_over(load_rules(), {"actor1_role": "recipient"}, [handed], 8, (("coalition",), ()), {})
    (None, ('army',), ('coalition',))
    """
    role = rule.get("actor1_role")
    takers = tuple(dict.fromkeys(k for e in events for k in e.roles.get(role, ()))) if role else ()
    if not takers:
        return agent, *keys
    codes = (entity_inter(rules, entities[k], entities) for k in takers if k in entities)
    others = tuple(k for k in dict.fromkeys((*keys[0], *keys[1])) if k not in takers)
    return next((c for c in codes if c is not None), None), takers, others
