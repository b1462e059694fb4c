"""Terminal plumbing for long commands: a progress bar on stderr, and clean interruption."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType

from mlgap.errors import ExitCode, MlgapError


class Interrupted(MlgapError):
    """The user stopped the command (Ctrl-C) or it was asked to terminate."""

    exit_code = ExitCode.INTERRUPTED


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Turn Ctrl-C and SIGTERM into one clean message; partial output is removed on the way."""

    def on_term(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted(
            "interrupted: no report was written", fix="run the command again to completion"
        ) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def progress(total: int) -> Iterator[Callable[[], None]]:
    """Yield a function to call per item: a progress bar on a terminal's stderr, else a no-op."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("assessing", total=total)
        yield lambda: bar.advance(task)
