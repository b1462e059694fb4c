"""A cache of the validated catalog and its lookup tables, so that a start costs milliseconds.

Building the tables from YAML takes about 100 ms; reading them back takes a few. An entry is
keyed by the catalog files' names and texts, the Python version and the source of every
module of the package, so any change to those builds a fresh one and no list of module
names has to be kept by hand. The cache only ever speeds things up: when it cannot be read
or written (a read-only home, a corrupt file), mlgap builds the tables as if it were not
there. MLGAP_NO_CACHE=1 turns it off; MLGAP_CACHE_DIR moves it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import zlib
from pathlib import Path

from mlgap.atomic_write import atomic_file

# The package's own folder, found from this file: importing the package face to ask it
# would run the import back up through every stage.
_PACKAGE = Path(__file__).resolve().parent.parent


def cache_dir() -> Path | None:
    """Return the cache folder, or None when caching is off."""
    if os.environ.get("MLGAP_NO_CACHE") == "1":
        return None
    if configured := os.environ.get("MLGAP_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlgap"


def code_fingerprint(package: Path = _PACKAGE) -> bytes:
    """Return the source of every module under `package`, path by path, as one byte string."""
    return b"".join(
        path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes()
        for path in sorted(package.rglob("*.py"))
    )


def cache_key(files: list[tuple[str, str]]) -> str:
    """Return the key of an entry built from these catalog files by this code."""
    # Two checksums and the length: collision-proof enough for a handful of catalog
    # versions, and zlib imports in a tenth of the time hashlib takes (this is the hot start).
    data = f"{sys.version_info[:3]}".encode() + code_fingerprint()
    data += b"".join(d.encode() + b"\0" + t.encode() + b"\0" for d, t in files)
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def load(key: str) -> object | None:
    """Return the entry stored under `key`, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with (folder / f"{key}.pickle").open("rb") as handle:
            entry: object = pickle.load(handle)
            return entry
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        IndexError,
        TypeError,
        ValueError,
    ):
        return None


def store(key: str, entry: object) -> None:
    """Store `entry` under `key` if the cache folder can be written; never fail."""
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_file(folder / f"{key}.pickle", mode=0o600) as handle:
            pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
