"""The catalog: skills, the roles that require them, the roadmap phases and career levels."""

from __future__ import annotations

from dataclasses import dataclass

IMPORTANCES = ("core", "important", "bonus")
WEIGHTS = {"core": 3, "important": 2, "bonus": 1}


@dataclass(frozen=True, slots=True)
class Category:
    """A group of skills shown together in coverage tables."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Skill:
    """A skill, tool or qualification and every way a résumé may name it."""

    id: str
    name: str
    category: str
    description: str
    next_step: str
    aliases: tuple[str, ...]
    instances: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    conditional: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    other_meanings: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Requirement:
    """One thing a role asks for: a skill, or any one of several alternatives."""

    any_of: tuple[str, ...]
    importance: str
    label: str
    next_step: str

    @property
    def id(self) -> str:
        """Return a stable id: the skill id, or the alternatives joined by '|'."""
        return "|".join(self.any_of)

    @property
    def weight(self) -> int:
        """Return the points this requirement is worth."""
        return WEIGHTS[self.importance]


@dataclass(frozen=True, slots=True)
class Role:
    """A target role and its requirements, from one source document."""

    id: str
    name: str
    source: str
    description: str
    requirements: tuple[Requirement, ...]


@dataclass(frozen=True, slots=True)
class PhaseItem:
    """One item of a roadmap phase: met when every group has one skill of the person's."""

    text: str
    groups: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Phase:
    """A phase of the expert document's career roadmap."""

    number: int
    id: str
    name: str
    period: str
    items: tuple[PhaseItem, ...]


@dataclass(frozen=True, slots=True)
class Level:
    """A career level of the specialist document and the rule that reaches it."""

    id: str
    name: str
    description: str
    min_score: int
    groups: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Catalog:
    """Everything the catalog directory holds, validated."""

    source: str
    categories: tuple[Category, ...]
    skills: dict[str, Skill]
    roles: dict[str, Role]
    phases: tuple[Phase, ...]
    levels: tuple[Level, ...]
    phase_completion: float
    skill_phase: dict[str, int]  # skill id -> the earliest roadmap phase naming it

    def first_phase_of(self, skill_ids: tuple[str, ...]) -> int | None:
        """Return the number of the earliest roadmap phase naming any of these skills."""
        numbers = [self.skill_phase[s] for s in skill_ids if s in self.skill_phase]
        return min(numbers, default=None)
