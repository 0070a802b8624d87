"""Where a report goes: a file written whole or not at all, colour and width for a terminal, and the exit
status its findings give. The cli package prints and exits; these decide how."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from claimcheck.models import Report

_FAIL_RANK = {"error": 0, "warning": 1, "info": 2}


def use_color(output: Path | None, stream, environ) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set to anything but "" (no-color.org)."""
    return output is None and stream.isatty() and not environ.get("NO_COLOR")


def terminal_width(output: Path | None, stream) -> int | None:
    """Wrap the text report at the terminal's width; into a file or a pipe, one line per line."""
    if output is not None or not stream.isatty():
        return None
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):
        return None


def exit_code(report: Report, fail_on: str) -> int:
    """1 when a finding at or above `fail_on` is reported, not counting those a baseline already knows."""
    if fail_on == "never":
        return 0
    limit = _FAIL_RANK[fail_on]
    fresh = [f for f in report.findings if f.baseline != "unchanged"]
    return 1 if any(_FAIL_RANK[f.severity] <= limit for f in fresh) else 0


def write_atomically(path: Path, text: str) -> None:
    """Write the whole report or nothing: a temporary file in the same folder, then a rename.

    A symlink is written through to its target, and the file keeps the mode it had (a new one gets
    the umask's), as if written in place. The temporary file goes on every way out but SIGKILL.
    """
    target = Path(os.path.realpath(path))
    mode = _mode_for(target)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as fh:
            os.fchmod(fh.fileno(), mode)
            fh.write(text)
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
