"""Baselines: findings already known, keyed on fingerprints that survive edits elsewhere in a file.

A finding's id hashes claim offsets, so adding a paragraph at the top of an
article changes it. The fingerprint hashes only what the finding is about:
its kind and, for each claim, the document, the sentence (whitespace
collapsed) and the value as written. Line numbers and offsets stay out.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from claimcheck import __version__
from claimcheck.errors import BadBaseline
from claimcheck.models import BaselineEntry, BaselineOutcome, Finding, Report

SCHEMA = "claimcheck.baseline/1"


def fingerprint(finding: Finding) -> str:
    parts = sorted(
        "\x1f".join((c.document, " ".join(c.text.split()), c.value.text.strip())) for c in finding.claims
    )
    digest = hashlib.sha256("\x1e".join([finding.kind, *parts]).encode("utf-8")).hexdigest()
    return digest[:20]


def dumps(report: Report) -> str:
    """The baseline file for every finding of `report`, as JSON text."""
    entries = [
        {"fingerprint": fingerprint(f), "kind": f.kind, "id": f.id, "summary": f.summary}
        for f in report.findings
    ]
    payload = {
        "schema": SCHEMA,
        "tool": {"name": "claimcheck", "version": __version__},
        "root": report.root,
        "findings": sorted(entries, key=lambda e: (e["kind"], e["fingerprint"])),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def load(path: Path) -> tuple[BaselineEntry, ...]:
    """The entries of a baseline file; BadBaseline when it is missing, unreadable or not a baseline."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))  # a byte-order mark, as configurations allow
    except FileNotFoundError:
        raise BadBaseline(f"baseline not found: {path} (write one with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadBaseline(f"cannot read baseline {path}: {getattr(exc, 'strerror', None) or exc}") from None
    except json.JSONDecodeError as exc:
        raise BadBaseline(f"baseline {path} is not valid JSON (line {exc.lineno}): {exc.msg}") from None
    except RecursionError:
        raise BadBaseline(f"baseline {path} is not a claimcheck baseline: nested too deeply") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise BadBaseline(f"{path} is not a claimcheck baseline: schema {found!r}, expected {SCHEMA!r}")
    rows = data.get("findings")
    if not isinstance(rows, list) or not all(
        isinstance(r, dict) and isinstance(r.get("fingerprint"), str) for r in rows
    ):
        raise BadBaseline(f"baseline {path} is damaged: 'findings' must be a list of objects with a 'fingerprint'")
    return tuple(
        BaselineEntry(fingerprint=r["fingerprint"], kind=str(r.get("kind", "")), summary=str(r.get("summary", "")))
        for r in rows
    )


def compare_with(report: Report, entries: tuple[BaselineEntry, ...], path: str) -> Report:
    """Findings marked "unchanged" (in the baseline) or "new"; entries no longer found listed as fixed."""
    known = Counter(e.fingerprint for e in entries)
    findings = []
    for finding in report.findings:
        key = fingerprint(finding)
        if known[key] > 0:
            known[key] -= 1
            findings.append(replace(finding, baseline="unchanged"))
        else:
            findings.append(replace(finding, baseline="new"))
    fixed = []
    for entry in entries:
        if known[entry.fingerprint] > 0:
            known[entry.fingerprint] -= 1
            fixed.append(entry)
    return replace(report, findings=tuple(findings), baseline=BaselineOutcome(path=path, fixed=tuple(fixed)))


def counts(report: Report) -> dict[str, int]:
    """How many findings are new and unchanged, and how many known ones are fixed."""
    return {
        "new": sum(1 for f in report.findings if f.baseline == "new"),
        "unchanged": sum(1 for f in report.findings if f.baseline == "unchanged"),
        "fixed": len(report.baseline.fixed) if report.baseline else 0,
    }
