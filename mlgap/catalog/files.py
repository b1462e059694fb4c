"""Find and read the catalog's files: the shipped ones or a user's folder.

A user's folder is read with care: only regular `*.yaml` files inside it, of bounded size,
so that a link to /etc/shadow, a FIFO, /dev/zero or a 100 MB file is one line of error,
never a hang, a flood of memory or a secret quoted back in a message.
"""

from __future__ import annotations

import importlib.util
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

from mlgap.errors import CatalogError, MlgapError

CatalogFiles = list[tuple[str, str]]
MAX_FILE_BYTES = 2 * 1024 * 1024  # the largest shipped file is some 20 KB


def read_catalog_files(directory: str | Path | None = None) -> CatalogFiles:
    """Return (display path, text) of each catalog file in `directory` (default: shipped)."""
    return list(_catalog_files(directory))


def _catalog_files(directory: str | Path | None) -> Iterator[tuple[str, str]]:
    if directory is None:
        for entry in sorted(shipped_catalog().iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                yield (
                    f"skills/{entry.name}",
                    decode_yaml(f"skills/{entry.name}", entry.read_bytes()),
                )
        return
    root = Path(directory)
    if not root.is_dir():
        raise _problem(str(root), "not a directory", "point --catalog at a folder of *.yaml files")
    problems: list[MlgapError] = []
    texts: list[tuple[str, str]] = []
    for path in sorted(root.glob("*.yaml")):
        try:
            texts.append((str(path), decode_yaml(str(path), _read_inside(root, path))))
        except CatalogError as error:
            problems.extend(error.problems)
    if problems:
        raise CatalogError(problems)
    yield from texts


def _problem(path: str, message: str, fix: str) -> CatalogError:
    return CatalogError([MlgapError(message, path=path, fix=fix)])


def _read_inside(root: Path, path: Path) -> bytes:
    """Return the bytes of catalog file `path`, a regular file of bounded size inside `root`."""
    shown = str(path)
    try:
        real = path.resolve(strict=True)
        if not real.is_relative_to(root.resolve()):
            raise _problem(shown, "links to a file outside the catalog folder", "copy it in")
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except CatalogError:
        raise
    except PermissionError as exc:
        raise _problem(shown, "cannot be read: permission denied", "make it readable") from exc
    except (OSError, RuntimeError) as exc:  # a dangling link or a loop of links
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else "a loop of links"
        raise _problem(shown, f"cannot be read: {detail}", "point it at a real file") from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
        os.close(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _problem(
                shown, "not a regular file (a folder, FIFO or device)", "remove it or rename it"
            )
        raise _problem(
            shown,
            f"is {info.st_size:,} bytes, over a catalog file's {MAX_FILE_BYTES:,}-byte limit",
            "split it into several files",
        )
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise _problem(shown, f"cannot be read: {exc.strerror}", "check the file") from exc
    if len(data) > MAX_FILE_BYTES:
        raise _problem(shown, "grew over the size limit while read", "split it")
    return data


def shipped_catalog() -> Traversable:
    """Return the shipped catalog's folder: the installed `mlgap.skills`, else the checkout's."""
    try:
        spec = importlib.util.find_spec("mlgap.skills")
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        # Running from a checkout that was never installed: the catalog sits beside the package.
        return Path(__file__).resolve().parents[2] / "skills"
    # A folder on disk (wheel or editable install) is found from the package's own spec:
    # importlib.resources would be the general way, but its import (tempfile, zipfile...)
    # cost every start 4 ms. Only an install in a zip archive needs it.
    for location in spec.submodule_search_locations or ():
        if (Path(location) / "catalog.schema.json").is_file():
            return Path(location)
    from importlib import resources

    return resources.files("mlgap.skills")


def decode_yaml(display: str, data: bytes) -> str:
    """Return a catalog or role file's text, or raise a CatalogError at the line that is not
    UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem = MlgapError("not UTF-8 text", path=display, line=line, fix="save it as UTF-8")
        raise CatalogError([problem]) from exc


def catalog_source(directory: str | Path | None) -> str:
    """Return how a catalog folder is named in messages."""
    return str(directory) if directory is not None else "skills"
