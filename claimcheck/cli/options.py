"""Options several commands share, declared once so that every command spells and documents them alike.

Options whose value can also come from a configuration file default to None:
None means "not given", so the file's value (or the built-in default) applies.
"""
from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.dask_engine import INSTALL_HINT, EngineName
from claimcheck.nlp import DEFAULT_MODEL
from claimcheck.report import FORMATS
from claimcheck.scan import DEFAULT_MAX_BYTES

# the choices follow the registered renderers, so a new format needs no CLI change
ScanFormat = StrEnum("ScanFormat", {name: name for name in FORMATS})  # type: ignore[misc]  # built from FORMATS
TEXT_FORMAT = ScanFormat("text")


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


ConfigFile = Annotated[Path | None, typer.Option(
    "--config", metavar="FILE", dir_okay=False,
    help="Read settings from FILE (claimcheck.toml, or pyproject.toml with a [tool.claimcheck] table) "
    "instead of the closest one above the scanned path.",
)]
Isolated = Annotated[bool, typer.Option(
    "--isolated", help="Ignore every configuration file: only options, environment variables and defaults apply.",
)]
Quiet = Annotated[bool, typer.Option(
    "--quiet", "-q",
    help="Print findings and errors only: no progress bar, notes on stderr, warnings, corroborations or summary.",
)]
Verbose = Annotated[bool, typer.Option(
    "--verbose", "-v",
    help="Also say which configuration file is used and list every document with its claim count and publication date.",
)]
Model = Annotated[str | None, typer.Option(
    "--model", envvar="CLAIMCHECK_MODEL", metavar="NAME", show_default=DEFAULT_MODEL,
    help="spaCy pipeline to use (package name or path). Also CLAIMCHECK_MODEL, or `model` in the configuration.",
)]

# the report options of scan and check
Format = Annotated[ScanFormat, typer.Option(
    "--format", "-f", metavar="[" + "|".join(FORMATS) + "]",
    help="text (the terminal report), json (the report contract), jsonl (one finding a line), sarif (SARIF 2.1.0), "
    "github (Actions annotations) or html (one self-contained page); see docs/formats.md.",
)]
Output = Annotated[Path | None, typer.Option(
    "--output", "-o", metavar="FILE", dir_okay=False,
    help="Write the report to FILE (atomically) instead of standard output.",
)]
FailOnOption = Annotated[FailOn | None, typer.Option(
    "--fail-on", show_default="warning", metavar="[" + "|".join(FailOn.__members__) + "]",
    help="Exit 1 when a finding at or above this severity is reported (with --baseline, a new one); "
    "'never' always exits 0.",
)]
Aliases = Annotated[list[Path] | None, typer.Option(
    "--aliases", metavar="FILE",
    help="Extra alias table (TOML or JSON, same shape as claimcheck/data/aliases.toml). "
    "Repeatable; added after the configuration's.",
)]
MaxBytes = Annotated[int | None, typer.Option(
    "--max-bytes", min=1, metavar="N", show_default=str(DEFAULT_MAX_BYTES),
    help="Skip (with a warning) files larger than this.",
)]
MinConfidence = Annotated[float | None, typer.Option(
    "--min-confidence", min=0.0, max=1.0, metavar="X", show_default="0.0",
    help="Hide findings whose confidence is below this (0 to 1; docs/architecture.md says how it is computed).",
)]
# the per-document work: the claims store and worker processes (scan, check, explain)
CacheDir = Annotated[Path | None, typer.Option(
    "--cache-dir", envvar="CLAIMCHECK_CACHE_DIR", metavar="DIR", file_okay=False,
    show_default="$XDG_CACHE_HOME/claimcheck or ~/.cache/claimcheck",
    help="Keep each document's claims in a store (DIR/claims.sqlite3) so unchanged files are not parsed again. "
    "Also CLAIMCHECK_CACHE_DIR, or `cache-dir` in the configuration.",
)]
CacheFolder = Annotated[Path | None, typer.Option(
    "--cache-dir", envvar="CLAIMCHECK_CACHE_DIR", metavar="DIR", file_okay=False,
    show_default="$XDG_CACHE_HOME/claimcheck or ~/.cache/claimcheck",
    help="The folder of the claims store scan and check use (DIR/claims.sqlite3). Also CLAIMCHECK_CACHE_DIR, "
    "or `cache-dir` in the configuration.",
)]
QuietNote = Annotated[bool, typer.Option("--quiet", "-q", help="No note on stderr of what was removed.")]
NoCache = Annotated[bool, typer.Option(
    "--no-cache", help="Parse every file and neither read nor write the claims store.",
)]
Jobs = Annotated[int | None, typer.Option(
    "--jobs", "-j", envvar="CLAIMCHECK_JOBS", min=1, metavar="N", show_default="the number of cores",
    help="Parse and extract in N worker processes (1: in this process). The report does not depend on N.",
)]
Engine = Annotated[EngineName, typer.Option(
    "--engine", metavar="[" + "|".join(EngineName.__members__) + "]",
    help="Where documents are parsed: local (this process, or --jobs worker processes) or dask (a Dask cluster: "
    f"--scheduler, else a local one of --jobs workers; needs {INSTALL_HINT}). The report does not depend on it.",
)]
Scheduler = Annotated[str | None, typer.Option(
    "--scheduler", metavar="ADDRESS",
    help="With --engine dask: the scheduler of a running Dask cluster (tcp://host:8786), whose workers have "
    "claimcheck and the model installed. Without it a local cluster is started for the run.",
)]
Baseline = Annotated[Path | None, typer.Option(
    "--baseline", metavar="FILE", dir_okay=False,
    help="Known findings (a file written by --write-baseline): they are marked unchanged and do not fail "
    "the run; only new ones do. See docs/workflow.md.",
)]
WriteBaseline = Annotated[Path | None, typer.Option(
    "--write-baseline", metavar="FILE", dir_okay=False,
    help="Write every finding of this run to FILE (atomically) as the baseline of known findings, and exit 0.",
)]
Watch = Annotated[bool, typer.Option(
    "--watch", help="Keep running: report again whenever an article is added, edited or removed (checked every "
    "second), parsing only what changed, with the model loaded once. Ctrl-C stops it (exit 0).",
)]
