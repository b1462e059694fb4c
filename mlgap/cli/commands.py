"""The commands that read one thing: assess, skills, roles, catalog check."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlgap.assess.results import Assessment
from mlgap.assess.scoring import rank_matches
from mlgap.atomic_write import resolve_target, write_output
from mlgap.cli.errors import handle_errors
from mlgap.cli.options import (
    AsOfOpt,
    CatalogOpt,
    Color,
    ColorOpt,
    JobOpt,
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
from mlgap.cli.targets import targets_for
from mlgap.errors import ExitCode, InputError
from mlgap.read.document import DEFAULT_MAX_BYTES, Document, read_document, read_job_ad
from mlgap.render import RENDERERS
from mlgap.render.catalog import ROLES_RENDERERS, SKILLS_RENDERERS
from mlgap.render.printable import printable_line
from mlgap.render.progress import DIFF_RENDERERS
from mlgap.toolkit import Toolkit

if TYPE_CHECKING:
    from mlgap.assess.targets import JobTarget

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
    job: JobOpt = None,
    as_of: AsOfOpt = None,
    color: ColorOpt = Color.auto,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Assess a résumé and/or typed skills: what is covered, what is missing, what next;
    against a role, a role file of your own, or the job ads given with --job."""
    set_verbosity(quiet, verbose)
    check_format(fmt, RENDERERS)
    month = as_of_date(as_of)
    output = output_path(output)
    if resume is None and not skills:
        raise InputError("nothing to assess", fix="give a résumé path, - for stdin, or -s SKILLS")
    _refuse_overwriting_input(resume, output)
    kit = Toolkit.load(catalog)
    targets = targets_for(kit, role, job or [], max_size)
    if resume == "-" and sys.stdin is not None and sys.stdin.isatty():
        typer.echo("mlgap: reading a résumé from standard input; end it with Ctrl-D", err=True)
    doc = read_document(resume, max_size) if resume is not None else Document("--skills", "")
    chosen: list[JobTarget | None] = [*targets] or [None]
    reports = [kit.assess_document(doc, role, skills, month, t) for t in chosen]
    if not quiet:
        _warn(reports[0])
    color_on, width = use_color(color, output), report_width(output)
    if len(reports) > 1:
        from mlgap.render.matches import MATCH_RENDERERS

        write_output(MATCH_RENDERERS[fmt](rank_matches(reports), color_on, width), output)
    else:
        write_output(RENDERERS[fmt](reports[0], color_on, width), output)
    _exit_for(reports, fail_under)


def _exit_for(reports: list[Assessment], fail_under: int | None) -> None:
    """Exit 5 when an ad names too few skills to score, 1 below --fail-under."""
    few = [r for r in reports if not r.scored_enough and r.target and r.target.kind == "job"]
    for r in few:
        unscored = ", ".join(term for term, _ in (r.target.unscored if r.target else ()))
        outside = f"; outside the catalog: {unscored}" if unscored else ""
        typer.echo(
            f"mlgap: {r.role_name}: only {len(r.requirements)} "
            f"requirement{'s' if len(r.requirements) != 1 else ''} can be scored"
            f"{outside}: the match score says little",
            err=True,
        )
    if few:
        raise typer.Exit(int(ExitCode.TOO_FEW_SCORED))
    best = max(r.score for r in reports)
    if fail_under is not None and best < fail_under:
        typer.echo(f"mlgap: score {best} is below --fail-under {fail_under}", err=True)
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


@handle_errors
def role_from_job(
    ad: Annotated[Path, typer.Argument(help="The job ad: a text, PDF or .docx file.")],
    output: OutputOpt = None,
    max_size: MaxSizeOpt = DEFAULT_MAX_BYTES,
    catalog: CatalogOpt = None,
) -> None:
    """Write a job ad's requirements as a role file to edit and pass to --role."""
    from mlgap.render.role_file import render_role_file

    output = output_path(output)
    kit = Toolkit.load(catalog)
    job = kit.job_target(read_job_ad(str(ad), max_size))
    write_output(render_role_file(job), output)


MAX_REPORT = 64 << 20  # a report is kilobytes; a larger file is not one


def _report(path: Path) -> object:
    """Return the JSON of a report file, or raise an InputError saying what is wrong."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_REPORT + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(f"cannot read: {reason}", path=str(path), fix="check the path") from None
    if len(data) > MAX_REPORT:
        raise InputError("larger than 64 MB", path=str(path), fix="give a report of mlgap assess")
    try:
        return json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise InputError(
            "not JSON", path=str(path), line=line, fix="give a file of `mlgap assess --format json`"
        ) from None


@handle_errors
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier report (mlgap assess --format json).")],
    new: Annotated[Path, typer.Argument(help="The later report.")],
    fmt: Annotated[str, format_option(DIFF_RENDERERS)] = "text",
    force: Annotated[
        bool, typer.Option("--force", help="Compare reports of different targets or catalogs.")
    ] = False,
    output: OutputOpt = None,
) -> None:
    """Show what changed between two reports: newly met, lost, still missing, the score."""
    from mlgap.assess.progress import compare

    check_format(fmt, DIFF_RENDERERS)
    output = output_path(output)
    progress = compare(_report(old), _report(new), (str(old), str(new)), force)
    write_output(DIFF_RENDERERS[fmt](progress, False, report_width(output)), output)
