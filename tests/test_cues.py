"""What the incident coding rules read: cue words that only modify a noun, or belong to an event that did not
happen, code nothing (issue #12, failure class 5: triggers on the wrong sense). Short sentences of our own, real
model."""

from __future__ import annotations

import pytest

from kg.extract.coding import load_rules
from kg.extract.cues import cue_text
from kg.extract.pipeline import InputDocument, extract
from kg.records import Incident


def _incidents(nlp, text: str, date: str = "2022-03-09") -> list[Incident]:
    return list(next(iter(extract(nlp, [InputDocument("t", text, date)]))).incidents)


@pytest.mark.parametrize(
    ("text", "kept", "blanked"),
    [
        ("Riot police dispersed the crowd.", "police dispersed", "Riot"),
        ("The protest leaders were detained.", "leaders were detained", "protest"),
        ("Students held a protest march in the capital.", "protest march", None),
    ],
)
def test_a_cue_word_that_only_modifies_a_noun_is_blanked(nlp, text, kept, blanked):
    sent = next(nlp(text).sents)
    cue, _ = cue_text(sent, [], load_rules())
    assert kept in cue and len(cue) == len(sent.text)
    assert blanked is None or blanked not in cue


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        ("On 2 March 2022, the armed factions announced a halt to rocket attacks on the airport.",
         "Explosions/Remote violence"),
        ("On 3 March 2022, the provincial governor banned all demonstrations in Kessa for ten days.", "Protests"),
        ("Riot police dispersed a crowd of teachers who tried to march to the ministry in Kessa on 4 March 2022.",
         "Riots"),
        # a topic noun talks about a kind of happening, it tells none
        ("On 5 March 2022, the president said in Kessa that the government respected the right to peaceful "
         "protest.", "Protests"),
        ("On 5 March 2022, the regulator in Kessa ordered stations to stop live coverage of protests.", "Protests"),
        # what is asked for, or what a plan acts on, has not happened
        ("On 5 March 2022, the envoy called in Kessa for a ceasefire and for talks between the sides.",
         "Strategic developments"),
        ("On 5 March 2022, the governor said in Kessa he would send more troops and surveillance drones to the "
         "north.", "Explosions/Remote violence"),
        # who they are is no act: armed men who patrol attack nobody
        ("On 5 March 2022, masked gunmen patrolled the streets of Kessa.", "Violence against civilians"),
    ],
)  # fmt: skip
def test_an_act_that_did_not_happen_or_only_names_a_kind_codes_nothing(nlp, text, not_type):
    assert all(i.event_type != not_type for i in _incidents(nlp, text))


def test_a_ban_on_gatherings_is_a_change_to_activity(nlp):
    (incident,) = _incidents(
        nlp, "On 3 March 2022, the provincial governor banned all demonstrations in Kessa."
    )
    assert incident.sub_event_type == "Change to group/activity"


def test_an_agreement_to_do_something_is_still_an_agreement(nlp):
    text = "On 5 March 2022, the two armed groups agreed at a meeting in Kessa to exchange prisoners."
    assert [i.sub_event_type for i in _incidents(nlp, text)] == ["Agreement"]


def test_riot_police_against_marching_protesters_is_a_protest_with_intervention(nlp):
    text = "Riot police used tear gas on 6 March 2022 to disperse nurses marching to the ministry in Kessa."
    assert [(i.event_type, i.sub_event_type) for i in _incidents(nlp, text)] == [
        ("Protests", "Protest with intervention")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers fired tear gas on 6 March 2022 to push back protesters who tried to reach the palace in Kessa.",
        "Police used water cannon on 6 March 2022 to disperse protesters who demanded higher pay in Kessa.",
    ],
)
def test_people_pushed_back_or_demanding_are_still_protesters(nlp, text):
    assert [i.event_type for i in _incidents(nlp, text)] == ["Protests"]
