"""The one place the core's typed errors become a one-line message and an exit code."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from mlgap.errors import CatalogError, ExitCode, MlgapError
from mlgap.render.printable import printable_line

F = TypeVar("F", bound=Callable[..., Any])


def quiet_closed_pipe() -> None:
    """Point stdout at /dev/null, so that no later flush fails again on the closed pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno() if sys.stdout is not None else 1)
        os.close(devnull)


def handle_errors(command: F) -> F:
    """Turn the core's typed errors into `mlgap: error: ...` on stderr and the documented code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except CatalogError as error:
            # `path:line: message`, one problem a line, as compilers print them: editors and
            # CI annotators jump to each.
            for problem in error.problems:
                typer.echo(printable_line(MlgapError.__str__(problem)), err=True)
            raise typer.Exit(int(error.exit_code)) from None
        except MlgapError as error:
            for line in str(error).splitlines():
                typer.echo(f"mlgap: error: {printable_line(line)}", err=True)
            raise typer.Exit(int(error.exit_code)) from None
        except BrokenPipeError:  # the reader went away (`| head`): stop quietly
            quiet_closed_pipe()
            raise typer.Exit(int(ExitCode.CLOSED_PIPE)) from None

    return wrapper  # type: ignore[return-value]  # functools.wraps loses the signature type
