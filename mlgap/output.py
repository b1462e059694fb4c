"""Write a report to stdout or, atomically, to a file."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from mlgap.errors import InputError


def write_output(text: str, path: Path | None) -> None:
    """Write `text` to `path` via a temporary file and a rename, or to stdout."""
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    import tempfile  # only a file output needs it

    directory = path.parent if str(path.parent) else Path()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise InputError(
            f"cannot write there: {exc.strerror}",
            path=str(path),
            fix="choose a folder that exists and is writable",
        ) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
