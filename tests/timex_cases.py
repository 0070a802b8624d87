"""Time-expression tables shared by the tagger's tests: the document date and intervals they use, and the
cases of the rules added for issue 12 (value F1 on TimeBank/AQUAINT), each with a sentence of its own.

RULE_CASES: (sentence, document date, expression, type, value, interval or None), as tests/test_dates.py's
CASES. TIMEML_CASES: (sentence, document date, TimeML entries expected among timebank_entry's: (text, type,
value)). NOT_TIMEXES: (sentence, expression) pairs that must not be tagged.
"""
from __future__ import annotations

import datetime as dt

from claimcheck.models import DateInterval

D = dt.date(2025, 8, 30)  # a Saturday


def _iv(a: str, b: str, g: str) -> DateInterval:
    return DateInterval(dt.date.fromisoformat(a), dt.date.fromisoformat(b), g)


RULE_CASES = [
    # "soon" still looks ahead in a present or future clause
    ("The ministry will soon publish the new tariffs.", D, "soon", "DATE", "FUTURE_REF", None),
    # tag_dates keeps the anchored day of an offset, which the conflict checks compare
    ("The dam failed on Aug. 2. Three days later, the valley was evacuated.", D, "Three days later", "DATE",
     "2025-08-05", _iv("2025-08-05", "2025-08-05", "day")),
    # "then-current" is current at a past time
    ("Bondholders were paid at the then-current exchange rate.", D, "then-current", "DATE", "PAST_REF", None),
    # "since year-end" is the last year-end gone
    ("The index has gained 12% since year-end.", D, "year-end", "DATE", "2024-12-31",
     _iv("2024-12-31", "2024-12-31", "day")),
    ("The merger should close by year-end.", D, "year-end", "DATE", "2025-12-31",
     _iv("2025-12-31", "2025-12-31", "day")),
    # the progressive of an ongoing verb is the present, not an arrangement ahead
    ("The firm is continuing to look for a buyer under a March accord with its lenders.", D, "March", "DATE",
     "2025-03", _iv("2025-03-01", "2025-03-31", "month")),
    ("The delegation is leaving for Geneva on Tuesday.", D, "Tuesday", "DATE", "2025-09-02",
     _iv("2025-09-02", "2025-09-02", "day")),
    # "one day" as "some day" in a clause ahead; a day's length after a verb or preposition
    ("She believes the island will one day be independent.", D, "one day", "DATE", "FUTURE_REF", None),
    ("The strike will last one day.", D, "one day", "DURATION", "P1D", None),
    ("Prices may fall further in the future, analysts said.", D, "the future", "DATE", "FUTURE_REF", None),
    # "the latest quarter" is the last one reported, not one a charge is expected in
    ("The bank reported third-quarter profit of $2 billion. It expects the storm to bring a fourth-quarter "
     "charge. In the latest quarter, deposits grew 4%.", D, "the latest quarter", "DATE", "2025-Q3",
     _iv("2025-07-01", "2025-09-30", "quarter")),
    # "the third quarter of $12 million": the amount, not a fraction of a quarter
    ("The airline reported a loss for the second quarter of $12 million.", D, "the second quarter", "DATE",
     "2025-Q2", _iv("2025-04-01", "2025-06-30", "quarter")),
    # "into the summer" is a season cue like "in" and "through"
    ("Shortages could last well into the winter.", D, "the winter", "DATE", "2025-WI",
     _iv("2025-12-01", "2026-02-28", "season")),
    # "in the morning" after a day is that day's morning
    ("Shares fell on Thursday. Dealers sold heavily in the morning and bought back later.", D, "the morning",
     "TIME", "2025-08-28TMO", _iv("2025-08-28", "2025-08-28", "day")),
    # "mid-afternoon yesterday" is one time, on that day
    ("In Frankfurt at mid-afternoon yesterday, the shares were up 3%.", D, "mid-afternoon yesterday", "TIME",
     "2025-08-29TAF", _iv("2025-08-29", "2025-08-29", "day")),
    ("In Washington today, the Senate voted on the bill.", D, "today", "DATE", "2025-08-30",
     _iv("2025-08-30", "2025-08-30", "day")),
    # "at 4 in the morning" is a clock time
    ("The convoy will leave at 4 in the morning, officials said.", D, "4 in the morning", "TIME",
     "2025-08-30T04:00", _iv("2025-08-30", "2025-08-30", "day")),
    # "the day before/after" a weekday is one day off it
    ("Talks broke down the day before Thursday's summit.", D, "the day before Thursday", "DATE", "2025-08-27",
     _iv("2025-08-27", "2025-08-27", "day")),
    # "the short term", like "the near term", is ahead
    ("Rates are likely to stay high in the short term.", D, "the short term", "DATE", "FUTURE_REF", None),
    # "the week of" a day is the ISO week that holds it
    ("Hearings resume the week of Sept. 15, the clerk said.", D, "the week of Sept. 15", "DATE", "2025-W38",
     _iv("2025-09-15", "2025-09-21", "week")),
    ("Hearings resume the week of Sept. 15, the clerk said.", None, "the week of Sept. 15", "DATE", "XXXX-WXX", None),
    # a GMT conversion in brackets is the same instant: the weekday after it stays a day of its own
    ("The quake struck at 3:20 p.m. (0920 GMT) on Tuesday, officials said.", D, "Tuesday", "DATE", "2025-08-26",
     _iv("2025-08-26", "2025-08-26", "day")),
    ("The quake struck at 3:20 p.m. (0920 GMT) on Tuesday, officials said.", D, "3:20 p.m.", "TIME",
     "2025-08-26T15:20", _iv("2025-08-26", "2025-08-26", "day")),
    # a number word with "thousand" is one quantity
    ("The terraces have been farmed for more than two thousand years.", D, "more than two thousand years",
     "DURATION", "P2000Y", None),
    # a year under "pre-"/"post-" is a year even before a plural noun ("1500 troops" is not)
    ("The pre-2008 lending rules were far looser.", D, "2008", "DATE", "2008", _iv("2008-01-01", "2008-12-31", "year")),
    # "the March ..." before a common noun is the month it describes; before "for/on + Name" a name
    ("Delegates said the March summit ended without a deal.", D, "March", "DATE", "2025-03",
     _iv("2025-03-01", "2025-03-31", "month")),
    # today as the document's day, even with a possessive
    ("The results are in today's edition of the gazette.", D, "today", "DATE", "2025-08-30",
     _iv("2025-08-30", "2025-08-30", "day")),
    ("The offer expires at the end of today.", D, "today", "DATE", "2025-08-30",
     _iv("2025-08-30", "2025-08-30", "day")),
    # round 7: a unit made an adjective with "-long" names a length, like "a two-day visit"
    ("The union ended its day-long strike at dusk.", D, "day-long", "DURATION", "P1D", None),
    ("The envoy began a weeklong tour of the region.", D, "weeklong", "DURATION", "P1W", None),
    # vague decades are written in years, as numbered ones are ("two decades" = P20Y)
    ("The two villages settled their decades-long feud.", D, "decades-long", "DURATION", "PXY", None),
    # a length with no unit after "for": TimeML's PXX
    ("The ferry service will be suspended for a while, the operator said.", D, "a while", "DURATION", "PXX", None),
    ("Inspectors expect to stay for a fairly long period.", D, "a fairly long period", "DURATION", "PXX", None),
    # what today is: "it's the third day of ..." is the document's day
    ("Schools stayed shut as it's the third day of the transport strike.", D, "the third day", "DATE",
     "2025-08-30", _iv("2025-08-30", "2025-08-30", "day")),
    # round 8 (real news): "bi-" before a rate adverb doubles its period
    ("The central bank left rates unchanged at its bi-monthly review.", D, "bi-monthly", "SET", "P2M", None),
    # a unit after a noun is no rate when an offset word follows it ("$10 a day" is one)
    ("The rebels seized the airport compound a week after the truce collapsed.", D, "a week", "DURATION", "P1W",
     None),
    # a vague offset after a past moment is still before the document date
    ("The miners were trapped on Monday, and a few hours later the first of them was lifted out.", D,
     "a few hours later", "DATE", "PAST_REF", None),
    # "had to" + infinitive is an obligation already met, not one ahead
    ("The champion had to settle for third place in the final on Friday.", D, "Friday", "DATE", "2025-08-29",
     _iv("2025-08-29", "2025-08-29", "day")),
    # round 9: a quarter named by its last month is the calendar quarter that ends then
    ("The retailer said sales in the June quarter beat forecasts.", D, "the June quarter", "DATE", "2025-Q2",
     _iv("2025-04-01", "2025-06-30", "quarter")),
    ("Exports rose in the December quarter, the bureau said.", dt.date(2026, 1, 28), "the December quarter",
     "DATE", "2025-Q4", _iv("2025-10-01", "2025-12-31", "quarter")),
    ("Exports rose in the December quarter, the bureau said.", None, "the December quarter", "DATE", "XXXX-Q4",
     None),
    # "the quarter ended <day>" is the quarter that ends on it (TimeBank's spans: the day is its own)
    ("Net income for the quarter ended March 31 doubled.", D, "the quarter", "DATE", "2025-Q1",
     _iv("2025-01-01", "2025-03-31", "quarter")),
    # the last quarter of a named year is its fourth, as one span
    ("The shipyard expects orders to pick up in the final quarter of calendar 2026.", D,
     "the final quarter of calendar 2026", "DATE", "2026-Q4", _iv("2026-10-01", "2026-12-31", "quarter")),
    ("Losses narrowed in the last quarter of 2024.", D, "the last quarter of 2024", "DATE", "2024-Q4",
     _iv("2024-10-01", "2024-12-31", "quarter")),
    # the first or last six months of a named year are its half, as one span; without a year, a length
    ("The mill shed 400 jobs in the last six months of 2019.", D, "the last six months of 2019", "DATE", "2019-H2",
     _iv("2019-07-01", "2019-12-31", "quarter")),
    ("Imports doubled in the first six months of this year.", D, "the first six months of this year", "DATE",
     "2025-H1", _iv("2025-01-01", "2025-06-30", "quarter")),
    ("Imports doubled in the last six months.", D, "the last six months", "DURATION", "P6M", None),
    # "the next month" in a past narrative after a named month is the month after it, as "the following month"
    ("In March 2019 the envoy left the capital. She returned the next month with a new offer.", D,
     "the next month", "DATE", "2019-04", _iv("2019-04-01", "2019-04-30", "month")),
    # ahead of the document date otherwise
    ("In March 2019 the envoy left the capital. Prices will rise over the next month.", D, "the next month",
     "DATE", "2025-09", _iv("2025-09-01", "2025-09-30", "month")),
]

TIMEML_CASES = [
    # an offset after a date: TimeML annotates "three days" as a DURATION, "later" is a signal
    ("The dam failed on Aug. 2. Three days later, the valley was evacuated.", "2025-08-30",
     [("Aug. 2", "DATE", "2025-08-02"), ("Three days", "DURATION", "P3D")]),
    ("A few weeks later, the board resigned.", "2025-08-30", [("A few weeks", "DURATION", "PXW")]),
    # a year-ago comparison stays the date it compares with
    ("Sales rose to $4 million from $3 million a year earlier.", "2025-08-30", [("a year earlier", "DATE", "2024")]),
    # round 7: last year's figure, said a sentence before, is itself the year-ago period
    ("Net income fell to $2 million from $3 million in the 2024 period. The year-ago results included a tax "
     "charge.", "2025-08-30", [("year-ago", "DATE", "2024")]),
    ("Sales fell last year from year-earlier levels.", "2025-08-30", [("year-earlier", "DATE", "2023")]),
    # a comparison period is not the new anchor: the next comparison is with the present again
    ("Output fell 8% from a year ago. The unit blamed higher costs compared with a year earlier.", "2025-08-30",
     [("a year ago", "DATE", "2024"), ("a year earlier", "DATE", "2024")]),
    ("The plant closed in 2019. A year earlier it had cut 300 jobs.", "2025-08-30",
     [("A year earlier", "DATE", "2018")]),
]

NOT_TIMEXES = [
    # "soon" in a past clause, or "soon after" an event, is not the future of the document date
    ("The rescuers found the climbers soon after the storm ended.", "soon"),
    ("The protest grew quickly and the police soon withdrew.", "soon"),
    # "the future of" something is its fate
    ("The talks will decide the future of the coalition.", "future"),
    ("The striker scored early in the third quarter of the match.", "quarter"),
    ("He was shot on the night of the election.", "night"),
    ("She reads the morning papers before work.", "morning"),
    # a capitalised "Today" after a proper noun is a title
    ("The minister told USA Today that the plan had failed.", "Today"),
    ("The striker scored 2 in the afternoon session.", "afternoon"),
    # "the early hours of Monday" is a time of that day, not a length
    ("Police raided the flat in the early hours of Monday morning.", "early hours"),
    # today and tomorrow as eras
    ("Such rules make little sense in today's world.", "today"),
    ("The school says it is training the engineers of tomorrow.", "tomorrow"),
    ("The quake struck at 3:20 p.m. (0920 GMT) on Tuesday, officials said.", "0920"),
    ("Thousands of students joined the annual March for Science downtown.", "March"),
    # an ordinal day that is not what today is
    ("Rent is due on the first day of each month.", "first day"),
    # a programme's title, not the week of the document
    ('The minister said on "This Week" that the talks would go on.', "This Week"),
    # round 8: a capitalised "Daily" before a capitalised word names a paper or a site
    ("The claim first ran in the Daily Express and was later withdrawn.", "Daily"),
    ("Daily Planet Online is a satirical site, its disclaimer says.", "Daily"),
    # round 9: a quarter ending in January is a fiscal one; only the month is tagged
    ("Sales in the January quarter fell 4%.", "quarter"),
]
