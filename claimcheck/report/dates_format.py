"""The `dates` command's output: every time expression of a file, as a table or as JSON."""
from __future__ import annotations

import json
from collections.abc import Sequence

from claimcheck.models import Timex


def render(timexes: Sequence[Timex], fmt: str = "text") -> str:
    """`text`: one line per expression (offsets, type, value, text, interval); `json`: a list of timex_dict."""
    rows = [timex_dict(t) for t in timexes]
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    lines = []
    for row in rows:
        interval = row["interval"]
        shown = f"{interval['start']}..{interval['end']} ({interval['granularity']})" if interval else ""
        where = f"{row['start']:>6}-{row['end']:<6}"
        lines.append(f"{where} {row['type']:<8} {row['value']:<14} {row['text']!r:<32} {shown}")
    return "".join(line + "\n" for line in lines)


def timex_dict(timex: Timex) -> dict:
    interval = timex.interval
    return {
        "start": timex.start,
        "end": timex.end,
        "text": timex.text,
        "type": timex.type,
        "value": timex.value,
        "mod": timex.mod,
        "anchored": timex.anchored,
        "interval": None if interval is None else {
            "start": interval.start.isoformat(), "end": interval.end.isoformat(), "granularity": interval.granularity,
        },
    }
