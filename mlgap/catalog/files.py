"""Find and read the catalog's files: the shipped ones or a user's folder."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from mlgap.errors import CatalogError, MlgapError

CatalogFiles = list[tuple[str, str]]


def read_catalog_files(directory: str | Path | None = None) -> CatalogFiles:
    """Return (display path, text) of each catalog file in `directory` (default: shipped)."""
    return list(_catalog_files(directory))


def _catalog_files(directory: str | Path | None) -> Iterator[tuple[str, str]]:
    if directory is not None:
        root = Path(directory)
        if not root.is_dir():
            raise CatalogError(
                [
                    MlgapError(
                        "not a directory",
                        path=str(root),
                        fix="point --catalog at a folder of *.yaml files",
                    )
                ]
            )
        for path in sorted(root.glob("*.yaml")):
            yield str(path), _decode(str(path), path.read_bytes())
        return
    try:
        package: Any = resources.files("mlgap.skills")
    except ModuleNotFoundError:
        # Running from a checkout that was never installed: the catalog sits beside the package.
        package = Path(__file__).resolve().parents[2] / "skills"
    for entry in sorted(package.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            yield f"skills/{entry.name}", _decode(f"skills/{entry.name}", entry.read_bytes())


def _decode(display: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problem = MlgapError("not UTF-8 text", path=display, line=line, fix="save it as UTF-8")
        raise CatalogError([problem]) from exc


def catalog_source(directory: str | Path | None) -> str:
    """Return how a catalog folder is named in messages."""
    return str(directory) if directory is not None else "skills"
