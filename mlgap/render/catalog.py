"""Listings of the catalog itself, `mlgap skills` and `mlgap roles`, as text or JSON."""

from __future__ import annotations

from collections.abc import Callable

from mlgap.catalog.model import Catalog, Skill
from mlgap.render import to_json
from mlgap.tokens import squash


def matching_skills(catalog: Catalog, query: str | None) -> list[Skill]:
    """Return the skills whose id, name, alias or instance contains `query` (all if None)."""
    if not query:
        return list(catalog.skills.values())
    wanted = squash(query)
    return [
        s
        for s in catalog.skills.values()
        if any(wanted in squash(t) for t in (s.id, s.name, *s.aliases, *s.instances))
    ]


def skills_json(catalog: Catalog, query: str | None) -> str:
    """Return the skills matching `query` as JSON."""
    skills = matching_skills(catalog, query)
    return to_json(
        [
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
    )


def skills_text(catalog: Catalog, query: str | None) -> str:
    """Return the skills matching `query` by category, one a line."""
    skills = matching_skills(catalog, query)
    lines = []
    for category in catalog.categories:
        members = [s for s in skills if s.category == category.id]
        if members:
            lines.append(f"{category.name}:")
            lines += [f"  {s.id:<24} {s.name}  ({', '.join(s.aliases[:4])})" for s in members]
    return "\n".join(lines) + "\n" if lines else f"no skill matches '{query}'\n"


def roles_json(catalog: Catalog) -> str:
    """Return the roles and their requirements as JSON."""
    return to_json(
        [
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
    )


def roles_text(catalog: Catalog) -> str:
    """Return the roles with their requirement counts by importance."""
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


SKILLS_RENDERERS: dict[str, Callable[[Catalog, str | None], str]] = {
    "text": skills_text,
    "json": skills_json,
}
ROLES_RENDERERS: dict[str, Callable[[Catalog], str]] = {"text": roles_text, "json": roles_json}
