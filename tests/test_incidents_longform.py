"""The incident layer on long-form wire reports of our own (issue #12): headlines, sides counting their dead,
casualties told 'in the fighting', combined ground and air responses (real model)."""

from __future__ import annotations

import pytest

from kg.extract.coding import load_rules
from kg.extract.grouping import counts_told
from kg.extract.pipeline import InputDocument, extract
from kg.records import Incident


def _incidents(nlp, text: str, date: str = "2023-05-16") -> list[Incident]:
    return list(next(iter(extract(nlp, [InputDocument("t", text, date)]))).incidents)


def _codes(found: list[Incident]) -> list[tuple[str, str | None]]:
    return [(i.event_type, i.sub_event_type) for i in found]


def test_a_headline_the_lede_tells_again_joins_the_ledes_incident(nlp):
    # the headline's loose 'hit' codes an attack, the lede a clash: one happening, of the lede's code
    text = (
        "Gunmen hit army post in central Mali\n\n"
        "Militants attacked an army post near Sora village in the Mopti region on Monday, sparking a gunfight in "
        "which two soldiers and three attackers were killed, officials said."
    )
    found = _incidents(nlp, text)
    assert _codes(found) == [("Battles", "Armed clash")]
    assert found[0].evidence[0].text.startswith("Gunmen hit army post")


def test_a_headline_of_another_family_stays_its_own_incident(nlp):
    # a headline may be all a report says of a happening: arrests the body does not tell stay
    text = (
        "Police arrest protest leaders in Sora\n\n"
        "Rebels clashed with army troops near Tala village on Monday, officials said."
    )
    assert _codes(_incidents(nlp, text)) == [
        ("Strategic developments", "Arrests"),
        ("Battles", "Armed clash"),
    ]


@pytest.mark.parametrize(
    "follow_up",
    [
        "The army said in a statement on Tuesday that it had lost four soldiers and killed two of the attackers.",
        "The rebels said they had lost none of their own men.",
    ],
)
def test_a_side_counting_its_own_losses_adds_to_the_incident_told(nlp, follow_up):
    text = (
        "Rebels attacked an army post near Sora village on Monday, sparking a gunfight in which four soldiers "
        f"were killed, officials said.\n\n{follow_up}"
    )
    found = _incidents(nlp, text)
    assert _codes(found) == [("Battles", "Armed clash")]
    assert found[0].fatalities == 4  # a side's count of the dead told is no more dead


def test_the_dead_of_the_fighting_join_the_fighting_wherever_people_fled(nlp):
    text = (
        "Rebels seized Sora village on Monday after hours of fighting with the army, officials said.\n\n"
        "An official said five people were killed in the fighting and that families fled toward the town of Tala."
    )
    found = _incidents(nlp, text)
    assert [i.event_type for i in found] == ["Battles"]
    assert found[0].fatalities == 5


def test_ground_and_air_forces_responding_is_no_air_strike(nlp):
    text = (
        "Gunmen ambushed an army patrol near Sora village on Monday, killing three soldiers, the ministry said. "
        'It said "dozens" of attackers were killed when ground and air forces responded.'
    )
    assert "Air/drone strike" not in [i.sub_event_type for i in _incidents(nlp, text)]


def test_a_lede_whose_first_word_the_model_cut_off_is_one_sentence(nlp):
    text = (
        "Bandits kidnap 30 in Tala; police arrest suspect\n\n"
        "Gunmen on motorcycles abducted at least 30 people, most of them children, from the village of Sora in "
        "Tala state on Sunday, a local government official said."
    )
    doc = nlp(text)
    assert [s.text.split()[0] for s in doc.sents] == ["Bandits", "Gunmen"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Local vigilantes clashed with bandits near Sora village on 15 May 2023, killing four of the gunmen.",
         ("Battles", "Armed clash")),
        ("A mob beat a man to death in Sora town on 15 May 2023.", ("Riots", "Mob violence")),
        ("Hundreds of women held a vigil in Sora town on 15 May 2023.", ("Protests", "Peaceful protest")),
    ],
)  # fmt: skip
def test_vigilantes_who_fight_armed_men_fight_a_battle_and_hold_no_vigil(nlp, text, code):
    assert _codes(_incidents(nlp, text)) == [code]


def test_a_running_total_since_a_month_opens_no_incident(nlp):
    # 'since January' began on the first of January, more than the background weeks before the report
    text = "The monitor says the rebels have killed at least 50 soldiers in Sora province since January."
    assert _incidents(nlp, text, "2023-03-20") == []


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Five people were killed in the fighting, a doctor said.", True),
        ("Two of the attackers were killed, police said.", True),
        ("The militia said it had lost six fighters.", True),
        ("Five people were killed in a clash near the border.", False),  # a clash of its own
        ("Rebels stormed a village and lost two fighters.", False),  # a happening of its own
        ("The army lost control of the town.", False),
    ],
)
def test_counts_told_tells_the_dead_of_a_happening_told_before(text, told):
    assert counts_told(text, load_rules()) is told


def test_armed_men_who_loot_a_market_loot_and_do_not_protest(nlp):
    # 'loot' is an act of force, not the CAMEO protest verb it was read as
    text = (
        "On 15 May 2023, the fighters looted Sora's main market and the clinic pharmacy and set fire to several "
        "shops, residents said."
    )
    assert _codes(_incidents(nlp, text)) == [("Strategic developments", "Looting/property destruction")]


@pytest.mark.parametrize(
    ("text", "kept", "blanked"),
    [
        ('Police said force was used against "rioters" in the square.', "force", "rioters"),
        ("The group said it killed seven “traitors” in the raid.", "killed", "traitors"),
    ],
)
def test_a_word_or_two_in_quotation_marks_is_a_label_that_codes_nothing(nlp, text, kept, blanked):
    from kg.extract.cues import cue_text

    read = cue_text(next(nlp(text).sents), [], load_rules())[0]
    assert kept in read and blanked not in read


def test_what_a_side_says_of_the_strike_told_before_adds_to_it(nlp):
    # 'the strike' is the strike told before: more of it, wherever it came from (no interception of its own)
    text = (
        "Missiles struck a fuel depot near Sora town early on Monday, killing two guards, a monitor said.\n\n"
        "The army said in a statement that the strike, launched from the direction of the Tala hills, caused "
        '"material damage only" and that air defences had shot down most of the missiles.'
    )
    assert _codes(_incidents(nlp, text)) == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # who an actor is, told in a past relative clause set off by commas: no happening
        ("The militia, which fought the rebels alongside the army, vowed to defend Sora town.", 0),
        # a dated one tells a happening
        ("The militia, which fought the rebels near Sora town on 14 May 2023, lost two men.", 1),
    ],
)
def test_what_an_actor_once_did_told_aside_opens_no_incident(nlp, text, count):
    assert len(_incidents(nlp, text)) == count


def test_a_new_forward_base_is_a_base_established(nlp):
    text = "The ministry said the army had set up a new forward base at Sora on 15 May 2023 to secure the border."
    assert _codes(_incidents(nlp, text)) == [("Strategic developments", "Headquarters or base established")]
