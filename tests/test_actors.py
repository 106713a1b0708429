"""Actor and place resolution on short texts with the real model: one behaviour per test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration


def _found(nlp, text):
    return {(f.span.text, f.key, f.kind) for f in nlp(text)._.kg_mentions if not f.secondary}


def _keys(nlp, text):
    return {key for _, key, _ in _found(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colonel Bakary Sanogo said the convoy was hit. Sanogo added that troops responded.",
         {("Colonel Bakary Sanogo", "bakary-sanogo", "Person"), ("Sanogo", "bakary-sanogo", "Person")}),
        ("The Rapid Support Forces (RSF) shelled the camp. The RSF denied it.",
         {("Rapid Support Forces", "rsf", "ArmedGroup"), ("RSF", "rsf", "ArmedGroup")}),
    ],
)  # fmt: skip
def test_titles_surnames_and_acronyms_join_one_node(nlp, text, expected):
    assert expected <= _found(nlp, text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Mali's military government expelled the envoy.", "mali-government"),
        ("Syrian government forces shelled the town.", "syria-government"),
        ("Kyiv said the drones were shot down.", "ukraine-government"),
        ("U.S. forces left the base.", "usa"),
    ],
)
def test_governments_and_countries_acting(nlp, text, key):
    assert key in _keys(nlp, text)


def test_a_capital_that_acts_is_the_government_and_stays_a_city_elsewhere(nlp):
    found = _found(nlp, "Damascus claims the escapees were recaptured. Shops reopened in Damascus on Monday.")
    kinds = {(text, kind) for text, _, kind in found}
    assert ("Damascus", "Government") in kinds and ("Damascus", "City") in kinds


def test_a_bare_name_means_the_camp_the_text_names(nlp):
    found = _found(nlp, "Families remain in the al-Hawl camp. Conditions in al-Hawl are dire.")
    assert {key for text, key, _ in found if "Hawl" in text} == {"al-hawl-camp"}


def test_headline_words_the_body_uses_as_common_nouns_are_not_places(nlp):
    text = "U.S. Moves Male Prisoners To Iraq\nOfficials said male detainees were moved to Iraq."
    assert "male" not in _keys(nlp, text) and "iraq" in _keys(nlp, text)


def test_sources_line_gives_cited_sources_not_actors(nlp):
    doc = nlp("Rebels attacked the town, police said.\nSources: Reuters, Human Rights Watch.")
    assert {f.key for f in doc._.kg_cited} == {"reuters", "human-rights-watch"}
    assert not {"reuters", "human-rights-watch"} & {f.key for f in doc._.kg_mentions}


@pytest.mark.parametrize(
    ("text", "acting", "located"),
    [
        ("Kabul accused Islamabad of shelling.", {"pakistan-government"}, set()),
        (
            "Talks between Kyiv and Moscow resumed in Istanbul.",
            {"ukraine-government", "russia-government"},
            set(),
        ),
        ("According to Baghdad, the drones came from the south.", {"iraq-government"}, set()),
        ("Russian missiles struck Kyiv overnight.", set(), {"kyiv"}),
        ("Shops reopened in Moscow.", set(), {"moscow"}),
    ],
)
def test_capitals_act_as_parties_but_stay_places_as_locations(nlp, text, acting, located):
    keys = _keys(nlp, text)
    assert acting <= keys and located <= keys


def test_owner_and_media_head_belong_to_the_name(nlp):
    doc = nlp("Russia's Africa Corps patrolled near Kidal. ISWAP spoke through the Amaq news agency.")
    primary = {f.span.text: f.key for f in doc._.kg_mentions if not f.secondary}
    assert primary["Russia's Africa Corps"] == "africa-corps" and primary["Amaq news agency"] == "amaq"
    assert any(f.key == "russia" and f.secondary for f in doc._.kg_mentions)  # Russia is still mentioned


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the model stops before "party": the name takes it in, and a town of the same name is not meant
        ("The Labour party said the government must resign.", ("Labour party", "PoliticalParty")),
        ("The Umma party said it will boycott the elections.", ("Umma party", "PoliticalParty")),
    ],
)
def test_a_name_before_party_is_the_party(nlp, text, expected):
    assert expected in {(span, kind) for span, _, kind in _found(nlp, text)}


def test_a_party_name_modifying_another_noun_stays_as_it_was(nlp):
    # "Labour party official" is a person; "party" is not the head of the phrase
    assert not any(span.endswith("party") for span, _, _ in _found(nlp, "A Labour party official resigned."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the model calls a people a person; a gazetteer match on its nationality word must not win
        ("Bosnian Serbs demanded a truce.", ("Bosnian Serbs", "EthnoReligiousGroup")),
        ("Syrian Kurds fought Turkish troops.", ("Kurds", "EthnoReligiousGroup")),
    ],
)
def test_a_people_named_with_its_nationality_is_a_group(nlp, text, expected):
    assert expected in {(span, kind) for span, _, kind in _found(nlp, text)}


@pytest.mark.parametrize("text", ["Gunmen attacked Kirkuk on Sunday.", "Gunmen fired at police in Quetta."])
def test_a_plural_common_noun_the_model_takes_for_a_name_is_no_place(nlp, text):
    assert ("gunmen", "Group") in {(span.lower(), kind) for span, _, kind in _found(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the army" of the one country the text names; with two countries, no guess
        ("Syrian troops advanced. The army shelled Saraqib on Monday.", ("army", "Syrian army")),
        ("Turkey and Syria traded fire. The army shelled the town.", ("army", "army")),
        ("The regime bombed Idlib on Sunday.", ("regime", "regime")),
    ],
)
def test_an_institution_named_with_the_alone_is_a_local_actor(nlp, text, expected):
    mentions = {(f.span.text, f.label) for f in nlp(text)._.kg_mentions if f.entry is None}
    assert expected in mentions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the members of a named group are that group's members
        (
            "Suspected members of ETA detonated four small bombs in Spain.",
            "Basque Fatherland and Freedom members",
        ),
        ("Fighters of the Islamic State attacked a checkpoint in Kirkuk.", "Islamic State fighters"),
    ],
)
def test_members_of_a_named_group_are_its_members(nlp, text, expected):
    found = {f.label: f for f in nlp(text)._.kg_mentions}
    assert expected in found and found[expected].member_of is not None


@pytest.mark.integration
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On 2 May 2021, residents of Al-Mayadeen (Deir-ez-Zor) protested against the militias.", "City"),
        ("Clashes erupted in Al-Mayadeen on Monday.", "City"),
        ("Al Mayadeen reported that the army shelled Hama.", "MediaOrganization"),  # the channel
    ],
)
def test_a_name_both_a_channel_and_a_town_is_the_town_where_the_sentence_places_it(nlp, text, kind) -> None:
    (found,) = [f for f in nlp(text)._.kg_mentions if "mayadeen" in f.span.text.lower()]
    assert found.kind == kind


@pytest.mark.integration
def test_a_lowercase_word_the_model_tags_as_a_place_is_none(nlp) -> None:
    mentions = nlp("A military court sentenced the former president to death in absentia.")._.kg_mentions
    assert not [f for f in mentions if f.span.text == "absentia"]


@pytest.mark.integration
def test_an_event_word_opening_a_sentence_is_no_name(nlp) -> None:
    mentions = nlp("Riot police dispersed students with tear gas in Accra on Monday.")._.kg_mentions
    assert [f.span.text for f in mentions] == ["Accra"]
