"""Score a claimcheck JSON report (as a dict) against a gold file (as a dict).

The suite's own scorer, so the tests run where the shared evaluation
directory does not exist. It reads the gold format of ``seeds.gold.json``:

``expected``: a list of specs, each with ``id``, ``level`` ("must" or
"should", default "must"), ``kind`` (the finding kinds that would do) and any
of these conditions, all of which must hold for one reported finding:

* ``docs``: a list of groups of document ids; every group must be met by some
  claim whose ``document`` contains one of the group's ids;
* ``dates``: a list of ``[first, last]`` ISO windows; every window must overlap
  the date range (``value.start`` .. ``value.end``) of some claim;
* ``numbers``: every number must equal the ``value.number`` of some claim;
* ``text_any``: every string must occur (ignoring case) in the text of some
  claim; each string is searched in any claim, hence the name. This is how
  the shared ``eval/score.py`` reads it; fixtures use one string per spec.

``forbidden``: a list of rules, each with ``id``, an optional ``kind`` filter
and one condition:

* ``text_contains``: the finding is forbidden when any claim text, or its
  summary, contains one of the strings;
* ``all_claims_contain_one_of``: forbidden when the finding has claims and
  every one of them contains one of the strings (a conflict made only of
  phrasings that agree).

``max_findings``: every finding past that many counts as a forbidden hit of
the rule ``"max_findings"``.

Only the report fields named in REPORT_CONTRACT.md are read, so a report may
carry anything else. Malformed parts of a finding (claims not a list, a value
that is not an object, a number that is a string) simply fail to match.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

LEVELS = ("must", "should")
SPEC_CONDITIONS = ("docs", "dates", "numbers", "text_any", "summary_contains")
RULE_CONDITIONS = ("text_contains", "all_claims_contain_one_of")
MAX_FINDINGS_RULE = "max_findings"


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class ExpectedResult:
    id: str
    level: str
    found: bool
    finding_index: int | None  # the first finding that meets the spec


@dataclass(frozen=True)
class ForbiddenHit:
    rule: str  # a forbidden rule id, or "max_findings"
    finding_index: int


@dataclass
class GoldScore:
    must_recall: float
    should_recall: float
    findings: int  # how many findings the report has
    unmatched: int  # findings that meet no expected spec at all
    expected: list[ExpectedResult] = field(default_factory=list)
    forbidden: list[ForbiddenHit] = field(default_factory=list)

    @property
    def forbidden_hits(self) -> int:
        return len(self.forbidden)

    @property
    def forbidden_rules(self) -> set[str]:
        return {hit.rule for hit in self.forbidden}

    @property
    def missing(self) -> list[str]:
        return [row.id for row in self.expected if not row.found]

    @property
    def missing_must(self) -> list[str]:
        return [row.id for row in self.expected if row.level == "must" and not row.found]

    def explain(self, report: dict | None = None) -> str:
        """A few lines an assertion message can show: what was missed, what was forbidden."""
        lines = [
            f"must {self.must_recall:.2f} should {self.should_recall:.2f} "
            f"forbidden {self.forbidden_hits} findings {self.findings} unmatched {self.unmatched}"
        ]
        lines += [f"MISS {row.level} {row.id}" for row in self.expected if not row.found]
        findings = _findings(report) if report is not None else []
        for hit in self.forbidden:
            lines.append(f"BAD  finding #{hit.finding_index} breaks {hit.rule}")
        if findings:
            lines.append("findings:")
            for i, finding in enumerate(findings):
                lines.append(f"  #{i} {describe(finding)}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- reading a report


def _findings(report: Any) -> list[dict]:
    if not isinstance(report, dict) or not isinstance(report.get("findings"), list):
        raise ValueError("report has no 'findings' list")
    return [f if isinstance(f, dict) else {} for f in report["findings"]]


def _claims(finding: dict) -> list[dict]:
    claims = finding.get("claims")
    if not isinstance(claims, list):
        return []
    return [c for c in claims if isinstance(c, dict)]


def _value(claim: dict) -> dict:
    value = claim.get("value")
    return value if isinstance(value, dict) else {}


def _text(claim: dict) -> str:
    text = claim.get("text")
    return text if isinstance(text, str) else ""


def _document(claim: dict) -> str:
    doc = claim.get("document")
    return doc if isinstance(doc, str) else ""


def _day(text: Any) -> date | None:
    if not isinstance(text, str) or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def claim_dates(claim: dict) -> tuple[date, date] | None:
    """The inclusive day range a claim's value covers, or None when it has no readable date."""
    value = _value(claim)
    first, last = _day(value.get("start")), _day(value.get("end"))
    if first is None and last is None:
        return None
    first = first or last
    last = last or first
    return (min(first, last), max(first, last))


def claim_number(claim: dict) -> float | None:
    number = _value(claim).get("number")
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        return None
    if isinstance(number, float) and not math.isfinite(number):
        return None
    return float(number)


def describe(finding: dict) -> str:
    parts = [str(finding.get("kind", "?"))]
    for claim in _claims(finding):
        value = _value(claim)
        shown = value.get("text", value.get("number", "?"))
        parts.append(f"[{_document(claim)}: {shown!r} in {_text(claim)[:90]!r}]")
    return " ".join(parts)


# --------------------------------------------------------------------------- matching


def _as_list(value: Any) -> list:
    if value is None:
        return []
    if isinstance(value, (str, int, float)):
        return [value]
    return list(value)


def _same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def meets_spec(finding: dict, spec: dict) -> bool:
    """True when one reported finding satisfies one expected spec."""
    if finding.get("kind") not in _as_list(spec.get("kind")):
        return False
    claims = _claims(finding)
    for group in _as_list(spec.get("docs")):
        ids = [str(x) for x in _as_list(group)]
        if not any(alt in _document(c) for c in claims for alt in ids):
            return False
    for window in _as_list(spec.get("dates")):
        lo, hi = _day(window[0]), _day(window[1])
        ranges = [r for r in map(claim_dates, claims) if r is not None]
        if lo is None or hi is None or not any(r[0] <= hi and lo <= r[1] for r in ranges):
            return False
    for wanted in _as_list(spec.get("numbers")):
        numbers = [n for n in map(claim_number, claims) if n is not None]
        if not any(_same_number(n, float(wanted)) for n in numbers):
            return False
    for needle in _as_list(spec.get("text_any")):
        needle = str(needle).lower()
        if not any(needle in _text(c).lower() for c in claims):
            return False
    summary = finding.get("summary")
    for needle in _as_list(spec.get("summary_contains")):
        if not isinstance(summary, str) or str(needle).lower() not in summary.lower():
            return False
    return True


def breaks_rule(finding: dict, rule: dict) -> bool:
    """True when a reported finding is one the gold says must never appear."""
    if "kind" in rule and finding.get("kind") not in _as_list(rule["kind"]):
        return False
    claims = _claims(finding)
    conditions = []
    if "text_contains" in rule:
        summary = finding.get("summary")
        haystacks = [_text(c).lower() for c in claims]
        haystacks.append(summary.lower() if isinstance(summary, str) else "")
        needles = [str(n).lower() for n in _as_list(rule["text_contains"])]
        conditions.append(any(n in h for n in needles for h in haystacks))
    if "all_claims_contain_one_of" in rule:
        needles = [str(n).lower() for n in _as_list(rule["all_claims_contain_one_of"])]
        conditions.append(
            bool(claims) and all(any(n in _text(c).lower() for n in needles) for c in claims)
        )
    return bool(conditions) and all(conditions)


# --------------------------------------------------------------------------- scoring


def score(gold: dict, report: dict) -> GoldScore:
    findings = _findings(report)
    rows: list[ExpectedResult] = []
    matched: set[int] = set()
    for spec in gold.get("expected", []):
        hits = [i for i, f in enumerate(findings) if meets_spec(f, spec)]
        matched.update(hits)
        rows.append(
            ExpectedResult(
                id=str(spec.get("id", "?")),
                level=spec.get("level", "must"),
                found=bool(hits),
                finding_index=hits[0] if hits else None,
            )
        )
    bad: list[ForbiddenHit] = []
    limit = gold.get("max_findings")
    if isinstance(limit, int) and not isinstance(limit, bool) and len(findings) > limit:
        bad += [ForbiddenHit(MAX_FINDINGS_RULE, i) for i in range(max(limit, 0), len(findings))]
    for rule in gold.get("forbidden", []):
        bad += [ForbiddenHit(str(rule.get("id", "?")), i)
                for i, f in enumerate(findings) if breaks_rule(f, rule)]

    def recall(level: str) -> float:
        subset = [r for r in rows if r.level == level]
        return sum(r.found for r in subset) / len(subset) if subset else 1.0

    return GoldScore(
        must_recall=recall("must"),
        should_recall=recall("should"),
        findings=len(findings),
        unmatched=len(findings) - len(matched),
        expected=rows,
        forbidden=bad,
    )


# --------------------------------------------------------------------------- gold files


def validate_gold(gold: Any) -> list[str]:
    """What is wrong with a gold dict, in words; an empty list when it is well formed."""
    if not isinstance(gold, dict):
        return ["gold is not an object"]
    problems: list[str] = []
    if not isinstance(gold.get("corpus"), str) or not gold["corpus"].strip():
        problems.append("'corpus' must describe the corpus")
    expected, forbidden = gold.get("expected"), gold.get("forbidden")
    if not isinstance(expected, list):
        problems.append("'expected' must be a list")
        expected = []
    if not isinstance(forbidden, list):
        problems.append("'forbidden' must be a list")
        forbidden = []
    limit = gold.get("max_findings")
    if "max_findings" in gold and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 0):
        problems.append("'max_findings' must be a non-negative integer")
    ids: list[str] = []
    for n, spec in enumerate(expected):
        where = f"expected[{n}]"
        if not isinstance(spec, dict):
            problems.append(f"{where} is not an object")
            continue
        ids.append(spec.get("id"))
        if not isinstance(spec.get("id"), str):
            problems.append(f"{where} has no id")
        if spec.get("level", "must") not in LEVELS:
            problems.append(f"{where} level must be one of {LEVELS}")
        if not isinstance(spec.get("kind"), list) or not spec["kind"]:
            problems.append(f"{where} kind must be a non-empty list")
        if not any(spec.get(k) for k in SPEC_CONDITIONS):
            problems.append(f"{where} needs at least one of {SPEC_CONDITIONS}")
        for group in spec.get("docs", []):
            if not isinstance(group, list) or not group or not all(isinstance(d, str) for d in group):
                problems.append(f"{where} docs groups must be non-empty lists of ids")
        for window in spec.get("dates", []):
            if (not isinstance(window, list) or len(window) != 2
                    or _day(window[0]) is None or _day(window[1]) is None
                    or _day(window[0]) > _day(window[1])):
                problems.append(f"{where} dates must be [first, last] ISO windows")
        for number in spec.get("numbers", []):
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                problems.append(f"{where} numbers must be numbers")
    for n, rule in enumerate(forbidden):
        where = f"forbidden[{n}]"
        if not isinstance(rule, dict):
            problems.append(f"{where} is not an object")
            continue
        ids.append(rule.get("id"))
        if not isinstance(rule.get("id"), str):
            problems.append(f"{where} has no id")
        present = [k for k in RULE_CONDITIONS if k in rule]
        if len(present) != 1:
            problems.append(f"{where} needs exactly one of {RULE_CONDITIONS}")
        for key in present:
            if not isinstance(rule[key], list) or not rule[key] or not all(
                isinstance(s, str) and s for s in rule[key]
            ):
                problems.append(f"{where} {key} must be a non-empty list of strings")
        if "kind" in rule and (not isinstance(rule["kind"], list) or not rule["kind"]):
            problems.append(f"{where} kind must be a non-empty list")
    dupes = sorted({i for i in ids if isinstance(i, str) and ids.count(i) > 1})
    if dupes:
        problems.append(f"duplicate ids: {dupes}")
    if not expected and "max_findings" not in gold:
        problems.append("gold needs at least one expected item or a max_findings")
    return problems


def load_gold(path: str | Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        gold = json.load(fh)
    problems = validate_gold(gold)
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    return gold
