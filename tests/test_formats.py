"""The jsonl and github formats, and the --format choices, through the CLI as a user calls them."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.report import FORMATS, render
from claimcheck.report.github_format import escape_data, escape_property
from tests.cli_reports import CORPUS, ROOT, scan_output
from tests.report_samples import HOSTILE_PATH, HOSTILE_SUBJECT, HOSTILE_SUMMARY, empty_report, sample_report

FIXTURES = ROOT / "fixtures"
SCANNED = [CORPUS, FIXTURES / "count_inline", FIXTURES / "cp1252", FIXTURES / "html_article"]

# ::LEVEL key=value,key=value::message, where values and message carry no raw separators or line breaks
ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) "
    r"(?P<props>file=[^,:\r\n]+(?:,line=\d+)?,title=[^,:\r\n]+)"
    r"::(?P<message>[^\r\n]*)$"
)


def _unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def _annotations(text: str) -> list[dict]:
    out = []
    for line in text.splitlines():
        match = ANNOTATION.match(line)
        assert match, f"not a workflow command: {line!r}"
        props = dict(pair.split("=", 1) for pair in match["props"].split(","))
        out.append({"level": match["level"], **{k: _unescape(v) for k, v in props.items()},
                    "message": _unescape(match["message"])})
    return out


def test_help_lists_every_registered_format():
    result = CliRunner().invoke(app, ["scan", "--help"])
    choices = re.search(r"--format \[([^\]]+)\]", result.output)
    assert choices and choices[1].split("|") == list(FORMATS)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"text"}))
def test_every_format_writes_a_file_with_output(tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    small = FIXTURES / "count_inline"
    result = CliRunner().invoke(app, ["scan", str(small), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 1, result.output  # the fixture has warnings
    assert out.read_text(encoding="utf-8") == scan_output(small, fmt) != ""


@pytest.mark.slow
@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.name)
def test_jsonl_lines_are_the_json_findings(path):
    lines = scan_output(path, "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == json.loads(scan_output(path, "json"))["findings"]


@pytest.mark.slow
def test_jsonl_has_a_line_for_every_finding_of_the_corpus():
    findings = json.loads(scan_output(CORPUS, "json"))["summary"]["findings"]
    assert len(scan_output(CORPUS, "jsonl").splitlines()) == findings


@pytest.mark.slow
@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.name)
def test_github_annotations_point_at_every_quoted_line(path):
    report = json.loads(scan_output(path, "json"))
    annotations = _annotations(scan_output(path, "github"))
    paths = {d["id"]: d["path"] for d in report["documents"]}
    level = {"error": "error", "warning": "warning", "info": "notice"}
    for finding in report["findings"]:
        placed = {(a["file"], int(a["line"])) for a in annotations if finding["id"] in a["message"]}
        assert placed == {(paths[c["document"]], c["span"]["line"]) for c in finding["claims"]}
        assert {a["level"] for a in annotations if finding["id"] in a["message"]} == {level[finding["severity"]]}
    warnings = [(d["path"], w) for d in report["documents"] for w in d["warnings"]]
    assert [(a["file"], a["message"]) for a in annotations if "line" not in a] == warnings + [
        (s["path"], s["reason"]) for s in report["skipped"]
    ]


def test_github_escapes_separators_and_line_breaks():
    annotations = _annotations(render(sample_report(), "github"))
    first = annotations[0]
    assert first["file"] == HOSTILE_PATH
    assert first["title"].endswith(HOSTILE_SUBJECT)
    assert first["message"].startswith(HOSTILE_SUMMARY)
    assert any(a["file"] == "photo, 1.jpg" for a in annotations)


@pytest.mark.parametrize(
    "raw, data, prop",
    [
        ("50%", "50%25", "50%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("k: v, w", "k: v, w", "k%3A v%2C w"),
        ("%0A", "%250A", "%250A"),  # an escape already in the text stays literal
    ],
)
def test_github_escaping_follows_the_actions_toolkit(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


@pytest.mark.parametrize("severity, level", [("error", "error"), ("warning", "warning"), ("info", "notice")])
def test_github_levels_follow_severity(severity, level):
    annotations = _annotations(render(sample_report((severity,)), "github"))
    assert {a["level"] for a in annotations if "line" in a} == {level}


@pytest.mark.parametrize("fmt", ["jsonl", "github"])
def test_an_empty_report_is_empty(fmt):
    assert render(empty_report(), fmt) == ""
