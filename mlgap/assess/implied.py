"""Skills met by implication: the catalog's rules, one step only, each with what implied it.

`found` stays what the text shows; an implied skill never implies another, so a report's
conclusions never rest on a chain of guesses.
"""

from __future__ import annotations

from mlgap.assess.results import Implied
from mlgap.catalog.model import Catalog
from mlgap.extract.results import COUNTED, Extraction


def implied_skills(catalog: Catalog, extraction: Extraction) -> tuple[Implied, ...]:
    """Return the skills `extraction` does not show that the catalog's rules imply."""
    found = extraction.found
    shown = {f.skill: f for f in extraction.findings if f.counted}
    history = extraction.experience
    out = []
    for rule in catalog.implications:
        if rule.skill in found:
            continue
        name = catalog.skills[rule.skill].name
        by = next((s for s in rule.implied_by if s in found), None)
        if by is not None:
            line = next(e.line for e in shown[by].evidence if e.status == COUNTED)
            out.append(Implied(rule.skill, name, by, shown[by].name, line, rule.why))
        elif (
            rule.after_years is not None
            and history is not None
            and history.ml_years >= rule.after_years
        ):
            first = next(p for p in history.periods if p.ml)
            years = f"{history.ml_years:g} years of ML or data work"
            out.append(Implied(rule.skill, name, "experience", years, first.line, rule.why))
    return tuple(out)
