"""Where a claim's file is, relative to the scanned root, for formats that point at files."""
from __future__ import annotations

from pathlib import Path

from claimcheck.models import Claim, Report


def scan_base(report: Report) -> Path:
    """The folder document paths are relative to: the root itself, or a scanned file's folder."""
    root = Path(report.root)
    return (root.parent if root.is_file() else root).absolute()


def claim_path(report_paths: dict[str, str], claim: Claim) -> str:
    return report_paths.get(claim.document, claim.document)


def document_paths(report: Report) -> dict[str, str]:
    return {d.id: d.path for d in report.documents}
