"""Folder-driven golden cases: one folder under tests/cases/ per command, with its exact output.

A case folder `tests/cases/<name>/` holds:

- `args.json`: the command's arguments, a JSON list; `{case}` in them stands for the case
  folder's absolute path, so a case can carry its own files (a résumé, a broken catalog).
- `input.txt` (optional): standard input.
- `expected.json` or `expected.txt`: the exact standard output (`.txt` when it is not JSON,
  or empty).
- `expected_stderr.txt`: the exact standard error; optional when the exit code is 0 (then
  standard error is not compared), required otherwise, so a failing case pins its message.
- `exit_code` (optional): the expected exit code, a bare integer; 0 when absent.

The command runs from the repository root, and the case folder's absolute path is written as
`{case}` in the output compared, so expected files hold no machine's own paths: name files
by relative paths or `{case}/...`. Run with MLGAP_UPDATE_GOLDEN=1 to rewrite the expected
files, exit codes included, after a deliberate change.
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


def _stdout_file(case: Path, actual: str) -> Path:
    """Return the case's expected-stdout file; a new one is .json only when stdout is JSON."""
    for name in ("expected.json", "expected.txt"):
        if (case / name).exists():
            return case / name
    try:
        json.loads(actual)
    except ValueError:
        return case / "expected.txt"
    return case / "expected.json"


def _check_exit_code(case: Path, actual: int, stderr: str) -> None:
    path = case / "exit_code"
    if UPDATE:
        if actual:
            path.write_text(f"{actual}\n", encoding="utf-8")
        else:
            path.unlink(missing_ok=True)
    expected = int(path.read_text(encoding="utf-8")) if path.exists() else 0
    assert actual == expected, stderr


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command in args.json prints exactly the expected output and exits as expected."""
    monkeypatch.chdir(ROOT)
    raw = json.loads((case / "args.json").read_text(encoding="utf-8"))
    args = [arg.replace("{case}", str(case)) for arg in raw]
    stdin = case / "input.txt"
    result = runner.invoke(
        app, args, input=stdin.read_text(encoding="utf-8") if stdin.exists() else None
    )
    stdout = result.stdout.replace(str(case), "{case}")
    stderr = result.stderr.replace(str(case), "{case}")
    _check_exit_code(case, result.exit_code, stderr)
    _check(_stdout_file(case, stdout), stdout)
    stderr_file = case / "expected_stderr.txt"
    if result.exit_code or stderr_file.exists() or (UPDATE and stderr):
        _check(stderr_file, stderr)


@pytest.mark.parametrize("name", ["beginner", "mid_level", "senior_specialist"])
def test_example_outputs_are_current(
    name: str, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """examples/output/ shows what `mlgap assess` prints today for each example résumé
    ("present" in a work history pinned to one month, so that the files stay current)."""
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["assess", f"examples/resumes/{name}.txt", "--as-of", "2026-12"])
    assert result.exit_code == 0
    _check(ROOT / "examples" / "output" / f"{name}.txt", result.stdout)
