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


@pytest.mark.parametrize(
    "text",
    [
        # two attacks in one sentence that are not the same act
        "After a failed car bomb attack on the checkpoint, fighters stormed the barracks at dawn.",
        # far apart, sharing neither date, place nor participant, and not a definite reference back
        "Gunmen attacked a convoy near Gao on Monday. Officials met donors in Bamako. Prices rose. "
        "Traders complained. Schools reopened. Later, militants attacked a village outside Mopti.",
    ],
)
def test_attacks_that_share_nothing_stay_two_events(nlp, text):
    attacks = [e for e in _events(nlp, text) if e.type == "Attack"]
    assert len(attacks) == 2


def test_a_further_breakout_is_a_possibility_not_the_breakout_told(nlp):
    text = (
        "Dozens of inmates escaped in a prison break in Kenema on Sunday. "
        "Officials said guards were added to reduce the risk of further breakouts."
    )
    breaks = [e for e in _events(nlp, text) if e.type == "PrisonBreak"]
    told = [e for e in breaks if e.certainty == "asserted"]
    assert len(told) == 1 and told[0].roles["place"]
    assert any(e.certainty == "hypothetical" and e.trigger.text == "breakouts" for e in breaks)


def test_the_next_sentence_goes_on_with_the_same_transfer(nlp):
    text = (
        "The navy began transferring detained pirates from Berbera to Mombasa on Friday. "
        "About 40 detainees have been moved so far."
    )
    transfers = [e for e in _events(nlp, text) if e.type == "DetaineeTransfer"]
    # 'began' says the transfer began: a mention of the same event
    assert len(transfers) == 1 and [m.text for m in transfers[0].mentions] == [
        "transferring",
        "began",
        "moved",
    ]


@pytest.mark.parametrize(
    ("text", "merged"),
    [
        # the same count told again: one killing
        ("Gunmen killed 12 villagers in Kaura on Sunday. The 12 villagers were killed at dawn, residents said.",
         True),
        # counts that disagree: this killing and an earlier one
        ("Police shot dead 11 people in Nairobi on Monday. Rights groups say more than 60 people were killed in "
         "last year's protests in Nairobi.", False),
    ],
)  # fmt: skip
def test_killings_whose_counts_disagree_are_two_events(nlp, text, merged):
    killings = [e for e in _events(nlp, text) if e.type == "Killing"]
    assert len(killings) == (1 if merged else 2)
