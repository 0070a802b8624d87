"""The terminal report: findings first, each with its quotes and file:line, then a summary line."""
from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from claimcheck import baseline
from claimcheck.models import Claim, Finding, Report
from claimcheck.report.paths import openable, openable_paths, scan_base
from claimcheck.report.story_groups import story_groups
from claimcheck.report.wording import counted, visible

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
STORY_NAMES = 6  # documents named per story line; --verbose names them all


def render(
    report: Report, color: bool = False, width: int | None = None, verbose: bool = False, quiet: bool = False,
    **_options,
) -> str:
    """The report for people; `quiet` keeps the findings alone, so nothing found prints nothing.

    Lines are wrapped at `width` (a terminal's); with None they are not wrapped, so that a file or a
    pipe gets one line per line and no padding.
    """
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width or 100_000,
                      soft_wrap=width is None, highlight=False)
    paths = {doc: visible(path) for doc, path in openable_paths(report).items()}
    for finding in report.findings:
        _finding(console, finding, paths, sources=report.check is not None)
    if quiet:
        return buffer.getvalue()
    if report.suppressed:
        console.print(Text("Suppressed by claimcheck comments", style="bold"))
        for s in report.suppressed:
            where = f"{paths.get(s.document, s.document)} line {s.line}"
            console.print("  " + escape(visible(f"{s.finding.kind} [{s.finding.id}] by {where}: {s.reason}")))
        console.print()
    if report.baseline is not None and report.baseline.fixed:
        console.print(Text(f"Fixed since the baseline {visible(report.baseline.path)}", style="bold green"))
        for entry in report.baseline.fixed:
            console.print(f"  [green]✓[/] {escape(visible(entry.kind))}: {escape(visible(entry.summary))}")
        console.print()
    if report.corroborations:
        console.print(Text("Corroborated", style="bold green"))
        for finding in report.corroborations:
            console.print(f"  [green]✓[/] {escape(visible(finding.summary))}")
        console.print()
    # a check is about the drafts: the corpus's own warnings are in the JSON report and in scan's
    shown = report.documents if report.check is None else [d for d in report.documents if d.id in report.check.drafts]
    warnings = [(paths[d.id], w) for d in shown for w in d.warnings]
    base = scan_base(report)
    warnings += [(openable(base, s.path), f"skipped: {s.reason}") for s in report.skipped]
    if warnings:
        console.print(Text("Warnings", style="bold"))
        for path, warning in warnings:
            console.print(f"  {escape(visible(path))}: {escape(visible(warning))}")
        console.print()
    _stories(console, report, paths, verbose)
    if verbose:
        for d in report.documents:
            published = f"{d.published} ({d.published_from})" if d.published else "publication date unknown"
            copies = f", same text as {', '.join(d.near_duplicates)}" if d.near_duplicates else ""
            claims = counted(d.claims, "claim")
            console.print(f"  {escape(paths[d.id])}: {claims}, {published}{escape(visible(copies))}")
        console.print()
    console.print(summary_line(report))
    return buffer.getvalue()


def _stories(console: Console, report: Report, paths: dict[str, str], verbose: bool) -> None:
    """One line per story of several documents, then the documents that stand alone: which articles
    claimcheck read as reports of one event, whose values it compares with each other."""
    groups = story_groups(report)
    if not groups:
        return
    console.print(Text("Stories", style="bold"))
    for n, story in enumerate(groups.shared, start=1):
        names = _names(story.documents, paths, verbose)
        # Text, not markup: a label or a path is printed as written, brackets and colons included
        size = counted(len(story.documents), "document")
        console.print(Text(f"  story {n}: {visible(story.label)} — {size}: {names}"))
    if groups.alone:
        verb = "document stands" if len(groups.alone) == 1 else "documents stand"
        console.print(Text(f"  {len(groups.alone)} {verb} alone: {_names(groups.alone, paths, verbose)}"))
    console.print()


def _names(documents: tuple[str, ...], paths: dict[str, str], verbose: bool) -> str:
    """The documents' paths; past STORY_NAMES the rest are counted, never "and 1 more" where the name would fit."""
    names = [paths.get(doc, doc) for doc in documents]
    if verbose or len(names) <= STORY_NAMES + 1:
        return ", ".join(names)
    return f"{', '.join(names[:STORY_NAMES])} and {len(names) - STORY_NAMES} more"


def _finding(console: Console, finding: Finding, paths: dict[str, str], sources: bool = False) -> None:
    style = _STYLE[finding.severity]
    known = f"{finding.baseline} " if finding.baseline else ""
    console.print(
        Text.assemble((known, "dim"), (f"{finding.severity.upper()} ", style), (finding.kind, "bold"),
                      f"  {visible(finding.subject)}  ",
                      (f"[{finding.id}, confidence {finding.confidence:.2f}]", "dim"))
    )
    console.print(f"  {escape(visible(finding.summary))}")
    for claim in finding.claims:
        console.print(_quote(claim, paths))
    if sources:
        console.print(f"  corpus sources that disagree: {escape(_sources(finding.disagreeing, paths))}")
        console.print(f"  corpus sources that agree: {escape(_sources(finding.agreeing, paths))}")
    console.print()


def _sources(claims: tuple[Claim, ...], paths: dict[str, str]) -> str:
    shown = [f"{paths.get(c.document, c.document)}:{c.line} ({_shown_value(c)})" for c in claims]
    return ", ".join(shown) or "none"


def _shown_value(claim: Claim) -> str:
    if claim.value.kind == "list":
        return counted(len(claim.value.items), "item")
    return visible(claim.value.text.strip()[:60])


def _quote(claim: Claim, paths: dict[str, str]) -> Text:
    where = f"{paths.get(claim.document, claim.document)}:{claim.line}"
    text = visible(" ".join(claim.text.split()))
    if len(text) > 220:
        text = text[:217] + "..."
    shown = _shown_value(claim)
    return Text.assemble("    ", (where, "bold"), "  ", (shown, "magenta"), "\n      ", (f"“{text}”", "italic"))


def summary_line(report: Report) -> str:
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in ("error", "warning", "info")}
    parts = [counted(len(report.documents), "document"), counted(len(report.findings), "finding")
             + f" ({counted(counts['error'], 'error')}, {counted(counts['warning'], 'warning')}, "
             f"{counts['info']} info)",
             counted(len(report.corroborations), "corroboration")]
    if report.skipped:
        parts.append(f"{counted(len(report.skipped), 'file')} skipped")
    if report.suppressed:
        parts.append(f"{len(report.suppressed)} suppressed")
    if report.baseline is not None:
        parts.append("baseline: {new} new, {unchanged} unchanged, {fixed} fixed".format(**baseline.counts(report)))
    line = ", ".join(parts)
    if report.check is not None:
        scope = report.check
        line = f"checked {counted(len(scope.drafts), 'draft')} against {visible(scope.against)}: " + line
        if scope.corpus_findings:
            line += f"; {counted(scope.corpus_findings, 'finding')} inside the corpus alone not shown (scan lists them)"
    return line
