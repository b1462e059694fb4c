"""The start-up cache: used when valid, rebuilt when the catalog changes, never in the way."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mlgap import CatalogError, Toolkit, load_catalog
from mlgap.catalog import cache

SHIPPED = Path(__file__).resolve().parent.parent / "skills"
RESUME = "Skills: Python, PyTorch, Docker; no experience with Kubernetes."


@pytest.fixture(autouse=True)
def _own_cache(own_cache: Path) -> None:
    """Every test here looks at the cache folder: each gets an empty one of its own."""


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "mlgap").glob("*.pickle"))


def test_a_second_load_reads_the_cache_and_agrees(tmp_path: Path) -> None:
    """The cached tables give exactly the results of freshly built ones."""
    fresh = Toolkit.load()
    assert len(_entries(tmp_path)) == 1
    cached = Toolkit.load()
    assert cached.catalog == fresh.catalog
    assert cached.assess_text(RESUME) == fresh.assess_text(RESUME)


def test_a_corrupt_entry_is_rebuilt(tmp_path: Path) -> None:
    """A damaged cache file costs time, never a wrong answer or an error."""
    expected = Toolkit.load().assess_text(RESUME)
    (entry,) = _entries(tmp_path)
    entry.write_bytes(b"not a pickle")
    assert Toolkit.load().assess_text(RESUME) == expected


def test_no_cache_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MLGAP_NO_CACHE=1 turns the cache off."""
    monkeypatch.setenv("MLGAP_NO_CACHE", "1")
    Toolkit.load()
    assert _entries(tmp_path) == []


def test_an_edited_catalog_gets_its_own_entry(tmp_path: Path) -> None:
    """Changing a catalog file changes the key, so stale tables are never used."""
    folder = tmp_path / "catalog"
    shutil.copytree(SHIPPED, folder)
    before = Toolkit.load(folder)
    languages = folder / "languages.yaml"
    text = languages.read_text(encoding="utf-8")
    assert text.count("pyhton") == 1  # Python's typo alias, in flow or block style alike
    languages.write_text(text.replace("pyhton", "snake lang"), encoding="utf-8")
    after = Toolkit.load(folder)
    assert len(_entries(tmp_path)) == 2
    assert "python" in after.assess_text("snake lang").extraction.found
    assert "python" not in before.assess_text("snake lang").extraction.found


def test_a_catalog_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    """A catalog file in another encoding is named, with the line of the first bad byte."""
    folder = tmp_path / "catalog"
    shutil.copytree(SHIPPED, folder)
    (folder / "zz.yaml").write_bytes(b"categories: []\n# caf\xe9\n")
    with pytest.raises(CatalogError, match=r"zz.yaml:2: not UTF-8 text"):
        load_catalog(folder)


def test_an_edited_module_changes_the_code_fingerprint(tmp_path: Path) -> None:
    """A module edited in place (same name, same folder) gives the cache a new key."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    module = package / "sub" / "mod.py"
    module.write_text("X = 1\n", encoding="utf-8")
    (package / "sub" / "notes.txt").write_text("not code", encoding="utf-8")
    before = cache.code_fingerprint(package)
    (package / "sub" / "notes.txt").write_text("still not code", encoding="utf-8")
    assert cache.code_fingerprint(package) == before
    module.write_text("X = 22\n", encoding="utf-8")
    assert cache.code_fingerprint(package) != before
    edited = cache.code_fingerprint(package)
    os.utime(module, ns=(1, 1))  # same size, another time: a file put back by a checkout
    assert cache.code_fingerprint(package) not in (before, edited)
