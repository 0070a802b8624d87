"""The candidate patterns, as data: one compiled regular expression per kind of expression.

Each rule's name says what it finds; the normaliser of the same name in
normalise/ turns its match into a TIMEX3 value, and validation.py may veto a
match first. Patterns are case-insensitive except for month and weekday names,
which must be capitalised ("May", not the modal "may"). A named group ``T``
narrows the emitted span to part of the match ("for years" -> "years").

Group names are shared across rules so that the normalisers read them alike:
``pre`` early/late/mid or "the end of", ``rel`` last/next/this/that..., ``mon``
a month name, ``day`` a day of the month, ``yr`` a year, ``unit`` a time unit,
``q`` a quantity, ``mod`` an approximation ("about", "more than").

Adding a rule: put it in RULES and give it a line in windows.CUTS and
windows.TRIGGERS (tests/test_dates_windows.py proves both from the pattern),
a normaliser in normalise/, and a validator in validation.py if it needs one.
"""
from __future__ import annotations

import re

from claimcheck.timex.vocabulary import ONES, ORDINALS, TEENS, TENS


def _alternatives(words) -> str:
    # longest first: an alternation takes the first alternative that matches, not the longest
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Building blocks. They are embedded in the verbose (re.X) rules below, so they hold no
# literal whitespace: only \s.
_MONTHS_IN_FULL = ["January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"]
_ALL_CAPS_MONTHS = "|".join(m.upper() for m in _MONTHS_IN_FULL)
# (?-i:...): only capitalised names, so the modal "may" and the verb "march" never start a date
MONTH_NAME = (r"(?-i:(?:" + "|".join(_MONTHS_IN_FULL) + "|" + _ALL_CAPS_MONTHS
              + r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z]))")
MONTH_IN_FULL = r"(?-i:(?:" + "|".join(_MONTHS_IN_FULL) + "|" + _ALL_CAPS_MONTHS + r")(?![A-Za-z]))"
_WEEKDAYS_IN_FULL = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY_NAME = (r"(?-i:(?:" + "|".join(_WEEKDAYS_IN_FULL) + "|" + "|".join(w.upper() for w in _WEEKDAYS_IN_FULL)
                + r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.)(?![A-Za-z]))")
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
DAY_ORDINAL = "(?:" + _alternatives([k for k in ORDINALS if k not in ("final", "last")]
                                    + ["twenty-" + o for o in ("first", "second", "third", "fourth", "fifth",
                                                                "sixth", "seventh", "eighth", "ninth")]
                                    + ["thirty-first"]) + ")"
# not after a currency sign, a digit group or a slash: "$1999", "1,2000", "3/2024" are not years
YEAR_DIGITS = r"(?<![\d,.$£€#/])(?<!\d-)(?:1[0-9]{3}|20[0-9]{2})(?![\d%]|,\d|\.\d)"
_TEN_TO_NINETY_NINE = ("(?:" + _alternatives(TENS) + r")(?:[-\s](?:" + _alternatives(ONES) + "))?|"
                       + _alternatives(TEENS))
SPOKEN_YEAR = (r"(?:(?:nineteen|eighteen|seventeen)[-\s](?:hundred|" + _TEN_TO_NINETY_NINE
               + r"|oh[-\s](?:" + _alternatives(ONES) + r"))|twenty[-\s](?:" + _TEN_TO_NINETY_NINE + ")"
               + r"|two[-\s]thousand(?:[-\s]and)?(?:[-\s](?:" + _alternatives(TEENS) + "|" + _alternatives(ONES)
               + r"))?(?![-\s](?:dollars|people)))")
ANY_YEAR = f"(?:{YEAR_DIGITS}|{SPOKEN_YEAR})"

NUMBER_WORDS = ("(?:(?:" + _alternatives(TENS) + r")(?:[-\s](?:" + _alternatives(ONES) + "))?|"
                + _alternatives(TEENS) + "|" + _alternatives(ONES)
                + r")(?:[-\s](?:hundred|thousand))?|(?:a[-\s])?hundred|(?:a[-\s])?thousand|(?:a\s)?dozen")
NUMBER_DIGITS = r"(?<![\d,.$])\d{1,4}(?:\.\d+)?(?:\s\d/\d)?(?![\d,])|\d/\d"
QUANTITY = (r"(?:" + NUMBER_DIGITS + "|" + NUMBER_WORDS + r"|(?:one|\d+|" + _alternatives(ONES)
            + r")\sand\sa\shalf|a\scouple\sof|a\scouple"
            r"|couple\sof|a\sfew|several|few|many|half\san?|a\shalf|an?)")
UNIT_SINGULAR = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|millennium)"
UNIT_PLURAL = r"(?:seconds|minutes|hours|days|weeks|fortnights|months|quarters|years|decades|centuries|millennia)"
UNIT = f"(?:{UNIT_PLURAL}|{UNIT_SINGULAR})"
QUANTITY_MODIFIER = (r"(?:about|around|approximately|roughly|nearly|almost|more\sthan|less\sthan|fewer\sthan|"
                     r"at\sleast|at\smost|up\sto|no\smore\sthan|no\sless\sthan|not\smore\sthan|just\sunder|just\sover|"
                     r"some|well\sover|barely|the\sbetter\spart\sof)")
POSITION_PREFIX = r"(?:early|mid|late|earlier|later|end(?=-)|start(?=-)|the\s(?:beginning|start|middle|end)\sof)"
RELATIVE_WORD = (r"(?:last|next|this|this\spast|this\scoming|past|coming|previous|following|current|same|that"
                 r"|latest|full)")
HOLIDAY_NAME = (r"(?-i:Christmas(?:\sEve|\sDay)?|New\sYear's\s(?:Eve|Day)|Independence\sDay|Halloween"
                r"|Valentine's\sDay|Thanksgiving(?:\sDay)?|Labor\sDay|Memorial\sDay|Election\sDay|Easter(?:\sSunday)?"
                r"|Good\sFriday)")

def _compile_rule(p: str) -> re.Pattern:
    # (?<!\w) first: most text positions are inside words, and fail here at once
    return re.compile(r"(?<![\w])(?:" + p + ")", re.I | re.X)


# (name, pattern). Order does not matter: the longest match wins, ties go to the earlier rule.
RULES: list[tuple[str, re.Pattern]] = [
    ("iso_date", re.compile(r"(?<![\d-])(?P<y>1[0-9]{3}|20[0-9]{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])"
                            r"(?:[T\s](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?![\d])")),
    ("slash_date", re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")),
    ("month_day_year", _compile_rule(rf"""
                  (?:(?P<weekof>the\s+week\s+of)\s+)?  # the ISO week that holds the day
                  (?:(?P<wd>{WEEKDAY_NAME}),?\s+)?(?:(?P<pre>early|late|mid)[-\s])?
                  (?P<mon>{MONTH_NAME})\s*(?P<day>{DAY_NUMBER}|{DAY_ORDINAL})
                  (?:(?P<sep>\s*(?:-|–|—)\s*|\s+(?:to|through|until|and|or)\s+)
                  (?P<day2>{DAY_NUMBER})(?![\s-]*(?:percent|%|\$)))?
                  (?:(?:,\s*|\s+)(?P<yr>{ANY_YEAR}))?""")),
    ("day_month_year", _compile_rule(rf"""
                  (?:(?P<wd>{WEEKDAY_NAME}),?\s+)?(?:the\s+)?
                  (?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?:\s*(?:-|–)\s*(?P<day2>[12]\d|3[01]|0?[1-9]))?
                  \s+(?:of\s+)?(?P<mon>{MONTH_NAME})(?:,?\s+(?P<yr>{YEAR_DIGITS}))?""")),
    ("month_name", _compile_rule(rf"""
                  (?:(?P<pre>{POSITION_PREFIX})[-\s]+)?(?:(?P<rel>{RELATIVE_WORD})\s+)?
                  (?P<mon>{MONTH_NAME})(?!\.?\s*\d{{1,2}}(?!\d))  # "last Oct. 23" is a day: month_day_year's
                  (?:(?:,\s*|\s+)(?:of\s+)?(?P<yr>{ANY_YEAR}|'\d\d(?![\d']))
                  |\s+(?P<post>(?:of\s)?(?:this|last|next)\syear))?""")),
    ("year", _compile_rule(rf"""
                  (?:(?P<pre>{POSITION_PREFIX})[-\s]+)?
                  (?:(?P<theyear>the\s+year|the\s+calendar\s+year|calendar\s+year)\s+)?
                  (?P<yr>{YEAR_DIGITS}|{SPOKEN_YEAR})""")),
    ("year_range", _compile_rule(rf"""
                  (?:(?P<pre>{POSITION_PREFIX})[-\s]+)?
                  (?P<y1>{YEAR_DIGITS})\s?(?P<sep>[-–—/]|\sto\s)\s?(?P<y2>(?:1[0-9]|20)?\d\d)(?![\d%-])""")),
    ("fiscal_year", _compile_rule(r"""
                  (?:(?P<pre>early|late|mid)[-\s]+)?(?:the\s+)?(?:FY|fiscal(?:\s+year)?)\s?-?
                  (?P<y1>'?\d\d(?:\d\d)?)(?:\s?[-–/]\s?(?P<y2>\d\d(?:\d\d)?))?(?![\d%])""")),
    ("decade", _compile_rule(r"""
                  (?:(?P<the>the)\s+)?(?:(?P<pre>early|mid|late)[-\s]?)?
                  (?:(?P<dec>1\d\d0|20\d0)'?s
                  |'(?P<dec2>\d0)s
                  |(?P<decw>(?<=the\s)(?:(?:nineteen|mid|early|late)[-\s])?
                     (?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))(?![\w])""")),
    ("century", _compile_rule(rf"""
                  (?:(?P<the>the)\s+)?(?:(?P<pre>early|mid|late)[-\s]?)?
                  (?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{DAY_ORDINAL})[-\s]century""")),
    ("quarter", _compile_rule(rf"""
                  (?:(?P<pre>early|late|mid|the\send\sof|the\sbeginning\sof|the\sstart\sof)[-\s]+)?
                  (?:(?P<the>the|a|this|its|their)\s+)?(?:(?P<yr>{YEAR_DIGITS})\s+)?
                  (?:(?P<rel>latest|current|past|last|previous|prior|next|this\syear's|last\syear's|next\syear's
                            |year-earlier|year-ago|same|flat|comparable|corresponding)\s+)?
                  (?:fiscal\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th
                     |last(?=[-\s]quarter\s+of\s+(?:calendar\s+|fiscal\s+)?(?:\d|this|last|next|the\s)))
                  [-\s](?:fiscal[-\s])?quarter
                  (?![-\s]of\s(?!\d|[$£€]|this|last|next|fiscal|calendar|the\s(?:year|current|previous))|s)
                  (?:\s+of\s+(?:(?:fiscal\s+|calendar\s+)?(?P<yr2>{YEAR_DIGITS})|(?P<rel2>this|last|next)\syear
                     |the\s(?P<rel3>current\s|previous\s|same\s)?(?:fiscal\s)?year))?""")),
    ("quarter_code", _compile_rule(rf"""
                  (?-i:(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H))
                  (?:\s*(?:of\s+)?(?P<yr>{YEAR_DIGITS}|'\d\d|FY\s?\d\d(?:\d\d)?)|(?P<yr2>(?<=[QH])\d\d))?(?![\w])
                  |(?P<yr0>{YEAR_DIGITS})\s*(?-i:Q(?P<q0>[1-4])|H(?P<h0>[12]))(?![\w])""")),
    ("the_quarter", _compile_rule(rf"""
                  (?:the\s+|this\s+|that\s+)
                  (?:(?P<mon>{MONTH_IN_FULL})\s+(?=quarter)  # "the December quarter": the one ending that month
                     |(?P<rel>(?:(?:latest|current|past|previous|prior|last|same|year-earlier|year-ago|comparable
                                 |corresponding|recent|fiscal|most\srecent)\s+){{1,2}}
                     |(?P<yr>(?:1[0-9]|20)\d\d)\s+))?
                  (?P<unit>quarter|period)(?![-\w])
                  (?:\s+(?P<ago>a\syear\s(?:ago|earlier)|last\syear|of\slast\syear|of\sthe\sprevious\syear))?""")),
    ("half_year", _compile_rule(rf"""
                  (?:the\s+|a\s+)?(?:(?P<h>first|second|last)[-\s]half|(?P<h2>first\s+two)\s+quarters(?=\s+of\s)
                     |(?P<h3>first|second|last|final)\s+(?:six|6)\s+months  # of a year: its half
                      (?=\s+of\s+(?:calendar\s+|fiscal\s+)?(?:{YEAR_DIGITS}|this\syear|last\syear|next\syear)))
                  (?![-\s]of\s(?!{YEAR_DIGITS}|this|last|next|the\syear|fiscal|calendar))
                  (?:\s+of\s+(?:(?:fiscal\s+|calendar\s+)?(?P<yr>{YEAR_DIGITS})|(?P<rel>this|last|next)\syear
                     |the\s(?:fiscal\s)?year))?""")),
    ("season", _compile_rule(rf"""
                  (?:(?P<pre>early|late|mid|the\s(?:beginning|end|middle|start)\sof)[-\s]+)?(?:(?P<the>the)\s+)?
                  (?:(?P<rel>this|last|next|past|coming|this\spast|this\scoming|previous|following)\s+)?
                  (?P<s>spring|summer|fall|autumn|winter)(?![-\w])
                  (?:(?:\s+of|,)?\s+(?P<yr>{ANY_YEAR}))?""")),
    ("relative_unit", _compile_rule(rf"""
                  (?:(?P<pre>early|late|earlier|later|mid|the\s(?:beginning|start|middle|end|rest)\sof)[-\s]+)?
                  (?:the\s+)?(?P<rel>{RELATIVE_WORD}|the)\s+
                  (?P<unit>weekend|week|month|year|decade|century|day|fiscal\syear|calendar\syear|financial\syear
                     |millennium)(?![-\w])
                  (?P<post>\s+(?:ended|ending|to\sdate))?""")),
    ("unit_end", _compile_rule(r"""
                  (?P<pre>the\s(?:end|start|beginning|middle|rest)\sof\s(?:the\s)?|around\s)?
                  (?P<unit>year|month|week)(?:'s)?[-\s](?P<e>end|start)(?!\w)""")),
    ("year_ago", _compile_rule(r"""
                  (?:(?P<the>the)\s+)?(?P<k>year-earlier|year-ago|year\searlier|prior-year|previous-year)
                  (?:\s+(?P<u>quarter|period|month|year|levels?|figures?|results))?""")),
    ("units_ago", _compile_rule(rf"""
                  (?:(?P<mod>{QUANTITY_MODIFIER}|just|only|over)\s+)?(?P<q>{QUANTITY}|the)\s+
                  (?P<unit>{UNIT})(?:\s+or\s+so|\s+or\s+(?:two|three|more))?\s+
                  (?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously|back)(?![\w-])""")),
    ("bare_ago", _compile_rule(rf"""
                  (?P<unit>{UNIT_PLURAL})\s+(?P<dir>ago|earlier|before|later)(?![\w-])""")),
    ("duration", _compile_rule(rf"""
                  (?:(?P<mod>{QUANTITY_MODIFIER}|over(?=\s+an?\s))\s+)?
                  (?:(?P<the>the|a|an|its|their|his|her)\s+
                     (?:(?P<rel>past|last|next|first|final|coming|previous|following|remaining|latest|initial|entire
                               |whole|full)\s+)?)?
                  (?P<q>{QUANTITY})(?:[-\s]+|(?<=\d))
                  (?:(?P<more>more|additional|further|straight|consecutive|full|long|extra)\s+)?
                  (?P<unit>{UNIT})(?![-\w])(?!\s+old)
                  (?P<orso>\s+or\s+so|\s+or\s+(?:two|three|more|less|longer))?""")),
    ("hyphenated_duration", _compile_rule(rf"""
                  (?P<q>{NUMBER_WORDS}|\d+(?:\.\d+)?|several|multi|half|a\shalf)-
                  (?P<unit>{UNIT_SINGULAR})(?:-(?P<long>long|old|plus))?(?![-\w])""")),
    ("unit_long", _compile_rule(rf"""  # "a day-long meeting", "a weeklong visit", "their decades-long feud"
                  (?P<unit>{UNIT})-?long(?![-\w])""")),
    ("vague_duration", _compile_rule(rf"""
                  (?:(?P<the>the)\s+
                     (?:(?P<rel>past|last|next|coming|first|early|last\sfew|past\sfew|next\sfew|following)\s+)?)?
                  (?P<T0>(?P<v>a\sfew|several|few|many|some|recent|dozens\sof|hundreds\sof|thousands\sof)\s+)?
                  (?P<unit>{UNIT_PLURAL})(?![-\w])""")),
    ("for_units", _compile_rule(rf"""
                  (?:for|within|in|over|after|take|takes|took|taken)\s+
                  (?P<T>(?P<unit>{UNIT_PLURAL})(?:\s+(?:and|or)\s+(?P<unit2>{UNIT_PLURAL}))?)(?![-\w])""")),
    ("vague_period", _compile_rule(r"""  # "for a while", "for some time", "for a fairly lengthy period"
                  (?:for|within|after)\s+
                  (?P<T>a\swhile|some\stime|(?:quite\s)?an?\s(?:(?:fairly|very|relatively|rather)\s)?
                     (?:long|lengthy|short|brief|extended|considerable|indefinite)\s(?:period|while|time|spell))
                  (?![-\w])""")),
    ("half_unit", _compile_rule(rf"""
                  (?:(?P<mod>{QUANTITY_MODIFIER})\s+)?(?:half\s+an?|a\s+half)[-\s]+(?P<unit>{UNIT_SINGULAR})
                  |(?P<q>an?|one|{NUMBER_WORDS}|\d+)\s+(?P<unit2>{UNIT_SINGULAR}s?)\s+and\s+a\s+half""")),
    ("set", _compile_rule(rf"""
                  (?:(?P<q>each|every|per)\s+(?:(?P<ord>other|second|third)\s+)?
                     (?P<u>{UNIT_SINGULAR}|weekend|{WEEKDAY_NAME}|{MONTH_IN_FULL}
                           |morning|afternoon|evening|night|spring|summer|fall|autumn|winter)(?![-\w]))
                  |(?P<adv>daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|biweekly|fortnightly
                          |semiannually|biannually)(?![-\w])
                  |(?P<times>once|twice|thrice|(?:\d+|{NUMBER_WORDS})\s+times)\s+(?:a|per|each|every)\s+
                     (?P<u2>{UNIT_SINGULAR})(?![-\w])""")),
    ("day_name", _compile_rule(rf"""
                  (?:the\s+(?P<next>day\s+(?:before|after))\s+)?  # "the day before last Tuesday's hearing"
                  (?:(?P<pre>early|late|earlier|later|mid)[-\s]+)?
                  (?:(?P<rel>last|next|this|this\scoming|this\spast|coming|past
                     |the\s(?:previous|preceding|following))\s+)?
                  (?P<d>{WEEKDAY_NAME}|today|yesterday|tomorrow|tonight)(?P<pl>(?-i:s)(?![\w']))?
                  (?:(?:,\s*|\s+)(?P<mon>{MONTH_NAME})\s*(?P<day>{DAY_NUMBER}|{DAY_ORDINAL})
                     (?:,?\s+(?P<yr>{YEAR_DIGITS}))?)?
                  (?:\s+(?P<part>morning|afternoon|evening|night|overnight)(?P<pl2>s)?(?![\w-]))?""")),
    ("ordinal_day", _compile_rule(r"""  # "today is the eighth day of the strike"
                  (?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[1-9]\d?(?:st|nd|rd|th))
                  \s+day(?=\s+of\s)""")),
    ("part_of_day", _compile_rule(r"""
                  (?:(?P<pre>early|late|earlier|later|mid)[-\s]+)?
                  (?P<rel>this|last|that|the\snext|the\sprevious|the\sfollowing|tomorrow|yesterday|the)\s+
                  (?P<part>morning|afternoon|evening|night)(?![\w-])
                  |(?P<mid>mid[-\s]?(?:morning|afternoon|day))(?:\s+(?P<day>yesterday|today|tomorrow))?(?![\w-])
                  |(?P<over>overnight)(?![\w-])""")),
    ("clock_time", _compile_rule(rf"""
                  (?:(?P<pre>about|around|approximately|shortly\sbefore|shortly\safter|just\sbefore|just\safter|after
                        |before)\s+)?
                  (?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))?\s*
                     (?:(?P<ap>(?-i:a\.m\.?|p\.m\.?|am|pm|AM|PM|A\.M\.?|P\.M\.?))(?![A-Za-z])
                        |in\s+the\s+(?P<pod>morning|afternoon|evening|night)(?![\w-]))  # "4 in the morning"
                  |(?P<nm>noon|midnight|midday)(?![\w-])
                  |(?P<h24>[01]\d|2[0-3])(?P<mi24>[0-5]\d)\s+(?=GMT|UTC))
                  (?:\s*\(?(?P<tz>(?-i:[ECMP][SD]T|GMT|UTC|BST|CET)(?![A-Za-z])|local\stime)\)?)?
                  (?:,?\s+(?:on\s+)?(?P<d>{WEEKDAY_NAME}|today|yesterday|tomorrow|tonight)
                     (?:,?\s+(?P<mon2>{MONTH_NAME})\s*(?P<day2>{DAY_NUMBER}))?
                  |,?\s+(?:on\s+)?(?P<mon>{MONTH_NAME})\s*(?P<day>{DAY_NUMBER})(?:,?\s+(?P<yr>{YEAR_DIGITS}))?)?""")),
    ("reference", _compile_rule(r"""
                  (?P<w>right\snow|now(?!-)|currently|nowadays|these\sdays|at\spresent|presently|recently|lately
                     |soon(?!er|est|-)
                     |the\spast(?!\s(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten
                                    |year|month|week|decade|century|day|quarter))
                     |the\s(?:near\s|distant\s)?future|the\s(?:near|short|long)\sterm
                     |(?:the\s)?(?:coming|recent|future)\s(?:days|weeks|months|years|decades|quarters)
                     |current(?![\w-])|recent(?![\w-]))(?![\w-])""")),
    ("holiday", _compile_rule(rf"""
                  (?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY_NAME})(?:,?\s+(?P<yr>{YEAR_DIGITS}))?(?![\w-])""")),
    ("anaphor", _compile_rule(r"""
                  (?:(?P<pre>early|late|earlier|later)\s+)?
                  (?P<rel>that|the\ssame|the\sfollowing|the\sprevious|the\snext|the\sprior|the\spreceding)\s+
                  (?P<unit>day|week|month|year|quarter|morning|night|evening|afternoon)(?![\w-])
                  |(?P<unit2>the\s(?:day|week|month|year)\s(?:before|after))(?![\w-])""")),
]


