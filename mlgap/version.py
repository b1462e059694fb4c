"""mlgap's version: reports carry it, so that a diff knows what made them."""

VERSION = "0.1.0"  # keep equal to pyproject.toml's version (a test checks)
