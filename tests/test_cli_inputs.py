"""The command line's inputs and noise level: several paths, standard input, --quiet, --verbose, NO_COLOR."""
from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.delivery import use_color

runner = CliRunner()

ARTICLES = {
    "a.txt": "date 2024-03-04\nThe Riverside Bridge opened in 2019, the council said.\n",
    "b.txt": "date 2024-03-05\nThe Riverside Bridge opened in 2021, the mayor said.\n",
    "c.txt": "date 2024-03-06\nThe Riverside Bridge opened in 2019 after years of delay.\n",
}


def run(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """A newsroom folder as the current folder, the articles in news/."""
    for name, text in ARTICLES.items():
        (tmp_path / "news").mkdir(exist_ok=True)
        (tmp_path / "news" / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMCHECK_MODEL", raising=False)
    return tmp_path


def report_of(result) -> dict:
    return json.loads(result.stdout)


# ------------------------------------------------------------------ several paths, stdin


@pytest.mark.slow
@pytest.mark.parametrize(
    "paths, root, ids, conflicts",
    [
        (["news"], "news", ["a", "b", "c"], 1),
        (["news/a.txt"], ".", ["news/a"], 0),
        (["news/a.txt", "news/b.txt"], ".", ["news/a", "news/b"], 1),
        (["news/a.txt", "news/c.txt"], ".", ["news/a", "news/c"], 0),
        (["news/c.txt", "news"], ".", ["news/a", "news/b", "news/c"], 1),
    ],
)
def test_several_paths_are_scanned_together(desk, paths, root, ids, conflicts):
    result = run("scan", *paths, "--format", "json", "--isolated")
    assert result.exit_code == (1 if conflicts else 0), result.output
    report = report_of(result)
    assert report["root"] == root
    assert sorted(d["id"] for d in report["documents"]) == ids
    assert len(report["findings"]) == conflicts


@pytest.mark.slow
def test_stdin_is_read_as_one_article(desk):
    result = run("scan", "-", "news/b.txt", "--format", "json", "--isolated", input=ARTICLES["a.txt"])
    assert result.exit_code == 1, result.output
    report = report_of(result)
    assert {(d["id"], d["path"]) for d in report["documents"]} == {("stdin", "-"), ("news/b", "news/b.txt")}
    documents = {c["document"] for f in report["findings"] for c in f["claims"]}
    assert documents == {"stdin", "news/b"}
    alone = run("scan", "-", "--format", "json", "--isolated", input=ARTICLES["a.txt"])
    assert alone.exit_code == 0 and report_of(alone)["root"] == "-"


def test_binary_stdin_has_nothing_to_scan(desk):
    result = run("scan", "-", "--isolated", input=b"\x00\x01\x02" * 40)
    assert result.exit_code == 2
    assert "nothing to scan" in result.output and "standard input" in result.output


@pytest.mark.slow
def test_empty_stdin_is_a_document_with_a_warning(desk):
    result = run("scan", "-", "--isolated", "--format", "json", input="")
    assert result.exit_code == 0
    assert report_of(result)["documents"][0]["warnings"] == ["empty file"]


def test_scan_needs_a_path():
    assert run("scan").exit_code == 2


# ------------------------------------------------------------------ --quiet, --verbose


@pytest.mark.slow
def test_quiet_prints_findings_only(desk):
    (desk / "news" / "empty.txt").write_text("")
    loud = run("scan", "news", "--isolated")
    quiet = run("scan", "news", "--isolated", "--quiet")
    assert loud.exit_code == quiet.exit_code == 1
    assert "date_conflict" in quiet.stdout
    for noise in ("Warnings", "documents,", "empty.txt"):
        assert noise in loud.stdout and noise not in quiet.stdout
    assert quiet.stderr == ""


@pytest.mark.slow
def test_quiet_with_nothing_found_prints_nothing(desk):
    result = run("scan", "news/a.txt", "news/c.txt", "-q", "--isolated", "-f", "json", "-o", "report.json")
    assert result.exit_code == 0
    assert result.output == ""
    assert json.loads(Path("report.json").read_text())["findings"] == []
    assert "wrote report.json" in run("scan", "news/a.txt", "--isolated", "-o", "report.json").stderr


@pytest.mark.slow
def test_verbose_lists_documents_and_the_configuration(desk):
    (desk / "claimcheck.toml").write_text('fail-on = "never"\n')
    result = run("scan", "news", "--verbose")
    assert result.exit_code == 0
    assert f"configuration: {desk / 'claimcheck.toml'}" in result.stderr
    assert "a.txt: 1 claim, 2024-03-04 (header)" in result.stdout


@pytest.mark.slow
def test_dates_quiet_drops_the_note(desk):
    loud = run("dates", "news/a.txt", "--isolated")
    quiet = run("dates", "news/a.txt", "--isolated", "--quiet")
    assert "document date 2024-03-04" in loud.stderr
    assert quiet.stderr == "" and quiet.stdout == loud.stdout and "2019" in quiet.stdout


# ------------------------------------------------------------------ colour


class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.mark.parametrize(
    "output, tty, environ, expected",
    [
        (None, True, {}, True),
        (None, True, {"NO_COLOR": "1"}, False),
        (None, True, {"NO_COLOR": ""}, True),  # no-color.org: an empty value does not count
        (None, False, {}, False),
        (Path("report.txt"), True, {}, False),
    ],
)
def test_use_color(output, tty, environ, expected):
    assert use_color(output, _Stream(tty), environ) is expected


def _on_a_terminal(args: list[str], cwd: Path, **env) -> str:
    """Run claimcheck with stdout on a pseudo-terminal, as a person at a terminal sees it."""
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.update(TERM="xterm-256color", **env)
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "claimcheck", *args], stdout=follower,
                               stderr=subprocess.DEVNULL, cwd=cwd, env=environ)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the program ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", errors="replace")


@pytest.mark.slow
def test_no_color_turns_colour_off_on_a_terminal(desk):
    coloured = _on_a_terminal(["scan", "news", "--isolated"], desk)
    plain = _on_a_terminal(["scan", "news", "--isolated"], desk, NO_COLOR="1")
    assert "date_conflict" in coloured and "date_conflict" in plain
    assert "\x1b[" in coloured
    assert "\x1b[" not in plain
