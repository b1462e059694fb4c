"""`mlgap batch`: a cohort of résumés, one row each, with checks before any work starts."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlgap.atomic_write import atomic_output, resolve_target, write_output
from mlgap.cli.errors import handle_errors
from mlgap.cli.options import (
    AsOfOpt,
    CatalogOpt,
    MaxSizeOpt,
    OutputOpt,
    QuietOpt,
    RoleOpt,
    VerboseOpt,
    as_of_date,
    check_format,
    format_option,
    output_path,
    set_verbosity,
)
from mlgap.cli.targets import targets_for
from mlgap.errors import ExitCode, InputError
from mlgap.read.document import DEFAULT_MAX_BYTES
from mlgap.render.batch_rows import ROW_FORMATS
from mlgap.toolkit import Toolkit

if TYPE_CHECKING:  # the batch modules are imported only when a batch runs: a fast start
    from mlgap.assess.targets import JobTarget
    from mlgap.batch.paths import Collected
    from mlgap.batch.rows import BatchRow
    from mlgap.batch.summary import Summary

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Résumé files and folders (walked recursively); - reads paths from stdin.",
        show_default=False,
    ),
]
FilesFromOpt = Annotated[
    str | None, typer.Option(help="Read more paths from this file, one a line (- for stdin).")
]
NullOpt = Annotated[
    bool, typer.Option("--null", "-0", help="The list of paths is NUL-separated (find -print0).")
]
GlobOpt = Annotated[
    list[str] | None,
    typer.Option(
        help="File-name pattern for folders, any case; repeatable. "
        "Default: *.txt, *.text, *.md, *.pdf, *.docx."
    ),
]
SummaryOpt = Annotated[Path | None, typer.Option(help="Write a Markdown cohort summary here.")]
JobsOpt = Annotated[
    int, typer.Option("--jobs", "-j", help="Worker processes (0: one per core).", min=0, max=1024)
]
TimeoutOpt = Annotated[
    float,
    typer.Option(help="Seconds one résumé may take before it becomes a too-slow row.", min=0.1),
]


def _check_outputs(
    found: list[str], inputs: list[str], files_from: str | None, outputs: list[Path]
) -> None:
    """Refuse, before any work, outputs that cannot be written or would overwrite an input."""
    targets = [resolve_target(o) for o in outputs]
    if len(targets) == 2 and targets[0] == targets[1]:
        raise InputError("--summary and --output name the same file", fix="give two names")
    readers = {Path(p).resolve() for p in found}
    folders = [Path(p).resolve() for p in inputs if Path(p).is_dir()]
    if files_from not in (None, "-"):
        readers.add(Path(files_from).resolve())
    for shown, target in zip(outputs, targets, strict=True):
        if target in readers or any(target.is_relative_to(f) for f in folders):
            raise InputError(
                "is one of the inputs, or inside a folder being assessed",
                path=str(shown),
                fix="write it outside the folders and lists the batch reads",
            )


@handle_errors
def batch(
    paths: PathsArg = None,
    files_from: FilesFromOpt = None,
    null: NullOpt = False,
    glob: GlobOpt = None,
    role: RoleOpt = None,
    job: Annotated[
        Path | None,
        typer.Option(
            "--job",
            help="Rank the cohort against this job ad (rows ranked by match, held to the end).",
            show_default=False,
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Assess on a Dask cluster: its scheduler's address (tcp://HOST:8786), or "
            "'local' for a local cluster of --jobs workers. Needs mlgap[dask].",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, format_option(ROW_FORMATS)] = "csv",
    output: OutputOpt = None,
    summary: SummaryOpt = None,
    jobs: JobsOpt = 0,
    timeout: TimeoutOpt = 30.0,
    max_size: MaxSizeOpt = DEFAULT_MAX_BYTES,
    catalog: CatalogOpt = None,
    as_of: AsOfOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Assess every résumé of a cohort; one row each, bad files as error rows."""
    from mlgap.batch.paths import DEFAULT_GLOBS, collect_paths
    from mlgap.batch.run import run_batch
    from mlgap.batch.summary import Summary

    set_verbosity(quiet, verbose)
    check_format(fmt, ROW_FORMATS)
    month = as_of_date(as_of)
    output = output_path(output)
    found = collect_paths(
        paths or [], files_from, tuple(glob) if glob else DEFAULT_GLOBS, null=null
    )
    _check_outputs(found.paths, paths or [], files_from, [o for o in (output, summary) if o])
    kit = Toolkit.load(catalog)
    target = next(iter(targets_for(kit, role, [job] if job else [], max_size)), None)
    cohort = Summary.for_role(kit.catalog, target.role if target else role)
    with contextlib.ExitStack() as stack:
        if dask is not None:
            rows = _dask_rows(stack, dask, found, fmt, role, target, jobs, max_size, catalog, month)
        else:
            rows = run_batch(
                found.paths, fmt=fmt, role=None if target else role, jobs=jobs,
                max_bytes=max_size, kit=kit, timeout=timeout, in_process=False,
                known_errors=found.unreadable, target=target, as_of=month,
            )  # fmt: skip
        if job is not None:  # ranked by match: the best first, error rows last, ties by path
            rows = iter(sorted(rows, key=lambda r: (r.score is None, -(r.score or 0), r.path)))
        _write_rows(rows, ROW_FORMATS[fmt].header, output, cohort, len(found.paths))
    if summary is not None:
        write_output(cohort.markdown(), summary)
    if sys.stderr is not None and sys.stderr.isatty() and not quiet:
        typer.echo(cohort.terminal(), err=True, nl=False)
    if cohort.failed:
        typer.echo(
            f"mlgap: {cohort.failed} of {len(found.paths)} files could not be assessed "
            "(see their error rows)",
            err=True,
        )
        raise typer.Exit(int(ExitCode.SOME_FILES_FAILED))


def _dask_rows(
    stack: contextlib.ExitStack,
    address: str,
    found: Collected,
    fmt: str,
    role: str | None,
    target: JobTarget | None,
    jobs: int,
    max_size: int,
    catalog: Path | None,
    as_of: date | None,
) -> Iterator[BatchRow]:
    """Return the rows of the batch assessed on a Dask cluster (closed when `stack` ends)."""
    from mlgap.batch.on_dask import dask_client, run_on_dask

    if target is not None:
        raise InputError(
            "--dask assesses against a catalog role", fix="drop --job or the role file"
        )
    client = stack.enter_context(dask_client(address, jobs))
    return run_on_dask(
        client, found.paths, fmt=fmt, role=role, catalog=catalog, max_bytes=max_size,
        known_errors=found.unreadable, as_of=as_of,
    )  # fmt: skip


def _write_rows(
    rows: Iterator[BatchRow], header: str, output: Path | None, cohort: Summary, total: int
) -> None:
    """Write the rows as they come, counting each into the summary, with a progress bar."""
    import logging  # here: importing it costs every start, and only a batch logs

    from mlgap.cli.terminal import interruptible, progress

    log = logging.getLogger(__name__)
    to_terminal = output is None and sys.stdout is not None and sys.stdout.isatty()
    with (
        interruptible(output is not None),
        atomic_output(output) as out,
        progress(total, to_terminal) as advance,
    ):
        out.write(header)
        for row in rows:
            advance()
            if row.skipped:
                log.info("skipped %s: %s", row.path, row.error)
                continue
            out.write(row.line)
            cohort.add(row)
