"""Agents a sentence leaves implicit but the act itself names: only a state arrests, detains or opens an
investigation, so "a missionary was arrested in Lebanon" and "put under investigation in Italy" are acts of
that country's authorities, as CAMEO and PLOVER code them (the state of the place stands for the unnamed
police or judge). Only when the parse gives no agent, the place is a country, and trusted less.
"""

from __future__ import annotations

from kg.extract.state import Found, FoundEvent

# Event types only the authorities of a state carry out (an abduction or a killing may be anyone's).
STATE_ACTS = frozenset({"Arrest", "Detention", "Investigation"})
CONFIDENCE = 0.5


def state_agents(events: list[FoundEvent], index: dict[int, Found]) -> None:
    """Give an agentless state act the country it happens in as its agent (see the module docstring).

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["He", "was", "arrested", "in", "Chad"])
    >>> chad = Found(doc[4:5], "chad", "Chad", "Country")
    >>> arrest = FoundEvent("Arrest", doc[2:3], roles={"target": ["he"], "place": ["chad"]})
    >>> state_agents([arrest], {4: chad})
    >>> arrest.roles["agent"], arrest.confidence
    (['chad'], 0.5)
    """
    countries = {f.key for f in index.values() if f.kind == "Country"}
    for event in events:
        if event.type not in STATE_ACTS or event.roles.get("agent"):
            continue
        place = next(iter(event.roles.get("place", ())), None)
        if place in countries and place not in event.roles.get("target", ()):
            event.roles["agent"] = [place]
            event.confidence = min(event.confidence, CONFIDENCE)
