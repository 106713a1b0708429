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
        # 'after' may be a later act of someone else
        ("A man was arrested after rebels attacked the town.", "Arrest"),
    ],
)
def test_no_doer_is_taken_from_a_weapon_a_victim_or_a_later_act(nlp, text, kind) -> None:
    assert agents_of(nlp, text, kind) == []


def _targets(nlp, text: str, word: str) -> list[str]:
    doc = nlp(text)
    labels = {m.key: m.label for m in doc._.kg_mentions}
    event = next(e for e in doc._.kg_events if any(t.text == word for t in e.anchor or e.trigger))
    return [labels.get(k, k) for k in event.roles.get("target", [])]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "word", "victims"),
    [
        # a violent act with no object but its weapon was done to whom the harm it caused hit
        ("A car bomb exploded near the depot, killing four porters.", "exploded", ["porters"]),
        ("Rebels detonated a device by the gate, wounding two guards.", "detonated", ["guards"]),
    ],
)
def test_a_violent_act_done_to_no_one_takes_the_victims_of_its_participle(nlp, text, word, victims) -> None:
    assert _targets(nlp, text, word) == victims


@pytest.mark.integration
def test_an_act_with_an_object_of_its_own_takes_no_victims(nlp) -> None:
    # the hotel was bombed (no actor, so no target), the guests were killed
    assert _targets(nlp, "Gunmen bombed a hotel in the port, killing two guests.", "bombed") == []


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "agents"),
    [
        # the act a preposition names hurt them: its doers did it
        ("Three militants were killed in a raid by police near the border.", "Killing", ["police"]),
        ("Nine soldiers were killed during clashes with rebels in the north.", "Killing", ["rebels"]),
        # the phrase hangs on the verb's partner; the partner's 'by' agent is shared
        ("Eight soldiers were killed and dozens more wounded in attacks by rebels on the base.", "Killing", ["rebels"]),
        ("Ten fighters were killed and a dozen more wounded by the army near the border.", "Killing", ["army"]),
        # who is hit never becomes who hits: the other side of their fight does
        ("Two soldiers were killed when they clashed with rebels.", "Killing", ["rebels"]),
        ("Twenty people were injured after battles between rebels and soldiers in the city.", "Assault",
         ["rebels", "soldiers"]),
    ],
)  # fmt: skip
def test_a_violent_act_without_a_doer_takes_the_doers_of_the_act_its_preposition_names(
    nlp, text, kind, agents
) -> None:
    assert sorted(agents_of(nlp, text, kind)) == sorted(agents)


@pytest.mark.integration
def test_weapons_that_kill_with_an_owner_make_the_owner_the_doer_not_the_victim(nlp) -> None:
    # the model reads 'airstrikes killed 15 civilians' as 'airstrikes [that were] killed': the object says otherwise
    assert agents_of(nlp, "Syrian regime airstrikes killed 15 civilians in Idlib.", "Killing") == [
        "Syrian government"
    ]
