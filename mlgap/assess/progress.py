"""What changed between two reports of one person against one target: `mlgap diff`.

It reads the reports' JSON (schema 3): requirements are matched by id; reports made against
different targets or catalogs are not like for like, and are refused unless forced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mlgap.assess.results import SCHEMA_VERSION
from mlgap.errors import InputError
from mlgap.plain_data import fields_dict

_NEEDED = ("schema_version", "target", "catalog_fingerprint", "requirements", "score")


@dataclass(frozen=True, slots=True)
class Change:
    """One requirement whose status is compared."""

    id: str
    label: str
    importance: str
    points: int
    before: str  # met, implied or missing
    after: str

    def to_dict(self) -> dict[str, Any]:
        """Return the change as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class Progress:
    """Two reports compared: requirements newly met, newly lost and still missing; the score
    per tier; phase, level and experience before and after."""

    old: str
    new: str
    target: str
    like_for_like: bool  # same target and catalog; False only when forced
    reason: str  # why not like for like ("" when it is)
    score: tuple[int, int]
    tiers: tuple[tuple[str, int, int, int], ...]  # (tier, points before, after, possible)
    newly_met: tuple[Change, ...]
    newly_lost: tuple[Change, ...]
    still_missing: tuple[Change, ...]
    phase: tuple[str, str]
    level: tuple[str, str]
    years: tuple[float | None, float | None]  # ML or data work

    def to_dict(self) -> dict[str, Any]:
        """Return the comparison as plain data."""
        data = fields_dict(self)
        data["tiers"] = [
            {"importance": t, "before": b, "after": a, "max_points": m} for t, b, a, m in self.tiers
        ]
        return data


_STATUSES = frozenset({"met", "implied", "missing"})


def _shape_problem(report: dict[str, Any]) -> str:
    """Return what of a report's shape a comparison cannot use ("" when it can): the file
    may have been edited, cut short, or be something else in JSON."""
    target = report["target"]
    if not isinstance(target, dict) or not all(
        isinstance(target.get(k), str) for k in ("id", "name", "digest")
    ):
        return "its target is not an id, name and digest"
    if not isinstance(report["score"], int) or not isinstance(report["requirements"], list):
        return "its score or requirements are not a number and a list"
    for r in report["requirements"]:
        if not (
            isinstance(r, dict)
            and all(isinstance(r.get(k), str) for k in ("id", "label", "importance"))
            and r.get("status") in _STATUSES
            and isinstance(r.get("points"), int)
        ):
            return "a requirement lacks its id, label, importance, status or points"
    for b in report.get("score_breakdown", ()):
        if not (isinstance(b, dict) and isinstance(b.get("importance"), str)) or not all(
            isinstance(b.get(k), int) for k in ("points", "max_points")
        ):
            return "its score breakdown is not tiers with points"
    if not isinstance(report.get("readiness", {}), dict):
        return "its readiness is not an object"
    history = report.get("experience")
    if history is not None and not (
        isinstance(history, dict) and isinstance(history.get("ml_years"), int | float)
    ):
        return "its experience has no years"
    return ""


def _check(report: Any, name: str) -> dict[str, Any]:
    fix = "give two files of `mlgap assess --format json`"
    if not isinstance(report, dict) or any(key not in report for key in _NEEDED):
        raise InputError("not an mlgap report", path=name, fix=fix)
    if report["schema_version"] != SCHEMA_VERSION:
        raise InputError(
            f"a report of schema version {report['schema_version']}, not {SCHEMA_VERSION}",
            path=name,
            fix="make both reports again with this mlgap",
        )
    if problem := _shape_problem(report):
        raise InputError(f"not an mlgap report: {problem}", path=name, fix=fix)
    return report


def _unlike(old: dict[str, Any], new: dict[str, Any]) -> str:
    """Return why two reports are not like for like, or ""."""
    a, b = old["target"], new["target"]
    if (a.get("id"), a.get("digest")) != (b.get("id"), b.get("digest")):
        return f"made against different targets: {a.get('name')} and {b.get('name')}"
    if old["catalog_fingerprint"] != new["catalog_fingerprint"]:
        return "made with different catalogs"
    return ""


def compare(old: Any, new: Any, names: tuple[str, str], force: bool = False) -> Progress:
    """Return what changed from report `old` to report `new` (their JSON data)."""
    old, new = _check(old, names[0]), _check(new, names[1])
    reason = _unlike(old, new)
    if reason and not force:
        raise InputError(
            f"the reports were {reason}", fix="compare reports of one target, or --force"
        )
    before = {r["id"]: r for r in old["requirements"]}
    changes = [
        Change(
            r["id"],
            r["label"],
            r["importance"],
            r["points"],
            before[r["id"]]["status"] if r["id"] in before else "missing",
            r["status"],
        )
        for r in new["requirements"]
    ]
    lost_ids = {r["id"] for r in old["requirements"] if r["status"] != "missing"}
    gone = [
        Change(r["id"], r["label"], r["importance"], r["points"], r["status"], "missing")
        for r in old["requirements"]
        if r["id"] not in {c.id for c in changes} and r["id"] in lost_ids
    ]
    tiers_old = {b["importance"]: b for b in old.get("score_breakdown", ())}
    tiers = tuple(
        (
            b["importance"],
            tiers_old.get(b["importance"], {}).get("points", 0),
            b["points"],
            b["max_points"],
        )
        for b in new.get("score_breakdown", ())
    )
    return Progress(
        old=names[0],
        new=names[1],
        target=new["target"].get("name", ""),
        like_for_like=not reason,
        reason=reason,
        score=(old["score"], new["score"]),
        tiers=tiers,
        newly_met=tuple(c for c in changes if c.before == "missing" and c.after != "missing"),
        newly_lost=tuple(c for c in changes if c.before != "missing" and c.after == "missing")
        + tuple(gone),
        still_missing=tuple(c for c in changes if c.before == c.after == "missing"),
        phase=(_phase(old), _phase(new)),
        level=(_level(old), _level(new)),
        years=(_years(old), _years(new)),
    )


def _phase(report: dict[str, Any]) -> str:
    r = report.get("readiness") or {}
    return f"phase {r.get('phase', 0)} ({r.get('phase_name', '')})"


def _level(report: dict[str, Any]) -> str:
    return str((report.get("readiness") or {}).get("level_name", ""))


def _years(report: dict[str, Any]) -> float | None:
    history = report.get("experience")
    return float(history["ml_years"]) if history else None
