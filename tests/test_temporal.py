"""Dates normalised against the document date, with precision, inferred flag, intervals and no invented years."""

from __future__ import annotations

import pytest

from kg.extract.temporal import normalise_date


@pytest.mark.parametrize(
    ("text", "doc_date", "value", "precision", "inferred"),
    [
        ("Jan. 19", "2026-01-23", "2026-01-19", "day", True),
        ("Dec. 28", "2026-01-23", "2025-12-28", "day", True),  # last December, not next
        ("on Tuesday", "2026-01-23", "2026-01-20", "day", True),
        ("last month", "2026-01-23", "2025-12", "month", True),
        ("March 2025", "2026-01-23", "2025-03", "month", False),
        ("2019", "2026-01-23", "2019", "year", False),
        ("this week", "2026-01-23", "2026-01-23", "approximate", True),
        ("Jan. 19", None, "--01-19", "day", False),  # no document date: no year invented
        ("in 2019", None, "2019", "year", False),
    ],
)
def test_dates_are_normalised_with_precision(text, doc_date, value, precision, inferred):
    result = normalise_date(text, doc_date)
    assert (result.value, result.precision, result.inferred) == (value, precision, inferred)


def test_since_gives_an_interval_ending_at_the_document_date():
    result = normalise_date("since 2019", "2026-01-23")
    assert (result.start, result.end) == ("2019", "2026-01-23")


@pytest.mark.parametrize(
    ("text", "doc_date"), [("recent years", "2026-01-23"), ("on Tuesday", None), ("dozens", None)]
)
def test_vague_or_unanchored_expressions_give_no_date(text, doc_date):
    assert normalise_date(text, doc_date) is None
