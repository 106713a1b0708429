"""Kinds for names the gazetteer does not know."""

from __future__ import annotations

import pytest

from kg.extract.actors.kinds import guess_kind, is_place_kind


@pytest.mark.parametrize(
    ("label", "text", "kind"),
    [
        ("ORG", "Rapid Support Forces", "ArmedGroup"),
        ("ORG", "Meridian Wire News", "MediaOrganization"),
        ("ORG", "Ministry of Interior", "Government"),
        ("ORG", "Danyawaddy naval base", "Facility"),
        ("PERSON", "al-Hawl camp", "Facility"),
        ("GPE", "Kharkiv oblast", "AdministrativeRegion"),
        ("LOC", "northern Rakhine", "Region"),
        ("GPE", "Gwoza", "City"),
        ("PERSON", "Camila Restrepo", "Person"),
    ],
)
def test_guess_kind(label, text, kind):
    assert guess_kind(label, text) == kind


def test_country_is_a_place_and_a_person_is_not():
    assert is_place_kind("Country") and not is_place_kind("Person")
