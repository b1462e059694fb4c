"""Write reports to stdout or, atomically, to a file: a report file is whole or absent."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_output(path: Path | None) -> Iterator[IO[str]]:
    """Yield a text stream: stdout, or a temporary file renamed to `path` on success only."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    import tempfile  # only a file output needs it

    from mlgap.errors import InputError

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise InputError(
            f"cannot write there: {exc.strerror}",
            path=str(path),
            fix="choose a folder that exists and is writable",
        ) from exc
    try:
        # mkstemp makes the file private (0600); a report gets the usual mode (umask).
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        Path(tmp).replace(path)
    except BaseException:
        # Interrupted or failed: the half-written report goes, and no final file appears.
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


def write_output(text: str, path: Path | None) -> None:
    """Write `text` to `path` atomically, or to stdout."""
    with atomic_output(path) as out:
        out.write(text)
