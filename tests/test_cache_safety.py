"""The cache is code: only entries mlgap itself wrote, in a private folder, are ever loaded."""

from __future__ import annotations

import os
import pickle
import stat
import time
from pathlib import Path

import pytest

from mlgap import Toolkit
from mlgap.catalog import cache

RESUME = "Skills: Python, PyTorch, Docker; no experience with Kubernetes."


class _Tripwire:
    """Unpickling this creates a file: proof that an entry was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (Path(self.marker), "loaded"))  # type: ignore[return-value]  # a bound call is what pickle wants


@pytest.fixture(autouse=True)
def _own_cache(own_cache: Path) -> None:
    """Every test here looks at the cache folder: each gets an empty one of its own."""


def _folder(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "mlgap"


def _entry(tmp_path: Path) -> Path:
    Toolkit.load()
    (entry,) = sorted(_folder(tmp_path).glob("*.pickle"))
    return entry


def _plant(entry: Path, marker: Path) -> None:
    entry.write_bytes(pickle.dumps(_Tripwire(marker)))


def test_the_folder_and_entries_are_private_even_under_umask_000(tmp_path: Path) -> None:
    """The cache folder is made 0700 and entries 0600 whatever the umask."""
    old = os.umask(0)
    try:
        entry = _entry(tmp_path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(_folder(tmp_path).stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_an_entry_writable_by_others_is_never_loaded(tmp_path: Path) -> None:
    """A planted entry that others could have written is a miss, and the answer is right."""
    expected = Toolkit.load().assess_text(RESUME)
    entry = _entry(tmp_path)
    marker = tmp_path / "ran"
    _plant(entry, marker)
    entry.chmod(0o666)
    assert Toolkit.load().assess_text(RESUME) == expected
    assert not marker.exists()


@pytest.mark.skipif(os.getuid() != 0, reason="planting a file of another user needs root")
def test_an_entry_of_another_user_is_never_loaded(tmp_path: Path) -> None:
    """A pickle planted by another user (here: uid 65534) is not unpickled."""
    entry = _entry(tmp_path)
    marker = tmp_path / "ran"
    _plant(entry, marker)
    os.chown(entry, 65534, 65534)
    assert "python" in Toolkit.load().assess_text(RESUME).extraction.found
    assert not marker.exists()


def test_a_folder_others_can_write_is_not_used(tmp_path: Path) -> None:
    """In a cache folder writable by others no entry is read and none is written."""
    entry = _entry(tmp_path)
    marker = tmp_path / "ran"
    _plant(entry, marker)
    _folder(tmp_path).chmod(0o777)
    assert "python" in Toolkit.load().assess_text(RESUME).extraction.found
    assert not marker.exists()


def test_a_fifo_entry_does_not_hang(tmp_path: Path) -> None:
    """A FIFO where the entry should be is a miss at once."""
    entry = _entry(tmp_path)
    entry.unlink()
    os.mkfifo(entry)
    assert "python" in Toolkit.load().assess_text(RESUME).extraction.found


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x80\x05\x95",  # truncated
        b"\x80\x05\x8a\x7f" + b"\xff" * 127 + b".",  # a 127-byte integer: not a catalog
        b"(" * 100_000 + b".",  # marks nested deeper than the unpickler's stack
    ],
    ids=["empty", "truncated", "overflowing", "deep"],
)
def test_a_damaged_entry_is_rebuilt(tmp_path: Path, damage: bytes) -> None:
    """Truncated, empty or absurd entries cost a rebuild, never an error."""
    expected = Toolkit.load().assess_text(RESUME)
    _entry(tmp_path).write_bytes(damage)
    assert Toolkit.load().assess_text(RESUME) == expected


def test_old_entries_and_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    """Entries beyond the newest few, and temporary files of dead processes, are cleaned."""
    entry = _entry(tmp_path)
    folder = entry.parent
    old = time.time() - 2 * cache.STALE_TMP_SECONDS
    for i in range(cache.KEEP_ENTRIES + 3):
        (folder / f"old{i:02d}.pickle").write_bytes(b"x")
        os.utime(folder / f"old{i:02d}.pickle", (old + i, old + i))
    stale = folder / ".x.pickle.abc.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (old, old))
    entry.unlink()
    Toolkit.load()
    assert not stale.exists()
    assert len(list(folder.glob("*.pickle"))) == cache.KEEP_ENTRIES
