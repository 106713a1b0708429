"""Casualty counts of a sentence: dead summed over the sides counted, ACLED's value for vague counts, and no count
taken from a number that is not of the dead."""

from __future__ import annotations

import pytest

from kg.extract.casualties import casualties, more_dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Officials said 4 police officers and 7 raiders were killed.", 11),
        ("Nine guards and two gunmen were killed in the fighting.", 11),
        ("Raiders stormed a post, killing 3 guards; officials said 8 raiders were killed.", 11),
        ("Rebels shelled a base, killing four soldiers; the army said five rebels were also killed.", 9),
        ("The army said dozens of rebels were killed.", 12),  # ACLED's value for 'dozens'
        ("A mine went off under a farmer, killing him.", 1),
        ("A drone struck a truck carrying two traders, killing both men.", 2),
        ("A mob lynched a suspected thief in the market.", 1),
        ("A car bomb went off at a gate, wounding four guards. Fatalities: 2.", 2),
        (
            "A bomber rammed a car into the gate, killing himself and 3 guards.",
            4,
        ),  # the bomber is one of them
        ("A 9-year-old girl was shot dead by a sniper near the market.", 1),  # the age is no count
        # the count nearest its verb, not an article before it
        ("A spokesman said six guards were killed.", 6),
        ("Raiders hit a post, sparking a gun battle in which five guards were killed.", 5),
    ],
)
def test_dead_are_summed_over_the_sides_counted(text, dead):
    assert casualties(text).fatalities == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Gunmen killed 9 villagers, including 4 women who were killed in their homes.", 9),  # part of the 9
        (
            "Five herders, including two boys, were killed when a shell hit their camp.",
            5,
        ),  # told before the verb
        # a total on both sides holds the other counts; the dead of a happening days apart are its own
        ("Monitors counted at least six dead on both sides, while the army said 20 rebels were killed.", 6),
        ("Troops defused a bomb on the road, days after a similar device killed a shepherd.", None),
        (
            "Gunmen killed 2 herders on Monday, a week after raiders killed 6 farmers nearby.",
            2,
        ),  # an earlier act
        ("Relatives of a trader killed in a robbery blocked the highway.", None),  # killed before, not now
        (
            "Rebels said they killed 5 soldiers at a checkpoint; the army denied any casualties.",
            0,
        ),  # denied: 0
        ("Hundreds of people marched; 30 were injured.", None),
    ],
)
def test_counts_that_are_not_more_dead_are_not_added(text, dead):
    assert casualties(text).fatalities == dead


def test_a_later_sentence_adds_dead_only_when_they_are_others():
    assert more_dead(2, casualties("One of the raiders was also killed.")) == 3
    assert more_dead(2, casualties("The gunman was also killed.")) == 3
    assert more_dead(2, casualties("Two guards were killed.")) == 2  # the same dead told again
    denied = casualties("Rebels claimed a third guard was also killed, which the army denied.")
    assert more_dead(2, denied) == 2


_CASED = [
    "Two soldiers were KILLED and three WOUNDED.",
    "Gunmen \u212aILLED four people.",  # the Kelvin sign matches 'k' when case is ignored
    "Ten were \u017flain near the border.",  # a long s matches 's'
    "Officials \u201cdenied\u201d that anyone died.",
    "Talks resumed in the capital.",
    "",
]


@pytest.mark.parametrize("text", _CASED)
def test_the_word_checks_agree_with_the_patterns_they_spare(text):
    from kg.extract.casualties import _ANY_FATE, _FATE_WORDS, _NEEDS, _may_match
    from kg.extract.wordcheck import holds

    assert holds(text, _FATE_WORDS, _ANY_FATE) == (_ANY_FATE.search(text) is not None)
    for pattern in _NEEDS:
        if pattern.search(text):
            assert _may_match(pattern, text)


@pytest.mark.parametrize(
    ("text", "dead", "hurt"),
    [
        ("Gunmen KILLED two soldiers and WOUNDED five civilians.", 2, 5),
        ("Gunmen \u212aILLED four people.", 4, None),
    ],
)
def test_counts_do_not_depend_on_the_case_of_the_words(text, dead, hurt):
    found = casualties(text)
    assert (found.fatalities, found.injured) == (dead, hurt)
