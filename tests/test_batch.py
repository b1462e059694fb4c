"""mlgap batch: ordering, error rows, exit codes, atomic output, parallel = serial."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlgap.cli.app import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    """A folder of 80 résumés (enough for the worker pool) and some bad files."""
    folder = tmp_path / "cohort"
    (folder / "nested").mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for i in range(80):
        where = folder / "nested" if i % 3 else folder
        (where / f"r{i:03d}.txt").write_text(texts[i % 3], encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "notes.log").write_bytes(b"\x00 a binary log, left out by the default globs")
    return folder


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_rows_are_sorted_and_bad_files_are_error_rows(runner: CliRunner, cohort: Path) -> None:
    """One row per file in path order; bad files get an error row; exit code 4."""
    result = runner.invoke(app, ["batch", str(cohort), "--jobs", "1"])
    assert result.exit_code == 4
    rows = _csv(result.stdout)
    paths = [r["path"] for r in rows]
    assert paths == sorted(paths) and len(rows) == 82
    errors = {Path(r["path"]).name: r["error_kind"] for r in rows if r["status"] == "error"}
    assert errors == {"empty.txt": "empty", "binary.txt": "binary"}
    assert "2 of 82 files could not be assessed" in result.stderr
    ok = [r for r in rows if r["status"] == "ok"]
    assert all(r["score"].isdigit() and r["found"] for r in ok)


def test_jobs_one_and_two_give_identical_output(runner: CliRunner, cohort: Path) -> None:
    """Parallel workers change nothing in the output, byte for byte."""
    outputs = []
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["batch", str(cohort), "--jobs", jobs, "-f", "jsonl"])
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    lines = [json.loads(line) for line in outputs[0].splitlines()]
    assert len(lines) == 82
    assert {line["status"] for line in lines} == {"ok", "error"}
    assert all(line["schema_version"] == 3 for line in lines if line["status"] == "ok")


def test_jsonl_rows_hold_the_assess_report(runner: CliRunner, tmp_path: Path) -> None:
    """The JSON form of a row is the `mlgap assess --format json` object plus the path."""
    resume = EXAMPLES / "mid_level.txt"
    single = json.loads(runner.invoke(app, ["assess", str(resume), "-f", "json"]).stdout)
    row = json.loads(runner.invoke(app, ["batch", str(resume), "-f", "jsonl"]).stdout)
    assert row.pop("path") == str(resume) and row.pop("status") == "ok"
    assert row == single


def test_all_good_exits_zero_and_missing_files_are_rows(runner: CliRunner, tmp_path: Path) -> None:
    """Exit 0 when every file is assessed; a missing path is an error row, not a stop."""
    good = runner.invoke(app, ["batch", str(EXAMPLES / "beginner.txt")])
    assert good.exit_code == 0
    mixed = runner.invoke(app, ["batch", str(EXAMPLES / "beginner.txt"), str(tmp_path / "no")])
    assert mixed.exit_code == 4
    kinds = {Path(r["path"]).name: r["error_kind"] for r in _csv(mixed.stdout)}
    assert kinds == {"beginner.txt": "", "no": "missing"}


def test_files_from_glob_output_and_summary(
    runner: CliRunner, cohort: Path, tmp_path: Path
) -> None:
    """--files-from and --glob choose inputs; --output and --summary are written whole."""
    listing = tmp_path / "list.txt"
    listing.write_text(f"{cohort / 'r000.txt'}\n\n{cohort / 'r003.txt'}\n", encoding="utf-8")
    out, summary = tmp_path / "out.csv", tmp_path / "summary.md"
    result = runner.invoke(
        app,
        [
            "batch",
            "--files-from",
            str(listing),
            "--glob",
            "*.log",
            str(cohort),
            "-o",
            str(out),
            "--summary",
            str(summary),
        ],
    )
    assert result.stdout == ""
    rows = _csv(out.read_text(encoding="utf-8"))
    assert [Path(r["path"]).name for r in rows] == ["notes.log", "r000.txt", "r003.txt"]
    text = summary.read_text(encoding="utf-8")
    assert "3 (2 assessed, 1 failed)" in text and "## Gaps most of the cohort shares" in text
    assert not list(tmp_path.glob(".out.csv.*"))


def test_bad_usage_exits_two(runner: CliRunner, tmp_path: Path) -> None:
    """No inputs, an unreadable list or an unknown format are usage errors."""
    assert runner.invoke(app, ["batch"]).exit_code == 2
    missing = runner.invoke(app, ["batch", "--files-from", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "cannot read the list of files" in missing.stderr
    assert runner.invoke(app, ["batch", str(tmp_path), "-f", "xml"]).exit_code == 2


def _start_long_batch(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """Start a batch of 3000 long résumés; return once it is writing its report."""
    folder = tmp_path / "many"
    folder.mkdir()
    first = folder / "r0000.txt"
    text = (EXAMPLES / "senior_specialist.txt").read_text(encoding="utf-8") * 3
    first.write_text(text, encoding="utf-8")
    for i in range(1, 3000):  # one text under 3000 names: quick to make, slow to assess
        (folder / f"r{i:04d}.txt").hardlink_to(first)
    out = tmp_path / "cohort.jsonl"
    command = [sys.executable, "-m", "mlgap", "batch", str(folder), "-f", "jsonl", "-o", str(out)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)
    _wait_until_writing(process, out)
    return process, out


def _wait_until_writing(process: subprocess.Popen[bytes], out: Path, bound: float = 60) -> None:
    """Wait until the batch's temporary report beside `out` holds rows and the batch still runs.

    mlgap.atomic_write makes a `.<name>.*.tmp` file as soon as writing starts. Rows in it mean
    the worker pool is up too: a signal while the pool is still starting is another case.
    """
    pattern = f".{out.name}.*.tmp"
    deadline = time.monotonic() + bound  # bounds a hang only; the usual wait is a second
    while not any(tmp.stat().st_size for tmp in out.parent.glob(pattern)):
        if process.poll() is not None:
            _, stderr = process.communicate()
            pytest.fail(f"the batch ended ({process.returncode}) before writing: {stderr!r}")
        if time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            pytest.fail(f"no {pattern} with rows appeared in {out.parent} within {bound} s")
        time.sleep(0.01)
    assert process.poll() is None, "the batch finished before it could be interrupted"


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM", "SIGINT", "SIGHUP", "SIGTERM-group"])
def test_an_interrupted_batch_leaves_no_report(tmp_path: Path, how: str) -> None:
    """Killed, terminated, hung up or Ctrl-C'd: no report file, one clean message, no traceback."""
    process, out = _start_long_batch(tmp_path)
    if how == "SIGINT":  # Ctrl-C reaches the whole foreground group
        os.killpg(process.pid, signal.SIGINT)
    elif how == "SIGTERM-group":  # `kill -- -PGID`: the workers get it too, and die quietly
        os.killpg(process.pid, signal.SIGTERM)
    else:  # kill and kill -9 reach the main process only: its workers must end by themselves
        process.send_signal(getattr(signal, how))
    _, stderr = process.communicate(timeout=60)
    assert not out.exists()
    if how == "SIGKILL":
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 130
        assert b"interrupted: no report was written" in stderr
        assert b"Traceback" not in stderr and len(stderr.splitlines()) == 1
        assert not list(tmp_path.glob(".cohort.jsonl.*"))
