"""The JSON report: the contract other tools read (docs/report.md)."""
from __future__ import annotations

import json

from claimcheck import __version__
from claimcheck.models import Claim, Finding, Report, Value

SCHEMA = "claimcheck.report/1"


def render(report: Report, **_options) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"


def as_dict(report: Report) -> dict:
    return {
        "schema": SCHEMA,
        "tool": {"name": "claimcheck", "version": __version__},
        "root": report.root,
        "documents": [
            {
                "id": d.id,
                "path": d.path,
                "published": d.published.isoformat() if d.published else None,
                "published_from": d.published_from,
                "claims": d.claims,
                "warnings": list(d.warnings),
                "near_duplicates": list(d.near_duplicates),
            }
            for d in report.documents
        ],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "findings": [finding_dict(f) for f in report.findings],
        "corroborations": [finding_dict(f) for f in report.corroborations],
        "summary": summary_counts(report),
    }


def summary_counts(report: Report) -> dict:
    counts = {"documents": len(report.documents), "findings": len(report.findings)}
    for severity in ("error", "warning", "info"):
        counts[severity] = sum(1 for f in report.findings if f.severity == severity)
    counts["corroborations"] = len(report.corroborations)
    counts["skipped"] = len(report.skipped)
    return counts


def finding_dict(finding: Finding) -> dict:
    return {
        "id": finding.id,
        "kind": finding.kind,
        "severity": finding.severity,
        "confidence": finding.confidence,
        "subject": finding.subject,
        "summary": finding.summary,
        "claims": [claim_dict(c) for c in finding.claims],
    }


def claim_dict(claim: Claim) -> dict:
    return {
        "document": claim.document,
        "text": claim.text,
        "span": {"start": claim.start, "end": claim.end, "line": claim.line},
        "value": value_dict(claim.value),
        "predicate": claim.predicate,
        "object": claim.object,
    }


def value_dict(value: Value) -> dict:
    out: dict = {"kind": value.kind, "text": value.text}
    if value.interval is not None:
        out.update(
            start=value.interval.start.isoformat(),
            end=value.interval.end.isoformat(),
            granularity=value.interval.granularity,
        )
    if value.number is not None:
        out["number"] = int(value.number) if float(value.number).is_integer() else value.number
    if value.unit is not None:
        out["unit"] = value.unit
    if value.kind == "list":
        out["items"] = list(value.items)
    return out
