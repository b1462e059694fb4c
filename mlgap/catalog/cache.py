"""A cache of the validated catalog and its lookup tables, so that a start costs milliseconds.

Building the tables from YAML takes about 100 ms; reading them back takes a few. An entry is
keyed by the catalog files' names and texts, the Python version, the catalog schema and the
size and modification time of every module of the package, so any change to those builds a
fresh one and no list of module names has to be kept by hand.

An entry is a pickle, and unpickling runs code: so an entry is read only from a folder that
belongs to the current user and that nobody else can write to (mlgap creates it with mode
0700), and only if it is a regular file of ours, writable by nobody else, of bounded size.
Anything else, and any error while reading, is a miss: the tables are rebuilt and the reason
is logged (`mlgap --verbose` shows it). The cache only ever speeds things up; when it cannot
be read or written, mlgap works as if it were not there. MLGAP_NO_CACHE=1 turns it off;
MLGAP_CACHE_DIR moves it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import sys
import time
import zlib
from pathlib import Path

from mlgap.atomic_write import atomic_file
from mlgap.catalog.files import shipped_catalog

# The package's own folder, found from this file: importing the package face to ask it
# would run the import back up through every stage.
_PACKAGE = Path(__file__).resolve().parent.parent
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # the shipped catalog's entry is under 2 MB
KEEP_ENTRIES = 8  # entries for other catalogs or older versions of mlgap beyond these go
STALE_TMP_SECONDS = 3600  # a temporary file this old was left by a process that died


def _note(message: str, *args: object) -> None:
    """Log why the cache was not used (shown with --verbose)."""
    import logging  # here, not above: only a miss needs it, and a start is timed in ms

    logging.getLogger(__name__).info(message, *args)


def cache_dir() -> Path | None:
    """Return the cache folder, or None when caching is off."""
    if os.environ.get("MLGAP_NO_CACHE") == "1":
        return None
    if configured := os.environ.get("MLGAP_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlgap"


def code_fingerprint(package: Path = _PACKAGE) -> bytes:
    """Return the path, size and modification time of every module under `package`, and
    the catalog schema's text (the schema decides what validates, so it is code too).

    Size and time, not the sources: Python itself trusts them to tell a stale .pyc, and
    reading some sixty files would cost every start a few milliseconds.
    """
    parts: list[bytes] = []
    folders = [str(package)]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    name = os.path.relpath(entry.path, package)
                    parts.append(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    schema = (shipped_catalog() / "catalog.schema.json").read_bytes()
    return b"".join(sorted(parts)) + schema


def cache_key(files: list[tuple[str, str]]) -> str:
    """Return the key of an entry built from these catalog files by this code."""
    # Two checksums and the length: collision-proof enough for a handful of catalog
    # versions, and zlib imports in a tenth of the time hashlib takes (this is the hot start).
    data = f"{sys.version_info[:3]}".encode() + code_fingerprint()
    data += b"".join(d.encode() + b"\0" + t.encode() + b"\0" for d, t in files)
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def _private(info: os.stat_result) -> bool:
    """Return whether a file or folder is ours and nobody else may write to it."""
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _trusted_folder(folder: Path) -> bool:
    """Return whether `folder` is a real folder of ours that only we can write to."""
    try:
        info = folder.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or not _private(info):
        _note("cache: not used: %s is not a private folder of this user", folder)
        return False
    return True


def load(key: str) -> object | None:
    """Return the entry stored under `key`, or None (a miss) for anything untrusted or broken."""
    folder = cache_dir()
    if folder is None or not _trusted_folder(folder):
        return None
    path = folder / f"{key}.pickle"
    try:
        # O_NONBLOCK: a FIFO planted where the entry should be must not hang the start.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except OSError as exc:
        _note("cache: miss: cannot open %s (%s)", path, exc.strerror)
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or not _private(info):
                _note("cache: miss: %s is not a private regular file of this user", path)
                return None
            if info.st_size > MAX_ENTRY_BYTES:
                _note("cache: miss: %s is too large", path)
                return None
            data = handle.read(MAX_ENTRY_BYTES + 1)
        entry: object = pickle.loads(data)
    except Exception as exc:  # any broken entry (truncated, overflowing, alien) is a miss
        _note("cache: miss: %s cannot be read (%s)", path, type(exc).__name__)
        return None
    return entry


def store(key: str, entry: object) -> None:
    """Store `entry` under `key` if a private cache folder can be had; never fail."""
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        folder.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
        if not _trusted_folder(folder):
            return
        with atomic_file(folder / f"{key}.pickle", mode=0o600) as handle:
            pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
        _prune(folder, keep=f"{key}.pickle")


def _prune(folder: Path, keep: str) -> None:
    """Remove entries beyond the newest few and temporary files left by dead processes."""
    now = time.time()
    entries: list[tuple[float, Path]] = []
    for path in folder.iterdir():
        with contextlib.suppress(OSError):
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            if path.name.endswith(".tmp") and now - info.st_mtime > STALE_TMP_SECONDS:
                path.unlink()
            elif path.name.endswith(".pickle") and path.name != keep:
                entries.append((info.st_mtime, path))
    for _, path in sorted(entries, reverse=True)[KEEP_ENTRIES - 1 :]:
        with contextlib.suppress(OSError):
            path.unlink()
