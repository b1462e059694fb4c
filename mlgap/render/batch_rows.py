"""How one batch row is written: a CSV line, a JSON line holding the full report, or a slim
JSON line for job-board volumes."""

from __future__ import annotations

import csv
import io
import json
from typing import Protocol

from mlgap.assess.results import SCHEMA_VERSION, Assessment
from mlgap.catalog.model import IMPORTANCES

CSV_COLUMNS = (
    "path",
    "status",
    "score",
    "phase",
    "phase_name",
    "level",
    "found",
    "missing_core",
    "error_kind",
    "error",
)


class RowFormat(Protocol):
    """Turns one résumé's outcome into its output line (with the newline)."""

    header: str

    def ok(self, path: str, report: Assessment) -> str: ...

    def error(self, path: str, kind: str, message: str) -> str: ...


def _csv_line(fields: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(fields)
    return buffer.getvalue()


class CsvRows:
    """One CSV line a résumé: score, readiness, found ids and missing core requirements."""

    header = _csv_line(list(CSV_COLUMNS))

    def ok(self, path: str, report: Assessment) -> str:
        r = report.readiness
        missing_core = " ".join(g.id for g in report.gaps if g.requirement.importance == "core")
        found = " ".join(sorted(report.extraction.found))
        return _csv_line(
            [path, "ok", str(report.score), str(r.phase), r.phase_name, r.level or "", found,
             missing_core, "", ""]
        )  # fmt: skip

    def error(self, path: str, kind: str, message: str) -> str:
        return _csv_line([path, "error", "", "", "", "", "", "", kind, message])


class JsonlRows:
    """One JSON object a résumé: the `mlgap assess --format json` report plus path and status."""

    header = ""

    def ok(self, path: str, report: Assessment) -> str:
        data = {**report.to_dict(), "path": path, "status": "ok"}
        return json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n"

    def error(self, path: str, kind: str, message: str) -> str:
        data = {"path": path, "status": "error", "error": {"kind": kind, "message": message}}
        return json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n"


class SlimRows:
    """One small JSON object a résumé, for job-board volumes: the score, readiness,
    experience and the ids found and missing, without the evidence (about 1 KB a row)."""

    header = ""

    def ok(self, path: str, report: Assessment) -> str:
        r, history = report.readiness, report.extraction.experience
        data = {
            "path": path,
            "status": "ok",
            "schema_version": SCHEMA_VERSION,
            "role": report.role_id,
            "score": report.score,
            "phase": r.phase,
            "level": r.level,
            "ml_years": history.ml_years if history else None,
            "seniority": history.seniority if history else None,
            "found": sorted(report.extraction.found),
            "implied": [i.skill for i in report.implied],
            "missing": {
                imp: [g.id for g in report.gaps if g.requirement.importance == imp]
                for imp in IMPORTANCES
            },
        }
        return json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n"

    def error(self, path: str, kind: str, message: str) -> str:
        return JsonlRows().error(path, kind, message)


ROW_FORMATS: dict[str, RowFormat] = {
    "csv": CsvRows(),
    "jsonl": JsonlRows(),
    "jsonl-slim": SlimRows(),
}
