"""Listings of the catalog itself: skills and roles, as text or JSON."""

from __future__ import annotations

import json

from mlgap.catalog import Catalog
from mlgap.tokens import squash


def _matches(query: str, *texts: str) -> bool:
    wanted = squash(query)
    return any(wanted in squash(t) for t in texts)


def render_skills(catalog: Catalog, query: str | None, fmt: str) -> str:
    """Return the skills (those matching `query`, if given) as text or JSON."""
    skills = [
        s
        for s in catalog.skills.values()
        if not query or _matches(query, s.id, s.name, *s.aliases, *s.instances)
    ]
    if fmt == "json":
        data = [
            {
                "id": s.id,
                "name": s.name,
                "category": s.category,
                "aliases": sorted(s.aliases + s.ambiguous + s.conditional),
                "instances": sorted(s.instances),
                "description": s.description,
                "next_step": s.next_step,
            }
            for s in skills
        ]
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    lines = []
    for category in catalog.categories:
        members = [s for s in skills if s.category == category.id]
        if members:
            lines.append(f"{category.name}:")
            lines += [f"  {s.id:<24} {s.name}  ({', '.join(s.aliases[:4])})" for s in members]
    return "\n".join(lines) + "\n" if lines else f"no skill matches '{query}'\n"


def render_roles(catalog: Catalog, fmt: str) -> str:
    """Return the roles and their requirement counts as text or JSON."""
    if fmt == "json":
        data = [
            {
                "id": r.id,
                "name": r.name,
                "source": r.source,
                "description": r.description,
                "requirements": [
                    {"skills": list(q.any_of), "importance": q.importance} for q in r.requirements
                ],
            }
            for r in catalog.roles.values()
        ]
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    lines = []
    for role in catalog.roles.values():
        counts = {
            imp: sum(q.importance == imp for q in role.requirements)
            for imp in ("core", "important", "bonus")
        }
        lines.append(f"{role.id:<15} {role.name}: {role.description}")
        lines.append(
            " " * 16
            + ", ".join(f"{n} {imp}" for imp, n in counts.items())
            + f' requirements (from "{role.source}")'
        )
    return "\n".join(lines) + "\n"
