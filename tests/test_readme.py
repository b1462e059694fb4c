"""The README shows only what works: its commands and options exist, its outputs are real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlgap.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_first_screen_has_the_two_commands() -> None:
    """Install-and-run on an example, and install-and-test, as the CI script runs it."""
    first_screen = README[:1500]
    assert ".venv/bin/pip install . && .venv/bin/mlgap assess examples/resumes/" in first_screen
    test_command = ".venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest"
    assert test_command in first_screen
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_option_in_the_readme_exists(runner: CliRunner) -> None:
    """Each `mlgap CMD --option` the README shows is in that command's --help."""
    helps: dict[str, str] = {}
    for line in README.splitlines():
        match = re.match(r"(?:cat \S+ \| )?mlgap (assess|batch|skills|roles|catalog)\b(.*)", line)
        if not match:
            continue
        command, rest = match.groups()
        if command not in helps:
            args = ["catalog", "check", "--help"] if command == "catalog" else [command, "--help"]
            helps[command] = runner.invoke(app, args, env={"COLUMNS": "200"}).stdout
        for option in re.findall(r"(?<!\w)--[a-z-]+", rest.split("#")[0]):
            assert option in helps[command], f"{option} of `mlgap {command}`"


def test_the_shown_output_is_current(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """The report lines the README quotes are what mlgap prints today."""
    monkeypatch.chdir(ROOT)
    shown = README.split("examples/output/`):\n\n```\n", 1)[1].split("```", 1)[0]
    args = ["assess", "examples/resumes/mid_level.txt", "--as-of", "2026-12"]
    actual = runner.invoke(app, args).stdout
    for line in shown.strip().splitlines():
        assert line in actual.splitlines(), line


def test_the_shown_match_report_is_current(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The job-ad match the README shows is what mlgap prints today."""
    monkeypatch.chdir(ROOT)
    command = "mlgap assess examples/resumes/mid_level.txt --job examples/jobs/ml_engineer.txt"
    shown = README.split(f"`{command} --as-of 2026-12`:\n\n```\n", 1)[1].split("```", 1)[0]
    args = [*command.split()[1:], "--as-of", "2026-12"]
    assert runner.invoke(app, args).stdout == shown
