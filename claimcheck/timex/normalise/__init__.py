"""Normalisation: one function per rule of patterns.RULES, grouped by family.

    absolute.py   calendar dates: ISO, 8/29/2025, month-day-year, months, years, ranges,
                  fiscal years, decades, centuries
    quarters.py   quarters and halves, "the quarter", year-ago comparisons
    relative.py   "last week", "year-end", "two years ago", "the following day", "now"
    days.py       weekdays, today/tomorrow, parts of the day, clock times
    durations.py  durations and sets
    holidays.py   holidays and seasons
"""
from __future__ import annotations

from claimcheck.timex.context import Normaliser
from claimcheck.timex.normalise.absolute import (
    normalise_century,
    normalise_day_month_year,
    normalise_decade,
    normalise_fiscal_year,
    normalise_iso_date,
    normalise_month_day_year,
    normalise_month_name,
    normalise_slash_date,
    normalise_year,
    normalise_year_range,
)
from claimcheck.timex.normalise.days import (
    normalise_clock_time,
    normalise_day_name,
    normalise_ordinal_day,
    normalise_part_of_day,
)
from claimcheck.timex.normalise.durations import (
    normalise_duration,
    normalise_for_units,
    normalise_half_unit,
    normalise_hyphenated_duration,
    normalise_set,
    normalise_unit_long,
    normalise_vague_duration,
    normalise_vague_period,
)
from claimcheck.timex.normalise.holidays import normalise_holiday, normalise_season
from claimcheck.timex.normalise.quarters import (
    normalise_half_year,
    normalise_quarter,
    normalise_quarter_code,
    normalise_the_quarter,
    normalise_year_ago,
)
from claimcheck.timex.normalise.relative import (
    normalise_anaphor,
    normalise_bare_ago,
    normalise_reference,
    normalise_relative_unit,
    normalise_unit_end,
    normalise_units_ago,
)
from claimcheck.timex.patterns import RULES

# rule name -> its normaliser; every rule has one (checked below, at import)
NORMALISERS: dict[str, Normaliser] = {
    "iso_date": normalise_iso_date,
    "slash_date": normalise_slash_date,
    "month_day_year": normalise_month_day_year,
    "day_month_year": normalise_day_month_year,
    "month_name": normalise_month_name,
    "year": normalise_year,
    "year_range": normalise_year_range,
    "fiscal_year": normalise_fiscal_year,
    "decade": normalise_decade,
    "century": normalise_century,
    "quarter": normalise_quarter,
    "quarter_code": normalise_quarter_code,
    "the_quarter": normalise_the_quarter,
    "half_year": normalise_half_year,
    "season": normalise_season,
    "relative_unit": normalise_relative_unit,
    "unit_end": normalise_unit_end,
    "year_ago": normalise_year_ago,
    "units_ago": normalise_units_ago,
    "bare_ago": normalise_bare_ago,
    "duration": normalise_duration,
    "hyphenated_duration": normalise_hyphenated_duration,
    "unit_long": normalise_unit_long,
    "vague_duration": normalise_vague_duration,
    "for_units": normalise_for_units,
    "vague_period": normalise_vague_period,
    "half_unit": normalise_half_unit,
    "set": normalise_set,
    "day_name": normalise_day_name,
    "ordinal_day": normalise_ordinal_day,
    "part_of_day": normalise_part_of_day,
    "clock_time": normalise_clock_time,
    "reference": normalise_reference,
    "holiday": normalise_holiday,
    "anaphor": normalise_anaphor,
}
_missing = [name for name, _pattern in RULES if name not in NORMALISERS]
if _missing:
    raise ImportError(f"rules without a normaliser: {_missing}")
