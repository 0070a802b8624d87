"""The per-document stage: one parsed article -> its time expressions, claims and story terms.

It is all that runs for a document that is not in the claims store, in this
process or in a worker (`workers`, `dask_engine`), so it is imported only when
something is parsed: a rescan that reads every document from the store does
not load the date tagger, the claim extractor or their tables.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.errors import InputNotFound, NothingToScan, UnreadableText
from claimcheck.extract.claims import extract_claims
from claimcheck.extract.entities import Aliases
from claimcheck.ingest import read_article
from claimcheck.models import Article, Claim, DocumentResult, Skipped, Timex
from claimcheck.nlp import DEFAULT_MODEL, load_model, parse
from claimcheck.stories import document_terms
from claimcheck.timex import tag_dates
from claimcheck.workers import fault_message

if TYPE_CHECKING:  # spaCy is imported only when a document is parsed
    from spacy.language import Language
    from spacy.tokens import Doc


def analyse_documents(articles: Sequence[Article], nlp: Language, table: Aliases) -> Iterator[DocumentResult]:
    """Each article's result, in order, parsed in batches; the same code runs in worker processes."""
    for article, doc in zip(articles, parse(nlp, (a.text for a in articles)), strict=True):
        yield analyse_document(article, doc, table)


def analyse_document(article: Article, doc: Doc | Exception, table: Aliases) -> DocumentResult:
    """One article's claims and terms; whatever fails becomes the document's fault, never the scan's."""
    try:
        if isinstance(doc, Exception):
            raise doc
        timexes = tag_dates(doc, article.published)
        claims = extract_claims(article, doc, timexes, table)
        skip = [article.published_span] if article.published_span else []
        terms = document_terms(doc, table, skip)
    except Exception as exc:  # noqa: BLE001 - one document's fault is its warning; the scan goes on
        return DocumentResult(fault=fault_message(exc))
    return DocumentResult(claims=tuple(_in_source(article, c) for c in claims), terms=terms)


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
    # the whole file counts here, page furniture included: this command shows how text is read. A text
    # file's article text has the offsets of the file, with what no parser should see (control characters,
    # runs of symbols) blanked
    text = article.text
    anchor, source = (dct, "command line") if dct else (article.published, article.published_from)
    nlp = load_model(model or DEFAULT_MODEL)
    [doc] = parse(nlp, [text])
    if isinstance(doc, Exception):
        raise UnreadableText(f"cannot parse {path}: {type(doc).__name__}: {doc}") from doc
    timexes = tag_dates(doc, anchor)
    return DatedText(text=text, dct=anchor, dct_source=source, timexes=tuple(timexes))
