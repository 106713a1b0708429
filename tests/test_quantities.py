"""Counts with qualifiers: exact, approximate, lower and upper bounds, vague."""

from __future__ import annotations

import pytest

from kg.extract.events.quantities import parse_number, qualifier_of


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("144", 144, "exact"),
        ("an initial 144", 144, "exact"),
        ("roughly 150", 150, "approximate"),
        ("some 200", 200, "approximate"),
        ("about 3,000", 3000, "approximate"),
        ("at least 40", 40, "lower_bound"),
        ("more than 4,600", 4600, "lower_bound"),
        ("as many as 7,000", 7000, "upper_bound"),
        ("up to 7,000", 7000, "upper_bound"),
        ("two hundred", 200, "exact"),
        ("nearly 1.5 million", 1_500_000, "approximate"),
        ("tens of thousands", 20_000, "vague"),
        ("dozens", 24, "vague"),
    ],
)
def test_numbers_and_qualifiers(text, value, qualifier):
    assert parse_number(text)[0] == value
    assert qualifier_of(text) == qualifier


@pytest.mark.parametrize("text", ["Tuesday", "the army", ""])
def test_non_numbers_are_not_counts(text):
    assert parse_number(text) is None
