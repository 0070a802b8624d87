"""The typer app and what every command shares on the terminal: one-line errors, notes, the progress bar.

Every command is registered on `app` by the modules of this package (see
`claimcheck.cli`); this one is where an unforeseen exception becomes one line
and exit 2, never a traceback.
"""
from __future__ import annotations

import signal
import sys
import traceback
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text
from typer.core import TyperArgument, TyperCommand, TyperGroup
from typer.exceptions import TyperException

from claimcheck import __version__
from claimcheck.report.wording import visible

stderr = Console(stderr=True, highlight=False)

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
                stderr.print(Text("".join(traceback.format_exception(exc))), soft_wrap=True)
            stderr.print(Text(visible(f"claimcheck: internal error: {type(exc).__name__}: {exc}"[:500])
                               + " (run again with --verbose for the traceback, and please report it)"),
                          soft_wrap=True)
            raise typer.Exit(2) from exc

class _PlainArgument(TyperArgument):
    """An argument shown in --help by its metavar alone: PATH, not PATH <list[Path]>."""

    def display_type_rich(self, ctx):
        return None

class PlainHelpCommand(TyperCommand):
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

def fail(message: str, code: int = 2) -> typer.Exit:
    stderr.print(f"[bold red]claimcheck:[/] {escape(visible(message))}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(code)

def note(message: str) -> None:
    """A line on stderr for the person at the terminal; --quiet callers skip it."""
    stderr.print(f"claimcheck: {visible(message)}", markup=False, highlight=False, soft_wrap=True)

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

def first(*values):
    """Option, then environment variable (typer folds it into the option), then configuration, then default."""
    return next(v for v in values if v is not None)

class progress_bar:
    """A progress bar on stderr for long scans, only when stderr is a terminal."""

    def __init__(self, enabled: bool = True):
        self._enabled = enabled

    def __enter__(self):
        self._bar = None
        if not self._enabled or not sys.stderr.isatty():
            return None
        from rich.progress import Progress

        self._bar = Progress(console=stderr, transient=True)
        self._bar.start()
        self._task = self._bar.add_task("reading articles", total=None)
        return self._update

    def _update(self, done: int, total: int) -> None:
        assert self._bar is not None  # handed out by __enter__ only with a bar
        self._bar.update(self._task, completed=done, total=total)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()

def main() -> None:
    # SIGTERM and SIGHUP (a closed terminal, a cancelled CI job) unwind like Ctrl-C, so a report being
    # written leaves no temporary file behind
    for ending in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(ending, _exit_on_signal)
    app(prog_name="claimcheck")

def _exit_on_signal(number: int, _frame) -> None:
    raise SystemExit(128 + number)
