"""The command line: parse options, call the core, pick a renderer, exit."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from mlgap import Toolkit
from mlgap.assess import DEFAULT_ROLE
from mlgap.batch import DEFAULT_GLOBS, collect_paths, run_batch
from mlgap.batch_format import FORMATTERS
from mlgap.batch_output import Summary
from mlgap.cli_support import interruptible, progress
from mlgap.errors import ExitCode, InputError, MlgapError
from mlgap.output import atomic_output, write_output
from mlgap.read import DEFAULT_MAX_BYTES, read_document
from mlgap.render import RENDERERS
from mlgap.render.catalog import render_roles, render_skills

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="How far is a résumé from a machine-learning career, and what next?",
)
catalog_app = typer.Typer(no_args_is_help=True, help="Check a skills catalog.")
app.add_typer(catalog_app, name="catalog")
F = TypeVar("F", bound=Callable[..., Any])

CatalogOpt = Annotated[
    Path | None,
    typer.Option("--catalog", help="Use the catalog in this folder instead of the shipped one."),
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(RENDERERS)}.")]


def handle_errors(command: F) -> F:
    """Turn the core's typed errors into one line on stderr and the documented exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except MlgapError as error:
            for line in str(error).splitlines():
                typer.echo(f"mlgap: error: {line}", err=True)
            raise typer.Exit(int(error.exit_code)) from None

    return wrapper  # type: ignore[return-value]


def use_color(output: Path | None) -> bool:
    """Return whether to colour: only on a terminal, never with NO_COLOR or into a file."""
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def check_format(fmt: str, choices: dict[str, Any]) -> None:
    if fmt not in choices:
        raise InputError(f"unknown format '{fmt}'", fix=f"use one of: {', '.join(choices)}")


@app.command()
@handle_errors
def assess(
    resume: Annotated[
        str | None, typer.Argument(help="Résumé file, or - for standard input.", show_default=False)
    ] = None,
    skills: Annotated[
        list[str] | None,
        typer.Option("--skills", "-s", help="Skills, comma or semicolon separated; repeatable."),
    ] = None,
    role: Annotated[
        str, typer.Option(help="Role to assess against (see `mlgap roles`).")
    ] = DEFAULT_ROLE,
    fmt: FormatOpt = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    fail_under: Annotated[
        int | None, typer.Option(help="Exit 1 when the score is below this.", min=0, max=100)
    ] = None,
    max_size: Annotated[
        int, typer.Option(help="Largest résumé accepted, in bytes.", min=1)
    ] = DEFAULT_MAX_BYTES,
    catalog: CatalogOpt = None,
) -> None:
    """Assess a résumé and/or typed skills: what is covered, what is missing, what next."""
    check_format(fmt, RENDERERS)
    if resume is None and not skills:
        raise InputError("nothing to assess", fix="give a résumé path, - for stdin, or -s SKILLS")
    kit = Toolkit.load(catalog)
    if resume is not None:
        report = kit.assess_document(read_document(resume, max_size), role, skills)
    else:
        report = kit.assess_text("", role, "--skills", skills)
    for item in report.extraction.unrecognized:
        hint = f"; did you mean {', '.join(item.suggestions)}?" if item.suggestions else ""
        typer.echo(f"mlgap: warning: '{item.text}' matches no skill{hint}", err=True)
    write_output(RENDERERS[fmt](report, kit.catalog, use_color(output)), output)
    if fail_under is not None and report.score < fail_under:
        raise typer.Exit(int(ExitCode.BELOW_THRESHOLD))


@app.command("skills")
@handle_errors
def skills_command(
    query: Annotated[str | None, typer.Argument(help="Filter by id, name or alias.")] = None,
    fmt: FormatOpt = "text",
    catalog: CatalogOpt = None,
) -> None:
    """Browse the skills catalog."""
    check_format(fmt, {"text": 1, "json": 1})
    kit = Toolkit.load(catalog)
    typer.echo(render_skills(kit.catalog, query, fmt), nl=False)


@app.command()
@handle_errors
def roles(fmt: FormatOpt = "text", catalog: CatalogOpt = None) -> None:
    """List the roles one can assess against."""
    check_format(fmt, {"text": 1, "json": 1})
    typer.echo(render_roles(Toolkit.load(catalog).catalog, fmt), nl=False)


@app.command()
@handle_errors
def batch(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Résumé files and folders (walked recursively).", show_default=False),
    ] = None,
    files_from: Annotated[
        str | None, typer.Option(help="Read more paths from this file, one a line (- for stdin).")
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            help="File-name pattern for folders; repeatable. "
            "Default: *.txt, *.text, *.md, *.pdf, *.docx."
        ),
    ] = None,
    role: Annotated[str, typer.Option(help="Role to assess against.")] = DEFAULT_ROLE,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or jsonl.")] = "csv",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    summary: Annotated[
        Path | None, typer.Option(help="Write a Markdown cohort summary here.")
    ] = None,
    jobs: Annotated[int, typer.Option(help="Worker processes (0: one per core).", min=0)] = 0,
    max_size: Annotated[
        int, typer.Option(help="Largest résumé accepted, in bytes.", min=1)
    ] = DEFAULT_MAX_BYTES,
    catalog: CatalogOpt = None,
) -> None:
    """Assess every résumé of a cohort; one row each, bad files as error rows."""
    check_format(fmt, FORMATTERS)
    found = collect_paths(paths or [], files_from, tuple(glob) if glob else DEFAULT_GLOBS)
    catalog_dir = str(catalog) if catalog else None
    kit = Toolkit.load(catalog_dir)
    cohort = Summary.for_role(kit.catalog, role)
    rows = run_batch(
        found, fmt=fmt, role=role, jobs=jobs, max_bytes=max_size, catalog_dir=catalog_dir, kit=kit
    )
    with interruptible(), atomic_output(output) as out, progress(len(found)) as advance:
        out.write(FORMATTERS[fmt].header)
        for row in rows:
            out.write(row.line)
            cohort.add(row)
            advance()
    if summary is not None:
        write_output(cohort.markdown(), summary)
    if sys.stderr.isatty():
        typer.echo(cohort.terminal(), err=True, nl=False)
    if cohort.failed:
        typer.echo(
            f"mlgap: {cohort.failed} of {len(found)} files could not be assessed "
            "(see their error rows)",
            err=True,
        )
        raise typer.Exit(int(ExitCode.SOME_FILES_FAILED))


@catalog_app.command("check")
@handle_errors
def catalog_check(
    path: Annotated[Path | None, typer.Argument(help="Catalog folder (default: shipped).")] = None,
) -> None:
    """Validate a catalog folder; print every problem as file:line: message."""
    kit = Toolkit.load(path)
    c = kit.catalog
    typer.echo(
        f"{c.source}: ok: {len(c.skills)} skills, {len(c.roles)} roles, "
        f"{len(c.phases)} phases, {len(c.levels)} levels"
    )


def main() -> None:
    """Run the mlgap command line."""
    app(prog_name="mlgap")
