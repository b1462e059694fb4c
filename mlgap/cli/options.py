"""The options several commands share, spelled the same everywhere.

Short forms mean one thing in every command: -r role, -f format, -o output, -j jobs,
-s skills, -q quiet, -v verbose, -V version, -h help.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from mlgap.errors import InputError

MAX_SIZE_LIMIT = 1 << 34  # 16 GiB: beyond any file, and still a size the OS can read


class Color(StrEnum):
    """When to colour a report for people."""

    auto = "auto"
    always = "always"
    never = "never"


CatalogOpt = Annotated[
    Path | None,
    typer.Option("--catalog", help="Use the catalog in this folder instead of the shipped one."),
]
RoleOpt = Annotated[
    str | None,
    typer.Option(
        "--role",
        "-r",
        help="Role to assess against: a catalog role's id (default: the catalog's) or a role "
        "file (.yaml) of your own.",
        show_default=False,
    ),
]
MaxSizeOpt = Annotated[
    int,
    typer.Option(help="Largest résumé accepted, in bytes.", min=1, max=MAX_SIZE_LIMIT),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write here (- for standard output).", show_default=False),
]
ColorOpt = Annotated[
    Color,
    typer.Option(help="Colour the text report: auto (a terminal, unless NO_COLOR), always, never."),
]
JobOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--job",
        help="Match against this job ad (a text, PDF or .docx file); repeat for several.",
        show_default=False,
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="The month 'present' in a work history means, YYYY-MM (default: this month).",
        show_default=False,
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print no warnings.")]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Say more: files skipped, cache misses.")
]


def format_option(table: Mapping[str, Any]) -> Any:
    """Return a --format option whose help lists exactly the keys of `table`."""
    return typer.Option("--format", "-f", help=f"One of: {', '.join(table)}.")


def check_format(fmt: str, table: Mapping[str, Any]) -> None:
    """Refuse a format that is not in the command's renderer table."""
    if fmt not in table:
        raise InputError(f"unknown format '{fmt}'", fix=f"use one of: {', '.join(table)}")


def output_path(output: Path | None) -> Path | None:
    """Return the file to write, or None for standard output (`-o -` means stdout)."""
    return None if output is None or str(output) == "-" else output


def as_of_date(given: str | None) -> date | None:
    """Return the --as-of month as its first day (None: today), or raise an InputError."""
    if given is None:
        return None
    try:
        year, month = (int(part) for part in given.split("-"))
        return date(year, month, 1)
    except ValueError:
        raise InputError(
            f"--as-of '{given}' is not a month", fix="give it as YYYY-MM, e.g. 2026-12"
        ) from None


def report_width(output: Path | None) -> int:
    """Return the text report's width: COLUMNS when set, else the terminal's, else 80; kept
    between 60 and 160 so that its columns still line up."""
    if output is not None:
        return 80
    if os.environ.get("COLUMNS", "").isdigit():
        columns = int(os.environ["COLUMNS"])
    elif sys.stdout is not None and sys.stdout.isatty():
        columns = shutil.get_terminal_size((80, 24)).columns
    else:
        columns = 80
    return max(60, min(160, columns))


def use_color(choice: Color, output: Path | None) -> bool:
    """Return whether to colour: --color, else FORCE_COLOR, NO_COLOR, and a terminal."""
    if choice is not Color.auto:
        return choice is Color.always
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR"):
        return False
    return output is None and sys.stdout is not None and sys.stdout.isatty()


_HANDLER = "mlgap-stderr"  # the name our handler is known by: added once per process


def set_verbosity(quiet: bool, verbose: bool) -> None:
    """Send the library's log lines to stderr: INFO with -v, WARNING by default, none with -q."""
    if not verbose and "logging" not in sys.modules:
        # The library logs at INFO only, which nothing shows unless asked: with logging not
        # yet imported nobody asked, and leaving it unimported saves every start 4 ms.
        return
    import logging

    class Stderr(logging.Handler):
        """Writes to whatever sys.stderr is at the time (a test runner swaps it per command)."""

        def emit(self, record: logging.LogRecord) -> None:
            if sys.stderr is not None:
                print(f"mlgap: {record.getMessage()}", file=sys.stderr)

    logger = logging.getLogger("mlgap")
    logger.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    if not any(h.get_name() == _HANDLER for h in logger.handlers):
        handler = Stderr()
        handler.set_name(_HANDLER)
        logger.addHandler(handler)
