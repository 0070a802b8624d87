"""What scan, check, explain and index do around the library call: settings from options, configuration and
defaults; the claims store; the progress bar; delivering the report and its exit status."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

import typer

from claimcheck import baseline
from claimcheck.archive import is_archive
from claimcheck.cli.terminal import fail, first, note, progress_bar
from claimcheck.config import Config, config_for
from claimcheck.dask_engine import EngineName, choose_engine
from claimcheck.delivery import exit_code, terminal_width, use_color, write_atomically
from claimcheck.errors import ClaimcheckError
from claimcheck.nlp import DEFAULT_MODEL
from claimcheck.report import render
from claimcheck.scan import DEFAULT_MAX_BYTES
from claimcheck.store import ClaimStore, default_cache_dir
from claimcheck.workers import default_jobs


def configuration(paths: list[Path], config_file: Path | None, isolated: bool, quiet: bool, verbose: bool) -> Config:
    """The configuration for these paths, after the checks every command needs; notes it when verbose."""
    if quiet and verbose:
        raise fail("--quiet and --verbose cannot be used together")
    if isolated and config_file is not None:
        raise fail("--config and --isolated cannot be used together")
    try:
        config = config_for(paths, config_file, isolated)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
    if verbose:
        origin = config.path or ("none (--isolated)" if isolated else "none found")
        note(f"configuration: {origin}")
    return config

def pipeline_options(config: Config, model, aliases, max_bytes, min_confidence) -> dict:
    """The settings scan() and check() take: options first, then the configuration, then defaults."""
    aliases = [*config.aliases, *(aliases or [])]
    for alias_file in aliases:
        if not alias_file.is_file():
            raise fail(f"alias file not found: {alias_file}")
    return {
        "model": first(model, config.model, DEFAULT_MODEL),
        "aliases": aliases,
        "max_bytes": first(max_bytes, config.max_bytes, DEFAULT_MAX_BYTES),
        "min_confidence": first(min_confidence, config.min_confidence, 0.0),
        "include": config.include,
        "exclude": config.exclude,
        "severity": dict(config.severity),
    }

def workers(jobs: int | None, engine: EngineName, scheduler: str | None) -> dict:
    """--jobs (default: every core) and the engine the documents are parsed on, as scan(), check() and index()
    take them; called inside the run, so that an engine that cannot start is its one-line error."""
    jobs = jobs or default_jobs()
    return {"jobs": jobs, "engine": choose_engine(engine, scheduler, jobs)}

def run_with_progress(run, quiet: bool, store: ClaimStore | None = None):
    """Run a pipeline call behind the progress bar; a domain error becomes a message and exit 2."""
    try:
        with progress_bar(enabled=not quiet) as progress:
            return run(progress)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
    finally:
        close_store(store, quiet)

def claim_store(config: Config, cache_dir: Path | None, no_cache: bool, against: Path | None = None,
                comparisons: bool = True):
    """The claims store of this run: --cache-dir (or CLAIMCHECK_CACHE_DIR), the configuration's, the user cache;
    checking against an archive's store file, that file, read only (drafts come and go: not kept in it)."""
    if no_cache:
        return None
    if against is not None and is_archive(against):
        return ClaimStore(against, writes=False)
    return ClaimStore.in_folder(cache_folder(config, cache_dir), comparisons=comparisons)


def cache_folder(config: Config, cache_dir: Path | None) -> Path:
    """The claims store's folder: --cache-dir (or CLAIMCHECK_CACHE_DIR), the configuration's, the user cache."""
    return Path(first(cache_dir, config.cache_dir, default_cache_dir()))


def close_store(store: ClaimStore | None, quiet: bool) -> None:
    """A store that failed is a note, not an error: the run parsed what the store could not give."""
    if store is None:
        return
    store.close()
    if not quiet:
        for warning in store.warnings:
            note(warning)

def stdin_if_named(paths: list[Path]) -> bytes | None:
    return sys.stdin.buffer.read() if any(str(p) == "-" for p in paths) else None

def load_baseline(path: Path | None):
    """Read before scanning, so a missing or damaged baseline fails at once."""
    if path is None:
        return None
    try:
        return baseline.load(path)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None

def show_report(report, *, fmt, output, verbose, quiet, known, baseline_file):
    """Mark baseline findings, then print the report or write it to `output`; the report as marked."""
    if known is not None:
        report = baseline.compare_with(report, known, str(baseline_file))
    text = render(report, fmt.value, color=use_color(output, sys.stdout, os.environ),
                  width=terminal_width(output, sys.stdout), verbose=verbose, quiet=quiet)
    if output is not None:
        write_file(output, text, quiet)
    else:
        typer.echo(text, nl=False)
    return report


def deliver(report, *, fmt, output, verbose, quiet, fail_on, known, baseline_file, write_baseline) -> NoReturn:
    """Mark baseline findings, print or write the report, write the new baseline, exit with the status."""
    report = show_report(report, fmt=fmt, output=output, verbose=verbose, quiet=quiet, known=known,
                         baseline_file=baseline_file)
    if write_baseline is not None:
        write_file(write_baseline, baseline.dumps(report), quiet)
        # the findings just written are accepted as known: nothing new is left to fail on
        raise typer.Exit(0)
    raise typer.Exit(exit_code(report, fail_on))

def write_file(path: Path, text: str, quiet: bool) -> None:
    try:
        write_atomically(path, text)
    except OSError as exc:
        raise fail(f"cannot write {path}: {exc.strerror or exc}") from None
    if not quiet:
        note(f"wrote {path}")
