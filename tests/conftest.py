"""Shared fixtures: one loaded toolkit, a CLI runner, and a HOME that is never the real one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlgap import Toolkit


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def kit() -> Toolkit:
    return Toolkit.load()


@pytest.fixture
def runner() -> Iterator[CliRunner]:
    yield CliRunner()


def found(kit: Toolkit, text: str) -> set[str]:
    """Return the ids `text` counts as had."""
    return set(kit.extractor.extract(text).found)
