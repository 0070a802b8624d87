"""Every command through the CLI runner, as a user calls it."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("command", [[], ["scan"], ["dates"]])
def test_help_teaches(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output
    if command:
        assert "Example" in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("claimcheck ")


def test_missing_path_is_a_usage_error(tmp_path):
    result = run("scan", tmp_path / "nope")
    assert result.exit_code == 2
    assert "nope" in result.output


def test_empty_folder_has_nothing_to_scan(tmp_path):
    result = run("scan", tmp_path)
    assert result.exit_code == 2
    assert "nothing to scan" in result.output


def test_unknown_format_is_a_usage_error():
    assert run("scan", CORPUS, "--format", "yaml").exit_code == 2


def test_missing_model_names_the_install_command(tmp_path):
    (tmp_path / "a.txt").write_text("The bridge opened in 2019.\n")
    result = run("scan", tmp_path, "--model", "no_such_model_xyz")
    assert result.exit_code == 2
    assert "pip install" in result.output


@pytest.mark.slow
def test_scan_corpus_json_to_file(tmp_path):
    out = tmp_path / "report.json"
    result = run("scan", CORPUS, "--format", "json", "--output", out)
    assert result.exit_code == 1, result.output  # the founding corpus has warnings and errors
    report = json.loads(out.read_text())
    assert report["schema"] == "claimcheck.report/1"
    assert [d["id"] for d in report["documents"]] == sorted(p.stem for p in CORPUS.glob("*.txt"))
    kinds = {f["kind"] for f in report["findings"]}
    assert {"date_conflict", "count_mismatch"} <= kinds
    for finding in report["findings"]:
        for claim in finding["claims"]:
            source = (CORPUS / f"{claim['document']}.txt").read_text(encoding="utf-8")
            span = claim["span"]
            assert source[span["start"] : span["end"]] == claim["text"]
            assert source.count("\n", 0, span["start"]) + 1 == span["line"]
    assert not list(tmp_path.glob(".*.tmp")), "the temporary file must be renamed away"


@pytest.mark.slow
def test_fail_on_controls_the_exit_code(tmp_path):
    assert run("scan", CORPUS, "--fail-on", "never").exit_code == 0
    assert run("scan", CORPUS, "--fail-on", "error").exit_code == 1


@pytest.mark.slow
def test_text_report_quotes_file_and_line():
    result = run("scan", CORPUS)
    assert "003_7347d4b251c3fcbc.txt:21" in result.output
    assert "documents" in result.output.splitlines()[-1]


@pytest.mark.slow
def test_agreeing_articles_exit_zero(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-03-04\nThe Riverside Bridge opened in 2019, the council said.\n")
    (tmp_path / "b.txt").write_text("date 2024-03-05\nThe Riverside Bridge opened in March 2019.\n")
    result = run("scan", tmp_path)
    assert result.exit_code == 0, result.output
    assert "0 findings" in result.output


@pytest.mark.slow
def test_bad_files_become_warnings_and_the_scan_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text("The Riverside Bridge opened in 2019.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = run("scan", tmp_path, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    ids = {d["id"] for d in report["documents"]}
    assert "good" in ids
    skipped = {s["path"] for s in report["skipped"]}
    assert "notes.pdf" in skipped and "binary.txt" in skipped
    empty = [d for d in report["documents"] if d["id"] == "empty"]
    assert not empty or empty[0]["warnings"]


@pytest.mark.slow
def test_dates_command_json(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("The bridge opened in August 2025 and talks began on Friday.\n")
    result = run("dates", doc, "--dct", "2025-08-30", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    by_text = {r["text"]: r for r in rows}
    assert by_text["August 2025"]["value"] == "2025-08"
    assert by_text["August 2025"]["interval"]["granularity"] == "month"
    friday = next(r for r in rows if "Friday" in r["text"])
    assert friday["value"] == "2025-08-29"


def test_dates_rejects_a_bad_dct(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("Hello.\n")
    result = run("dates", doc, "--dct", "yesterday")
    assert result.exit_code == 2 and "--dct" in result.output


@pytest.mark.slow
def test_min_confidence_hides_weaker_findings(tmp_path):
    out_all, out_strict = tmp_path / "all.json", tmp_path / "strict.json"
    run("scan", CORPUS, "--format", "json", "-o", out_all)
    run("scan", CORPUS, "--format", "json", "-o", out_strict, "--min-confidence", "0.8")
    every = json.loads(out_all.read_text())["findings"]
    strict = json.loads(out_strict.read_text())["findings"]
    assert any(f["confidence"] < 0.8 for f in every)
    assert strict and all(f["confidence"] >= 0.8 for f in strict)
    assert len(strict) < len(every)


def test_min_confidence_out_of_range_is_a_usage_error():
    assert run("scan", CORPUS, "--min-confidence", "2").exit_code == 2


@pytest.mark.slow
def test_syndicated_copies_are_listed_and_count_as_one_source(tmp_path):
    story = (
        "LONDON, March 3 (Reuters) - Harbour Freight Ltd agreed to pay 40 million pounds for the port "
        "operator Quayside Holdings, the companies said on Tuesday, in a deal that creates the largest "
        "container business on the east coast. The deal still needs the approval of the competition regulator.\n"
    )
    (tmp_path / "wire.txt").write_text("date 2024-03-03\n" + story)
    (tmp_path / "copy.txt").write_text("date 2024-03-04\nPort deal\n\n" + story + "\nMore business news.\n")
    result = run("scan", tmp_path, "--format", "json")
    report = json.loads(result.stdout)
    by_id = {d["id"]: d for d in report["documents"]}
    assert by_id["wire"]["near_duplicates"] == ["copy"]
    assert by_id["copy"]["near_duplicates"] == ["wire"]
    assert report["corroborations"] == []  # one story printed twice is one source
