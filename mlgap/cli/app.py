"""The command line: the app, its commands, and the one place every error becomes one line.

Every failure a user can meet ends as one line `mlgap: error: ...` on stderr and a
documented exit code (README): the core's typed errors (cli/errors.py), usage errors, a
closed or full standard output, interruption, and, should one slip through, an internal
error (code 70, with a request to report it; MLGAP_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import Any

import typer

# typer vendors click (pinned in pyproject): its exceptions are the ones raised here.
from typer import _click
from typer.core import TyperGroup

from mlgap.cli.batch_command import batch
from mlgap.cli.commands import assess, catalog_check, diff, role_from_job, roles, skills
from mlgap.cli.errors import quiet_closed_pipe
from mlgap.errors import ExitCode
from mlgap.render.printable import printable_line

HELP = {"help_option_names": ["-h", "--help"]}


def _say(message: str) -> None:
    if sys.stderr is not None:
        print(f"mlgap: {printable_line(message)}", file=sys.stderr)


class MlgapGroup(TyperGroup):
    """A command group whose every failure is one line and an exit code, never a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the group as click does, but with mlgap's one-line errors and exit codes."""
        kwargs["standalone_mode"] = False
        argv = kwargs.get("args", args[0] if args else None)
        if argv is None:
            argv = sys.argv[1:]
        if not list(argv) and self.name in (None, "", "main", "mlgap"):  # bare `mlgap`
            _say("error: no command given (see 'mlgap --help')")
            context = self.make_context("mlgap", [], resilient_parsing=True)
            with contextlib.redirect_stdout(sys.stderr):  # typer's help prints to stdout
                typer.echo(self.get_help(context), err=True, nl=False)
            sys.exit(int(ExitCode.BAD_INPUT))
        sys.exit(run_guarded(lambda: super(MlgapGroup, self).main(*args, **kwargs)))


def run_guarded(run: Any) -> int:
    """Run the command line and return its exit code, turning every failure into one line."""
    try:
        code = run()
        _flush_stdout()
        return code if isinstance(code, int) else 0
    except _click.exceptions.NoArgsIsHelpError as error:  # `mlgap catalog`: its help
        if sys.stderr is not None:
            print(error.format_message(), file=sys.stderr)
        return int(ExitCode.BAD_INPUT)
    except _click.exceptions.UsageError as error:
        where = (
            f"mlgap {error.ctx.command_path.split(' ', 1)[1]}"
            if error.ctx and " " in error.ctx.command_path
            else "mlgap"
        )
        _say(f"error: {error.format_message()} (see '{where} --help')")
        return int(ExitCode.BAD_INPUT)
    except _click.exceptions.ClickException as error:
        _say(f"error: {error.format_message()}")
        return int(error.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _say("interrupted")
        return int(ExitCode.INTERRUPTED)
    except OSError as error:  # one the core did not turn into a typed error: still one line
        return _os_error(error)
    except Exception as error:
        if os.environ.get("MLGAP_DEBUG") == "1":
            raise
        report = "please report it; MLGAP_DEBUG=1 shows where"
        _say(f"internal error: {type(error).__name__}: {error} ({report})")
        return int(ExitCode.INTERNAL)


def _flush_stdout() -> None:
    if sys.stdout is not None:
        sys.stdout.flush()


def _os_error(error: OSError) -> int:
    """Say what the system refused: a closed pipe quietly, anything else in one line."""
    if error.errno == errno.EPIPE:
        quiet_closed_pipe()
        return int(ExitCode.CLOSED_PIPE)
    where = f"{error.filename}: " if error.filename else ""
    _say(f"error: {where}{error.strerror or error}")
    return int(ExitCode.BAD_INPUT)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"mlgap {version('mlgap')}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Print the version."
    ),
) -> None:
    """How far is a résumé from a machine-learning career, and what next?"""


catalog_app = typer.Typer(
    cls=MlgapGroup, context_settings=HELP, no_args_is_help=True, help="Check a skills catalog."
)
catalog_app.command("check", context_settings=HELP)(catalog_check)
role_app = typer.Typer(
    cls=MlgapGroup, context_settings=HELP, no_args_is_help=True, help="Make a role of your own."
)
role_app.command("from-job", context_settings=HELP)(role_from_job)
# Every command, in the order `mlgap --help` lists them: a function, or a group of its own.
COMMANDS: dict[str, Any] = {
    "catalog": catalog_app,
    "role": role_app,
    "assess": assess,
    "batch": batch,
    "skills": skills,
    "roles": roles,
    "diff": diff,
}


def make_app(names: list[str] | None = None) -> typer.Typer:
    """Return the command line with the commands `names` (default: all of them)."""
    made = typer.Typer(
        cls=MlgapGroup,
        context_settings=HELP,
        help="How far is a résumé from a machine-learning career, and what next?",
        pretty_exceptions_enable=False,
    )
    made.callback()(_root)
    for name in COMMANDS if names is None else names:
        command = COMMANDS[name]
        if isinstance(command, typer.Typer):
            made.add_typer(command, name=name)
        else:
            made.command(name, context_settings=HELP)(command)
    return made


app = make_app()


def main() -> None:
    """Run the mlgap command line."""
    if sys.stdout is None:  # started with stdout closed (>&-): nothing could be printed
        _say("error: standard output is closed (redirect it, or give -o FILE)")
        sys.exit(int(ExitCode.BAD_INPUT))
    # Typer builds the parser of every command an app holds, on every run: an app holding only
    # the command named runs the same and starts some 5 ms sooner (help needs them all).
    name = sys.argv[1] if len(sys.argv) > 1 else ""
    (make_app([name]) if name in COMMANDS else app)(prog_name="mlgap")
