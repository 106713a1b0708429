"""Unnamed actors in event roles (kg.extract.collectives): organisations a text does not name."""

from __future__ import annotations

import pytest


def _roles(nlp, text: str, event_type: str) -> dict[str, list[tuple[str, str]]]:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    entities = {e.key: e for e in record.entities}
    (event,) = [e for e in record.events if e.type == event_type]
    return {role: [(entities[k].label, entities[k].kind) for k in keys] for role, keys in event.roles.items()}


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        ("The ruling party rejected the offer.", "Rejection", ("ruling party", "PoliticalParty")),
        ("A rights group accused the police of torture.", "Accusation", ("rights group", "Organization")),
        ("The rebel group boycotted the vote.", "Rejection", ("rebel group", "ArmedGroup")),
        ("The militia attacked the village on Monday.", "Attack", ("militia", "ArmedGroup")),
        ("A local gang kidnapped two traders.", "Abduction", ("local gang", "ArmedGroup")),
        (
            "An official newspaper urged the mayor to resign.",
            "Demand",
            ("official newspaper", "MediaOrganization"),
        ),
        ("The committee demanded the resignation of the minister.", "Demand", ("committee", "Organization")),
        ("Opposition parties boycotted the vote.", "Rejection", ("opposition parties", "PoliticalParty")),
        # a modifier that names no armed group says nothing of the kind
        ("Resistance committees rejected the offer.", "Rejection", ("resistance committees", "Organization")),
        ("The pope condemned the killings.", "Criticism", ("pope", "Person")),
        # an unowned institution is the one state's the text names, unless its clause acts on that state
        ("The army shelled villages in northern Syria.", "Attack", ("Syrian army", "MilitaryOrganization")),
        ("The army deployed troops in Mali.", "Mobilization", ("Malian army", "MilitaryOrganization")),
        # the one country the text names is the one acted on: the institution is someone else's
        ("The government imposed new sanctions on Iran.", "Sanction", ("government", "Government")),
        ("The army shelled Syria.", "Attack", ("army", "MilitaryOrganization")),
        ("The government held talks with Ethiopia.", "Consultation", ("government", "Government")),
        # a state named only by its government or army is still the text's one state
        (
            "Syrian government forces shelled Idlib. The army said it killed 20 rebels.",
            "Killing",
            ("Syrian army", "MilitaryOrganization"),
        ),
        # two states (one named by its capital and its army): 'the army' is neither's for sure
        (
            "Kinshasa accused Kigali of sending Rwandan soldiers. The FARDC said the army had retaken one of the villages.",
            "Recapture",
            ("army", "MilitaryOrganization"),
        ),
    ],
)
def test_an_unnamed_organisation_or_institution_acts_under_its_description(
    nlp, text, event_type, agent
) -> None:
    assert _roles(nlp, text, event_type)["agent"] == [agent]


@pytest.mark.integration
def test_a_group_of_people_is_no_organisation(nlp) -> None:
    roles = _roles(nlp, "A group of tribal leaders rejected the offer.", "Rejection")
    assert "group" not in {label for label, _ in roles.get("agent", [])}


@pytest.mark.integration
def test_an_organisation_named_in_apposition_is_that_name(nlp) -> None:
    roles = _roles(nlp, "The government ordered the opposition newspaper La Prensa to close.", "Demand")
    assert [label for label, _ in roles["target"]] == ["La Prensa"]


@pytest.mark.integration
def test_organising_a_strike_is_the_strike(nlp) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp("The union organised a strike in the port."))
    assert [e.type for e in record.events] == ["Protest"]


@pytest.mark.integration
def test_a_day_after_on_is_no_one_called_upon(nlp) -> None:
    # "decided on Sunday to free them": Sunday does not free anyone, the cabinet does
    roles = _roles(nlp, "The Kenyan cabinet decided on Sunday to free the prisoners.", "Release")
    assert [label for label, _ in roles["agent"]] == ["Kenyan government"]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        # an unnamed group the aid goes to is its recipient, not a place
        ("Norway will provide aid to flood victims.", "flood victims"),
        # the model makes the 'to' phrase of a light verb a dative
        ("Kenya granted asylum to the Somali refugees.", "Somali refugees"),
        # people the act goes to, not the place they are in
        ("Japan will send food aid to refugees in Darfur.", "refugees"),
    ],
)
def test_whom_an_act_is_given_to_is_its_recipient(nlp, text, recipient) -> None:
    roles = _roles(nlp, text, "Aid")
    assert recipient in [label for label, _ in roles.get("recipient", [])]


@pytest.mark.integration
@pytest.mark.parametrize(
    "text",
    [
        "Israel restricted the movement of Palestinians.",  # movement of people: no organisation
        "The movement rejected the offer.",  # 'movement' alone may be motion
        "Troops reached the front.",
    ],
)
def test_an_ambiguous_organisation_noun_needs_a_modifier(nlp, text) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    assert not [e for e in record.entities if e.label in {"movement", "front"}]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "key", "texts"),
    [
        # a modifier says which forces: not the text's one other group of forces
        (
            "Rebel forces fought pro-government forces near Kidal.",
            "pro-government-forces",
            ["pro-government forces"],
        ),
        (
            "Houthi forces seized a hill. The forces then withdrew.",
            "houthis-forces",
            ["Houthi forces", "forces"],
        ),
        # 'SDF forces' are the Syrian Democratic Forces themselves
        ("SDF forces raided a village near Raqqa.", "sdf", ["SDF", "SDF forces"]),
    ],
)
def test_forces_are_the_group_their_words_name(nlp, text: str, key: str, texts: list[str]) -> None:
    from kg.extract.recorder import records_from_doc

    entities = {e.key: e for e in records_from_doc(nlp(text)).entities}
    assert sorted(m.text for m in entities[key].mentions) == sorted(texts)


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        # one unnamed attacker acts as one person
        ("A gunman shot dead two policemen in the market.", "Killing", ("gunman", "Person")),
        ("A suicide bomber killed five soldiers.", "Killing", ("suicide bomber", "Person")),
        # plural nouns for people who act as a body
        ("Commandos stormed the hijacked plane.", "Attack", ("commandos", "Group")),
        ("Lawyers boycotted the courts.", "Rejection", ("lawyers", "Group")),
        ("Prosecutors opened an investigation into the bank.", "Investigation", ("prosecutors", "Group")),
    ],
)  # fmt: skip
def test_unnamed_people_who_attack_or_act_as_a_body_are_agents(nlp, text, event_type, agent) -> None:
    assert _roles(nlp, text, event_type)["agent"] == [agent]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("A court in Lusaka jailed three opposition activists for two years.", "Detention"),
        ("A Nairobi court sentenced four men to death for the attack.", "Detention"),
    ],
)
def test_an_unnamed_court_that_jails_people_is_the_agent(nlp, text, event_type) -> None:
    assert _roles(nlp, text, event_type)["agent"] == [("court", "Government")]
