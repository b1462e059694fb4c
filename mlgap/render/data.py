"""The versioned, plain-data form of an assessment that every renderer starts from."""

from __future__ import annotations

from typing import Any

from mlgap.assess import Assessment, RequirementResult
from mlgap.catalog import Catalog
from mlgap.result import COUNTED, Evidence

SCHEMA_VERSION = 1
READINESS_RULE = (
    "A roadmap phase is complete when {share:.0%} of its items are met; the phase reached is "
    "the highest complete phase, and the phase worked on is the earliest incomplete one. "
    "A career level is reached "
    "when the role score is at least its minimum and every skill group it requires is met, "
    "and so is every level below it."
)


def evidence_dict(e: Evidence) -> dict[str, Any]:
    """Return one piece of evidence as plain data."""
    return {
        "line": e.line,
        "column": e.column,
        "page": e.page,
        "text": e.text,
        "context": e.context,
        "how": e.how,
        "score": e.score,
        "status": e.status,
    }


def report_dict(a: Assessment, catalog: Catalog) -> dict[str, Any]:
    """Return the whole report as plain data (schema version 1)."""
    skills = catalog.skills
    found, not_counted = [], []
    for finding in a.extraction.findings:
        skill = skills[finding.skill]
        counted = [evidence_dict(e) for e in finding.evidence if e.status == COUNTED]
        other = [evidence_dict(e) for e in finding.evidence if e.status != COUNTED]
        if counted:
            found.append(
                {
                    "id": skill.id,
                    "name": skill.name,
                    "category": skill.category,
                    "mentions": max(finding.mentions, len(counted)),
                    "evidence": counted,
                }
            )
        if other:
            not_counted.append({"id": skill.id, "name": skill.name, "evidence": other})
    r = a.readiness

    def req(x: RequirementResult) -> dict[str, Any]:
        i = x.info
        return {
            "id": i.id,
            "label": i.label,
            "importance": i.importance,
            "category": i.category,
            "phase": i.phase,
            "skills": list(i.any_of),
        }

    return {
        "schema_version": SCHEMA_VERSION,
        "source": a.extraction.source,
        "role": {"id": a.role_id, "name": a.role_name},
        "score": a.score,
        "score_breakdown": [
            {
                "importance": b.importance,
                "weight": b.weight,
                "met": b.met,
                "total": b.total,
                "points": b.weight * b.met,
                "max_points": b.weight * b.total,
            }
            for b in a.breakdown
        ],
        "found": found,
        "not_counted": not_counted,
        "unrecognized": [
            {"text": u.text, "suggestions": list(u.suggestions)} for u in a.extraction.unrecognized
        ],
        "coverage": [
            {"category": c.category, "name": c.name, "met": c.met, "total": c.total}
            for c in a.coverage
        ],
        "gaps": [req(g) for g in a.gaps],
        "readiness": {
            "phase": r.phase,
            "phase_name": r.phase_name,
            "working_on": r.working_on,
            "level": r.level,
            "level_name": r.level_name,
            "next_level": r.next_level,
            "phases": [
                {
                    "number": p.number,
                    "name": p.name,
                    "period": p.period,
                    "complete": p.complete,
                    "met": list(p.met),
                    "missing": list(p.missing),
                }
                for p in r.phases
            ],
            "rule": READINESS_RULE.format(share=catalog.phase_completion),
        },
        "next_steps": [
            # The rest of each step stands in "gaps", under the same id.
            {"rank": rank, "id": s.info.id, "action": s.info.action}
            for rank, s in enumerate(a.next_steps, start=1)
        ],
    }
