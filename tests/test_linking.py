"""The event-place linker on short sentences of our own, parsed by the real model."""

from __future__ import annotations

import pytest

from kg.extract.candidates import Places
from kg.extract.linking import MIN_CONFIDENCE, link_place, nearest_place
from kg.extract.recorder import records_from_doc


def _link(nlp, text: str, verb: str):
    doc = nlp(text)
    record = records_from_doc(doc)
    anchor = next(t for t in doc if t.text == verb)
    return link_place(Places(anchor.sent, list(record.entities), {}), anchor, {anchor.i})


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # a place under a locative preposition of the event's clause
        ("Gunmen shot a trader in Kano on Monday.", "shot", "Kano"),
        ("Police arrested five men near Mosul after the attack.", "arrested", "Mosul"),
        # the event's own object
        ("Government jets bombed Aleppo on Sunday.", "bombed", "Aleppo"),
        # the town before the country or region named with it
        ("Soldiers shot a protester near the West Bank city of Hebron.", "shot", "Hebron"),
        ("Militants killed three civilians in Kobane, Syria, on Tuesday.", "killed", "Kobane"),
    ],
)
def test_the_place_attached_to_the_event_is_linked(nlp, text, verb, place):
    link = _link(nlp, text, verb)
    assert link is not None and link.name == place
    assert link.confidence >= MIN_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "verb", "not_place"),
    [
        # a place that acts is no location: subjects, agents, demonyms
        ("Israel shot two militants on Friday.", "shot", "Israel"),
        ("Two militants were shot by Israel on Friday.", "shot", "Israel"),
        ("Iraqi soldiers arrested a suspect on Friday.", "arrested", "Iraqi"),
    ],
)
def test_places_that_act_are_not_linked(nlp, text, verb, not_place):
    link = _link(nlp, text, verb)
    assert link is None or link.name != not_place


def test_a_place_hanging_from_another_preposition_is_less_sure_than_a_locative_one(nlp):
    near = _link(nlp, "Rebels attacked a convoy near Kandahar on Monday.", "attacked")
    away = _link(nlp, "Rebels attacked a convoy on Monday, officials from Pakistan said.", "attacked")
    assert near is not None and near.rule == "locative"
    assert away is None or away.confidence < near.confidence


def test_nearest_place_keeps_only_confident_links(nlp):
    doc = nlp("Rebels attacked a convoy on Monday, officials from Pakistan said.")
    record = records_from_doc(doc)
    anchor = doc[1]
    link = link_place(Places(anchor.sent, list(record.entities), {}), anchor, {anchor.i})
    name, _ = nearest_place(Places(anchor.sent, list(record.entities), {}), anchor, {anchor.i})
    assert name == (link.name if link and link.confidence >= MIN_CONFIDENCE else None)


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # a place only measured from is not the event's place
        ("Gunmen killed a family of four in Dura, south of Baghdad, on Monday.", "killed", "Dura"),
        ("Gunmen killed two guards in Hit, 100 km from Baghdad, on Monday.", "killed", "Hit"),
    ],
)
def test_a_reference_point_does_not_beat_the_place(nlp, text, verb, place):
    link = _link(nlp, text, verb)
    assert link is not None and link.name == place


def test_in_the_north_of_a_place_is_in_it(nlp):
    link = _link(nlp, "Troops clashed with rebels in the north of Mali on Monday.", "clashed")
    assert link is not None and link.name == "Mali" and link.rule == "locative"


def test_a_based_place_is_not_the_location(nlp):
    link = _link(nlp, "Gunmen attacked the offices of the Doha-based channel on Monday.", "attacked")
    assert link is None or link.name != "Doha"


@pytest.mark.parametrize(
    ("text", "verb", "key"),
    [
        # a place named with its feature word ('district' heads the phrase) is a named place, linked by its key
        ("Rebels bombed a police post in Saptari district on Monday.", "bombed", "saptari-district"),
        (
            "Gunmen killed a village elder in Mogadishu's Yaqshid district on Sunday.",
            "killed",
            "yaqshid-district",
        ),
    ],
)
def test_a_named_feature_place_is_linked_with_its_key(nlp, text, verb, key):
    link = _link(nlp, text, verb)
    assert link is not None and link.key == key and link.rule == "locative"


def test_a_country_whose_capital_the_place_is_does_not_come_first(nlp):
    # 'the capital of Colombia' says what Bogota is: Colombia is no capital and no sharper place
    record = records_from_doc(
        nlp(
            "Two bombs were detonated at bus stations in southern Bogota, the capital of Colombia, on Tuesday."
        )
    )
    (bombing,) = [e for e in record.events if e.type == "Bombing"]
    labels = {e.key: e.label for e in record.entities}
    assert labels[bombing.roles["place"][0]] == "Bogota"


def test_the_event_takes_the_linked_feature_place(nlp):
    record = records_from_doc(nlp("Rebels bombed a police post in Saptari district on Monday."))
    (bombing,) = [e for e in record.events if e.type == "Bombing"]
    assert bombing.roles["place"] == ("saptari-district",)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a passive subject only the model calls a town is a person: the event takes the place of its clause
        ("Ocalan was captured in 1999 in Kenya.", "Kenya"),
        ("Zeevi was shot in a Jerusalem hotel on Wednesday.", "Jerusalem"),
    ],
)
def test_a_guessed_town_as_passive_subject_is_not_the_event_place(nlp, text, place):
    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    event = next(e for e in record.events if e.roles.get("place"))
    assert labels[event.roles["place"][0]] == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the clause's own object, surely linked and more specific, beats the broader place the parse gave
        ("In Syria, militants shelled the settlement of Mortlu on Monday.", "Mortlu"),
        ("In northern Iraq, gunmen attacked the town of Tuz Khurmatu on Friday.", "Tuz Khurmatu"),
    ],
)
def test_a_sharper_linked_place_comes_first(nlp, text, place):
    record = records_from_doc(nlp(text))
    named = {e.key: {m.text for m in e.mentions} for e in record.entities}
    (attack,) = [e for e in record.events if e.type == "Attack"]
    assert place in named[attack.roles["place"][0]]
    assert len(attack.roles["place"]) == 2  # the broader place stays, second


def _first_place(nlp, text: str, verb: str) -> str | None:
    """The first place of the event on ``verb``, as a mention text."""
    doc = nlp(text)
    record = records_from_doc(doc)
    start = text.index(verb)
    event = next(e for e in record.events if e.trigger.start <= start < e.trigger.end)
    keys = event.roles.get("place", ())
    named = {e.key: e.mentions[0].text for e in record.entities}
    return named.get(keys[0]) if keys else None


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # the name before a word for a part of a place names that part; the 'of'-phrase holds it
        (
            "Gunmen killed two farmers in the Qala Bakr area of Mandol District on Monday.",
            "killed",
            "Qala Bakr",
        ),
        ("Rebels shelled the Raman district of Yala on Sunday night.", "shelled", "Raman"),
        (
            "Gunmen killed four villagers on Tuesday in Tadjentat area in Chlef province.",
            "killed",
            "Tadjentat",
        ),
        # after 'suburb' or 'neighbourhood' the 'of'-phrase names the part
        ("A trader was shot dead in the Colombo suburb of Maharagama on Friday.", "shot", "Maharagama"),
    ],
)
def test_the_named_part_of_a_place_is_the_event_place(nlp, text, verb, place):
    assert place in (_first_place(nlp, text, verb) or "")


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # a scene-setting opener is the wider frame: the clause's own place comes first
        (
            "In Kandahar, six men were killed by a roadside bomb on Friday in Maiwand district.",
            "killed",
            "Maiwand",
        ),
        (
            "In Bosnia, a soldier was shot in the leg while driving through the suburb of Ilidza.",
            "shot",
            "Ilidza",
        ),
    ],
)
def test_a_scene_setting_opener_comes_after_the_clause_place(nlp, text, verb, place):
    assert place in (_first_place(nlp, text, verb) or "")


def test_a_place_in_a_parenthesised_parent_is_not_the_event_place(nlp):
    text = "Police arrested five young men during a raid on Jasim city (Izra district, Daraa) on 20 July."
    assert _first_place(nlp, text, "arrested") == "Jasim"


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        ("Fighter jets patrolled the skies above Bordeaux on Sunday.", "patrolled", "Bordeaux"),
        ("Gunmen opened fire beside the Mosul bridge near the town of Tal Afar.", "opened", "Tal Afar"),
    ],
)
def test_more_locative_prepositions_link_the_place(nlp, text, verb, place):
    link = _link(nlp, text, verb)
    assert link is not None and place in link.name and link.rule == "locative"


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # a word of a date is no place, even when a gazetteer knows a town of that name
        ("The smuggler was captured Jan. 15 in Panama and sent to the United States.", "captured", "Panama"),
    ],
)
def test_a_date_is_not_the_event_place(nlp, text, verb, place):
    assert _first_place(nlp, text, verb) == place


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # a locative phrase on the verb's object: where the object was
        ("The air force struck rebel positions at the village of Kafr Roumeh on Monday.", "struck", "Kafr Roumeh"),
        # the name a feature word's 'of' gives, before the wider place after it
        ("Jets struck army depots at the town of Mayadin in eastern Deir Ezzor.", "struck", "Mayadin"),
        # 'X town of Y State': X names the town
        ("Gunmen attacked farms around the hills of Gwoza town of Borno State on Monday.", "attacked", "Gwoza"),
        # an event another event brings about takes its place
        ("Militants carried out an ambush in the Jaroud region on Thursday, killing twelve soldiers.", "killing",
         "Jaroud"),
        ("A bomb targeting a passenger bus in southern Pakistan killed five people on Sunday.", "killed",
         "Pakistan"),
    ],
)  # fmt: skip
def test_the_event_takes_the_place_its_object_or_cause_names(nlp, text, verb, place):
    assert place in (_first_place(nlp, text, verb) or "")


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # a surely attached place of the same kind beats the one beside it
        (
            "A car bomb exploded at a busy market in Tavor town near Dalmun, killing nine.",
            "exploded",
            "Tavor",
        ),
        # a name measured from a place is recognised and is where the act was, not the reference point
        (
            "Rebels captured Kelbani, about 200 miles (322 kilometers) north of Mogadishu, on Monday.",
            "captured",
            "Kelbani",
        ),  # fmt: skip
    ],
)
def test_the_attached_place_beats_the_one_beside_it(nlp, text, verb, place):
    assert place in (_first_place(nlp, text, verb) or "")


def test_a_participle_after_a_clause_with_no_event_verb_takes_the_place_of_the_event_inside_it(nlp):
    text = "Militants unleashed violence in a wave of attacks in the Tarnak district of Zabul, killing 23 people."
    assert _first_place(nlp, text, "killing") == "Tarnak"


def test_a_reference_point_is_not_the_event_place_when_another_place_is_named(nlp):
    text = "Students marched from a square in Tegor, a town 75 kilometres northeast of Bagan, witnesses said."
    assert _first_place(nlp, text, "marched") != "Bagan"


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # an embassy is where a country is represented: the event is placed in the city it stands in
        ("Hundreds protested outside the Ruritanian embassy in Lusaka on Friday.", "protested", "Lusaka"),
        ("Gunmen shot a guard outside the Danish Embassy in Kigali on Monday.", "shot", "Kigali"),
    ],
)
def test_an_embassy_is_placed_in_its_city(nlp, text, verb, place):
    assert _first_place(nlp, text, verb) == place


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # a named region lies in its 'of'-place, even when the parser calls the name's last word an adjective
        (
            "Rebels launched an offensive in the East Qalmun region of rural Homs on Monday.",
            "offensive",
            "Qalmun",
        ),
    ],
)
def test_the_named_part_inside_a_phrase_is_the_event_place(nlp, text, verb, place):
    assert place in (_first_place(nlp, text, verb) or "")


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # a place of the verb coordinated with the event's belongs to that verb's act
        ("The rebel commander was captured near Kandahar in 2002 and spent six years in a jail in Kabul.", "captured",
         "Kandahar"),
        ("A trader was shot by gunmen in Kano and a guard was stabbed in Zaria.", "shot", "Kano"),
    ],
)  # fmt: skip
def test_a_place_of_another_coordinated_clause_does_not_beat_the_events_own(nlp, text, verb, place):
    link = _link(nlp, text, verb)
    assert link is not None and link.name == place


def test_a_place_of_another_coordinated_clause_is_less_sure(nlp):
    text = "The rebel commander was captured in 2002 and spent six years in a jail in Kabul."
    link = _link(nlp, text, "captured")
    assert link is None or link.confidence < 0.7


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("A spokesman told reporters in Kinshasa that the army had retaken a village.", "retaken"),
        ("Officials said in Baghdad that five people were killed.", "killed"),
    ],
)
def test_where_an_event_was_told_is_not_where_it_happened(nlp, text, verb):
    link = _link(nlp, text, verb)
    assert link is None
    (event,) = [e for e in records_from_doc(nlp(text)).events if e.trigger.text == verb]
    assert not event.roles.get("place")


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # the place is the event's own or the speaker's ('police in Kabul'), not the telling's
        ("Five people were killed in Baghdad, officials said.", "killed", "Baghdad"),
        ("Police in Kabul said two bombs exploded near a mosque.", "exploded", "Kabul"),
        ("In Tawila, the World Food Programme said a convoy carrying food had arrived.", "convoy", "Tawila"),
    ],
)
def test_a_place_outside_the_telling_clause_still_locates(nlp, text, verb, place):
    doc = nlp(text)
    record = records_from_doc(doc)
    names = {e.key: {e.label, *(m.text for m in e.mentions)} for e in record.entities}
    (event,) = [e for e in record.events if verb in e.trigger.text]
    assert place in names[event.roles["place"][0]]
