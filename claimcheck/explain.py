"""One finding taken apart: its claims as read, their normalised values, and why they were matched."""
from __future__ import annotations

from itertools import combinations

from claimcheck.baseline import fingerprint
from claimcheck.decide import decide, unmatched
from claimcheck.errors import UnknownFinding
from claimcheck.extract.entities import same_name
from claimcheck.models import Claim, Finding, Report
from claimcheck.report.json_format import frame_dict, value_dict
from claimcheck.report.wording import counted

MIN_HASH_PREFIX = 3  # of an id's hash part: "date-d08"
MIN_FINGERPRINT_PREFIX = 8


def locate(report: Report, ident: str) -> tuple[Finding, str]:
    """The finding whose id or fingerprint is `ident` (or starts with it), and where it sits in the report.

    Suppressed findings and corroborations are found too: explaining why
    something was matched is as useful for them.
    """
    places = [(f, "finding") for f in report.findings]
    places += [(s.finding, f"suppressed by {s.document} line {s.line}: {s.reason}") for s in report.suppressed]
    places += [(f, "corroboration") for f in report.corroborations]
    wanted = ident.strip()
    exact = [p for p in places if wanted in (p[0].id, fingerprint(p[0]))]
    if exact:
        return exact[0]
    close = [p for p in places if wanted and (p[0].id.startswith(wanted) or fingerprint(p[0]).startswith(wanted))]
    if close and not _long_enough(wanted):
        raise UnknownFinding(
            f"{wanted!r} is too short to name one finding: give at least {MIN_HASH_PREFIX} characters after the "
            f"kind (date-d08) or {MIN_FINGERPRINT_PREFIX} of a fingerprint. Findings it starts: {_listed(close)}"
        )
    if len(close) == 1:
        return close[0]
    if close:
        raise UnknownFinding(f"{wanted!r} starts more than one id: {_listed(close)}. Give more of the id.")
    raise UnknownFinding(
        f"no finding {wanted!r} among the {counted(len(places), 'finding')} of this scan. Ids are shown in brackets by "
        "`claimcheck scan` (or `claimcheck check`) on the same input, and are findings[].id in --format json; "
        "a baseline's "
        "fingerprints work too. Ids follow offsets: after editing a file, scan again for the new id."
    )


def _listed(places: list[tuple[Finding, str]], shown: int = 10) -> str:
    ids = [finding.id for finding, _ in places]
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def _long_enough(prefix: str) -> bool:
    """A prefix that says something: "date" alone would pick any date finding."""
    if "-" in prefix:
        return len(prefix.rsplit("-", 1)[1]) >= MIN_HASH_PREFIX
    return len(prefix) >= MIN_FINGERPRINT_PREFIX


def describe(finding: Finding, where: str, report: Report) -> dict:
    """Everything `explain` shows, as plain data (the JSON output)."""
    paths = {d.id: d.path for d in report.documents}
    return {
        "id": finding.id,
        "fingerprint": fingerprint(finding),
        "kind": finding.kind,
        "severity": finding.severity,
        "confidence": finding.confidence,
        "status": where,
        "subject": finding.subject,
        "summary": finding.summary,
        "reason": finding.reason,
        "claims": [_claim(c, paths) for c in finding.claims],
        "pairs": [
            _pair(finding.kind, i, a, j, b, report)
            for (i, a), (j, b) in combinations(enumerate(finding.claims), 2)
        ],
        **_sources(finding, report, paths),
    }


def _sources(finding: Finding, report: Report, paths: dict[str, str]) -> dict:
    if report.check is None:
        return {}
    return {
        "disagreeing_sources": [_claim(c, paths) for c in finding.disagreeing],
        "agreeing_sources": [_claim(c, paths) for c in finding.agreeing],
    }


def _claim(claim: Claim, paths: dict[str, str]) -> dict:
    return {
        "document": claim.document,
        "path": paths.get(claim.document, claim.document),
        "line": claim.line,
        "text": claim.text,
        "value": value_dict(claim.value),
        "frame": frame_dict(claim.frame),
        "predicate": claim.frame.predicate,
        "object": claim.frame.object,
        "names": sorted(claim.frame.names),
        "flags": ["partial"] if claim.partial else [],
    }


def _pair(kind: str, i: int, a: Claim, j: int, b: Claim, report: Report) -> dict:
    common = sorted(x for x in a.frame.names if any(same_name(x, y) for y in b.frame.names))
    return {"claims": [i + 1, j + 1], "same_document": a.document == b.document,
            "names_in_common": common, "values": _values(kind, a, b, report)}


def _values(kind: str, a: Claim, b: Claim, report: Report) -> str:
    x, y = a.value, b.value
    if kind == "name_variant":
        return f"same date; objects named '{a.frame.object}' and '{b.frame.object}'"
    if kind == "list_mismatch" and x.kind == y.kind == "list":
        only_x, only_y = unmatched(x.items, y.items), unmatched(y.items, x.items)
        if not (only_x or only_y):
            return "same items"
        first, second = "; ".join(only_x) or "nothing", "; ".join(only_y) or "nothing"
        return f"only the first has {first}; only the second has {second}"
    if kind == "count_mismatch" or "list" in (x.kind, y.kind):
        if x.number is None or y.number is None:
            return "not comparable"
        same = int(x.number) == int(y.number)
        return f"{_size(x)} vs {_size(y)}: " + ("same size" if same else "sizes differ")
    published = {d.id: d.published for d in report.documents}
    verdict = decide(a, b, published)
    return f"{verdict.outcome}: {verdict.reason}"


def _size(value) -> str:
    return f"{int(value.number)} items" if value.kind == "list" else f"{value.kind} {int(value.number)}"


def render_text(data: dict) -> str:
    lines = [
        f"{data['id']}  {data['kind']}  {data['severity']}, confidence {data['confidence']:.2f}  ({data['status']})",
        f"  fingerprint {data['fingerprint']}",
        f"  subject: {data['subject']}",
        f"  {data['summary']}",
    ]
    if data["reason"]:
        lines.append(f"  matched because: {data['reason']}")
    for n, claim in enumerate(data["claims"], start=1):
        lines += ["", f"claim {n}:"] + _claim_lines(claim)
    if data["pairs"]:
        lines += ["", "pairs:"]
    for pair in data["pairs"]:
        names = ", ".join(pair["names_in_common"]) or "none"
        place = "same document" if pair["same_document"] else "different documents"
        lines.append(f"  {pair['claims'][0]} & {pair['claims'][1]}: {place}; names in common: {names}; "
                     f"values {pair['values']}")
    for label, key in (("corpus sources that disagree", "disagreeing_sources"),
                       ("corpus sources that agree", "agreeing_sources")):
        if key in data:
            lines += ["", f"{label}:"]
            lines += [
                f"  {c['path']}:{c['line']}  {c['value']['text']}  ({_normalised(c['value'])})" for c in data[key]
            ]
            lines += [] if data[key] else ["  none"]
    return "\n".join(lines) + "\n"


def _claim_lines(claim: dict) -> list[str]:
    text = " ".join(claim["text"].split())
    rows = [
        f"  {claim['path']}:{claim['line']}  (document {claim['document']})",
        f"  sentence: “{text}”",
        f"  value: {claim['value']['text']!r} -> {_normalised(claim['value'])}",
        *_frame_lines(claim["frame"]),
        f"  predicate: {claim['predicate'] or '-'}   object: {claim['object'] or '-'}",
        f"  names: {', '.join(claim['names']) or '-'}",
    ]
    if claim["flags"]:
        rows.append(f"  flags: {', '.join(claim['flags'])}")
    return rows


def _frame_lines(frame: dict) -> list[str]:
    """The frame of a value: what it measures, whose it is, its scope and how firmly it is stated."""
    scope = frame.get("scope", {})
    where = ", ".join(scope.get("places", []) + scope.get("groups", [])) or "-"
    when = ", ".join(f"{a}..{b}" if a != b else a for a, b in scope.get("when", [])) or "-"
    marks = [m for m in ("statement", "anchored") if frame.get(m)]
    return [
        f"  frame: measures {frame.get('measure') or '-'}   holder: {frame.get('holder') or '-'}"
        f"   counted: {frame.get('counted') or '-'}",
        f"  scope: {where}   period: {when}   modality: {frame['modality']}"
        + (f"   ({', '.join(marks)})" if marks else ""),
    ]


def _normalised(value: dict) -> str:
    if "start" in value:
        return f"{value['start']}..{value['end']} ({value['granularity']})"
    if value["kind"] == "list":
        return f"{value['number']} items: " + "; ".join(value["items"])
    if "number" in value:
        bound = f"{value['qualifier'].replace('_', ' ')} " if value.get("qualifier") else ""
        high = f"..{value['high']}" if "high" in value else ""
        return f"{value['kind']} {bound}{value['number']}{high}" + (f" {value['unit']}" if value.get("unit") else "")
    if "timex" in value:
        return f"{value['timex']} (not anchored)"
    return value["kind"]
