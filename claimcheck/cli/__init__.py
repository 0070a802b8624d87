"""The command line: the only package that prints or exits. Each command wraps a plain function of the library.

- `terminal`: the typer app, one-line errors and notes, the progress bar, `main`;
- `options`: the options several commands share, declared once;
- `running`: settings, the claims store and the report's delivery around a library call;
- `reporting` (scan, check), `inspecting` (dates, explain), `storing` (index, cache): the commands.
"""
from claimcheck.cli import inspecting, reporting, storing  # noqa: F401 - importing them registers their commands
from claimcheck.cli.terminal import app, main

__all__ = ["app", "main"]
