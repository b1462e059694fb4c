"""Assess many résumés in parallel and yield their rows in path order.

A bad file becomes an error row and the batch goes on. Rows come back in the order of the
paths whatever the number of workers, one at a time, so memory stays flat. Workers format
each row's output line themselves, so the parent only writes and tallies.

The job travels explicitly, as a `BatchJob`: held by the in-process run, or handed to each
worker process when it starts (fork: the loaded catalog comes along, nothing is reloaded).
Only a worker tunes its own collector and holds each résumé to the time budget (an error
row `too-slow`, the batch goes on): the caller's process is left as it was.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.connection import Connection, wait
from types import FrameType
from typing import Any

from mlgap.assess.scoring import role_of
from mlgap.assess.targets import JobTarget
from mlgap.batch.rows import BatchRow
from mlgap.errors import MlgapError
from mlgap.read.document import DEFAULT_MAX_BYTES, Document, document_from_bytes, read_document
from mlgap.render.batch_rows import ROW_FORMATS, RowFormat
from mlgap.toolkit import Toolkit

CHUNK = 32  # résumés a worker takes at a time: few round trips, still smooth progress
CHUNK_BYTES = 16 * 1024  # of paths in one chunk: HELD of them fit in a pipe with room to spare
HELD = 2  # chunks a worker holds: one it works on, one ready for when it is done
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
    target: JobTarget | None = None  # a job ad's or role file's target, in place of `role`
    as_of: date | None = None  # the month "present" means in work histories (None: today)

    def assess_path(self, path: str) -> BatchRow:
        """Assess one résumé; any failure becomes an error row."""
        if path in self.known_errors:
            return BatchRow.failed(path, "unreadable", self.known_errors[path], self.rows)
        return self._assess(path, lambda: read_document(path, self.max_bytes))

    def assess_bytes(self, source: str, data: bytes) -> BatchRow:
        """Assess one résumé given as its bytes (an engine read it); failures are rows."""
        if len(data) > self.max_bytes:
            message = f"larger than {self.max_bytes:,} bytes"
            return BatchRow.failed(source, "too-large", message, self.rows)
        return self._assess(source, lambda: document_from_bytes(data, source))

    def _assess(self, path: str, read: Callable[[], Document]) -> BatchRow:
        try:
            doc = read()
            if doc.text.startswith(_OWN_OUTPUTS):
                return BatchRow.skip(path, "an mlgap report or summary, not a résumé")
            report = self.kit.assess_document(doc, self.role, None, self.as_of, self.target)
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


def _too_slow(signum: int, frame: FrameType | None) -> None:
    raise TooSlow


def _init_worker(parent: int) -> None:
    # Signals are the parent's to handle: a worker ignores Ctrl-C and dies quietly on
    # SIGTERM (the parent's own handlers, inherited by fork, would print tracebacks).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.signal(signal.SIGALRM, _too_slow)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # blocked while forked
    # The parent's pid comes from the parent: asked here, it may already be init's.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    # Each résumé makes thousands of short-lived objects and no reference cycles worth
    # chasing: with the long-lived tables frozen and a larger first generation, the cycle
    # collector stops costing a fifth of the run (measured: 1.86 -> 1.55 ms a résumé).
    # Done in the worker only: the caller's own collector settings are its business.
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


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
    target: JobTarget | None = None,
    as_of: date | None = None,
) -> Iterator[BatchRow]:
    """Yield one row per path, in the order of `paths`, using up to `jobs` workers (0: cores).

    Worker processes hold each résumé to `timeout` seconds. `in_process` (default: for one
    job or a handful of paths) assesses in this process instead, with no time budget:
    bounding time there would mean an alarm signal, and this process's signals are the
    caller's.
    """
    kit = kit or Toolkit.load()
    chosen = target.role.id if target else role_of(kit.catalog, role).id
    errors = known_errors or {}
    workers = worker_count(jobs, len(paths))
    if in_process is None:
        in_process = workers == 1 and len(paths) <= CHUNK
    if in_process:
        here = BatchJob(kit, chosen, max_bytes, ROW_FORMATS[fmt], errors, None, target, as_of)
        return map(here.assess_path, paths)
    job = BatchJob(kit, chosen, max_bytes, ROW_FORMATS[fmt], errors, timeout, target, as_of)
    return _in_workers(paths, workers, job)


def _chunks(paths: list[str]) -> Iterator[list[str]]:
    """Cut `paths` into chunks of CHUNK paths and at most CHUNK_BYTES of text."""
    chunk: list[str] = []
    size = 0
    for path in paths:
        if chunk and (len(chunk) == CHUNK or size + len(path) > CHUNK_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append(path)
        size += len(path)
    if chunk:
        yield chunk


class _Worker:
    """One worker process and the pipe to it; the chunks it holds, oldest first."""

    def __init__(self, context: Any, job: BatchJob) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, job, os.getpid()), daemon=True)
        self.process.start()
        child.close()
        self.held: deque[int] = deque()  # numbers of the chunks sent, in the order sent


def _serve(conn: Connection, job: BatchJob, parent: int) -> None:
    """Run in a worker: assess each chunk that comes, send its rows back, until told to end."""
    _init_worker(parent)
    while True:
        try:
            paths = conn.recv()
        except (EOFError, OSError):
            return
        if paths is None:
            return
        conn.send(job.assess_chunk(paths))


def _in_workers(paths: list[str], workers: int, job: BatchJob) -> Iterator[BatchRow]:
    """Yield the rows of `paths` in order, assessed by `workers` processes.

    Each worker has a pipe of its own: no lock is shared between workers, so one that is
    killed (kill -9, a signal to the group) cannot leave the others or the parent stuck,
    and a worker that dies is seen at once. A worker holds at most HELD chunks, each of
    at most CHUNK_BYTES of paths, so a send never waits on a full pipe; chunks are not
    handed out further ahead of the next row due than the workers can hold, so memory
    stays flat whatever the order chunks finish in.
    """
    methods = multiprocessing.get_all_start_methods()
    # fork: each worker starts with the parent's loaded toolkit, no pickling, no reload.
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunks = enumerate(_chunks(paths))
    done: dict[int, list[BatchRow]] = {}
    pool: list[_Worker] = []
    held_back = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        pool = [_Worker(context, job) for _ in range(workers)]  # not half-started on Ctrl-C
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held_back)
    try:
        yield from _drive(pool, chunks, done)
    finally:
        _end(pool)


def _drive(
    pool: list[_Worker], chunks: Iterator[tuple[int, list[str]]], done: dict[int, list[BatchRow]]
) -> Iterator[BatchRow]:
    due, sent_all, ahead = 0, False, HELD * len(pool)
    pending: tuple[int, list[str]] | None = None
    while True:
        for worker in pool:  # hand out chunks while workers have room and order allows
            while len(worker.held) < HELD and not sent_all:
                pending = pending or next(chunks, None)
                if pending is None:
                    sent_all = True
                elif pending[0] < due + ahead:
                    _send(worker, pending)
                    pending = None
                else:
                    break
        while due in done:
            yield from done.pop(due)
            due += 1
        if sent_all and not any(w.held for w in pool):
            return
        _collect(pool, done)


def _send(worker: _Worker, chunk: tuple[int, list[str]]) -> None:
    try:
        worker.conn.send(chunk[1])
    except OSError as exc:  # the worker is gone
        raise _died() from exc
    worker.held.append(chunk[0])


def _died() -> MlgapError:
    return MlgapError(
        "a worker process died (out of memory, or killed)",
        fix="run again, with fewer --jobs if memory is short",
        kind="internal",
    )


def _collect(pool: list[_Worker], done: dict[int, list[BatchRow]]) -> None:
    """Wait for a worker to send rows back, and keep them by chunk number."""
    busy = [w for w in pool if w.held]
    ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
    for worker in busy:
        if worker.conn in ready:
            try:
                done[worker.held.popleft()] = worker.conn.recv()
            except (EOFError, OSError):
                ready.append(worker.process.sentinel)
        if worker.process.sentinel in ready and not worker.conn.poll():
            raise _died()


def _end(pool: list[_Worker]) -> None:
    """End the workers: told to stop when all is done, stopped at once if work is left."""
    for worker in pool:
        if worker.held:  # interrupted or failed: the work left is not wanted
            worker.process.kill()
        else:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
    for worker in pool:
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
