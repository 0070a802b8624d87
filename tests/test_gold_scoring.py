"""The suite's scorer (tests/gold.py), tested on small hand-built reports."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

try:
    from gold import breaks_rule, load_gold, meets_spec, score, validate_gold
except ImportError:  # tests/ imported as a package
    from tests.gold import breaks_rule, load_gold, meets_spec, score, validate_gold

SEEDS_GOLD = Path(__file__).parent / "data" / "seeds.gold.json"


def date_claim(doc, text, start, end, granularity="day", shown=None):
    return {"document": doc, "text": text, "span": {"start": 0, "end": len(text), "line": 1},
            "value": {"kind": "date", "text": shown or start, "start": start, "end": end,
                      "granularity": granularity}}


def number_claim(doc, text, number, kind="number", unit=None, shown=None):
    return {"document": doc, "text": text, "span": {"start": 0, "end": len(text), "line": 1},
            "value": {"kind": kind, "text": shown or str(number), "number": number, "unit": unit}}


def list_claim(doc, text, items):
    return {"document": doc, "text": text, "span": {"start": 0, "end": len(text), "line": 1},
            "value": {"kind": "list", "number": len(items), "items": list(items)}}


def finding(kind, *claims, summary="", fid=None):
    return {"id": fid or f"{kind}-{len(claims)}", "kind": kind, "severity": "error",
            "confidence": 0.9, "subject": "test", "summary": summary, "claims": list(claims)}


def report(*findings):
    return {"schema": "claimcheck.report/1", "tool": {"name": "claimcheck", "version": "test"},
            "documents": [], "findings": list(findings), "corroborations": []}


# One conflict everything below is varied from: Acme bought Beta in 2021 (a) or June 2023 (b).
A_2021 = date_claim("wire/acme_a", "Acme Corp completed its acquisition of Beta Ltd in 2021.",
                    "2021-01-01", "2021-12-31", "year", "2021")
B_JUNE = date_claim("acme_b", "Acme Corp completed its acquisition of Beta Ltd in June 2023.",
                    "2023-06-01", "2023-06-30", "month", "June 2023")
DATE_FINDING = finding("date_conflict", A_2021, B_JUNE, summary="Acme bought Beta in 2021 or June 2023")

COUNT_FINDING = finding(
    "count_mismatch",
    number_claim("council", "The council approved five measures:", 5, kind="count", unit="measure"),
    list_claim("council", "- a levy\n- a fund\n- a ban\n- a cap", ["a levy", "a fund", "a ban", "a cap"]),
)

SPEC = {"id": "acme-date", "level": "must", "kind": ["date_conflict"],
        "docs": [["acme_a"], ["acme_b", "acme_c"]],
        "dates": [["2021-01-01", "2021-12-31"], ["2023-06-01", "2023-06-30"]],
        "text_any": ["Beta Ltd"]}


# --------------------------------------------------------------------------- expected specs


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({}, id="as-is"),
        pytest.param({"kind": ["number_conflict", "date_conflict"]}, id="kind-among-several"),
        pytest.param({"docs": [["acme_c", "acme_a"]]}, id="docs-any-alternative"),
        pytest.param({"docs": [["wire/acme_a"]]}, id="docs-with-folder"),
        pytest.param({"dates": [["2023-06-30", "2023-09-30"]]}, id="date-window-touches-end"),
        pytest.param({"dates": [["2020-01-01", "2024-01-01"]]}, id="date-window-covers-both"),
        pytest.param({"text_any": ["beta ltd"]}, id="text-ignores-case"),
        pytest.param({"text_any": ["in 2021", "in June 2023"]}, id="text-each-string-in-some-claim"),
        pytest.param({"dates": [], "docs": [], "text_any": []}, id="kind-only"),
    ],
)
def test_spec_matches(change):
    spec = {**SPEC, **change}
    assert meets_spec(DATE_FINDING, spec)
    result = score({"expected": [spec], "forbidden": []}, report(DATE_FINDING))
    assert result.must_recall == 1.0 and result.unmatched == 0


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"kind": ["number_conflict"]}, id="wrong-kind"),
        pytest.param({"docs": [["acme_a"], ["acme_d"]]}, id="missing-document"),
        pytest.param({"dates": [["2022-01-01", "2022-12-31"]]}, id="date-window-outside"),
        pytest.param({"dates": [["2023-07-01", "2023-07-31"]]}, id="date-window-just-after"),
        pytest.param({"numbers": [2021]}, id="number-absent"),
        pytest.param({"text_any": ["Gamma"]}, id="text-absent"),
        pytest.param({"text_any": ["Beta Ltd", "Gamma"]}, id="one-text-of-two-absent"),
    ],
)
def test_spec_does_not_match(change):
    spec = {**SPEC, **change}
    assert not meets_spec(DATE_FINDING, spec)
    result = score({"expected": [spec], "forbidden": []}, report(DATE_FINDING))
    assert result.must_recall == 0.0
    assert result.missing_must == ["acme-date"]
    assert result.unmatched == 1


@pytest.mark.parametrize(
    ("numbers", "ok"),
    [([5, 4], True), ([4], True), ([5.0, 4.0], True), ([5, 3], False), ([6], False)],
)
def test_numbers(numbers, ok):
    spec = {"id": "count", "kind": ["count_mismatch"], "numbers": numbers}
    assert meets_spec(COUNT_FINDING, spec) is ok


def test_numbers_large_money_values():
    money = finding(
        "number_conflict",
        number_claim("a", "Acme paid $2.5 billion for Beta.", 2.5e9, kind="money", unit="USD"),
        number_claim("b", "Acme paid 2,100 million dollars for Beta.", 2_100_000_000, kind="money", unit="USD"),
    )
    assert meets_spec(money, {"id": "m", "kind": ["number_conflict"], "numbers": [2500000000, 2.1e9]})
    assert not meets_spec(money, {"id": "m", "kind": ["number_conflict"], "numbers": [2.5e6]})


@pytest.mark.parametrize(
    "bad_value",
    [
        pytest.param({"kind": "number", "number": "5"}, id="number-as-string"),
        pytest.param({"kind": "number", "number": True}, id="number-as-bool"),
        pytest.param({"kind": "date", "start": "June 2023"}, id="date-not-iso"),
        pytest.param(None, id="no-value"),
    ],
)
def test_malformed_values_never_match(bad_value):
    claim = {"document": "a", "text": "x"}
    if bad_value is not None:
        claim["value"] = bad_value
    f = finding("number_conflict", claim)
    assert not meets_spec(f, {"id": "n", "kind": ["number_conflict"], "numbers": [5]})
    assert not meets_spec(f, {"id": "d", "kind": ["number_conflict"], "dates": [["2023-01-01", "2023-12-31"]]})


def test_date_with_only_start():
    claim = date_claim("a", "opened on March 14, 2019", "2019-03-14", None)
    claim["value"].pop("end")
    f = finding("date_conflict", claim)
    assert meets_spec(f, {"id": "d", "kind": ["date_conflict"], "dates": [["2019-03-01", "2019-03-31"]]})


def test_finding_without_claims_meets_only_kind():
    f = {"kind": "date_conflict"}
    assert meets_spec(f, {"id": "k", "kind": ["date_conflict"]})
    assert not meets_spec(f, {"id": "k", "kind": ["date_conflict"], "docs": [["a"]]})


def test_must_and_should_recall_counted_apart():
    gold = {
        "expected": [
            {**SPEC, "id": "m1"},
            {"id": "m2", "level": "must", "kind": ["count_mismatch"], "numbers": [5, 4]},
            {"id": "m3", "level": "must", "kind": ["list_mismatch"], "docs": [["x"]]},
            {"id": "s1", "level": "should", "kind": ["name_variant"], "text_any": ["Beta"]},
        ],
        "forbidden": [],
    }
    result = score(gold, report(DATE_FINDING, COUNT_FINDING))
    assert result.must_recall == pytest.approx(2 / 3)
    assert result.should_recall == 0.0
    assert result.missing == ["m3", "s1"]
    assert result.missing_must == ["m3"]
    assert [row.finding_index for row in result.expected] == [0, 1, None, None]
    assert result.findings == 2 and result.unmatched == 0


def test_no_specs_means_full_recall():
    result = score({"expected": [], "forbidden": []}, report())
    assert result.must_recall == 1.0 and result.should_recall == 1.0
    assert result.findings == 0 and result.forbidden_hits == 0


def test_unmatched_counts_findings_no_spec_wants():
    extra = finding("number_conflict", number_claim("a", "350 homes", 350), number_claim("b", "300 homes", 300))
    result = score({"expected": [SPEC], "forbidden": []}, report(DATE_FINDING, extra, DATE_FINDING))
    assert result.findings == 3
    assert result.unmatched == 1  # the duplicate of the date finding still meets the spec


@pytest.mark.parametrize("bad", [{}, {"findings": None}, {"findings": "none"}, [], None])
def test_report_without_findings_list_is_an_error(bad):
    with pytest.raises(ValueError):
        score({"expected": [], "forbidden": []}, bad)


# --------------------------------------------------------------------------- forbidden rules


@pytest.mark.parametrize(
    ("rule", "hit"),
    [
        pytest.param({"text_contains": ["Beta Ltd in 2021"]}, True, id="text-in-one-claim"),
        pytest.param({"text_contains": ["BETA LTD IN 2021"]}, True, id="text-ignores-case"),
        pytest.param({"text_contains": ["Gamma", "June 2023"]}, True, id="text-any-of-several"),
        pytest.param({"text_contains": ["2021 or June"]}, True, id="text-in-summary"),
        pytest.param({"text_contains": ["© 2019"]}, False, id="text-absent"),
        pytest.param({"kind": ["date_conflict"], "text_contains": ["Beta"]}, True, id="kind-filter-passes"),
        pytest.param({"kind": ["number_conflict"], "text_contains": ["Beta"]}, False, id="kind-filter-blocks"),
        pytest.param({"all_claims_contain_one_of": ["in 2021", "in June 2023"]}, True, id="all-claims-covered"),
        pytest.param({"all_claims_contain_one_of": ["acquisition"]}, True, id="all-claims-one-needle"),
        pytest.param({"all_claims_contain_one_of": ["in 2021"]}, False, id="one-claim-not-covered"),
        pytest.param({"all_claims_contain_one_of": ["2021 or June"]}, False, id="all-claims-ignores-summary"),
        pytest.param({"kind": ["count_mismatch"], "all_claims_contain_one_of": ["Acme"]}, False,
                     id="all-claims-kind-filter"),
        pytest.param({"kind": ["date_conflict"]}, False, id="no-condition-never-hits"),
    ],
)
def test_forbidden_rules(rule, hit):
    rule = {"id": "r", **rule}
    assert breaks_rule(DATE_FINDING, rule) is hit
    result = score({"expected": [], "forbidden": [rule]}, report(COUNT_FINDING, DATE_FINDING))
    assert result.forbidden_hits == (1 if hit else 0)
    if hit:
        assert result.forbidden[0].rule == "r" and result.forbidden[0].finding_index == 1


def test_all_claims_rule_needs_claims():
    assert not breaks_rule({"kind": "date_conflict", "claims": []},
                           {"id": "r", "all_claims_contain_one_of": ["x"]})


def test_several_rules_and_findings_each_reported():
    gold = {"expected": [], "forbidden": [
        {"id": "chrome", "text_contains": ["Acme"]},
        {"id": "agrees", "all_claims_contain_one_of": ["measures", "a levy"]},
    ]}
    result = score(gold, report(DATE_FINDING, COUNT_FINDING))
    assert [(h.rule, h.finding_index) for h in result.forbidden] == [("chrome", 0), ("agrees", 1)]
    assert result.forbidden_rules == {"chrome", "agrees"}


# --------------------------------------------------------------------------- max_findings


@pytest.mark.parametrize(
    ("limit", "count", "over"),
    [(0, 0, []), (0, 1, [0]), (0, 3, [0, 1, 2]), (1, 1, []), (1, 3, [1, 2]), (2, 1, []), (None, 5, [])],
)
def test_max_findings(limit, count, over):
    gold = {"expected": [], "forbidden": []}
    if limit is not None:
        gold["max_findings"] = limit
    result = score(gold, report(*[DATE_FINDING] * count))
    assert [h.finding_index for h in result.forbidden if h.rule == "max_findings"] == over
    assert result.forbidden_hits == len(over)


def test_max_findings_adds_to_rule_hits():
    gold = {"expected": [], "forbidden": [{"id": "any-acme", "text_contains": ["Acme"]}], "max_findings": 0}
    result = score(gold, report(DATE_FINDING))
    assert sorted(h.rule for h in result.forbidden) == ["any-acme", "max_findings"]


def test_explain_names_misses_and_rules():
    gold = {"expected": [{"id": "wanted", "kind": ["list_mismatch"], "docs": [["x"]]}],
            "forbidden": [{"id": "no-acme", "text_contains": ["Acme"]}]}
    rep = report(DATE_FINDING)
    text = score(gold, rep).explain(rep)
    assert "MISS must wanted" in text and "no-acme" in text and "June 2023" in text


# --------------------------------------------------------------------------- gold files


def test_seeds_gold_is_valid_and_scores_a_matching_report():
    gold = load_gold(SEEDS_GOLD)
    signing = finding(
        "date_conflict",
        date_claim("003_7347d4b251c3fcbc", "In 2023, India's Ministry of Mines ... signed a memorandum",
                   "2023-01-01", "2023-12-31", "year"),
        date_claim("004_d41a41eb8909668a", "... signed a Memorandum of Cooperation ... in August 2025.",
                   "2025-08-01", "2025-08-31", "month"),
    )
    pillars = finding(
        "count_mismatch",
        number_claim("002_a45e51cb15edd064", "structured around eight pillars", 8, kind="count"),
        list_claim("002_a45e51cb15edd064", "- Investment and innovation ...", list("abcdefg")),
    )
    result = score(gold, report(signing, pillars))
    assert result.must_recall == 1.0 and result.should_recall == 0.0 and result.forbidden_hits == 0
    chrome = finding("number_conflict",
                     number_claim("002_a45e51cb15edd064", "UIDAI Records 231 crore Aadhaar Authenti...", 2.31e9),
                     number_claim("001_209a43c90e6542cd", "Vehicle thefts continue in the city; 7 cases", 7))
    result = score(gold, report(signing, pillars, chrome))
    assert {"related-stories-headlines", "truncated-teaser-headlines"} <= result.forbidden_rules


def test_seeds_gold_is_the_shared_one_when_available():
    shared = Path("/work/shared/eval/seeds.gold.json")
    if not shared.exists():
        pytest.skip("no shared evaluation directory here")
    assert json.loads(shared.read_text(encoding="utf-8")) == json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))


GOOD_GOLD = {
    "corpus": "two articles",
    "expected": [{"id": "e", "level": "must", "kind": ["date_conflict"], "docs": [["a"]]}],
    "forbidden": [{"id": "f", "text_contains": ["© 2019"]}],
}


@pytest.mark.parametrize(
    ("path", "value", "complaint"),
    [
        (("corpus",), "", "corpus"),
        (("expected",), {}, "'expected' must be a list"),
        (("max_findings",), -1, "max_findings"),
        (("max_findings",), True, "max_findings"),
        (("expected", 0, "level"), "could", "level"),
        (("expected", 0, "kind"), "date_conflict", "kind"),
        (("expected", 0, "docs"), [], "needs at least one"),
        (("expected", 0, "dates"), [["2023-12-31", "2023-01-01"]], "dates"),
        (("expected", 0, "dates"), [["2023"]], "dates"),
        (("expected", 0, "numbers"), ["5"], "numbers"),
        (("forbidden", 0, "all_claims_contain_one_of"), ["x"], "exactly one"),
        (("forbidden", 0, "text_contains"), [], "non-empty"),
        (("forbidden", 0, "id"), "e", "duplicate"),
    ],
)
def test_validate_gold_complaints(path, value, complaint):
    gold = copy.deepcopy(GOOD_GOLD)
    assert validate_gold(gold) == []
    target = gold
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    problems = validate_gold(gold)
    assert any(complaint in p for p in problems), problems


def test_validate_gold_needs_expected_or_limit():
    gold = {**GOOD_GOLD, "expected": []}
    assert any("max_findings" in p for p in validate_gold(gold))
    assert validate_gold({**gold, "max_findings": 0}) == []


# --------------------------------------------------------------------------- agreement with the shared scorer

SHARED_SCORER = Path("/work/shared/eval/score.py")
FIXTURE_GOLDS = sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("*/gold.json"))


def synthesized_findings(gold):
    """Findings built from a gold file: one meeting each spec, one near miss each, one per forbidden rule."""
    out = []
    for spec in gold["expected"]:
        claims = []
        for n, group in enumerate(spec.get("docs", [])):
            windows = spec.get("dates", [])
            numbers = spec.get("numbers", [])
            value = {"kind": "number"}
            if n < len(windows):
                value = {"kind": "date", "start": windows[n][0], "end": windows[n][1]}
            elif n < len(numbers):
                value["number"] = numbers[n]
            claims.append({"document": group[-1], "text": " ".join(spec.get("text_any", [])), "value": value})
        for window in spec.get("dates", [])[len(claims):]:
            value = {"kind": "date", "start": window[0], "end": window[1]}
            claims.append({"document": "x", "text": "", "value": value})
        for number in spec.get("numbers", []):
            claims.append({"document": "x", "text": "", "value": {"kind": "number", "number": number}})
        summary = " ".join([spec["id"], *spec.get("summary_contains", [])])
        out.append(finding(spec["kind"][0], *copy.deepcopy(claims), summary=summary))
        near = copy.deepcopy(claims)
        if near:
            near[-1]["value"] = {"kind": "number", "number": -1}
            near[-1]["document"] = "elsewhere"
            near[-1]["text"] = "unrelated"
        out.append(finding(spec["kind"][-1], *near))
    for rule in gold["forbidden"]:
        texts = rule.get("text_contains") or rule.get("all_claims_contain_one_of") or []
        kind = rule.get("kind", ["date_conflict"])[0]
        out.append(finding(kind, *[{"document": "d", "text": f"... {t} ...", "value": {}} for t in texts]))
        out.append(finding(kind, {"document": "d", "text": texts[0]}, {"document": "e", "text": "unrelated"}))
    return out


@pytest.mark.parametrize("gold_path", [SEEDS_GOLD, *FIXTURE_GOLDS], ids=lambda p: p.parent.name)
def test_agrees_with_the_shared_scorer(gold_path):
    if not SHARED_SCORER.exists():
        pytest.skip("no shared evaluation directory here")
    import importlib.util

    spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
    shared = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shared)
    gold = load_gold(gold_path)
    findings = synthesized_findings(gold)
    for rep in (report(), report(*findings), report(*reversed(findings)), report(*findings[:1])):
        ours, theirs = score(gold, rep), shared.score(gold, rep)
        assert ours.must_recall == theirs["must_recall"]
        assert ours.should_recall == theirs["should_recall"]
        assert ours.findings == theirs["findings"]
        assert [(r.id, r.found, r.finding_index) for r in ours.expected] == [
            (r["id"], r["found"], r["finding_index"]) for r in theirs["expected"]]
        assert sorted((h.rule, h.finding_index) for h in ours.forbidden) == sorted(
            (h["rule"], h["finding_index"]) for h in theirs["forbidden"])
    full = score(gold, report(*findings))
    assert full.must_recall == 1.0 and full.should_recall == 1.0  # every spec can be met
