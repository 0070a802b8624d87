"""`claimcheck check DRAFT... --against DIR`, through the CLI runner, on the newsroom in conftest.py."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def flat(text: str) -> str:
    """Report text with the terminal's line wrapping undone."""
    return " ".join(text.split())


def check_json(*args):
    result = run("check", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.slow
@pytest.mark.parametrize(
    "draft, code, kinds, disagree, agree",
    [
        ("contradicts.md", 1, ["date_conflict"], {"daily", "wire"}, set()),
        ("agrees.md", 0, [], set(), set()),
        ("creamery.md", 1, ["date_conflict"], {"daily"}, {"weekly"}),
        ("self.md", 1, ["count_mismatch"], set(), set()),
    ],
)
def test_check_reports_only_what_the_draft_gets_wrong(newsroom, draft, code, kinds, disagree, agree):
    exit_code, report = check_json(f"drafts/{draft}", "--against", "corpus")
    assert exit_code == code
    assert [f["kind"] for f in report["findings"]] == kinds
    for finding in report["findings"]:
        assert any(c["document"] == f"drafts/{draft}" for c in finding["claims"])
        assert {c["document"] for c in finding["disagreeing_sources"]} == disagree
        assert {c["document"] for c in finding["agreeing_sources"]} == agree
    assert report["check"]["drafts"] == [f"drafts/{draft}"]
    assert report["check"]["against"] == "corpus"


@pytest.mark.slow
def test_corpus_contradictions_are_counted_not_reported(newsroom):
    scanned = json.loads(run("scan", "corpus", "--format", "json").stdout)
    assert len(scanned["findings"]) == 1  # the creamery's opening year, inside the corpus
    _, report = check_json("drafts/agrees.md", "--against", "corpus")
    assert report["findings"] == []
    assert report["check"]["corpus_findings"] == report["summary"]["corpus_findings"] == 1


@pytest.mark.slow
def test_several_drafts_at_once_and_the_text_report(newsroom):
    result = run("check", "drafts/contradicts.md", "drafts/creamery.md", "--against", "corpus")
    assert result.exit_code == 1
    out = flat(result.stdout)
    assert "corpus sources that disagree: corpus/daily.txt:5 (2023), corpus/wire.txt:5 (June 2023)" in out
    assert "corpus sources that disagree: corpus/daily.txt:6 (2001)" in out
    assert "corpus sources that agree: corpus/weekly.txt:5 (1998)" in out
    assert "checked 2 drafts against corpus" in out


@pytest.mark.slow
@pytest.mark.parametrize("fail_on, code", [("warning", 1), ("error", 0), ("never", 0)])
def test_fail_on_applies_to_a_draft_that_contradicts_itself(newsroom, fail_on, code):
    assert run("check", "drafts/self.md", "--against", "corpus", "--fail-on", fail_on).exit_code == code


@pytest.mark.slow
def test_a_draft_saved_in_the_corpus_is_read_once_as_the_draft(newsroom):
    shutil.copy(newsroom / "drafts" / "contradicts.md", newsroom / "corpus" / "new.md")
    exit_code, report = check_json("corpus/new.md", "--against", "corpus")
    assert exit_code == 1
    ids = [d["id"] for d in report["documents"]]
    assert ids.count("corpus/new.md") == 1 and "new" not in ids


@pytest.mark.slow
def test_a_draft_named_twice_is_read_once(newsroom):
    _, report = check_json("drafts/self.md", "./drafts/self.md", "drafts/contradicts.md", "--against", "corpus")
    assert report["check"]["drafts"] == ["drafts/self.md", "drafts/contradicts.md"]
    assert len(report["findings"]) == 2


@pytest.mark.slow
def test_absolute_draft_paths_are_kept_as_given(newsroom):
    draft = (newsroom / "drafts" / "contradicts.md").as_posix()
    _, report = check_json(draft, "--against", newsroom / "corpus")
    assert report["check"]["drafts"] == [draft]
    assert draft in {c["document"] for c in report["findings"][0]["claims"]}


@pytest.mark.parametrize(
    "args, message",
    [
        (["drafts/contradicts.md"], "--against"),
        (["drafts/missing.md", "--against", "corpus"], "no such draft"),
        (["drafts/notes.pdf", "--against", "corpus"], "cannot read draft"),
        (["drafts/contradicts.md", "--against", "empty"], "nothing to check against"),
        (["drafts/contradicts.md", "--against", "nowhere"], "nowhere"),
    ],
)
def test_usage_errors_exit_2(newsroom, args, message):
    (newsroom / "empty").mkdir()
    (newsroom / "drafts" / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = run("check", *args)
    assert result.exit_code == 2
    assert message in flat(result.output)


@pytest.mark.parametrize("command", ["check", "explain"])
def test_help_teaches(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.slow
def test_the_readme_example_draft_against_the_founding_corpus():
    root = Path(__file__).resolve().parent.parent
    draft = root / "docs" / "examples" / "minerals-explainer.md"
    exit_code, report = check_json(draft, "--against", root / "corpus")
    assert exit_code == 1
    [finding] = report["findings"]
    assert finding["kind"] == "date_conflict"
    assert [c["document"] for c in finding["disagreeing_sources"]] == ["003_7347d4b251c3fcbc"]
    assert [c["document"] for c in finding["agreeing_sources"]] == ["004_d41a41eb8909668a"]
    [agreed] = report["corroborations"]
    assert draft.as_posix() in {c["document"] for c in agreed["claims"]}


@pytest.mark.slow
def test_a_draft_from_standard_input(newsroom):
    text = (newsroom / "drafts" / "contradicts.md").read_text()
    result = runner.invoke(app, ["check", "-", "--against", "corpus", "--format", "json"], input=text)
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["check"]["drafts"] == ["stdin"]
    assert {c["document"] for c in report["findings"][0]["disagreeing_sources"]} == {"daily", "wire"}


@pytest.mark.slow
def test_the_configuration_shapes_the_corpus_and_the_exit_status(newsroom):
    (newsroom / "claimcheck.toml").write_text('exclude = ["weekly.txt"]\nfail-on = "error"\n')
    _, report = check_json("drafts/creamery.md", "--against", "corpus")
    assert "weekly" not in {d["id"] for d in report["documents"]}
    [finding] = report["findings"]
    assert finding["agreeing_sources"] == []
    assert run("check", "drafts/self.md", "--against", "corpus").exit_code == 0  # a warning, fail-on error
    assert run("check", "drafts/self.md", "--against", "corpus", "--isolated").exit_code == 1


@pytest.mark.slow
def test_sarif_of_a_check_points_at_the_draft_and_the_corpus_files(newsroom):
    from urllib.parse import unquote, urljoin, urlparse

    import jsonschema

    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    result = run("check", "drafts/contradicts.md", "--against", "corpus", "--format", "sarif")
    log = json.loads(result.stdout)
    assert list(jsonschema.Draft4Validator(schema).iter_errors(log)) == []
    run_ = log["runs"][0]
    base = run_["originalUriBaseIds"]["SRCROOT"]["uri"]
    [finding] = run_["results"]
    places = [finding["locations"][0], *finding["relatedLocations"]]
    files = {Path(unquote(urlparse(urljoin(base, p["physicalLocation"]["artifactLocation"]["uri"])).path))
             for p in places}
    assert files == {newsroom / "corpus" / "daily.txt", newsroom / "corpus" / "wire.txt",
                     newsroom / "drafts" / "contradicts.md"}


@pytest.mark.slow
def test_quiet_prints_the_findings_only(newsroom):
    out = run("check", "drafts/contradicts.md", "--against", "corpus", "--quiet").stdout
    assert "corpus sources that disagree" in out and "checked 1 draft(s)" not in out
    assert run("check", "drafts/agrees.md", "--against", "corpus", "--quiet").stdout == ""
