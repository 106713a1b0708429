"""A people or country named only by a nationality word before a plural noun (kg.extract.nationals)."""

from __future__ import annotations

import pytest


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        # any plural noun a nationality qualifies is that people's group when it acts
        ("Bolivian miners blocked the highway to protest against the reform.", "Protest", ["Bolivian miners"]),
        ("Kenyan nurses marched through Nairobi.", "Protest", ["Kenyan nurses"]),
        # a weapon acts for its country
        ("Syrian rockets hit the town.", "Attack", ["Syria"]),
        # an event noun is no group
        ("Turkish operations killed ten militants.", "Killing", []),
    ],
)  # fmt: skip
def test_a_people_qualified_plural_noun_that_acts_is_their_group(nlp, text, event_type, agent) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == event_type]
    assert [labels[k] for k in event.roles.get("agent", ())] == agent


@pytest.mark.integration
def test_a_people_qualified_thing_that_undergoes_an_act_is_no_group(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("Soldiers burned Rohingya houses in the village."))
    assert not [e for e in record.entities if e.label.endswith("houses")]
