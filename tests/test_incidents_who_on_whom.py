"""Incidents coded by who acts on whom (issue #12): crowds that attack a protest, forces that act on one, territory
taken back or handed over, and deaths a clause dates to an earlier year (real model, sentences of our own)."""

from __future__ import annotations

import pytest

from kg.records import Incident
from tests.parses import incidents_of, one_incident


def _incidents(nlp, text: str, date: str = "2021-04-20") -> list[Incident]:
    return incidents_of(nlp, text, date)


def _one(nlp, text: str, date: str = "2021-04-20") -> Incident:
    return one_incident(nlp, text, date)


@pytest.mark.parametrize(
    ("text", "sub_event_type", "inter1"),
    [
        # a crowd that is no armed force attacking a protest is a mob: ACLED's actor 1 are rioters
        ("Followers of a local party attacked a sit-in in Dala town on 18 April 2021, beating several activists.",
         "Mob violence", 5),
        ("On 18 April 2021, loyalists of the mayor stormed a protest camp in Sora and beat dozens of demonstrators.",
         "Mob violence", 5),
        # state forces who beat protesters act on a protest; the protesters stay actor 1
        ("Police beat dozens of demonstrators outside the town hall in Dala on 18 April 2021.",
         "Protest with intervention", 6),
        # protesters who attack the police riot
        ("On 18 April 2021, protesters attacked a police station in Sora town.", "Violent demonstration", 5),
        # an armed group that fires on a protest uses force against protesters
        ("Gunmen opened fire on a protest camp in Dala on 18 April 2021, wounding four demonstrators.",
         "Excessive force against protesters", 6),
        # people who demand something and are dispersed were protesting
        ("On 18 April 2021, police used tear gas to disperse jobless nurses demanding contracts in Sora town.",
         "Protest with intervention", 6),
    ],
)  # fmt: skip
def test_who_acts_on_a_protest_gives_its_sub_type_and_actor_one(nlp, text, sub_event_type, inter1):
    incident = _one(nlp, text)
    assert (incident.sub_event_type, incident.inter1) == (sub_event_type, inter1)


@pytest.mark.parametrize(
    "text",
    [
        "Army units regained control of Tal Haddad village on 18 April 2021 after the rebels pulled out.",
        "On 18 April 2021, government troops regained the town of Sora from the insurgents.",
    ],
)
def test_forces_that_regain_a_place_regain_territory(nlp, text):
    incident = _one(nlp, text)
    assert (incident.sub_event_type, incident.inter1) == ("Government regains territory", 1)


@pytest.mark.parametrize(
    "text",
    [
        "The injured driver regained consciousness in hospital on Sunday.",
        "The striker regained his form this season.",
    ],
)
def test_regaining_what_is_no_place_is_no_incident(nlp, text):
    assert _incidents(nlp, text) == []


def test_who_takes_over_handed_territory_is_actor_one(nlp):
    text = (
        "On 18 April 2021, the foreign contingent handed over its camp near Sora town to the national army."
    )
    incident = _one(nlp, text)
    assert incident.sub_event_type == "Non-violent transfer of territory"
    assert incident.inter1 == 1 and "army" in incident.actor1[0]  # entity keys: the army, not the contingent


def test_deaths_a_clause_dates_to_an_earlier_year_are_no_fight_and_no_fatalities(nlp):
    text = (
        "On 18 April 2021, investigators found a mass grave containing the bodies of at least 20 men believed "
        "executed by the militants in 2015, near Sora village."
    )
    incident = _one(nlp, text)
    assert (incident.event_type, incident.sub_event_type) == ("Strategic developments", "Other")
    assert not incident.fatalities


@pytest.mark.parametrize(
    ("text", "inter1"),
    [
        # a group's affiliates are coded with the group ('X-affiliated gunmen', 'gunmen loyal to X')
        ("On 18 April 2021, SNA-affiliated gunmen looted shops in Sora town.", 2),
        ("On 18 April 2021, STC forces and government troops exchanged fire near Sora town.", 3),
    ],
)
def test_a_named_group_gives_its_affiliates_and_forces_their_code(nlp, text, inter1):
    assert _one(nlp, text).inter1 == inter1


def test_what_a_gathering_mourns_or_denounces_is_its_reason_not_an_attack(nlp):
    text = (
        "On 18 April 2021, hundreds of students gathered in Sora town to mourn the passengers of a plane shot "
        "down by the air force and to denounce the cover-up."
    )
    incident = _one(nlp, text)
    assert (incident.sub_event_type, incident.inter1) == ("Peaceful protest", 6)


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a clash fought with rocket-propelled grenades is a clash, not a grenade attack
        ("On 18 April 2021, two clans exchanged fire with rocket-propelled grenades in Dala town.", "Armed clash"),
        # gunmen who fire on troops that fire back fight a battle, whatever the troops were doing
        ("On 18 April 2021, gunmen fired on soldiers carrying out an arrest raid in Sora camp, and the soldiers "
         "returned fire.", "Armed clash"),
        # a launch pad found with unfired rockets is a disrupted weapons use
        ("On 18 April 2021, police found a launch pad with three unfired rockets on a farm near Sora town.",
         "Disrupted weapons use"),
    ],
)  # fmt: skip
def test_how_a_fight_or_a_find_is_told_gives_its_sub_type(nlp, text, sub_event_type):
    assert _one(nlp, text).sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "location", "inter1"),
    [
        # a tribe named after a place is an identity group, and the place where they fought is the location
        ("Members of the Al-Bu Hamad and Al-Jubur tribes exchanged fire in Dala district on 18 April 2021.",
         "Dala district", 4),
        # where the doers come from is not where they acted
        ("On 18 April 2021, settlers from the Kafr Dan outpost threw stones at houses in Sora village, injuring a "
         "woman.", "Sora village", None),
    ],
)  # fmt: skip
def test_a_tribe_name_or_the_doers_origin_is_not_the_location(nlp, text, location, inter1):
    incident = _one(nlp, text)
    assert location.startswith(incident.location or "-")
    assert inter1 is None or incident.inter1 == inter1


def test_forces_of_a_named_group_and_militants_believed_to_be_its_members_are_that_group(nlp):
    forces = _one(
        nlp, "On 18 April 2021, forces of the Southern Transitional Council attacked a checkpoint in Sora."
    )
    believed = _one(
        nlp,
        "On 18 April 2021, militants believed to be members of Kataib Hezbollah shot dead an activist in Sora town.",
    )
    assert (forces.inter1, believed.inter1) == (3, 3)


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # fire on protesters that kills is excessive force
        ("On 18 April 2021, security forces opened fire on people protesting power cuts in Sora town, killing a "
         "young man.", "Excessive force against protesters"),
        # an arrest with weapons seized is an arrest, and a grenade launcher seized is no grenade attack
        ("On 18 April 2021, police arrested four members of a banned group in Dala and seized weapons.", "Arrests"),
        ("On 18 April 2021, troops arrested a smuggler in Sora, seizing rifles and a grenade launcher.", "Arrests"),
        # a curfew or a lockdown imposed is a strategic development of its own kind
        ("On 18 April 2021, the governor imposed a curfew on Dala town.", "Other"),
        # property burned with nobody hurt is property destruction, not an attack on people
        ("On 18 April 2021, gunmen set three lorries ablaze near Sora town; no one was hurt.",
         "Looting/property destruction"),
        # a crowd that attacks a house and burns it is a mob
        ("On 18 April 2021, an angry crowd attacked the house of a suspected thief in Dala town and set it on fire.",
         "Mob violence"),
        # shots fired into the air attack nobody: people who burn tyres that way riot
        ("On 18 April 2021, supporters of a candidate fired shots in the air and set tyres and a bus on fire in "
         "Dala town.", "Violent demonstration"),
    ],
)  # fmt: skip
def test_what_was_done_and_to_whom_gives_the_sub_type(nlp, text, sub_event_type):
    assert _one(nlp, text).sub_event_type == sub_event_type


def test_a_count_told_next_with_no_place_of_its_own_adds_to_the_incident(nlp):
    text = "On 17 April 2021, militants attacked an army checkpoint in Dala district. Three soldiers were killed."
    incident = _one(nlp, text)
    assert (incident.sub_event_type, incident.fatalities) == ("Armed clash", 3)
