"""Check drafts against a corpus before publication: only what a draft gets wrong, with who says otherwise.

Drafts and corpus go through one pipeline (`scan.analyse`), so a draft is
held to exactly the rules a scan applies. Findings that involve no draft claim
are the corpus's own business and are left out (only counted). For each
finding, the corpus claims on the same fact are sorted into those that
disagree with the draft and those that agree with it.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from claimcheck.align import same_fact
from claimcheck.archive import is_archive, read_archive
from claimcheck.decide import decide, unmatched
from claimcheck.discovery import SUFFIXES, readable_name
from claimcheck.errors import InputNotFound, NothingToScan
from claimcheck.ingest import id_base, load_articles, read_article, read_stdin
from claimcheck.list_match import same_set
from claimcheck.models import Article, CheckScope, Claim, Finding, Report, Severity, Skipped
from claimcheck.scan import DEFAULT_MAX_BYTES, Engine, Progress, analyse, shown_root
from claimcheck.store import ClaimStore


def check(
    drafts: Sequence[Path],
    against: Path,
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
    """The report on `drafts` read together with the corpus in `against`; raises ClaimcheckError subclasses.

    `stdin` is one more draft, read from standard input. The corpus is read
    as `scan` reads it (include / exclude globs, .gitignore), so corpus ids
    are the ones `claimcheck scan DIR` shows. `against` may also be a store
    file built by `archive.index`: the corpus is then the articles it
    recorded, and passing `ClaimStore(against)` as `store` spares parsing them.
    """
    against = Path(against)
    unique: dict[Path, Path] = {}  # a draft named twice is read once
    for given in map(Path, drafts):
        unique.setdefault(given.resolve(), given)
    draft_articles = [read_draft(p, max_bytes) for p in unique.values()]
    if stdin is not None:
        draft_articles.append(_piped_draft(stdin, max_bytes))
    if not draft_articles:
        raise NothingToScan("no draft to check: name draft files, or - for standard input")
    indexed = is_archive(against)
    if indexed:  # a store built by `claimcheck index`: its articles, and (in `store`) their results
        archive = read_archive(against)
        corpus, skipped, base = archive.articles, archive.skipped, archive.root
    else:
        corpus, skipped = load_articles([against], max_bytes=max_bytes, include=include, exclude=exclude)
        base = id_base([against])
    # a draft saved inside the corpus folder is read once, as the draft
    corpus = [a for a in corpus if (base / a.path).resolve() not in unique]
    if not corpus:
        raise NothingToScan(f"nothing to check against in {against}: no readable .txt, .md or .html files")
    # one folder all paths are shown relative to, so that formats pointing at files (SARIF, html) resolve
    # (against an index: the archive's own folder, so the report is the one checking against that folder gives)
    shown = [*unique.values(), base if indexed else against]
    root = shown_root(shown)
    at = id_base(shown)
    articles = [replace(a, path=_relative(base / a.path, at)) for a in corpus]
    articles = [replace(a, path=_relative(Path(a.path), at)) if a.path != "-" else a for a in draft_articles] + articles
    draft_ids = frozenset(a.id for a in draft_articles)
    analysis = analyse(
        articles, skipped, root, model=model, aliases=aliases, progress=progress,
        min_confidence=min_confidence, severity=severity, drafts=draft_ids, store=store, jobs=jobs,
        engine=engine,
    )
    report = analysis.report
    claims = [c for found in analysis.claims.values() for c in found]
    by_id = {c.id: c for c in claims}
    corpus_claims = [c for c in claims if c.document not in draft_ids]
    findings = [
        with_sources(f, draft_ids, corpus_claims, by_id) for f in report.findings if _involves(f, draft_ids)
    ]
    return replace(
        report,
        findings=tuple(findings),
        corroborations=tuple(f for f in report.corroborations if _involves(f, draft_ids)),
        suppressed=tuple(s for s in report.suppressed if _involves(s.finding, draft_ids)),
        check=CheckScope(
            against=readable_name(str(against)), drafts=tuple(a.id for a in draft_articles),
            corpus_findings=len(report.findings) - len(findings),
        ),
    )


def _relative(path: Path, base: Path) -> str:
    return readable_name(Path(os.path.relpath(os.path.abspath(path), os.path.abspath(base))).as_posix())


def _piped_draft(data: bytes, max_bytes: int) -> Article:
    article = read_stdin(data, max_bytes=max_bytes)
    if isinstance(article, Skipped):
        raise NothingToScan(f"cannot read the draft on standard input: {article.reason}")
    return article


def read_draft(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """One draft, its document id the path as given, so it is recognisable next to corpus ids."""
    if not path.is_file():
        raise InputNotFound(f"no such draft: {path}")
    if path.suffix.lower() not in SUFFIXES:
        raise NothingToScan(f"cannot read draft {path}: not a {', '.join(SUFFIXES)} file")
    article = read_article(path, path.parent, max_bytes=max_bytes)
    if isinstance(article, Skipped):
        raise NothingToScan(f"cannot read draft {path}: {article.reason}")
    given = readable_name(path.as_posix())
    return replace(article, id=given, path=given)


def _involves(finding: Finding, draft_ids: frozenset[str]) -> bool:
    return any(c.document in draft_ids for c in finding.claims)


def with_sources(
    finding: Finding, draft_ids: frozenset[str], corpus_claims: list[Claim], by_id: dict[str, Claim],
) -> Finding:
    """The finding with the corpus claims that disagree with its draft claims, and those that agree.

    Disagreeing sources are the corpus claims of the finding itself (compare()
    decided they clash); agreeing ones are any corpus claims on the same fact
    whose value is compatible with a draft claim of the finding.
    """
    drafted = [c for c in finding.claims if c.document in draft_ids]
    disagreeing = [
        c for c in finding.claims
        if c.document not in draft_ids and not any(_consistent(finding.kind, d, c) for d in drafted)
    ]
    agreeing = [
        c for c in corpus_claims
        if c not in disagreeing
        and any(_related(finding.kind, d, c, by_id) and _consistent(finding.kind, d, c) for d in drafted)
    ]
    return replace(finding, disagreeing=tuple(disagreeing), agreeing=tuple(agreeing))


def _related(kind: str, draft: Claim, other: Claim, by_id: dict[str, Claim]) -> bool:
    """Whether a corpus claim speaks of the fact a draft claim states."""
    if kind in ("count_mismatch", "list_mismatch"):
        mine, theirs = _listed(draft, by_id), _listed(other, by_id)
        return mine is not None and theirs is not None and same_set(mine.value.items, theirs.value.items)
    return same_fact(draft, other)


def _listed(claim: Claim, by_id: dict[str, Claim]) -> Claim | None:
    """The list a claim is about: itself, or the list a stated count introduces."""
    if claim.value.kind == "list":
        return claim
    return by_id.get(claim.related) if claim.related else None


def _consistent(kind: str, draft: Claim, other: Claim) -> bool:
    """Whether two claims on one fact say the same thing, by the rule the finding's kind applies."""
    a, b = draft.value, other.value
    if kind == "name_variant":
        return draft.frame.object == other.frame.object
    if kind == "list_mismatch":
        same_items = not unmatched(a.items, b.items) and not unmatched(b.items, a.items)
        return a.kind == b.kind == "list" and same_items
    if kind == "count_mismatch":
        return a.number is not None and b.number is not None and int(a.number) == int(b.number)
    return decide(draft, other, {}).outcome == "agree"
