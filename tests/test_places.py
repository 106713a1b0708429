"""Places the text marks as places (real model): kinds by the feature word, stated parents, a point from the
nearest parent, and names that are never actors. Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.actors.places import is_non_actor
from kg.extract.pipeline import InputDocument, extract


def _entities(nlp, text: str) -> dict[str, object]:
    record = next(extract(nlp, [InputDocument("t", text)]))
    return {m.text: e for e in record.entities for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Gunmen stormed Umm Batna village overnight, residents said.", "Umm Batna", "City"),
        ("Militia fighters shelled the town of Kassab on Friday.", "Kassab", "City"),
        ("Fighting spread to Shiqaq district after dawn.", "Shiqaq", "AdministrativeRegion"),
        ("Hundreds fled to Bakhsh camp near the border.", "Bakhsh", "Facility"),
    ],
)
def test_a_feature_word_makes_a_place_of_its_kind(nlp, text: str, name: str, kind: str) -> None:
    entity = next(e for t, e in _entities(nlp, text).items() if name in t)
    assert entity.kind == kind and entity.is_place


def test_a_place_without_a_match_is_local_and_takes_its_parents_point(nlp) -> None:
    found = _entities(nlp, "Shelling hit Kafr Zaytoun village, north of Suqaylabiyah town, on Monday.")
    village, town = found["Kafr Zaytoun"], found["Suqaylabiyah"]
    assert village.scoped and not town.scoped and town.key in village.located_in
    assert (village.lat, village.lon) == (town.lat, town.lon) and village.precision == town.precision


def test_parenthesised_parents_are_stated_in_order(nlp) -> None:
    found = _entities(nlp, "Clashes erupted in Sarmin (Idleb district, Idleb governorate) on Monday.")
    assert found["Sarmin"].is_place and found["Sarmin"].located_in


@pytest.mark.parametrize("text", ["RPG", "RPGs", "12.7mm", "Eid al-Adha", "Nowruz", "Kornet", "VBIED"])
def test_weapons_holidays_and_calibres_are_not_actors(text: str) -> None:
    assert is_non_actor(text)


@pytest.mark.parametrize("text", ["Hassan", "Ahmed al-Sharaa", "Houthis", "Menaka"])
def test_names_are_not_taken_for_weapons(text: str) -> None:
    assert not is_non_actor(text)


def test_an_unknown_organisation_is_an_organisation_not_an_ngo(nlp) -> None:
    found = _entities(nlp, "The Zawiya Trading Council said its warehouses in Misrata were looted.")
    kinds = {e.kind for t, e in found.items() if "Council" in t}
    assert kinds and "NonGovernmentalOrganization" not in kinds


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Drones struck the villages of Kafr Halab, Umm Jurn and Dabsha overnight.",
            ["Kafr Halab", "Umm Jurn"],
        ),
        ("Patrols moved through Sholgara and Chimtal districts on Friday.", ["Sholgara", "Chimtal"]),
        ("Gunmen raided Gidan Rimi, a small village near Kadarko, before dawn.", ["Gidan Rimi"]),
    ],
)
def test_places_in_lists_and_appositions_are_places(nlp, text: str, names: list[str]) -> None:
    found = _entities(nlp, text)
    for name in names:
        entity = next(e for t, e in found.items() if name in t)
        assert entity.is_place, (name, entity.kind)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a bare name the gazetteer knows, right after a verb of taking, entering or patrolling a place
        ("Rwandan-backed rebels captured Kisangani, Congo's third city, on March 15.", "Kisangani"),
        ("Hundreds of demonstrators marched through Bujumbura on Saturday.", "Bujumbura"),
        # a feature word before the name
        ("A policeman was killed in the capital Grozny on Monday.", "Grozny"),
        # a capital that owns streets or a station is where something happened, not its government
        ("Riot police patrolled Harare's streets after the vote.", "Harare"),
        ("About 100 people demonstrated near Riga's central railway station on Saturday.", "Riga"),
        ("Clashes erupted in eastern Ghouta near Damascus on Monday.", "Ghouta"),  # past a direction word
    ],
)
def test_names_in_locative_positions_are_places(nlp, text: str, name: str) -> None:
    entity = _entities(nlp, text)[name]
    assert entity.is_place and entity.kind == "City"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Damascus's decision angered Ankara on Monday.", "Damascus"),  # a capital that decides acts
        ("Police captured Smith on Monday in the capital.", "Smith"),  # a name the gazetteer has no place for
    ],
)
def test_acting_capitals_and_unknown_names_are_not_places(nlp, text: str, name: str) -> None:
    assert not _entities(nlp, text)[name].is_place


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Troops entered Zabdeen and patrolled through Douma on Monday.", ["Zabdeen", "Douma"]),
        ("Rebels captured Birao's airport.", ["Birao"]),
        ("Shelling hit houses in Kafr\nNabl on Monday.", []),  # a name run over a line break is no name
    ],
)
def test_locative_names_follow_prepositions_and_verbs_of_taking_a_place(text: str, names: list[str]) -> None:
    from kg.extract.actors.places import locative_names

    assert [p.name for p in locative_names(text)] == names


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        # the place phrase hangs on one of two coordinated verbs and says where both happened
        ("Three guards were killed and nine wounded in an ambush near the town of Marka.", "Killing", "Marka"),
        ("A settler shot and killed two shepherds near the village of Tuqu.", "Attack", "Tuqu"),
        # the 'of'-name of a feature word inside a locative phrase ('near the West Bank city of Jenin')
        ("Troops shot a farmer in a field near the West Bank city of Jenin.", "Attack", "Jenin"),
    ],
)  # fmt: skip
def test_coordinated_verbs_share_the_place_one_of_them_states(nlp, text: str, kind: str, place: str) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    (event, *_) = [e for e in record.events if e.type == kind]
    assert [labels[k] for k in event.roles.get("place", ())][:1] == [place]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "verb", "partners"),
    [
        ("Two guards were killed and eight wounded in the raid.", "killed", ["wounded"]),
        ("Gunmen shot and killed a teacher.", "shot", ["killed"]),
        # a conjunct with its own subject and auxiliary is a clause of its own
        ("A driver was shot in Kano, and a guard was wounded on the highway.", "shot", []),
    ],
)  # fmt: skip
def test_coordinated_verbs_are_one_act_unless_the_conjunct_is_a_clause_of_its_own(nlp, text, verb, partners):
    from kg.extract.events.places import coordinated

    doc = nlp(text)
    (head,) = [t for t in doc if t.text == verb]
    assert [t.text for t in coordinated(head)] == partners


@pytest.mark.integration
@pytest.mark.parametrize(
    "text",
    [
        "Militants fired Katyusha rockets at the base near Kirkuk.",
        "Government forces fired Grad rockets at Kadugli on Sunday.",
    ],
)
def test_a_weapon_named_like_a_village_is_no_place(nlp, text: str) -> None:
    # GeoNames lists villages called Katyusha and Grad; in a sentence about rockets they are weapons
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    places = {
        e.label.lower() for e in record.entities if e.kind in {"City", "Region", "AdministrativeRegion"}
    }
    assert places and not places & {"katyusha", "grad"}


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "faith"),
    [
        ("Seven worshippers were shot dead in a Sunni neighbourhood of Basra.", "sunni"),
        ("The Hindu village near the river protested against the dam.", "hindu"),
        ("A bomb exploded near a Shia mosque in Quetta.", "shia"),
    ],
)
def test_a_faith_named_like_a_village_is_no_place(nlp, text: str, faith: str) -> None:
    # GeoNames lists villages called Sunni, Hindu and Shia; before a noun they name a faith
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    assert faith not in {e.label.lower() for e in record.entities if e.is_place}


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Masked men shot Odeh outside his shop in Amman.", "Odeh", "Person"),  # the model says GPE
        ("Police arrested Kafri near the market in Homs.", "Kafri", "Person"),
        ("The man was charged with murdering his wife Bethany.", "Bethany", "Person"),
        ("Masked men shot Odeh outside his shop in Amman.", "Amman", "City"),
        ("Rebels shelled Odeh on Monday.", "Odeh", "City"),  # shelling takes places, and the name stays one
    ],
)
def test_a_name_shot_arrested_or_named_as_a_relative_is_a_person(
    nlp, text: str, name: str, kind: str
) -> None:
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    assert kind in {e.kind for e in record.entities if e.label == name}
