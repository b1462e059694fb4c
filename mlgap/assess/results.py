"""What assessment hands to the renderers: scores, requirements, readiness, next steps.

Each object serialises itself (`to_dict`); `Assessment.to_dict()` is the report JSON, with
`SCHEMA_VERSION` bumped whenever its shape changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mlgap.catalog.model import Requirement
from mlgap.extract.results import Extraction
from mlgap.plain_data import fields_dict

SCHEMA_VERSION = 2  # 2: `notes` (text left unread)


@dataclass(frozen=True, slots=True)
class RequirementResult:
    """One requirement of the role, and which of its skills the person has."""

    requirement: Requirement
    matched: tuple[str, ...]
    place: int  # its position in the role: ties in ordering keep the role's order

    @property
    def met(self) -> bool:
        """Return whether the person meets the requirement."""
        return bool(self.matched)

    @property
    def id(self) -> str:
        """Return the requirement's id."""
        return self.requirement.id

    @property
    def step_order(self) -> tuple[int, int, int]:
        """Return the sort key of next steps: roadmap phase, importance, place in the role."""
        phase = self.requirement.phase
        return (phase if phase is not None else 99, self.requirement.rank, self.place)

    def to_dict(self) -> dict[str, Any]:
        """Return what the requirement is, as plain data."""
        r = self.requirement
        return {
            "id": r.id,
            "label": r.label,
            "importance": r.importance,
            "category": r.category,
            "phase": r.phase,
            "skills": list(r.any_of),
        }


@dataclass(frozen=True, slots=True)
class ImportanceScore:
    """Points earned by requirements of one importance."""

    importance: str
    weight: int
    met: int
    total: int

    @property
    def points(self) -> int:
        """Return the points earned."""
        return self.weight * self.met

    @property
    def max_points(self) -> int:
        """Return the points there are to earn."""
        return self.weight * self.total

    def to_dict(self) -> dict[str, Any]:
        """Return the counts and points as plain data."""
        return {**fields_dict(self), "points": self.points, "max_points": self.max_points}


@dataclass(frozen=True, slots=True)
class Coverage:
    """How many of a category's requirements are met."""

    category: str
    name: str
    met: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        """Return the category's counts as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class PhaseResult:
    """How much of one roadmap phase the person has done."""

    number: int
    name: str
    period: str
    met: tuple[str, ...]
    missing: tuple[str, ...]
    complete: bool

    def to_dict(self) -> dict[str, Any]:
        """Return the phase and its items, met and missing, as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class Readiness:
    """The roadmap phase reached and the career level reached, with the rule that says so."""

    phase: int
    phase_name: str
    working_on: int | None
    phases: tuple[PhaseResult, ...]
    level: str | None
    level_name: str
    next_level: str | None
    rule: str

    def to_dict(self) -> dict[str, Any]:
        """Return the readiness as plain data."""
        return fields_dict(self)


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

    def to_dict(self) -> dict[str, Any]:
        """Return the whole report as plain data: the JSON of `mlgap assess --format json`."""
        return {
            "schema_version": SCHEMA_VERSION,
            **self.extraction.to_dict(),
            "role": {"id": self.role_id, "name": self.role_name},
            "score": self.score,
            "score_breakdown": [b.to_dict() for b in self.breakdown],
            "coverage": [c.to_dict() for c in self.coverage],
            "gaps": [g.to_dict() for g in self.gaps],
            "readiness": self.readiness.to_dict(),
            # The rest of each step stands in "gaps", under the same id.
            "next_steps": [
                {"rank": rank, "id": s.id, "action": s.requirement.next_step}
                for rank, s in enumerate(self.next_steps, start=1)
            ],
        }
