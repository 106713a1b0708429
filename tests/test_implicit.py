"""Implicit state agents (kg.extract.events.implicit) with the real model: only a state arrests or investigates,
so an agentless arrest in a country is that country's act."""

from __future__ import annotations

import pytest


def _agents(nlp, text: str, kind: str) -> tuple[list[str], float]:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    return [labels[k] for k in event.roles.get("agent", ())], event.confidence


@pytest.mark.integration
def test_an_agentless_arrest_in_a_country_is_that_countrys_act(nlp):
    agents, confidence = _agents(nlp, "A journalist was arrested in Egypt on Monday.", "Arrest")
    assert agents == ["Egypt"]
    assert confidence <= 0.5  # inferred, not read


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("Rebels arrested a journalist in Egypt.", "Arrest", ["rebels"]),  # a named agent stays
        ("A journalist was arrested in Cairo.", "Arrest", []),  # a town is no state
        ("A journalist was killed in Egypt.", "Killing", []),  # anyone may kill
    ],
)  # fmt: skip
def test_a_named_agent_a_town_or_another_act_takes_no_state_agent(nlp, text, kind, expected):
    agents, _ = _agents(nlp, text, kind)
    assert agents == expected


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # armed forces move themselves: the 'of'-phrase of the movement noun is its agent
        ("The pullout of Ethiopian troops from Somalia started on Sunday.", "Withdrawal", ["Ethiopia"]),
        ("The deployment of Rwandan soldiers to Mozambique was completed.", "Mobilization", ["Rwanda"]),
        # people whom others move are no agents
        ("The evacuation of civilians from the town continued.", "Aid", []),
    ],
)  # fmt: skip
def test_the_forces_a_movement_noun_moves_are_its_agent(nlp, text, kind, expected):
    agents, confidence = _agents(nlp, text, kind)
    assert agents == expected
    assert not expected or confidence <= 0.5
