"""A batch on Dask: the résumés are read here, sent in partitions to the cluster's workers,
assessed there by `assess_partition`, and their rows come back in path order.

Only the bytes travel, so the workers need no access to this machine's files. Partitions
in flight are bounded, so memory stays flat however many résumés there are.
"""

from __future__ import annotations

import contextlib
import importlib
import os
from collections import deque
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from mlgap.batch.partition import assess_partition
from mlgap.batch.rows import BatchRow
from mlgap.errors import InputError, MlgapError
from mlgap.read.document import DEFAULT_MAX_BYTES, read_bytes
from mlgap.render.batch_rows import ROW_FORMATS

PARTITION = 256  # résumés a task takes: one toolkit load (milliseconds) per many résumés
IN_FLIGHT = 2  # partitions per worker sent ahead


@contextlib.contextmanager
def dask_client(address: str, workers: int = 0) -> Iterator[Any]:
    """Yield a client of the cluster at `address` ("local": a new local cluster of
    `workers` processes, 0: one per core), closed (with a local cluster) at the end."""
    try:
        # Imported only for --dask, and held as Any: distributed's API is untyped.
        distributed: Any = importlib.import_module("dask.distributed")
    except ImportError:
        raise InputError(
            "Dask is not installed", fix="pip install 'mlgap[dask]', or run without --dask"
        ) from None
    if address == "local":
        import logging

        cores = os.cpu_count() or 1
        with (
            distributed.LocalCluster(
                n_workers=max(1, min(workers or cores, cores)),
                threads_per_worker=1,
                dashboard_address=None,
                # A worker may log a failed heartbeat with a traceback while the cluster
                # shuts down; what goes wrong in a task comes back as its result instead.
                silence_logs=logging.CRITICAL,
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = distributed.Client(address, timeout="10s")
    except (OSError, ValueError) as exc:  # ValueError: an address that is not one
        raise InputError(
            f"cannot reach the Dask scheduler at {address}: {exc}",
            fix="check the address (tcp://HOST:8786), or use --dask local",
        ) from None
    with client:
        yield client


def run_on_dask(
    client: Any,
    paths: list[str],
    *,
    fmt: str = "csv",
    role: str | None = None,
    catalog: str | Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    known_errors: dict[str, str] | None = None,
    as_of: date | None = None,
) -> Iterator[BatchRow]:
    """Yield one row per path, in the order of `paths`, assessed on the cluster's workers."""
    rows_format = ROW_FORMATS[fmt]
    errors = known_errors or {}
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque[tuple[list[BatchRow | None], Any]] = deque()
    for start in range(0, len(paths), PARTITION):
        chunk = paths[start : start + PARTITION]
        local: list[BatchRow | None] = []
        items = []
        for path in chunk:
            if path in errors:  # found unreadable while the paths were collected
                local.append(BatchRow.failed(path, "unreadable", errors[path], rows_format))
                continue
            try:
                items.append((path, read_bytes(path, max_bytes)))
                local.append(None)  # its row comes from the cluster
            except MlgapError as error:
                local.append(BatchRow.failed(path, error.kind, error.message, rows_format))
        future = client.submit(
            assess_partition, items, fmt=fmt, role=role, catalog=catalog, max_bytes=max_bytes,
            as_of=as_of, pure=False,
        )  # fmt: skip
        pending.append((local, future))
        while len(pending) > IN_FLIGHT * workers:
            yield from _rows(*pending.popleft())
    while pending:
        yield from _rows(*pending.popleft())


def _rows(local: list[BatchRow | None], future: Any) -> Iterator[BatchRow]:
    """Yield a partition's rows in path order: read errors from here, the rest from it."""
    assessed = iter(future.result().rows)
    for row in local:
        yield row if row is not None else next(assessed)
