"""Group nouns (kg.extract.actors.groups): a people, its armed groups and the land it holds, with the real model."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def _by_text(nlp, text: str) -> dict[str, tuple[str, str, bool]]:
    return {f.span.text: (f.key, f.kind, f.local) for f in nlp(text)._.kg_mentions if not f.secondary}


def test_the_people_stays_the_group(nlp):
    found = _by_text(nlp, "Kurds marked Nowruz in Qamishli on Friday.")
    assert found["Kurds"] == ("kurds", "EthnoReligiousGroup", False)


@pytest.mark.parametrize("text", ["Kurdish forces shelled the village.", "Arab fighters attacked the post."])
def test_a_people_and_a_force_noun_is_a_local_armed_group(nlp, text):
    mention = " ".join(text.split()[:2])
    key, kind, local = _by_text(nlp, text)[mention]
    assert kind == "ArmedGroup" and local and key not in {"kurds", "arabs"}


def test_the_armed_group_the_text_calls_led_by_that_people_is_the_one_meant(nlp):
    text = "The Kurdish-led Syrian Democratic Forces (SDF) denied it. Kurdish forces withdrew on Monday."
    assert _by_text(nlp, text)["Kurdish forces"][0] == "sdf"


def test_land_held_by_a_people_is_a_region_not_the_people(nlp):
    found = _by_text(nlp, "Kurds fled to Kurdish-held areas last week.")
    assert found["Kurdish-held areas"][1] == "Region"
    assert found["Kurdish-held areas"][0] != found["Kurds"][0]


def test_an_administration_run_by_a_people_is_not_the_people(nlp):
    found = _by_text(nlp, "The Kurdish-run administration denied it.")
    assert all(key != "kurds" for key, _, _ in found.values())


def test_an_ethnic_people_named_like_a_place_is_the_people_not_the_place(nlp):
    found = _by_text(nlp, "Ethnic Rakhine Buddhists fled Sittwe as fighting spread across Rakhine State.")
    key, kind, local = found["Ethnic Rakhine Buddhists"]
    assert kind == "EthnoReligiousGroup" and local and key != found["Rakhine State"][0]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("A Japanese delegation visited Beijing on Monday.", "Japanese delegation"),
        ("The state-run Egyptian daily condemned the raid.", "Egyptian daily"),
    ],
)
def test_a_countrys_delegation_or_newspaper_acts(nlp, text, agent):
    from kg.extract.recorder import records_from_doc

    record = records_from_doc(nlp(text))
    labels = {e.key: e.label for e in record.entities}
    assert agent in [labels[k] for e in record.events for k in e.roles.get("agent", ())]
