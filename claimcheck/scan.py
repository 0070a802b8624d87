"""The whole pipeline as one plain function: files -> articles -> docs -> claims -> findings -> report.

The per-document stage (`analysis`) and the comparison stages are imported when they are needed: a rescan
whose documents and comparison are all in the claims store loads neither (nor spaCy, nor numpy).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from claimcheck import suppress
from claimcheck.discovery import discover, readable_name
from claimcheck.errors import NothingToScan
from claimcheck.extract.entities import Aliases, find_acronyms, load_aliases
from claimcheck.ingest import STDIN_PATH, Reader, from_bytes, id_base, load_articles, read_stdin
from claimcheck.models import (
    Article,
    Claim,
    Comparison,
    DocumentResult,
    DocumentSummary,
    DocumentTerms,
    Finding,
    Report,
    Severity,
    Skipped,
)
from claimcheck.nlp import DEFAULT_MODEL, load_model
from claimcheck.store import ClaimStore, StoredReading, comparison_key, document_key, key_context, model_identity
from claimcheck.workers import analyse_in_workers, workers_for

Progress = Callable[[int, int], None]
# parses articles somewhere other than here (--engine dask): (articles, model, table) -> (position, result)
Engine = Callable[[Sequence[Article], str, Aliases], Iterable[tuple[int, DocumentResult]]]
DEFAULT_MAX_BYTES = 5_000_000


def scan(
    root: Path | Sequence[Path],
    model: str | None = None,
    aliases: Iterable[Path] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    min_confidence: float = 0.0,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    severity: Mapping[str, Severity] | None = None,
    stdin: bytes | None = None,
    store: ClaimStore | None = None,
    jobs: int = 1,
    engine: Engine | None = None,
) -> Report:
    """Scan folders and files of articles and return the report; raises ClaimcheckError subclasses.

    `root` is one folder or file, or several. `include` / `exclude` are
    gitignore-style globs on paths relative to each folder. `stdin` is one
    more article, read from standard input. `severity` maps a finding kind to
    the severity it is reported with. Findings whose confidence is below
    `min_confidence` are left out.
    """
    roots = [Path(root)] if isinstance(root, (str, os.PathLike)) else [Path(r) for r in root]
    reading = StoredReading(store, from_bytes) if store is not None else None
    articles, skipped = _gather(roots, stdin, max_bytes, include, exclude, reading)
    if reading is not None:
        reading.save()
    return analyse(
        articles, skipped, shown_root(roots), model=model, aliases=aliases, progress=progress,
        min_confidence=min_confidence, severity=severity, store=store, jobs=jobs, engine=engine,
    ).report


@dataclass(frozen=True)
class Analysis:
    report: Report
    claims: dict[str, list[Claim]]  # every claim read, by document id, matched or not


def analyse(
    articles: list[Article],
    skipped: list[Skipped],
    root: str,
    model: str | None = None,
    aliases: Iterable[Path] = (),
    progress: Progress | None = None,
    min_confidence: float = 0.0,
    severity: Mapping[str, Severity] | None = None,
    drafts: frozenset[str] = frozenset(),
    store: ClaimStore | None = None,
    jobs: int = 1,
    engine: Engine | None = None,
) -> Analysis:
    """The pipeline after ingest: claims, findings, inline suppressions, the report.

    `drafts` names the documents being checked (see suppress.apply). Per-document results are read
    from `store` when it has them, and parsed by `engine`, else by `jobs` processes, when it does not.
    """
    model = model or DEFAULT_MODEL
    model_identity(model)  # a missing model fails now, with its message, even when the store has every document
    table = load_aliases(aliases)
    found = {}
    for article in articles:
        found.update(dict(find_acronyms(article.text)))
    readable = [a for a in articles if a.text.strip()]
    results, _, keys = per_document_results(readable, model, table, found, store, jobs, progress, engine)
    claims_by_doc: dict[str, list[Claim]] = {a.id: [] for a in articles}
    terms = []
    faults: dict[str, str] = {}
    for article, result in zip(readable, results, strict=True):
        if result.fault is not None or result.terms is None:
            faults[article.id] = result.fault or "not analysed"
        else:
            claims_by_doc[article.id] = list(result.claims)
            terms.append((article.id, result.terms))
    articles = [replace(a, warnings=(*a.warnings, faults[a.id])) if a.id in faults else a for a in articles]

    # a document that failed may not fail next time: its comparison is not kept (nor its result)
    memo = comparison_key(keys, articles) if store is not None and keys and not faults else None
    comparison = store.get_many([memo], Comparison).get(memo) if store is not None and memo else None
    if comparison is None:
        comparison = compare_documents(readable, articles, claims_by_doc, terms)
        if store is not None and memo:
            store.put_many({memo: comparison})
    copies, stories = dict(comparison.copies), list(comparison.stories)
    findings, corroborations = list(comparison.findings), list(comparison.corroborations)
    # suppressions first, so a comment is not called unused because its finding fell under --min-confidence
    suppression = suppress.apply(findings, articles, drafts)
    findings = [f for f in with_severity(list(suppression.kept), severity or {}) if f.confidence >= min_confidence]
    copy_group: dict[str | None, list[str]] = {}  # lead -> its copies: each summary looks up its own
    for other, lead in copies.items():
        copy_group.setdefault(lead, []).append(other)
    documents = tuple(
        DocumentSummary(
            id=a.id, path=a.path, published=a.published, published_from=a.published_from,
            claims=len(claims_by_doc[a.id]), warnings=a.warnings + suppression.warnings.get(a.id, ()),
            near_duplicates=tuple(other for other in copy_group.get(copies.get(a.id), ()) if other != a.id),
        )
        for a in articles
    )
    report = Report(
        root=root, documents=documents, findings=tuple(findings),
        corroborations=tuple(corroborations), skipped=tuple(skipped), suppressed=suppression.suppressed,
        stories=tuple(stories),
    )
    return Analysis(report=report, claims=claims_by_doc)


def compare_documents(
    readable: Sequence[Article], articles: Sequence[Article], claims_by_doc: Mapping[str, Sequence[Claim]],
    terms: Sequence[tuple[str, DocumentTerms]],
) -> Comparison:
    """Near-duplicates, stories, then the findings inside each story: everything that looks across documents."""
    # imported here: a rescan whose comparison is in the claims store never loads these stages
    from claimcheck import neardup
    from claimcheck.compare import compare
    from claimcheck.stories import group_stories

    copies = neardup.groups(readable)
    stories = group_stories(terms, copies)
    findings, corroborations = compare(
        (c for claims in claims_by_doc.values() for c in claims), stories,
        {a.id: a.published for a in articles}, copies, {doc_id: frozenset(t.names) for doc_id, t in terms},
    )
    return Comparison(tuple(copies.items()), tuple(stories), tuple(findings), tuple(corroborations))


def _gather(
    roots: list[Path], stdin: bytes | None, max_bytes: int, include: Sequence[str], exclude: Sequence[str],
    reader: Reader | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """The articles of every path and of standard input; NothingToScan when there is none."""
    articles, skipped = (
        load_articles(roots, max_bytes=max_bytes, include=include, exclude=exclude, reader=reader)
        if roots else ([], [])
    )
    if stdin is not None:
        piped = read_stdin(stdin, max_bytes=max_bytes)
        if isinstance(piped, Skipped):
            skipped.append(piped)
        else:
            if any(a.id == piped.id for a in articles):  # a file called stdin.txt was scanned too
                piped = replace(piped, id=piped.path)
            articles.append(piped)
    if not articles:
        named = [str(r) for r in roots] + (["standard input"] if stdin is not None else [])
        raise NothingToScan(
            f"nothing to scan in {', '.join(named)}: "
            + (_filtered_out(roots, include, exclude) or "no readable .txt, .md or .html files")
            + (f" ({len(skipped)} skipped)" if skipped else "")
        )
    return articles, skipped


def _filtered_out(roots: list[Path], include: Sequence[str], exclude: Sequence[str]) -> str | None:
    """Why nothing is left when the configuration's globs are to blame: they filter out every article."""
    if not (include or exclude):
        return None
    articles = sum(len(discover(root)[0]) for root in roots if root.is_dir())
    if not articles:
        return None
    globs = "; ".join(
        f"{name} = {list(value)}" for name, value in (("include", include), ("exclude", exclude)) if value
    )
    noun = "the one article file" if articles == 1 else f"all {articles} article files"
    return f"the configuration's globs ({globs}) leave out {noun} there"


_SEVERITY_ORDER = ("error", "warning", "info")


def with_severity(findings: list[Finding], severity: Mapping[str, Severity]) -> list[Finding]:
    """Findings with the configured severity for their kind, errors first again (the order is otherwise kept)."""
    if not severity:
        return findings
    changed = [replace(f, severity=severity.get(f.kind, f.severity)) for f in findings]
    return sorted(changed, key=lambda f: _SEVERITY_ORDER.index(f.severity))


def shown_root(roots: list[Path]) -> str:
    """The folder document ids are relative to, as the report names it ("-" for stdin alone)."""
    if not roots:
        return STDIN_PATH
    if len(roots) == 1 and roots[0].is_dir():
        return readable_name(str(roots[0]))  # as given: "corpus", not an absolute path
    base = id_base(roots)
    return "." if str(base) == os.getcwd() else readable_name(str(base))


def per_document_results(
    articles: list[Article], model: str, table: Aliases, found: dict[str, str],
    store: ClaimStore | None, jobs: int, progress: Progress | None, engine: Engine | None = None,
) -> tuple[list[DocumentResult], int, list[str]]:
    """Each article's result, in the articles' order: from the store, else parsed (and then stored);
    how many were parsed; and the results' keys in the store (none without a store)."""
    keys: list[str] = []
    stored: dict[str, DocumentResult] = {}
    if store is not None:
        context = key_context(model, table, found)
        keys = [document_key(a, context) for a in articles]
        stored = store.get_many(keys)
    results: list[DocumentResult | None] = [stored.get(k) for k in keys] or [None] * len(articles)
    missing = [i for i, result in enumerate(results) if result is None]
    done = len(articles) - len(missing)
    if progress and done:
        progress(done, len(articles))
    fresh: dict[str, DocumentResult] = {}
    # the corpus's acronyms join the table here, after the keys: a key takes only the ones its document uses
    to_parse, merged = [articles[i] for i in missing], table.with_acronyms(found)
    workers = workers_for(len(to_parse), jobs)
    if engine is not None:  # given only what the store lacks: a rescan of unchanged files reaches no cluster
        parsed: Iterable[tuple[int, DocumentResult]] = engine(to_parse, model, merged) if to_parse else ()
    elif workers > 1:
        parsed = analyse_in_workers(to_parse, model, merged, workers)
    elif to_parse:  # the model and the per-document stage are loaded only when something is left to parse
        from claimcheck.analysis import analyse_documents

        parsed = enumerate(analyse_documents(to_parse, load_model(model), merged))
    else:
        parsed = ()
    for position, result in parsed:
        index = missing[position]
        results[index] = result
        if store is not None and result.fault is None:  # a fault may be passing (a dead worker): not kept
            fresh[keys[index]] = result
            if len(fresh) >= _STORE_EVERY:
                store.put_many(fresh)
                fresh = {}
        done += 1
        if progress:
            progress(done, len(articles))
    if store is not None:
        store.put_many(fresh)
    return [r for r in results if r is not None], len(missing), keys


# results are written to the store in groups of this many, so an interrupted long scan keeps most of its work
_STORE_EVERY = 64
