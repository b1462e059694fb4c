"""What extraction hands to assessment: evidence, findings, the extraction of one document.

Each object serialises itself (`to_dict`); the report JSON is these dictionaries, nothing
assembled elsewhere.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Any

from mlgap.catalog.model import SENIORITIES
from mlgap.plain_data import fields_dict

COUNTED, NEGATED, WISHED, BACKGROUND = "counted", "negated", "wished", "background"
REFEREE = "referee"  # a CV's references name other people: "Jane Roe, Team Lead, Acme"
UNFINISHED = "unfinished"  # a degree still being studied for: "B.Sc. (expected 2029)"
FIELD = "degree-field"  # a job ad names the subject only as the field of a degree


@dataclass(frozen=True, slots=True)
class Evidence:
    """One place a skill is named, and whether it counts."""

    text: str
    how: str  # alias, instance, fuzzy, heading or typed
    score: float
    status: str = COUNTED
    line: int | None = None
    column: int | None = None
    context: str = ""  # the line it stands on, trimmed: what a person reads to check it
    page: int | None = None
    section: str | None = None  # in a job ad: company, duties, requirements, preferred, ...

    def to_dict(self) -> dict[str, Any]:
        """Return the evidence as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class Finding:
    """A skill (with the name and category a report shows) and every piece of evidence."""

    skill: str
    name: str
    category: str
    evidence: tuple[Evidence, ...]
    mentions: int = 0  # counted mentions, including those beyond the evidence kept
    listed_only: bool = False  # every counted mention is in a CV's skills list, no sentence

    @property
    def counted(self) -> bool:
        """Return whether any evidence shows the person has the skill."""
        return any(e.status == COUNTED for e in self.evidence)

    def counted_dict(self) -> dict[str, Any]:
        """Return the skill and the evidence that counts, as plain data."""
        counted = [e.to_dict() for e in self.evidence if e.status == COUNTED]
        return {
            "id": self.skill,
            "name": self.name,
            "category": self.category,
            "mentions": max(self.mentions, len(counted)),
            "evidence": counted,
            "listed_only": self.listed_only,
        }

    def not_counted_dict(self) -> dict[str, Any]:
        """Return the skill and the mentions that do not count (negated, wished...)."""
        other = [e.to_dict() for e in self.evidence if e.status != COUNTED]
        return {"id": self.skill, "name": self.name, "evidence": other}


@dataclass(frozen=True, slots=True)
class Unrecognized:
    """A typed skill that matches nothing, with what it may have meant."""

    text: str
    suggestions: tuple[str, ...]
    known: bool = False  # a known technology that this catalog does not cover

    def describe(self) -> str:
        """Return one line saying what became of the typed item."""
        if self.known:
            return f"'{self.text}' is a known technology outside this catalog: not scored"
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"'{self.text}' matches no skill{hint}"

    def to_dict(self) -> dict[str, Any]:
        """Return the typed text and its suggestions as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class Period:
    """One dated period of work, from a CV's work history."""

    start: str  # "2019-01"
    end: str
    months: int
    ml: bool  # its title or bullets are ML or data work
    line: int
    text: str  # the line the dates stand on, trimmed
    seniority: str = "mid"  # what its title shows: intern, junior, mid, senior, lead, principal

    def to_dict(self) -> dict[str, Any]:
        """Return the period as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class TitleSignal:
    """A seniority word of a work title ("Senior", "Head of") and its line."""

    seniority: str  # intern, junior, senior, lead or principal
    text: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        """Return the signal as plain data."""
        return fields_dict(self)


@dataclass(frozen=True, slots=True)
class Experience:
    """A CV's work history: years in all and in ML or data work, overlaps counted once."""

    as_of: str  # the month "present" stands for ("2026-12")
    years: float
    ml_years: float
    periods: tuple[Period, ...]
    titles: tuple[TitleSignal, ...]

    @property
    def seniority(self) -> str | None:
        """Return the highest seniority of the ML or data periods (None: there are none): a
        senior sales title says nothing of ML seniority."""
        seniorities = (p.seniority for p in self.periods if p.ml)
        return max(seniorities, key=SENIORITIES.index, default=None)

    def to_dict(self) -> dict[str, Any]:
        """Return the work history as plain data."""
        return {**fields_dict(self), "seniority": self.seniority}


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a résumé and the typed skills show."""

    source: str
    findings: tuple[Finding, ...]
    unrecognized: tuple[Unrecognized, ...] = ()
    notes: tuple[str, ...] = ()  # what a reader must know: text not read, and why
    experience: Experience | None = None  # a CV's dated work history, if it has one
    # A job ad's headings: (line, column, section), in order.
    ad_sections: tuple[tuple[int, int, str], ...] = ()

    @property
    def found(self) -> frozenset[str]:
        """Return the ids of the skills the person has."""
        return frozenset(f.skill for f in self.findings if f.counted)

    @classmethod
    def merge(cls, *extractions: Extraction) -> Extraction:
        """Return one extraction holding the findings of several (a résumé plus typed skills)."""
        if len(extractions) == 1:
            return extractions[0]
        by_skill: dict[str, Finding] = {}
        for extraction in extractions:
            for f in extraction.findings:
                had = by_skill.get(f.skill)
                by_skill[f.skill] = (
                    f
                    if had is None
                    else replace(
                        had, evidence=had.evidence + f.evidence, mentions=had.mentions + f.mentions
                    )
                )
        return cls(
            " + ".join(dict.fromkeys(e.source for e in extractions)),
            tuple(by_skill[k] for k in sorted(by_skill)),
            tuple(u for e in extractions for u in e.unrecognized),
            tuple(n for e in extractions for n in e.notes),
            next((e.experience for e in extractions if e.experience is not None), None),
        )

    def on_pages(self, page_starts: tuple[int, ...]) -> Extraction:
        """Return this extraction with each evidence's page, given the line each page starts on."""
        if not page_starts:
            return self
        findings = tuple(
            replace(
                f,
                evidence=tuple(
                    replace(e, page=bisect.bisect_right(page_starts, e.line)) if e.line else e
                    for e in f.evidence
                ),
            )
            for f in self.findings
        )
        return replace(self, findings=findings)

    def to_dict(self) -> dict[str, Any]:
        """Return the source, the skills found and not counted, and unrecognised typed items."""
        return {
            "source": self.source,
            "found": [f.counted_dict() for f in self.findings if f.counted],
            "not_counted": [
                f.not_counted_dict()
                for f in self.findings
                if any(e.status != COUNTED for e in f.evidence)
            ],
            "unrecognized": [u.to_dict() for u in self.unrecognized],
            "notes": list(self.notes),
            "experience": self.experience.to_dict() if self.experience else None,
            "ad_sections": [
                {"line": line, "column": column, "section": kind}
                for line, column, kind in self.ad_sections
            ],
        }
