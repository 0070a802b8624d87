"""Calendar arithmetic on TIMEX3 values, and the interval a resolved value denotes."""
from __future__ import annotations

import calendar
import datetime as dt
import re

from claimcheck.models import DateInterval


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def previous_quarter(day: dt.date) -> tuple[int, int]:
    q = quarter_of(day.month) - 1
    return (day.year, q) if q else (day.year - 1, 4)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def season_of(day: dt.date) -> tuple[int, int]:
    """(season index, season year) of a day; Jan/Feb belong to the previous year's winter."""
    m = day.month
    if m in (3, 4, 5):
        return 0, day.year
    if m in (6, 7, 8):
        return 1, day.year
    if m in (9, 10, 11):
        return 2, day.year
    return 3, day.year if m == 12 else day.year - 1


def shift(day: dt.date, unit: str, n: float) -> str | None:
    """The value n units away from day, at the unit's granularity ("two weeks ago" -> a week)."""
    k = round(n)
    if unit == "day":
        return (day + dt.timedelta(days=k)).isoformat()
    if unit == "week":
        return iso_week(day + dt.timedelta(days=7 * k))
    if unit == "fortnight":
        return iso_week(day + dt.timedelta(days=14 * k))
    if unit == "month":
        year, month = add_months(day.year, day.month, k)
        return f"{year}-{month:02d}"
    if unit == "quarter":
        year, month = add_months(day.year, day.month, 3 * k)
        return f"{year}-Q{quarter_of(month)}"
    if unit == "year":
        return str(day.year + k)
    if unit == "decade":
        return str((day.year + 10 * k) // 10)
    if unit == "century":
        return f"{(day.year + 100 * k) // 100:02d}"
    if unit in ("hour", "minute", "second"):
        # the value has no time of day to move: the day itself is the best that can be said
        return day.isoformat()
    return None


_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d\d)$")
QUARTER_OR_HALF_VALUE = re.compile(r"^(\d{4})-([QH])([1-4])$")
_SEASON_VALUE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR_VALUE = re.compile(r"^(\d{4})$")
_DECADE_VALUE = re.compile(r"^(\d{3})$")
_CENTURY_VALUE = re.compile(r"^(\d{2})$")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def value_interval(value: str) -> DateInterval | None:
    """The calendar range a resolved TIMEX3 DATE/TIME value denotes (None if it has X's or is a ref)."""
    try:
        if m := _DAY_VALUE.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return DateInterval(day, day, "day")
        if m := _WEEK_VALUE.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return DateInterval(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week")
            return DateInterval(monday, monday + dt.timedelta(days=6), "week")
        if m := _MONTH_VALUE.match(value):
            year, month = int(m[1]), int(m[2])
            return DateInterval(dt.date(year, month, 1), _month_end(year, month), "month")
        if m := QUARTER_OR_HALF_VALUE.match(value):
            year, n = int(m[1]), int(m[3])
            size = 3 if m[2] == "Q" else 6
            if m[2] == "H" and n > 2:
                return None
            first = (n - 1) * size + 1
            last = first + size - 1
            # halves too: the shared Granularity type has no "half"
            return DateInterval(dt.date(year, first, 1), _month_end(year, last), "quarter")
        if m := _SEASON_VALUE.match(value):
            year, season = int(m[1]), m[2]
            if season == "SP":
                return DateInterval(dt.date(year, 3, 1), dt.date(year, 5, 31), "season")
            if season == "SU":
                return DateInterval(dt.date(year, 6, 1), dt.date(year, 8, 31), "season")
            if season == "FA":
                return DateInterval(dt.date(year, 9, 1), dt.date(year, 11, 30), "season")
            return DateInterval(dt.date(year, 12, 1), _month_end(year + 1, 2), "season")
        if m := _YEAR_VALUE.match(value):
            year = int(m[1])
            return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        if m := _DECADE_VALUE.match(value):
            year = int(m[1]) * 10
            return DateInterval(dt.date(max(year, 1), 1, 1), dt.date(year + 9, 12, 31), "decade")
        if m := _CENTURY_VALUE.match(value):
            year = int(m[1]) * 100
            return DateInterval(dt.date(max(year, 1), 1, 1), dt.date(year + 99, 12, 31), "century")
    except ValueError:
        return None
    return None
