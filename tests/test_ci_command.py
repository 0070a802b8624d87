"""CI runs exactly the README's test command: the two are edited together or the suite says so."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_test_command() -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    commands = [line for line in lines if line.rstrip().endswith(".venv/bin/python -m pytest")]
    assert len(commands) == 1, commands
    return commands[0].strip()


def _ci_lines() -> list[str]:
    return [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]


def test_ci_runs_the_readme_test_command():
    assert _readme_test_command() in _ci_lines()


def test_ci_runs_the_dev_set_ratchet_only_when_the_shared_sets_are_there():
    lines = _ci_lines()
    guard = next(i for i, line in enumerate(lines) if line.startswith("if [ -f ../shared/"))
    assert guard > lines.index(_readme_test_command())  # the user's test command comes first
    assert "bench/evaluate.py --check" in lines[guard + 1] and lines[guard + 2] == "fi"


def test_every_floor_names_a_figure_the_evaluator_records():
    import re
    import tomllib

    table = tomllib.loads((ROOT / "bench" / "floors.toml").read_text(encoding="utf-8"))
    source = (ROOT / "bench" / "evaluate.py").read_text(encoding="utf-8")
    recorded = re.findall(r'record\(f?"([a-z-]+\.[^"]+)"', source)
    # "perturbed.must {category}" stands for every category
    patterns = [re.compile(re.escape(key).replace(r"\{category\}", "[a-z]+").replace(r"\{cluster\}", "[a-z0-9-]+"))
                for key in recorded]
    for key in [*table["floor"], *table["ceiling"]]:
        assert any(p.fullmatch(key) for p in patterns), key


def test_the_test_command_installs_the_browser():
    assert "apt-get install" in _readme_test_command() and "chromium" in _readme_test_command()


def test_ci_runs_the_linters_after_the_tests():
    lines = _ci_lines()
    assert lines.index(".venv/bin/ruff check . && .venv/bin/mypy") > lines.index(_readme_test_command())
