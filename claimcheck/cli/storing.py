"""`claimcheck index` (a store of an archive) and `claimcheck cache` (the claims store's upkeep)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.archive import index
from claimcheck.cli.options import (
    Aliases,
    CacheFolder,
    ConfigFile,
    Engine,
    Isolated,
    Jobs,
    MaxBytes,
    Model,
    Quiet,
    QuietNote,
    Scheduler,
    Verbose,
)
from claimcheck.cli.running import cache_folder, configuration, pipeline_options, run_with_progress, workers
from claimcheck.cli.terminal import PlainHelpCommand, app, fail, note
from claimcheck.dask_engine import EngineName
from claimcheck.errors import ClaimcheckError
from claimcheck.store import CACHE_KEEPS_DAYS, STORE_FILE
from claimcheck.store_upkeep import Pruned, StoreSummary, parse_size, prune, summarise


@app.command("index", cls=PlainHelpCommand)
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
    config = configuration(paths, config_file, isolated, quiet, verbose)
    options = pipeline_options(config, model, aliases, max_bytes, None)
    for unused in ("min_confidence", "severity"):
        del options[unused]
    summary = run_with_progress(
        lambda progress: index(
            paths, store_file, progress=progress, **options, **workers(jobs, engine, scheduler),
        ), quiet,
    )
    if summary.warnings:
        raise fail("; ".join(summary.warnings))
    if not quiet:
        failed = f", {summary.failed} not analysed (parsed again next time)" if summary.failed else ""
        forgotten = f", {summary.forgotten} unused results removed" if summary.forgotten else ""
        note(f"indexed {summary.documents} documents into {store_file} ({summary.parsed} parsed, "
              f"{summary.stored} already stored, {summary.skipped} skipped{failed}{forgotten})")


cache_app = typer.Typer(
    help="Look after the claims store that spares unchanged files a second parse: what it holds, and making it "
    "smaller.\n\nRuns forget entries no run has used for " + f"{CACHE_KEEPS_DAYS:g}" + " days by themselves; the "
    "file keeps its size until `claimcheck cache prune` or `clear` gives the space back.",
    no_args_is_help=True, rich_markup_mode=None,
)
app.add_typer(cache_app, name="cache")


def _cache_file(cache_dir: Path | None, config_file: Path | None, isolated: bool) -> Path:
    """The store file scan and check use from here: --cache-dir, CLAIMCHECK_CACHE_DIR, `cache-dir`, the default."""
    return cache_folder(configuration([Path.cwd()], config_file, isolated, False, False), cache_dir) / STORE_FILE


@cache_app.command("info", cls=PlainHelpCommand)
def cache_info_command(
    cache_dir: CacheFolder = None, config_file: ConfigFile = None, isolated: Isolated = False,
) -> None:
    """Where the claims store is, how many entries it holds and how big it is.

    Example:  claimcheck cache info
    """
    path = _cache_file(cache_dir, config_file, isolated)
    try:
        summary = summarise(path)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
    typer.echo(_describe(summary))


@cache_app.command("prune", cls=PlainHelpCommand)
def cache_prune_command(
    unused_for: Annotated[float, typer.Option(
        "--unused-for", metavar="DAYS", min=0,
        help="Remove the entries no run has read or written for DAYS days.",
    )] = CACHE_KEEPS_DAYS,
    max_size: Annotated[str | None, typer.Option(
        "--max-size", metavar="SIZE", show_default=False,
        help="Then remove the least recently used entries until the rest take at most SIZE (500MB, 2GB, 1.5GiB).",
    )] = None,
    cache_dir: CacheFolder = None,
    config_file: ConfigFile = None,
    isolated: Isolated = False,
    quiet: QuietNote = False,
) -> None:
    """Make the claims store smaller: old entries first, then by size; the file shrinks with them.

    A file whose entry is removed is parsed again the next time it is scanned; nothing else changes.

    Examples:

      claimcheck cache prune

      claimcheck cache prune --unused-for 7 --max-size 500MB
    """
    path = _cache_file(cache_dir, config_file, isolated)
    try:
        pruned = prune(path, unused_for_days=unused_for, max_bytes=parse_size(max_size) if max_size else None)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
    if not quiet:
        note(_pruned(path, pruned))


@cache_app.command("clear", cls=PlainHelpCommand)
def cache_clear_command(
    cache_dir: CacheFolder = None, config_file: ConfigFile = None, isolated: Isolated = False, quiet: QuietNote = False,
) -> None:
    """Remove every entry of the claims store: the next scan parses every file again.

    Example:  claimcheck cache clear
    """
    path = _cache_file(cache_dir, config_file, isolated)
    try:
        pruned = prune(path, unused_for_days=0)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
    if not quiet:
        note(_pruned(path, pruned))


def _describe(summary: StoreSummary) -> str:
    if not summary.exists:
        return f"claims store: {summary.path} (none yet: scan and check make it)"
    lines = [
        f"claims store: {summary.path}" + (" (the index of an archive, built by claimcheck index)"
                                           if summary.archive else ""),
        f"entries: {summary.entries:,} ({_size(summary.entry_bytes)} of results; file {_size(summary.file_bytes)})",
    ]
    if summary.oldest_use is not None and summary.newest_use is not None:
        lines.append(f"last used: {_day(summary.oldest_use)} (oldest) to {_day(summary.newest_use)} (newest)")
    lines.append(f"entries unused for {CACHE_KEEPS_DAYS:g} days are forgotten by the next run; "
                 "claimcheck cache prune gives the space back")
    return "\n".join(lines)


def _pruned(path: Path, pruned: Pruned) -> str:
    noun = "entry" if pruned.entries == 1 else "entries"
    return (f"removed {pruned.entries:,} {noun} ({_size(pruned.entry_bytes)}) from {path}; "
            f"file {_size(pruned.file_bytes_before)} -> {_size(pruned.file_bytes_after)}")


def _size(count: int) -> str:
    for unit, factor in (("GB", 1000**3), ("MB", 1000**2), ("kB", 1000)):
        if count >= factor:
            return f"{count / factor:.1f} {unit}"
    return f"{count} bytes"


def _day(moment: float) -> str:
    return datetime.fromtimestamp(moment).strftime("%Y-%m-%d %H:%M")
