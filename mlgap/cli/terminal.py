"""Terminal plumbing for long commands: a progress bar on stderr, and clean interruption."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType

from mlgap.errors import ExitCode, MlgapError


class Interrupted(MlgapError):
    """The user stopped the command (Ctrl-C) or it was asked to terminate or hung up."""

    exit_code = ExitCode.INTERRUPTED


@contextlib.contextmanager
def interruptible(to_file: bool) -> Iterator[None]:
    """Turn Ctrl-C, SIGTERM and SIGHUP into one true message; partial files are removed.

    `to_file`: whether the output goes to a file (then none is left) or to stdout (then
    what was printed stays printed, and the message says it is incomplete).
    """

    def on_signal(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    except KeyboardInterrupt:
        message = (
            "interrupted: no report was written"
            if to_file
            else "interrupted: the rows printed so far are an incomplete report"
        )
        raise Interrupted(message, fix="run the command again to completion") from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextlib.contextmanager
def progress(total: int, rows_to_terminal: bool) -> Iterator[Callable[[], None]]:
    """Yield a function to call per item: a progress bar on a terminal's stderr, else a no-op.

    No bar when the rows themselves go to the same terminal: it would be drawn over them.
    """
    if rows_to_terminal or sys.stderr is None or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("assessing", total=total)
        yield lambda: bar.advance(task)
