"""Context coding rules, casualty counts and place phrases: plain text in, codes out (no spaCy model)."""

from __future__ import annotations

import pytest

from kg.extract.casualties import casualties
from kg.extract.coding import load_rules
from kg.extract.temporal import normalise_date
from kg.extract.toponyms import place_phrases


@pytest.mark.parametrize(
    ("text", "agent", "victims", "expected"),
    [
        ("Troops fired mortars at the village.", 1, 7, "Shelling/artillery/missile attack"),
        ("A landmine exploded under a bus.", None, 7, "Remote explosive/landmine/IED"),
        ("A motorcycle rigged with explosives went off near a market.", None, 7, "Remote explosive/landmine/IED"),
        ("Turkish troops evacuated its observation post near the town.", 8, None, "Change to group/activity"),
        ("A grenade was thrown into a bar.", None, 7, "Grenade"),
        ("A suicide bomber blew himself up at a market.", 2, 7, "Suicide bomb"),
        ("Protesters marched to parliament.", 6, None, "Peaceful protest"),
        ("Rioters torched cars and threw stones at police.", 5, 1, "Violent demonstration"),
        ("Gunmen killed three farmers.", 2, 7, "Attack"),
        ("Gunmen killed three soldiers.", 2, 1, "Armed clash"),
        ("Troops recaptured the town.", 1, None, "Government regains territory"),
        ("Troops captured the hill.", 1, None, "Government regains territory"),
        # a place taken after the other side left without a fight: no battle (ACLED: non-violent transfer)
        ("Rebels took control of the town after the army withdrew without a fight.", 2, None,
         "Non-violent transfer of territory"),
        ("Foreign troops captured the hill.", 8, None, "Non-state actor overtakes territory"),
        ("Militants seized control of the town.", 2, None, "Non-state actor overtakes territory"),
        ("Soldiers defused a bomb on the road.", 1, None, "Disrupted weapons use"),
        ("The two sides signed a ceasefire agreement.", 1, 2, "Agreement"),
        ("Army aviation struck hideouts in the orchards.", 1, 2, "Air/drone strike"),
        ("Coalition aircraft also struck reinforcements in the area.", 8, 2, "Air/drone strike"),
        ("Police dispersed a gathering of nurses outside the hospital.", 1, None, "Protest with intervention"),
        ("A military convoy of 30 vehicles entered the province.", 8, None, "Change to group/activity"),
        ("The two sides agreed to swap detainees in a deal signed at the crossing.", 1, 2, "Agreement"),
        ("Police shot into the crowd to disperse protesters, wounding four.", 1, 6,
         "Excessive force against protesters"),
        ("Soldiers fired at demonstrators blocking the road.", 1, 6, "Excessive force against protesters"),
        ("A crowd beat a suspected thief to death.", 7, 7, "Mob violence"),
        # stone-throwers who clash with troops riot; a mob lynches; protesters who burn property riot
        ("Villagers clashed with soldiers at the checkpoint, throwing stones.", 8, 1, "Violent demonstration"),
        ("A mob lynched a man accused of theft.", 5, 7, "Mob violence"),
        ("Protesters set fire to the house of a local official.", 6, None, "Violent demonstration"),
        ("Troops fired at a car near the checkpoint, wounding the driver.", 1, 7, "Attack"),
    ],
)  # fmt: skip
def test_rules_code_the_sub_event_type_from_context(text, agent, victims, expected):
    assert load_rules().code(text, agent=agent, victims=victims)["sub_event_type"] == expected


@pytest.mark.parametrize(
    ("text", "agent", "victims", "casualties", "expected"),
    [
        # people who burn tyres or smash windows, hurting no one, riot: a violent demonstration
        ("Young men set fire to tyres and closed the main road.", 7, None, False, "Violent demonstration"),
        ("A group of youths smashed the windows of a bank.", 7, None, False, "Violent demonstration"),
        # a crowd armed with sticks that hurts people of a protest camp is a mob, not a violent protest
        ("Supporters armed with sticks attacked the protest camp, injuring six protesters.", 7, 6, True,
         "Mob violence"),
        # settlers throwing stones at a village are rioters
        ("Settlers threw stones at houses in the village, wounding a man.", 4, 7, True, "Mob violence"),
    ],
)  # fmt: skip
def test_riots_are_told_by_what_the_crowd_did_and_to_whom(text, agent, victims, casualties, expected):
    coded = load_rules().code(text, agent=agent, victims=victims, casualties=casualties)
    assert coded["sub_event_type"] == expected


@pytest.mark.parametrize(
    ("text", "kind", "code"),
    [("protesters", None, 6), ("the national army", None, 1), ("a local militia", None, 3),
     ("villagers", None, 7), ("Popular Mobilization Forces", "ArmedGroup", 3), ("ISIS", "ArmedGroup", 2),
     ("An angry crowd", None, 7), ("Relatives of the victim", None, 7), ("Government air defences", None, 1),
     ("Asa'ib Ahl al-Haq", "ArmedGroup", 3), ("National Defence Forces", "ArmedGroup", 3), ("STC forces", None, 3),
     ("SNA-affiliated gunmen", None, 2), ("an unidentified armed group", "ArmedGroup", 3),
     # well-known rebels by their common names, and raiders of a community (identity militias)
     ("Maoists", None, 2), ("PDF fighters", None, 2), ("armed cattle raiders", None, 4),
     ("Fano militiamen", None, 4)],
)  # fmt: skip
def test_actor_types_get_acled_inter_codes(text, kind, code):
    assert load_rules().inter_of(text, kind) == code


@pytest.mark.parametrize(
    ("text", "fatalities", "injured"),
    [
        ("Gunmen killed 4 villagers and wounded 7 others.", 4, 7),
        ("The blast left three people dead.", 3, None),
        ("At least 12 people were killed.", 12, None),
        ("Shelling caused no casualties.", 0, None),
        ("A bomb exploded in 2019.", None, None),
        # one person named by a definite noun as a killing's object
        ("Masked men shot dead the imam of the mosque after evening prayers.", 1, None),
        ("A sniper killed the driver, wounding two passengers.", 1, 2),
        ("Troops killed the rest of the cell.", None, None),
        ("Troops killed the two gunmen.", None, None),
        # 'an unknown number' is no count of one
        ("Drones struck a base, killing an unknown number of fighters.", None, None),
        # two counts of one verb with no auxiliary: both sides' dead
        ("Four guards and at least 12 attackers died in the fighting.", 16, None),
    ],
)
def test_casualties_are_counted(text, fatalities, injured):
    found = casualties(text)
    assert (found.fatalities, found.injured) == (fatalities, injured)


@pytest.mark.parametrize(
    ("text", "fatalities", "injured"),
    [
        # counts joined by 'and' are one event's dead, summed over sides and kin
        ("Mortars hit a farm, killing a shepherd and his three daughters.", 4, None),
        ("A shell struck the yard, killing a man and one of his sons.", 2, None),
        ("Gunmen ambushed a car, killing a judge and his driver.", 2, None),
        ("The fighting left five rebels and three soldiers dead.", 8, None),
        ("The fighting ended, leaving six militants and one policeman dead, officials said.", 7, None),
        ("One guard was killed and four raiders died in the assault.", 5, None),
        # ... but not a count of the hurt, arrested or missing
        ("The raid killed 9 people and 14 were wounded.", 9, 14),
        ("Clashes left at least 6 people dead and 20 injured.", 6, 20),
        ("Troops killed two militants and three were arrested.", 2, None),
        # 'shot dead', 'stabbed to death' count their object
        ("Masked men shot dead a mechanic outside his garage.", 1, None),
        ("On 13 May 2020, a boy was killed and 2 others were injured.", 1, 2),  # not 2020 dead
        ("An assailant stabbed a refugee to death near the camp.", 1, None),
        ("Villagers beat two suspected thieves to death.", 2, None),
        ("A mob stabbed to death two traders at the market.", 2, None),
        # a killing that says why someone is held is not this event's dead
        ("Police arrested a man suspected of killing three guards in March.", None, None),
        ("Intelligence officers detained two men on suspicion of joining a cell that killed four soldiers.", None,
         None),
    ],
)  # fmt: skip
def test_joined_counts_add_up_and_reasons_for_an_arrest_do_not(text, fatalities, injured):
    found = casualties(text)
    assert (found.fatalities, found.injured) == (fatalities, injured)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Fighting hit Kafr Tala village, east of Marjan town.", ["Kafr Tala", "Marjan"]),
        ("Troops entered the town of Deir al-Balah.", ["Deir al-Balah"]),
        ("A blast hit Gombe commune in Kinshasa's east.", ["Gombe", "Kinshasa"]),
        ("Central Command (CENTCOM) said so.", []),
        ("In Kafr Zita, gunmen attacked a checkpoint.", ["Kafr Zita"]),  # sentence-initial preposition
        ("North Korea fired a missile.", []),  # a direction word that begins a name is no preposition
    ],
)
def test_place_phrases_are_found_in_text(text, names):
    assert [p.name for p in place_phrases(text)] == names


@pytest.mark.parametrize(
    ("text", "doc_date", "prefer", "value"),
    [
        ("Tuesday", "2026-12-01", "past", "2026-12-01"),  # the article's own Tuesday, not a week earlier
        ("Friday", "2026-12-01", "past", "2026-11-27"),
        ("Friday", "2026-12-01", "future", "2026-12-04"),  # a planned rally
        ("20 September", "2018-09-18", "past", "2018-09-20"),  # two days ahead, not last year
        ("Dec. 28", "2026-01-05", "past", "2025-12-28"),
    ],
)
def test_weekdays_and_yearless_dates_resolve_against_the_document_date(text, doc_date, prefer, value):
    assert normalise_date(text, doc_date, prefer).value == value


def test_intervals_stay_intervals():
    value = normalise_date("between 3 and 5 May 2023", "2023-05-10")
    assert (value.start, value.end) == ("2023-05-03", "2023-05-05")
    assert normalise_date("since 2014", "2023-05-10").start == "2014"


def test_an_armed_head_word_beats_a_civilian_word_of_a_name():
    rules = load_rules()
    assert rules.inter_of("Kurdistan Workers' Party militants", None) == 2
    assert rules.inter_of("striking workers", None) == 6


def _scanned(rules, text):
    """The cue classes by scanning every pattern (what the word check before the scans must not change)."""
    return {name for name, pattern in rules.cues.items() if pattern.search(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents SHELLED the base and KIDNAPPED two engineers.",
        "A roadside bomb exploded; the IEDs were found later.",
        "Rebels rode a mine-resistant truck.",  # a word inside a hyphenated one is no cue
        "The \u212aidnapping was reported on Tuesday.",  # the Kelvin sign matches 'k' case-insensitively
        "Residents \u201cfled\u201d the town after the airstrike.",
        "Nothing happened in the capital.",
        "",
    ],
)
def test_cue_classes_are_those_of_a_scan_of_every_pattern(text):
    rules = load_rules()
    assert rules.cues_in(text) == _scanned(rules, text)
