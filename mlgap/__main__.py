"""Run mlgap with `python -m mlgap`."""

from mlgap.cli import main

main()
