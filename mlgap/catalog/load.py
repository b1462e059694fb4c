"""Load the catalog: compose each YAML file, check its shape, build the catalog, cross-check it.

Every problem is reported as `file:line: what is wrong (how to fix)`: a file that cannot be
composed or breaks skills/catalog.schema.json is reported by `yaml_nodes` and `schema`;
once every file has the right shape, the objects are built from plain data and `checks`
looks at what the files say together (unique ids, shared aliases, unknown skill ids).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mlgap.catalog.checks import PHRASE_KINDS, Lines, check_catalog, check_repeats
from mlgap.catalog.files import CatalogFiles, catalog_source, decode_yaml, read_catalog_files
from mlgap.catalog.model import (
    IMPORTANCES,
    Catalog,
    Category,
    Implication,
    Level,
    Phase,
    PhaseItem,
    Requirement,
    Role,
    Settings,
    Skill,
    VerbObject,
)
from mlgap.catalog.schema import shape_problems
from mlgap.catalog.yaml_nodes import Composed, compose
from mlgap.errors import CatalogError, MlgapError

Data = dict[str, Any]  # a mapping the schema has already checked
Groups = tuple[tuple[str, ...], ...]


def load_catalog(directory: str | Path | None = None) -> Catalog:
    """Load and validate the catalog in `directory` (default: the one shipped with mlgap)."""
    return parse_catalog(read_catalog_files(directory), catalog_source(directory))


def parse_catalog(files: CatalogFiles, source: str) -> Catalog:
    """Validate catalog files' texts strictly and return the catalog they define."""
    if not files:
        raise CatalogError(
            [MlgapError("no *.yaml files", path=source, fix="a catalog is a folder of YAML files")]
        )
    problems: list[MlgapError] = []
    builder = _Builder()
    for display, text in files:
        try:
            composed = compose(text, display)
        except CatalogError as exc:
            problems.extend(exc.problems)
            continue
        found = shape_problems(composed, display)
        problems.extend(found)
        if not found:
            builder.add_file(display, composed)
    if problems:
        # Files of the wrong shape were left out: cross-checking the rest would only report
        # the skills they define as unknown.
        raise CatalogError(problems)
    catalog = builder.build(source)
    problems = builder.problems + check_catalog(catalog, builder.lines)
    if problems:
        raise CatalogError(problems)
    digest = hashlib.sha256()
    for display, text in sorted(files, key=lambda f: Path(f[0]).name):
        digest.update(f"{Path(display).name}\0{text}\0".encode())
    return replace(resolve_requirements(catalog), fingerprint=digest.hexdigest()[:16])


def _text(data: Data, key: str) -> str:
    value = data.get(key)
    return value.strip() if isinstance(value, str) else ""


def _strings(data: Data, key: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in data.get(key, ()))


def _group(data: Data, single: str) -> Groups:
    """Return the skill groups of `single` (each skill its own group) or `any_of` (one group)."""
    if "any_of" in data:
        return (tuple(data["any_of"]),)
    value = data[single]
    return ((value,),) if isinstance(value, str) else tuple((s,) for s in value)


@dataclass
class _Builder:
    """The catalog's objects built so far, with the place each was defined."""

    categories: list[Category] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    implications: list[Implication] = field(default_factory=list)
    settings: Data = field(default_factory=dict)
    lines: Lines = field(default_factory=dict)
    problems: list[MlgapError] = field(default_factory=list)

    def define(self, kind: str, ident: str, where: tuple[str, int]) -> None:
        """Note where `ident` is defined; an id defined twice is a problem."""
        if (kind, ident) in self.lines:
            first_path, first_line = self.lines[(kind, ident)]
            self.problems.append(
                MlgapError(
                    f"duplicate {kind} id '{ident}'",
                    path=where[0],
                    line=where[1],
                    fix=f"first defined at {first_path}:{first_line}",
                )
            )
        else:
            self.lines[(kind, ident)] = where

    def add_file(self, display: str, composed: Composed) -> None:
        """Add the objects of one file whose shape is valid."""
        data, lines = composed.data, composed.lines
        assert isinstance(data, dict)  # the schema says so

        def at(*path: str | int) -> tuple[str, int]:
            return display, lines[path]

        for i, c in enumerate(data.get("categories", ())):
            self.define("category", c["id"], at("categories", i))
            self.categories.append(
                Category(
                    c["id"],
                    _text(c, "name"),
                    technology=c.get("technology", False),
                    degree_subject=c.get("degree_subject", False),
                    industry=c.get("industry", False),
                )
            )
        for i, s in enumerate(data.get("skills", ())):
            self.define("skill", s["id"], at("skills", i))
            for kind in PHRASE_KINDS:
                for j, phrase in enumerate(s.get(kind, ())):
                    self.lines[(kind, f"{s['id']}\0{phrase.strip()}")] = at("skills", i, kind, j)
            self.skills.append(_skill(s, data["category"]))
            for j, _ in enumerate(s.get("parts", ())):
                self.lines[("parts", f"{s['id']}\0{j}")] = at("skills", i, "parts", j)
        self._add_plans(data, at)
        if "settings" in data:
            self.settings.update(data["settings"])
            for key in data["settings"]:
                self.lines[("settings", key)] = at("settings", key)

    def _add_plans(self, data: dict[str, Any], at: Callable[..., tuple[str, int]]) -> None:
        """Add the roles, phases and levels of one file, noting where each part stands."""
        for i, r in enumerate(data.get("roles", ())):
            self.define("role", r["id"], at("roles", i))
            self.roles.append(_role(r))
            for j, req in enumerate(self.roles[-1].requirements):
                where = at("roles", i, "requirements", j)
                self.lines[("requirement", f"{r['id']}\0{req.id}")] = where
        for i, p in enumerate(data.get("phases", ())):
            self.define("phase", p["id"], at("phases", i))
            self.phases.append(_phase(p))
            for j, item in enumerate(self.phases[-1].items):
                self.lines[("item", f"{p['id']}\0{item.text}")] = at("phases", i, "items", j)
        for i, lv in enumerate(data.get("levels", ())):
            self.define("level", lv["id"], at("levels", i))
            self.levels.append(_level(lv))
            for j in range(len(lv["requires"])):
                where = at("levels", i, "requires", j)
                self.lines[("level-req", f"{lv['id']}\0{j + 1}")] = where
        for i, im in enumerate(data.get("implications", ())):
            self.define("implication", im["skill"], at("implications", i))
            after = im.get("after_years")
            self.implications.append(
                Implication(
                    im["skill"],
                    _strings(im, "implied_by"),
                    float(after) if after is not None else None,
                    _text(im, "why"),
                )
            )

    def build(self, source: str) -> Catalog:
        """Return the catalog of every file added."""
        given = self.settings
        defaults = Settings()
        weights = given.get("weights")
        settings = Settings(
            phase_completion=float(given.get("phase_completion", defaults.phase_completion)),
            weights=tuple((k, int(weights[k])) for k in IMPORTANCES)
            if weights
            else defaults.weights,
            default_role=given.get("default_role", defaults.default_role),
            benefit_phrases=tuple(p.strip() for p in given.get("benefit_phrases", ())),
            known_outside=tuple(p.strip() for p in given.get("known_outside", ())),
            ad_sections=_sections(given.get("ad_sections", {})),
            resume_sections=_sections(given.get("resume_sections", {})),
            seniority_titles=_sections(given.get("seniority_titles", {})),
        )
        return Catalog(
            source=source,
            categories=tuple(self.categories),
            skills={s.id: s for s in self.skills},
            roles={role.id: role for role in self.roles},
            phases=tuple(sorted(self.phases, key=lambda p: p.number)),
            levels=tuple(self.levels),
            settings=settings,
            implications=tuple(self.implications),
        )


def _sections(given: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (kind, tuple(p.strip() for p in phrases)) for kind, phrases in sorted(given.items())
    )


def _skill(data: Data, category: str) -> Skill:
    return Skill(
        id=data["id"],
        name=_text(data, "name"),
        category=category,
        description=_text(data, "description"),
        next_step=_text(data, "next_step"),
        aliases=_strings(data, "aliases"),
        instances=_strings(data, "instances"),
        ambiguous=_strings(data, "ambiguous"),
        conditional=_strings(data, "conditional"),
        near=_strings(data, "near"),
        headings=_strings(data, "headings"),
        other_meanings=_strings(data, "other_meanings"),
        sources=_strings(data, "sources"),
        verb_objects=tuple(
            VerbObject(
                _strings(v, "verbs"),
                _strings(v, "objects"),
                int(v.get("gap", 2)),
                _strings(v, "not_between"),
                _strings(v, "not_followed_by"),
            )
            for v in data.get("verb_objects", ())
        ),
        parts=tuple(tuple(group) for group in data.get("parts", ())),
    )


def _role(data: Data) -> Role:
    requirements = tuple(
        Requirement(
            _group(req, "skill")[0],
            req["importance"],
            _text(req, "label"),
            _text(req, "next_step"),
        )
        for req in data["requirements"]
    )
    return Role(
        data["id"],
        _text(data, "name"),
        _text(data, "source"),
        _text(data, "description"),
        requirements,
    )


def _phase(data: Data) -> Phase:
    items = tuple(PhaseItem(_text(item, "text"), _group(item, "all_of")) for item in data["items"])
    return Phase(int(data["number"]), data["id"], _text(data, "name"), _text(data, "period"), items)


def _level(data: Data) -> Level:
    groups = tuple(group for req in data["requires"] for group in _group(req, "skill"))
    return Level(
        data["id"],
        _text(data, "name"),
        _text(data, "description"),
        int(data["min_score"]),
        groups,
        min_years=float(data.get("min_years", 0)),
        seniority=data.get("seniority"),
    )


def resolve_requirements(catalog: Catalog) -> Catalog:
    """Return `catalog` with each requirement's label, step, weight, category and phase filled."""
    first_phase: dict[str, int] = {}
    for phase in catalog.phases:
        for item in phase.items:
            for group in item.groups:
                for skill in group:
                    first_phase.setdefault(skill, phase.number)
    roles = {}
    for role in catalog.roles.values():
        requirements = []
        for req in role.requirements:
            first = catalog.skills[req.any_of[0]]
            phases = [first_phase[s] for s in req.any_of if s in first_phase]
            requirements.append(
                replace(
                    req,
                    label=req.label or first.name,
                    next_step=req.next_step or first.next_step,
                    weight=catalog.settings.weight(req.importance),
                    category=first.category,
                    phase=min(phases, default=None),
                )
            )
        roles[role.id] = replace(role, requirements=tuple(requirements))
    return replace(catalog, roles=roles)


MAX_ROLE_FILE = 1 << 20  # a role file is a page of YAML; past a megabyte it is not one


def load_role_file(path: Path, catalog: Catalog) -> tuple[Role, str]:
    """Return the one role of a role file, resolved against `catalog`, and the file's hash;
    raise a CatalogError with every problem at its line."""
    display = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_ROLE_FILE + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        fix = "check the path given to --role"
        raise CatalogError([MlgapError(f"cannot read: {reason}", path=display, fix=fix)]) from None
    if len(data) > MAX_ROLE_FILE:
        raise CatalogError([MlgapError("larger than 1 MB", path=display, fix="one role a file")])
    text = decode_yaml(display, data)
    composed = compose(text, display)
    problems = shape_problems(composed, display)
    body = composed.data if isinstance(composed.data, dict) else {}
    if not problems and (set(body) != {"roles"} or len(body["roles"]) != 1):
        problems.append(
            MlgapError(
                "a role file holds one role and nothing else",
                path=display,
                line=composed.line(()),
                fix="give it a 'roles:' list of exactly one role",
            )
        )
    if problems:
        raise CatalogError(problems)
    builder = _Builder()
    builder.add_file(display, composed)
    role = builder.roles[0]
    for req in role.requirements:
        where = builder.lines[("requirement", f"{role.id}\0{req.id}")]
        for ident in req.any_of:
            if ident not in catalog.skills:
                builder.problems.append(
                    MlgapError(
                        f"role '{role.id}' names unknown skill '{ident}'",
                        path=where[0],
                        line=where[1],
                        fix="use an id from `mlgap skills`",
                    )
                )
    problems = builder.problems + check_repeats(role, builder.lines)
    if problems:
        raise CatalogError(problems)
    resolved = resolve_requirements(replace(catalog, roles={role.id: role})).roles[role.id]
    return resolved, hashlib.sha256(data).hexdigest()[:16]
