"""Reports produced through the CLI, as a user would, each scanned once per test session."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from typer.testing import CliRunner

from claimcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@cache
def scan_output(path: Path, fmt: str) -> str:
    """`claimcheck scan PATH --format FMT` on standard output; fails loudly on a usage or fatal error."""
    result = CliRunner().invoke(app, ["scan", str(path), "--format", fmt])
    assert result.exit_code in (0, 1), result.output
    return result.stdout
