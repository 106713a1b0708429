"""Place mentions that are no event's place (kg.extract.exclusions): a reference point, an embassy, where the
event was told. Short sentences of our own, parsed by the real model."""

from __future__ import annotations

import pytest

from kg.extract.exclusions import is_mission, measures_from, where_told


def _span(doc, word: str):
    token = next(t for t in doc if t.text == word)
    return doc[token.i : token.i + 1]


def test_a_distance_measured_from_a_place_makes_it_a_reference_point(nlp):
    doc = nlp("They clashed in Dalo, 40 km south of Varna, and near the north of Ruse.")
    spans = {t.text: doc[t.i : t.i + 1] for t in doc if t.ent_type_ or t.text in {"Dalo", "Varna", "Ruse"}}
    assert (
        measures_from(spans["Varna"])
        and not measures_from(spans["Dalo"])
        and not measures_from(spans["Ruse"])
    )


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Crowds gathered outside the Ruritanian embassy in Lusaka.", "embassy", True),
        ("Crowds gathered outside the Ruritanian embassy in Lusaka.", "Ruritanian", True),
        ("Crowds gathered outside the Ruritanian embassy in Lusaka.", "Lusaka", False),
        ("Gunmen stormed a consulate in Basra.", "Basra", False),
    ],
)
def test_an_embassy_is_where_a_country_is_represented_not_a_place(nlp, text, word, expected):
    assert is_mission(_span(nlp(text), word)) is expected


def test_where_a_spokesman_told_it_is_not_where_it_happened(nlp):
    doc = nlp("A spokesman told reporters in Kinshasa that the army had retaken a village.")
    told, retaken, spokesman = _span(doc, "Kinshasa"), _span(doc, "retaken")[0], _span(doc, "spokesman")[0]
    assert where_told(told, retaken) and not where_told(told, spokesman)


def test_a_place_set_before_the_reporting_verb_locates_the_event(nlp):
    doc = nlp("In Tawila, the agency said a convoy had arrived.")
    assert not where_told(_span(doc, "Tawila"), _span(doc, "arrived")[0])
