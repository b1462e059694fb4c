"""The one place the core's typed errors become a one-line message and an exit code."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from mlgap.errors import MlgapError
from mlgap.render.printable import printable_line

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(command: F) -> F:
    """Turn the core's typed errors into `mlgap: error: ...` on stderr and the documented code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except MlgapError as error:
            for line in str(error).splitlines():
                typer.echo(f"mlgap: error: {printable_line(line)}", err=True)
            raise typer.Exit(int(error.exit_code)) from None

    return wrapper  # type: ignore[return-value]  # functools.wraps loses the signature type
