"""The news time of a document and the events told as background to it.

A report tells what happened around its date; an event it dates long before (``the July 7, 1990 rally`` in a
story about this year's protests) is background. An undated mention is told at the news time, so it is never
that background event, and no date of it carries on to what an undated sentence reports.

>>> from kg.records import TimeValue
>>> now = news_time([TimeValue("1990-07-07"), TimeValue("2024-06-25")], None)
>>> now, background(TimeValue("1990-07-07"), now), background(TimeValue("2024-06"), now)
(datetime.date(2024, 6, 25), True, False)
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from kg.records import TimeValue

# An event dated more than this many days before the news time is background.
BACKGROUND_DAYS = 60


def latest_day(value: str) -> dt.date | None:
    """The last day an ISO date, month or year can mean ('2020' -> 2020-12-31); None without a year.

    >>> latest_day("2020"), latest_day("--07-08")
    (datetime.date(2020, 12, 31), None)
    """
    parts = value.split("-")
    if len(parts[0]) != 4 or not parts[0].isdigit():
        return None
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 12
    try:
        day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else calendar.monthrange(year, month)[1]
        return dt.date(year, month, day)
    except ValueError:
        return None


def news_time(dates: Iterable[TimeValue | None], doc_date: str | None) -> dt.date | None:
    """The document's date, or else the latest day a date the text states can mean (a dateline without a year
    leaves the year to the text)."""
    if doc_date and (day := latest_day(doc_date)) is not None:
        return day
    stated = [day for d in dates if d is not None and not d.inferred and (day := latest_day(d.value))]
    return max(stated, default=None)


def background(date: TimeValue | None, now: dt.date | None) -> bool:
    """True for a date more than :data:`BACKGROUND_DAYS` before the news time ``now``; an interval counts by its
    end ('since 2019' runs to the report's day).

    >>> import datetime as dt
    >>> background(TimeValue("2019", "year", start="2019", end="2026-01-23"), dt.date(2026, 1, 23))
    False
    """
    day = latest_day(date.end or date.value) if date is not None and now is not None else None
    return day is not None and now is not None and (now - day).days > BACKGROUND_DAYS


# An interval that began more than this many days before the news time is a state or a running total.
LONG_RUNNING_DAYS = 365


def long_running(date: TimeValue | None, now: dt.date | None) -> bool:
    """True for an interval that began more than :data:`LONG_RUNNING_DAYS` before the news time: 'an insurgency
    since 1984 in which more than 40,000 people have been killed' tells a running total, not an incident.

    >>> import datetime as dt
    >>> long_running(TimeValue("1984", "year", start="1984", end="2024-06-20"), dt.date(2024, 6, 20))
    True
    >>> long_running(TimeValue("2024-06-17", start="2024-06-17", end="2024-06-19"), dt.date(2024, 6, 20))
    False
    """
    if date is None or date.start is None or now is None:
        return False
    first = latest_day(date.start)
    return first is not None and (now - first).days > LONG_RUNNING_DAYS
