"""Trigger senses and trigger words on sentences of our own, parsed by the real model: which verbs are events
and which senses are not."""

from __future__ import annotations

import pytest

from kg.extract.recorder import records_from_doc


def _events(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in records_from_doc(nlp(text)).events]


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        # patrols and entering a place are troop movements, also in the progressive the model calls a modifier
        ("Police officers are patrolling crowded markets in Henan Province.", "Mobilization", "patrolling"),
        ("Soldiers patrolled the streets of Harare on Friday.", "Mobilization", "patrolled"),
        ("Syrian troops entered Palmyra on Tuesday.", "Mobilization", "entered"),
        ("Rebels launched a counterattack in rural Latakia.", "Attack", "launched a counterattack"),
        ("Militias entered the village of Misqan after a battle.", "Mobilization", "entered"),
        ("Unidentified assailants gunned down a judge in Mogadishu.", "Killing", "gunned"),
        ("Gunmen burned the palace of the ruler in Giza.", "Attack", "burned"),
        # one airstrike told by its noun and its verb, not an airstrike and an attack
        (
            "A missile strike destroyed the house of a commander in Dusamareeb.",
            "Airstrike",
            "missile strike destroyed",
        ),
        ("The army continued its advance in Eastern Ghouta.", "ArmedClash", "continued its advance"),
        # taking a place is fighting over territory (ACLED: battles), not an arrest
        ("Rebel fighters captured the airport of Kindu on Sunday.", "ArmedClash", "captured"),
        ("Army units recaptured the town of Kidal on Sunday.", "ArmedClash", "recaptured"),
        ("Rebels captured the hill overlooking the valley.", "ArmedClash", "captured"),
        ("The militia seized the checkpoint at dawn.", "ArmedClash", "seized"),
        ("The village was seized by militiamen at dawn.", "ArmedClash", "seized"),
        ("Police captured the bomb maker in Mombasa.", "Arrest", "captured"),  # a person: still an arrest
        ("Militiamen slaughtered 20 villagers near Djugu.", "Killing", "slaughtered"),
        ("Iraq invaded Kuwait in August 1990.", "Attack", "invaded"),
        ("Many people fled the town of Kidal, which was seized by rebels on Monday.", "ArmedClash", "seized"),
        # labour strikes and burning tyres are protest acts, not air strikes or attacks
        ("The union will hold a nationwide strike on Monday in Lagos.", "Protest", "strike"),
        ("Protesters burned tyres in the Ikeja district.", "Protest", "burned"),
        ("Students staged a sit-in at the governor's office in Ibadan.", "Protest", "sit-in"),
        # retaking a place or control of it is fighting over territory; retaking people is a recapture
        ("Government forces retook the town on Monday.", "ArmedClash", "retook"),
        ("Saudi-led forces retook the port of Aden.", "ArmedClash", "retook"),
        ("Police retook control of the prison after the riot.", "ArmedClash", "retook"),
        ("Police retook three escaped prisoners on Monday.", "Recapture", "retook"),
        # hacked to death is a killing, not a computer break-in
        ("Militants hacked three villagers to death in Beni.", "Killing", "hacked"),
    ],
)
def test_wire_event_verbs_are_events(nlp, text: str, kind: str, trigger: str) -> None:
    assert (kind, trigger) in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The party entered the race for the presidency in March.", "Mobilization"),  # another sense of enter
        ("Police blocked the main roads into the capital with razor wire.", "Protest"),  # the state blocks
        ("The court blocked the new law in July.", "Protest"),
        ("Chicago captured their fourth crown in six years.", "Arrest"),  # a title is captured, not a person
        ("The picture was shot by a local photographer in Memphis.", "Attack"),  # the passive object shows it
        ("The treaty entered into force in Geneva in May.", "Mobilization"),
        ("The fires destroyed more than 2,000 homes in California.", "Attack"),  # no one's act
        ("Bridges were destroyed by the earthquake in Wenchuan.", "Attack"),
        ("Tickets are sold in advance in Nairobi.", "ArmedClash"),
        ("The talks resumed in Geneva on March 15.", "Protest"),  # a month inside a date is no march
        ("Sales of electric cars exploded in Norway.", "Bombing"),  # only weapons and vehicles explode
        ("Bomb-sniffing dogs searched the stadium in Kampala.", "Bombing"),
        ("Farmers slaughtered goats for the festival in Kano.", "Killing"),
        # verbs known only from the CAMEO dictionary need a dyad (who to whom), as PETRARCH codes them
        ("The general heading the inquiry resigned in Lagos.", "Cooperation"),
        ("The minister's convoy travelled through the old city of Hebron.", "Consultation"),
        ("Two more patients died in hospital in Gaza on Monday.", "Attack"),
        ("The abuse was captured in a series of photographs.", "Arrest"),
        ("The champions retook the lead in the second half.", "Recapture"),
        (
            "Troops marched into the town of Kidal on Monday.",
            "Protest",
        ),  # soldiers on the move do not protest
        ("Rebel groups deny that the Nusra Front controls the Wadi Barada area.", "Cooperation"),  # a state
        ("A boy in Durres accidentally shot himself with a hunting rifle.", "Attack"),  # no one else's act
        # a retort is words, not shots; a fire or a price that shoots is no one's act
        ("Opposition leaders quickly shot back that the minister had misled parliament.", "Attack"),
        ('"That is a lie," the spokesman fired back on Tuesday.', "Attack"),
        ("A grease fire shot through the kitchen of the hotel in Accra.", "Attack"),
        ("The old mill burned down in 1921.", "Attack"),  # a building that burns, with no one burning it
        ("The spinner captured four wickets in Colombo on Sunday.", "Arrest"),
        (
            "The senator captured 19 percent of the vote in Ohio.",
            "Arrest",
        ),  # a part of the vote, not a person
        ("Thousands of people were patrolling the river dikes in Hunan.", "Mobilization"),  # a flood watch
        ("Firefighters patrolled the highway to stop the blaze from spreading.", "Mobilization"),
    ],
)
def test_other_senses_are_no_events(nlp, text: str, kind: str) -> None:
    assert kind not in [k for k, _ in _events(nlp, text)]


def test_an_event_verb_that_states_a_weapon_noun_happened_is_one_event(nlp) -> None:
    assert _events(nlp, "A roadside bomb destroyed an army truck near Kandahar.") == [
        ("Bombing", "roadside bomb destroyed")
    ]


def test_an_event_noun_that_left_people_dead_spans_the_verb(nlp) -> None:
    assert ("Attack", "attack left") in _events(nlp, "The attack left five soldiers dead in Gao on Monday.")
    assert _events(nlp, "The minister left Geneva on Monday.") == []  # no event noun: leaving is no event


def _roles(nlp, text: str, kind: str) -> dict[str, list[str]]:
    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event,) = [e for e in record.events if e.type == kind]
    return {role: [labels[k] for k in keys] for role, keys in event.roles.items() if role != "place"}


@pytest.mark.parametrize(
    ("text", "kind", "agent", "target_role", "target"),
    [
        # an order is a demand on whoever is ordered (CAMEO 100), also when the model hangs that person on the
        # infinitive as its subject
        ("A Kenyan judge ordered the former minister to appear in court.", "Demand", "Kenyan judge", "target",
         "minister"),
        # accepting is agreeing (CAMEO 03); accepting someone's demands or terms is yielding (CAMEO 08)
        ("Kenya accepted the peace plan.", "Agreement", "Kenya", None, None),
        ("The Malian government accepted demands from Tuareg rebels.", "Concession", "Malian government",
         "target", "Tuareg forces"),
        # allowing is yielding (CAMEO 080); the one allowed to act is what it is directed at
        ("The court allowed the opposition leader to contest the election.", "Concession", "court", "theme",
         "opposition leader"),
        ("Rebels allowed aid workers into the town.", "Concession", "rebels", "theme", "aid workers"),
    ],
)  # fmt: skip
def test_orders_acceptances_and_permissions_are_events(nlp, text, kind, agent, target_role, target) -> None:
    roles = _roles(nlp, text, kind)
    assert roles.get("agent", []) == ([agent] if agent else [])
    if target_role:
        assert roles[target_role] == [target]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt ordered 24 fighter jets from France.",
        "Hamas accepted responsibility for the bombing.",
        "The new law allows police to hold suspects for two weeks.",
        "The ceasefire allowed farmers to return to their fields.",
    ],
)
def test_purchases_responsibility_and_permissions_of_no_one_are_no_order_acceptance_or_concession(
    nlp, text
) -> None:
    kinds = {kind for kind, _ in _events(nlp, text)}
    assert not kinds & {"Demand", "Agreement", "Concession"}


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("Nepal has asked India to reopen the border crossings.", "Demand", "asked"),  # CAMEO 10
        ("Haiti asked for more police officers from Kenya.", "Demand", "asked for"),
        ("Malaysia deported 40 Rohingya refugees.", "Coercion", "deported"),  # CAMEO 174, expel or deport
        ("Peru broke off diplomatic relations with Mexico.", "Sanction", "broke off diplomatic relations"),
        ("Iran staged war games in the Gulf.", "Mobilization", "war games"),  # CAMEO 15, force posture
        ("Indian and French warships held joint drills off Goa.", "Mobilization", "joint drills"),
    ],
)
def test_requests_deportations_broken_relations_and_war_games_are_events(nlp, text, kind, trigger) -> None:
    assert (kind, trigger) in _events(nlp, text)


def test_a_question_put_to_someone_is_no_demand(nlp) -> None:
    assert not [
        k
        for k, _ in _events(nlp, "When asked about the raid, the general declined to comment.")
        if k == "Demand"
    ]


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("Masked men set fire to a church in the village.", "Attack", "set fire to"),  # arson
        ("Uganda closed its border with South Sudan.", "Coercion", "closed its border"),  # CAMEO 191
        ("Soldiers sealed off the district after the blast.", "Coercion", "sealed off"),
    ],
)
def test_arson_and_closed_borders_are_events(nlp, text, kind, trigger) -> None:
    assert (kind, trigger) in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        (
            "Pirates hijacked a cargo ship off Somalia.",
            "Abduction",
            "hijacked",
        ),  # CAMEO 181, abduct or hijack
        ("Kenyan police rounded up 40 suspects in Mombasa.", "Arrest", "rounded up"),
        (
            "Chad opened its border to refugees from Sudan.",
            "Aid",
            "opened its border",
        ),  # as the PLOVER gold codes
    ],
)
def test_hijackings_round_ups_and_opened_borders_are_events(nlp, text, kind, trigger) -> None:
    assert (kind, trigger) in _events(nlp, text)


def test_a_hijacked_debate_is_no_abduction(nlp) -> None:
    assert "Abduction" not in {k for k, _ in _events(nlp, "Hardliners hijacked the debate on reform.")}


def test_clerics_are_a_collective_actor(nlp) -> None:
    record = records_from_doc(nlp("Clerics in Lagos condemned the killings."))
    assert "clerics" in {e.label for e in record.entities}


def test_an_ethnic_group_alone_codes_a_verb_known_only_from_the_cameo_list(nlp) -> None:
    # PETRARCH codes ethnic groups as actors: "fight" (a CAMEO-list verb) needs a coded actor, and the Kurds are one
    record = records_from_doc(nlp("Kurds have sworn to fight until the siege is lifted."))
    (fight,) = [e for e in record.events if e.trigger.text == "fight"]
    labels = {e.key: e.label for e in record.entities}
    assert [labels[k] for k in fight.roles["agent"]] == ["Kurds"]
    assert fight.certainty == "planned"  # sworn to: a stated intent, as 'vowed to'


def test_defending_a_decision_is_verbal_support_and_a_title_is_no_event(nlp) -> None:
    assert ("Support", "defended") in _events(nlp, "Kenya defended the decision to close the border.")
    assert not any(t == "defended" for _, t in _events(nlp, "The champion defended his title in Nairobi."))


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        # diplomatic ties, asylum and stopping work are coded acts (CAMEO 054, 0233, 143)
        ("Chile established diplomatic relations with Vietnam in 1971.", "Support", "established diplomatic relations"),
        ("Hundreds of Eritreans sought asylum in Sweden last year.", "Demand", "sought asylum"),
        ("Dock workers stopped work in Mombasa on Monday.", "Protest", "stopped work"),
        # surrendering is a military retreat (CAMEO 0874), not a political concession
        ("Two hundred rebels surrendered to the army in Beni.", "Withdrawal", "surrendered"),
        ("An indefinite strike by nurses shut hospitals in Nairobi.", "Protest", "strike"),
        # armed forces on the move are a deployment (CAMEO 154), also with a verb that is no trigger otherwise
        ("Government troops marched into Kismayo on Friday.", "Mobilization", "marched"),
        ("A platoon of Indian peacekeepers arrived in Goma on Monday.", "Mobilization", "arrived"),
        ("The troops began arriving in Mosul on Sunday.", "Mobilization", "arriving"),
        ("Rebels pushed into the town of Kidal.", "Mobilization", "pushed"),
        ("Two thousand marines were dispatched to Liberia.", "Mobilization", "dispatched"),
        # a weapon that lands strikes
        ("A mortar round landed in a crowded market in Mogadishu.", "Attack", "landed"),
        ("Two rockets fell on the port of Hodeidah on Sunday.", "Attack", "fell"),
        # a weapon as subject or object shows a CAMEO-list verb's violent sense without a coded actor
        ("A mortar shell hit a school in Homs on Sunday.", "Attack", "hit"),
        ("A militiaman threw a hand grenade at a crowd in Nyala.", "Attack", "threw"),
        ("Witnesses saw the gunmen open fire on a bus in Quetta.", "Attack", "open fire"),
        ("Rebels bombed a cement factory in Bauchi.", "Bombing", "bombed"),  # a bombed factory: no bomb factory
        # words the tokenizer splits, and the counted event noun that a support verb carries
        ("Rebel fighters launched a counter-offensive near Idlib.", "ArmedClash", "launched a counter-offensive"),
        ("The army continued its offensive operations near Palmyra.", "Attack", "continued its offensive operations"),
        ("Dozens of airstrikes hit Aleppo on Monday.", "Airstrike", "airstrikes hit"),
    ],
)  # fmt: skip
def test_coded_phrases_troop_movements_and_weapons_are_events(
    nlp, text: str, kind: str, trigger: str
) -> None:
    assert (kind, trigger) in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The president arrived in Paris on Monday.", "Mobilization"),  # no armed forces
        ("Soldiers moved the prisoners to Bagram.", "Mobilization"),  # moving people is a transfer
        ("The army pushed for talks on Monday.", "Mobilization"),  # no place to move to
        ("Troops arrived on Monday.", "Mobilization"),
        ("Oil prices fell in London on Monday.", "Attack"),  # no weapon falls
        ("A fire broke out in a market in Lagos.", "Attack"),  # no weapon, no actor
        ("The striker hit the post in the second half.", "Attack"),
        ("A roadside bomb hit an army convoy in Helmand.", "Aid"),  # a military convoy carries no aid
        ("A roadside bomb hit an army convoy in Helmand.", "Attack"),  # the bomb's event carries the verb
        ("Police found a bomb factory in Leeds.", "Bombing"),
    ],
)
def test_civilians_moving_fires_and_military_convoys_are_no_such_events(nlp, text: str, kind: str) -> None:
    assert kind not in [k for k, _ in _events(nlp, text)]


@pytest.mark.parametrize(
    ("text", "is_aid"),
    [
        ("An aid convoy reached the besieged town on Monday.", True),
        ("A convoy carrying medical supplies reached the camp.", True),
        ("Gunmen ambushed a convoy of trucks near the river.", False),
        ("Rebels fired rockets at the convoy on Sunday.", False),
    ],
)
def test_a_convoy_is_aid_only_when_its_phrase_says_what_it_brings(nlp, text: str, is_aid: bool) -> None:
    assert any(kind == "Aid" and trigger == "convoy" for kind, trigger in _events(nlp, text)) is is_aid


@pytest.mark.parametrize(
    ("text", "kind", "trigger"),
    [
        ("Troops shot back at the gunmen near Gao.", "Attack", "shot"),  # returned fire is fire
        ("Rioters ransacked and burned shops in the old town.", "Attack", "burned"),  # the object is shared
        # looting is an act of force
        ("Rioters looted and burned shops in the old town.", "Attack", "looted"),
        ("Dozens of cars were burned in the capital overnight.", "Attack", "burned"),
        ("A farmer shot and killed a neighbour in Kisumu.", "Attack", "shot"),  # the model tags 'shot' a noun
        # taking part of a country or district is fighting over territory, not an arrest
        ("Militia fighters captured most of the northern district of Kalehe.", "ArmedClash", "captured"),
        ("Rebels have captured 60 percent of Chad in a year.", "ArmedClash", "captured"),
        ("Police captured the smuggler near the port of Mombasa.", "Arrest", "captured"),
        # an attack on a policy or a decision is a verbal one
        ("The governor attacked the new budget in a radio speech.", "Criticism", "attacked"),
        ("Gunmen attacked a police post in Kidal.", "Attack", "attacked"),
    ],
)
def test_returned_fire_arson_territory_and_verbal_attacks_are_typed_events(nlp, text, kind, trigger) -> None:
    assert (kind, trigger) in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "is_aid"),
    [
        ("Iran sent weapons to the rebels.", True),
        ("The donors supplied arms and ammunition to the army.", True),
        ("Qatar provided food and medicine to the camp.", True),
        ("The minister delivered a speech in the capital.", False),
        ("The ministry provided no explanation for the delay.", False),
    ],
)
def test_a_giving_verb_is_aid_when_it_moves_goods_or_people(nlp, text: str, is_aid: bool) -> None:
    assert ("Aid" in {k for k, _ in _events(nlp, text)}) is is_aid


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thousands of teachers went on strike in Nairobi on Monday.", "Protest"),
        ("Doctors have been on strike since March.", "Protest"),
        ("Workers staged a strike at the port.", "Protest"),  # the small model lemmatises 'staged' as 'stag'
        ("Israeli jets carried out strikes on Gaza.", "Airstrike"),
    ],
)
def test_a_strike_workers_go_on_or_stage_is_a_protest(nlp, text: str, kind: str) -> None:
    assert kind in {k for k, _ in _events(nlp, text)}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Washington cut military assistance to Egypt.", {"Sanction"}),
        ("Britain halted aid to Rwanda on Monday.", {"Sanction"}),
        ("Donors froze funding to the ministry.", {"Sanction"}),
        ("The UN delivered aid to Gaza.", {"Aid"}),
    ],
)
def test_aid_that_is_stopped_is_a_sanction(nlp, text: str, kinds: set[str]) -> None:
    assert {k for k, _ in _events(nlp, text)} == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Fighting between the army and the rebels left five dead.",
        "Fighting between Sudanese troops and the RSF resumed.",
    ],
)
def test_a_gerund_that_names_the_fighting_is_a_clash(nlp, text: str) -> None:
    assert "ArmedClash" in {k for k, _ in _events(nlp, text)}


def test_a_vow_of_revenge_is_a_threat(nlp) -> None:
    assert "Threat" in {k for k, _ in _events(nlp, "Tehran vowed revenge against Washington for the strike.")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A suicide bomber attacked a police post in Quetta.", "Attack"),
        ("Russian bombers struck the city.", "Airstrike"),
    ],
)
def test_a_suicide_bomber_is_a_person_not_an_aircraft(nlp, text: str, kind: str) -> None:
    assert kind in {k for k, _ in _events(nlp, text)}
