"""Compare what a person has with what a role requires: score, gaps, coverage, next steps."""

from __future__ import annotations

from collections import Counter

from mlgap.assess.implied import implied_skills
from mlgap.assess.readiness import readiness
from mlgap.assess.results import Assessment, Coverage, ImportanceScore, RequirementResult
from mlgap.assess.steps import next_steps
from mlgap.catalog.model import IMPORTANCES, Catalog, Role
from mlgap.errors import InputError
from mlgap.extract.results import Extraction


def role_of(catalog: Catalog, role: str | None) -> Role:
    """Return the role named `role` (None: the catalog's default), or raise an InputError."""
    chosen = catalog.roles.get(role if role is not None else catalog.default_role)
    if chosen is None:
        raise InputError(
            f"unknown role '{role}'", fix=f"choose one of: {', '.join(sorted(catalog.roles))}"
        )
    return chosen


def assess(extraction: Extraction, catalog: Catalog, role: str | None = None) -> Assessment:
    """Assess what `extraction` shows against `role` of `catalog` (None: its default role)."""
    chosen = role_of(catalog, role)
    found = extraction.found
    implied = implied_skills(catalog, extraction)
    by_skill = {i.skill: i for i in implied}
    have = found | frozenset(by_skill)
    results = tuple(
        RequirementResult(
            req,
            matched := tuple(s for s in req.any_of if s in found),
            place,
            () if matched else tuple(by_skill[s] for s in req.any_of if s in by_skill),
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
    steps, reachable = next_steps(catalog, missing, ready, have, (earned, possible))
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
    )
