"""Cross-reference checks of a catalog whose files each read cleanly."""

from __future__ import annotations

from mlgap.catalog.model import Catalog, Role
from mlgap.errors import MlgapError
from mlgap.tokens import alias_key

Lines = dict[tuple[str, str], tuple[str, int]]
# The lists of phrases a skill is matched by (`sources` is documentation, not matched).
PHRASE_KINDS = (
    "aliases",
    "instances",
    "ambiguous",
    "conditional",
    "near",
    "headings",
    "other_meanings",
)
_ALIAS_KINDS = ("aliases", "ambiguous", "conditional")  # the phrases that name one skill only


def _at(lines: Lines, kind: str, key: str, message: str, fix: str = "") -> MlgapError:
    path, line = lines.get((kind, key), ("skills", 0))
    return MlgapError(message, path=path, line=line or None, fix=fix)


def _check_phrases(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    """Every phrase has a word to be matched on."""
    return [
        _at(
            lines,
            kind,
            f"{skill.id}\0{phrase}",
            f"skill '{skill.id}': '{phrase}' has no letters or digits to match on",
            "a phrase is matched on its words",
        )
        for skill in catalog.skills.values()
        for kind in PHRASE_KINDS
        for phrase in getattr(skill, kind)
        if not alias_key(phrase)
    ]


def _check_aliases(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    """Each alias names one skill (instances may show several: see _check_instances)."""
    problems: list[MlgapError] = []
    owner: dict[tuple[str, ...], tuple[str, str]] = {}
    for skill in catalog.skills.values():
        for kind in _ALIAS_KINDS:
            for alias in getattr(skill, kind):
                key = alias_key(alias)
                if not key:
                    continue  # reported by _check_phrases
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
    return problems


def _check_instances(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    """An instance is listed once, and not also as one of the same skill's aliases."""
    problems: list[MlgapError] = []
    for skill in catalog.skills.values():
        seen = {alias_key(a) for kind in _ALIAS_KINDS for a in getattr(skill, kind)}
        for instance in skill.instances:
            key = alias_key(instance)
            if key and key in seen:
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


def _check_other_meanings(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    """An other meaning is not also a name of the same skill: it would never be found."""
    problems: list[MlgapError] = []
    for skill in catalog.skills.values():
        names = {
            alias_key(a) for kind in (*_ALIAS_KINDS, "instances") for a in getattr(skill, kind)
        }
        problems.extend(
            _at(
                lines,
                "other_meanings",
                f"{skill.id}\0{phrase}",
                f"skill '{skill.id}': '{phrase}' is both one of its names and another meaning",
                "keep it in one list: a name shows the skill, another meaning blocks it",
            )
            for phrase in skill.other_meanings
            if alias_key(phrase) in names
        )
    return problems


def _check_skills(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    """Conditional aliases come with near phrases; a skill's category exists."""
    problems: list[MlgapError] = []
    categories = {c.id for c in catalog.categories}
    for skill in catalog.skills.values():
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
    return problems


def check_repeats(role: Role, lines: Lines) -> list[MlgapError]:
    """A role requires each skill once."""
    problems: list[MlgapError] = []
    seen: set[str] = set()
    for req in role.requirements:
        for ident in req.any_of:
            if ident in seen:
                key = f"{role.id}\0{req.id}"
                message = f"role '{role.id}' requires '{ident}' twice"
                problems.append(_at(lines, "requirement", key, message))
            seen.add(ident)
    return problems


def _check_references(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    """Roles, phases, levels, parts and implications name real skills; a role requires
    each skill once."""
    named: list[tuple[str, str, str, tuple[str, ...]]] = []  # kind, key, owner, ids
    problems: list[MlgapError] = []
    for role in catalog.roles.values():
        for req in role.requirements:
            named.append(("requirement", f"{role.id}\0{req.id}", f"role '{role.id}'", req.any_of))
        problems.extend(check_repeats(role, lines))
    for phase in catalog.phases:
        for item in phase.items:
            for group in item.groups:
                named.append(("item", f"{phase.id}\0{item.text}", f"phase '{phase.id}'", group))
    for level in catalog.levels:
        for index, group in enumerate(level.groups, start=1):
            named.append(("level-req", f"{level.id}\0{index}", f"level '{level.id}'", group))
    for skill in catalog.skills.values():
        for j, group in enumerate(skill.parts):
            named.append(("parts", f"{skill.id}\0{j}", f"skill '{skill.id}': parts", group))
    for rule in catalog.implications:
        owner = f"the implication of '{rule.skill}'"
        named.append(("implication", rule.skill, owner, (rule.skill, *rule.implied_by)))
    problems += [
        _at(
            lines,
            kind,
            key,
            f"{owner} names unknown skill '{ident}'",
            "use an id from `mlgap skills`",
        )
        for kind, key, owner, ids in named
        for ident in ids
        if ident not in catalog.skills
    ]
    return problems + _check_implications(catalog, lines)


def _check_implications(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    """An implication does not imply its own skill."""
    return [
        _at(
            lines,
            "implication",
            r.skill,
            f"the implication of '{r.skill}' implies itself",
            "remove it",
        )
        for r in catalog.implications
        if r.skill in r.implied_by
    ]


def _check_shape(catalog: Catalog, lines: Lines) -> list[MlgapError]:
    """Phases are numbered without gaps, default_role is a role, nothing is left undefined."""
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
        _check_phrases(catalog, lines)
        + _check_aliases(catalog, lines)
        + _check_instances(catalog, lines)
        + _check_skills(catalog, lines)
        + _check_other_meanings(catalog, lines)
        + _check_references(catalog, lines)
        + _check_shape(catalog, lines)
    )
