"""The commands that read one thing: assess, skills, roles, catalog check."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from mlgap.assess.results import Assessment
from mlgap.atomic_write import resolve_target, write_output
from mlgap.cli.errors import handle_errors
from mlgap.cli.options import (
    AsOfOpt,
    CatalogOpt,
    Color,
    ColorOpt,
    MaxSizeOpt,
    OutputOpt,
    QuietOpt,
    RoleOpt,
    VerboseOpt,
    as_of_date,
    check_format,
    format_option,
    output_path,
    report_width,
    set_verbosity,
    use_color,
)
from mlgap.errors import ExitCode, InputError
from mlgap.read.document import DEFAULT_MAX_BYTES, read_document
from mlgap.render import RENDERERS
from mlgap.render.catalog import ROLES_RENDERERS, SKILLS_RENDERERS
from mlgap.render.printable import printable_line
from mlgap.toolkit import Toolkit

ResumeArg = Annotated[
    str | None, typer.Argument(help="Résumé file, or - for standard input.", show_default=False)
]
SkillsOpt = Annotated[
    list[str] | None,
    typer.Option("--skills", "-s", help="Skills, comma or semicolon separated; repeatable."),
]
FailUnderOpt = Annotated[
    int | None, typer.Option(help="Exit 1 when the score is below this.", min=0, max=100)
]


def _refuse_overwriting_input(resume: str | None, output: Path | None) -> None:
    """Refuse `-o` naming the résumé itself: the report would destroy what it reports on."""
    if resume in (None, "-") or output is None:
        return
    source, target = Path(resume), resolve_target(output)
    if source.exists() and target.exists() and source.samefile(target):
        raise InputError(
            "is the résumé being assessed", path=str(output), fix="write the report elsewhere"
        )


def _warn(report: Assessment) -> None:
    """Say on stderr what the report cannot show in its flow: text left unread, unknown skills."""
    for note in report.extraction.notes:
        typer.echo(f"mlgap: warning: {printable_line(note)}", err=True)
    for item in report.extraction.unrecognized:
        typer.echo(f"mlgap: warning: {printable_line(item.describe())}", err=True)


@handle_errors
def assess(
    resume: ResumeArg = None,
    skills: SkillsOpt = None,
    role: RoleOpt = None,
    fmt: Annotated[str, format_option(RENDERERS)] = "text",
    output: OutputOpt = None,
    fail_under: FailUnderOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_BYTES,
    catalog: CatalogOpt = None,
    as_of: AsOfOpt = None,
    color: ColorOpt = Color.auto,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Assess a résumé and/or typed skills: what is covered, what is missing, what next."""
    set_verbosity(quiet, verbose)
    check_format(fmt, RENDERERS)
    month = as_of_date(as_of)
    output = output_path(output)
    if resume is None and not skills:
        raise InputError("nothing to assess", fix="give a résumé path, - for stdin, or -s SKILLS")
    _refuse_overwriting_input(resume, output)
    kit = Toolkit.load(catalog)
    if resume == "-" and sys.stdin is not None and sys.stdin.isatty():
        typer.echo("mlgap: reading a résumé from standard input; end it with Ctrl-D", err=True)
    doc = read_document(resume, max_size) if resume is not None else None
    report = (
        kit.assess_document(doc, role, skills, month)
        if doc
        else kit.assess_text("", role, "--skills", skills)
    )
    if not quiet:
        _warn(report)
    text = RENDERERS[fmt](report, use_color(color, output), report_width(output))
    write_output(text, output)
    if fail_under is not None and report.score < fail_under:
        typer.echo(f"mlgap: score {report.score} is below --fail-under {fail_under}", err=True)
        raise typer.Exit(int(ExitCode.BELOW_THRESHOLD))


@handle_errors
def skills(
    query: Annotated[str | None, typer.Argument(help="Filter by id, name or alias.")] = None,
    fmt: Annotated[str, format_option(SKILLS_RENDERERS)] = "text",
    catalog: CatalogOpt = None,
) -> None:
    """Browse the skills catalog."""
    check_format(fmt, SKILLS_RENDERERS)
    write_output(SKILLS_RENDERERS[fmt](Toolkit.load(catalog).catalog, query), None)


@handle_errors
def roles(
    fmt: Annotated[str, format_option(ROLES_RENDERERS)] = "text", catalog: CatalogOpt = None
) -> None:
    """List the roles one can assess against."""
    check_format(fmt, ROLES_RENDERERS)
    write_output(ROLES_RENDERERS[fmt](Toolkit.load(catalog).catalog), None)


@handle_errors
def catalog_check(
    path: Annotated[Path | None, typer.Argument(help="Catalog folder (default: shipped).")] = None,
) -> None:
    """Validate a catalog folder; print every problem as file:line: message."""
    c = Toolkit.load(path).catalog
    write_output(
        f"{c.source}: ok: {len(c.skills)} skills, {len(c.roles)} roles, "
        f"{len(c.phases)} phases, {len(c.levels)} levels\n",
        None,
    )
