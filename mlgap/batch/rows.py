"""One résumé's outcome in a batch: the line written for it and what the summary counts."""

from __future__ import annotations

from dataclasses import dataclass

from mlgap.assess.results import Assessment
from mlgap.render.batch_rows import RowFormat


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One résumé's outcome: its formatted output line, and what the summary needs of it."""

    path: str
    line: str
    score: int | None = None  # None: the résumé could not be assessed
    phase: str = ""
    level: str = ""
    gaps: tuple[str, ...] = ()
    coverage: tuple[tuple[str, int, int], ...] = ()
    error_kind: str = ""
    error: str = ""
    skipped: bool = False  # not a résumé (an mlgap report left in the folder): no row at all

    def __reduce__(self) -> tuple[type[BatchRow], tuple[object, ...]]:
        # Rows cross from workers to the parent by the thousand: pickled as a plain tuple
        # they cost less than half of the default (a copyreg round per field).
        return (BatchRow, tuple(getattr(self, name) for name in self.__slots__))

    @classmethod
    def ok(cls, path: str, report: Assessment, rows: RowFormat) -> BatchRow:
        """Return the row of an assessed résumé."""
        r = report.readiness
        return cls(
            path,
            rows.ok(path, report),
            score=report.score,
            phase=f"{r.phase}. {r.phase_name}",
            level=r.level_name,
            gaps=tuple(g.id for g in report.gaps),
            coverage=tuple((c.name, c.met, c.total) for c in report.coverage),
        )

    @classmethod
    def skip(cls, path: str, why: str) -> BatchRow:
        """Return the mark of a file that is left out: it gets no row and is no failure."""
        return cls(path, "", error=why, skipped=True)

    @classmethod
    def failed(cls, path: str, kind: str, message: str, rows: RowFormat) -> BatchRow:
        """Return the error row of a résumé that could not be assessed."""
        return cls(path, rows.error(path, kind, message), error_kind=kind, error=message)
