"""`--engine dask`: the per-document stages on a Dask cluster (`pip install 'claimcheck[dask]'`).

The map is the one `--jobs` runs (see workers.py): chunks of articles, each
parsed as one batch by `analysis.analyse_documents` in a worker that loads the
model once, and plain `DocumentResult` records sent back and put in the
articles' order. Everything after that (stories, alignment, decisions, the
report) runs in this process, exactly as without a cluster, so the report is
the same bytes. The comparison is not split across the cluster: alignment
pairs sentences across stories and weighs words by their frequency in the
whole scan, so no story can be compared alone (docs/performance.md).

dask is imported only when the engine is chosen, so that claimcheck without
the extra neither needs it nor pays for importing it.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from claimcheck.errors import EngineUnavailable
from claimcheck.extract.entities import Aliases
from claimcheck.models import Article, DocumentResult
from claimcheck.nlp import load_model
from claimcheck.workers import chunk_ranges, fault_message

if TYPE_CHECKING:
    from claimcheck.scan import Engine

INSTALL_HINT = "pip install 'claimcheck[dask]'"
# how long to wait for a scheduler to answer, and then for a first worker to join it: a wrong address or an
# empty cluster is an error within this time, not a scan that waits for ever
CONNECT_TIMEOUT_S = 10.0


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


def choose_engine(name: EngineName | str, scheduler: str | None, jobs: int) -> Engine | None:
    """The engine the options ask for: None for this machine's own (this process or `jobs` workers)."""
    if EngineName(name) is EngineName.local:
        if scheduler is not None:
            raise EngineUnavailable("--scheduler needs --engine dask")
        return None
    try:
        import distributed  # noqa: F401 - only whether it can be imported
    except ImportError as exc:
        raise EngineUnavailable(f"--engine dask needs dask, which is not installed ({exc}): {INSTALL_HINT}") from None
    return DaskEngine(scheduler, workers=jobs)


class DaskEngine:
    """Parses articles on the cluster at `scheduler`, or on a local cluster of `workers` processes it starts
    for the call and stops after it (a scan whose documents are all in the claims store starts none)."""

    def __init__(self, scheduler: str | None, workers: int = 2) -> None:
        self.scheduler = scheduler
        self.workers = max(1, workers)

    def __call__(self, articles: Sequence[Article], model: str, table: Aliases) -> Iterator[tuple[int, DocumentResult]]:
        from distributed import as_completed

        with self._client() as client:
            _check_workers(client, model, table)
            threads = sum(client.nthreads().values())
            [shared] = client.scatter([table], broadcast=True)  # sent once to each worker, not with every chunk
            pending = {
                client.submit(_analyse_chunk, [articles[i] for i in chunk], model, shared, pure=False): chunk
                for chunk in chunk_ranges(len(articles), threads)
            }
            for future in as_completed(pending):
                chunk = pending[future]
                try:
                    results = future.result()
                except Exception as exc:  # noqa: BLE001 - a worker lost or a chunk it could not take: its
                    # documents get the fault as their warning, as with --jobs
                    results = [DocumentResult(fault=fault_message(exc))] * len(chunk)
                yield from zip(chunk, results, strict=True)

    @contextmanager
    def _client(self) -> Iterator[Any]:
        from distributed import Client, LocalCluster

        with ExitStack() as stack:
            if self.scheduler is None:
                # processes: spaCy holds the GIL, so threads of one process would parse one at a time
                try:
                    cluster = stack.enter_context(LocalCluster(
                        n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                        silence_logs=logging.ERROR,
                    ))
                except Exception as exc:  # noqa: BLE001 - e.g. workers spawned from a script without a
                    # `if __name__ == "__main__"` guard, or no memory left for them
                    raise EngineUnavailable(f"cannot start a local Dask cluster: {_one_line(exc)}") from None
                client = stack.enter_context(Client(cluster))
            else:
                try:
                    client = stack.enter_context(Client(self.scheduler, timeout=CONNECT_TIMEOUT_S))
                except (OSError, TimeoutError, ValueError, TypeError) as exc:
                    raise EngineUnavailable(
                        f"cannot reach the Dask scheduler at {self.scheduler}: {_one_line(exc)}"
                    ) from None
            try:
                client.wait_for_workers(1, timeout=CONNECT_TIMEOUT_S)
            except (OSError, TimeoutError) as exc:
                where = self.scheduler or "the local cluster"
                raise EngineUnavailable(f"no Dask worker joined {where}: {_one_line(exc)}") from None
            yield client


def _check_workers(client: Any, model: str, table: Aliases) -> None:
    """Every worker must compute what this process would: the same claimcheck code and the same model,
    or its results would differ from a run without the cluster (and be kept under this run's keys)."""
    here = _identity(model, table)
    try:
        there = client.run(_identity, model, table)
    except Exception as exc:  # noqa: BLE001 - whatever a worker raised: claimcheck missing, no model...
        raise EngineUnavailable(
            f"the Dask workers cannot run claimcheck ({type(exc).__name__}: {_one_line(exc)}): install claimcheck, "
            f"{model} and the dask extra on every worker"
        ) from None
    other = sorted(worker for worker, identity in there.items() if identity != here)
    if other:
        raise EngineUnavailable(
            f"Dask worker {other[0]}{f' and {len(other) - 1} more' if len(other) > 1 else ''} "
            f"runs another claimcheck or another {model} than this one: install the same versions on every worker"
        )


def _identity(model: str, table: Aliases) -> str:
    from claimcheck.store import key_context

    return key_context(model, table, {}).digest  # claimcheck's version and code, spaCy's, the model's


# a worker may run several tasks at once (--nthreads): spaCy's pipeline is not documented as safe to share
# between threads, and parsing holds the GIL anyway, so one chunk at a time in each worker process
_one_at_a_time = threading.Lock()


def _analyse_chunk(articles: Sequence[Article], model: str, table: Aliases) -> list[DocumentResult]:
    """A task: one chunk of articles, parsed as one batch; the model is loaded once per worker process
    (load_model keeps it) and stays for the next chunks and the next scans on that worker."""
    from claimcheck.analysis import analyse_documents

    with _one_at_a_time:
        return list(analyse_documents(articles, load_model(model), table))


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:200]
