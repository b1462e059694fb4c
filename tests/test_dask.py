"""Past one machine: the engine-neutral partition API, summaries that merge, and Dask."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mlgap import Toolkit
from mlgap.batch.partition import assess_partition
from mlgap.batch.run import run_batch
from mlgap.batch.summary import Summary
from mlgap.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
COHORT = sorted((ROOT / "examples" / "resumes").glob("*.txt")) + sorted(
    (ROOT / "examples" / "personas").glob("*.txt")
)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A local cluster of two workers (threads: quick to start, nothing leaves the machine)."""
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as local:
        yield local


def _cohort(tmp_path: Path) -> list[str]:
    """The shipped résumés, a binary file and a missing one, in a fixed order."""
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    return [str(p) for p in COHORT] + [str(binary), str(tmp_path / "gone.txt")]


def test_partitions_summarise_apart_and_merge(kit: Toolkit) -> None:
    items = [(str(p), p.read_bytes()) for p in COHORT]
    whole = assess_partition(items, kit=kit)
    first, second = assess_partition(items[:4], kit=kit), assess_partition(items[4:], kit=kit)
    assert first.rows + second.rows == whole.rows
    merged = first.summary.merge(second.summary)
    assert merged == whole.summary
    assert merged.markdown() == whole.summary.markdown()


def test_a_partition_gives_the_local_batchs_rows(kit: Toolkit) -> None:
    paths = [str(p) for p in COHORT]
    local = list(run_batch(paths, fmt="jsonl", jobs=1, kit=kit))
    part = assess_partition([(p, Path(p).read_bytes()) for p in paths], fmt="jsonl", kit=kit)
    assert [r.line for r in part.rows] == [r.line for r in local]


def test_a_bad_item_is_an_error_row(kit: Toolkit) -> None:
    rows = assess_partition([("a.txt", b""), ("b.txt", b"Python and SQL")], kit=kit).rows
    assert rows[0].error_kind == "empty" and rows[1].score is not None


def test_dask_gives_the_same_rows_and_summary_as_the_local_batch(
    runner: CliRunner, tmp_path: Path, cluster: Any
) -> None:
    paths = _cohort(tmp_path)
    outputs = {}
    for name, extra in (("local", []), ("dask", ["--dask", cluster.scheduler_address])):
        summary = tmp_path / f"{name}.md"
        result = runner.invoke(
            app, ["batch", *paths, "-f", "jsonl", "--summary", str(summary), *extra]
        )
        assert result.exit_code == 4  # two files could not be assessed, in both runs
        outputs[name] = (result.stdout, summary.read_text(encoding="utf-8"))
    assert outputs["dask"] == outputs["local"]
    assert outputs["dask"][0].count("\n") == len(paths)


def test_dask_refuses_a_job_ad_target(runner: CliRunner, cluster: Any) -> None:
    ad = ROOT / "examples" / "jobs" / "ml_engineer.txt"
    result = runner.invoke(
        app, ["batch", str(COHORT[0]), "--job", str(ad), "--dask", cluster.scheduler_address]
    )
    assert result.exit_code == 2 and "--dask assesses against a catalog role" in result.stderr


def test_summaries_of_nothing_merge_to_nothing() -> None:
    assert Summary().merge(Summary()) == Summary()


def test_a_slim_row_is_small_and_says_what_a_board_needs(runner: CliRunner) -> None:
    import json

    result = runner.invoke(app, ["batch", str(COHORT[0]), str(COHORT[1]), "-f", "jsonl-slim"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2 and all(len(line) < 2048 for line in result.stdout.splitlines())
    assert set(rows[0]) == {
        "path", "status", "schema_version", "role", "score", "phase", "level", "ml_years",
        "seniority", "found", "implied", "missing",
    }  # fmt: skip
    assert set(rows[0]["missing"]) == {"core", "important", "bonus"}


def test_a_bad_scheduler_address_is_one_line(runner: CliRunner) -> None:
    pytest.importorskip("dask.distributed")
    result = runner.invoke(app, ["batch", str(COHORT[0]), "--dask", "notanaddress"])
    assert result.exit_code == 2
    assert result.stderr.startswith("mlgap: error: cannot reach the Dask scheduler at notanaddress")
