"""Typed errors raised by the core; the CLI turns them into one-line messages and exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of every mlgap command (documented in the README)."""

    OK = 0
    BELOW_THRESHOLD = 1
    BAD_INPUT = 2
    BAD_CATALOG = 3
    SOME_FILES_FAILED = 4
    TOO_FEW_SCORED = 5  # a job ad names fewer than five skills mlgap can score
    INTERNAL = 70  # a bug in mlgap (EX_SOFTWARE): reported in one line, please tell us
    INTERRUPTED = 130
    CLOSED_PIPE = 141  # the reader of stdout went away (`| head`): 128 + SIGPIPE, as usual


class MlgapError(Exception):
    """An error a user can fix: where it is, what is wrong, and how to fix it."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        fix: str = "",
        kind: str = "invalid",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.fix = fix
        self.kind = kind  # a stable word for scripts: "missing", "empty", "binary", ...

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        fix = f" ({self.fix})" if self.fix else ""
        return f"{where}{self.message}{fix}"


class InputError(MlgapError):
    """A résumé, a typed skill list or an option cannot be used."""

    exit_code = ExitCode.BAD_INPUT


class CatalogError(MlgapError):
    """The skills catalog is invalid; every problem found is listed in `problems`."""

    exit_code = ExitCode.BAD_CATALOG

    def __init__(self, problems: list[MlgapError]) -> None:
        first = problems[0]
        super().__init__(first.message, path=first.path, line=first.line, fix=first.fix)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(MlgapError.__str__(p) for p in self.problems)
