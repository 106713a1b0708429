"""News time and background events (kg.extract.newstime): what a report dates long before its own time is
history it recalls; an undated mention is told at the news time, so it neither merges with that history nor
takes its date."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.newstime import background, latest_day, long_running, news_time
from kg.records import TimeValue


@pytest.mark.parametrize(
    ("value", "day"),
    [("2020", dt.date(2020, 12, 31)), ("2024-02", dt.date(2024, 2, 29)), ("2024-06-25", dt.date(2024, 6, 25)),
     ("--07-08", None), ("2024-13", None)],
)  # fmt: skip
def test_the_latest_day_a_date_can_mean(value: str, day: dt.date | None) -> None:
    assert latest_day(value) == day


def test_the_news_time_is_the_document_date_or_the_latest_stated_date() -> None:
    stated = [TimeValue("1990-07-07"), TimeValue("2024-06-25"), TimeValue("2025-07-07", inferred=True), None]
    assert news_time(stated, "2025-07-09") == dt.date(2025, 7, 9)
    assert news_time(stated, None) == dt.date(2024, 6, 25)  # an inferred date says nothing of the year
    assert news_time([], None) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1990-07-07", True), ("2025", False), ("2025-06-01", False), ("2025-04-01", True), ("--07-07", False)],
)
def test_only_what_is_dated_well_before_the_news_time_is_background(value: str, expected: bool) -> None:
    assert background(TimeValue(value), dt.date(2025, 7, 9)) is expected
    assert background(TimeValue(value), None) is False


@pytest.mark.integration
def test_this_years_protests_do_not_take_the_date_of_the_rally_the_article_recalls(nlp) -> None:
    # our own audit article: a dateline without a year, this year's protests, and 'the July 7, 1990 rally'
    from kg.extract.recorder import records_from_doc
    from tests.conftest import ROOT

    text = (ROOT / "tests/data/audit/kenya-saba-saba-protests.txt").read_text(encoding="utf-8")
    doc = nlp.make_doc(text)
    doc._.kg_doc_id = "kenya"
    record = records_from_doc(nlp(doc))
    dated_1990 = [e for e in record.events if e.date and e.date.value.startswith("1990")]
    start = text.index("Saba Saba, Swahili")
    end = text.index(".", text.index("multi-party"))
    # only what the sentence about 1990 tells ('the July 7, 1990 rally ... force President Moi to allow ...')
    assert "rally" in [e.trigger.text for e in dated_1990]
    assert all(start <= m.start < end for e in dated_1990 for m in (e.trigger, *e.mentions))
    # history the article recalls opens no incident (its events stay, dated 1990)
    assert not [i for i in record.incidents if i.date and i.date.value.startswith("1990")]


@pytest.mark.parametrize(
    ("date", "running"),
    [
        (TimeValue("1984", "year", start="1984", end="2024-06-20"), True),  # 'since 1984'
        (TimeValue("2024-03", "month", start="2024-03", end="2024-06-20"), False),  # 'since March'
        (TimeValue("2024-06-17"), False),
        (None, False),
    ],
)
def test_an_interval_that_began_over_a_year_ago_is_long_running(
    date: TimeValue | None, running: bool
) -> None:
    assert long_running(date, dt.date(2024, 6, 20)) is running
