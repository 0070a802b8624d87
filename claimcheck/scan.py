"""The whole pipeline as one plain function: files -> articles -> docs -> claims -> findings -> report."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from claimcheck import neardup
from claimcheck.compare import compare
from claimcheck.errors import InputNotFound, NothingToScan
from claimcheck.extract.claims import extract_claims
from claimcheck.extract.dates import tag_dates
from claimcheck.extract.entities import names_in, find_acronyms, load_aliases
from claimcheck.ingest import load_articles, read_article
from claimcheck.models import Article, Claim, DocumentSummary, Report, Skipped, Timex
from claimcheck.nlp import DEFAULT_MODEL, load_model

Progress = Callable[[int, int], None]
DEFAULT_MAX_BYTES = 5_000_000


def scan(
    root: Path,
    model: str | None = None,
    aliases: Iterable[Path] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    min_confidence: float = 0.0,
) -> Report:
    """Scan a folder (or one file) of articles and return the report; raises ClaimcheckError subclasses.

    Findings whose confidence is below `min_confidence` are left out.
    """
    root = Path(root)
    articles, skipped = load_articles(root, max_bytes=max_bytes)
    if not articles:
        raise NothingToScan(
            f"nothing to scan in {root}: no readable .txt, .md or .html files"
            + (f" ({len(skipped)} skipped)" if skipped else "")
        )
    nlp = load_model(model or DEFAULT_MODEL)
    table = load_aliases(aliases)
    found = {}
    for article in articles:
        found.update(dict(find_acronyms(article.text)))
    table = table.with_acronyms(found)

    readable = [a for a in articles if a.text.strip()]
    claims_by_doc: dict[str, list[Claim]] = {a.id: [] for a in articles}
    story: dict[str, frozenset[str]] = {}
    docs = nlp.pipe((a.text for a in readable), batch_size=16)
    for done, (article, doc) in enumerate(zip(readable, docs), start=1):
        timexes = tag_dates(doc, article.published)
        claims = extract_claims(article, doc, timexes, table)
        claims_by_doc[article.id] = [_in_source(article, c) for c in claims]
        story[article.id] = names_in(doc, table)
        if progress:
            progress(done, len(readable))

    copies = neardup.groups(readable)
    findings, corroborations = compare(
        (c for claims in claims_by_doc.values() for c in claims), {a.id: a.published for a in articles}, copies, story,
    )
    findings = [f for f in findings if f.confidence >= min_confidence]
    documents = tuple(
        DocumentSummary(
            id=a.id, path=a.path, published=a.published, published_from=a.published_from,
            claims=len(claims_by_doc[a.id]), warnings=a.warnings,
            near_duplicates=tuple(
                other for other, lead in copies.items() if other != a.id and lead == copies.get(a.id)
            ),
        )
        for a in articles
    )
    return Report(
        root=str(root), documents=documents, findings=tuple(findings),
        corroborations=tuple(corroborations), skipped=tuple(skipped),
    )


def _in_source(article: Article, claim: Claim) -> Claim:
    """Offsets into the file as it is on disk (only HTML differs from the extracted text)."""
    if article.source_offsets is None:
        return claim
    at = article.source_offset
    return replace(
        claim, start=at(claim.start), end=at(claim.end),
        value_start=at(claim.value_start), value_end=at(claim.value_end),
    )


@dataclass(frozen=True)
class DatedText:
    text: str
    dct: date | None
    dct_source: str | None
    timexes: tuple[Timex, ...]


def tag_file(path: Path, dct: date | None = None, model: str | None = None) -> DatedText:
    """Every time expression in one file, anchored to `dct` or to the file's own publication date."""
    path = Path(path)
    if not path.is_file():
        raise InputNotFound(f"no such file: {path}")
    article = read_article(path, path.parent)
    if isinstance(article, Skipped):
        raise NothingToScan(f"cannot read {path}: {article.reason}")
    # the whole file counts here, page furniture included: this command shows how text is read
    text = article.source if article.source_offsets is None else article.text
    anchor, source = (dct, "command line") if dct else (article.published, article.published_from)
    nlp = load_model(model or DEFAULT_MODEL)
    timexes = tag_dates(nlp(text), anchor)
    return DatedText(text=text, dct=anchor, dct_source=source, timexes=tuple(timexes))
