"""GitHub Actions workflow commands: one annotation per file and line a finding quotes.

A conflict between two files is annotated on both, so each file's view shows
its side. Escaping follows the Actions toolkit: in the message `%`, CR and LF;
in properties also `:` and `,`, which would otherwise end the property. Other
control characters would act on the log viewer as on a terminal: they are
written as escapes first.
"""
from __future__ import annotations

from claimcheck.models import Finding, Report
from claimcheck.report.kinds import kind_info
from claimcheck.report.paths import claim_path, document_paths
from claimcheck.report.wording import visible

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def render(report: Report, **_options) -> str:
    paths = document_paths(report)
    # a finding the baseline already knows is accepted: annotating it again on every run is noise
    shown = [f for f in report.findings if f.baseline != "unchanged"]
    lines = [line for finding in shown for line in _annotations(finding, paths)]
    lines += [
        _command("notice", {"file": d.path, "title": "claimcheck: document warning"}, w)
        for d in report.documents for w in d.warnings
    ]
    lines += [
        _command("notice", {"file": s.path, "title": "claimcheck: file skipped"}, s.reason) for s in report.skipped
    ]
    return "".join(line + "\n" for line in lines)


def _annotations(finding: Finding, paths: dict[str, str]) -> list[str]:
    title = f"{kind_info(finding.kind).title}: {finding.subject}"
    places = dict.fromkeys((claim_path(paths, c), c.line) for c in finding.claims)
    message = f"{finding.summary} [{finding.id}, confidence {finding.confidence:.2f}]"
    return [
        _command(LEVELS[finding.severity], {"file": path, "line": str(line), "title": title}, message)
        for path, line in places
    ]


def _command(level: str, properties: dict[str, str], message: str) -> str:
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
