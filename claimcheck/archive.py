"""A named store of an archive: `claimcheck index DIR... --store FILE`, then `check DRAFT --against FILE`.

The store file holds the archive's articles as ingest read them (text,
blocks, publication date) and each one's per-document result, keyed as the
claims store keys them. Checking drafts against it reads the articles from
the file instead of the folders and the results instead of parsing: only the
drafts are parsed, and any archive article whose key the drafts change (a
draft that defines an acronym the article uses), from its stored text.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import NothingToScan, StoreUnusable
from claimcheck.extract.entities import find_acronyms, load_aliases
from claimcheck.ingest import id_base, load_articles
from claimcheck.models import Article, Skipped
from claimcheck.nlp import DEFAULT_MODEL
from claimcheck.scan import DEFAULT_MAX_BYTES, Engine, Progress, per_document_results
from claimcheck.store import SQLITE_HEADER, ClaimStore, model_identity


@dataclass(frozen=True)
class IndexSummary:
    documents: int
    parsed: int  # of them, parsed by this run
    stored: int  # of them, found in the store already
    skipped: int
    failed: int  # documents claimcheck failed on: kept without claims, parsed again by the next run
    warnings: tuple[str, ...]
    forgotten: int = 0  # results of articles no longer in the archive (or of their earlier versions), removed


@dataclass(frozen=True)
class Archive:
    root: Path  # the folder the articles' paths are relative to
    articles: list[Article]
    skipped: list[Skipped]


def index(
    roots: Sequence[Path],
    store_path: Path,
    model: str | None = None,
    aliases: Iterable[Path] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    progress: Progress | None = None,
    jobs: int = 1,
    engine: Engine | None = None,
) -> IndexSummary:
    """Read the archive under `roots`, parse what the store does not have yet, and record the archive in it.

    An article no longer in the folders leaves the index, and so does its result: the store keeps only
    what this archive uses (an edited file's old result is dropped too). Raises ClaimcheckError subclasses.
    """
    roots = [Path(r) for r in roots]
    articles, skipped = load_articles(roots, max_bytes=max_bytes, include=include, exclude=exclude)
    if not articles:
        raise NothingToScan(f"nothing to index in {', '.join(map(str, roots))}: no readable .txt, .md or .html files")
    model = model or DEFAULT_MODEL
    model_identity(model)  # a missing model fails before anything is written
    table = load_aliases(aliases)
    found = {k: v for a in articles for k, v in find_acronyms(a.text)}
    store = ClaimStore(store_path)
    if store.warnings:  # fail before parsing what could not be kept
        raise StoreUnusable("; ".join(store.warnings))
    started = time.time()
    try:
        readable = [a for a in articles if a.text.strip()]
        results, parsed, _ = per_document_results(readable, model, table, found, store, jobs, progress, engine)
        store.replace_archive(os.path.abspath(id_base(roots)), articles, skipped)
        # every result this archive uses was read or written since `started`; the rest serve no article now
        forgotten = store.forget_unused_since(started) if not store.warnings else 0
    finally:
        store.close()
    return IndexSummary(
        documents=len(articles), parsed=parsed, stored=len(readable) - parsed, skipped=len(skipped),
        failed=sum(1 for r in results if r.fault is not None), warnings=tuple(store.warnings), forgotten=forgotten,
    )


def is_archive(path: Path) -> bool:
    """Whether `path` is a store file (`--against FILE`) rather than an article or a folder."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def read_archive(path: Path) -> Archive:
    store = ClaimStore(path)
    try:
        found = store.archive()
    finally:
        store.close()
    if found is None:
        problem = "; ".join(store.warnings) or "it holds no archive"
        hint = "build one with: claimcheck index DIR --store FILE"
        raise NothingToScan(f"cannot check against {path}: {problem} ({hint})")
    root, articles, skipped = found
    return Archive(Path(root), articles, skipped)
