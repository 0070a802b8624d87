"""One finding a line, each the same object as in the JSON report's `findings`: for grep, jq and streams."""
from __future__ import annotations

import json

from claimcheck.models import Report
from claimcheck.report.json_format import finding_dict

# characters that JSON leaves as they are but that many line readers (Python's splitlines, JavaScript
# before ES2019) take for a line break: escaped, so that one finding is always one line
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def render(report: Report, **_options) -> str:
    sources = report.check is not None
    return "".join(_one_line(json.dumps(finding_dict(f, sources=sources), ensure_ascii=False)) + "\n"
                   for f in report.findings)


def _one_line(text: str) -> str:
    for char, escape in _LINE_BREAKS.items():
        text = text.replace(char, escape)
    return text
