"""Batch inputs that are never silently lost or invented: issue #9's batch rows."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mlgap import hostile
from mlgap.batch.run import CHUNK, worker_count
from mlgap.cli import app


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with résumés in any case of extension, and a file the globs leave out."""
    root = tmp_path / "cohort"
    (root / "sub").mkdir(parents=True)
    (root / "CV.TXT").write_text("Skills: Python\n", encoding="utf-8")
    (root / "sub" / "Resume.Md").write_text("Skills: SQL\n", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8 not a resume")
    return root


def test_globs_match_any_case_and_skipped_files_are_named(runner: CliRunner, folder: Path) -> None:
    """CV.TXT and Resume.Md are résumés; photo.jpg is named as skipped under --verbose."""
    result = runner.invoke(app, ["batch", str(folder), "-v"])
    assert result.exit_code == 0, result.stderr
    assert [Path(r["path"]).name for r in _rows(result.stdout)] == ["CV.TXT", "Resume.Md"]
    assert "photo.jpg" in result.stderr


def test_dash_reads_paths_from_stdin_and_null_lists(runner: CliRunner, folder: Path) -> None:
    """`mlgap batch -` takes a list of paths on stdin; -0 takes them NUL-separated."""
    one = folder / "CV.TXT"
    lines = runner.invoke(app, ["batch", "-"], input=f"# a comment\n\n{one}\n")
    assert [r["path"] for r in _rows(lines.stdout)] == [str(one)]
    nul = runner.invoke(app, ["batch", "-", "-0"], input=f"{one}\0{folder / 'sub'}\0")
    assert len(_rows(nul.stdout)) == 2


def test_the_same_file_twice_is_one_row(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`./a` and `a` (and a folder holding a) are one résumé."""
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["batch", "CV.TXT", "./CV.TXT", "."])
    assert [r["path"] for r in _rows(result.stdout)].count("CV.TXT") == 1
    assert len(_rows(result.stdout)) == 2


def test_an_empty_batch_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    """No file matched: exit 2 and one line naming the folder and the globs."""
    result = runner.invoke(app, ["batch", str(tmp_path)])
    assert result.exit_code == 2 and "no résumés found under" in result.stderr


def test_an_unreadable_subfolder_is_an_error_row(
    runner: CliRunner, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed becomes a row of its own, not a silent gap."""
    real = os.scandir
    locked = str(folder / "sub")

    def scandir(path: Any = ".") -> Iterator[os.DirEntry[str]]:
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = runner.invoke(app, ["batch", str(folder)])
    rows = {Path(r["path"]).name: r for r in _rows(result.stdout)}
    assert rows["sub"]["error_kind"] == "unreadable" and result.exit_code == 4


def test_a_slow_file_becomes_a_too_slow_row(runner: CliRunner, tmp_path: Path) -> None:
    """One résumé over --timeout is an error row; the batch goes on and finishes."""
    (tmp_path / "slow.pdf").write_bytes(hostile.pdf_shared_stream(0.1))  # some 3 s of parsing
    (tmp_path / "fine.txt").write_text("Skills: Python\n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(tmp_path), "--timeout", "0.1"])
    rows = {Path(r["path"]).name: r for r in _rows(result.stdout)}
    assert rows["slow.pdf"]["error_kind"] == "too-slow" and rows["fine.txt"]["status"] == "ok"
    assert result.exit_code == 4


def test_jobs_are_clamped_to_what_helps() -> None:
    """--jobs 1000 starts no more workers than cores, nor than chunks of work."""
    cores = os.cpu_count() or 1
    assert worker_count(1000, 10_000) == cores
    assert worker_count(0, CHUNK) == 1
    assert worker_count(2, 1) == 1
