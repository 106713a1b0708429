"""Dates told as time elapsed before the report: 'two days ago', 'a month ago'. Used by
:func:`kg.extract.temporal.normalise_date`, where dateparser reads none of them.

>>> ago("two days ago", "2024-06-25").value, ago("a month ago", "2024-01-10").value
('2024-06-23', '2023-12')
>>> ago("3 weeks ago", "2024-06-25").precision, ago("two days later", "2024-06-25") is None
('approximate', True)
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.language import NUMBER_WORDS
from kg.records import TimeValue

_AGO = re.compile(r"^(an?|\w+|\d{1,2})\s+(day|week|month|year)s?\s+ago$", re.IGNORECASE)


def ago(text: str, doc_date: str) -> TimeValue | None:
    """'two days ago' is a day, 'three weeks ago' about a day, 'a month ago' a month, 'two years ago' a year."""
    match = _AGO.match(text)
    word = match[1].lower() if match else ""
    number = int(word) if word.isdigit() else 1 if word in {"a", "an"} else NUMBER_WORDS.get(word)
    if match is None or not number:
        return None
    base, unit = dt.date.fromisoformat(doc_date), match[2].lower()
    if unit in {"day", "week"}:
        day = base - dt.timedelta(days=number * (7 if unit == "week" else 1))
        return TimeValue(day.isoformat(), "day" if unit == "day" else "approximate", inferred=True, text=text)
    if unit == "month":
        months = base.year * 12 + base.month - 1 - number
        return TimeValue(f"{months // 12:04d}-{months % 12 + 1:02d}", "month", inferred=True, text=text)
    return TimeValue(f"{base.year - number:04d}", "year", inferred=True, text=text)
