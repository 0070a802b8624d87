"""One finding a line, each the same object as in the JSON report's `findings`: for grep, jq and streams."""
from __future__ import annotations

import json

from claimcheck.models import Report
from claimcheck.report.json_format import finding_dict


def render(report: Report, **_options) -> str:
    sources = report.check is not None
    return "".join(json.dumps(finding_dict(f, sources=sources), ensure_ascii=False) + "\n" for f in report.findings)
