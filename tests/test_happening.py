"""Triggers that tell no happening in long articles (background, standing states, tools, boilerplate), retypes
by the aircraft that acts, and certainty from 'no', requests and 'until', on sentences of our own parsed by the
real model."""

from __future__ import annotations

import pytest

from kg.extract.recorder import records_from_doc


def _events(nlp, text: str) -> list:
    return list(records_from_doc(nlp(text)).events)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a clause describing an actor or a thing, not news
        ("The People's Front, which dominates the hill districts, opened talks on Monday.", "dominates"),
        ("The Liberation Army, which has fought the government since 1964, freed two hostages.", "fought"),
        ("The valley, which is patrolled by militiamen, lies east of Kindu.", "patrolled"),
        ("The Southern Council, supported by Emirati forces, seized the airport of Aden.", "supported"),
        ("Allied militias guarded the road to Beni on Friday.", "Allied"),
        # control of a place is no detention
        ("The rebels still hold Kidal and Tessalit.", "hold"),
        ("Hamas, an offshoot of the Muslim Brotherhood, which has ruled Gaza since 2007, said so.", "ruled"),
        # a weapon used in the attack told
        ("Gunmen attacked a police station with home-made bombs near Garissa.", "bombs"),
        # an agreement already in force, and the manner of another act
        ("Both sides accused each other of violating the ceasefire in Hodeidah.", "ceasefire"),
        ("The raid was carried out in coordination with the national army.", "coordination"),
        # other senses and boilerplate
        ("Aid workers at the clinic said supplies had run out.", "Aid"),
        ("Many residents say they are caught between the army and the rebels.", "caught"),
        ("A local official, who asked not to be named, said five people died in Beni.", "asked"),
        ("The ministry did not respond to a request for comment.", "request"),
        ("Three wounded soldiers were flown to a military hospital in Bamako.", "flown"),
        ("Families celebrated Nowruz in Qamishli on Friday.", "celebrated"),
        ("The fighting in Kidal forced thousands of families to flee.", "forced"),
        ("The Derg ruled Ethiopia from 1974 to 1987.", "ruled"),  # governing a country is no event
    ],
)
def test_background_and_other_senses_are_no_events(nlp, text: str, trigger: str) -> None:
    assert trigger not in [e.trigger.text for e in _events(nlp, text)]


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Police held the journalist for two days in Harare.", "held", "Detention"),
        # a detention that lasts is told as one (not a relation like 'allied')
        ("The camp, which has held thousands of families since 2019, lies near Raqqa.", "held", "Detention"),
        ("Russian warplanes struck a market in Idlib on Monday.", "struck", "Airstrike"),
        ("A village near Sittwe was bombed by military aircraft on Sunday.", "bombed", "Airstrike"),
        ("Rebels struck an army post near Beni on Sunday.", "struck", "Attack"),  # no aircraft: an attack
        ("The senator attacked the governor's budget plan on Tuesday.", "attacked", "Criticism"),
        ("Gunmen attacked the plant in Kaduna on Tuesday.", "attacked", "Attack"),
        ("The ministry said it would send more troops to Kidal.", "send", "Mobilization"),
    ],
)
def test_happenings_keep_their_type(nlp, text: str, trigger: str, kind: str) -> None:
    assert (trigger, kind) in [(e.trigger.text, e.type) for e in _events(nlp, text)]


@pytest.mark.parametrize(
    ("text", "trigger", "certainty"),
    [
        ("No soldiers were killed in the clash, the army said.", "killed", "negated"),
        ("The UN urged the army to release the detainees in Juba.", "release", "hypothetical"),
        (
            "She said she would not go back until the militia withdrew from the hills.",
            "withdrew",
            "hypothetical",
        ),
        (
            "Officials warned that an escalation would force them to withdraw troops from Kidal.",
            "withdraw",
            "hypothetical",
        ),  # fmt: skip
    ],
)
def test_unreal_clauses_are_not_reported_as_facts(nlp, text: str, trigger: str, certainty: str) -> None:
    assert next(e.certainty for e in _events(nlp, text) if e.trigger.text == trigger) == certainty


@pytest.mark.parametrize(
    ("text", "trigger", "trusted"),
    [
        ("Every year the militia attacks herders in the valley near Djugu.", "attacks", False),  # habitual
        ("Rebels seize border town in eastern Congo\nRebels seized the town on Monday.", "seize", True),
        ("Turkey accuses the group of shelling villages near Afrin.", "accuses", True),  # a stance said now
    ],
)
def test_present_tense_acts_are_trusted_less_outside_headlines(
    nlp, text: str, trigger: str, trusted: bool
) -> None:
    confidence = next(e.confidence for e in _events(nlp, text) if e.trigger.text == trigger)
    assert (confidence > 0.5) == trusted
