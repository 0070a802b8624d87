"""The pre-commit hook: a manifest pre-commit accepts, that picks article files and runs a real scan on them."""
from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from pre_commit.clientlib import load_manifest
from pre_commit.commands.run import Classifier, filter_by_include_exclude
from typer.testing import CliRunner

from claimcheck.cli import app

MANIFEST = Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml"
runner = CliRunner()


@pytest.fixture(scope="module")
def hook() -> dict:
    hooks = load_manifest(str(MANIFEST))  # pre-commit's own schema check
    assert [h["id"] for h in hooks] == ["claimcheck"]
    return hooks[0]


def test_the_hook_runs_scan_on_the_changed_files(hook):
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    assert hook["require_serial"] is True  # one process: the files are compared with each other
    program, *command = shlex.split(hook["entry"])
    assert program == "claimcheck" and command == ["scan"]


def selected(hook: dict, names: list[str]) -> list[str]:
    """The files pre-commit would pass to the hook, by its own filters."""
    classifier = Classifier(names)
    by_name = filter_by_include_exclude(classifier.filenames, hook["files"], hook["exclude"])
    return sorted(classifier.by_types(by_name, hook["types"], hook["types_or"], hook["exclude_types"]))


def test_the_hook_picks_articles_only(hook, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    names = ["a.md", "b.txt", "c.html", "d.HTM", "e.markdown", "setup.py", "notes.pdf", "data.json", "Makefile"]
    for name in names:
        Path(name).write_bytes(b"%PDF-1.4\x00" if name.endswith(".pdf") else b"text\n")
    assert selected(hook, names) == ["a.md", "b.txt", "c.html", "d.HTM", "e.markdown"]


@pytest.mark.slow
def test_the_hook_command_fails_a_commit_with_a_contradiction(hook, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("news").mkdir()
    Path("news/a.md").write_text("date 2024-03-04\n\nThe Riverside Bridge opened in 2019, the council said.\n")
    Path("news/b.txt").write_text("date 2024-03-05\nThe Riverside Bridge opened in 2021, the mayor said.\n")
    Path("setup.py").write_text("print('not an article')\n")
    files = selected(hook, ["news/a.md", "news/b.txt", "setup.py"])
    command = shlex.split(hook["entry"])[1:] + hook["args"] + files
    result = runner.invoke(app, command + ["--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert [f["kind"] for f in report["findings"]] == ["date_conflict"]
    assert sorted(d["id"] for d in report["documents"]) == ["news/a", "news/b"]
