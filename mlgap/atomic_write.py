"""Write files atomically: a file is whole or absent, never half-written.

One helper serves reports, summaries and the catalog cache alike: write to a temporary file
beside the target, then rename it over the target only once everything is written.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from mlgap.errors import InputError


@contextlib.contextmanager
def atomic_file(path: Path, mode: int | None = None) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces `path` when the block ends without an error.

    The file gets `mode`, or else the usual mode under the umask; on any error or
    interruption the temporary file is removed and `path` is left as it was.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if mode is None:
            umask = os.umask(0)  # the only way to read the umask is to set it
            os.umask(umask)
            mode = 0o666 & ~umask
        os.fchmod(fd, mode)  # mkstemp makes the file private (0600)
        with os.fdopen(fd, "wb") as handle:
            yield handle
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


@contextlib.contextmanager
def atomic_output(path: Path | None) -> Iterator[IO[str]]:
    """Yield a text stream: stdout, or a file at `path` that appears only when complete."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with contextlib.ExitStack() as stack:
        try:
            binary = stack.enter_context(atomic_file(path))
        except OSError as exc:
            raise InputError(
                f"cannot write there: {exc.strerror}",
                path=str(path),
                fix="choose a folder that exists and is writable",
            ) from exc
        # newline="" keeps the renderers' own line ends ("\n", CSV's included) as written.
        yield stack.enter_context(io.TextIOWrapper(binary, encoding="utf-8", newline=""))


def write_output(text: str, path: Path | None) -> None:
    """Write `text` to `path` atomically, or to stdout."""
    with atomic_output(path) as out:
        out.write(text)
