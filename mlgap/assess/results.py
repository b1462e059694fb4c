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

MIN_SCORED = 5  # fewer requirements than this, and a score says little
SCHEMA_VERSION = 3  # 2: `notes`; 3: `experience`, `implied`, `requirements`, step worth


@dataclass(frozen=True, slots=True)
class Ask:
    """A knock-out condition of a job ad: years of experience, a degree, papers."""

    kind: str  # "years", "degree" or "papers" (a clearance, a work permit)
    text: str  # the ad's line, trimmed
    line: int
    years: float | None = None
    degree: str | None = None  # the lowest degree asked: a skill id

    def to_dict(self) -> dict[str, Any]:
        """Return the condition as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class Target:
    """What a report assesses against: a catalog role, a role file, or a job ad."""

    kind: str  # "role", "role-file" or "job"
    id: str
    name: str
    digest: str = ""  # the ad's or role file's text hash; a catalog role: the catalog's
    source: str = ""  # the ad's or role file's path
    unscored: tuple[tuple[str, int], ...] = ()  # the ad's technologies outside the catalog
    asks: tuple[Ask, ...] = ()

    def unscored_lines(self) -> list[str]:
        """Return each technology outside the catalog with its ad line: "Kafka (line 23)"."""
        return [f"{term} (line {line})" for term, line in self.unscored]

    def to_dict(self) -> dict[str, Any]:
        """Return the target as plain data."""
        return {**fields_dict(self), "unscored": self.unscored_lines()}


@dataclass(frozen=True, slots=True)
class Knockout:
    """A knock-out condition beside what the résumé shows: the reader decides."""

    kind: str
    asked: str  # the ad's line
    line: int
    shown: str  # what the résumé shows ("4.5 years of ML or data work", "Master's degree")
    ok: bool | None  # None: mlgap cannot tell (a clearance, a work permit)

    def to_dict(self) -> dict[str, Any]:
        """Return the condition and what is shown as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class Implied:
    """A skill met by implication: what implied it, where, and the catalog's reason."""

    skill: str
    name: str
    by: str  # the skill whose evidence implies it, or "experience" (years of ML/data work)
    by_name: str  # "Classification", "9.8 years of ML or data work"
    line: int | None  # the line of that evidence (None: typed)
    why: str

    def describe(self) -> str:
        """Return "implied by Classification, line 14"."""
        at = f", line {self.line}" if self.line is not None else ""
        return f"implied by {self.by_name}{at}"

    def to_dict(self) -> dict[str, Any]:
        """Return the implication as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class RequirementResult:
    """One requirement of the role, and which of its skills the person has."""

    requirement: Requirement
    matched: tuple[str, ...]  # skills the text shows
    place: int  # its position in the role: ties in ordering keep the role's order
    implied: tuple[Implied, ...] = ()  # when nothing is shown: skills met by implication
    listed_only: bool = False  # met only by names in a skills list, in no sentence

    @property
    def met(self) -> bool:
        """Return whether the person meets the requirement, shown or implied."""
        return bool(self.matched or self.implied)

    @property
    def status(self) -> str:
        """Return "met" (shown), "implied" or "missing"."""
        return "met" if self.matched else "implied" if self.implied else "missing"

    @property
    def id(self) -> str:
        """Return the requirement's id."""
        return self.requirement.id

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

    def status_dict(self) -> dict[str, Any]:
        """Return the requirement, whether it is met and how, and its points, as plain data."""
        return {
            **self.to_dict(),
            "status": self.status,
            "points": self.requirement.weight,
            "matched": list(self.matched),
            "implied_by": [i.by for i in self.implied],
            "listed_only": self.listed_only,
            "ad_line": self.requirement.ad_line,
            "ad_text": self.requirement.ad_text,
        }


@dataclass(frozen=True, slots=True)
class NextStep:
    """A gap as a step: what it is worth and what it unlocks."""

    gap: RequirementResult
    points: int  # the requirement's points
    score_after: int  # the role score once this step alone is done
    unlocks: str  # "completes phase 3", "towards phase 3", "reaches ...", or ""
    # For someone past the phase this belongs to: more likely unsaid than unknown.
    unsaid: bool = False
    # The line that shows it under way ("B.Sc. ... (expected 2029)"): finishing is the step.
    under_way: int | None = None

    @property
    def action(self) -> str:
        """Return what to do: the catalog's step; for the unsaid, to say it; for what is
        under way (a degree being studied for), to finish it."""
        label = self.gap.requirement.label
        if self.under_way is not None:
            what = label[:1].lower() + label[1:]
            line = self.under_way
            return f"Finish what you are studying for (line {line}): {what} counts once completed."
        if self.unsaid:
            return f"Name {label} on the résumé if you use it: nothing in the text shows it."
        return self.gap.requirement.next_step

    def worth(self, score: int) -> str:
        """Return "+3 pts (score 49 → 52), completes phase 3"."""
        worth = f"+{self.points} pts (score {score} → {self.score_after})"
        return f"{worth}, {self.unlocks}" if self.unlocks else worth

    def to_dict(self) -> dict[str, Any]:
        """Return the step as plain data (its requirement stands in "gaps", same id)."""
        return {
            "id": self.gap.id,
            "action": self.action,
            "unsaid": self.unsaid,
            "points": self.points,
            "score_after": self.score_after,
            "unlocks": self.unlocks,
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
    level_rule: str
    next_level_name: str | None = None
    years: float | None = None  # ML or data work (None: no dated work history)
    seniority: str | None = None

    def phase_line(self) -> str:
        """Return "phase 2 (Intermediate) reached, working on phase 3" or "not started"."""
        if not self.phase:
            return "not started, working on phase 1" if self.working_on else "not started"
        working = f", working on phase {self.working_on}" if self.working_on else ", all complete"
        return f"phase {self.phase} ({self.phase_name}) reached{working}"

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
    next_steps: tuple[NextStep, ...]  # what unlocks the next phase or level first
    implied: tuple[Implied, ...] = ()  # every skill met by implication
    reachable: int = 0  # the score once the first three next steps are done
    target: Target | None = None  # None: the role named by role_id, of the catalog
    knockouts: tuple[Knockout, ...] = ()  # a job ad's conditions, apart from the score
    catalog_fingerprint: str = ""
    version: str = ""  # mlgap's

    @property
    def scored_enough(self) -> bool:
        """Return whether enough requirements were scored for the score to mean something."""
        return len(self.requirements) >= MIN_SCORED

    @property
    def met(self) -> tuple[RequirementResult, ...]:
        """Return the requirements met, shown or implied, in the role's order."""
        return tuple(r for r in self.requirements if r.met)

    def to_dict(self) -> dict[str, Any]:
        """Return the whole report as plain data: the JSON of `mlgap assess --format json`."""
        return {
            "schema_version": SCHEMA_VERSION,
            **self.extraction.to_dict(),
            "role": {"id": self.role_id, "name": self.role_name},
            "target": (self.target or Target("role", self.role_id, self.role_name)).to_dict(),
            "catalog_fingerprint": self.catalog_fingerprint,
            "mlgap_version": self.version,
            "knockouts": [k.to_dict() for k in self.knockouts],
            "scored_enough": self.scored_enough,
            "score": self.score,
            "score_breakdown": [b.to_dict() for b in self.breakdown],
            "coverage": [c.to_dict() for c in self.coverage],
            "requirements": [r.status_dict() for r in self.requirements],
            "implied": [i.to_dict() for i in self.implied],
            "gaps": [g.to_dict() for g in self.gaps],
            "readiness": self.readiness.to_dict(),
            # The rest of each step stands in "gaps", under the same id.
            "next_steps": [
                {"rank": rank, **s.to_dict()} for rank, s in enumerate(self.next_steps, start=1)
            ],
            "reachable_score": self.reachable,
        }


@dataclass(frozen=True, slots=True)
class SharedGap:
    """A requirement several ads ask for that the résumé does not meet."""

    label: str
    skills: tuple[str, ...]
    ads: int  # how many of the ads miss it
    points: int  # the match points it is worth, summed over those ads

    def to_dict(self) -> dict[str, Any]:
        """Return the shared gap as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class Matches:
    """One résumé against several job ads: ranked by match, with the gaps they share."""

    reports: tuple[Assessment, ...]  # best match first; ties by the ad's path
    shared: tuple[SharedGap, ...]  # most ads first

    def to_dict(self) -> dict[str, Any]:
        """Return the ranking and every ad's report as plain data."""
        return {
            "schema_version": SCHEMA_VERSION,
            "matches": [
                {"rank": rank, "ad": r.role_name, "score": r.score, "report": r.to_dict()}
                for rank, r in enumerate(self.reports, start=1)
            ],
            "shared_gaps": [g.to_dict() for g in self.shared],
        }
