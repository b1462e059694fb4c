"""The frozen objects each stage hands to the next: evidence, extraction, assessment."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

COUNTED, NEGATED, WISHED, BACKGROUND = "counted", "negated", "wished", "background"
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
    context: str = ""
    page: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """A skill and every piece of evidence for it."""

    skill: str
    evidence: tuple[Evidence, ...]
    mentions: int = 0  # counted mentions, including those beyond the evidence kept

    @property
    def counted(self) -> bool:
        """Return whether any evidence shows the person has the skill."""
        return any(e.status == COUNTED for e in self.evidence)


@dataclass(frozen=True, slots=True)
class Unrecognized:
    """A typed skill that matches nothing, with what it may have meant."""

    text: str
    suggestions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What a résumé and the typed skills show."""

    source: str
    findings: tuple[Finding, ...]
    unrecognized: tuple[Unrecognized, ...] = ()

    @property
    def found(self) -> frozenset[str]:
        """Return the ids of the skills the person has."""
        return frozenset(f.skill for f in self.findings if f.counted)

    def on_pages(self, page_starts: tuple[int, ...]) -> Extraction:
        """Return this extraction with each evidence's page, given the line each page starts on."""
        if not page_starts:
            return self
        findings = tuple(
            Finding(
                f.skill,
                tuple(
                    replace(e, page=bisect.bisect_right(page_starts, e.line)) if e.line else e
                    for e in f.evidence
                ),
                f.mentions,
            )
            for f in self.findings
        )
        return Extraction(self.source, findings, self.unrecognized)
