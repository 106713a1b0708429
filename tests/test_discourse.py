"""Document-level links with the real model: responses, causes, one node per event told twice."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def _events(nlp, text):
    return nlp(text)._.kg_events


def test_retaliation_links_two_attacks_in_different_places(nlp):
    strike, rocket = _events(
        nlp, "Israeli jets struck targets in Gaza on Monday in retaliation for a rocket attack on Sderot."
    )
    assert strike.caused_by == [rocket]
    assert strike.roles["place"] == ["gaza-strip"] and rocket.roles["place"] == ["sderot"]


def test_the_same_event_told_twice_is_one_event(nlp):
    text = (
        "Rebels attacked Goma on Tuesday. Residents said the attack on Goma lasted hours. "
        "Separately, the army attacked rebel positions near Bukavu."
    )
    attacks = [e for e in _events(nlp, text) if e.type == "Attack"]
    assert len(attacks) == 2  # Goma told twice is one; Bukavu is another
    assert len(attacks[0].mentions) == 2


def test_sparked_by_links_effect_and_cause(nlp):
    events = _events(nlp, "The protests, sparked by the killing of a student, spread to three cities.")
    protest = next(e for e in events if e.type == "Protest")
    assert [c.type for c in protest.caused_by] == ["Killing"]
