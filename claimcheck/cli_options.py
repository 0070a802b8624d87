"""Options several commands share, declared once so that every command spells and documents them alike.

Options whose value can also come from a configuration file default to None:
None means "not given", so the file's value (or the built-in default) applies.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from claimcheck.nlp import DEFAULT_MODEL

ConfigFile = Annotated[Optional[Path], typer.Option(
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
Model = Annotated[Optional[str], typer.Option(
    "--model", envvar="CLAIMCHECK_MODEL", show_default=DEFAULT_MODEL,
    help="spaCy pipeline to use (package name or path). Also CLAIMCHECK_MODEL, or `model` in the configuration.",
)]
