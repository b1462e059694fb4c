"""`mlgap diff`: what changed between two reports, as text or JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mlgap.render.printable import printable

if TYPE_CHECKING:  # the comparison is imported only when `mlgap diff` runs
    from mlgap.assess.progress import Change, Progress

MAX_LISTED = 10  # still-missing requirements listed in text; JSON has them all
_TIERS = ("core", "important", "bonus")


def _changes(title: str, changes: tuple[Change, ...], sign: str, cap: int = 1000) -> list[str]:
    if not changes:
        return []
    ordered = sorted(changes, key=lambda c: _TIERS.index(c.importance))
    out = [f"{title} ({len(changes)})"]
    out += [f"  {sign}{c.points} pts  {c.importance:<10} {c.label}" for c in ordered[:cap]]
    if len(ordered) > cap:
        out.append(f"  … and {len(ordered) - cap} more (--format json lists them all)")
    return ["", *out]


def _years(value: float | None) -> str:
    return "none dated" if value is None else f"{value:g} years"


def _delta(before: float, after: float) -> str:
    d = after - before
    return f"{d:+g}" if d else "±0"


def render_progress_text(p: Progress, color: bool = False, width: int = 80) -> str:
    """Return the comparison as plain text."""
    out = [f"mlgap diff · {p.old} → {p.new} · {p.target}"]
    if not p.like_for_like:
        out.append(f"Not like for like: the reports were {p.reason} (compared with --force).")
    old, new = p.score
    out.append(f"Score {old} → {new} ({_delta(old, new)})")
    out.append(
        "  " + " · ".join(f"{t} {b}/{m} → {a}/{m} pts ({_delta(b, a)})" for t, b, a, m in p.tiers)
    )
    out += _changes("Newly met", p.newly_met, "+")
    out += _changes("Newly lost", p.newly_lost, "-")
    out += _changes("Still missing", p.still_missing, "+", MAX_LISTED)
    out.append("")
    for name, (was, now) in (("Roadmap", p.phase), ("Level", p.level)):
        out.append(f"{name}: {was} → {now}" if was != now else f"{name}: {now} (unchanged)")
    before, after = p.years
    if before != after:
        out.append(f"Experience in ML/data: {_years(before)} → {_years(after)}")
    return printable("\n".join(out) + "\n")


def render_progress_json(p: Progress, color: bool = False, width: int = 80) -> str:
    """Return the comparison as stable JSON."""
    from mlgap.render import to_json

    return to_json(p.to_dict())


DIFF_RENDERERS: dict[str, Callable[[Progress, bool, int], str]] = {
    "text": render_progress_text,
    "json": render_progress_json,
}
