"""Word tables and compiled patterns for the time-expression tagger (see dates.py).

Every pattern is compiled once at import. Patterns are case-insensitive except
for month and weekday names, which must be capitalised ("May", not the modal
"may"). A named group ``T`` narrows the emitted span to part of the match
("for years" -> "years").
"""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
            "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "final": 4, "last": 4}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
VAGUE = {"a few", "few", "several", "some", "many", "a number of", "dozens of", "hundreds of",
         "thousands of", "the", "recent", "coming", "the coming", "the next few", "the past few",
         "the last few", "the first few"}

# unit -> (ISO letter, multiplier, is-time-part)
UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "week": ("W", 1, False), "fortnight": ("W", 2, False),
    "month": ("M", 1, False), "quarter": ("M", 3, False), "year": ("Y", 1, False),
    "decade": ("Y", 10, False), "century": ("Y", 100, False), "millennium": ("Y", 1000, False),
}
VAGUE_UNITS = {"second": "PTXS", "minute": "PTXM", "hour": "PTXH", "day": "PXD", "week": "PXW",
               "fortnight": "PXW", "month": "PXM", "quarter": "PXM", "year": "PXY", "decade": "PXDE",
               "century": "PXC", "millennium": "PXL"}


def unit_key(word: str) -> str | None:
    w = word.lower().rstrip(".")
    if w in ("centuries",):
        return "century"
    if w in ("millennia",):
        return "millennium"
    if w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return w if w in UNITS else None


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH_FULL = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
MON = (r"(?-i:(?:" + "|".join(_MONTH_FULL) + "|" + "|".join(m.upper() for m in _MONTH_FULL)
       + r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z]))")
MON_FULL = r"(?-i:(?:" + "|".join(_MONTH_FULL) + "|" + "|".join(m.upper() for m in _MONTH_FULL) + r")(?![A-Za-z]))"
_WD_FULL = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WD = (r"(?-i:(?:" + "|".join(_WD_FULL) + "|" + "|".join(w.upper() for w in _WD_FULL)
      + r"|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.)(?![A-Za-z]))")
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
DAYORD = "(?:" + _alt([k for k in ORDINALS if k not in ("final", "last")]
                      + ["twenty-" + o for o in ("first", "second", "third", "fourth", "fifth",
                                                  "sixth", "seventh", "eighth", "ninth")]
                      + ["thirty-first"]) + ")"
YEAR4 = r"(?<![\d,.$£€#/])(?<!\d-)(?:1[0-9]{3}|20[0-9]{2})(?![\d%]|,\d|\.\d)"
_TEN_TO_99 = ("(?:" + _alt(TENS) + r")(?:[-\s](?:" + _alt(ONES) + "))?|" + _alt(TEENS))
SPOKEN_YEAR = (r"(?:(?:nineteen|eighteen|seventeen)[-\s](?:hundred|" + _TEN_TO_99
               + r"|oh[-\s](?:" + _alt(ONES) + r"))|twenty[-\s](?:" + _TEN_TO_99 + ")"
               + r"|two[-\s]thousand(?:[-\s]and)?(?:[-\s](?:" + _alt(TEENS) + "|" + _alt(ONES) + r"))?(?![-\s](?:dollars|people)))")
YEARX = f"(?:{YEAR4}|{SPOKEN_YEAR})"

NUMWORD = ("(?:(?:" + _alt(TENS) + r")(?:[-\s](?:" + _alt(ONES) + "))?|" + _alt(TEENS) + "|" + _alt(ONES)
           + r")(?:[-\s]hundred)?|(?:a[-\s])?hundred|(?:a[-\s])?thousand|(?:a\s)?dozen")
NUMDIG = r"(?<![\d,.$])\d{1,4}(?:\.\d+)?(?:\s\d/\d)?(?![\d,])|\d/\d"
QUANT = (r"(?:" + NUMDIG + "|" + NUMWORD + r"|(?:one|\d+|" + _alt(ONES) + r")\sand\sa\shalf|a\scouple\sof|a\scouple"
         r"|couple\sof|a\sfew|several|few|many|half\san?|a\shalf|an?)")
UNIT_SG = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|millennium)"
UNIT_PL = r"(?:seconds|minutes|hours|days|weeks|fortnights|months|quarters|years|decades|centuries|millennia)"
UNIT = f"(?:{UNIT_PL}|{UNIT_SG})"
DMODS = (r"(?:about|around|approximately|roughly|nearly|almost|more\sthan|less\sthan|fewer\sthan|"
         r"at\sleast|at\smost|up\sto|no\smore\sthan|no\sless\sthan|not\smore\sthan|just\sunder|just\sover|"
         r"some|well\sover|barely|the\sbetter\spart\sof)")
PRE = r"(?:early|mid|late|earlier|later|end(?=-)|start(?=-)|the\s(?:beginning|start|middle|end)\sof)"
RELW = r"(?:last|next|this|this\spast|this\scoming|past|coming|previous|following|current|same|that|latest|full)"
HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "thanksgiving": "thanks",
    "thanksgiving day": "thanks", "labor day": "labor", "memorial day": "memorial",
    "election day": "election", "easter": "easter", "easter sunday": "easter", "good friday": "goodfri",
}
HOLI = r"(?-i:Christmas(?:\sEve|\sDay)?|New\sYear's\s(?:Eve|Day)|Independence\sDay|Halloween|Valentine's\sDay|Thanksgiving(?:\sDay)?|Labor\sDay|Memorial\sDay|Election\sDay|Easter(?:\sSunday)?|Good\sFriday)"


def _c(p: str) -> re.Pattern:
    # (?<!\w) first: most text positions are inside words, and fail here at once
    return re.compile(r"(?<![\w])(?:" + p + ")", re.I | re.X)


# (name, pattern). Order does not matter: the longest match wins, ties go to the earlier rule.
RULES: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"(?<![\d-])(?P<y>1[0-9]{3}|20[0-9]{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])(?:[T\s](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?![\d])")),
    ("slash", re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")),
    ("mdy", _c(rf"""(?:(?P<wd>{WD}),?\s+)?(?:(?P<pre>early|late|mid)[-\s])?(?P<mon>{MON})\s*(?P<day>{DAYNUM}|{DAYORD})
                  (?:(?P<sep>\s*(?:-|–|—)\s*|\s+(?:to|through|until|and|or)\s+)(?P<day2>{DAYNUM})(?![\s-]*(?:percent|%|\$)))?
                  (?:(?:,\s*|\s+)(?P<yr>{YEARX}))?""")),
    ("dmy", _c(rf"""(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?:\s*(?:-|–)\s*(?P<day2>[12]\d|3[01]|0?[1-9]))?
                  \s+(?:of\s+)?(?P<mon>{MON})(?:,?\s+(?P<yr>{YEAR4}))?""")),
    ("month", _c(rf"""(?:(?P<pre>{PRE})[-\s]+)?(?:(?P<rel>{RELW})\s+)?(?P<mon>{MON})
                  (?:(?:,\s*|\s+)(?:of\s+)?(?P<yr>{YEARX}|'\d\d(?![\d']))|\s+(?P<post>(?:of\s)?(?:this|last|next)\syear))?""")),
    ("year", _c(rf"""(?:(?P<pre>{PRE})[-\s]+)?(?:(?P<theyear>the\s+year|the\s+calendar\s+year|calendar\s+year)\s+)?(?P<yr>{YEAR4}|{SPOKEN_YEAR})""")),
    ("yrange", _c(rf"""(?:(?P<pre>{PRE})[-\s]+)?(?P<y1>{YEAR4})\s?(?P<sep>[-–—/]|\sto\s)\s?(?P<y2>(?:1[0-9]|20)?\d\d)(?![\d%-])""")),
    ("fiscal", _c(r"""(?:(?P<pre>early|late|mid)[-\s]+)?(?:the\s+)?(?:FY|fiscal(?:\s+year)?)\s?-?(?P<y1>'?\d\d(?:\d\d)?)(?:\s?[-–/]\s?(?P<y2>\d\d(?:\d\d)?))?(?![\d%])""")),
    ("decade", _c(rf"""(?:(?P<the>the)\s+)?(?:(?P<pre>early|mid|late)[-\s]?)?(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<dec2>\d0)s|(?P<decw>(?<=the\s)(?:(?:nineteen|mid|early|late)[-\s])?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))(?![\w])""")),
    ("century", _c(rf"""(?:(?P<the>the)\s+)?(?:(?P<pre>early|mid|late)[-\s]?)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{DAYORD})[-\s]century""")),
    ("quarter", _c(rf"""(?:(?P<pre>early|late|mid|the\send\sof|the\sbeginning\sof|the\sstart\sof)[-\s]+)?(?:(?P<the>the|a|this|its|their)\s+)?(?:(?P<yr>{YEAR4})\s+)?
                  (?:(?P<rel>latest|current|past|last|previous|prior|next|this\syear's|last\syear's|next\syear's|year-earlier|year-ago|same|flat|comparable|corresponding)\s+)?
                  (?:fiscal\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[-\s](?:fiscal[-\s])?quarter(?![-\s]of\s(?!\d|this|last|next|fiscal|the\s(?:year|current|previous))|s)
                  (?:\s+of\s+(?:(?:fiscal\s+)?(?P<yr2>{YEAR4})|(?P<rel2>this|last|next)\syear|the\s(?P<rel3>current\s|previous\s|same\s)?(?:fiscal\s)?year))?""")),
    ("qcode", _c(rf"""(?-i:(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H))(?:\s*(?:of\s+)?(?P<yr>{YEAR4}|'\d\d|FY\s?\d\d(?:\d\d)?)|(?P<yr2>(?<=[QH])\d\d))?(?![\w])|(?P<yr0>{YEAR4})\s*(?-i:Q(?P<q0>[1-4])|H(?P<h0>[12]))(?![\w])""")),
    ("thequarter", _c(r"""(?:the\s+|this\s+|that\s+)(?:(?P<rel>(?:(?:latest|current|past|previous|prior|last|same|year-earlier|year-ago|comparable|corresponding|recent|fiscal|most\srecent)\s+){1,2}|(?P<yr>(?:1[0-9]|20)\d\d)\s+))?(?P<unit>quarter|period)(?![-\w])
                  (?:\s+(?P<ago>a\syear\s(?:ago|earlier)|last\syear|of\slast\syear|of\sthe\sprevious\syear))?""")),
    ("half", _c(rf"""(?:the\s+|a\s+)?(?:(?P<h>first|second|last)[-\s]half|(?P<h2>first\s+two)\s+quarters(?=\s+of\s))(?![-\s]of\s(?!{YEAR4}|this|last|next|the\syear|fiscal))(?:\s+of\s+(?:(?:fiscal\s+)?(?P<yr>{YEAR4})|(?P<rel>this|last|next)\syear|the\s(?:fiscal\s)?year))?""")),
    ("season", _c(rf"""(?:(?P<pre>early|late|mid|the\s(?:beginning|end|middle|start)\sof)[-\s]+)?(?:(?P<the>the)\s+)?(?:(?P<rel>this|last|next|past|coming|this\spast|this\scoming|previous|following)\s+)?(?P<s>spring|summer|fall|autumn|winter)(?![-\w])
                  (?:(?:\s+of|,)?\s+(?P<yr>{YEARX}))?""")),
    ("rel", _c(rf"""(?:(?P<pre>early|late|earlier|later|mid|the\s(?:beginning|start|middle|end|rest)\sof)[-\s]+)?(?:the\s+)?(?P<rel>{RELW}|the)\s+(?P<unit>weekend|week|month|year|decade|century|day|fiscal\syear|calendar\syear|financial\syear|millennium)(?![-\w])
                  (?P<post>\s+(?:ended|ending|to\sdate))?""")),
    ("relend", _c(r"""(?P<pre>the\s(?:end|start|beginning|middle|rest)\sof\s(?:the\s)?|around\s)?(?P<unit>year|month|week)(?:'s)?[-\s](?P<e>end|start)(?!\w)""")),
    ("yearago", _c(r"""(?:(?P<the>the)\s+)?(?P<k>year-earlier|year-ago|year\searlier|prior-year|previous-year)(?:\s+(?P<u>quarter|period|month|year|levels?|figures?|results))?""")),
    ("ago", _c(rf"""(?:(?P<mod>{DMODS}|just|only|over)\s+)?(?P<q>{QUANT}|the)\s+(?P<unit>{UNIT})(?:\s+or\s+so|\s+or\s+(?:two|three|more))?\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously|back)(?![\w-])""")),
    ("bareago", _c(rf"""(?P<unit>{UNIT_PL})\s+(?P<dir>ago|earlier|before|later)(?![\w-])""")),
    ("dur", _c(rf"""(?:(?P<mod>{DMODS}|over(?=\s+an?\s))\s+)?(?:(?P<the>the|a|an|its|their|his|her)\s+(?:(?P<rel>past|last|next|first|final|coming|previous|following|remaining|latest|initial|entire|whole|full)\s+)?)?
                  (?P<q>{QUANT})(?:[-\s]+|(?<=\d))(?:(?P<more>more|additional|further|straight|consecutive|full|long|extra)\s+)?(?P<unit>{UNIT})(?![-\w])(?!\s+old)
                  (?P<orso>\s+or\s+so|\s+or\s+(?:two|three|more|less|longer))?""")),
    ("durhyph", _c(rf"""(?P<q>{NUMWORD}|\d+(?:\.\d+)?|several|multi|half|a\shalf)-(?P<unit>{UNIT_SG})(?:-(?P<long>long|old|plus))?(?![-\w])""")),
    ("durvague", _c(rf"""(?:(?P<the>the)\s+(?:(?P<rel>past|last|next|coming|first|early|last\sfew|past\sfew|next\sfew|following)\s+)?)?(?P<T0>(?P<v>a\sfew|several|few|many|some|recent|dozens\sof|hundreds\sof|thousands\sof)\s+)?(?P<unit>{UNIT_PL})(?![-\w])""")),
    ("forunits", _c(rf"""(?:for|within|in|over|after|take|takes|took|taken)\s+(?P<T>(?P<unit>{UNIT_PL})(?:\s+(?:and|or)\s+(?P<unit2>{UNIT_PL}))?)(?![-\w])""")),
    ("halfunit", _c(rf"""(?:(?P<mod>{DMODS})\s+)?(?:half\s+an?|a\s+half)[-\s]+(?P<unit>{UNIT_SG})|(?P<q>an?|one|{NUMWORD}|\d+)\s+(?P<unit2>{UNIT_SG}s?)\s+and\s+a\s+half""")),
    ("set", _c(rf"""(?:(?P<q>each|every|per)\s+(?:(?P<ord>other|second|third)\s+)?(?P<u>{UNIT_SG}|weekend|{WD}|{MON_FULL}|morning|afternoon|evening|night|spring|summer|fall|autumn|winter)(?![-\w]))
                  |(?P<adv>daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|biweekly|fortnightly|semiannually|biannually)(?![-\w])
                  |(?P<times>once|twice|thrice|(?:\d+|{NUMWORD})\s+times)\s+(?:a|per|each|every)\s+(?P<u2>{UNIT_SG})(?![-\w])""")),
    ("dayref", _c(rf"""(?:(?P<pre>early|late|earlier|later|mid)[-\s]+)?(?:(?P<rel>last|next|this|this\scoming|this\spast|coming|past)\s+)?(?P<d>{WD}|today|yesterday|tomorrow|tonight)(?P<pl>(?-i:s)(?![\w']))?
                  (?:(?:,\s*|\s+)(?P<mon>{MON})\s*(?P<day>{DAYNUM}|{DAYORD})(?:,?\s+(?P<yr>{YEAR4}))?)?
                  (?:\s+(?P<part>morning|afternoon|evening|night|overnight)(?P<pl2>s)?(?![\w-]))?""")),
    ("partref", _c(r"""(?:(?P<pre>early|late|earlier|later|mid)[-\s]+)?(?P<rel>this|last|that|the\snext|the\sprevious|the\sfollowing|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night)(?![\w-])|(?P<mid>mid[-\s]?(?:morning|afternoon|day))(?![\w-])|(?P<over>overnight)(?![\w-])""")),
    ("clock", _c(rf"""(?:(?P<pre>about|around|approximately|shortly\sbefore|shortly\safter|just\sbefore|just\safter|after|before)\s+)?
                  (?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?-i:a\.m\.?|p\.m\.?|am|pm|AM|PM|A\.M\.?|P\.M\.?))(?![A-Za-z])|(?P<nm>noon|midnight|midday)(?![\w-])|(?P<h24>[01]\d|2[0-3])(?P<mi24>[0-5]\d)\s+(?=GMT|UTC))
                  (?:\s*\(?(?P<tz>(?-i:[ECMP][SD]T|GMT|UTC|BST|CET)(?![A-Za-z])|local\stime)\)?)?
                  (?:,?\s+(?:on\s+)?(?P<d>{WD}|today|yesterday|tomorrow|tonight)(?:,?\s+(?P<mon2>{MON})\s*(?P<day2>{DAYNUM}))?|,?\s+(?:on\s+)?(?P<mon>{MON})\s*(?P<day>{DAYNUM})(?:,?\s+(?P<yr>{YEAR4}))?)?""")),
    ("ref", _c(r"""(?P<w>right\snow|now(?!-)|currently|nowadays|these\sdays|at\spresent|presently|recently|lately|soon(?!er|est|-)|the\spast(?!\s(?:\d|few|several|two|three|four|five|six|seven|eight|nine|ten|year|month|week|decade|century|day|quarter))|the\s(?:near\s|distant\s)?future|the\snear\sterm|the\slong\sterm|(?:the\s)?(?:coming|recent|future)\s(?:days|weeks|months|years|decades|quarters)|current(?![\w-])|recent(?![\w-]))(?![\w-])""")),
    ("holiday", _c(rf"""(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLI})(?:,?\s+(?P<yr>{YEAR4}))?(?![\w-])""")),
    ("anaphor", _c(r"""(?:(?P<pre>early|late|earlier|later)\s+)?(?P<rel>that|the\ssame|the\sfollowing|the\sprevious|the\snext|the\sprior|the\spreceding)\s+(?P<unit>day|week|month|year|quarter|morning|night|evening|afternoon)(?![\w-])
                  |(?P<unit2>the\s(?:day|week|month|year)\s(?:before|after))(?![\w-])""")),
]


# --------------------------------------------------------------------------- scan windows
#
# dates._rule_matches runs a rule only on the stretches of text ("runs") between the rule's
# cut characters that hold its trigger words, never on the rest: same matches, a fraction
# of the work. tests/test_dates_windows.py proves both tables below from the patterns.
#
# Cut characters of a rule: "hard" ones no part of the pattern can consume (lookbehinds
# aside; a lookahead may end on one), so no match and no lookahead crosses them; "guarded"
# ones it consumes only right before a digit, so one not followed by a digit is a cut too.
CUT_COMMON = '!"#$%&*+;<=>?@[\\]^_`{|}~£·‘’“”•…€«»„‚′″°©®™§¶'
CUTS: dict[str, tuple[str, str]] = {  # rule: (hard besides CUT_COMMON, guarded)
    "iso": ("'(),./–—", ":"),
    "slash": ("\t\n '(),-.:–—", ""),
    "mdy": ("'()/:", ""),
    "dmy": ("'()/:—", ""),
    "month": ("()/:–—", "'"),
    "year": ("'()/:–—", ",."),
    "yrange": ("'():", ",."),
    "fiscal": ("(),.:—", ""),
    "decade": ("(),./:–—", ""),
    "century": ("'(),./:–—", ""),
    "quarter": ("()/:–—", ",."),
    "qcode": ("()-/:–—", "',."),
    "thequarter": ("'(),./:–—", ""),
    "half": ("'()/:–—", ",."),
    "season": ("'()/:–—", "."),
    "rel": ("'(),./:–—", ""),
    "relend": ("(),./:–—", ""),
    "yearago": ("'(),./:–—", ""),
    "ago": ("'(),:–—", "./"),
    "bareago": ("'(),-./:–—", ""),
    "dur": ("'(),:–—", "./"),
    "durhyph": ("'(),/:–—", "."),
    "durvague": ("'(),-./:–—", ""),
    "forunits": ("'(),-./:–—", ""),
    "halfunit": ("'(),./:–—", ""),
    "set": ("'(),/:–—", ""),
    "dayref": ("'()/:–—", ""),
    "partref": ("'(),./:–—", ""),
    "clock": ("'-/–—", ":"),
    "ref": ("'(),-./:–—", ""),
    "holiday": ("()-/:–—", "."),
    "anaphor": ("'(),-./:–—", ""),
}

# Trigger keys: (token kind, mode, regex searched within the token). Tokens are maximal runs
# of ASCII letters ("a"; mode "i": searched lowercased, "c": as written), of digits ("d"),
# or a lone "-" or "/" ("p": the regex is the character).
_UNIT_WORDS = "second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|millenni"
TRIGGER_KEYS: dict[str, tuple[str, str, str]] = {
    "unit": ("a", "i", _UNIT_WORDS),
    "units": ("a", "i", "seconds|minutes|hours|days|weeks|fortnights|months|quarters|years|decades|centuries|millennia"),
    "mon": ("a", "c", "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"),
    "wd": ("a", "c", "Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN"),
    "dayword": ("a", "i", "today|yesterday|tomorrow|tonight"),
    "spoken": ("a", "i", "nineteen|eighteen|seventeen|twenty|thousand"),
    "fiscal": ("a", "i", "fy|fiscal"),
    "ties": ("a", "i", "ties"),
    "century": ("a", "i", "century"),
    "quarter": ("a", "i", "quarter"),
    "period": ("a", "i", "quarter|period"),
    "half": ("a", "i", "half"),
    "halfq": ("a", "i", "half|quarter"),
    "qh": ("a", "c", "Q|H"),
    "season": ("a", "i", "spring|summer|fall|autumn|winter"),
    "relunit": ("a", "i", "week|month|year|decade|century|day|millennium"),
    "wmy": ("a", "i", "year|month|week"),
    "year": ("a", "i", "year"),
    "agodir": ("a", "i", "ago|earlier|later|before|after|now|hence|previously|back"),
    "baredir": ("a", "i", "ago|earlier|before|later"),
    "each": ("a", "i", "each|every|per"),
    "setunit": ("a", "i", _UNIT_WORDS + "|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter"),
    "adverb": ("a", "i", "daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|fortnightly"),
    "times": ("a", "i", "once|twice|thrice|times"),
    "part": ("a", "i", "morning|afternoon|evening|night|mid"),
    "noon": ("a", "i", "noon|midnight|midday"),
    "ref": ("a", "i", "now|current|these|present|recent|lately|soon|past|future|term|coming"),
    "holiday": ("a", "c", "Christmas|Year|Independence|Halloween|Valentine|Thanksgiving|Labor|Memorial|Election|Easter|Friday"),
    "anaphor": ("a", "i", "day|week|month|year|quarter|morning|night|evening|afternoon"),
    "digits": ("d", "", ""),
    "year4": ("d", "", "1[0-9]{3}|20[0-9]{2}"),
    "zero": ("d", "", "0"),
    "hyphen": ("p", "", "-"),
    "slash": ("p", "", "/"),
}

# rule: alternatives; every match meets one of them: a token of each of its groups (a group
# is met by a token any of its keys accepts).
TRIGGERS: dict[str, list[list[list[str]]]] = {
    "iso": [[["year4"], ["hyphen"]]],
    "slash": [[["slash"]]],
    "mdy": [[["mon"]]],
    "dmy": [[["mon"]]],
    "month": [[["mon"]]],
    "year": [[["year4", "spoken"]]],
    "yrange": [[["year4"]]],
    "fiscal": [[["fiscal"]]],
    "decade": [[["zero", "ties"]]],
    "century": [[["century"]]],
    "quarter": [[["quarter"]]],
    "qcode": [[["qh"], ["digits"]]],
    "thequarter": [[["period"]]],
    "half": [[["halfq"]]],
    "season": [[["season"]]],
    "rel": [[["relunit"]]],
    "relend": [[["wmy"]]],
    "yearago": [[["year"]]],
    "ago": [[["unit"], ["agodir"]]],
    "bareago": [[["units"], ["baredir"]]],
    "dur": [[["unit"]]],
    "durhyph": [[["unit"], ["hyphen"]]],
    "durvague": [[["units"]]],
    "forunits": [[["units"]]],
    "halfunit": [[["half"], ["unit"]]],
    "set": [[["each"], ["setunit", "wd", "mon"]], [["adverb"]], [["times"], ["unit"]]],
    "dayref": [[["wd", "dayword"]]],
    "partref": [[["part"]]],
    "clock": [[["digits", "noon"]]],
    "ref": [[["ref"]]],
    "holiday": [[["holiday"]]],
    "anaphor": [[["anaphor"]]],
}
