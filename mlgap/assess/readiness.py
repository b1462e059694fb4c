"""Where a person stands on the expert document's roadmap and the specialist's career levels."""

from __future__ import annotations

from mlgap.assess.results import PhaseResult, Readiness
from mlgap.catalog.model import Catalog

RULE = (
    "A roadmap phase is complete when {share:.0%} of its items are met; the phase reached is "
    "the highest complete phase, and the phase worked on is the earliest incomplete one. "
    "A career level is reached "
    "when the role score is at least its minimum and every skill group it requires is met, "
    "and so is every level below it."
)


def _met(found: frozenset[str], groups: tuple[tuple[str, ...], ...]) -> bool:
    """Return whether every group has one of the person's skills."""
    return all(found.intersection(group) for group in groups)


def readiness(catalog: Catalog, found: frozenset[str], score: int) -> Readiness:
    """Return the phase and level reached by someone with skills `found` and `score`."""
    share = catalog.settings.phase_completion
    phases: list[PhaseResult] = []
    for phase in catalog.phases:
        met = tuple(i.text for i in phase.items if _met(found, i.groups))
        missing = tuple(i.text for i in phase.items if i.text not in met)
        complete = len(met) >= share * len(phase.items)
        phases.append(PhaseResult(phase.number, phase.name, phase.period, met, missing, complete))
    reached = max((p.number for p in phases if p.complete), default=0)
    working_on = next((p.number for p in phases if not p.complete), None)
    level = None
    for candidate in catalog.levels:
        if score < candidate.min_score or not _met(found, candidate.groups):
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
    )
