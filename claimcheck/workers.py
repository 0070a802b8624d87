"""The per-document stages (parse, dates, claims, terms) in worker processes: `--jobs N`.

A document's result depends on that article alone (and on the alias table),
so documents can be handed out to workers in any order and the results put
back in the articles' order: the report is the same whatever the number of
workers. Each worker loads the model once (the pool's initializer) and runs
exactly the in-process code (`analysis.analyse_documents`) on chunks of articles,
sending back plain `DocumentResult` records, never a spaCy Doc.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from claimcheck.extract.entities import Aliases
from claimcheck.models import Article, DocumentResult
from claimcheck.nlp import BATCH, load_model

if TYPE_CHECKING:
    from spacy.language import Language

# starting workers costs about 3 s before the first parse (the forkserver imports claimcheck and spaCy, then
# each worker loads the model), against about 0.2 s a document parsed: measured with bench/bench_store.py,
# 24 documents on 2 workers took 1.3x as long as in one process. Below this many documents to parse per
# worker, fewer workers (or none) finish sooner.
DOCUMENTS_PER_WORKER = 16


def default_jobs() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than the machine has)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def fault_message(exc: BaseException) -> str:
    """The warning a document gets when claimcheck fails on it, in this process or in a worker."""
    return f"not analysed, claimcheck failed on it: {type(exc).__name__}: {exc}"[:300]


# the worker's own state, set once by the pool's initializer: the model and the table every task uses
_worker_nlp: Language | None = None
_worker_table: Aliases | None = None


def _start_worker(model: str, table: Aliases) -> None:
    global _worker_nlp, _worker_table
    # Ctrl-C reaches the whole process group: the main process alone stops the pool, so that workers finish
    # their chunk quietly instead of each printing a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_nlp = load_model(model)
    _worker_table = table


def _work(articles: Sequence[Article]) -> list[DocumentResult]:
    """A worker's task: a chunk of articles, parsed as one batch by the in-process code."""
    from claimcheck.analysis import analyse_documents  # analysis imports this module: imported when a worker runs

    assert _worker_nlp is not None and _worker_table is not None, "the pool's initializer sets them"
    return list(analyse_documents(articles, _worker_nlp, _worker_table))


def workers_for(documents: int, jobs: int) -> int:
    """How many workers to start for this many documents to parse: 0 or 1 means parse in this process."""
    return min(jobs, documents // DOCUMENTS_PER_WORKER)


def chunk_ranges(count: int, workers: int) -> list[range]:
    """Positions of `count` articles in chunks of at most one parser batch, and enough of them (4 per worker)
    that a long article in one chunk does not leave the other workers idle at the end."""
    size = max(1, min(BATCH, count // (max(1, workers) * 4)))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def analyse_in_workers(
    articles: Sequence[Article], model: str, table: Aliases, workers: int,
) -> Iterator[tuple[int, DocumentResult]]:
    chunks = chunk_ranges(len(articles), workers)
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(), initializer=_start_worker, initargs=(model, table),
    )
    try:
        pending: dict[Future, range] = {}
        for chunk in chunks:
            try:
                pending[pool.submit(_work, [articles[i] for i in chunk])] = chunk
            except BrokenProcessPool as exc:  # a worker died while the chunks were being handed out
                yield from ((i, DocumentResult(fault=fault_message(exc))) for i in chunk)
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = pending.pop(future)
                try:
                    results = future.result()
                except Exception as exc:  # noqa: BLE001 - a worker that died or could not take the chunk:
                    # its documents get the fault as their warning, as a failure in this process would
                    results = [DocumentResult(fault=fault_message(exc))] * len(chunk)
                yield from zip(chunk, results, strict=True)
    finally:
        # Ctrl-C or an error in the caller: queued chunks are dropped, running ones finish
        pool.shutdown(wait=True, cancel_futures=True)


def _context():
    """forkserver where there is one: workers start from a clean process that imported claimcheck once,
    not from a fork of this one (which may hold threads, such as the progress bar's)."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # spaCy too: claimcheck imports it only to parse, and every worker parses
        context.set_forkserver_preload(["claimcheck.scan", "spacy"])
        return context
    return multiprocessing.get_context("spawn")
