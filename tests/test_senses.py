"""Trigger senses and trigger words on sentences of our own, parsed by the real model: which verbs are events
and which senses are not."""

from __future__ import annotations

import pytest

from kg.extract.recorder import records_from_doc


def _events(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in records_from_doc(nlp(text)).events]


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        # patrols and entering a place are troop movements, also in the progressive the model calls a modifier
        ("Police officers are patrolling crowded markets in Henan Province.", "Mobilization", "patrolling"),
        ("Soldiers patrolled the streets of Harare on Friday.", "Mobilization", "patrolled"),
        ("Syrian troops entered Palmyra on Tuesday.", "Mobilization", "entered"),
        ("Rebels launched a counterattack in rural Latakia.", "Attack", "launched a counterattack"),
        ("Militias entered the village of Misqan after a battle.", "Mobilization", "entered"),
        ("Unidentified assailants gunned down a judge in Mogadishu.", "Killing", "gunned"),
        ("Gunmen burned the palace of the ruler in Giza.", "Attack", "burned"),
        ("A missile strike destroyed the house of a commander in Dusamareeb.", "Attack", "destroyed"),
        ("The army continued its advance in Eastern Ghouta.", "ArmedClash", "continued its advance"),
    ],
)
def test_wire_event_verbs_are_events(nlp, text: str, kind: str, trigger: str) -> None:
    assert (kind, trigger) in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The party entered the race for the presidency in March.", "Mobilization"),  # another sense of enter
        ("Chicago captured their fourth crown in six years.", "Arrest"),  # a title is captured, not a person
        ("The picture was shot by a local photographer in Memphis.", "Attack"),  # the passive object shows it
        ("The treaty entered into force in Geneva in May.", "Mobilization"),
        ("The fires destroyed more than 2,000 homes in California.", "Attack"),  # no one's act
        ("Bridges were destroyed by the earthquake in Wenchuan.", "Attack"),
        ("Tickets are sold in advance in Nairobi.", "ArmedClash"),
        ("The talks resumed in Geneva on March 15.", "Protest"),  # a month inside a date is no march
    ],
)
def test_other_senses_are_no_events(nlp, text: str, kind: str) -> None:
    assert kind not in [k for k, _ in _events(nlp, text)]
