"""Next steps that fit the person: what unlocks the next phase or level first, then importance,
each with what it is worth."""

from __future__ import annotations

from collections.abc import Mapping

from mlgap.assess.readiness import level_reached
from mlgap.assess.results import NextStep, Readiness, RequirementResult
from mlgap.catalog.model import Catalog

TOP = 3  # the steps whose combined worth the report states
UNSAID_AFTER = 3  # years of ML or data work past which a missing early skill is likely unsaid


class _Effects:
    """What one more skill does for the phase worked on and for the next level, worked out
    once per assessment: every gap asks, and a report has dozens of gaps."""

    def __init__(self, catalog: Catalog, readiness: Readiness, now: frozenset[str]) -> None:
        self.readiness = readiness
        self.phase = readiness.working_on
        self.phase_items: list[frozenset[str]] = []  # per missing item: the skills completing it
        self.phase_met = 0
        self.phase_needed = 0.0
        if self.phase is not None:
            phase = catalog.phases[self.phase - 1]
            self.phase_needed = catalog.settings.phase_completion * len(phase.items)
            for item in phase.items:
                unmet = [g for g in item.groups if not now.intersection(g)]
                if not unmet:
                    self.phase_met += 1
                elif len(unmet) == 1:  # one skill of that group completes the item
                    self.phase_items.append(frozenset(unmet[0]))
        self.level = next((lv for lv in catalog.levels if lv.id == readiness.next_level), None)
        self.level_unmet = (
            [frozenset(g) for g in self.level.groups if not now.intersection(g)]
            if self.level
            else []
        )
        self.now = now

    def of(self, skill: str, score: int) -> str:
        """Return what `skill` added, with the role score becoming `score`, unlocks."""
        phase = level = ""
        if self.phase is not None:
            gained = sum(skill in item for item in self.phase_items)
            if gained and self.phase_met + gained >= self.phase_needed:
                phase = f"completes phase {self.phase}"
            elif gained:
                phase = f"towards phase {self.phase}"
        if self.level is not None:
            helps = any(skill in g for g in self.level_unmet)
            left = [g for g in self.level_unmet if skill not in g]
            r = self.readiness
            if not left and level_reached(
                self.level, self.now | {skill}, score, r.years or 0.0, r.seniority
            ):
                level = f"reaches {self.level.name}"
            elif helps:
                level = f"towards {self.level.name}"
        # What it completes first, then what it moves towards.
        done = [e for e in (phase, level) if e and not e.startswith("towards")]
        return done[0] if done else phase or level


def next_steps(
    catalog: Catalog,
    gaps: list[RequirementResult],
    readiness: Readiness,
    now: frozenset[str],
    points: tuple[int, int],
    under_way: Mapping[str, int] | None = None,
) -> tuple[tuple[NextStep, ...], int]:
    """Return the gaps (of a person with skills `now`, shown or implied, and `points` earned
    of those possible) as ordered steps, and the score once the first TOP are done.
    `under_way` gives the line of each skill the text shows as still being studied for."""
    under_way = under_way or {}
    earned, possible = points
    effects = _Effects(catalog, readiness, now)
    steps = []
    for gap in gaps:
        worth = gap.requirement.weight
        after = round(100 * (earned + worth) / possible) if possible else 0
        unlocks = effects.of(gap.requirement.any_of[0], after)
        phase = gap.requirement.phase
        # Past this phase by years of ML work: the skill is more likely unsaid than unknown.
        unsaid = (
            (readiness.years or 0.0) >= UNSAID_AFTER
            and gap.requirement.importance != "bonus"
            and (phase is None or phase <= readiness.phase)
        )
        line = next((under_way[s] for s in gap.requirement.any_of if s in under_way), None)
        steps.append(NextStep(gap, worth, after, unlocks, unsaid and line is None, line))
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
