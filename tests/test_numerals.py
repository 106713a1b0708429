"""Counts as news reports write them (kg.extract.numerals): digits, number words, a/another, vague counts."""

from __future__ import annotations

import re

import pytest

from kg.extract.numerals import NUMERAL, numeral_value, vague_count


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7", 7),
        ("2,500", 2500),
        ("eleven", 11),
        ("a", 1),
        ("another", 1),
        ("her", 1),
        ("both", 2),
        ("dozens", 12),
    ],
)
def test_a_count_reads_as_its_number(text, value) -> None:
    assert numeral_value(text) == value


@pytest.mark.parametrize("text", ["few", "many", "the"])
def test_a_word_that_is_no_count_has_no_number(text) -> None:
    assert numeral_value(text) is None


def test_a_vague_count_takes_the_value_acled_codes() -> None:
    assert vague_count("Dozens") == 12 and vague_count("nine") is None


@pytest.mark.parametrize("text", ["12", "1,200", "fifteen", "an", "several"])
def test_the_pattern_matches_every_written_count(text) -> None:
    assert re.fullmatch(NUMERAL, text, re.IGNORECASE)
