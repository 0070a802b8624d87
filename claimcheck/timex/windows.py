"""Where each rule can match, as data: the tables that let the engine (matching.py) skip text.

A rule runs only on the stretches of text ("runs") between its cut characters that hold its
trigger words, never on the rest: the same matches as running it on the whole text, for a
fraction of the work. tests/test_dates_windows.py proves both tables from the patterns, so a
changed pattern whose table is now wrong fails there, not silently.

Cut characters of a rule: "hard" ones no part of the pattern can consume (lookbehinds
aside; a lookahead may end on one), so no match and no lookahead crosses them; "guarded"
ones it consumes only right before a digit, so one not followed by a digit is a cut too.
"""
from __future__ import annotations

CUT_COMMON = '!"#$%&*+;<=>?@[\\]^_`{|}~£·‘’“”•…€«»„‚′″°©®™§¶'
CUTS: dict[str, tuple[str, str]] = {  # rule: (hard cuts besides CUT_COMMON, guarded cuts)
    "iso_date": ("'(),./–—", ":"),
    "slash_date": ("\t\n '(),-.:–—", ""),
    "month_day_year": ("'()/:", ""),
    "day_month_year": ("'()/:—", ""),
    "month_name": ("()/:–—", "'"),
    "year": ("'()/:–—", ",."),
    "year_range": ("'():", ",."),
    "fiscal_year": ("(),.:—", ""),
    "decade": ("(),./:–—", ""),
    "century": ("'(),./:–—", ""),
    "quarter": ("()/:–—", ",."),
    "quarter_code": ("()-/:–—", "',."),
    "the_quarter": ("'(),./:–—", ""),
    "half_year": ("'()/:–—", ",."),
    "season": ("'()/:–—", "."),
    "relative_unit": ("'(),./:–—", ""),
    "unit_end": ("(),./:–—", ""),
    "year_ago": ("'(),./:–—", ""),
    "units_ago": ("'(),:–—", "./"),
    "bare_ago": ("'(),-./:–—", ""),
    "duration": ("'(),:–—", "./"),
    "hyphenated_duration": ("'(),/:–—", "."),
    "unit_long": ("'(),./:–—", ""),
    "vague_duration": ("'(),-./:–—", ""),
    "for_units": ("'(),-./:–—", ""),
    "vague_period": ("'(),-./:–—", ""),
    "half_unit": ("'(),./:–—", ""),
    "set": ("'(),/:–—", ""),
    "day_name": ("'()/:–—", ""),
    "ordinal_day": ("'(),-./:–—", ""),
    "part_of_day": ("'(),./:–—", ""),
    "clock_time": ("'-/–—", ":"),
    "reference": ("'(),-./:–—", ""),
    "holiday": ("()-/:–—", "."),
    "anaphor": ("'(),-./:–—", ""),
}

# Trigger keys: (token kind, mode, regex searched within the token). Tokens are maximal runs
# of ASCII letters ("a"; mode "i": searched lowercased, "c": as written), of digits ("d"),
# or a lone "-" or "/" ("p": the regex is the character).
_UNIT_WORDS = "second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|millenni"
TRIGGER_KEYS: dict[str, tuple[str, str, str]] = {
    "unit": ("a", "i", _UNIT_WORDS),
    "units": ("a", "i",
              "seconds|minutes|hours|days|weeks|fortnights|months|quarters|years|decades|centuries|millennia"),
    "mon": ("a", "c",
            "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"),
    "wd": ("a", "c", "Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN"),
    "dayword": ("a", "i", "today|yesterday|tomorrow|tonight"),
    "spoken": ("a", "i", "nineteen|eighteen|seventeen|twenty|thousand"),
    "fiscal": ("a", "i", "fy|fiscal"),
    "ties": ("a", "i", "ties"),
    "century": ("a", "i", "century"),
    "quarter": ("a", "i", "quarter"),
    "period": ("a", "i", "quarter|period"),
    "half": ("a", "i", "half"),
    "halfq": ("a", "i", "half|quarter|months"),
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
    "while": ("a", "i", "while|time|period|spell"),
    "day": ("a", "i", "day"),
    "part": ("a", "i", "morning|afternoon|evening|night|mid"),
    "noon": ("a", "i", "noon|midnight|midday"),
    "ref": ("a", "i", "now|current|these|present|recent|lately|soon|past|future|term|coming"),
    "holiday": ("a", "c",
                "Christmas|Year|Independence|Halloween|Valentine|Thanksgiving|Labor|Memorial|Election|Easter|Friday"),
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
    "iso_date": [[["year4"], ["hyphen"]]],
    "slash_date": [[["slash"]]],
    "month_day_year": [[["mon"]]],
    "day_month_year": [[["mon"]]],
    "month_name": [[["mon"]]],
    "year": [[["year4", "spoken"]]],
    "year_range": [[["year4"]]],
    "fiscal_year": [[["fiscal"]]],
    "decade": [[["zero", "ties"]]],
    "century": [[["century"]]],
    "quarter": [[["quarter"]]],
    "quarter_code": [[["qh"], ["digits"]]],
    "the_quarter": [[["period"]]],
    "half_year": [[["halfq"]]],
    "season": [[["season"]]],
    "relative_unit": [[["relunit"]]],
    "unit_end": [[["wmy"]]],
    "year_ago": [[["year"]]],
    "units_ago": [[["unit"], ["agodir"]]],
    "bare_ago": [[["units"], ["baredir"]]],
    "duration": [[["unit"]]],
    "hyphenated_duration": [[["unit"], ["hyphen"]]],
    "unit_long": [[["unit"]]],
    "vague_duration": [[["units"]]],
    "for_units": [[["units"]]],
    "vague_period": [[["while"]]],
    "half_unit": [[["half"], ["unit"]]],
    "set": [[["each"], ["setunit", "wd", "mon"]], [["adverb"]], [["times"], ["unit"]]],
    "day_name": [[["wd", "dayword"]]],
    "ordinal_day": [[["day"]]],
    "part_of_day": [[["part"]]],
    "clock_time": [[["digits", "noon"]]],
    "reference": [[["ref"]]],
    "holiday": [[["holiday"]]],
    "anaphor": [[["anaphor"]]],
}
