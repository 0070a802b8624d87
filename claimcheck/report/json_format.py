"""The JSON report: the contract other tools read (docs/report.md)."""
from __future__ import annotations

import json

from claimcheck import __version__, baseline
from claimcheck.models import Claim, Finding, Frame, Report, Value

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
        "stories": [{"id": s.id, "label": s.label, "documents": list(s.documents)} for s in report.stories],
        "findings": [finding_dict(f, sources=report.check is not None) for f in report.findings],
        "corroborations": [finding_dict(f) for f in report.corroborations],
        "suppressed": [
            {**finding_dict(s.finding), "suppressed_by": {"document": s.document, "line": s.line, "reason": s.reason}}
            for s in report.suppressed
        ],
        **_check_dict(report),
        **_baseline_dict(report),
        "summary": summary_counts(report),
    }


def _check_dict(report: Report) -> dict:
    if report.check is None:
        return {}
    scope = report.check
    return {"check": {"against": scope.against, "drafts": list(scope.drafts), "corpus_findings": scope.corpus_findings}}


def _baseline_dict(report: Report) -> dict:
    if report.baseline is None:
        return {}
    fixed = [{"fingerprint": e.fingerprint, "kind": e.kind, "summary": e.summary} for e in report.baseline.fixed]
    return {"baseline": {"path": report.baseline.path, "fixed": fixed}}


def summary_counts(report: Report) -> dict:
    counts = {"documents": len(report.documents), "findings": len(report.findings)}
    for severity in ("error", "warning", "info"):
        counts[severity] = sum(1 for f in report.findings if f.severity == severity)
    counts["corroborations"] = len(report.corroborations)
    counts["skipped"] = len(report.skipped)
    counts["suppressed"] = len(report.suppressed)
    if report.baseline is not None:
        counts.update(baseline.counts(report))
    if report.check is not None:
        counts["corpus_findings"] = report.check.corpus_findings
    return counts


def finding_dict(finding: Finding, sources: bool = False) -> dict:
    out = {
        "id": finding.id,
        "kind": finding.kind,
        "severity": finding.severity,
        "confidence": finding.confidence,
        "subject": finding.subject,
        "summary": finding.summary,
        "claims": [claim_dict(c) for c in finding.claims],
        "fingerprint": baseline.fingerprint(finding),
        "reason": finding.reason,
    }
    if finding.baseline is not None:
        out["baseline"] = finding.baseline
    if sources:
        out["disagreeing_sources"] = [claim_dict(c) for c in finding.disagreeing]
        out["agreeing_sources"] = [claim_dict(c) for c in finding.agreeing]
    return out


def claim_dict(claim: Claim) -> dict:
    return {
        "document": claim.document,
        "text": claim.text,
        "span": {"start": claim.start, "end": claim.end, "line": claim.line},
        "value": value_dict(claim.value),
        "predicate": claim.frame.predicate,
        "object": claim.frame.object,
        "frame": frame_dict(claim.frame),
    }


def frame_dict(frame: Frame) -> dict:
    """What the value is a value of (see claimcheck/extract/frames.py)."""
    out: dict = {"measure": frame.measure, "modality": frame.modality}
    if frame.holder:
        out["holder"] = frame.holder
    if frame.counted:
        out["counted"] = frame.counted
    scope: dict[str, list[str] | list[list[str]]] = {}
    if frame.places:
        scope["places"] = sorted(frame.places)
    if frame.groups:
        scope["groups"] = sorted(frame.groups)
    if frame.when:
        scope["when"] = [[i.start.isoformat(), i.end.isoformat()] for i in frame.when]
    if scope:
        out["scope"] = scope
    if frame.statement:
        out["statement"] = True
    if frame.anchored:
        out["anchored"] = True
    return out


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
    if value.qualifier != "exact":
        out["qualifier"] = value.qualifier
    if value.high is not None:
        out["high"] = int(value.high) if float(value.high).is_integer() else value.high
    if value.timex is not None and value.interval is None:
        out["timex"] = value.timex
    if value.kind == "list":
        out["items"] = list(value.items)
    return out
