"""Shared fixtures: one loaded toolkit, a CLI runner, and a HOME that is never the real one."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer import Typer
from typer.testing import CliRunner, Result

from mlgap import Toolkit


class StrictCliRunner(CliRunner):
    """A CliRunner that lets exceptions through: a crash is a test error, not exit code 1."""

    # The signature of CliRunner.invoke, with one default changed.
    def invoke(
        self,
        app: Typer,
        args: str | Sequence[str] | None = None,
        input: bytes | str | None = None,
        env: Mapping[str, str | None] | None = None,
        catch_exceptions: bool = False,
        color: bool = False,
        **extra: Any,
    ) -> Result:
        """Run `app` like CliRunner.invoke, but re-raise anything other than SystemExit."""
        return super().invoke(app, args, input, env, catch_exceptions, color, **extra)


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One catalog cache for the whole run: building it costs ~0.2 s, and most tests load it."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _session_cache: Path) -> None:
    """HOME and the cache are never the real ones; tests of the cache itself use their own."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(_session_cache))
    for name in (
        "NO_COLOR",
        "FORCE_COLOR",
        "COLUMNS",
        "MLGAP_CACHE_DIR",
        "MLGAP_NO_CACHE",
        "MLGAP_DEBUG",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Give this test a cache of its own, empty, at tmp_path/cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="session")
def kit() -> Toolkit:
    return Toolkit.load()


@pytest.fixture
def runner() -> CliRunner:
    return StrictCliRunner()


@pytest.fixture(scope="session")
def found(kit: Toolkit) -> Callable[[str], set[str]]:
    """Return a function giving the ids a text counts as had."""

    def found(text: str) -> set[str]:
        return set(kit.extractor.extract(text).found)

    return found
