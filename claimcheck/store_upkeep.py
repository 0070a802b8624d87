"""Looking after a claims store file: what it holds, and making it smaller (`claimcheck cache`).

Runs prune the user cache themselves (entries unused for `CACHE_KEEPS_DAYS`,
see `ClaimStore.close`) and `claimcheck index` keeps only what its archive
uses, but neither gives disk space back: SQLite reuses freed pages. These
functions are for a person who wants the space back, or a smaller bound:
prune by age and by size (least recently used first), then VACUUM.
"""
from __future__ import annotations

import re
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import StoreUnusable
from claimcheck.store import BUSY_TIMEOUT_S, SQLITE_HEADER

_UNITS = {"": 1, "B": 1, "K": 1000, "KB": 1000, "M": 1000**2, "MB": 1000**2, "G": 1000**3, "GB": 1000**3,
          "KIB": 1024, "MIB": 1024**2, "GIB": 1024**3}


@dataclass(frozen=True)
class StoreSummary:
    path: Path
    exists: bool
    entries: int = 0
    entry_bytes: int = 0  # the entries' values
    file_bytes: int = 0  # the file on disk, its write-ahead log included
    oldest_use: float | None = None  # seconds since the epoch: the entry used longest ago
    newest_use: float | None = None
    archive: bool = False  # built by `claimcheck index`: the index of an archive, not a cache


@dataclass(frozen=True)
class Pruned:
    entries: int  # removed
    entry_bytes: int  # their values
    file_bytes_before: int
    file_bytes_after: int


def parse_size(text: str) -> int:
    """ "500MB", "2GB", "800M", "1.5 GiB", "0" -> bytes; StoreUnusable naming the forms taken otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", text)
    unit = match.group(2).upper() if match else None
    if match is None or unit not in _UNITS:
        raise StoreUnusable(f"not a size: {text!r} (write it like 500MB, 2GB or 1.5GiB)")
    return int(float(match.group(1)) * _UNITS[unit])


def summarise(path: Path) -> StoreSummary:
    """What the store file at `path` holds; a file that is not there is an empty summary, not an error."""
    path = Path(path)
    if not path.exists():
        return StoreSummary(path=path, exists=False)
    with closing(_open(path)) as db:
        try:
            entries, entry_bytes, oldest, newest = db.execute(
                "SELECT count(*), coalesce(sum(length(value)), 0), min(stored), max(stored) FROM results"
            ).fetchone()
            archive = bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = 'archive'").fetchone())
        except sqlite3.Error as exc:
            raise StoreUnusable(f"cannot read the claims store {path}: {exc}") from None
    return StoreSummary(path=path, exists=True, entries=entries, entry_bytes=entry_bytes, file_bytes=_file_bytes(path),
                        oldest_use=oldest, newest_use=newest, archive=archive)


def prune(path: Path, unused_for_days: float | None = None, max_bytes: int | None = None,
          now: float | None = None) -> Pruned:
    """Remove the entries unused for `unused_for_days`, then the least recently used ones until the values
    left take at most `max_bytes`; then give the space back to the file system (with neither bound, that
    alone). `unused_for_days=0` removes every entry."""
    path = Path(path)
    before = _file_bytes(path)
    if not path.exists():
        return Pruned(0, 0, 0, 0)
    now = time.time() if now is None else now
    doomed = "SELECT key FROM results WHERE stored < ?"
    bound: list[float] = [now - unused_for_days * 86_400 if unused_for_days is not None else float("-inf")]
    if max_bytes is not None:
        # newest first, each entry with the bytes of all entries at least as new: past the bound, it goes
        doomed += (" UNION SELECT key FROM (SELECT key, sum(length(value)) OVER (ORDER BY stored DESC, key)"
                   " AS running FROM results) WHERE running > ?")
        bound.append(max_bytes)
    # closing a connection inside its transaction rolls it back: a failure removes nothing
    with closing(_open(path)) as db:
        try:
            db.execute("BEGIN IMMEDIATE")
            entries, entry_bytes = db.execute(
                f"SELECT count(*), coalesce(sum(length(value)), 0) FROM results WHERE key IN ({doomed})", bound
            ).fetchone()
            db.execute(f"DELETE FROM results WHERE key IN ({doomed})", bound)
            db.execute("COMMIT")
            db.execute("VACUUM")  # the space back to the file system: SQLite otherwise keeps freed pages
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            raise StoreUnusable(f"cannot prune the claims store {path}: {exc}") from None
    return Pruned(entries, entry_bytes, file_bytes_before=before, file_bytes_after=_file_bytes(path))


def _open(path: Path) -> sqlite3.Connection:
    """The store file, checked to be one: a file of something else is never written to."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:
            raise StoreUnusable(f"{path} is not a claims store (not an SQLite file); left alone")
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'results'").fetchone():
            db.close()
            raise StoreUnusable(f"{path} is an SQLite file but not a claims store; left alone")
    except (OSError, sqlite3.Error) as exc:
        raise StoreUnusable(f"cannot open the claims store {path}: {exc}") from None
    return db


def _file_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
