"""An engine-neutral way to assess a cohort: any engine (Dask, Spark, a queue worker) hands
`assess_partition` an iterable of (source, bytes) and gets one row each, in order, and a
summary of its own; summaries merge (`Summary.merge`), so partitions need no shuffle.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mlgap.batch.rows import BatchRow
from mlgap.batch.run import BatchJob
from mlgap.batch.summary import Summary
from mlgap.read.document import DEFAULT_MAX_BYTES
from mlgap.render.batch_rows import ROW_FORMATS
from mlgap.toolkit import Toolkit


@dataclass(frozen=True, slots=True)
class Partition:
    """The rows of one partition, in its order, and their summary."""

    rows: tuple[BatchRow, ...]
    summary: Summary


def assess_partition(
    items: Iterable[tuple[str, bytes]],
    *,
    fmt: str = "jsonl",
    role: str | None = None,
    catalog: str | Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    kit: Toolkit | None = None,
    as_of: date | None = None,
) -> Partition:
    """Assess (source, bytes) pairs against `role`: one row each, a bad one an error row.

    The toolkit is loaded once per call (from the start-up cache: milliseconds) unless
    `kit` is given; a partition is hundreds of résumés, so that is once per worker's task.
    """
    kit = kit or Toolkit.load(catalog)
    role_id = role or kit.catalog.default_role
    job = BatchJob(kit, role_id, max_bytes, ROW_FORMATS[fmt], as_of=as_of)
    summary = Summary.for_role(kit.catalog, role)
    rows = []
    for source, data in items:
        row = job.assess_bytes(source, data)
        if not row.skipped:
            summary.add(row)
        rows.append(row)
    return Partition(tuple(rows), summary)
