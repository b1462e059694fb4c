"""Load the catalog from YAML and validate it strictly, reporting `file:line: problem`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from mlgap.catalog.checks import check_catalog
from mlgap.catalog.files import CatalogFiles, catalog_source, read_catalog_files
from mlgap.catalog.model import (
    IMPORTANCES,
    Catalog,
    Category,
    Level,
    Phase,
    PhaseItem,
    Requirement,
    Role,
    Settings,
    Skill,
)
from mlgap.errors import CatalogError, MlgapError
from mlgap.tokens import alias_key

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
FILE_KEYS = {"category", "categories", "skills", "roles", "phases", "levels", "settings"}
SKILL_KEYS = {
    "id": True, "name": True, "description": True, "next_step": True, "aliases": True,
    "instances": False, "ambiguous": False, "conditional": False, "near": False,
    "headings": False, "other_meanings": False, "sources": False,
}  # fmt: skip
REQUIREMENT_KEYS = {"skill": False, "any_of": False, "importance": True, "label": False,
                    "next_step": False}  # fmt: skip
ROLE_KEYS = {"id": True, "name": True, "source": True, "description": True, "requirements": True}
PHASE_KEYS = {"number": True, "id": True, "name": True, "period": True, "items": True}
ITEM_KEYS = {"text": True, "all_of": False, "any_of": False}
LEVEL_KEYS = {"id": True, "name": True, "description": True, "min_score": True, "requires": True}
CATEGORY_KEYS = {"id": True, "name": True, "technology": False, "degree_subject": False}
SETTINGS_KEYS = {"phase_completion": False, "weights": False, "default_role": False}


@dataclass
class Node:
    """A YAML value with the line it starts on (1-based)."""

    value: Any
    line: int


@dataclass
class _Reader:
    """Collects problems while turning YAML nodes into catalog objects."""

    path: str
    problems: list[MlgapError] = field(default_factory=list)

    def problem(self, line: int, message: str, fix: str = "") -> None:
        self.problems.append(MlgapError(message, path=self.path, line=line, fix=fix))

    def mapping(self, node: Node, keys: dict[str, bool], what: str) -> dict[str, Node] | None:
        if not isinstance(node.value, dict):
            self.problem(node.line, f"{what}: expected a mapping")
            return None
        fields: dict[str, Node] = node.value
        for key, child in fields.items():
            if key not in keys:
                allowed = ", ".join(sorted(keys))
                self.problem(child.line, f"{what}: unknown key '{key}'", f"allowed: {allowed}")
        for key, required in keys.items():
            if required and key not in fields:
                self.problem(node.line, f"{what}: missing key '{key}'")
        return fields

    def flag(self, fields: dict[str, Node], key: str, what: str) -> bool:
        node = fields.get(key)
        if node is None:
            return False
        if not isinstance(node.value, bool):
            self.problem(node.line, f"{what}: '{key}' must be true or false")
            return False
        return node.value

    def text(self, fields: dict[str, Node], key: str, what: str, default: str = "") -> str:
        node = fields.get(key)
        if node is None:
            return default
        if not isinstance(node.value, str) or not node.value.strip():
            self.problem(node.line, f"{what}: '{key}' must be a non-empty string")
            return default
        return node.value.strip()

    def strings(self, fields: dict[str, Node], key: str, what: str) -> tuple[str, ...]:
        node = fields.get(key)
        if node is None:
            return ()
        if not isinstance(node.value, list):
            self.problem(node.line, f"{what}: '{key}' must be a list of strings")
            return ()
        out: list[str] = []
        for item in node.value:
            if not isinstance(item.value, str | int) or not str(item.value).strip():
                self.problem(item.line, f"{what}: '{key}' holds a value that is not a string")
            else:
                out.append(str(item.value).strip())
        return tuple(out)

    def items(self, fields: dict[str, Node], key: str, what: str) -> list[Node]:
        node = fields.get(key)
        if node is None:
            return []
        if not isinstance(node.value, list):
            self.problem(node.line, f"{what}: '{key}' must be a list")
            return []
        return list(node.value)

    def ident(self, fields: dict[str, Node], what: str) -> str:
        ident = self.text(fields, "id", what)
        if ident and not ID_RE.match(ident):
            self.problem(fields["id"].line, f"{what}: id '{ident}' is not lower-case-kebab")
        return ident


def _to_node(node: yaml.Node) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            out[str(key_node.value)] = _to_node(value_node)
        return Node(out, line)
    if isinstance(node, yaml.SequenceNode):
        return Node([_to_node(child) for child in node.value], line)
    tag, raw = node.tag, node.value
    if tag.endswith(":int"):
        return Node(int(raw.replace("_", "")), line)
    if tag.endswith(":float"):
        return Node(float(raw), line)
    if tag.endswith(":bool"):
        return Node(raw.lower() in ("true", "yes", "on"), line)
    if tag.endswith(":null"):
        return Node(None, line)
    return Node(str(raw), line)


def load_catalog(directory: str | Path | None = None) -> Catalog:
    """Load and validate the catalog in `directory` (default: the one shipped with mlgap)."""
    return parse_catalog(read_catalog_files(directory), catalog_source(directory))


def parse_catalog(files: CatalogFiles, source: str) -> Catalog:
    """Validate catalog files' texts strictly and return the catalog they define."""
    parts = _Parts()
    if not files:
        raise CatalogError(
            [MlgapError("no *.yaml files", path=source, fix="a catalog is a folder of YAML files")]
        )
    for display, text in files:
        reader = _Reader(display)
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            reader.problem(mark.line + 1 if mark else 1, f"not valid YAML: {exc}".split("\n")[0])
            parts.problems.extend(reader.problems)
            continue
        if root is None:
            reader.problem(1, "the file is empty")
        else:
            parts.read_file(reader, _to_node(root))
        parts.problems.extend(reader.problems)
    catalog = parts.build(source)
    parts.problems.extend(check_catalog(catalog, parts.lines))
    if parts.problems:
        raise CatalogError(parts.problems)
    return resolve_requirements(catalog)


@dataclass
class _Parts:
    """What the files held so far, with the place each object was defined."""

    categories: list[Category] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    levels: list[Level] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    lines: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    problems: list[MlgapError] = field(default_factory=list)

    def where(self, reader: _Reader, kind: str, ident: str, line: int) -> None:
        if (kind, ident) in self.lines:
            first_path, first_line = self.lines[(kind, ident)]
            reader.problem(
                line,
                f"duplicate {kind} id '{ident}'",
                f"first defined at {first_path}:{first_line}",
            )
        else:
            self.lines[(kind, ident)] = (reader.path, line)

    def read_file(self, r: _Reader, root: Node) -> None:
        fields = r.mapping(root, dict.fromkeys(FILE_KEYS, False), "file")
        if fields is None:
            return
        category = r.text(fields, "category", "file")
        if "skills" in fields and not category:
            r.problem(root.line, "a file with 'skills' must name their 'category'")
        for node in r.items(fields, "categories", "categories"):
            f = r.mapping(node, CATEGORY_KEYS, "category")
            if f is not None and (ident := r.ident(f, "category")):
                self.where(r, "category", ident, node.line)
                self.categories.append(
                    Category(
                        ident,
                        r.text(f, "name", ident),
                        technology=r.flag(f, "technology", ident),
                        degree_subject=r.flag(f, "degree_subject", ident),
                    )
                )
        for node in r.items(fields, "skills", "skills"):
            self.read_skill(r, node, category)
        for node in r.items(fields, "roles", "roles"):
            self.read_role(r, node)
        for node in r.items(fields, "phases", "phases"):
            self.read_phase(r, node)
        for node in r.items(fields, "levels", "levels"):
            self.read_level(r, node)
        if "settings" in fields:
            self.read_settings(r, fields["settings"])

    def read_settings(self, r: _Reader, node: Node) -> None:
        settings = r.mapping(node, SETTINGS_KEYS, "settings")
        if settings is None:
            return
        share = self.settings.phase_completion
        if (value := settings.get("phase_completion")) is not None:
            if isinstance(value.value, int | float) and 0 < value.value <= 1:
                share = float(value.value)
            else:
                r.problem(value.line, "settings: 'phase_completion' must be in (0, 1]")
        weights = self.settings.weights
        if (value := settings.get("weights")) is not None:
            given = r.mapping(value, dict.fromkeys(IMPORTANCES, True), "settings: weights")
            if given is not None and all(k in given for k in IMPORTANCES):
                if all(isinstance(given[k].value, int) and given[k].value > 0 for k in IMPORTANCES):
                    weights = tuple((k, int(given[k].value)) for k in IMPORTANCES)
                else:
                    r.problem(value.line, "settings: weights must be whole numbers above 0")
        default_role = r.text(settings, "default_role", "settings", self.settings.default_role)
        self.settings = Settings(share, weights, default_role)

    def read_skill(self, r: _Reader, node: Node, category: str) -> None:
        f = r.mapping(node, SKILL_KEYS, "skill")
        if f is None or not (ident := r.ident(f, "skill")):
            return
        what = f"skill '{ident}'"
        self.where(r, "skill", ident, node.line)
        for key in (
            "aliases",
            "instances",
            "ambiguous",
            "conditional",
            "near",
            "headings",
            "other_meanings",
        ):
            for alias_node in r.items(f, key, what):
                if isinstance(alias_node.value, str) and not alias_key(alias_node.value):
                    r.problem(
                        alias_node.line,
                        f"{what}: '{alias_node.value}' has no letters or digits to match on",
                    )
                elif isinstance(alias_node.value, str):
                    self.lines[(key, f"{ident}\0{alias_node.value}")] = (r.path, alias_node.line)
        self.skills.append(
            Skill(
                id=ident,
                name=r.text(f, "name", what),
                category=category,
                description=r.text(f, "description", what),
                next_step=r.text(f, "next_step", what),
                aliases=r.strings(f, "aliases", what),
                instances=r.strings(f, "instances", what),
                ambiguous=r.strings(f, "ambiguous", what),
                conditional=r.strings(f, "conditional", what),
                near=r.strings(f, "near", what),
                headings=r.strings(f, "headings", what),
                other_meanings=r.strings(f, "other_meanings", what),
                sources=r.strings(f, "sources", what),
            )
        )

    def read_groups(
        self, r: _Reader, f: dict[str, Node], what: str, single: str
    ) -> tuple[tuple[str, ...], ...]:
        """Read `skill`/`all_of` (each its own group) or `any_of` (one group)."""
        given = [k for k in (single, "any_of") if k in f]
        if len(given) != 1:
            line = next(iter(f.values())).line if f else 0
            r.problem(line, f"{what}: give exactly one of '{single}' or 'any_of'")
            return ()
        if given[0] == "any_of":
            group = r.strings(f, "any_of", what)
            return (group,) if group else ()
        if single == "skill":
            return ((r.text(f, "skill", what),),)
        return tuple((s,) for s in r.strings(f, single, what))

    def read_role(self, r: _Reader, node: Node) -> None:
        f = r.mapping(node, ROLE_KEYS, "role")
        if f is None or not (ident := r.ident(f, "role")):
            return
        self.where(r, "role", ident, node.line)
        requirements: list[Requirement] = []
        for req_node in r.items(f, "requirements", f"role '{ident}'"):
            what = f"role '{ident}' requirement"
            rf = r.mapping(req_node, REQUIREMENT_KEYS, what)
            if rf is None:
                continue
            groups = self.read_groups(r, rf, what, "skill")
            importance = r.text(rf, "importance", what)
            if importance and importance not in IMPORTANCES:
                r.problem(
                    rf["importance"].line,
                    f"{what}: importance '{importance}' is unknown",
                    f"use one of {', '.join(IMPORTANCES)}",
                )
            if groups and importance in IMPORTANCES:
                requirements.append(
                    Requirement(
                        groups[0],
                        importance,
                        r.text(rf, "label", what),
                        r.text(rf, "next_step", what),
                    )
                )
                self.lines[("requirement", f"{ident}\0{requirements[-1].id}")] = (
                    r.path,
                    req_node.line,
                )
        self.roles.append(
            Role(
                ident,
                r.text(f, "name", ident),
                r.text(f, "source", ident),
                r.text(f, "description", ident),
                tuple(requirements),
            )
        )

    def read_phase(self, r: _Reader, node: Node) -> None:
        f = r.mapping(node, PHASE_KEYS, "phase")
        if f is None or not (ident := r.ident(f, "phase")):
            return
        self.where(r, "phase", ident, node.line)
        number = f["number"].value if "number" in f else 0
        if not isinstance(number, int) or number < 1:
            r.problem(node.line, f"phase '{ident}': 'number' must be a whole number from 1")
            number = 0
        items: list[PhaseItem] = []
        for item_node in r.items(f, "items", f"phase '{ident}'"):
            what = f"phase '{ident}' item"
            itf = r.mapping(item_node, ITEM_KEYS, what)
            if itf is not None:
                groups = self.read_groups(r, itf, what, "all_of")
                items.append(PhaseItem(r.text(itf, "text", what), groups))
                self.lines[("item", f"{ident}\0{items[-1].text}")] = (r.path, item_node.line)
        self.phases.append(
            Phase(number, ident, r.text(f, "name", ident), r.text(f, "period", ident), tuple(items))
        )

    def read_level(self, r: _Reader, node: Node) -> None:
        f = r.mapping(node, LEVEL_KEYS, "level")
        if f is None or not (ident := r.ident(f, "level")):
            return
        self.where(r, "level", ident, node.line)
        score = f["min_score"].value if "min_score" in f else 0
        if not isinstance(score, int) or not 0 <= score <= 100:
            r.problem(node.line, f"level '{ident}': 'min_score' must be a whole number 0-100")
            score = 0
        groups: list[tuple[str, ...]] = []
        for req_node in r.items(f, "requires", f"level '{ident}'"):
            rf = r.mapping(req_node, {"skill": False, "any_of": False}, f"level '{ident}'")
            if rf is not None:
                groups.extend(self.read_groups(r, rf, f"level '{ident}'", "skill"))
                self.lines[("level-req", f"{ident}\0{len(groups)}")] = (r.path, req_node.line)
        self.levels.append(
            Level(
                ident,
                r.text(f, "name", ident),
                r.text(f, "description", ident),
                score,
                tuple(groups),
            )
        )

    def build(self, source: str) -> Catalog:
        return Catalog(
            source=source,
            categories=tuple(self.categories),
            skills={s.id: s for s in self.skills},
            roles={role.id: role for role in self.roles},
            phases=tuple(sorted(self.phases, key=lambda p: p.number)),
            levels=tuple(self.levels),
            settings=self.settings,
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
