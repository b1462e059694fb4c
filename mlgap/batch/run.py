"""Assess many résumés in parallel and yield their rows in path order.

A bad file becomes an error row and the batch goes on. Rows come back in the order of the
paths whatever the number of workers, one at a time, so memory stays flat. Workers format
each row's output line themselves, so the parent only writes and tallies.

The job travels explicitly: in-process runs hold it in a local `BatchJob`; only a worker
process keeps one in a module global (set by its initializer), tunes its own collector and
holds each résumé to the time budget (an error row `too-slow`, the batch goes on).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from types import FrameType

from mlgap.assess.scoring import role_of
from mlgap.batch.rows import BatchRow
from mlgap.errors import MlgapError
from mlgap.read.document import DEFAULT_MAX_BYTES, read_document
from mlgap.render.batch_rows import ROW_FORMATS, RowFormat
from mlgap.toolkit import Toolkit

CHUNK = 32  # résumés a worker takes at a time: few round trips, still smooth progress
WINDOW = 4  # chunks in flight per worker
DEFAULT_TIMEOUT = 30.0  # seconds one résumé may take in a worker; a real one takes ms
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
# mlgap's own outputs, left in a folder that is assessed again, are not résumés.
_OWN_OUTPUTS = ("# mlgap cohort summary", "# mlgap report: ")


class TooSlow(BaseException):
    """A résumé took longer than the time budget.

    A BaseException, so that no `except Exception` on the way (a reader's "damaged file"
    handler) mistakes the alarm for a fault of the file.
    """


@dataclass(frozen=True, slots=True)
class BatchJob:
    """What every résumé of one batch is assessed with."""

    kit: Toolkit
    role: str
    max_bytes: int
    rows: RowFormat
    known_errors: dict[str, str] = field(default_factory=dict)  # path -> why it is unreadable
    timeout: float | None = None  # seconds a résumé may take (worker processes only)

    def assess_path(self, path: str) -> BatchRow:
        """Assess one résumé; any failure becomes an error row."""
        if path in self.known_errors:
            return BatchRow.failed(path, "unreadable", self.known_errors[path], self.rows)
        try:
            doc = read_document(path, self.max_bytes)
            if doc.text.startswith(_OWN_OUTPUTS):
                message = "an mlgap report or summary, not a résumé: left out"
                return BatchRow.failed(path, "mlgap-output", message, self.rows)
            report = self.kit.assess_document(doc, self.role)
        except MlgapError as error:
            return BatchRow.failed(path, error.kind, error.message, self.rows)
        except TooSlow:
            message = f"took longer than {self.timeout:g} s: left out"
            return BatchRow.failed(path, "too-slow", message, self.rows)
        except Exception as error:  # one broken file must never stop a batch
            return BatchRow.failed(path, "internal", f"{type(error).__name__}: {error}", self.rows)
        return BatchRow.ok(path, report, self.rows)

    def assess_chunk(self, paths: list[str]) -> list[BatchRow]:
        """Assess several résumés, each within the time budget when there is one."""
        if self.timeout is None:
            return [self.assess_path(path) for path in paths]
        rows = []
        for path in paths:
            signal.setitimer(signal.ITIMER_REAL, self.timeout)
            try:
                rows.append(self.assess_path(path))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        return rows


# In a worker process only: the job its initializer was given, used for thousands of résumés.
_worker_job: BatchJob | None = None


def _too_slow(signum: int, frame: FrameType | None) -> None:
    raise TooSlow


def _init_worker(job: BatchJob, parent: int) -> None:
    global _worker_job
    # Signals are the parent's to handle: a worker ignores Ctrl-C and dies quietly on
    # SIGTERM (the parent's own handlers, inherited by fork, would print tracebacks).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, _too_slow)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # blocked while forked
    # The parent's pid comes from the parent: asked here, it may already be init's.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _worker_job = job
    # Each résumé makes thousands of short-lived objects and no reference cycles worth
    # chasing: with the long-lived tables frozen and a larger first generation, the cycle
    # collector stops costing a fifth of the run (measured: 1.86 -> 1.55 ms a résumé).
    # Done in the worker only: the caller's own collector settings are its business.
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _worker_chunk(paths: list[str]) -> list[BatchRow]:
    if _worker_job is None:
        raise RuntimeError("a batch worker ran before its initializer")
    return _worker_job.assess_chunk(paths)


def _exit_with_parent(parent: int) -> None:
    """End this worker soon after its parent dies (kill -9): it must not run on orphaned."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def worker_count(jobs: int, paths: int) -> int:
    """Return how many workers help: no more than cores, nor than chunks of work."""
    cores = os.cpu_count() or 1
    return max(1, min(jobs or cores, cores, -(-paths // CHUNK)))


def run_batch(
    paths: list[str],
    *,
    fmt: str = "csv",
    role: str | None = None,
    jobs: int = 0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    kit: Toolkit | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    in_process: bool | None = None,
    known_errors: dict[str, str] | None = None,
) -> Iterator[BatchRow]:
    """Yield one row per path, in the order of `paths`, using up to `jobs` workers (0: cores).

    Worker processes hold each résumé to `timeout` seconds. `in_process` (default: for one
    job or a handful of paths) assesses in this process instead, with no time budget:
    bounding time there would mean an alarm signal, and this process's signals are the
    caller's.
    """
    kit = kit or Toolkit.load()
    chosen = role_of(kit.catalog, role).id
    errors = known_errors or {}
    workers = worker_count(jobs, len(paths))
    if in_process is None:
        in_process = workers == 1 and len(paths) <= CHUNK
    if in_process:
        return map(BatchJob(kit, chosen, max_bytes, ROW_FORMATS[fmt], errors).assess_path, paths)
    job = BatchJob(kit, chosen, max_bytes, ROW_FORMATS[fmt], errors, timeout)
    return _in_workers(paths, workers, job)


def _in_workers(paths: list[str], workers: int, job: BatchJob) -> Iterator[BatchRow]:
    methods = multiprocessing.get_all_start_methods()
    # fork: each worker starts with the parent's loaded toolkit, no pickling, no reload.
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunks = (paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK))
    # A bounded window of chunks in flight keeps memory flat and the output in order; an
    # executor (unlike multiprocessing.Pool) reports a worker that dies instead of hanging.
    pool = ProcessPoolExecutor(workers, context, _init_worker, (job, os.getpid()))
    window: deque[Future[list[BatchRow]]] = deque()
    try:
        for chunk in chunks:
            window.append(_submit(pool, chunk))
            if len(window) >= WINDOW * workers:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
    except BrokenProcessPool as exc:
        raise MlgapError(
            "a worker process died (out of memory, or killed)",
            fix="run again, with fewer --jobs if memory is short",
            kind="internal",
        ) from exc
    finally:
        _stop(pool, window)


def _submit(pool: ProcessPoolExecutor, chunk: list[str]) -> Future[list[BatchRow]]:
    """Submit a chunk with Ctrl-C and SIGTERM held back until the pool is in a steady state.

    A submit may start worker processes and the pool's thread; an interruption half way
    through that leaves a pool that can neither finish nor be shut down. Held back, the
    signal arrives a moment later, at a point where the pool can be stopped cleanly.
    """
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        return pool.submit(_worker_chunk, chunk)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _stop(pool: ProcessPoolExecutor, window: deque[Future[list[BatchRow]]]) -> None:
    """Shut the pool down; if work is left (Ctrl-C, an error), end the workers at once."""
    if window:
        for future in window:
            future.cancel()
        # Waiting for a busy worker to finish its chunk could take long: they hold nothing
        # that needs saving, so they are ended now. The executor has no public way to.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
