"""`claimcheck dates` and `claimcheck explain`: why a date or a finding was read as it was."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from claimcheck.cli.options import (
    Aliases,
    CacheDir,
    ConfigFile,
    Engine,
    Isolated,
    Jobs,
    MaxBytes,
    Model,
    NoCache,
    Quiet,
    Scheduler,
    Verbose,
)
from claimcheck.cli.running import claim_store, close_store, configuration, pipeline_options, workers
from claimcheck.cli.terminal import DatesFormat, PlainHelpCommand, app, fail, first, note, progress_bar
from claimcheck.dask_engine import EngineName
from claimcheck.errors import ClaimcheckError
from claimcheck.nlp import DEFAULT_MODEL
from claimcheck.report import dates_format
from claimcheck.report.wording import visible
from claimcheck.scan import scan


@app.command("dates", cls=PlainHelpCommand)
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
    config = configuration([path], config_file, isolated, quiet, verbose)
    anchor = None
    if dct is not None:
        try:
            anchor = date.fromisoformat(dct)
        except ValueError:
            raise fail(f"--dct must be a date like 2025-08-30, not {dct!r}") from None
    from claimcheck.analysis import tag_file  # the date tagger is loaded only by the commands that parse

    try:
        result = tag_file(path, dct=anchor, model=first(model, config.model, DEFAULT_MODEL))
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
    if dct is None and not quiet:
        unknown = "unknown: relative dates stay unresolved"
        origin = f"{result.dct} (from the {result.dct_source})" if result.dct else unknown
        note(f"document date {origin}")
    typer.echo(dates_format.render(result.timexes, fmt.value), nl=False)


@app.command("explain", cls=PlainHelpCommand)
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
    engine: Engine = EngineName.local,
    scheduler: Scheduler = None,
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
    from claimcheck import explain
    from claimcheck.check import check

    config = configuration([*paths, *([against] if against else [])], config_file, isolated, False, False)
    options = {
        **pipeline_options(config, model, aliases, max_bytes, None), "min_confidence": 0.0,
        "store": claim_store(config, cache_dir, no_cache, against),
    }
    try:
        options.update(workers(jobs, engine, scheduler))  # an engine that cannot start is its one-line error
        with progress_bar() as progress:
            if against is None:
                report = scan(paths, progress=progress, **options)
            else:
                report = check(paths, against, progress=progress, **options)
        finding, where = explain.locate(report, ident)
    except ClaimcheckError as exc:
        raise fail(str(exc)) from None
    finally:
        close_store(options["store"], False)
    data = explain.describe(finding, where, report)
    if fmt is DatesFormat.json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        typer.echo(visible(explain.render_text(data)), nl=False)
