"""What came before the happening a sentence tells (kg/extract/background.py, issue #12): the act a person is held
for, a happening hours or days apart, what a demand or an agreement is about. Their cue words code nothing and
their places are not the incident's (real model, sentences of our own)."""

from __future__ import annotations

import pytest

from kg.extract.background import background_spans, other_happenings
from kg.extract.coding import load_rules
from tests.parses import incidents_of, one_incident


def _blanked(nlp, text: str) -> list[str]:
    sent = next(nlp(text).sents)
    return [sent.doc.text[a:b] for a, b in background_spans(sent, load_rules())]


DAY = "2021-05-12"  # the reports' date


@pytest.mark.parametrize(
    ("text", "held_for"),
    [
        ("Police arrested a teacher in Zahle on 10 May 2021 on suspicion of throwing stones at a patrol.",
         "on suspicion of throwing stones at a patrol"),
        ("Soldiers detained two brothers in Bint Jbeil on charges of smuggling weapons.",
         "on charges of smuggling weapons"),
    ],
)  # fmt: skip
def test_what_a_person_is_held_for_is_background(nlp, text, held_for):
    assert held_for in _blanked(nlp, text)


def test_an_arrest_on_suspicion_of_a_shooting_at_a_protest_is_an_arrest(nlp):
    text = ("State security arrested a young man in Tripoli (North) on 10 May 2021 on suspicion of shooting at "
            "soldiers during road-block protests in Beddawi in 2019.")  # fmt: skip
    incident = one_incident(nlp, text, DAY)
    assert (incident.event_type, incident.sub_event_type) == ("Strategic developments", "Arrests")
    assert incident.location == "Tripoli"


def test_a_happening_hours_before_lends_the_incident_no_place(nlp):
    text = ("Two artillery shells fell near Shebaa (Hasbaya district) on 11 May 2021, hours after the army said "
            "a patrol had come under fire along the Litani river.")  # fmt: skip
    sent = next(nlp(text).sents)
    (span,) = other_happenings(sent)
    assert text[span[0] : span[1]].startswith("after the army said")
    assert one_incident(nlp, text, DAY).location == "Shebaa"


def test_what_a_protest_is_against_still_says_where_it_is(nlp):
    # the purpose of a protest is no other happening: its place is where they protest
    sent = next(nlp("Villagers protested against the demolition of a school in Beita on 11 May 2021.").sents)
    assert other_happenings(sent) == []


def test_a_demand_for_accountability_for_killings_is_a_peaceful_protest(nlp):
    text = ("Hundreds of lawyers rallied outside the courthouse in Nasiriyah on 11 May 2021, demanding reforms "
            "and accountability for the killing of two activists in March.")  # fmt: skip
    incident = one_incident(nlp, text, DAY)
    assert (incident.event_type, incident.sub_event_type) == ("Protests", "Peaceful protest")


def test_the_dead_an_agreement_concerns_make_no_battle(nlp):
    text = ("Tribal elders and the local militia agreed on 11 May 2021 to hand over the bodies of men killed in "
            "clashes near Mukayras, in a deal signed in Lawdar town.")  # fmt: skip
    incidents = incidents_of(nlp, text, DAY)
    assert [i.sub_event_type for i in incidents] == ["Agreement"]


def test_what_a_protest_is_against_is_no_attack(nlp):
    text = "On 11 May 2021, hundreds of residents protested in Kasese town against the killing of a taxi driver by police."
    incident = one_incident(nlp, text, DAY)
    assert (incident.event_type, incident.sub_event_type) == ("Protests", "Peaceful protest")
    assert not any("police" in key for key in incident.actor1)  # who killed the driver is not who protests
