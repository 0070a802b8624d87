"""Baselines: fingerprints that survive edits elsewhere, --write-baseline / --baseline through the CLI."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import baseline
from claimcheck.cli import app
from claimcheck.errors import BadBaseline
from claimcheck.models import Claim, Finding, Value

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def flat(text: str) -> str:
    """Report text with the terminal's line wrapping undone."""
    return " ".join(text.split())


def claim(document="a", text="It opened in 2019.", value="2019", start=10, line=3) -> Claim:
    return Claim(id=f"{document}:{start}", document=document, text=text, start=start, end=start + len(text),
                 line=line, value=Value(kind="date", text=value), value_start=start + 13, value_end=start + 17)


FIRST, SECOND = claim(), claim(document="b", text="It opened in 2020.", value="2020", start=40, line=7)
FINDING = Finding(id="date-1", kind="date_conflict", severity="error", confidence=0.8, subject="s",
                  summary="s", claims=(FIRST, SECOND))


@pytest.mark.parametrize(
    "changed, same",
    [
        (replace(FINDING, claims=(replace(FIRST, start=500, end=518, line=30), SECOND)), True),  # moved down
        (replace(FINDING, claims=(SECOND, FIRST)), True),  # order does not matter
        (replace(FINDING, id="date-2", confidence=0.6, summary="other words"), True),
        (replace(FINDING, claims=(replace(FIRST, text="It  opened\nin 2019."), SECOND)), True),  # rewrapped
        (replace(FINDING, claims=(replace(FIRST, value=Value(kind="date", text="2018")), SECOND)), False),
        (replace(FINDING, claims=(replace(FIRST, text="It opened in 2019, he said."), SECOND)), False),
        (replace(FINDING, claims=(replace(FIRST, document="c"), SECOND)), False),
        (replace(FINDING, kind="name_variant"), False),
    ],
)
def test_fingerprint_ignores_position_not_content(changed, same):
    assert (baseline.fingerprint(changed) == baseline.fingerprint(FINDING)) is same


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "baseline not found"),
        ("{not json", "not valid JSON"),
        ('{"schema": "claimcheck.report/1", "findings": []}', "not a claimcheck baseline"),
        ("[]", "not a claimcheck baseline"),
        ('{"schema": "claimcheck.baseline/1", "findings": [{"kind": "x"}]}', "damaged"),
        ('{"schema": "claimcheck.baseline/1"}', "damaged"),
    ],
)
def test_a_missing_or_corrupt_baseline_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "known.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(BadBaseline, match=message):
        baseline.load(path)
    (tmp_path / "a.txt").write_text("The bridge opened in 2019.\n")
    for command in (["scan", tmp_path], ["check", tmp_path / "a.txt", "--against", tmp_path]):
        result = run(*command, "--baseline", path)
        assert result.exit_code == 2 and message in flat(result.output)


def test_compare_with_marks_new_unchanged_and_fixed():
    moved = replace(FINDING, id="date-9", claims=(replace(FIRST, start=900, line=40), SECOND))
    fresh = replace(FINDING, id="date-3", claims=(replace(FIRST, value=Value(kind="date", text="2017")), SECOND))
    from claimcheck.models import BaselineEntry, Report

    entries = (BaselineEntry(baseline.fingerprint(FINDING), "date_conflict", "known"),
               BaselineEntry("0" * 20, "count_mismatch", "gone since"))
    report = baseline.compare_with(Report("r", (), (moved, fresh), ()), entries, "known.json")
    assert [f.baseline for f in report.findings] == ["unchanged", "new"]
    assert [e.summary for e in report.baseline.fixed] == ["gone since"]
    assert baseline.counts(report) == {"new": 1, "unchanged": 1, "fixed": 1}


@pytest.mark.slow
def test_baseline_round_trip_through_the_cli(newsroom):
    known = newsroom / "known.json"
    result = run("scan", "corpus", "--write-baseline", known)
    assert result.exit_code == 0, result.output  # written findings are accepted
    data = json.loads(known.read_text())
    assert data["schema"] == "claimcheck.baseline/1"
    [entry] = data["findings"]
    assert entry["kind"] == "date_conflict" and entry["summary"]
    assert not list(newsroom.glob(".known.json.*"))

    result = run("scan", "corpus", "--baseline", known, "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert [f["baseline"] for f in report["findings"]] == ["unchanged"]
    assert report["findings"][0]["fingerprint"] == entry["fingerprint"]
    assert report["summary"]["unchanged"] == 1 and report["summary"]["new"] == 0
    assert "baseline: 0 new, 1 unchanged, 0 fixed" in flat(run("scan", "corpus", "--baseline", known).stdout)


@pytest.mark.slow
def test_a_paragraph_added_at_the_top_keeps_the_finding_known(newsroom):
    known = newsroom / "known.json"
    run("scan", "corpus", "--write-baseline", known)
    before = json.loads(run("scan", "corpus", "--format", "json").stdout)["findings"][0]
    weekly = newsroom / "corpus" / "weekly.txt"
    header, body = weekly.read_text().split("\n\n", 1)
    weekly.write_text(f"{header}\n\nMallow is a market town on the Blackwater river.\n\n{body}")
    result = run("scan", "corpus", "--baseline", known, "--format", "json")
    assert result.exit_code == 0
    [after] = json.loads(result.stdout)["findings"]
    assert after["baseline"] == "unchanged"
    assert after["id"] != before["id"]  # the id follows offsets: the fingerprint is what kept it known


@pytest.mark.slow
def test_a_changed_value_is_new_and_the_old_one_fixed(newsroom):
    known = newsroom / "known.json"
    run("scan", "corpus", "--write-baseline", known)
    weekly = newsroom / "corpus" / "weekly.txt"
    weekly.write_text(weekly.read_text().replace("in 1998", "in 1995"))
    result = run("scan", "corpus", "--baseline", known, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [f["baseline"] for f in report["findings"]] == ["new"]
    assert report["summary"]["fixed"] == 1 and len(report["baseline"]["fixed"]) == 1
    text = flat(run("scan", "corpus", "--baseline", known).stdout)
    assert text.startswith("new ERROR date_conflict") and "Fixed since the baseline" in text


@pytest.mark.slow
def test_check_with_a_baseline_fails_only_on_new_draft_findings(newsroom):
    known = newsroom / "known.json"
    assert run("check", "drafts/contradicts.md", "--against", "corpus", "--write-baseline", known).exit_code == 0
    assert run("check", "drafts/contradicts.md", "--against", "corpus", "--baseline", known).exit_code == 0
    assert run("check", "drafts/contradicts.md", "drafts/self.md", "--against", "corpus",
               "--baseline", known).exit_code == 1


@pytest.mark.slow
def test_an_unwritable_baseline_is_an_error(newsroom):
    result = run("scan", "corpus", "--write-baseline", newsroom / "no" / "such" / "dir" / "known.json")
    assert result.exit_code == 2 and "cannot write" in result.output


@pytest.mark.slow
def test_sarif_carries_the_baseline_state_and_stable_fingerprint(newsroom):
    import jsonschema

    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    known = newsroom / "known.json"
    run("scan", "corpus", "--write-baseline", known)
    weekly = newsroom / "corpus" / "weekly.txt"
    weekly.write_text("date 2024-09-12\n\nThe Fermoy plant opened in 1990.\n\n" + weekly.read_text().split("\n", 1)[1])
    log = json.loads(run("scan", "corpus", "--baseline", known, "--format", "sarif").stdout)
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log)) == []
    [result] = log["runs"][0]["results"]
    assert result["baselineState"] == "unchanged"
    entry = json.loads(known.read_text())["findings"][0]
    assert result["partialFingerprints"]["claimcheckFingerprint/v1"] == entry["fingerprint"]


@pytest.mark.slow
def test_github_and_html_formats_show_the_baseline(newsroom):
    known = newsroom / "known.json"
    run("scan", "corpus", "--write-baseline", known)
    assert run("scan", "corpus", "--baseline", known, "--format", "github").stdout.count("::error") == 0
    assert run("scan", "corpus", "--format", "github").stdout.count("::error") >= 1
    page = run("scan", "corpus", "--baseline", known, "--format", "html").stdout
    assert 'class="badge baseline unchanged"' in page
