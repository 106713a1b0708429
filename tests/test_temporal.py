"""Dates normalised against the document date, with precision, inferred flag, intervals and no invented years."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from kg.extract.temporal import _fast_parse, normalise_date


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
        # month expressions dateparser gives nothing for
        ("last June", "2026-01-23", "2025-06", "month", True),
        ("last June", "2026-09-02", "2026-06", "month", True),
        ("next June", "2026-06-10", "2027-06", "month", True),
        ("January last year", "2026-05-01", "2025-01", "month", True),
        ("12 January last year", "2026-05-01", "2025-01-12", "day", True),
        ("early September", "2026-12-01", "2026-09", "month", True),
        ("the end of March", "2026-05-01", "2026-03", "month", True),
        ("mid-2023", "2026-01-01", "2023", "year", False),
        ("early Monday", "2026-12-01", "2026-11-30", "day", True),
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


def _grid() -> list[tuple[str, dt.date, str]]:
    """A seeded sample of date shapes x article dates x tense preferences."""
    months = [
        "January",
        "Feb.",
        "Mar",
        "April",
        "May",
        "Jun",
        "July",
        "Aug.",
        "Sept.",
        "October",
        "Nov",
        "December",
    ]
    texts = ["2019", "1999", "this month", "last month", "next month", "this year", "Last year", "next year"]
    for month in months:
        texts += [month, f"{month} 2019", f"{month}, 2021"]
        for day in (1, 15, 23, 28, 30, 31):
            texts += [
                f"{day} {month}",
                f"{month} {day}",
                f"{day} {month} 2020",
                f"{month} {day}, 2021",
                f"{day}th {month}",
            ]
    bases = [
        dt.date(2026, 1, 23),
        dt.date(2026, 6, 15),
        dt.date(2026, 2, 28),
        dt.date(2026, 12, 31),
        dt.date(2025, 3, 1),
    ]
    rng = random.Random(11)
    return [(rng.choice(texts), rng.choice(bases), rng.choice(["past", "future"])) for _ in range(150)]


def test_the_fast_date_path_agrees_with_dateparser():
    # The fast path replaces dateparser for common shapes; it must give what dateparser gives, or step aside.
    import dateparser

    compared = 0
    for text, base, prefer in _grid():
        fast = _fast_parse(text, base, prefer)
        if fast is None:
            continue
        settings = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": prefer,
                    "PREFER_DAY_OF_MONTH": "first"}  # fmt: skip
        assert fast == dateparser.parse(text, settings=settings, languages=["en"]), (text, base, prefer)
        compared += 1
    assert compared > 120


@pytest.mark.parametrize("text", ["mid-2023", "early January", "the end of March", "31 February", "Feb 29"])
def test_other_shapes_are_left_to_dateparser(text):
    assert _fast_parse(text, dt.date(2026, 1, 23), "past") is None


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("two days ago", "2024-06-23", "day"),
        ("3 weeks ago", "2024-06-04", "approximate"),
        ("a month ago", "2024-05", "month"),
        ("the night of 21-22 June", "2024-06-21", "day"),  # not June 2022
        ("2023-05-12", "2023-05-12", "day"),
        ("earlier this month", "2024-06", "month"),
    ],
)
def test_days_ago_day_ranges_and_iso_days_resolve(text: str, value: str, precision: str) -> None:
    date = normalise_date(text, "2024-06-25")
    assert (date.value, date.precision) == (value, precision)


@pytest.mark.parametrize("text", ["a week", "one week", "a week of fighting"])
def test_a_span_of_time_is_no_date(text: str) -> None:
    assert normalise_date(text, "2024-06-25") is None
