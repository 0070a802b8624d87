"""Which files a scan reads: supported suffixes, minus hidden, git-ignored and excluded files.

`.gitignore` files are honoured the way git reads them (the root's, nested
ones, and those of parent folders up to the top of the git work tree), and
`include` / `exclude` globs use the same syntax, on paths relative to the
scanned folder. A file named on the command line is always read.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pathspec import GitIgnoreSpec, PathSpec

from claimcheck.errors import InputNotFound
from claimcheck.models import Skipped

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
IGNORE_FILE = ".gitignore"
# files of a corpus folder that are claimcheck's own or its project's settings, never articles: not
# listed as skipped, where they would read as a fault
SETTINGS_FILES = frozenset({"claimcheck.toml", "pyproject.toml"})


@dataclass(frozen=True)
class Rules:
    """One set of ignore patterns and the folder its paths are relative to."""

    base: Path  # absolute
    files: GitIgnoreSpec  # for files: a pattern naming the file beats one that names its folder
    folders: PathSpec  # for folders: the last matching pattern wins, as git decides whether to descend

    def verdict(self, path: Path, is_dir: bool) -> bool | None:
        """True: ignored, False: explicitly kept (`!pattern`), None: no pattern applies."""
        rel = path.relative_to(self.base).as_posix()
        if is_dir:
            return self.folders.check_file(rel + "/").include
        return self.files.check_file(rel).include


def compile_globs(lines: Iterable[str], base: Path = Path("/")) -> Rules:
    """Gitignore-syntax patterns; raises ValueError for a pattern git would reject."""
    lines = list(lines)
    try:
        return Rules(Path(base), GitIgnoreSpec.from_lines(lines), PathSpec.from_lines("gitignore", lines))
    except Exception as exc:  # noqa: BLE001 - pathspec raises its own error types for malformed patterns
        raise ValueError(str(exc)) from None


def ignored(path: Path, is_dir: bool, rules: Sequence[Rules]) -> bool:
    """Git's answer: the deepest ignore file with a pattern for `path` decides."""
    for rule in reversed(rules):
        verdict = rule.verdict(path, is_dir)
        if verdict is not None:
            return verdict
    return False


def discover(
    root: Path, include: Sequence[str] = (), exclude: Sequence[str] = (), base: Path | None = None,
) -> tuple[list[Path], list[Skipped]]:
    """Supported files under `root` (a file or a folder), sorted by path, and the unsupported files.

    Skipped paths are relative to `base` (default: `root`, or a file's folder).
    """
    root = Path(root)
    if not root.exists():
        raise InputNotFound(f"No such file or folder: {root}")
    if root.is_file():
        if root.suffix.lower() in SUFFIXES:
            return [root], []
        return [], [Skipped(relative(root, base or root.parent), unsupported(root))]
    top = Path(os.path.abspath(root))
    inherited = _parent_rules(top)
    excluded = [compile_globs(exclude, top)] if exclude else []
    wanted = compile_globs(include, top) if include else None
    rules_of: dict[Path, list[Rules]] = {}
    found: list[tuple[str, Path]] = []
    skipped: list[Skipped] = []

    def unreadable_folder(error: OSError) -> None:
        if error.filename is not None:
            reason = f"folder not read: {error.strerror or error}"
            skipped.append(Skipped(relative(Path(error.filename), base or root) + "/", reason))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable_folder):
        here = top / os.path.relpath(dirpath, root)
        rules = rules_of.get(here.parent, inherited) + _own_rules(here)
        rules_of[here] = rules
        dirnames[:] = sorted(
            d for d in dirnames
            if not _hidden(d) and not ignored(here / d, True, rules) and not ignored(here / d, True, excluded)
        )
        for name in filenames:
            path = here / name
            if _hidden(name) or ignored(path, False, rules) or ignored(path, False, excluded):
                continue
            if wanted is not None and not wanted.verdict(path, False):
                continue
            rel = path.relative_to(top).as_posix()
            shown = Path(dirpath) / name
            if path.suffix.lower() in SUFFIXES:
                found.append((rel, shown))
            elif name not in SETTINGS_FILES:
                skipped.append(Skipped(relative(shown, base or root), unsupported(path)))
    found.sort(key=lambda t: t[0])
    skipped.sort(key=lambda s: s.path)
    return [p for _, p in found], skipped


def _hidden(name: str) -> bool:
    return name.startswith(".")  # .git, .venv, editor backups: never articles


def _own_rules(folder: Path) -> list[Rules]:
    path = folder / IGNORE_FILE
    if not path.is_file():
        return []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        return [compile_globs(lines, folder)]
    except (OSError, ValueError):
        return []  # git itself skips what it cannot read; a scan should not stop over it


def _parent_rules(top: Path) -> list[Rules]:
    """Ignore files of the folders above `top`, up to the top of its git work tree (none outside one).

    A folder that those files ignore was named on purpose: then they are left out altogether.
    """
    if (top / ".git").exists():
        return []
    above = []
    for folder in top.parents:
        above.append(folder)
        if (folder / ".git").exists():
            break
    else:
        return []
    rules: list[Rules] = []
    for folder in reversed(above):
        rules += _own_rules(folder)
    chain = [*reversed(above[:-1]), top]
    if any(ignored(f, True, [r for r in rules if r.base in f.parents]) for f in chain):
        return []
    return rules


def unsupported(path: Path) -> str:
    kinds = ", ".join(SUFFIXES)
    if not path.suffix:
        return f"no file suffix (supported: {kinds})"
    return f"unsupported file type {path.suffix!r} (supported: {kinds})"


def relative(path: Path, base: Path) -> str:
    """`path` relative to the folder `base`, in forward slashes; its name alone if it is elsewhere."""
    try:
        return readable_name(Path(os.path.abspath(path)).relative_to(os.path.abspath(base)).as_posix())
    except ValueError:
        return readable_name(Path(path).name)


_SURROGATE = re.compile("[\ud800-\udfff]")


def readable_name(name: str) -> str:
    """A file name as reports can carry it: bytes that are not UTF-8 (which Python keeps as lone
    surrogates, and no output can encode) written as escapes, \\xff for the byte 0xff."""
    return _SURROGATE.sub(_escaped_byte, name)


def _escaped_byte(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"
