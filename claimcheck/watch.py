"""`scan --watch` and `check --watch`: run again whenever an article changes, with the model loaded once.

A command that starts afresh pays for importing spaCy and loading the model
(about 1.5 s) whenever one file was edited; a desk that edits all day wants
the edit's own cost. Here one process keeps the model: each rescan reads the
unchanged documents from the claims store and parses only what changed,
through the same `scan` or `check`.
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
from claimcheck.scan import Engine

if TYPE_CHECKING:
    from claimcheck.extract.entities import Aliases

DEFAULT_INTERVAL_S = 1.0
Snapshot = dict[str, tuple[int, int]]  # path -> (size, modification time in ns)


def watch(
    roots: Sequence[Path], run: Callable[[Engine], Report], interval: float = DEFAULT_INTERVAL_S,
    sleep: Callable[[float], Any] = time.sleep, include: Sequence[str] = (), exclude: Sequence[str] = (),
) -> Iterator[Report | ClaimcheckError]:
    """Yield `run`'s report, then a new one each time a file under `roots` is added, edited or removed.

    `run` is `scan` or `check` with their options bound (a claims store among them, or every rescan parses
    everything again), given the engine that parses in this process with the model loaded once. A run that
    fails (nothing left to scan, a folder gone) is yielded as its error, and the watch goes on. Runs until
    the caller stops asking.
    """
    engine = in_process_engine()
    seen: Snapshot | None = None
    while True:
        now = snapshot(roots, include, exclude)
        if now != seen:
            seen = now
            try:
                yield run(engine)
            except ClaimcheckError as exc:
                yield exc
        sleep(interval)


def in_process_engine() -> Engine:
    """An engine that parses here, loading each model on its first document and keeping it."""
    loaded: dict[str, Any] = {}

    def parse_here(articles: Sequence[Article], model: str, table: Aliases) -> Iterable[tuple[int, DocumentResult]]:
        from claimcheck.analysis import analyse_documents

        if model not in loaded:
            loaded[model] = load_model(model)
        return enumerate(analyse_documents(articles, loaded[model], table))

    return parse_here


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
