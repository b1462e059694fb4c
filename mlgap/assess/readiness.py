"""Where a person stands on the expert document's roadmap and the specialist's career levels."""

from __future__ import annotations

from mlgap.assess.results import PhaseResult, Readiness
from mlgap.catalog.model import SENIORITIES, Catalog, Level

RULE = (
    "A roadmap phase is complete when {share:.0%} of its items are met, by skills shown, "
    "implied, or outgrown with years of ML or data work. The phase reached is the furthest "
    "phase that is complete together with every phase before it; the phase worked on is the "
    "next one. Nothing complete from phase 1 on reads as not started."
)
LEVEL_RULE = (
    "A career level is reached when every skill group it requires is met (implications "
    "count), the person has at least its years of ML or data work, and either the role "
    "score reaches its minimum or a work title is at its seniority or above; each level "
    "needs the one below it."
)


def _met(have: frozenset[str], groups: tuple[tuple[str, ...], ...]) -> bool:
    """Return whether every group has one of the person's skills."""
    return all(have.intersection(group) for group in groups)


def level_reached(
    level: Level, have: frozenset[str], score: int, years: float, seniority: str | None
) -> bool:
    """Return whether skills `have`, `score`, `years` of ML work and `seniority` reach `level`."""
    if not _met(have, level.groups) or years < level.min_years:
        return False
    senior_enough = (
        level.seniority is not None
        and seniority is not None
        and SENIORITIES.index(seniority) >= SENIORITIES.index(level.seniority)
    )
    return score >= level.min_score or senior_enough


def readiness(
    catalog: Catalog,
    have: frozenset[str],
    score: int,
    years: float | None = None,
    seniority: str | None = None,
) -> Readiness:
    """Return the phase and level reached with skills `have` (shown or implied), `score`, and
    `years` of ML or data work at `seniority` (None: no dated work history)."""
    share = catalog.settings.phase_completion
    phases: list[PhaseResult] = []
    for phase in catalog.phases:
        met = tuple(i.text for i in phase.items if _met(have, i.groups))
        missing = tuple(i.text for i in phase.items if i.text not in met)
        complete = len(met) >= share * len(phase.items)
        phases.append(PhaseResult(phase.number, phase.name, phase.period, met, missing, complete))
    reached = 0
    for p in phases:  # complete together with every phase before it
        if not p.complete:
            break
        reached = p.number
    working_on = reached + 1 if reached < len(phases) else None
    level = None
    for candidate in catalog.levels:
        if not level_reached(candidate, have, score, years or 0.0, seniority):
            break
        level = candidate
    later = catalog.levels[catalog.levels.index(level) + 1 :] if level else catalog.levels
    return Readiness(
        phase=reached,
        phase_name=phases[reached - 1].name if reached else "Not started",
        working_on=working_on,
        phases=tuple(phases),
        level=level.id if level else None,
        level_name=level.name if level else "Below entry level",
        next_level=later[0].id if later else None,
        rule=RULE.format(share=share),
        level_rule=LEVEL_RULE,
        next_level_name=later[0].name if later else None,
        years=years,
        seniority=seniority,
    )
