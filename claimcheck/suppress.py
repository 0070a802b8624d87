"""Inline suppression: `<!-- claimcheck: ignore KIND[,KIND] reason="..." -->` in Markdown and HTML articles.

Scope, as with a linter's `noqa` comment:

- Markdown: `ignore` on a line of its own covers the next paragraph (the
  lines up to the next blank line); after text on its line, the paragraph it ends;
- HTML: `ignore` inside an element, after its text, covers that element;
  anywhere else, the next block element (p, li, h2...);
- `ignore-file` anywhere covers the whole document.

A finding is suppressed when its kind is named and one of its claims in the
commenting document lies in the scope. The reason is required: a comment
without one suppresses nothing. Both a missing reason and a comment that
suppresses nothing become warnings on the document, so stale comments surface.
Plain-text articles have no comment syntax, so they cannot carry suppressions.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath

from claimcheck.htmltext import BLOCK_TAGS
from claimcheck.ingest import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from claimcheck.models import FINDING_KINDS, Article, Finding, Suppressed

_DIRECTIVE = re.compile(r"<!--\s*claimcheck\s*:(?P<body>.*?)-->", re.S)
_REASON = re.compile(r"""\breason\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')""")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_BLOCK_TAG = re.compile(r"</?(?:{})\b".format("|".join(sorted(BLOCK_TAGS, key=len, reverse=True))), re.I)
USAGE = 'ignore KIND[,KIND] reason="..." or ignore-file KIND[,KIND] reason="..."'


@dataclass(frozen=True)
class Directive:
    document: str
    line: int
    kinds: frozenset[str]
    reason: str
    start: int  # the source span it covers
    end: int
    text: str  # the comment as written, for warnings


@dataclass(frozen=True)
class Outcome:
    kept: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...]
    warnings: dict[str, tuple[str, ...]]  # document id -> warnings about its comments


def apply(findings: list[Finding], articles: list[Article], drafts: frozenset[str] = frozenset()) -> Outcome:
    """Take suppressed findings out; warn about comments without a reason or that suppress nothing.

    A finding that involves one of `drafts` is suppressed only by a comment in
    a draft: a comment in the corpus vouches for its own claim, not for a new
    draft that happens to meet it in the same finding.
    """
    warnings: dict[str, list[str]] = defaultdict(list)
    directives: list[Directive] = []
    for article in articles:
        found, problems = read_directives(article)
        directives += found
        warnings[article.id] += problems
    used: set[Directive] = set()
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    for finding in findings:
        drafted = {c.document for c in finding.claims} & drafts
        matching = [d for d in directives if _covers(d, finding) and (not drafted or d.document in drafts)]
        used.update(matching)
        if matching:
            first = matching[0]
            suppressed.append(Suppressed(finding, first.reason, first.document, first.line))
        else:
            kept.append(finding)
    for d in directives:
        if d not in used:
            warnings[d.document].append(f"line {d.line}: '{d.text}' suppresses nothing; remove it")
    return Outcome(tuple(kept), tuple(suppressed), {k: tuple(v) for k, v in warnings.items() if v})


def _covers(directive: Directive, finding: Finding) -> bool:
    return finding.kind in directive.kinds and any(
        c.document == directive.document and c.start < directive.end and directive.start < c.end
        for c in finding.claims
    )


def read_directives(article: Article) -> tuple[list[Directive], list[str]]:
    """The well-formed suppressions in one article, and warnings about the rest (line numbers of the file)."""
    if PurePosixPath(article.path).suffix.lower() not in HTML_SUFFIXES + MARKDOWN_SUFFIXES:
        return [], []
    found: list[Directive] = []
    problems: list[str] = []
    source = article.source
    for m in _DIRECTIVE.finditer(source):
        line = source.count("\n", 0, m.start()) + 1
        shown = " ".join(m.group().split())
        words = _REASON.sub(" ", m["body"]).replace(",", " ").split()
        verb, kinds = (words[0].lower(), words[1:]) if words else ("", [])
        if verb not in ("ignore", "ignore-file") or not kinds:
            problems.append(f"line {line}: '{shown}' not understood; write {USAGE}")
            continue
        unknown = [k for k in kinds if k not in FINDING_KINDS]
        if unknown:
            problems.append(
                f"line {line}: '{shown}' names unknown kind(s) {', '.join(unknown)}; "
                f"known: {', '.join(FINDING_KINDS)}"
            )
        reason = _reason(m["body"])
        if not reason:
            problems.append(f"line {line}: '{shown}' has no reason=\"...\"; nothing suppressed (say why it is right)")
            continue
        if not (known := frozenset(kinds) - frozenset(unknown)):
            continue
        start, end = (0, len(source)) if verb == "ignore-file" else _scope(article, m.start(), m.end())
        found.append(Directive(article.id, line, known, reason, start, end, shown))
    return found, problems


def _reason(body: str) -> str:
    m = _REASON.search(body)
    return ((m["double"] if m["double"] is not None else m["single"]) or "").strip() if m else ""


def _scope(article: Article, start: int, end: int) -> tuple[int, int]:
    """The paragraph a comment covers, as a source span: the one it ends, or else the next one."""
    if article.source_offsets is not None:
        return _html_block(article, start, end)
    source = article.source
    line_start = source.rfind("\n", 0, start) + 1
    if source[line_start:start].strip():  # after text on its line: the paragraph it ends
        before = list(_BLANK_LINE.finditer(source, 0, start))
        first = before[-1].end() if before else 0
    else:
        first = end
    after = _BLANK_LINE.search(source, max(end, first))
    while after and not source[first:after.start()].strip():  # blank lines right after the comment
        first = after.end()
        after = _BLANK_LINE.search(source, first)
    return first, after.start() if after else len(source)


def _html_block(article: Article, start: int, end: int) -> tuple[int, int]:
    """The element the comment sits in after some text, or else the next block element.

    Decided by tags, not lines: minified pages put everything on one line.
    """
    spans = [
        (article.source_offset(b.start), article.source_offset(b.end - 1) + 1)
        for b in article.blocks if b.kind != "furniture" and b.end > b.start
    ]
    before = [s for s in spans if s[0] < start]
    if before and not _BLOCK_TAG.search(article.source, before[-1][1], start):
        return before[-1]
    after = [s for s in spans if s[0] >= end]
    return after[0] if after else (end, end)
