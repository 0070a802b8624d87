"""Where a claim's file is, relative to the scanned root, for formats that point at files."""
from __future__ import annotations

import os
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



def openable_paths(report: Report) -> dict[str, str]:
    """Each document's path as the person at the terminal can open it."""
    base = scan_base(report)
    return {d.id: openable(base, d.path) for d in report.documents}


def openable(base: Path, path: str) -> str:
    """`path` (relative to `base`) relative to the current folder when the file is under it, absolute
    otherwise: never a climb of ../ that only works from one place. "-" (standard input) stays."""
    if path == "-":
        return path
    full = Path(os.path.normpath(base / path))
    here = Path.cwd()
    return full.relative_to(here).as_posix() if full.is_relative_to(here) else full.as_posix()
