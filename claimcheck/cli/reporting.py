"""`claimcheck scan` and `claimcheck check`: the commands that write a report."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from claimcheck.cli.options import (
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
    Watch,
    WriteBaseline,
)
from claimcheck.cli.running import (
    claim_store,
    close_store,
    configuration,
    deliver,
    load_baseline,
    pipeline_options,
    run_with_progress,
    show_report,
    stdin_if_named,
    workers,
)
from claimcheck.cli.terminal import PlainHelpCommand, app, fail, first, note
from claimcheck.dask_engine import EngineName
from claimcheck.errors import ClaimcheckError
from claimcheck.scan import scan


@app.command("scan", cls=PlainHelpCommand)
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
    watch: Watch = False,
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

      claimcheck scan drafts/ --watch
    """
    config = configuration(paths, config_file, isolated, quiet, verbose)
    options = pipeline_options(config, model, aliases, max_bytes, min_confidence)
    known = load_baseline(baseline_file)
    if watch:
        refuse_what_watch_cannot_do(paths, no_cache, jobs, engine, write_baseline)
        kept = claim_store(config, cache_dir, False, comparisons=False)
        watch_and_report(
            paths, lambda parse_here: scan(paths, store=kept, engine=parse_here, **options), kept, options,
            show=dict(fmt=fmt, output=output, verbose=verbose, quiet=quiet, known=known, baseline_file=baseline_file),
        )
    store = claim_store(config, cache_dir, no_cache)
    report = run_with_progress(
        lambda progress: scan(
            [p for p in paths if str(p) != "-"], progress=progress, stdin=stdin_if_named(paths), **options,
            store=store, **workers(jobs, engine, scheduler),
        ),
        quiet, store,
    )
    deliver(
        report, fmt=fmt, output=output, verbose=verbose, quiet=quiet,
        fail_on=first(fail_on and fail_on.value, config.fail_on, "warning"),
        known=known, baseline_file=baseline_file, write_baseline=write_baseline,
    )


@app.command("check", cls=PlainHelpCommand)
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
    watch: Watch = False,
) -> None:
    """Check drafts against a corpus before publishing: only where a draft disagrees with it or with itself.

    Each finding names the corpus sources that disagree with the draft and
    those that agree. Contradictions inside the corpus alone are left out
    (only counted). Exit status: 1 when a draft finding at or above --fail-on
    is reported, 0 otherwise, 2 for a usage error or a fatal error.

    Examples:

      claimcheck check drafts/story.md --against corpus/

      claimcheck check drafts/story.md --against corpus/ --watch
    """
    from claimcheck.check import check  # loaded by the commands that check drafts, not by every start

    config = configuration([against, *drafts], config_file, isolated, quiet, verbose)
    options = pipeline_options(config, model, aliases, max_bytes, min_confidence)
    known = load_baseline(baseline_file)
    if watch:
        refuse_what_watch_cannot_do(drafts, no_cache, jobs, engine, write_baseline)
        kept = claim_store(config, cache_dir, False, against, comparisons=False)
        watch_and_report(
            [*drafts, against], lambda parse_here: check(drafts, against, store=kept, engine=parse_here, **options),
            kept, options,
            show=dict(fmt=fmt, output=output, verbose=verbose, quiet=quiet, known=known, baseline_file=baseline_file),
        )
    store = claim_store(config, cache_dir, no_cache, against)
    report = run_with_progress(
        lambda progress: check(
            [d for d in drafts if str(d) != "-"], against, progress=progress, stdin=stdin_if_named(drafts),
            **options, store=store, **workers(jobs, engine, scheduler),
        ),
        quiet, store,
    )
    deliver(
        report, fmt=fmt, output=output, verbose=verbose, quiet=quiet,
        fail_on=first(fail_on and fail_on.value, config.fail_on, "warning"),
        known=known, baseline_file=baseline_file, write_baseline=write_baseline,
    )


def refuse_what_watch_cannot_do(paths, no_cache, jobs, engine, write_baseline) -> None:
    clashes = (
        (any(str(p) == "-" for p in paths), "standard input cannot be watched"),
        (write_baseline is not None, "--write-baseline writes once: run it without --watch"),
        (no_cache, "the claims store is what spares unchanged files: leave out --no-cache"),
        (engine is not EngineName.local or (jobs or 1) > 1,
         "--watch parses in this process: leave out --engine, and --jobs (or CLAIMCHECK_JOBS) above 1"),
    )
    for clash, why in clashes:
        if clash:
            raise fail(f"--watch: {why}")


def watch_and_report(roots, run, store, options, show) -> NoReturn:
    """A report now and after every change under `roots`, until Ctrl-C (exit 0: the person ended it)."""
    from claimcheck.watch import watch

    quiet = show["quiet"]
    if not quiet:
        note(f"watching {', '.join(str(p) for p in roots)}; Ctrl-C to stop")
    try:
        reports = watch(roots, run, include=options["include"], exclude=options["exclude"])
        for number, result in enumerate(reports):
            if isinstance(result, ClaimcheckError):
                note(f"{result} (still watching)")
                continue
            if number and not quiet:
                note(f"changed: checked again at {datetime.now():%H:%M:%S}")
            show_report(result, **show)
    except KeyboardInterrupt:
        raise typer.Exit(0) from None
    finally:
        close_store(store, quiet)
    raise typer.Exit(0)  # the watch ends only by Ctrl-C or a signal; this line is for the type checker
