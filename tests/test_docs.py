"""Every command has help and a section in docs/reference.md that names each of its options."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from claimcheck.cli import app
from claimcheck.config import KEYS as CONFIG_KEYS

DOCS = Path(__file__).resolve().parent.parent / "docs"
REFERENCE = (DOCS / "reference.md").read_text(encoding="utf-8")
ROOT = typer.main.get_command(app)


def commands(group, prefix: str = "") -> list:
    """Every command by its full name ("scan", "cache prune"), groups of subcommands included."""
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((prefix + name, command))
        if hasattr(command, "commands"):  # a group: typer's own click, not the click package
            found += commands(command, f"{prefix}{name} ")
    return found


COMMANDS = commands(ROOT)


def section(title: str) -> str:
    """The text under the `## title` heading, up to the next `## ` heading."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", REFERENCE, re.M | re.S)
    assert match, f"docs/reference.md has no '## {title}' section"
    return match.group(1)


def test_there_are_commands_to_check():
    assert {"scan", "dates", "cache", "cache prune"} <= dict(COMMANDS).keys()


@pytest.mark.parametrize("name, command", COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_has_help_and_a_reference_section(name, command):
    assert (command.help or "").strip(), f"{name} has no help text"
    text = section(f"claimcheck {name.split()[0]}")  # a group's subcommands are described in its section
    for param in command.params:
        if param.param_type_name == "option":
            assert (param.help or "").strip(), f"{name} {param.opts[0]} has no help text"
            for opt in param.opts + param.secondary_opts:
                assert f"`{opt}`" in text, f"docs/reference.md, claimcheck {name}: {opt} is not described"
        else:
            assert (getattr(param, "help", None) or "").strip(), f"{name}: argument {param.name} has no help text"
            shown = (param.metavar or param.name).upper()
            assert f"`{shown}" in text, f"docs/reference.md, claimcheck {name}: argument {shown} is not described"


def test_global_options_are_documented():
    text = section("claimcheck")
    for param in ROOT.params:
        for opt in param.opts:
            assert f"`{opt}`" in text


def test_every_configuration_key_is_documented():
    text = section("Configuration")
    for key in CONFIG_KEYS:
        assert f"| `{key}` |" in text, f"configuration key {key} is not in the table"


def test_the_check_itself_can_fail():
    with pytest.raises(AssertionError):
        section("claimcheck no-such-command")
    assert "`--no-such-option`" not in section("claimcheck scan")


def test_editors_guide_links_resolve():
    guide = (DOCS / "editors-guide.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\((?!https?:)([^)#]+)", guide + REFERENCE):
        assert (DOCS / target).exists(), target


def test_the_readme_explains_every_finding_kind():
    from claimcheck.models import FINDING_KINDS

    readme = (DOCS.parent / "README.md").read_text(encoding="utf-8")
    table = {row.split("|")[1].strip(" `") for row in readme.splitlines() if row.startswith("| `")}
    assert set(FINDING_KINDS) <= table
