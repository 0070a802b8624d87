"""The HTML report of the founding corpus, opened from disk in headless Chromium, as an editor would open it.

Chromium comes from Debian (`apt-get install -y chromium`; the README's test
command installs it). Without it these tests fail, naming the install command,
unless CLAIMCHECK_ALLOW_NO_BROWSER=1 says a machine cannot have a browser. The
screenshot is kept in build/test-artifacts/ for a person to look at.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.cli_reports import CORPUS, ROOT, scan_output
from tests.html_page import read_page, squash

INSTALL = "apt-get update && apt-get install -y chromium"
ARTIFACTS = ROOT / "build" / "test-artifacts"
WIDTH, HEIGHT = 1280, 2000

pytestmark = pytest.mark.slow


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CLAIMCHECK_ALLOW_NO_BROWSER") == "1":
        pytest.skip("no Chromium, and CLAIMCHECK_ALLOW_NO_BROWSER=1")
    pytest.fail(f"headless Chromium is needed to test the HTML report; install it with: {INSTALL}")


def run_browser(profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
        f"--user-data-dir={profile}",
        # a page that tried to reach the network would find no host at all
        "--host-resolver-rules=MAP * ~NOTFOUND", *args,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(scan_output(CORPUS, "html"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def report() -> dict:
    return json.loads(scan_output(CORPUS, "json"))


@pytest.fixture(scope="module")
def dom(page_file, tmp_path_factory):
    dumped = run_browser(tmp_path_factory.mktemp("profile"), "--dump-dom", page_file.as_uri()).stdout
    assert "<html" in dumped, "Chromium printed no page"
    return read_page(dumped)


def test_the_summary_shows_the_counts(dom, report):
    counts = report["summary"]
    for number, word in [(counts["documents"], "documents"), (counts["error"], "error"),
                         (counts["warning"], "warning"), (counts["corroborations"], "corroboration")]:
        assert f"{number} {word}" in dom.text
    assert f"{counts['findings']} findings to check before publishing" in dom.text
    assert {"Summary", "Findings", "Corroborations", "Documents", "Warnings"} <= set(dom.headings)


def test_each_finding_shows_its_summary_and_every_conflicting_quote(dom, report):
    assert report["findings"], "the founding corpus has findings"
    for finding in report["findings"]:
        assert squash(finding["subject"]) in dom.headings
        assert squash(finding["summary"]) in dom.text
        for claim in finding["claims"]:
            assert squash(claim["text"]) in dom.text
            assert f"line {claim['span']['line']}" in dom.text


def test_values_are_highlighted(dom, report):
    for finding in report["findings"]:
        for claim in finding["claims"]:
            value = claim["value"]
            wanted = value["items"] if value["kind"] == "list" else [value["text"]]
            assert {squash(w) for w in wanted} <= {squash(m) for m in dom.marks}, claim["text"]


def test_document_links_resolve(dom, report):
    assert dom.links and all(link.startswith("#") for link in dom.links)
    assert {link[1:] for link in dom.links} <= set(dom.ids)
    assert sum(1 for i in dom.ids if i.startswith("doc-")) == len(report["documents"])
    for document in report["documents"]:
        assert document["path"] in dom.text
        for warning in document["warnings"]:
            assert squash(warning) in dom.text


def test_nothing_outside_the_page_is_requested(dom):
    assert dom.fetches == []
    assert not {"script", "img", "link", "iframe", "object", "embed"} & dom.tags


def _png_size_and_pixels(data: bytes) -> tuple[tuple[int, int], bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    size, at, idat = None, 8, b""
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        chunk = data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        at += 12 + length
    return size, zlib.decompress(idat)


def test_screenshot_is_saved_and_shows_a_page(page_file, tmp_path):
    shot = tmp_path / "html-report.png"
    run_browser(tmp_path / "profile", f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", page_file.as_uri())
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / "html-report.png")
    size, pixels = _png_size_and_pixels(shot.read_bytes())
    assert size == (WIDTH, HEIGHT)
    # a blank page filters to a few byte values; text, badges and highlights give many
    assert len(set(pixels)) > 64
