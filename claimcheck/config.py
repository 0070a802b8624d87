"""Settings from `claimcheck.toml` or `[tool.claimcheck]` in `pyproject.toml`, the closest one wins.

`Config` lives here rather than in models.py: it is read once, before the
pipeline starts, and turned into plain arguments of `scan()`; no stage ever
receives it.
"""
from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.discovery import compile_globs
from claimcheck.errors import ConfigError
from claimcheck.models import FINDING_KINDS, Severity

CONFIG_NAME = "claimcheck.toml"
PYPROJECT = "pyproject.toml"
FAIL_ON = ("error", "warning", "info", "never")
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Config:
    """What a configuration file says; None (or empty) where it says nothing."""

    path: Path | None = None  # the file it was read from
    model: str | None = None
    aliases: tuple[Path, ...] = ()  # resolved against the file's folder
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str | None = None
    min_confidence: float | None = None
    severity: tuple[tuple[str, Severity], ...] = ()  # (finding kind, severity) pairs, sorted
    max_bytes: int | None = None
    cache_dir: Path | None = None  # resolved against the file's folder


def config_for(paths: Sequence[Path], explicit: Path | None = None, isolated: bool = False) -> Config:
    """The configuration for a scan of `paths`: `explicit` if given, else the closest file, else none."""
    if isolated:
        return Config()
    if explicit is not None:
        return load_config(Path(explicit))
    found = find_config(_start(paths))
    return load_config(found) if found else Config()


def _start(paths: Sequence[Path]) -> Path:
    """The folder the search starts from: the common folder of what is scanned (cwd for stdin alone)."""
    folders = [
        os.path.abspath(p if Path(p).is_dir() else Path(p).parent) for p in paths if str(p) != "-"
    ]
    return Path(os.path.commonpath(folders)) if folders else Path.cwd()


def find_config(start: Path) -> Path | None:
    """The closest `claimcheck.toml`, or `pyproject.toml` with a `[tool.claimcheck]` table, from `start` up."""
    start = Path(os.path.abspath(start))
    if not start.is_dir():
        start = start.parent
    for folder in (start, *start.parents):
        own = folder / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            tool = _read_toml(pyproject).get("tool", {})
            if isinstance(tool, dict) and "claimcheck" in tool:
                return pyproject
    return None


def load_config(path: Path) -> Config:
    """Read and check one configuration file; raises ConfigError naming the file and the key."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"configuration file not found: {path}")
    data = _read_toml(path)
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        own = tool.get("claimcheck") if isinstance(tool, dict) else None
        if own is None:
            raise ConfigError(f"{path}: no [tool.claimcheck] table")
        if not isinstance(own, dict):
            raise ConfigError(f"{path}: tool.claimcheck must be a table ([tool.claimcheck]), got {own!r}"[:300])
        data = own
    return _parse(data, path)


def _read_toml(path: Path) -> dict:
    try:
        return read_toml_text(path.read_bytes(), path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def read_toml_text(raw: bytes, path: Path) -> dict:
    """TOML from a file's bytes: UTF-8, a byte-order mark allowed; every fault a ConfigError naming the file."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None


def _parse(data: dict, path: Path) -> Config:
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        key = unknown[0]
        close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(KEYS)}"
        raise ConfigError(f"{path}: unknown key '{key}'{hint}")
    # each parser returns the type of the Config field KEYS pairs it with, which the table cannot tell mypy
    values: dict[str, Any] = {
        field: parse(_Key(path, key), data[key]) for key, (field, parse) in KEYS.items() if key in data
    }
    return Config(path=path, **values)


@dataclass(frozen=True)
class _Key:
    """Where a value came from, so that a bad one is reported with its file and key."""

    path: Path
    name: str

    @property
    def folder(self) -> Path:
        return self.path.parent

    def fail(self, expected: str, value) -> ConfigError:
        return ConfigError(f"{self.path}: key '{self.name}': expected {expected}, got {value!r}")


def _model(key: _Key, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise key.fail("a spaCy pipeline name or path", value)
    if "/" in value or value.startswith("."):
        return str(key.folder / value)  # a pipeline folder, like any path in the file, is relative to it
    return value


def _aliases(key: _Key, value) -> tuple[Path, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise key.fail("a list of file paths", value)
    paths = tuple(key.folder / v for v in value)
    for given, path in zip(value, paths, strict=True):
        if not path.is_file():
            raise ConfigError(f"{key.path}: key '{key.name}': alias file not found: {given} (looked for {path})")
    return paths


def _globs(key: _Key, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise key.fail("a list of glob patterns", value)
    try:
        compile_globs(value)
    except ValueError as exc:
        raise key.fail(f"glob patterns ({exc})", value) from None
    return tuple(value)


def _fail_on(key: _Key, value) -> str:
    if value not in FAIL_ON:
        raise key.fail(f"one of {', '.join(FAIL_ON)}", value)
    return value


def _min_confidence(key: _Key, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise key.fail("a number from 0 to 1", value)
    return float(value)


def _max_bytes(key: _Key, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise key.fail("a whole number of bytes above 0", value)
    return value


def _cache_dir(key: _Key, value) -> Path:
    if not isinstance(value, str) or not value.strip():
        raise key.fail("a folder path", value)
    return key.folder / os.path.expanduser(value)  # made when first used: it need not exist yet


def _severity(key: _Key, value) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, dict):
        raise key.fail(f"a table of finding kind = {' | '.join(SEVERITIES)}", value)
    for kind, level in value.items():
        if kind not in FINDING_KINDS:
            raise ConfigError(f"{key.path}: key '{key.name}': unknown finding kind '{kind}'; "
                              f"known kinds: {', '.join(FINDING_KINDS)}")
        if level not in SEVERITIES:
            raise _Key(key.path, f"{key.name}.{kind}").fail(f"one of {', '.join(SEVERITIES)}", level)
    return tuple(sorted(value.items()))


# file key -> (Config field, parser); kebab-case keys, as in ruff
KEYS = {
    "model": ("model", _model),
    "aliases": ("aliases", _aliases),
    "include": ("include", _globs),
    "exclude": ("exclude", _globs),
    "fail-on": ("fail_on", _fail_on),
    "min-confidence": ("min_confidence", _min_confidence),
    "severity": ("severity", _severity),
    "max-bytes": ("max_bytes", _max_bytes),
    "cache-dir": ("cache_dir", _cache_dir),
}
