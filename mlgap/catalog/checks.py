"""Cross-reference checks of a catalog whose files each read cleanly."""

from __future__ import annotations

from mlgap.catalog.model import Catalog
from mlgap.errors import MlgapError
from mlgap.tokens import alias_key

Lines = dict[tuple[str, str], tuple[str, int]]


def _at(lines: Lines, kind: str, key: str, message: str, fix: str = "") -> MlgapError:
    path, line = lines.get((kind, key), ("skills", 0))
    return MlgapError(message, path=path, line=line or None, fix=fix)


def _check_aliases(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    """Each alias names one skill; instances may show several skills but repeat nowhere."""
    problems: list[MlgapError] = []
    owner: dict[tuple[str, ...], tuple[str, str]] = {}
    for skill in catalog.skills.values():
        for kind in ("aliases", "ambiguous", "conditional"):
            for alias in getattr(skill, kind):
                key = alias_key(alias)
                if key not in owner:
                    owner[key] = (skill.id, alias)
                    continue
                other, first = owner[key]
                same = f" (as '{first}')" if first != alias else ""
                if other == skill.id:
                    message = f"skill '{skill.id}': alias '{alias}' is listed twice{same}"
                    fix = (
                        "spellings that differ only in case, spaces, hyphens or dots are one alias"
                    )
                else:
                    message = f"skill '{skill.id}': alias '{alias}' is also an alias of '{other}'"
                    fix = "an alias names one skill; use 'instances' for what shows several"
                problems.append(
                    _at(
                        lines,
                        kind,
                        f"{skill.id}\0{alias}",
                        message + (same if other != skill.id else ""),
                        fix,
                    )
                )
    for skill in catalog.skills.values():
        seen: set[tuple[str, ...]] = set()
        for instance in skill.instances:
            key = alias_key(instance)
            if key in seen or owner.get(key, ("", ""))[0] == skill.id:
                problems.append(
                    _at(
                        lines,
                        "instances",
                        f"{skill.id}\0{instance}",
                        f"skill '{skill.id}': instance '{instance}' is listed twice",
                        "spellings that differ only in case, spaces, hyphens or dots are one alias",
                    )
                )
            seen.add(key)
    return problems


def _check_references(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    problems: list[MlgapError] = []
    known = catalog.skills
    categories = {c.id for c in catalog.categories}

    def unknown(kind: str, key: str, owner: str, ids: tuple[str, ...]) -> None:
        for ident in ids:
            if ident not in known:
                problems.append(
                    _at(
                        lines,
                        kind,
                        key,
                        f"{owner} names unknown skill '{ident}'",
                        "use an id from `mlgap skills`",
                    )
                )

    for skill in known.values():
        if skill.conditional and not skill.near:
            problems.append(
                _at(
                    lines,
                    "skill",
                    skill.id,
                    f"skill '{skill.id}': 'conditional' aliases need 'near' phrases",
                    "list the words that must stand near them",
                )
            )
        if skill.category and skill.category not in categories:
            problems.append(
                _at(
                    lines,
                    "skill",
                    skill.id,
                    f"skill '{skill.id}': unknown category '{skill.category}'",
                    "define it under 'categories'",
                )
            )
    for role in catalog.roles.values():
        seen: set[str] = set()
        for req in role.requirements:
            unknown("requirement", f"{role.id}\0{req.id}", f"role '{role.id}'", req.any_of)
            for ident in req.any_of:
                if ident in seen:
                    problems.append(
                        _at(
                            lines,
                            "requirement",
                            f"{role.id}\0{req.id}",
                            f"role '{role.id}' requires '{ident}' twice",
                        )
                    )
                seen.add(ident)
    for phase in catalog.phases:
        for item in phase.items:
            for group in item.groups:
                unknown("item", f"{phase.id}\0{item.text}", f"phase '{phase.id}'", group)
    for level in catalog.levels:
        for index, group in enumerate(level.groups, start=1):
            unknown("level-req", f"{level.id}\0{index}", f"level '{level.id}'", group)
    return problems


def _check_shape(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    problems: list[MlgapError] = []
    numbers = [p.number for p in catalog.phases]
    if numbers != list(range(1, len(numbers) + 1)):
        first = catalog.phases[0].id if catalog.phases else ""
        problems.append(
            _at(
                lines,
                "phase",
                first,
                f"phase numbers are {numbers}",
                "number the phases 1, 2, 3, ... without gaps",
            )
        )
    default = catalog.settings.default_role
    if default and default not in catalog.roles:
        problems.append(
            _at(
                lines,
                "settings",
                "default_role",
                f"settings: default_role '{default}' is not a role",
                f"use one of: {', '.join(sorted(catalog.roles))}",
            )
        )
    for kind, present in (
        ("role", catalog.roles),
        ("phase", catalog.phases),
        ("level", catalog.levels),
        ("skill", catalog.skills),
    ):
        if not present:
            problems.append(
                MlgapError(
                    f"the catalog defines no {kind}",
                    path=catalog.source,
                    fix=f"add a '{kind}s' list to one of its files",
                )
            )
    return problems


def check_catalog(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    """Return every cross-reference problem of `catalog`, each with its file and line."""
    return (
        _check_aliases(catalog, lines)
        + _check_references(catalog, lines)
        + _check_shape(catalog, lines)
    )
