"""The command line: parse options, call the core, pick a renderer, exit."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from mlgap.atomic_write import atomic_output, write_output
from mlgap.cli.errors import handle_errors
from mlgap.errors import ExitCode, InputError
from mlgap.read.document import DEFAULT_MAX_BYTES, read_document
from mlgap.render import RENDERERS
from mlgap.render.batch_rows import ROW_FORMATS
from mlgap.render.catalog import ROLES_RENDERERS, SKILLS_RENDERERS
from mlgap.render.printable import printable_line
from mlgap.toolkit import Toolkit

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="How far is a résumé from a machine-learning career, and what next?",
)
catalog_app = typer.Typer(no_args_is_help=True, help="Check a skills catalog.")
app.add_typer(catalog_app, name="catalog")

CatalogOpt = Annotated[
    Path | None,
    typer.Option("--catalog", help="Use the catalog in this folder instead of the shipped one."),
]
RoleOpt = Annotated[
    str | None,
    typer.Option(
        "--role",
        "-r",
        help="Role to assess against (default: the catalog's first).",
        show_default=False,
    ),
]
MaxSizeOpt = Annotated[int, typer.Option(help="Largest résumé accepted, in bytes.", min=1)]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")]


def format_option(table: Mapping[str, Any]) -> Any:
    """Return a --format option whose help lists exactly the keys of `table`."""
    return typer.Option("--format", "-f", help=f"One of: {', '.join(table)}.")


def check_format(fmt: str, table: Mapping[str, Any]) -> None:
    """Refuse a format that is not in the command's renderer table."""
    if fmt not in table:
        raise InputError(f"unknown format '{fmt}'", fix=f"use one of: {', '.join(table)}")


def use_color(output: Path | None) -> bool:
    """Return whether to colour: only on a terminal, never with NO_COLOR or into a file."""
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


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
    role: RoleOpt = None,
    fmt: Annotated[str, format_option(RENDERERS)] = "text",
    output: OutputOpt = None,
    fail_under: Annotated[
        int | None, typer.Option(help="Exit 1 when the score is below this.", min=0, max=100)
    ] = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_BYTES,
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
    for note in report.extraction.notes:
        typer.echo(f"mlgap: warning: {printable_line(note)}", err=True)
    for item in report.extraction.unrecognized:
        hint = f"; did you mean {', '.join(item.suggestions)}?" if item.suggestions else ""
        warning = f"'{item.text}' matches no skill{hint}"
        typer.echo(f"mlgap: warning: {printable_line(warning)}", err=True)
    write_output(RENDERERS[fmt](report, use_color(output)), output)
    if fail_under is not None and report.score < fail_under:
        raise typer.Exit(int(ExitCode.BELOW_THRESHOLD))


@app.command("skills")
@handle_errors
def skills_command(
    query: Annotated[str | None, typer.Argument(help="Filter by id, name or alias.")] = None,
    fmt: Annotated[str, format_option(SKILLS_RENDERERS)] = "text",
    catalog: CatalogOpt = None,
) -> None:
    """Browse the skills catalog."""
    check_format(fmt, SKILLS_RENDERERS)
    typer.echo(SKILLS_RENDERERS[fmt](Toolkit.load(catalog).catalog, query), nl=False)


@app.command()
@handle_errors
def roles(
    fmt: Annotated[str, format_option(ROLES_RENDERERS)] = "text", catalog: CatalogOpt = None
) -> None:
    """List the roles one can assess against."""
    check_format(fmt, ROLES_RENDERERS)
    typer.echo(ROLES_RENDERERS[fmt](Toolkit.load(catalog).catalog), nl=False)


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
    role: RoleOpt = None,
    fmt: Annotated[str, format_option(ROW_FORMATS)] = "csv",
    output: OutputOpt = None,
    summary: Annotated[
        Path | None, typer.Option(help="Write a Markdown cohort summary here.")
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", help="Worker processes (0: one per core).", min=0)
    ] = 0,
    max_size: MaxSizeOpt = DEFAULT_MAX_BYTES,
    catalog: CatalogOpt = None,
) -> None:
    """Assess every résumé of a cohort; one row each, bad files as error rows."""
    from mlgap.batch.paths import DEFAULT_GLOBS, collect_paths
    from mlgap.batch.run import run_batch
    from mlgap.batch.summary import Summary
    from mlgap.cli.terminal import interruptible, progress

    check_format(fmt, ROW_FORMATS)
    found = collect_paths(paths or [], files_from, tuple(glob) if glob else DEFAULT_GLOBS)
    catalog_dir = str(catalog) if catalog else None
    kit = Toolkit.load(catalog_dir)
    cohort = Summary.for_role(kit.catalog, role)
    rows = run_batch(
        found, fmt=fmt, role=role, jobs=jobs, max_bytes=max_size, catalog_dir=catalog_dir, kit=kit
    )
    with interruptible(), atomic_output(output) as out, progress(len(found)) as advance:
        out.write(ROW_FORMATS[fmt].header)
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
    c = Toolkit.load(path).catalog
    typer.echo(
        f"{c.source}: ok: {len(c.skills)} skills, {len(c.roles)} roles, "
        f"{len(c.phases)} phases, {len(c.levels)} levels"
    )


def main() -> None:
    """Run the mlgap command line."""
    app(prog_name="mlgap")
