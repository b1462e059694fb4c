"""Write files atomically: a file is whole or absent, never half-written, nothing destroyed.

One helper serves reports, summaries and the catalog cache alike: write to a temporary file
beside the target, then rename it over the target only once everything is written. Around
that rule, what a careful user expects:
- a symlink is written through (its target gets the new content; the link stays a link);
- a FIFO or a device (`/dev/null`, `/dev/stdout`) is written to directly, never replaced;
- an existing file keeps its mode (a private 0600 report stays private), a new one follows
  the umask;
- a write that fails (a full disk) is an error and leaves nothing behind, and temporary
  files left by a process that was killed are removed by the next write to the same place.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from mlgap.errors import InputError


def _write_error(path: Path, exc: OSError) -> InputError:
    return InputError(
        f"cannot write there: {exc.strerror or exc}",
        path=str(path),
        fix="check that the disk has room and the folder is writable",
        kind="write",
    )


def _remove_stale(folder: Path, name: str) -> None:
    """Remove `.NAME.PID.*.tmp` files of ours whose process is gone (killed with -9)."""
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f".{name}.*.tmp"):
            pid = leftover.name[len(name) + 2 :].split(".", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                leftover.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


@contextlib.contextmanager
def atomic_file(path: Path, mode: int | None = None) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces `path` when the block ends without an error.

    The file gets `mode`, else the mode of the file it replaces, else the usual mode under
    the umask; on any error or interruption the temporary file is removed and `path` is
    left as it was.
    """
    import tempfile  # here, not above: a report to stdout never needs it (a faster start)

    fd, tmp = tempfile.mkstemp(
        prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
    )
    try:
        if mode is None:
            try:
                mode = stat.S_IMODE(path.stat().st_mode)
            except FileNotFoundError:
                umask = os.umask(0)  # the only way to read the umask is to set it
                os.umask(umask)
                mode = 0o666 & ~umask
        os.fchmod(fd, mode)  # mkstemp makes the file private (0600)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())  # a full disk must fail here, not after the rename
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
    _remove_stale(path.parent, path.name)


def resolve_target(path: Path) -> Path:
    """Return where writing to `path` really writes: through symlinks, refusing folders."""
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise InputError(
            "is a directory", path=str(path), fix="give a file name for the output", kind="write"
        )
    if not real.parent.is_dir():
        raise InputError(
            "cannot write there: the folder does not exist",
            path=str(path),
            fix="create the folder first, or choose another",
            kind="write",
        )
    return real


def _is_special(path: Path) -> bool:
    """Return whether `path` exists and is not a regular file (a FIFO, a device, ...)."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def atomic_output(path: Path | None) -> Iterator[IO[str]]:
    """Yield a text stream: stdout, or a file at `path` that appears only when complete."""
    if path is None:
        if sys.stdout is None:
            raise InputError(
                "standard output is closed", path="<stdout>", fix="redirect it, or give -o FILE"
            )
        try:
            yield sys.stdout
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # the reader went away: the command line stops quietly
        except OSError as exc:  # a full disk behind a redirection (> /dev/full)
            raise _write_error(Path("<stdout>"), exc) from exc
        return
    target = resolve_target(path)
    stack = contextlib.ExitStack()
    try:
        if _is_special(target):
            binary: IO[bytes] = stack.enter_context(target.open("wb"))
        else:
            binary = stack.enter_context(atomic_file(target))
    except OSError as exc:
        stack.close()
        raise _write_error(path, exc) from exc
    # newline="" keeps the renderers' own line ends ("\n", CSV's included) as written.
    text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
    try:
        yield text
    except BaseException:
        # The caller failed or was interrupted: the temporary file goes, the target stays.
        _let_go(text)
        if not stack.__exit__(*sys.exc_info()):
            raise
        return
    try:
        text.flush()
        text.detach()  # the file itself is synced, closed and renamed by its own context
        stack.close()  # where a full disk shows
    except OSError as exc:
        _let_go(text)
        stack.__exit__(type(exc), exc, exc.__traceback__)  # the temporary file goes
        raise _write_error(path, exc) from exc


def _let_go(text: io.TextIOWrapper) -> None:
    """Detach a failed wrapper, so that it never flushes into a closed file when collected."""
    with contextlib.suppress(ValueError, OSError):
        text.detach()


def write_output(text: str, path: Path | None) -> None:
    """Write `text` to `path` atomically, or to stdout."""
    with atomic_output(path) as out:
        out.write(text)
