"""Place phrases found from the text's own patterns (no model): feature words after and before the name."""

from __future__ import annotations

import pytest

from kg.extract.toponyms import place_phrases


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        ("Five villagers were killed during shelling in the Hajira sector on Monday.", "Hajira", "sector"),
        ("Rebels shot down an aircraft at the Palali airstrip.", "Palali", "airstrip"),
        ("Gunmen opened fire in the Cite Soleil shantytown overnight.", "Cite Soleil", "shantytown"),
        ("A policeman was killed in the capital Grozny on Monday.", "Grozny", "capital"),
        ("Rebels plan to march on the Zairean capital, Kinshasa.", "Kinshasa", "capital"),
    ],
)
def test_a_feature_word_names_the_place_beside_it(text: str, name: str, feature: str) -> None:
    assert (name, feature) in [(p.name, p.feature) for p in place_phrases(text)]


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        ("Rebels plan to march on the Zairean capital Kinshasa.", "Zairean"),  # the demonym only qualifies it
        ("Capital Radio said the capital of Syria was calm.", "Capital Radio"),
    ],
)
def test_capital_marks_only_the_name_after_it(text: str, not_name: str) -> None:
    assert not_name not in [p.name for p in place_phrases(text) if p.feature == "capital"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Arabic toponym heads begin the place's own name
        ("Troops stormed the southern slope of Tal Al-Bardah on Monday.", "Tal Al-Bardah"),
        ("An offensive to take back Wadi Barada began on Friday.", "Wadi Barada"),
        ("Rebels shelled Kafr Nabl and Deir Hafer.", "Deir Hafer"),
        # a capitalised landform word after a name
        ("Fighting broke out in the Kodori Gorge on Thursday.", "Kodori"),
    ],
)
def test_toponym_heads_and_landforms_name_places(text: str, name: str) -> None:
    assert name in [p.name for p in place_phrases(text)]


@pytest.mark.parametrize(
    "text", ["Imran Khan spoke to reporters.", "Christopher Hill met the minister.", "Tom Ridge said so."]
)
def test_heads_that_also_end_or_begin_peoples_names_make_no_place(text: str) -> None:
    assert place_phrases(text) == []


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        (
            "Gunmen killed a farmer in Kalaba, 60 kilometres (37 miles) north of Dorlin, on Sunday.",
            "Kalaba",
            "Dorlin",
        ),
        ("Rebels seized Tamora, about 200 miles west of the capital Varnu, last week.", "Tamora", "Varnu"),
        ("Merzan, some 12 km to the south-east of Ostrel, was shelled overnight.", "Merzan", "Ostrel"),
    ],
)
def test_a_name_measured_from_a_place_is_a_place_inside_it(text: str, name: str, parent: str) -> None:
    assert (name, (parent,)) in [(p.name, p.parents) for p in place_phrases(text)]


def test_a_name_may_begin_with_the_arabic_article_in_lower_case() -> None:
    phrases = place_phrases("Troops shelled the town of al-Ruwaida and a market in el-Barid.")
    assert [p.name for p in phrases] == ["al-Ruwaida", "el-Barid"]


_NEEDS_TEXTS = [
    "Officials of Kabul and the town of al-Tall met the governor of Idlib.",
    "Shelling hit Sarmin (Idleb district, Idleb governorate) and a post of the coalition (CENTCOM).",
    "Belet Huen, about 200 miles (322 kilometers) northwest of Mogadishu, and Jowhar, 90 km from it.",
    "The capital Grozny and the villages of Tal Nasri and Umm Kaif, a small village near Dardara.",
    "Rebels took Birao and Ndele districts; the Sudanese capital, Khartoum, was calm.",
    "nothing of note happened in the capital.",
]


@pytest.mark.parametrize("text", _NEEDS_TEXTS)
def test_a_scan_is_spared_only_where_its_pattern_cannot_match(text: str) -> None:
    from kg.extract.actors.places import _LIST_NEEDS
    from kg.extract.toponyms import _NEEDS

    for pattern, need in [*_NEEDS.items(), *_LIST_NEEDS.items()]:
        if pattern.search(text):
            assert need.search(text), pattern.pattern[:60]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Protesters gathered in the town of Bor and in the city of al-Tall.", ["Bor", "al-Tall"]),
        ("Shelling hit Sarmin (Idleb district) and the base (CENTCOM) on Monday.", ["Sarmin", "Idleb"]),
        ("Belet Huen, about 200 miles northwest of Mogadishu, was quiet.", ["Belet Huen", "Mogadishu"]),
    ],
)
def test_places_behind_an_of_a_parenthesis_or_a_distance_are_found(text: str, names: list[str]) -> None:
    found = {p.name for p in place_phrases(text)} | {n for p in place_phrases(text) for n in p.parents}
    assert set(names) <= found


@pytest.mark.parametrize(
    ("text", "name", "parents"),
    [
        # a higher level named next in a list is the parent, whatever precedes the list
        ("Troops set up a post near the N5 road (Tarsa district, Umbra governorate).", "Tarsa", ("Umbra",)),
        ("Shelling hit Kelo village, Tarsa district, on Monday.", "Kelo", ("Tarsa",)),
        # two places of one level are neighbours, not parent and child
        ("Clashes spread across Umbra governorate, Lira governorate.", "Umbra", ()),
    ],
)  # fmt: skip
def test_a_higher_level_named_next_is_the_parent(text: str, name: str, parents: tuple[str, ...]) -> None:
    assert next(p for p in place_phrases(text) if p.name == name).parents == parents


def test_a_road_between_two_towns_is_placed_at_the_first() -> None:
    phrases = place_phrases("An IED hit a patrol on the Kelo-Tarsa road (Umbra province) on Monday.")
    assert [(p.name, p.parents) for p in phrases][:1] == [("Kelo", ("Umbra",))]


@pytest.mark.parametrize(
    ("text", "name", "parents"),
    [
        # a road's first town may have two words or an article ("Bani X-Al-Y road"), not just "Al"
        ("Drones hit a convoy on the Bani Tarsa-Al-Kelo road on Monday.", "Bani Tarsa", ()),
        # a square, street or market is in the city named right after it
        ("Crowds gathered in Kelo Square, Tarsa, on Monday.", "Kelo", ("Tarsa",)),
        # "X district of Y": X, in Y
        ("Police arrested two men in Ma'lu district of Tarsa on Monday.", "Ma'lu", ("Tarsa",)),
        # "Y's neighbouring village of X": X, in Y
        ("Troops took Tarsa's neighbouring village of Kelo on Monday.", "Kelo", ("Tarsa",)),
        # "in Y's Z province": Z, in Y
        ("Militants attacked Kelo town in Umbra's Tarsa province on Monday.", "Kelo", ("Tarsa", "Umbra")),
        # "X district in the city of Y": X, in Y
        ("Rockets hit the Kelo district in the city of Tarsa on Monday.", "Kelo", ("Tarsa",)),
    ],
)  # fmt: skip
def test_a_place_phrase_states_where_the_place_lies(text: str, name: str, parents: tuple[str, ...]) -> None:
    assert next(p for p in place_phrases(text) if p.name == name).parents == parents


@pytest.mark.parametrize(
    "text",
    ["Members of the SNA's Hamza Division raided the house.", "Fighters of the Kelo Front raided the house."],
)
def test_an_armed_unit_is_no_place(text: str) -> None:
    assert not [p for p in place_phrases(text) if "Division" in p.name or p.name.startswith("Kelo")]
