"""Normalise date expressions against the document date, with precision and an "inferred" flag.

>>> normalise_date("Jan. 19", "2026-01-23")
TimeValue(value='2026-01-19', precision='day', inferred=True, start=None, end=None, text='Jan. 19')
>>> normalise_date("Jan. 19", None).value   # no document date: no invented year
'--01-19'
>>> normalise_date("since 2019", "2026-01-23").start
'2019'
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from kg.extract.language import MONTHS as _MONTHS
from kg.records import TimeValue

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH = re.compile(rf"\b({_MONTHS})\b\.?", re.IGNORECASE)
_DAY_NUM = re.compile(r"\b([0-3]?\d)(st|nd|rd|th)?\b")
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_RELATIVE_DAY = re.compile(r"\b(today|yesterday|tonight|last night|this morning|this afternoon)\b", re.I)
_WEEK = re.compile(r"\b(this|last|next|past) week\b|\bweek\b", re.IGNORECASE)
_REL_MONTH = re.compile(r"\b(this|last|next|past) month\b", re.IGNORECASE)
_REL_YEAR = re.compile(r"\b(this|last|next|past) year\b", re.IGNORECASE)
_SINCE = re.compile(r"^\s*(since|from)\s+(.+)$", re.IGNORECASE)
_VAGUE = re.compile(r"\b(years|decades|months|weeks|days|recent|recently|earlier|later|ago)\b", re.I)


def _parse(text: str, base: dt.date) -> dt.datetime | None:
    # dateparser is slow to import; load it only when a date actually needs parsing.
    import dateparser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",  # "Dec. 28" in a January article is last December
        "PREFER_DAY_OF_MONTH": "first",
    }
    return dateparser.parse(text, settings=settings, languages=["en"])


def _precision(text: str) -> str | None:
    """How precise a date expression is, from its surface form."""
    has_year, has_month = bool(_YEAR.search(text)), bool(_MONTH.search(text))
    has_day = has_month and bool(_DAY_NUM.search(_MONTH.sub(" ", _YEAR.sub(" ", text))))
    if has_day or _WEEKDAY.search(text) or _RELATIVE_DAY.search(text):
        return "day"
    if _WEEK.search(text):
        return "approximate"
    if has_month or _REL_MONTH.search(text):
        return "month"
    if has_year or _REL_YEAR.search(text):
        return "year"
    return None


def _format(value: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def _month_day_without_year(text: str) -> str | None:
    """'Jan. 19' -> '--01-19' (xsd:gMonthDay) when there is no document date to anchor the year."""
    parsed = _parse(text, dt.date(2000, 6, 15))
    if parsed is None:
        return None
    return f"--{parsed.month:02d}-{parsed.day:02d}"


@lru_cache(maxsize=4096)
def normalise_date(text: str, doc_date: str | None) -> TimeValue | None:
    """Normalise a DATE expression; ``doc_date`` (ISO) anchors relative and yearless expressions.

    Returns None for expressions that are not calendar dates ("recent years") or cannot be anchored.
    """
    clean = re.sub(r"^\s*(on|in|during|by|at|the)\s+", "", text.strip(), flags=re.IGNORECASE)
    since = _SINCE.match(clean)
    if since:
        inner = normalise_date(since.group(2), doc_date)
        if inner is None:
            return None
        return TimeValue(
            inner.value, inner.precision, inner.inferred, start=inner.value, end=doc_date, text=text
        )
    precision = _precision(clean)
    if precision is None or (_VAGUE.search(clean) and not _YEAR.search(clean)):
        return None
    explicit_year = bool(_YEAR.search(clean))
    if doc_date is None:
        if explicit_year:
            parsed = _parse(clean, dt.date(2000, 1, 1))
            return (
                None if parsed is None else TimeValue(_format(parsed.date(), precision), precision, text=text)
            )
        if precision == "day" and _MONTH.search(clean):
            value = _month_day_without_year(clean)
            return None if value is None else TimeValue(value, "day", text=text)
        return None  # relative expression with nothing to anchor it to
    base = dt.date.fromisoformat(doc_date)
    parsed = _parse(clean, base)
    if parsed is None:
        return None
    return TimeValue(_format(parsed.date(), precision), precision, inferred=not explicit_year, text=text)
