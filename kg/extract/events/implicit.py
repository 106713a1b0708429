"""Agents a sentence leaves implicit but the act itself names: only a state arrests, detains or opens an
investigation, so "a missionary was arrested in Lebanon" and "put under investigation in Italy" are acts of
that country's authorities, as CAMEO and PLOVER code them (the state of the place stands for the unnamed
police or judge). Only when the parse gives no agent, the place is a country, and trusted less.

Likewise armed forces move themselves: "the withdrawal of Syrian troops", "the deployment of NATO troops" is the
troops' own (their state's) act, as "Syrian troops withdrew" is; the 'of'-phrase of such a movement noun is
its agent, not a theme the act is directed at (PLOVER codes the troops' owner as the source).
"""

from __future__ import annotations

from kg.extract.lexicon import word_set
from kg.extract.state import Found, FoundEvent

# Event types only the authorities of a state carry out (an abduction or a killing may be anyone's).
STATE_ACTS = frozenset({"Arrest", "Detention", "Investigation"})
CONFIDENCE = 0.5
# Movements that forces make themselves; the heads that name armed forces ("Kenyan peacekeepers", "NATO troops")
SELF_MOVES = frozenset({"Mobilization", "Withdrawal"})
FORCES = (
    word_set("actors", "force_words")
    | word_set("actors", "group_force_nouns")
    | {"peacekeepers", "contingent"}
)


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


def self_movers(events: list[FoundEvent], index: dict[int, Found]) -> None:
    """An agentless troop movement whose theme is armed forces is those forces' act: the theme becomes the agent
    ('the withdrawal of Syrian troops from Lebanon'), trusted less. Not for verbs in the passive ('troops were
    deployed by X' names its agent; without one, whoever sent them is unknown) nor people others move.

    >>> from spacy.tokens import Doc
    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "withdrawal", "of", "Syrian", "troops"],
    ...           pos=["DET", "NOUN", "ADP", "ADJ", "NOUN"])
    >>> syria = Found(doc[3:5], "syria", "Syria", "Country")
    >>> pullout = FoundEvent("Withdrawal", doc[1:2], roles={"theme": ["syria"]})
    >>> self_movers([pullout], {3: syria, 4: syria})
    >>> pullout.roles, pullout.confidence
    ({'agent': ['syria']}, 0.5)
    """
    forces = {f.key for f in index.values() if f.is_actor and f.span[-1].lower_ in FORCES}
    for event in events:
        head = event.trigger.root
        if event.type not in SELF_MOVES or event.roles.get("agent") or head.pos_ != "NOUN":
            continue
        themes = event.roles.get("theme", [])
        if themes and all(key in forces for key in themes):
            event.roles["agent"] = themes
            del event.roles["theme"]
            event.confidence = min(event.confidence, CONFIDENCE)
