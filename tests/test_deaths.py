"""Mention-level death counts: only the counted victims of a killing are deaths, summed over the groups counted."""

from __future__ import annotations

import pytest

from kg.extract.events.deaths import fatalities_of


def _dead(nlp, text: str) -> list[int | None]:
    from kg.extract.recorder import records_from_doc

    doc = nlp.make_doc(text)
    doc._.kg_doc_id, doc._.kg_date = "t", "2021-03-04"
    record = records_from_doc(nlp(doc))
    return [fatalities_of(e.type, e.quantities) for e in record.events]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Officials said 4 police officers and 7 raiders were killed.", 11),
        ("Mortars hit a camp, killing a nurse and injuring two boys.", 1),
        ("Jets struck a farm, killing 3 shepherds and a boy.", 4),
        ("Gunmen shot dead a teacher in the town.", 1),
        ("Troops killed dozens of rebels near the river.", 12),  # ACLED's value; the graph keeps 24, vague
        ("Raiders killed 8 villagers, including 3 children.", 8),  # the children are some of the 8
        ("Raiders killed 8 villagers, burning 3 of them.", 8),  # some of the 8
        ("A bomb hit a bus carrying pilgrims, killing 5 of them.", 5),  # no count before: they are the dead
        ("The radio reported 9 rebels killed near the dam.", 9),  # a bare participle: the rebels were killed
    ],
)
def test_the_dead_of_a_killing_are_its_counted_victims(nlp, text, dead):
    assert max(d or 0 for d in _dead(nlp, text)) == dead


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of teachers marched through the capital on Monday.",
        "Engineers defused 9 IEDs found near the road.",
        "Jets carried out 5 air strikes on rebel positions.",
        "A grenade hit a shop, injuring 6 people.",
        "Police arrested 4 students near the campus.",
    ],
)
def test_crowds_weapons_strikes_injured_and_arrested_are_no_deaths(nlp, text):
    assert all(d is None for d in _dead(nlp, text))
