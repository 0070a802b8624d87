"""The terminal report: findings first, each with its quotes and file:line, then a summary line."""
from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from claimcheck.models import Claim, Finding, Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(
    report: Report, color: bool = False, width: int = 100, verbose: bool = False, quiet: bool = False, **_options,
) -> str:
    """The report for people; `quiet` keeps the findings alone, so nothing found prints nothing."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False)
    paths = {d.id: d.path for d in report.documents}
    for finding in report.findings:
        _finding(console, finding, paths)
    if quiet:
        return buffer.getvalue()
    if report.corroborations:
        console.print(Text("Corroborated", style="bold green"))
        for finding in report.corroborations:
            console.print(f"  [green]✓[/] {escape(finding.summary)}")
        console.print()
    warnings = [(d.path, w) for d in report.documents for w in d.warnings]
    warnings += [(s.path, f"skipped: {s.reason}") for s in report.skipped]
    if warnings:
        console.print(Text("Warnings", style="bold"))
        for path, warning in warnings:
            console.print(f"  {escape(path)}: {escape(warning)}")
        console.print()
    if verbose:
        for d in report.documents:
            published = f"{d.published} ({d.published_from})" if d.published else "publication date unknown"
            copies = f", same text as {', '.join(d.near_duplicates)}" if d.near_duplicates else ""
            console.print(f"  {escape(d.path)}: {d.claims} claims, {published}{escape(copies)}")
        console.print()
    console.print(summary_line(report))
    return buffer.getvalue()


def _finding(console: Console, finding: Finding, paths: dict[str, str]) -> None:
    style = _STYLE[finding.severity]
    console.print(
        Text.assemble((f"{finding.severity.upper()} ", style), (finding.kind, "bold"),
                      f"  {finding.subject}  ", (f"[{finding.id}, confidence {finding.confidence:.2f}]", "dim"))
    )
    console.print(f"  {escape(finding.summary)}")
    for claim in finding.claims:
        console.print(_quote(claim, paths))
    console.print()


def _quote(claim: Claim, paths: dict[str, str]) -> Text:
    where = f"{paths.get(claim.document, claim.document)}:{claim.line}"
    text = " ".join(claim.text.split())
    if len(text) > 220:
        text = text[:217] + "..."
    shown = f"{len(claim.value.items)} items" if claim.value.kind == "list" else claim.value.text.strip()[:60]
    return Text.assemble("    ", (where, "bold"), "  ", (shown, "magenta"), "\n      ", (f"“{text}”", "italic"))


def summary_line(report: Report) -> str:
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in ("error", "warning", "info")}
    parts = [f"{len(report.documents)} documents", f"{len(report.findings)} findings "
             f"({counts['error']} errors, {counts['warning']} warnings, {counts['info']} info)",
             f"{len(report.corroborations)} corroborations"]
    if report.skipped:
        parts.append(f"{len(report.skipped)} files skipped")
    return ", ".join(parts)
