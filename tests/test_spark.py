"""The README's Spark recipe, run as shown on a local Spark (where PySpark and Java are)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from mlgap.batch.partition import assess_partition

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

pytest.importorskip("pyspark", reason="PySpark is not installed: pip install '.[spark]'")
if shutil.which("java") is None:
    pytest.skip("no Java runtime for Spark", allow_module_level=True)


def _recipe() -> str:
    section = README.split("### On Spark", 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_readme_recipe_gives_the_rows_of_assess_partition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spark's rows are assess_partition's, one a résumé, a bad file an error row."""
    from pyspark.sql import SparkSession

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # the workers' Python: this one

    resumes = tmp_path / "resumes"
    resumes.mkdir()
    for example in sorted((ROOT / "examples" / "resumes").glob("*.txt")):
        shutil.copy(example, resumes / example.name)
    (resumes / "broken.pdf").write_bytes(b"%PDF-1.7 not really")
    (resumes / "notes.md").write_text("not matched by the glob", encoding="utf-8")
    out = tmp_path / "rows"
    spark = (
        SparkSession.builder.master("local[1]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .getOrCreate()
    )
    try:
        exec(_recipe(), {"RESUMES": str(resumes), "OUT": str(out)})  # the README block, as shown
    finally:
        spark.stop()
    lines = [ln for part in sorted(out.glob("part-*")) for ln in part.read_text().splitlines()]
    got = sorted((json.loads(line) for line in lines), key=lambda row: row["path"])
    paths = sorted(p for p in resumes.iterdir() if p.suffix in (".txt", ".pdf"))
    expected = assess_partition((p.resolve().as_uri(), p.read_bytes()) for p in paths)
    assert [Path(row["path"]).name for row in got] == [p.name for p in paths]
    statuses = {Path(row["path"]).name: row["status"] for row in got}
    assert statuses == {p.name: "error" if p.suffix == ".pdf" else "ok" for p in paths}
    for row, want in zip(got, expected.rows, strict=True):
        mine = json.loads(want.line)
        for data in (row, mine):
            data.pop("path")
            data.pop("source", None)
        assert row == mine
