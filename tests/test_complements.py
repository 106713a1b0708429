"""Targets an event takes from the act it governs (kg.extract.events.complements) and from its object's author,
with the real model, since each rule reads the parse."""

from __future__ import annotations

import pytest


def _roles(nlp, text: str, kind: str) -> tuple[dict[str, list[str]], float]:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    return {r: [labels[k] for k in v] for r, v in event.roles.items()}, event.confidence


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Iran threatened to launch a military offensive against Iraq.", "Threat", ["Iraq"]),
        ("Russia promised to send aid to Syria.", "Agreement", ["Syria"]),
        ("Palestinian leaders said they would boycott all contact with the United States.", "Rejection",
         ["United States"]),
        ("Serbia rejected an Australian ultimatum.", "Rejection", ["Australia"]),
        ("The rebels dismissed an appeal from President Laurent Gbagbo.", "Rejection", ["Laurent Gbagbo"]),
    ],
)  # fmt: skip
def test_an_event_takes_the_target_of_the_act_it_governs_or_answers(nlp, text, kind, target):
    roles, confidence = _roles(nlp, text, kind)
    assert roles.get("target") == target
    assert confidence <= 0.7


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Syria agreed to send troops.", "Agreement"),  # the troops sent are no target of the agreement
        ("Kenya condemned the attack on the convoy.", "Criticism"),  # the attack's victim is not condemned
        ("Hungary signed the agreement.", "Agreement"),  # its own act: no target
    ],
)  # fmt: skip
def test_no_target_is_made_up_from_a_theme_a_victim_or_the_event_itself(nlp, text, kind):
    roles, _ = _roles(nlp, text, kind)
    assert not roles.get("target")


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "role", "expected"),
    [
        ("A group of Moroccan diplomats held a meeting with President Obama.", "Consultation", "agent",
         ["Moroccan diplomats"]),
        ("A group of Moroccan diplomats held a meeting with President Obama.", "Consultation", "target", ["Obama"]),
        ("The United Nations will provide 25,000 tons of food aid to refugees.", "Aid", "agent",
         ["United Nations"]),
        ("The rebels dismissed an appeal from President Laurent Gbagbo.", "Demand", "agent", ["Laurent Gbagbo"]),
    ],
)  # fmt: skip
def test_event_nouns_take_agents_through_measures_groups_and_from(nlp, text, kind, role, expected):
    roles, _ = _roles(nlp, text, kind)
    assert roles.get(role) == expected


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "role", "expected"),
    [
        ("The radical Palestinian Islamic Jihad movement rejected an invitation.", "Rejection", "agent",
         ["Palestinian Islamic Jihad"]),
        ("Rwandan rebels demanded the removal of President Juvenal Habyarimana.", "Demand", "target",
         ["Juvenal Habyarimana"]),
        ("The ILO reiterated its demand that Israel ease restrictions.", "Demand", "target", ["Israel"]),
        ("President Bill Clinton has imposed sanctions on the Taliban.", "Sanction", "target", ["Taliban"]),
        ("Tens of thousands of university students staged mass demonstrations in Jakarta.", "Protest", "agent",
         ["university students"]),
    ],
)  # fmt: skip
def test_a_plain_noun_stands_for_its_name_owner_or_clause(nlp, text, kind, role, expected):
    roles, _ = _roles(nlp, text, kind)
    assert roles.get(role) == expected


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "role"),
    [
        ("Algerian landowners began a hunger strike outside Parliament.", "Protest", "agent"),  # not Algeria
        ("Kenya condemned the killing of civilians.", "Criticism", "target"),  # the victims are not condemned
    ],
)  # fmt: skip
def test_a_demonym_of_people_or_the_victim_of_an_act_is_no_participant(nlp, text, kind, role):
    roles, _ = _roles(nlp, text, kind)
    assert not roles.get(role)
