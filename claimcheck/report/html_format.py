"""One self-contained HTML page: summary, findings with their quotes side by side, stories, documents, warnings.

Everything the page needs is inline (CSS, no scripts, no fonts or images), and a
Content-Security-Policy forbids any fetch, so it reads the same opened from disk,
mailed, or archived. Every piece of text from the articles goes through html.escape.
"""
from __future__ import annotations

import html
import re
from importlib import resources

from claimcheck import __version__
from claimcheck.models import Claim, Finding, Report, Value
from claimcheck.report.highlight import marked_html, value_spans
from claimcheck.report.json_format import summary_counts
from claimcheck.report.kinds import kind_info
from claimcheck.report.paths import claim_path, document_paths
from claimcheck.report.story_groups import StoryGroups, story_groups

_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_SEVERITY_TITLE = {"error": "Error", "warning": "Warning", "info": "Info"}
_e = html.escape


def render(report: Report, **_options) -> str:
    anchors = document_anchors(report)
    paths = document_paths(report)
    groups = story_groups(report)
    parts = [
        _head(report),
        "<body>",
        _page_header(report, groups),
        _summary(report),
        _findings(report, anchors, paths),
        _corroborations(report, anchors, paths),
        _suppressed(report, anchors),
        _stories(groups, anchors, paths),
        _documents(report, anchors),
        _warnings(report, anchors),
        f'<footer>claimcheck {_e(__version__)} · report schema claimcheck.report/1</footer>',
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def document_anchors(report: Report) -> dict[str, str]:
    """A readable, unique fragment id per document: `doc-` plus its id with unsafe characters dashed."""
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for doc in report.documents:
        base = "doc-" + re.sub(r"[^A-Za-z0-9_.-]+", "-", doc.id)
        anchor, n = base, 2
        while anchor in taken:
            anchor, n = f"{base}-{n}", n + 1
        taken.add(anchor)
        anchors[doc.id] = anchor
    return anchors


def finding_anchor(finding: Finding) -> str:
    return "finding-" + re.sub(r"[^A-Za-z0-9_.-]+", "-", finding.id)


def _head(report: Report) -> str:
    css = resources.files("claimcheck.data").joinpath("report.css").read_text(encoding="utf-8")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>claimcheck report: {_e(report.root)}</title>\n<style>\n{css}</style>\n</head>"
    )


def _page_header(report: Report, groups: StoryGroups) -> str:
    stories = '<a href="#stories">Stories</a> ' if groups else ""  # the section is there only when there are stories
    return (
        '<header class="page">\n<h1>claimcheck report</h1>\n'
        f'<p class="meta">Scanned <code>{_e(report.root)}</code></p>\n'
        '<nav><a href="#summary">Summary</a> <a href="#findings">Findings</a> '
        f'<a href="#corroborations">Corroborations</a> {stories}<a href="#documents">Documents</a> '
        '<a href="#warnings">Warnings</a></nav>\n</header>'
    )


def _summary(report: Report) -> str:
    counts = summary_counts(report)
    tiles = [
        ("documents", counts["documents"], "documents"),
        ("error", counts["error"], _noun(counts["error"], "error")),
        ("warning", counts["warning"], _noun(counts["warning"], "warning")),
        ("info", counts["info"], "info"),
        ("agree", counts["corroborations"], _noun(counts["corroborations"], "corroboration")),
        ("skipped", counts["skipped"], "files skipped"),
    ]
    tile_html = "\n".join(
        f'<div class="tile {cls}"><span class="n">{n}</span> <span class="what">{_e(label)}</span></div>'
        for cls, n, label in tiles
    )
    if report.findings:
        verdict = f"{_plural(len(report.findings), 'finding')} to check before publishing."
        index = "\n".join(
            f'<li><span class="badge {f.severity}">{_SEVERITY_TITLE[f.severity]}</span> '
            f'<a href="#{finding_anchor(f)}">{_e(f.subject)}</a> '
            f'<span class="kind">{_e(kind_info(f.kind).title)}</span></li>'
            for f in report.findings
        )
        index = f'<ol class="index">\n{index}\n</ol>'
    else:
        verdict, index = "No findings: nothing contradicts itself or another document.", ""
    return (
        f'<section id="summary">\n<h2>Summary</h2>\n<div class="tiles">\n{tile_html}\n</div>\n'
        f'<p class="verdict">{_e(verdict)}</p>\n{index}\n</section>'
    )


def _findings(report: Report, anchors: dict[str, str], paths: dict[str, str]) -> str:
    body = "\n".join(_finding(f, anchors, paths) for f in report.findings) or '<p class="none">No findings.</p>'
    return f'<section id="findings">\n<h2>Findings</h2>\n{body}\n</section>'


def _finding(finding: Finding, anchors: dict[str, str], paths: dict[str, str]) -> str:
    info = kind_info(finding.kind)
    return (
        f'<article class="finding {finding.severity}" id="{finding_anchor(finding)}">\n'
        f'<header><span class="badge {finding.severity}">{_SEVERITY_TITLE[finding.severity]}</span> '
        f'{_baseline_badge(finding)}'
        f'<span class="kind" title="{_e(info.description)}">{_e(info.title)}</span>\n'
        f"<h3>{_e(finding.subject)}</h3>\n"
        f'<span class="confidence">confidence {finding.confidence:.2f}</span></header>\n'
        f'<p class="finding-summary">{_e(finding.summary)}</p>\n'
        f"{_quotes(finding.claims, anchors, paths)}\n"
        f"{_sources(finding, paths)}"
        f'<p class="finding-id">{_e(finding.id)}</p>\n</article>'
    )


def _baseline_badge(finding: Finding) -> str:
    if finding.baseline is None:
        return ""
    title = "known: in the baseline" if finding.baseline == "unchanged" else "new since the baseline"
    return f'<span class="badge baseline {finding.baseline}" title="{title}">{_e(finding.baseline)}</span> '


def _sources(finding: Finding, paths: dict[str, str]) -> str:
    """`claimcheck check`: which corpus articles disagree with the draft, and which agree."""
    rows = []
    sides = (("Corpus sources that disagree", finding.disagreeing), ("Corpus sources that agree", finding.agreeing))
    for label, claims in sides:
        if claims:
            where = ", ".join(
                f"{_e(claim_path(paths, c))}:{c.line} ({_e(' '.join(c.value.text.split()))})" for c in claims
            )
            rows.append(f"<li><strong>{label}:</strong> {where}</li>")
    return '<ul class="sources">\n' + "\n".join(rows) + "\n</ul>\n" if rows else ""


def _suppressed(report: Report, anchors: dict[str, str]) -> str:
    if not report.suppressed:
        return ""
    items = "\n".join(
        f'<li><span class="kind">{_e(kind_info(s.finding.kind).title)}</span> {_e(s.finding.subject)}: '
        f'suppressed in <a href="#{anchors.get(s.document, "")}"><code>{_e(s.document)}</code></a> line {s.line}, '
        f"reason: &ldquo;{_e(s.reason)}&rdquo;</li>"
        for s in report.suppressed
    )
    return f'<section id="suppressed">\n<h2>Suppressed</h2>\n<ul>\n{items}\n</ul>\n</section>'


def _quotes(claims: tuple[Claim, ...], anchors: dict[str, str], paths: dict[str, str]) -> str:
    return '<div class="quotes">\n' + "\n".join(_quote(c, anchors, paths) for c in claims) + "\n</div>"


def _quote(claim: Claim, anchors: dict[str, str], paths: dict[str, str]) -> str:
    path = _e(claim_path(paths, claim))
    where = f'<a href="#{anchors[claim.document]}">{path}</a>' if claim.document in anchors else path
    label, detail = value_label(claim.value)
    detail_html = f' <span class="detail">{_e(detail)}</span>' if detail else ""
    css = "quote list" if claim.value.kind == "list" else "quote"
    return (
        f'<figure class="{css}">\n<figcaption><span class="where">{where}</span> '
        f'<span class="line">line {claim.line}</span>\n'
        f'<span class="value">{_e(label)}</span>{detail_html}</figcaption>\n'
        f"<blockquote>{marked_html(claim.text, value_spans(claim))}</blockquote>\n</figure>"
    )


def value_label(value: Value) -> tuple[str, str]:
    """What the claim says, and how claimcheck read it ("2023", "2023-01-01 to 2023-12-31")."""
    if value.kind == "list":
        return _plural(len(value.items), "item"), ""
    label = " ".join(value.text.split())
    if value.interval is not None:
        start, end = value.interval.start.isoformat(), value.interval.end.isoformat()
        return label, start if start == end else f"{start} to {end}"
    if value.number is not None:
        number = f"{value.number:,.0f}" if float(value.number).is_integer() else f"{value.number:,}"
        shown = f"{number} {value.unit}" if value.unit and value.unit != "%" else number + (value.unit or "")
        return label, "" if shown == label else f"= {shown}"
    return label, ""


def _corroborations(report: Report, anchors: dict[str, str], paths: dict[str, str]) -> str:
    items = "\n".join(
        f'<details class="agree">\n<summary>✓ {_e(f.summary)}</summary>\n'
        f'{_quotes(f.claims, anchors, paths)}\n</details>'
        for f in report.corroborations
    ) or '<p class="none">No fact was stated alike in several documents.</p>'
    return f'<section id="corroborations">\n<h2>Corroborations</h2>\n{items}\n</section>'


def _stories(groups: StoryGroups, anchors: dict[str, str], paths: dict[str, str]) -> str:
    """The articles read as reports of one event, numbered as in the text report; then those alone in theirs."""
    if not groups:
        return ""
    parts = ['<p class="intro">Articles claimcheck read as reports of one event: their dates, figures and lists '
             "are compared with each other.</p>"]
    if groups.shared:
        items = "\n".join(
            f'<li><strong class="story-label">{_e(s.label)}</strong> '
            f'<span class="detail">{_plural(len(s.documents), "document")}</span>\n'
            f"{_story_documents(s.documents, anchors, paths)}</li>"
            for s in groups.shared
        )
        parts.append(f'<ol class="stories">\n{items}\n</ol>')
    if groups.alone:
        alone = "stands alone, the only article" if len(groups.alone) == 1 else "stand alone, each the only article"
        parts.append(
            f'<p class="alone">{_plural(len(groups.alone), "document")} {alone} on its event:</p>\n'
            f"{_story_documents(groups.alone, anchors, paths)}"
        )
    return '<section id="stories">\n<h2>Stories</h2>\n' + "\n".join(parts) + "\n</section>"


def _story_documents(documents: tuple[str, ...], anchors: dict[str, str], paths: dict[str, str]) -> str:
    """A list of the documents, each linked to its row in Documents (when the report has one)."""
    items = []
    for doc in documents:
        path = f"<code>{_e(paths.get(doc, doc))}</code>"
        items.append(f'<li><a href="#{anchors[doc]}">{path}</a></li>' if doc in anchors else f"<li>{path}</li>")
    return '<ul class="story-documents">\n' + "\n".join(items) + "\n</ul>"


def _documents(report: Report, anchors: dict[str, str]) -> str:
    cited: dict[str, list[Finding]] = {}
    for finding in report.findings:
        for doc_id in dict.fromkeys(c.document for c in finding.claims):
            cited.setdefault(doc_id, []).append(finding)
    rows = []
    for doc in report.documents:
        published = (
            f"{doc.published.isoformat()} <span class=\"detail\">from the {_e(doc.published_from or 'text')}</span>"
            if doc.published else '<span class="detail">unknown</span>'
        )
        links = " ".join(
            f'<a class="badge {f.severity}" href="#{finding_anchor(f)}" title="{_e(f.id)}">'
            f'{_e(kind_info(f.kind).title)}</a>'
            for f in cited.get(doc.id, [])
        ) or '<span class="detail">none</span>'
        notes = [_e(w) for w in doc.warnings]
        if doc.near_duplicates:
            notes.append("same text as " + ", ".join(_e(d) for d in doc.near_duplicates))
        rows.append(
            f'<tr id="{anchors[doc.id]}"><td><code>{_e(doc.path)}</code></td><td>{published}</td>'
            f"<td class=\"num\">{doc.claims}</td><td>{links}</td><td>{'<br>'.join(notes)}</td></tr>"
        )
    table = (
        "<table>\n<thead><tr><th>Document</th><th>Published</th><th>Claims</th><th>Findings</th><th>Notes</th></tr></thead>\n"
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    ) if rows else '<p class="none">No documents.</p>'
    return f'<section id="documents">\n<h2>Documents</h2>\n{table}\n</section>'


def _warnings(report: Report, anchors: dict[str, str]) -> str:
    items = [
        f'<li><a href="#{anchors[d.id]}"><code>{_e(d.path)}</code></a>: {_e(w)}</li>'
        for d in report.documents for w in d.warnings
    ]
    items += [f"<li><code>{_e(s.path)}</code>: skipped, {_e(s.reason)}</li>" for s in report.skipped]
    body = "<ul>\n" + "\n".join(items) + "\n</ul>" if items else '<p class="none">No warnings: every file was read.</p>'
    return f'<section id="warnings">\n<h2>Warnings</h2>\n{body}\n</section>'


def _plural(n: int, word: str) -> str:
    return f"{n} {_noun(n, word)}"


def _noun(n: int, word: str) -> str:
    return word if n == 1 else word + "s"
