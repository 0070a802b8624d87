"""The command line: the only module that prints or exits. Each command wraps a plain function."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from claimcheck import __version__
from claimcheck.cli_options import ConfigFile, Isolated, Model, Quiet, Verbose
from claimcheck.config import Config, config_for
from claimcheck.errors import ClaimcheckError
from claimcheck.nlp import DEFAULT_MODEL
from claimcheck.report import FORMATS, render
from claimcheck.scan import DEFAULT_MAX_BYTES, scan, tag_file

app = typer.Typer(
    help="Find where news articles contradict each other or themselves: dates, numbers, counts.\n\n"
    "Start with:  claimcheck scan corpus/",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
_stderr = Console(stderr=True, highlight=False)


# the choices follow the registered renderers, so a new format needs no CLI change
ScanFormat = Enum("ScanFormat", {name: name for name in FORMATS}, type=str)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class DatesFormat(str, Enum):
    text = "text"
    json = "json"


_FAIL_RANK = {"error": 0, "warning": 1, "info": 2}


def _fail(message: str, code: int = 2) -> typer.Exit:
    _stderr.print(f"[bold red]claimcheck:[/] {escape(message)}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _note(message: str) -> None:
    """A line on stderr for the person at the terminal; --quiet callers skip it."""
    _stderr.print(f"claimcheck: {message}", markup=False, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Find where news articles contradict each other or themselves."""


@app.command("scan")
def scan_command(
    paths: Annotated[list[Path], typer.Argument(
        help="Folders and article files (.txt, .md, .html) to scan together; - reads one article from standard input.",
        metavar="PATH", show_default=False,
    )],
    fmt: Annotated[ScanFormat, typer.Option("--format", "-f", help="text (the terminal report), json (the report contract), jsonl (one finding a line), sarif (SARIF 2.1.0), github (Actions annotations) or html (one self-contained page); see docs/formats.md.")] = ScanFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE (atomically) instead of standard output.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", show_default="warning", help="Exit 1 when a finding at or above this severity is reported; 'never' always exits 0.")] = None,
    model: Model = None,
    aliases: Annotated[Optional[list[Path]], typer.Option("--aliases", help="Extra alias table (TOML or JSON, same shape as claimcheck/data/aliases.toml). Repeatable; added after the configuration's.")] = None,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", min=1, show_default=str(DEFAULT_MAX_BYTES), help="Skip (with a warning) files larger than this.")] = None,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", min=0.0, max=1.0, show_default="0.0", help="Hide findings whose confidence is below this (0 to 1; docs/architecture.md says how it is computed).")] = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Scan articles and report where they contradict each other or themselves.

    All the paths are compared with each other. Folders are read
    recursively, skipping hidden files, files their .gitignore lists and the
    configuration's exclude globs; files named here are always read.

    Exit status: 0 when nothing at or above --fail-on was found, 1 when
    something was, 2 for a usage error, a bad configuration file, nothing to
    scan, or a fatal error.

    Examples:

      claimcheck scan corpus/

      claimcheck scan corpus/ --format json --output report.json

      claimcheck scan corpus/ --format html --output report.html

      claimcheck scan drafts/a.md drafts/b.md

      cat story.txt | claimcheck scan -
    """
    config = _configuration(paths, config_file, isolated, quiet, verbose)
    aliases = [*config.aliases, *(aliases or [])]
    for alias_file in aliases:
        if not alias_file.is_file():
            raise _fail(f"alias file not found: {alias_file}")
    piped = any(str(p) == "-" for p in paths)
    try:
        with _progress(enabled=not quiet) as progress:
            report = scan(
                [p for p in paths if str(p) != "-"],
                model=_first(model, config.model, DEFAULT_MODEL),
                aliases=aliases,
                max_bytes=_first(max_bytes, config.max_bytes, DEFAULT_MAX_BYTES),
                progress=progress,
                min_confidence=_first(min_confidence, config.min_confidence, 0.0),
                include=config.include,
                exclude=config.exclude,
                severity=dict(config.severity),
                stdin=sys.stdin.buffer.read() if piped else None,
            )
    except ClaimcheckError as exc:
        raise _fail(str(exc))
    text = render(report, fmt.value, color=use_color(output, sys.stdout, os.environ), verbose=verbose, quiet=quiet)
    if output is not None:
        try:
            write_atomically(output, text)
        except OSError as exc:
            raise _fail(f"cannot write {output}: {exc.strerror or exc}")
        if not quiet:
            _note(f"wrote {output}")
    else:
        typer.echo(text, nl=False)
    raise typer.Exit(exit_code(report, _first(fail_on and fail_on.value, config.fail_on, "warning")))


def _configuration(paths: list[Path], config_file: Path | None, isolated: bool, quiet: bool, verbose: bool) -> Config:
    """The configuration for these paths, after the checks every command needs; notes it when verbose."""
    if quiet and verbose:
        raise _fail("--quiet and --verbose cannot be used together")
    if isolated and config_file is not None:
        raise _fail("--config and --isolated cannot be used together")
    try:
        config = config_for(paths, config_file, isolated)
    except ClaimcheckError as exc:
        raise _fail(str(exc))
    if verbose:
        origin = config.path or ("none (--isolated)" if isolated else "none found")
        _note(f"configuration: {origin}")
    return config


def _first(*values):
    """Option, then environment variable (typer folds it into the option), then configuration, then default."""
    return next(v for v in values if v is not None)


def use_color(output: Path | None, stream, environ) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set to anything but "" (no-color.org)."""
    return output is None and stream.isatty() and not environ.get("NO_COLOR")


def exit_code(report, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    limit = _FAIL_RANK[fail_on]
    return 1 if any(_FAIL_RANK[f.severity] <= limit for f in report.findings) else 0


def write_atomically(path: Path, text: str) -> None:
    """Write the whole report or nothing: a temporary file in the same folder, then a rename."""
    path = Path(path)
    handle, temp = tempfile.mkstemp(dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


class _progress:
    """A progress bar on stderr for long scans, only when stderr is a terminal."""

    def __init__(self, enabled: bool = True):
        self._enabled = enabled

    def __enter__(self):
        self._bar = None
        if not self._enabled or not sys.stderr.isatty():
            return None
        from rich.progress import Progress

        self._bar = Progress(console=_stderr, transient=True)
        self._bar.start()
        self._task = self._bar.add_task("reading articles", total=None)
        return self._update

    def _update(self, done: int, total: int) -> None:
        self._bar.update(self._task, completed=done, total=total)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()


@app.command("dates")
def dates_command(
    path: Annotated[Path, typer.Argument(help="An article file (.txt, .md, .html).")],
    dct: Annotated[Optional[str], typer.Option("--dct", help="Document date YYYY-MM-DD that anchors relative expressions. Default: the publication date found in the file.")] = None,
    fmt: Annotated[DatesFormat, typer.Option("--format", "-f", help="text: a table; json: a list of {start, end, text, type, value, ...}.")] = DatesFormat.text,
    model: Model = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """List every time expression in a file with its TIMEX3 type and value.

    Shows why a date was read as it was: the ISO-TimeML value, and the
    interval and granularity that scan compares. Offsets are characters into
    the file's text, end exclusive. Only `model` is taken from the
    configuration.

    Example:  claimcheck dates article.txt --dct 2025-08-30
    """
    config = _configuration([path], config_file, isolated, quiet, verbose)
    anchor = None
    if dct is not None:
        try:
            anchor = date.fromisoformat(dct)
        except ValueError:
            raise _fail(f"--dct must be a date like 2025-08-30, not {dct!r}")
    try:
        result = tag_file(path, dct=anchor, model=_first(model, config.model, DEFAULT_MODEL))
    except ClaimcheckError as exc:
        raise _fail(str(exc))
    if dct is None and not quiet:
        origin = f"{result.dct} (from the {result.dct_source})" if result.dct else "unknown: relative dates stay unresolved"
        _note(f"document date {origin}")
    rows = [timex_dict(t) for t in result.timexes]
    if fmt is DatesFormat.json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for row in rows:
        interval = row["interval"]
        shown = f"{interval['start']}..{interval['end']} ({interval['granularity']})" if interval else ""
        typer.echo(f"{row['start']:>6}-{row['end']:<6} {row['type']:<8} {row['value']:<14} {row['text']!r:<32} {shown}")


def timex_dict(timex) -> dict:
    interval = timex.interval
    return {
        "start": timex.start,
        "end": timex.end,
        "text": timex.text,
        "type": timex.type,
        "value": timex.value,
        "mod": timex.mod,
        "anchored": timex.anchored,
        "interval": None if interval is None else {
            "start": interval.start.isoformat(), "end": interval.end.isoformat(), "granularity": interval.granularity,
        },
    }


def main() -> None:
    app(prog_name="claimcheck")


if __name__ == "__main__":
    main()
