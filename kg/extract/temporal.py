"""Normalise date expressions against the document date, with precision and an "inferred" flag.

>>> normalise_date("Jan. 19", "2026-01-23")
TimeValue(value='2026-01-19', precision='day', inferred=True, start=None, end=None, text='Jan. 19')
>>> normalise_date("Jan. 19", None).value   # no document date: no invented year
'--01-19'
>>> normalise_date("since 2019", "2026-01-23").start
'2019'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from contextlib import suppress
from functools import lru_cache

from kg.extract.elapsed import ago
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
_RUN_ON = re.compile(r"^(.*\b(?:1[89]\d\d|20\d\d)),\s+[a-z][a-z\s]*$")
_VAGUE = re.compile(r"\b(years|decades|months|weeks|days|recent|recently|earlier|later|ago)\b", re.I)


_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_BARE_WEEKDAY = re.compile(r"^(?:last\s+|this\s+|next\s+)?(mon|tues|wednes|thurs|fri|satur|sun)day"
                           r"(?:\s+(?:morning|afternoon|evening|night))?$", re.IGNORECASE)  # fmt: skip


def _weekday(text: str, base: dt.date, prefer: str) -> dt.date | None:
    """'Tuesday' in an article dated Tuesday is that day; past tense looks back, future tense ahead."""
    match = _BARE_WEEKDAY.match(text)
    if not match:
        return None
    target = _WEEKDAYS.index(match.group(1).lower())
    if text.lower().startswith("next"):
        prefer = "future"
    if prefer == "future":
        return base + dt.timedelta(days=(target - base.weekday()) % 7)
    return base - dt.timedelta(days=(base.weekday() - target) % 7)


def shift_days(value: TimeValue, days: int) -> TimeValue:
    """A day-precision date moved by ``days`` ('the next day'); other precisions stay as they are.

    >>> shift_days(TimeValue("2023-05-12"), 1).value
    '2023-05-13'
    """
    if value.precision != "day" or len(value.value) != 10:
        return value
    moved = dt.date.fromisoformat(value.value) + dt.timedelta(days=days)
    return TimeValue(moved.isoformat(), "day", inferred=True, text=value.text)


_ORDINAL = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_FAST = (  # the shapes most news dates take; anything else goes to dateparser
    re.compile(rf"^{_ORDINAL}\s+(?:of\s+)?(?P<month>{_MONTHS})\.?(?:,?\s+(?P<year>\d{{4}}))?$", re.I),
    re.compile(rf"^(?P<month>{_MONTHS})\.?\s+{_ORDINAL}(?:,?\s+(?P<year>\d{{4}}))?$", re.I),
    re.compile(rf"^(?P<month>{_MONTHS})\.?(?:,?\s+(?:of\s+)?(?P<year>\d{{4}}))?$", re.I),
    re.compile(r"^(?P<year>\d{4})$"),
)
_STEP = {"last": -1, "this": 0, "next": 1}  # 'last month', 'next year', 'January last year'
_RELATIVE_UNIT = re.compile(r"^(this|last|next)\s+(month|year)$", re.IGNORECASE)
_MONTH_NUMBER = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}  # fmt: skip


def _fast_parse(text: str, base: dt.date, prefer: str) -> dt.datetime | None:
    """What dateparser returns for the common shapes ('12 August 2021', 'Jan. 19', 'May 2019', '2019'),
    about a thousand times faster; None when the text has another shape (dateparser then decides).

    Yearless dates resolve like dateparser's PREFER_DATES_FROM: a past-preferring date after the base is last
    year's; a future-preferring one on or before the base is next year's (tests compare the two on a grid).

    >>> _fast_parse("Jan. 24", dt.date(2026, 1, 23), "past"), _fast_parse("mid-2023", dt.date(2026, 1, 1), "past")
    (datetime.datetime(2025, 1, 24, 0, 0), None)
    """
    if relative := _RELATIVE_UNIT.match(text):  # this / last / next month or year: dateparser's first day
        step = _STEP[relative[1].lower()]
        if relative[2].lower() == "year":
            return dt.datetime(base.year + step, base.month, 1)
        months = base.year * 12 + base.month - 1 + step
        return dt.datetime(months // 12, months % 12 + 1, 1)
    match = next((m for pattern in _FAST if (m := pattern.match(text))), None)
    if match is None or (base.month == 2 and base.day == 29):  # dateparser's leap-day rules: leave them to it
        return None
    groups = match.groupdict()
    if groups.get("month") is None:  # a bare year: dateparser keeps the base's month, first day
        return dt.datetime(int(groups["year"]), base.month, 1)
    month = _MONTH_NUMBER[groups["month"][:3].lower()]
    day = int(groups["day"]) if groups.get("day") else 1
    if groups.get("year"):
        with suppress(ValueError):
            return dt.datetime(int(groups["year"]), month, day)
        return None
    if month == 2 and day == 29:
        return None
    # a month alone compares by month
    ahead = (month, day) > (base.month, base.day) if groups.get("day") else month > base.month
    year = base.year
    if prefer == "past" and ahead:
        year -= 1
    elif prefer == "future" and not ahead:
        year += 1
    with suppress(ValueError):
        return dt.datetime(year, month, day)
    return None


def _parse(text: str, base: dt.date, prefer: str = "past") -> dt.datetime | None:
    if (fast := _fast_parse(text.strip(), base, prefer)) is not None:
        return fast
    # dateparser is slow to import; load it only when a date actually needs parsing.
    import dateparser

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,  # "Dec. 28" in a January article is last December
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


_BETWEEN = re.compile(
    r"^(?:between\s+)?(.+?)(?:\s+(?:and|to|until|through|-|–)\s+|(?<=\d)[-–/](?=\d))(.+)$", re.IGNORECASE
)  # '3 and 5 May', '21-22 June' (the night of 21-22 June)


def _interval(text: str, doc_date: str | None) -> TimeValue | None:
    """'between 3 and 5 May 2023', '3 to 5 May 2023': an interval from the first day to the last."""
    match = _BETWEEN.match(text)
    if not match or not _MONTH.search(match.group(2)):
        return None
    first, last = match.group(1), match.group(2)
    if first.strip().isdigit():  # '3 and 5 May 2023': the first day borrows the month and year
        first = _DAY_NUM.sub(first.strip(), last, count=1)
    start, end = normalise_date(first, doc_date), normalise_date(last, doc_date)
    if start is None or end is None or start.precision != "day" or end.precision != "day":
        return None
    return TimeValue(start.value, "day", start.inferred, start=start.value, end=end.value, text=text)


def _month_day_without_year(text: str) -> str | None:
    """'Jan. 19' -> '--01-19' (xsd:gMonthDay) when there is no document date to anchor the year."""
    parsed = _parse(text, dt.date(2000, 6, 15))
    if parsed is None:
        return None
    return f"--{parsed.month:02d}-{parsed.day:02d}"


# "early September", "mid-2023", "the end of March": the part of the period is dropped, the period kept
_PART_OF = re.compile(r"^(?:early|mid|late|(?:the\s+)?(?:start|beginning|middle|end)\s+of)[\s-]+(.+)$", re.I)
_LAST_MONTH = re.compile(rf"^(last|this|next)\s+((?:{_MONTHS})\.?)$", re.IGNORECASE)  # "last June"
_OF_YEAR = re.compile(r"^(.+?),?\s+(last|this|next)\s+year$", re.IGNORECASE)  # "January last year"


def _relative_month(text: str, doc_date: str | None, prefer: str) -> TimeValue | None:
    """Month expressions dateparser returns nothing for: 'last June' (the most recent June before the
    article's month), 'January last year', '3 May next year', 'early September', 'mid-2023'.

    >>> _relative_month("last June", "2026-01-23", "past").value, _relative_month("last June", "2026-09-02", "past").value
    ('2025-06', '2026-06')
    >>> _relative_month("January last year", "2026-05-01", "past").value, _relative_month("mid-2023", None, "past").value
    ('2025-01', '2023')
    """
    if part := _PART_OF.match(text):
        return normalise_date(part[1], doc_date, prefer)  # "early Monday" is Monday, "mid-2023" is 2023
    if doc_date is None:
        return None
    base = dt.date.fromisoformat(doc_date)
    if named := _LAST_MONTH.match(text):
        month = _MONTH_NUMBER[named[2][:3].lower()]
        year = base.year + (
            {"last": -1 if month >= base.month else 0, "next": 1 if month <= base.month else 0}.get(
                named[1].lower(), 0
            )
        )
        return TimeValue(f"{year:04d}-{month:02d}", "month", inferred=True)
    if (of_year := _OF_YEAR.match(text)) and _MONTH.search(of_year[1]) and not _YEAR.search(of_year[1]):
        inner = normalise_date(f"{of_year[1]} {base.year + _STEP[of_year[2].lower()]}", doc_date, prefer)
        return None if inner is None else dataclasses.replace(inner, inferred=True)
    return None


_EARLIER_THIS = re.compile(r"^(?:earlier|later)\s+(?=this\s+(?:week|month|year)$)", re.IGNORECASE)
_SPAN_OF_TIME = re.compile(r"^(?:a|an|one)\s+week$", re.IGNORECASE)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PART_OF_DAY = re.compile(
    r"^(?:the\s+)?(?:night|morning|evening|afternoon|early hours|dawn|hours)\s+of\s+", re.I
)


@lru_cache(maxsize=4096)
def normalise_date(text: str, doc_date: str | None, prefer: str = "past") -> TimeValue | None:
    """Normalise a DATE expression; ``doc_date`` (ISO) anchors relative and yearless expressions, and
    ``prefer`` ("past", or "future" for planned events) says which way weekdays and yearless dates resolve.

    Returns None for expressions that are not calendar dates ("recent years") or cannot be anchored.

    >>> normalise_date("on Tuesday", "2026-12-01").value          # the article's own Tuesday
    '2026-12-01'
    >>> normalise_date("Friday", "2026-12-01", prefer="future").value
    '2026-12-04'
    >>> normalise_date("20 September", "2018-09-21").value, normalise_date("20 September", "2018-09-18").value
    ('2018-09-20', '2018-09-20')
    >>> normalise_date("20 November 2023, days", "2023-11-21").value, normalise_date("Around 5 June 2020", None).value
    ('2023-11-20', '2020-06-05')
    """
    # "Around 5 January 2020" (ACLED's notes for a date known within days) names that day
    clean = re.sub(
        r"^\s*(on|in|during|by|at|the|around|about|approximately|circa)\s+", "", text.strip(), flags=re.I
    )
    clean = _RUN_ON.sub(r"\1", clean)  # "20 November 2023, days (after ...)": the model's span ran on
    clean = _PART_OF_DAY.sub("", clean)  # "the night of 21-22 June", "the early hours of Sunday"
    clean = _EARLIER_THIS.sub("", clean)  # "earlier this month" is this month
    if _SPAN_OF_TIME.match(clean):  # 'after a week of fighting': how long, not when
        return None
    if _ISO_DAY.match(clean):  # '2023-05-12' as written in tables and datelines
        with suppress(ValueError):
            return TimeValue(dt.date.fromisoformat(clean).isoformat(), "day", text=text)
    if doc_date is not None and (elapsed := ago(clean, doc_date)) is not None:
        return dataclasses.replace(elapsed, text=text)
    since = _SINCE.match(clean)
    if since:
        inner = normalise_date(since.group(2), doc_date)
        if inner is None:
            return None
        return TimeValue(
            inner.value, inner.precision, inner.inferred, start=inner.value, end=doc_date, text=text
        )
    if (interval := _interval(clean, doc_date)) is not None:
        return interval
    if (relative := _relative_month(clean, doc_date, prefer)) is not None:
        return dataclasses.replace(relative, text=text)
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
    weekday = _weekday(clean, base, prefer)
    if weekday is not None:
        return TimeValue(weekday.isoformat(), "day", inferred=True, text=text)
    parsed = _parse(clean, base, prefer if not explicit_year else "past")
    if parsed is None:
        return None
    if not explicit_year and precision == "day" and parsed.year == base.year - 1:
        # '20 September' in an article of 18 September is two days ahead, not last year
        with suppress(ValueError):
            if 0 < (parsed.replace(year=base.year).date() - base).days <= 14:
                parsed = parsed.replace(year=base.year)
    return TimeValue(_format(parsed.date(), precision), precision, inferred=not explicit_year, text=text)
