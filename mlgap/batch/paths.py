"""Which files a batch assesses: files as given, folders walked, lists read."""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from mlgap.errors import InputError
from mlgap.read.document import READABLE

DEFAULT_GLOBS = tuple(f"*{ext}" for ext in READABLE)


def collect_paths(
    paths: Iterable[str], files_from: str | None = None, globs: tuple[str, ...] = DEFAULT_GLOBS
) -> list[str]:
    """Return the résumé paths to assess, sorted: files as given, folders walked recursively."""
    given = list(paths)
    if files_from is not None:
        given += _read_list(files_from)
    if not given:
        raise InputError("no résumés to assess", fix="give files, folders or --files-from")
    found: set[str] = set()
    # os.walk and plain strings: a folder of 100,000 résumés lists in a blink this way, and
    # paths are reported exactly as the user spelled them.
    for path in given:
        if os.path.isdir(path):  # noqa: PTH112
            for root, dirs, files in os.walk(path):
                dirs.sort()
                found.update(
                    os.path.join(root, name)  # noqa: PTH118
                    for name in files
                    if any(fnmatch.fnmatch(name, g) for g in globs)
                )
        else:
            found.add(path)  # a missing file becomes an error row, not a stop
    return sorted(found)


def _read_list(files_from: str) -> list[str]:
    try:
        text = sys.stdin.read() if files_from == "-" else Path(files_from).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"cannot read the list of files: {exc}",
            path=files_from,
            fix="give a UTF-8 text file with one path a line",
        ) from exc
    return [line.strip() for line in text.splitlines() if line.strip()]
