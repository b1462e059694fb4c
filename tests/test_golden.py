"""Folder-driven golden cases: tests/cases/<name>/ holds args.json, maybe input.txt, and the
exact expected output. Run with MLGAP_UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlgap.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p for p in (ROOT / "tests" / "cases").iterdir() if p.is_dir())
UPDATE = os.environ.get("MLGAP_UPDATE_GOLDEN") == "1"


def _check(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with MLGAP_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command in args.json prints exactly expected.json."""
    monkeypatch.chdir(ROOT)
    args = json.loads((case / "args.json").read_text(encoding="utf-8"))
    stdin = case / "input.txt"
    result = runner.invoke(
        app, args, input=stdin.read_text(encoding="utf-8") if stdin.exists() else None
    )
    assert result.exit_code == 0, result.stderr
    _check(case / "expected.json", result.stdout)


@pytest.mark.parametrize("name", ["beginner", "mid_level", "senior_specialist"])
def test_example_outputs_are_current(
    name: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """examples/output/ shows what `mlgap assess` prints today for each example résumé."""
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["assess", f"examples/resumes/{name}.txt"])
    assert result.exit_code == 0
    _check(ROOT / "examples" / "output" / f"{name}.txt", result.stdout)
