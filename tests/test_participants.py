"""Filling an event's roles (kg.extract.events.participants): what a role's head word stands for."""

from __future__ import annotations

import pytest

from kg.extract.events.participants import fill_role
from kg.extract.lexicon import load_lexicon
from kg.extract.state import FoundEvent, token_index


def _filled(nlp, text: str, trigger: str, role: str, word: str) -> FoundEvent:
    doc = nlp(text)
    index = token_index(doc)
    verb = next(t for t in doc if t.text == trigger)
    event = FoundEvent(type="Attack", trigger=doc[verb.i : verb.i + 1])
    token = next(t for t in doc if t.text == word)
    fill_role(event, role, token, index, doc, load_lexicon())
    return event


@pytest.mark.integration
def test_a_named_actor_fills_its_role(nlp) -> None:
    event = _filled(nlp, "Rebels from the Tuareg movement shelled Gao.", "shelled", "target", "Gao")
    assert event.roles == {"place": ["gao"]} and event.object_place  # a town acted on says where


@pytest.mark.integration
def test_an_instrument_is_its_noun(nlp) -> None:
    event = _filled(nlp, "Gunmen attacked the convoy with grenades.", "attacked", "instrument", "grenades")
    assert event.instrument == "grenade" and not event.roles


@pytest.mark.integration
def test_a_nationality_before_a_plural_noun_makes_a_group_agent(nlp) -> None:
    event = _filled(nlp, "Kenyan nurses marched through Nairobi.", "marched", "agent", "nurses")
    assert event.roles == {"agent": ["kenyan-nurses"]}


@pytest.mark.integration
def test_a_pronoun_with_no_antecedent_leaves_the_role_to_the_speaker(nlp) -> None:
    event = _filled(nlp, "The minister said they would strike.", "strike", "agent", "they")
    assert event.pronoun_role == "agent" and not event.roles
