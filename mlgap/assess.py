"""Compare what a person has with what a role requires: score, gaps, readiness, next steps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from mlgap.catalog import IMPORTANCES, WEIGHTS, Catalog, Requirement, Role
from mlgap.errors import InputError
from mlgap.result import Extraction

DEFAULT_ROLE = "ml-expert"


@dataclass(frozen=True, slots=True)
class RequirementInfo:
    """What a role's requirement is, worked out once per catalog and role."""

    id: str
    label: str
    importance: str
    category: str
    phase: int | None
    action: str
    any_of: tuple[str, ...]
    gap_order: int  # importance rank: core first
    step_order: tuple[int, int, int]  # roadmap phase, importance rank, place in the role


@dataclass(frozen=True, slots=True)
class RequirementResult:
    """One requirement of the role, and which of its skills the person has."""

    info: RequirementInfo
    matched: tuple[str, ...]

    @property
    def met(self) -> bool:
        """Return whether the person meets the requirement."""
        return bool(self.matched)

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def label(self) -> str:
        return self.info.label

    @property
    def importance(self) -> str:
        return self.info.importance

    @property
    def category(self) -> str:
        return self.info.category

    @property
    def phase(self) -> int | None:
        return self.info.phase

    @property
    def action(self) -> str:
        return self.info.action


@dataclass(frozen=True, slots=True)
class ImportanceScore:
    """Points earned by requirements of one importance."""

    importance: str
    weight: int
    met: int
    total: int


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many of a category's requirements are met."""

    category: str
    name: str
    met: int
    total: int


@dataclass(frozen=True, slots=True)
class PhaseResult:
    """How much of one roadmap phase the person has done."""

    number: int
    name: str
    period: str
    met: tuple[str, ...]
    missing: tuple[str, ...]
    complete: bool


@dataclass(frozen=True, slots=True)
class Readiness:
    """The roadmap phase reached and the career level reached."""

    phase: int
    phase_name: str
    working_on: int | None
    phases: tuple[PhaseResult, ...]
    level: str | None
    level_name: str
    next_level: str | None


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything `mlgap assess` reports about one person and one role."""

    extraction: Extraction
    role_id: str
    role_name: str
    score: int
    breakdown: tuple[ImportanceScore, ...]
    requirements: tuple[RequirementResult, ...]
    coverage: tuple[Coverage, ...]
    readiness: Readiness
    gaps: tuple[RequirementResult, ...]  # unmet requirements, most important first
    next_steps: tuple[RequirementResult, ...]  # the gaps by roadmap phase, then importance


# Requirement infos by (catalog, role): a batch assesses thousands against the same ones.
_INFOS: dict[tuple[int, str], tuple[Catalog, tuple[RequirementInfo, ...]]] = {}


def _infos(catalog: Catalog, role: Role) -> tuple[RequirementInfo, ...]:
    cached = _INFOS.get((id(catalog), role.id))
    if cached is not None and cached[0] is catalog:
        return cached[1]
    infos = tuple(_info(catalog, req, i) for i, req in enumerate(role.requirements))
    _INFOS[(id(catalog), role.id)] = (catalog, infos)
    return infos


def _info(catalog: Catalog, req: Requirement, place: int) -> RequirementInfo:
    first = catalog.skills[req.any_of[0]]
    phase = catalog.first_phase_of(req.any_of)
    rank = IMPORTANCES.index(req.importance)
    return RequirementInfo(
        id=req.id,
        label=req.label or first.name,
        importance=req.importance,
        category=first.category,
        phase=phase,
        action=req.next_step or first.next_step,
        any_of=req.any_of,
        gap_order=rank,
        step_order=(phase if phase is not None else 99, rank, place),
    )


def _readiness(catalog: Catalog, found: frozenset[str], score: int) -> Readiness:
    phases: list[PhaseResult] = []
    for phase in catalog.phases:
        met = tuple(i.text for i in phase.items if all(found.intersection(g) for g in i.groups))
        missing = tuple(i.text for i in phase.items if i.text not in met)
        complete = len(met) >= catalog.phase_completion * len(phase.items)
        phases.append(PhaseResult(phase.number, phase.name, phase.period, met, missing, complete))
    reached = max((p.number for p in phases if p.complete), default=0)
    working_on = next((p.number for p in phases if not p.complete), None)
    level = None
    for candidate in catalog.levels:
        if score < candidate.min_score or not all(found.intersection(g) for g in candidate.groups):
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
    )


def assess(extraction: Extraction, catalog: Catalog, role: str = DEFAULT_ROLE) -> Assessment:
    """Assess what `extraction` shows against `role` of `catalog`."""
    chosen: Role | None = catalog.roles.get(role)
    if chosen is None:
        raise InputError(
            f"unknown role '{role}'", fix=f"choose one of: {', '.join(sorted(catalog.roles))}"
        )
    found = extraction.found
    results = tuple(
        RequirementResult(info, tuple(s for s in info.any_of if s in found))
        for info in _infos(catalog, chosen)
    )
    met_by: Counter[str] = Counter(r.info.importance for r in results if r.matched)
    total_by: Counter[str] = Counter(r.info.importance for r in results)
    breakdown = tuple(
        ImportanceScore(imp, WEIGHTS[imp], met_by[imp], total_by[imp]) for imp in IMPORTANCES
    )
    earned = sum(b.weight * b.met for b in breakdown)
    possible = sum(b.weight * b.total for b in breakdown)
    score = round(100 * earned / possible) if possible else 0
    met: Counter[str] = Counter(r.info.category for r in results if r.matched)
    total: Counter[str] = Counter(r.info.category for r in results)
    coverage = tuple(
        Coverage(c.id, c.name, met[c.id], total[c.id]) for c in catalog.categories if total[c.id]
    )
    missing = [r for r in results if not r.matched]
    return Assessment(
        extraction=extraction,
        role_id=chosen.id,
        role_name=chosen.name,
        score=score,
        breakdown=breakdown,
        requirements=results,
        coverage=coverage,
        readiness=_readiness(catalog, found, score),
        gaps=tuple(sorted(missing, key=lambda r: r.info.gap_order)),
        next_steps=tuple(sorted(missing, key=lambda r: r.info.step_order)),
    )
