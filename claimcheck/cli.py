"""The command line: the only module that prints or exits. Each command wraps a plain function."""
from __future__ import annotations

import json
import os
import signal
import sys
import traceback
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text
from typer.core import TyperArgument, TyperCommand, TyperGroup
from typer.exceptions import TyperException

from claimcheck import __version__, baseline, explain
from claimcheck.archive import index, is_archive
from claimcheck.check import check
from claimcheck.cli_options import (
    TEXT_FORMAT,
    Aliases,
    Baseline,
    CacheDir,
    ConfigFile,
    Engine,
    FailOnOption,
    Format,
    Isolated,
    Jobs,
    MaxBytes,
    MinConfidence,
    Model,
    NoCache,
    Output,
    Quiet,
    Scheduler,
    Verbose,
    WriteBaseline,
)
from claimcheck.config import Config, config_for
from claimcheck.dask_engine import EngineName, choose_engine
from claimcheck.delivery import exit_code, terminal_width, use_color, write_atomically
from claimcheck.errors import ClaimcheckError
from claimcheck.nlp import DEFAULT_MODEL
from claimcheck.report import dates_format, render
from claimcheck.report.wording import visible
from claimcheck.scan import DEFAULT_MAX_BYTES, scan, tag_file
from claimcheck.store import ClaimStore, default_cache_dir
from claimcheck.workers import default_jobs

_stderr = Console(stderr=True, highlight=False)


class _Guarded(TyperGroup):
    """Every command: an error nobody foresaw is one line on stderr and exit 2, never a traceback and
    never exit 1 (which says "findings"); --verbose adds the traceback for a bug report."""

    def invoke(self, ctx):
        # read before invoking: the group hands its arguments on to the command and forgets them
        verbose = bool({"--verbose", "-v"} & {*getattr(ctx, "_protected_args", ()), *ctx.args})
        try:
            return super().invoke(ctx)
        except (TyperException, typer.Exit, typer.Abort):
            raise  # usage errors, exits and Ctrl-C: the command line's own way out
        except Exception as exc:
            if verbose:
                _stderr.print(Text("".join(traceback.format_exception(exc))), soft_wrap=True)
            _stderr.print(Text(visible(f"claimcheck: internal error: {type(exc).__name__}: {exc}"[:500])
                               + " (run again with --verbose for the traceback, and please report it)"),
                          soft_wrap=True)
            raise typer.Exit(2) from exc


class _PlainArgument(TyperArgument):
    """An argument shown in --help by its metavar alone: PATH, not PATH <list[Path]>."""

    def display_type_rich(self, ctx):
        return None


class _PlainHelpCommand(TyperCommand):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _PlainArgument


app = typer.Typer(
    cls=_Guarded,
    help="Find where news articles contradict each other or themselves: dates, numbers, counts.\n\n"
    "Start with:  claimcheck scan corpus/",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class DatesFormat(StrEnum):
    text = "text"
    json = "json"



def _fail(message: str, code: int = 2) -> typer.Exit:
    _stderr.print(f"[bold red]claimcheck:[/] {escape(visible(message))}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _note(message: str) -> None:
    """A line on stderr for the person at the terminal; --quiet callers skip it."""
    _stderr.print(f"claimcheck: {visible(message)}", markup=False, highlight=False, soft_wrap=True)


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


@app.command("scan", cls=_PlainHelpCommand)
def scan_command(
    paths: Annotated[list[Path], typer.Argument(
        help="Folders and article files (.txt, .md, .html) to scan together; - reads one article from standard input.",
        metavar="PATH", show_default=False,
    )],
    fmt: Format = TEXT_FORMAT,
    output: Output = None,
    fail_on: FailOnOption = None,
    model: Model = None,
    aliases: Aliases = None,
    max_bytes: MaxBytes = None,
    min_confidence: MinConfidence = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    baseline_file: Baseline = None,
    write_baseline: WriteBaseline = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    jobs: Jobs = None,
    engine: Engine = EngineName.local,
    scheduler: Scheduler = None,
) -> None:
    """Scan articles and report where they contradict each other or themselves.

    All the paths are compared with each other. Folders are read
    recursively, skipping hidden files, files their .gitignore lists and the
    configuration's exclude globs; files named here are always read.

    Exit status: 0 when nothing at or above --fail-on was found, 1 when
    something was, 2 for a usage error, a bad configuration file, nothing to
    scan, or a fatal error. Findings a --baseline file already knows do not
    count; a run with --write-baseline exits 0.

    Examples:

      claimcheck scan corpus/

      claimcheck scan corpus/ --format json --output report.json

      claimcheck scan corpus/ --format html --output report.html

      claimcheck scan drafts/a.md drafts/b.md

      cat story.txt | claimcheck scan -

      claimcheck scan corpus/ --baseline known.json
    """
    config = _configuration(paths, config_file, isolated, quiet, verbose)
    options = _pipeline_options(config, model, aliases, max_bytes, min_confidence)
    known = _load_baseline(baseline_file)
    store = _claim_store(config, cache_dir, no_cache)
    report = _run_with_progress(
        lambda progress: scan(
            [p for p in paths if str(p) != "-"], progress=progress, stdin=_stdin_if_named(paths), **options,
            store=store, **_workers(jobs, engine, scheduler),
        ),
        quiet, store,
    )
    _deliver(
        report, fmt=fmt, output=output, verbose=verbose, quiet=quiet,
        fail_on=_first(fail_on and fail_on.value, config.fail_on, "warning"),
        known=known, baseline_file=baseline_file, write_baseline=write_baseline,
    )


def _workers(jobs: int | None, engine: EngineName, scheduler: str | None) -> dict:
    """--jobs (default: every core) and the engine the documents are parsed on, as scan(), check() and index()
    take them; called inside the run, so that an engine that cannot start is its one-line error."""
    jobs = jobs or default_jobs()
    return {"jobs": jobs, "engine": choose_engine(engine, scheduler, jobs)}


def _pipeline_options(config: Config, model, aliases, max_bytes, min_confidence) -> dict:
    """The settings scan() and check() take: options first, then the configuration, then defaults."""
    aliases = [*config.aliases, *(aliases or [])]
    for alias_file in aliases:
        if not alias_file.is_file():
            raise _fail(f"alias file not found: {alias_file}")
    return {
        "model": _first(model, config.model, DEFAULT_MODEL),
        "aliases": aliases,
        "max_bytes": _first(max_bytes, config.max_bytes, DEFAULT_MAX_BYTES),
        "min_confidence": _first(min_confidence, config.min_confidence, 0.0),
        "include": config.include,
        "exclude": config.exclude,
        "severity": dict(config.severity),
    }


def _run_with_progress(run, quiet: bool, store: ClaimStore | None = None):
    """Run a pipeline call behind the progress bar; a domain error becomes a message and exit 2."""
    try:
        with _progress(enabled=not quiet) as progress:
            return run(progress)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    finally:
        _close_store(store, quiet)


def _claim_store(config: Config, cache_dir: Path | None, no_cache: bool, against: Path | None = None):
    """The claims store of this run: --cache-dir (or CLAIMCHECK_CACHE_DIR), the configuration's, the user cache;
    checking against an archive's store file, that file, read only (drafts come and go: not kept in it)."""
    if no_cache:
        return None
    if against is not None and is_archive(against):
        return ClaimStore(against, writes=False)
    return ClaimStore.in_folder(_first(cache_dir, config.cache_dir, default_cache_dir()))


def _close_store(store: ClaimStore | None, quiet: bool) -> None:
    """A store that failed is a note, not an error: the run parsed what the store could not give."""
    if store is None:
        return
    store.close()
    if not quiet:
        for warning in store.warnings:
            _note(warning)


def _stdin_if_named(paths: list[Path]) -> bytes | None:
    return sys.stdin.buffer.read() if any(str(p) == "-" for p in paths) else None


def _load_baseline(path: Path | None):
    """Read before scanning, so a missing or damaged baseline fails at once."""
    if path is None:
        return None
    try:
        return baseline.load(path)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None


def _deliver(report, *, fmt, output, verbose, quiet, fail_on, known, baseline_file, write_baseline) -> NoReturn:
    """Mark baseline findings, print or write the report, write the new baseline, exit with the status."""
    if known is not None:
        report = baseline.compare_with(report, known, str(baseline_file))
    text = render(report, fmt.value, color=use_color(output, sys.stdout, os.environ),
                  width=terminal_width(output, sys.stdout), verbose=verbose, quiet=quiet)
    if output is not None:
        _write(output, text, quiet)
    else:
        typer.echo(text, nl=False)
    if write_baseline is not None:
        _write(write_baseline, baseline.dumps(report), quiet)
        # the findings just written are accepted as known: nothing new is left to fail on
        raise typer.Exit(0)
    raise typer.Exit(exit_code(report, fail_on))


def _write(path: Path, text: str, quiet: bool) -> None:
    try:
        write_atomically(path, text)
    except OSError as exc:
        raise _fail(f"cannot write {path}: {exc.strerror or exc}") from None
    if not quiet:
        _note(f"wrote {path}")


def _configuration(paths: list[Path], config_file: Path | None, isolated: bool, quiet: bool, verbose: bool) -> Config:
    """The configuration for these paths, after the checks every command needs; notes it when verbose."""
    if quiet and verbose:
        raise _fail("--quiet and --verbose cannot be used together")
    if isolated and config_file is not None:
        raise _fail("--config and --isolated cannot be used together")
    try:
        config = config_for(paths, config_file, isolated)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    if verbose:
        origin = config.path or ("none (--isolated)" if isolated else "none found")
        _note(f"configuration: {origin}")
    return config


def _first(*values):
    """Option, then environment variable (typer folds it into the option), then configuration, then default."""
    return next(v for v in values if v is not None)


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
        assert self._bar is not None  # handed out by __enter__ only with a bar
        self._bar.update(self._task, completed=done, total=total)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()


@app.command("dates", cls=_PlainHelpCommand)
def dates_command(
    path: Annotated[Path, typer.Argument(help="An article file (.txt, .md, .html).", metavar="FILE")],
    dct: Annotated[str | None, typer.Option(
        "--dct", metavar="DATE",
        help="Document date YYYY-MM-DD that anchors relative expressions. Default: the publication date found in "
        "the file.",
    )] = None,
    fmt: Annotated[DatesFormat, typer.Option(
        "--format", "-f", metavar="[text|json]",
        help="text: a table; json: a list of {start, end, text, type, value, ...}.",
    )] = DatesFormat.text,
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
            raise _fail(f"--dct must be a date like 2025-08-30, not {dct!r}") from None
    try:
        result = tag_file(path, dct=anchor, model=_first(model, config.model, DEFAULT_MODEL))
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    if dct is None and not quiet:
        unknown = "unknown: relative dates stay unresolved"
        origin = f"{result.dct} (from the {result.dct_source})" if result.dct else unknown
        _note(f"document date {origin}")
    typer.echo(dates_format.render(result.timexes, fmt.value), nl=False)


@app.command("check", cls=_PlainHelpCommand)
def check_command(
    drafts: Annotated[list[Path], typer.Argument(
        help="Draft articles (.txt, .md, .html), inside the corpus folder or anywhere; "
        "- reads one from standard input.",
        metavar="DRAFT", show_default=False,
    )],
    against: Annotated[Path, typer.Option(
        "--against", metavar="DIR", show_default=False,
        help="The corpus the drafts are checked against: a folder of articles (or one file), or a store file "
        "built by claimcheck index.",
    )],
    fmt: Format = TEXT_FORMAT,
    output: Output = None,
    fail_on: FailOnOption = None,
    model: Model = None,
    aliases: Aliases = None,
    max_bytes: MaxBytes = None,
    min_confidence: MinConfidence = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    baseline_file: Baseline = None,
    write_baseline: WriteBaseline = None,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    jobs: Jobs = None,
    engine: Engine = EngineName.local,
    scheduler: Scheduler = None,
) -> None:
    """Check drafts against a corpus before publishing: only where a draft disagrees with it or with itself.

    Each finding names the corpus sources that disagree with the draft and
    those that agree. Contradictions inside the corpus alone are left out
    (only counted). Exit status: 1 when a draft finding at or above --fail-on
    is reported, 0 otherwise, 2 for a usage error or a fatal error.

    Example:

      claimcheck check drafts/story.md --against corpus/
    """
    config = _configuration([against, *drafts], config_file, isolated, quiet, verbose)
    options = _pipeline_options(config, model, aliases, max_bytes, min_confidence)
    known = _load_baseline(baseline_file)
    store = _claim_store(config, cache_dir, no_cache, against)
    report = _run_with_progress(
        lambda progress: check(
            [d for d in drafts if str(d) != "-"], against, progress=progress, stdin=_stdin_if_named(drafts),
            **options, store=store, **_workers(jobs, engine, scheduler),
        ),
        quiet, store,
    )
    _deliver(
        report, fmt=fmt, output=output, verbose=verbose, quiet=quiet,
        fail_on=_first(fail_on and fail_on.value, config.fail_on, "warning"),
        known=known, baseline_file=baseline_file, write_baseline=write_baseline,
    )


@app.command("index", cls=_PlainHelpCommand)
def index_command(
    paths: Annotated[list[Path], typer.Argument(
        help="Folders and article files of the archive, read as scan reads them.", metavar="DIR", show_default=False,
    )],
    store_file: Annotated[Path, typer.Option(
        "--store", metavar="FILE", dir_okay=False, show_default=False,
        help="The store file to build, or to bring up to date (only new and edited articles are parsed).",
    )],
    model: Model = None,
    aliases: Aliases = None,
    max_bytes: MaxBytes = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    quiet: Quiet = False,
    verbose: Verbose = False,
    jobs: Jobs = None,
    engine: Engine = EngineName.local,
    scheduler: Scheduler = None,
) -> None:
    """Build or update a store of an archive, to check drafts against it without parsing it again.

    The store file records the archive's articles and each one's claims.
    Check with the same --model and --aliases: a draft is then the only
    thing parsed. Exit status: 0 when the store is written, 2 for a usage
    error, nothing to index, or a store that cannot be written.

    Example:

      claimcheck index archive/ --store archive.claims

      claimcheck check drafts/story.md --against archive.claims
    """
    config = _configuration(paths, config_file, isolated, quiet, verbose)
    options = _pipeline_options(config, model, aliases, max_bytes, None)
    for unused in ("min_confidence", "severity"):
        del options[unused]
    summary = _run_with_progress(
        lambda progress: index(
            paths, store_file, progress=progress, **options, **_workers(jobs, engine, scheduler),
        ), quiet,
    )
    if summary.warnings:
        raise _fail("; ".join(summary.warnings))
    if not quiet:
        failed = f", {summary.failed} not analysed (parsed again next time)" if summary.failed else ""
        _note(f"indexed {summary.documents} documents into {store_file} ({summary.parsed} parsed, "
              f"{summary.stored} already stored, {summary.skipped} skipped{failed})")


@app.command("explain", cls=_PlainHelpCommand)
def explain_command(
    ident: Annotated[str, typer.Argument(
        metavar="ID",
        help="A finding id as scan or check prints it (a unique prefix will do), or a baseline fingerprint.",
    )],
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH", show_default=False,
        help="What was scanned (folders and files, as given to scan); with --against, the drafts that were checked.",
    )],
    against: Annotated[Path | None, typer.Option(
        "--against", metavar="DIR", help="Explain a finding of `claimcheck check DRAFT... --against DIR`.",
    )] = None,
    fmt: Annotated[DatesFormat, typer.Option(
        "--format", "-f", metavar="[text|json]", help="text: for people; json: the same as data.",
    )] = DatesFormat.text,
    model: Model = None,
    aliases: Aliases = None,
    max_bytes: MaxBytes = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    cache_dir: CacheDir = None,
    no_cache: NoCache = False,
    jobs: Jobs = None,
) -> None:
    """Explain one finding: its claims, their normalised values, and why they were matched.

    Scans PATH again (ids follow the files as they are now) and shows, for
    each claim, the document, line, sentence, predicate, object, agent,
    names and the value read (date interval, number and unit, list items),
    then the rule that matched the claims and, pair by pair, the names they
    share and how their values compare. Suppressed findings and
    corroborations can be explained too; --min-confidence does not apply.

    Examples:

      claimcheck explain date-d0841af2a2 corpus/

      claimcheck explain date-3f2a drafts/story.md --against corpus/
    """
    config = _configuration([*paths, *([against] if against else [])], config_file, isolated, False, False)
    options = {
        **_pipeline_options(config, model, aliases, max_bytes, None), "min_confidence": 0.0,
        "store": _claim_store(config, cache_dir, no_cache, against), "jobs": jobs or default_jobs(),
    }
    try:
        with _progress() as progress:
            if against is None:
                report = scan(paths, progress=progress, **options)
            else:
                report = check(paths, against, progress=progress, **options)
        finding, where = explain.locate(report, ident)
    except ClaimcheckError as exc:
        raise _fail(str(exc)) from None
    finally:
        _close_store(options["store"], False)
    data = explain.describe(finding, where, report)
    if fmt is DatesFormat.json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        typer.echo(visible(explain.render_text(data)), nl=False)


def main() -> None:
    # SIGTERM and SIGHUP (a closed terminal, a cancelled CI job) unwind like Ctrl-C, so a report being
    # written leaves no temporary file behind
    for ending in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(ending, _exit_on_signal)
    app(prog_name="claimcheck")


def _exit_on_signal(number: int, _frame) -> None:
    raise SystemExit(128 + number)


if __name__ == "__main__":
    main()
