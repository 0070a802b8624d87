"""CI runs exactly the README's test command: the two are edited together or the suite says so."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_test_command() -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    commands = [line for line in lines if line.rstrip().endswith(".venv/bin/python -m pytest")]
    assert len(commands) == 1, commands
    return commands[0].strip()


def test_ci_runs_the_readme_test_command():
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert ci_lines[-1] == _readme_test_command()


def test_the_test_command_installs_the_browser():
    assert "apt-get install" in _readme_test_command() and "chromium" in _readme_test_command()
