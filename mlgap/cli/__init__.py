"""The command line: a thin layer that parses options, calls the core and renders."""

from __future__ import annotations

from mlgap.cli.app import app, main

__all__ = ["app", "main"]
