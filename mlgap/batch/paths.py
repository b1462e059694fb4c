"""Which files a batch assesses: files as given, folders walked, lists read.

Nothing is lost without a word: a file a folder holds but the globs leave out is logged
(`--verbose` shows it), a subfolder that cannot be read becomes an error row, and the same
file named twice (`./a` and `a`) is assessed once.
"""

from __future__ import annotations

import fnmatch
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mlgap.errors import InputError
from mlgap.read.document import READABLE

log = logging.getLogger(__name__)
DEFAULT_GLOBS = tuple(f"*{ext}" for ext in READABLE)
MAX_LIST_BYTES = 256 * 1024 * 1024  # a list of paths larger than this is not a list


@dataclass(slots=True)
class Collected:
    """The résumé paths of a batch, sorted, and the places that could not be looked into."""

    paths: list[str] = field(default_factory=list)
    unreadable: dict[str, str] = field(default_factory=dict)  # path -> why


def collect_paths(
    paths: list[str],
    files_from: str | None = None,
    globs: tuple[str, ...] = DEFAULT_GLOBS,
    *,
    null: bool = False,
) -> Collected:
    """Return the résumé paths to assess: files as given, folders walked recursively.

    Names match the globs whatever their case (`CV.PDF` is a PDF). `files_from` is a file
    of paths, one a line (`-`: standard input; `null`: NUL-separated, as `find -print0`).
    """
    given = [p for p in paths if p != "-"]
    if "-" in paths:  # `mlgap batch -`: the paths come on standard input
        files_from = files_from or "-"
    if files_from is not None:
        given += read_list(files_from, null=null)
    if not given:
        raise InputError("no résumés to assess", fix="give files, folders or --files-from")
    patterns = tuple(g.lower() for g in globs)
    found: dict[str, str] = {}  # the file itself -> the path as shown
    collected = Collected()
    for path in given:
        if os.path.isdir(path):  # noqa: PTH112  (plain strings: 100,000 paths list fast)
            _walk(os.path.normpath(path), patterns, found, collected)
        else:  # a missing file becomes an error row, not a stop
            found.setdefault(os.path.realpath(path), os.path.normpath(path))
    collected.paths = sorted(set(found.values()) | set(collected.unreadable))
    if not collected.paths:
        where = ", ".join(given[:3]) + (" ..." if len(given) > 3 else "")
        raise InputError(
            f"no résumés found under {where} (glob {' '.join(globs)})",
            fix="check the folder, or choose the files with --glob",
            kind="empty",
        )
    return collected


def _walk(
    folder: str, patterns: tuple[str, ...], found: dict[str, str], collected: Collected
) -> None:
    def unreadable(error: OSError) -> None:
        where = error.filename if isinstance(error.filename, str) else folder
        collected.unreadable[os.path.normpath(where)] = f"cannot be read: {error.strerror}"

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs.sort()
        for name in files:
            path = os.path.join(root, name)  # noqa: PTH118
            if any(fnmatch.fnmatchcase(name.lower(), g) for g in patterns):
                found.setdefault(os.path.realpath(path), path)
            else:
                log.info("skipped %s: its name matches no --glob", path)


def read_list(files_from: str, *, null: bool = False) -> list[str]:
    """Return the paths a list holds: one a line (or NUL-separated); blanks and # comments out."""
    try:
        if files_from == "-":
            if sys.stdin is None:
                raise OSError(9, "standard input is closed")
            data = sys.stdin.buffer.read(MAX_LIST_BYTES + 1)
        else:
            with Path(files_from).open("rb") as handle:
                data = handle.read(MAX_LIST_BYTES + 1)
        if len(data) > MAX_LIST_BYTES:
            raise OSError(27, "the list is too large")
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError(
            f"cannot read the list of files: {detail}",
            path="<stdin>" if files_from == "-" else files_from,
            fix="give a UTF-8 text file with one path a line",
        ) from exc
    if null:
        return [p for p in text.split("\0") if p]
    return [s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]
