"""The unnamed doer of an act (kg.extract.events.doers): a subject no lexicon knows, kept with a low confidence."""

from __future__ import annotations

import pytest

from kg.extract.events.doers import CONFIDENCE


def _agents(nlp, text: str, trigger: str) -> tuple[list[str], float, dict[str, float]]:
    doc = nlp(text)
    event = next(e for e in doc._.kg_events if e.trigger.root.text == trigger)
    confidences = {m.key: m.confidence for m in doc._.kg_mentions}
    return event.roles.get("agent", []), event.confidence, confidences


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        ("Neighbours protested outside the town hall on Monday.", "protested", "neighbours"),
        (
            "Three of its suicide bombers attacked a police post near the bridge.",
            "attacked",
            "suicide-bombers",
        ),
        ("Up to 2,000 of its members demonstrated in the capital on Friday.", "demonstrated", "members"),
    ],
)
def test_an_unknown_subject_acts_with_low_confidence(nlp, text: str, trigger: str, doer: str) -> None:
    agents, confidence, confidences = _agents(nlp, text, trigger)
    assert agents == [doer]
    assert confidences[doer] == CONFIDENCE and confidence <= 0.5  # an analyst can filter it out


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Floods killed 20 people in the valley on Sunday.", "killed"),  # a force of nature
        ("Tear gas and rubber bullets injured five marchers.", "injured"),  # weapons
        ("The explosion killed two shop owners.", "killed"),  # an event
        ("Many were wounded when the roof collapsed.", "wounded"),  # a bare count
        ("A stray missile injured two farmers near the border.", "injured"),  # a weapon
    ],
)
def test_what_cannot_act_is_no_doer(nlp, text: str, trigger: str) -> None:
    agents, _, _ = _agents(nlp, text, trigger)
    assert agents == []


@pytest.mark.integration
def test_a_known_actor_keeps_its_confidence(nlp) -> None:
    agents, confidence, _ = _agents(nlp, "Rebels attacked an army post near Gao.", "attacked")
    assert agents == ["rebels"] and confidence > 0.5
