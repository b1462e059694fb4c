"""Compare what a person has with what a role requires: score, gaps, coverage, next steps."""

from __future__ import annotations

from collections import Counter

from mlgap.assess.implied import implied_skills
from mlgap.assess.readiness import readiness
from mlgap.assess.results import (
    Assessment,
    Coverage,
    ImportanceScore,
    Knockout,
    Matches,
    RequirementResult,
    SharedGap,
    Target,
)
from mlgap.assess.steps import next_steps
from mlgap.catalog.model import DEGREES, IMPORTANCES, Catalog, Role
from mlgap.errors import InputError
from mlgap.extract.results import UNFINISHED, Extraction
from mlgap.version import VERSION


def catalog_target(catalog: Catalog, role: Role) -> Target:
    """Return the target of a catalog role."""
    return Target("role", role.id, role.name, digest=catalog.fingerprint)


def role_of(catalog: Catalog, role: str | None) -> Role:
    """Return the role named `role` (None: the catalog's default), or raise an InputError."""
    chosen = catalog.roles.get(role if role is not None else catalog.default_role)
    if chosen is None:
        raise InputError(
            f"unknown role '{role}'", fix=f"choose one of: {', '.join(sorted(catalog.roles))}"
        )
    return chosen


def assess(
    extraction: Extraction,
    catalog: Catalog,
    role: str | Role | None = None,
    target: Target | None = None,
) -> Assessment:
    """Assess what `extraction` shows against `role`: a role of `catalog` by id (None: its
    default role), or a role built from a job ad or a role file, described by `target`."""
    chosen = role if isinstance(role, Role) else role_of(catalog, role)
    found = extraction.found
    listed = {f.skill for f in extraction.findings if f.listed_only}
    implied = implied_skills(catalog, extraction)
    by_skill = {i.skill: i for i in implied}
    have = found | frozenset(by_skill)
    results = tuple(
        RequirementResult(
            req,
            matched := tuple(s for s in req.any_of if s in found),
            place,
            () if matched else tuple(by_skill[s] for s in req.any_of if s in by_skill),
            bool(matched) and all(s in listed for s in matched),
        )
        for place, req in enumerate(chosen.requirements)
    )
    met_by: Counter[str] = Counter(r.requirement.importance for r in results if r.met)
    total_by: Counter[str] = Counter(r.requirement.importance for r in results)
    breakdown = tuple(
        ImportanceScore(imp, catalog.settings.weight(imp), met_by[imp], total_by[imp])
        for imp in IMPORTANCES
    )
    possible = sum(b.max_points for b in breakdown)
    earned = sum(b.points for b in breakdown)
    score = round(100 * earned / possible) if possible else 0
    met: Counter[str] = Counter(r.requirement.category for r in results if r.met)
    total: Counter[str] = Counter(r.requirement.category for r in results)
    coverage = tuple(
        Coverage(c.id, c.name, met[c.id], total[c.id]) for c in catalog.categories if total[c.id]
    )
    history = extraction.experience
    ready = readiness(
        catalog,
        have,
        score,
        history.ml_years if history else None,
        history.seniority if history else None,
    )
    missing = [r for r in results if not r.met]
    # The first line showing each skill still under way ("B.Sc. ... (expected 2029)").
    under_way: dict[str, int] = {}
    for f in extraction.findings:
        lines = [e.line for e in f.evidence if e.status == UNFINISHED and e.line is not None]
        if lines and not f.counted:
            under_way[f.skill] = lines[0]
    steps, reachable = next_steps(catalog, missing, ready, have, (earned, possible), under_way)
    return Assessment(
        extraction=extraction,
        role_id=chosen.id,
        role_name=chosen.name,
        score=score,
        breakdown=breakdown,
        requirements=results,
        coverage=coverage,
        readiness=ready,
        gaps=tuple(sorted(missing, key=lambda r: (r.requirement.rank, r.place))),
        next_steps=steps,
        implied=implied,
        reachable=reachable,
        target=target or catalog_target(catalog, chosen),
        knockouts=knockouts(target, extraction) if target else (),
        catalog_fingerprint=catalog.fingerprint,
        version=VERSION,
    )


def knockouts(target: Target, extraction: Extraction) -> tuple[Knockout, ...]:
    """Return a job ad's knock-out conditions beside what the résumé shows."""
    history = extraction.experience
    found = extraction.found
    out = []
    for ask in target.asks:
        if ask.kind == "years" and ask.years is not None:
            years = history.ml_years if history else 0.0
            shown = f"{years:g} years of ML or data work" if history else "no dated work history"
            out.append(Knockout("years", ask.text, ask.line, shown, years >= ask.years))
        elif ask.kind == "degree" and ask.degree is not None:
            held = [d for d in DEGREES if d in found]
            shown = held[-1].replace("-", " ") if held else "no degree found"
            ok = bool(held) and DEGREES.index(held[-1]) >= DEGREES.index(ask.degree)
            out.append(Knockout("degree", ask.text, ask.line, shown, ok))
        else:
            out.append(Knockout(ask.kind, ask.text, ask.line, "check this yourself", None))
    return tuple(out)


def rank_matches(reports: list[Assessment]) -> Matches:
    """Return reports against several ads ranked by match (ties: the ad's path), with the
    gaps two or more of them share, most ads first: the same result in any order given."""
    # An ad with too few requirements to score ranks below every ad that can be scored.
    ranked = sorted(
        reports,
        key=lambda r: (not r.scored_enough, -r.score, r.target.source if r.target else ""),
    )
    missed: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for report in ranked:
        for step in report.next_steps:
            key = tuple(sorted(step.gap.requirement.any_of))
            missed.setdefault(key, []).append(
                (step.gap.requirement.label, step.score_after - report.score)
            )
    shared = [
        SharedGap(min(label for label, _ in hits), key, len(hits), sum(p for _, p in hits))
        for key, hits in missed.items()
        if len(hits) >= 2
    ]
    shared.sort(key=lambda g: (-g.ads, -g.points, g.label))
    return Matches(tuple(ranked), tuple(shared))
