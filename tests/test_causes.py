"""Doers taken from the act that caused an event (kg.extract.events.causes): the real model reads each sentence."""

from __future__ import annotations

import pytest

from tests.parses import agents_of


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agents"),
    [
        # a passive harm verb whose 'when' clause is a violent act: that act's doers did it
        ("Three nurses were killed when gunmen raided the clinic.", "Killing", ["gunmen"]),
        ("Twelve people were wounded when police clashed with rioters.", "Assault", ["police"]),
        # a violent event noun as the subject: its parties did it
        ("Fighting between the army and rebels killed nine civilians.", "Killing", ["army", "rebels"]),
        ("Clashes between police and rioters injured 20 people.", "Assault", ["police", "rioters"]),
    ],
)  # fmt: skip
def test_a_violent_act_without_a_doer_takes_the_doers_of_the_act_that_caused_it(
    nlp, text, kind, agents
) -> None:
    assert sorted(agents_of(nlp, text, kind)) == sorted(agents)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a weapon is no doer
        ("Four traders were killed when a bomb exploded in the market.", "Killing"),
        # who is hit never becomes who hits
        ("Two soldiers were killed when they clashed with rebels.", "Killing"),
        # 'after' may be a later act of someone else
        ("A man was arrested after rebels attacked the town.", "Arrest"),
    ],
)
def test_no_doer_is_taken_from_a_weapon_a_victim_or_a_later_act(nlp, text, kind) -> None:
    assert agents_of(nlp, text, kind) == []
