"""The catalog: skills, the roles that require them, the roadmap phases and career levels.

Rules that are data live here too (which categories are technologies or degree subjects,
the weight of each importance, the default role), so that a mentor changes YAML, not code.
"""

from __future__ import annotations

from dataclasses import dataclass

IMPORTANCES = ("core", "important", "bonus")  # most important first
# Work-title seniority, lowest first; "mid" is a title with no seniority word.
SENIORITIES = ("intern", "junior", "mid", "senior", "lead", "principal")
DEGREES = ("bachelors-degree", "masters-degree", "phd")  # the degree skills, lowest first


@dataclass(frozen=True, slots=True)
class Category:
    """A group of skills shown together in coverage tables, and how its words are matched."""

    id: str
    name: str
    # Tool and language names: typos in running text are forgiven, and they are the context
    # that makes an ambiguous short name ("R") count.
    technology: bool = False
    # Subjects a degree is in ("a PhD in Statistics"): a job ad naming one as a degree's
    # field does not ask for the skill itself.
    degree_subject: bool = False
    # Industries: in a job ad, the company's description of its own industry asks for
    # nothing (labeling.md), so only words near a mention ask for one.
    industry: bool = False


@dataclass(frozen=True, slots=True)
class VerbObject:
    """A verb family and an object family that, close together, show a skill."""

    verbs: tuple[str, ...]
    objects: tuple[str, ...]
    gap: int = 2
    # Words that, between the verb and an object, are the verb's own object instead:
    # "trained a model for the analyst team" trains no analyst.
    not_between: tuple[str, ...] = ()
    # Words that, right after the object, make it qualify them: "designed ML models" designs
    # models, not an ML system.
    not_followed_by: tuple[str, ...] = ()


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
    verb_objects: tuple[VerbObject, ...] = ()
    # Skills that together, in one block of text (a job's or a project's lines), show this
    # one: a counted mention of one skill of each group ("data -> model -> deployed").
    parts: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Requirement:
    """One thing a role asks for, resolved against the catalog when it is loaded.

    `label`, `next_step`, `category` and `phase` are filled from the first skill and the
    roadmap where the YAML leaves them out, so assessing never looks them up again.
    """

    any_of: tuple[str, ...]
    importance: str
    label: str
    next_step: str
    weight: int = 0
    category: str = ""
    phase: int | None = None  # the earliest roadmap phase naming any of the skills
    # Where a job ad asks for it: the ad's line and that line's text (a catalog role: none).
    ad_line: int | None = None
    ad_text: str = ""

    @property
    def id(self) -> str:
        """Return a stable id: the skill id, or the alternatives joined by '|'."""
        return "|".join(self.any_of)

    @property
    def rank(self) -> int:
        """Return the importance's place: 0 for core, the most important."""
        return IMPORTANCES.index(self.importance)


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
    min_years: float = 0.0  # years of ML or data work the level is consistent with
    seniority: str | None = None  # a title this senior reaches it in place of min_score


@dataclass(frozen=True, slots=True)
class Implication:
    """A rule that meets `skill` without its words: other skills shown, or years of work."""

    skill: str
    implied_by: tuple[str, ...]
    after_years: float | None
    why: str


@dataclass(frozen=True, slots=True)
class Settings:
    """Catalog-wide rules: completion share of a phase, weights, the role used by default."""

    phase_completion: float = 0.75
    weights: tuple[tuple[str, int], ...] = (("core", 3), ("important", 2), ("bonus", 1))
    default_role: str = ""
    benefit_phrases: tuple[str, ...] = ()  # a job ad's perks: what they name is not asked for
    known_outside: tuple[str, ...] = ()  # technologies people type that the catalog leaves out
    ad_sections: tuple[tuple[str, tuple[str, ...]], ...] = ()  # section kind -> its headings
    resume_sections: tuple[tuple[str, tuple[str, ...]], ...] = ()  # interests, work, ...
    seniority_titles: tuple[tuple[str, tuple[str, ...]], ...] = ()  # seniority -> title words

    def weight(self, importance: str) -> int:
        """Return the points a requirement of `importance` is worth."""
        return dict(self.weights)[importance]


@dataclass(frozen=True, slots=True)
class Catalog:
    """Everything the catalog directory holds, validated."""

    source: str
    categories: tuple[Category, ...]
    skills: dict[str, Skill]
    roles: dict[str, Role]
    phases: tuple[Phase, ...]
    levels: tuple[Level, ...]
    settings: Settings
    implications: tuple[Implication, ...] = ()
    fingerprint: str = ""  # a hash of the catalog's files: reports made with it carry it

    @property
    def default_role(self) -> str:
        """Return the id of the role assessed against when none is named."""
        return self.settings.default_role or next(iter(self.roles))

    def category(self, ident: str) -> Category:
        """Return the category `ident`."""
        return next(c for c in self.categories if c.id == ident)

    def skills_where(self, flag: str) -> frozenset[str]:
        """Return the ids of skills whose category has `flag` set ("technology", ...)."""
        flagged = {c.id for c in self.categories if getattr(c, flag)}
        return frozenset(s.id for s in self.skills.values() if s.category in flagged)
