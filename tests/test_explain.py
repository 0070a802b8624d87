"""`claimcheck explain ID PATH`: one finding's claims, normalised values and match rule, through the CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.baseline import fingerprint
from claimcheck.cli import app
from claimcheck.errors import UnknownFinding
from claimcheck.explain import describe, locate
from claimcheck.models import Finding, Report
from claimcheck.scan import scan

runner = CliRunner()
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def findings(*args) -> list[dict]:
    return json.loads(run(*args, "--format", "json").stdout)["findings"]


@pytest.mark.slow
def test_every_finding_of_the_founding_corpus_can_be_explained():
    report = scan(CORPUS)
    assert report.findings
    for finding in report.findings:
        data = describe(*locate(report, finding.id), report)
        assert (data["id"], data["kind"], data["status"]) == (finding.id, finding.kind, "finding")
        assert data["reason"] and data["fingerprint"] == fingerprint(finding)
        assert [(c["document"], c["line"]) for c in data["claims"]] == [(c.document, c.line) for c in finding.claims]
        assert len(data["pairs"]) == len(data["claims"]) * (len(data["claims"]) - 1) // 2
    first = report.findings[0]
    result = run("explain", first.id, CORPUS, "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == describe(first, "finding", report)


@pytest.mark.slow
def test_the_text_shows_claims_values_and_the_rule(newsroom):
    [finding] = findings("scan", "corpus")
    result = run("explain", finding["id"], "corpus")
    assert result.exit_code == 0
    out = result.stdout
    assert "matched because: one fact: paraphrased, by one event (open creamery)" in out
    assert "daily.txt:6" in out and "weekly.txt:5" in out
    assert "-> 2001-01-01..2001-12-31 (year)" in out and "-> 1998-01-01..1998-12-31 (year)" in out
    assert "frame: measures open creamery   holder: brightwater dairy" in out
    assert "predicate: open   object: creamery" in out and "modality: asserted" in out
    assert "names in common: brightwater dairy" in out and "do not overlap" in out


@pytest.mark.slow
@pytest.mark.parametrize("how", ["id", "prefix", "fingerprint"])
def test_a_finding_is_found_by_id_prefix_or_fingerprint(newsroom, how):
    [finding] = findings("scan", "corpus")
    ident = {"id": finding["id"], "prefix": finding["id"][:8], "fingerprint": finding["fingerprint"]}[how]
    result = run("explain", ident, "corpus", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == finding["id"]


@pytest.mark.slow
def test_a_check_finding_lists_the_sources(newsroom):
    [finding] = findings("check", "drafts/creamery.md", "--against", "corpus")
    result = run("explain", finding["id"], "drafts/creamery.md", "--against", "corpus", "--format", "json")
    data = json.loads(result.stdout)
    assert [c["document"] for c in data["disagreeing_sources"]] == ["daily"]
    assert [c["document"] for c in data["agreeing_sources"]] == ["weekly"]
    text = run("explain", finding["id"], "drafts/creamery.md", "--against", "corpus").stdout
    assert "corpus sources that agree:\n  corpus/weekly.txt:5  1998" in text


@pytest.mark.slow
def test_a_suppressed_finding_can_be_explained(newsroom):
    note = newsroom / "corpus" / "note.md"
    note.write_text('<!-- claimcheck: ignore-file date_conflict reason="known" -->\n\n'
                    "Brightwater Dairy opened its Mallow creamery in 1996.\n", encoding="utf-8")
    report = json.loads(run("scan", "corpus", "--format", "json").stdout)
    # the note's 1996 clashes with each side of the corpus's own 2001/1998 conflict
    assert len(report["suppressed"]) == 2 and len(report["findings"]) == 1
    for gone in report["suppressed"]:
        data = json.loads(run("explain", gone["id"], "corpus", "--format", "json").stdout)
        assert data["status"] == "suppressed by note line 1: known"


@pytest.mark.slow
@pytest.mark.parametrize(
    "args, message",
    [
        (["date-0000000000", "corpus"], "Ids are shown in brackets by `claimcheck scan`"),
        (["date", "corpus"], "'date' is too short to name one finding"),  # lists what it starts
        (["date-f0", "corpus", "drafts/self.md"], "no finding 'date-f0' among the 2 findings"),
        (["date-f0", "nowhere"], "nowhere"),
    ],
)
def test_unknown_ids_and_bad_paths_exit_2(newsroom, args, message):
    result = run("explain", *args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())


def test_an_ambiguous_prefix_names_the_candidates():
    def finding(ident):
        return Finding(id=ident, kind="date_conflict", severity="error", confidence=0.8, subject="s", summary="s",
                       claims=())

    report = Report("r", (), (finding("date-abc1"), finding("date-abc2")), ())
    with pytest.raises(UnknownFinding, match="date-abc1, date-abc2"):
        locate(report, "date-abc")
    assert locate(report, "date-abc2")[0].id == "date-abc2"


@pytest.mark.slow
def test_a_finding_of_a_scan_of_several_paths(newsroom):
    [count] = [f for f in findings("scan", "corpus", "drafts/self.md") if f["kind"] == "count_mismatch"]
    data = json.loads(run("explain", count["id"], "corpus", "drafts/self.md", "--format", "json").stdout)
    assert data["kind"] == "count_mismatch"
    assert "4 items" in data["pairs"][0]["values"]
