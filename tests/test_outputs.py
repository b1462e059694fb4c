"""Outputs that never destroy anything, and failures that say so: issue #9's output rows."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlgap.atomic_write import atomic_file, write_output
from mlgap.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"


def test_a_symlink_is_written_through(runner: CliRunner, tmp_path: Path) -> None:
    """-o naming a symlink writes its target; the link stays a link."""
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = runner.invoke(app, ["assess", "-s", "python", "-f", "json", "-o", str(link)])
    assert result.exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("{")


def test_a_device_or_fifo_is_written_to_not_replaced(runner: CliRunner, tmp_path: Path) -> None:
    """-o /dev/null writes into the device; it is never replaced by a regular file."""
    result = runner.invoke(app, ["assess", "-s", "python", "-o", os.devnull])
    assert result.exit_code == 0
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_an_existing_report_keeps_its_mode(runner: CliRunner, tmp_path: Path) -> None:
    """A private 0600 report stays 0600 when written again; a new one follows the umask."""
    report = tmp_path / "report.json"
    report.write_text("old", encoding="utf-8")
    report.chmod(0o600)
    runner.invoke(app, ["assess", "-s", "python", "-f", "json", "-o", str(report)])
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    fresh = tmp_path / "fresh.json"
    old = os.umask(0o027)
    try:
        runner.invoke(app, ["assess", "-s", "python", "-f", "json", "-o", str(fresh)])
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o640


def test_dash_means_standard_output(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-o - prints the report instead of creating a file named '-'."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["assess", "-s", "python", "-f", "json", "-o", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("{")
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("command", ["assess", "batch"])
def test_a_full_disk_is_an_error_and_leaves_nothing(command: str, tmp_path: Path) -> None:
    """Writing to /dev/full: one line, exit 2, for assess and batch alike."""
    args = ["assess", "-s", "python"] if command == "assess" else ["batch", str(EXAMPLES)]
    for redirect in ("-o", ">"):
        if redirect == "-o":
            done = subprocess.run(
                [sys.executable, "-m", "mlgap", *args, "-o", "/dev/full"], capture_output=True
            )
        else:
            with Path("/dev/full").open("wb") as full:
                done = subprocess.run(
                    [sys.executable, "-m", "mlgap", *args], stdout=full, stderr=subprocess.PIPE
                )
        assert done.returncode == 2, done.stderr
        assert b"No space left on device" in done.stderr and b"Traceback" not in done.stderr


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """When writing fails half way, neither the target nor a temporary file is left."""
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError), atomic_file(target) as handle:
        handle.write(b"half")
        raise RuntimeError("disk gone")
    assert list(tmp_path.iterdir()) == []


def test_temporary_files_of_killed_runs_are_cleaned(tmp_path: Path) -> None:
    """A .tmp left by a process that died (kill -9) is removed by the next write there."""
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = tmp_path / f".out.csv.{dead.stdout.strip()}.abc123.tmp"
    stale.write_bytes(b"half")
    mine = tmp_path / f".out.csv.{os.getpid()}.zzz.tmp"
    mine.write_bytes(b"in progress")  # a live process's: left alone
    write_output("done\n", tmp_path / "out.csv")
    assert not stale.exists() and mine.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["assess", "{resume}", "-o", "{resume}"], "is the résumé being assessed"),
        (["assess", "-s", "python", "-o", "{tmp}"], "is a directory"),
        (["assess", "-s", "python", "-o", "{tmp}/no/such/folder.txt"], "the folder does not exist"),
        (["batch", "{tmp}", "-o", "{tmp}/out.csv"], "inside a folder being assessed"),
        (
            ["batch", "{resume}", "--summary", "{tmp}/x.md", "-o", "{tmp}/x.md"],
            "name the same file",
        ),
        (
            ["batch", "--files-from", "{tmp}/list.txt", "-o", "{tmp}/list.txt"],
            "is one of the inputs",
        ),
        (["batch", "{resume}", "--summary", "{tmp}"], "is a directory"),
    ],
)
def test_outputs_that_would_destroy_an_input_are_refused_first(
    runner: CliRunner, tmp_path: Path, args: list[str], message: str
) -> None:
    """Each is one line and exit 2, before any résumé is read; the input is untouched."""
    resume = tmp_path / "cv.txt"
    resume.write_text("Skills: Python, SQL\n", encoding="utf-8")
    (tmp_path / "list.txt").write_text(f"{resume}\n", encoding="utf-8")
    filled = [a.replace("{resume}", str(resume)).replace("{tmp}", str(tmp_path)) for a in args]
    result = runner.invoke(app, filled)
    assert result.exit_code == 2 and message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert resume.read_text(encoding="utf-8") == "Skills: Python, SQL\n"


def test_a_summary_left_in_the_folder_is_not_assessed_again(
    runner: CliRunner, tmp_path: Path
) -> None:
    """mlgap's own summary, found in a folder on the next run, is left out (no row, no failure)."""
    folder = tmp_path / "cohort"
    folder.mkdir()
    (folder / "a.txt").write_text("Skills: Python, SQL\n", encoding="utf-8")
    runner.invoke(app, ["batch", str(folder), "--summary", str(tmp_path / "summary.md")])
    (folder / "summary.md").write_text((tmp_path / "summary.md").read_text(encoding="utf-8"))
    again = runner.invoke(app, ["batch", str(folder), "-v"])
    assert again.exit_code == 0 and "summary.md" not in again.stdout and ",ok," in again.stdout
    assert "skipped" in again.stderr and "summary.md" in again.stderr
