"""Next steps that fit the person: what unlocks the next phase or level first, then importance,
each with what it is worth."""

from __future__ import annotations

from mlgap.assess.readiness import level_reached
from mlgap.assess.results import NextStep, Readiness, RequirementResult
from mlgap.catalog.model import Catalog

TOP = 3  # the steps whose combined worth the report states
UNSAID_AFTER = 3  # years of ML or data work past which a missing early skill is likely unsaid


def _phase_effect(catalog: Catalog, readiness: Readiness, have: frozenset[str]) -> str:
    """Return what skills `have` do for the phase being worked on: completes it, or towards."""
    number = readiness.working_on
    if number is None:
        return ""
    phase = catalog.phases[number - 1]
    met = sum(all(have.intersection(g) for g in item.groups) for item in phase.items)
    if met >= catalog.settings.phase_completion * len(phase.items):
        return f"completes phase {number}"
    before = len(readiness.phases[number - 1].met)
    return f"towards phase {number}" if met > before else ""


def _level_effect(
    catalog: Catalog, readiness: Readiness, now: frozenset[str], have: frozenset[str], score: int
) -> str:
    """Return what skills `have` (the person's: `now`) and `score` do for the next level."""
    nxt = next((lv for lv in catalog.levels if lv.id == readiness.next_level), None)
    if nxt is None:
        return ""
    if level_reached(nxt, have, score, readiness.years or 0.0, readiness.seniority):
        return f"reaches {nxt.name}"
    before = sum(bool(now.intersection(g)) for g in nxt.groups)
    after = sum(bool(have.intersection(g)) for g in nxt.groups)
    return f"towards {nxt.name}" if after > before else ""


def next_steps(
    catalog: Catalog,
    gaps: list[RequirementResult],
    readiness: Readiness,
    now: frozenset[str],
    points: tuple[int, int],
) -> tuple[tuple[NextStep, ...], int]:
    """Return the gaps (of a person with skills `now`, shown or implied, and `points` earned
    of those possible) as ordered steps, and the score once the first TOP are done."""
    earned, possible = points
    steps = []
    for gap in gaps:
        worth = gap.requirement.weight
        after = round(100 * (earned + worth) / possible) if possible else 0
        have = now | frozenset(gap.requirement.any_of[:1])
        effects = (
            _phase_effect(catalog, readiness, have),
            _level_effect(catalog, readiness, now, have, after),
        )
        # What it completes first, then what it moves towards.
        unlocks = next((e for e in effects if e and not e.startswith("towards")), "")
        phase = gap.requirement.phase
        # Past this phase by years of ML work: the skill is more likely unsaid than unknown.
        unsaid = (
            (readiness.years or 0.0) >= UNSAID_AFTER
            and gap.requirement.importance != "bonus"
            and (phase is None or phase <= readiness.phase)
        )
        unlocks = unlocks or next((e for e in effects if e), "")
        steps.append(NextStep(gap, worth, after, unlocks, unsaid))
    steps.sort(key=_order)
    top = sum(s.points for s in steps[:TOP])
    reachable = round(100 * (earned + top) / possible) if possible else 0
    return tuple(steps), reachable


def _order(step: NextStep) -> tuple[int, int, int, int]:
    """Completes a phase or reaches a level, then moves towards one, then the rest; within
    each, by importance, then roadmap phase, then the role's order."""
    how = 2 if not step.unlocks else 1 if step.unlocks.startswith("towards") else 0
    phase = step.gap.requirement.phase
    return (how, step.gap.requirement.rank, phase if phase is not None else 99, step.gap.place)
