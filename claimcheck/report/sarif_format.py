"""SARIF 2.1.0, for code-scanning dashboards: one rule per finding kind, one result per finding.

Locations are URIs relative to the scanned folder, resolved through the
`SRCROOT` base id, so the log stays valid when the folder is checked out
elsewhere. The first quoted claim is the result's location; the others are
related locations. The finding id is the fingerprint: same input, same id;
the baseline fingerprint (no offsets) follows a finding through edits
elsewhere in its files. Findings suppressed by inline comments are results
with an in-source suppression and its justification; with --baseline, each
result carries its baselineState.
"""
from __future__ import annotations

import json
from urllib.parse import quote

from claimcheck import __version__, baseline
from claimcheck.models import Claim, Finding, Report, Suppressed
from claimcheck.report.kinds import KINDS, kind_info
from claimcheck.report.paths import claim_path, document_paths, scan_base

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
BASE_ID = "SRCROOT"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "claimcheckFindingId/v1"
STABLE_FINGERPRINT = "claimcheckFingerprint/v1"


def render(report: Report, **_options) -> str:
    return json.dumps(as_sarif(report), indent=2, ensure_ascii=False) + "\n"


def as_sarif(report: Report) -> dict:
    found = {f.kind for f in report.findings} | {s.finding.kind for s in report.suppressed}
    kinds = list(KINDS) + sorted(found - set(KINDS))
    rule_index = {kind: i for i, kind in enumerate(kinds)}
    paths = document_paths(report)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {
                    "name": "claimcheck", "version": __version__, "semanticVersion": __version__,
                    "rules": [_rule(kind) for kind in kinds],
                }},
                "originalUriBaseIds": {BASE_ID: {"uri": scan_base(report).as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "invocations": [_invocation(report)],
                "results": [_result(f, rule_index[f.kind], paths) for f in report.findings]
                + [_suppressed(s, rule_index[s.finding.kind], paths) for s in report.suppressed],
            }
        ],
    }


def _rule(kind: str) -> dict:
    info = kind_info(kind)
    return {
        "id": kind,
        "name": "".join(word.capitalize() for word in kind.split("_")),
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": info.description},
        "defaultConfiguration": {"level": LEVELS[info.default_severity]},
    }


def _result(finding: Finding, rule_index: int, paths: dict[str, str]) -> dict:
    first, others = finding.claims[:1], finding.claims[1:]
    result = {
        "ruleId": finding.kind,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.summary},
        "locations": [_location(c, paths) for c in first],
        "partialFingerprints": {FINGERPRINT: finding.id, STABLE_FINGERPRINT: baseline.fingerprint(finding)},
        "properties": {"id": finding.id, "subject": finding.subject, "confidence": finding.confidence},
    }
    if finding.baseline is not None:
        result["baselineState"] = finding.baseline
    if others:
        result["relatedLocations"] = [_location(c, paths, n) for n, c in enumerate(others, start=1)]
    return result


def _suppressed(suppressed: Suppressed, rule_index: int, paths: dict[str, str]) -> dict:
    result = _result(suppressed.finding, rule_index, paths)
    result["suppressions"] = [{"kind": "inSource", "justification": suppressed.reason}]
    return result


def _location(claim: Claim, paths: dict[str, str], number: int | None = None) -> dict:
    shown = f"{len(claim.value.items)} items" if claim.value.kind == "list" else " ".join(claim.value.text.split())
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(claim_path(paths, claim)), "uriBaseId": BASE_ID},
            "region": {"startLine": claim.line, "charOffset": claim.start, "charLength": claim.end - claim.start},
        },
        "message": {"text": f"{shown}: {' '.join(claim.text.split())}"},
    }
    if number is not None:
        location = {"id": number, **location}
    return location


def _invocation(report: Report) -> dict:
    """Files read with trouble or skipped, as notifications: the scan itself still succeeded."""
    notes = [
        _notification(d.path, w, "warning") for d in report.documents for w in d.warnings
    ] + [_notification(s.path, f"skipped: {s.reason}", "note") for s in report.skipped]
    invocation: dict = {"executionSuccessful": True}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def _notification(path: str, text: str, level: str) -> dict:
    return {
        "level": level,
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": quote(path), "uriBaseId": BASE_ID}}}],
    }
