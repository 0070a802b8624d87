"""`scan --watch`: scan, then scan again whenever an article changes, with the model loaded once.

A command that starts afresh pays for importing spaCy and loading the model
(about 1.5 s) whenever one file was edited; a desk that edits all day wants
the edit's own cost. Here one process keeps the model: each rescan reads the
unchanged documents (and, when nothing changed, the whole comparison) from
the claims store and parses only what changed, through the same `scan`.
Changes are found by polling the files' sizes and modification times (every
`interval` seconds): no dependency, and it works on network drives.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.discovery import discover
from claimcheck.errors import ClaimcheckError
from claimcheck.models import Article, DocumentResult, Report
from claimcheck.nlp import load_model
from claimcheck.scan import scan

if TYPE_CHECKING:
    from claimcheck.extract.entities import Aliases

DEFAULT_INTERVAL_S = 1.0
Snapshot = dict[str, tuple[int, int]]  # path -> (size, modification time in ns)


def watch(
    roots: Sequence[Path], interval: float = DEFAULT_INTERVAL_S, sleep: Callable[[float], Any] = time.sleep,
    **options: Any,
) -> Iterator[Report | ClaimcheckError]:
    """Yield the report of `roots`, then a new one each time a file of theirs is added, edited or removed.

    `options` are `scan`'s (a claims store among them, or every rescan parses everything again); the model
    is loaded on the first parse and kept. A scan that fails (nothing left to scan, a folder gone) is yielded
    as its error, and the watch goes on. Runs until the caller stops asking.
    """
    loaded: dict[str, Any] = {}

    def parse_here(articles: Sequence[Article], model: str, table: Aliases) -> Iterable[tuple[int, DocumentResult]]:
        from claimcheck.analysis import analyse_documents

        if model not in loaded:
            loaded[model] = load_model(model)
        return enumerate(analyse_documents(articles, loaded[model], table))

    include, exclude = options.get("include", ()), options.get("exclude", ())
    seen: Snapshot | None = None
    while True:
        now = snapshot(roots, include, exclude)
        if now != seen:
            seen = now
            try:
                yield scan(list(roots), engine=parse_here, **options)
            except ClaimcheckError as exc:
                yield exc
        sleep(interval)


def snapshot(roots: Iterable[Path], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Snapshot:
    """What a scan of `roots` would read, by path, with each file's size and modification time."""
    found: Snapshot = {}
    for root in roots:
        try:
            paths, _ = discover(root, include, exclude)
        except (OSError, ClaimcheckError):
            continue  # a folder gone for a moment (a checkout, a sync): the next look sees it again
        for path in paths:
            try:
                status = os.stat(path)
            except OSError:
                continue
            found[str(path)] = (status.st_size, status.st_mtime_ns)
    return found
