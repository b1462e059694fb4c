"""The shipped catalog is complete and consistent; broken catalogs are refused precisely."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mlgap import CatalogError, Toolkit, load_catalog
from mlgap.catalog.load import parse_catalog
from mlgap.catalog.model import IMPORTANCES
from mlgap.catalog.schema import load_schema, shape_problems
from mlgap.catalog.schema_messages import ID_PATTERN
from mlgap.catalog.yaml_nodes import compose
from mlgap.cli import app

# Copied from shared/spec/skills.md: the project must not read ../shared at run time.
SPEC_IDS = [
    "python",
    "r",
    "java",
    "cpp",
    "sql",
    "scikit-learn",
    "tensorflow",
    "pytorch",
    "xgboost",
    "lightgbm",
    "pandas",
    "numpy",
    "data-pipelines",
    "large-datasets",
    "matplotlib",
    "seaborn",
    "mlflow",
    "docker",
    "fastapi",
    "flask",
    "kubernetes",
    "git",
    "aws",
    "gcp",
    "azure",
    "model-deployment",
    "real-time-inference",
    "model-monitoring",
    "edge-ml",
    "statistics",
    "linear-algebra",
    "calculus",
    "probability",
    "supervised-learning",
    "unsupervised-learning",
    "reinforcement-learning",
    "deep-learning",
    "nlp",
    "computer-vision",
    "classification",
    "regression",
    "clustering",
    "recommendation-systems",
    "anomaly-detection",
    "ensemble-methods",
    "linear-regression",
    "decision-trees",
    "svm",
    "neural-networks",
    "predictive-analytics",
    "data-preprocessing",
    "feature-engineering",
    "model-evaluation",
    "cross-validation",
    "hyperparameter-tuning",
    "regularization",
    "responsible-ai",
    "research",
    "portfolio-projects",
    "end-to-end-project",
    "internship",
    "kaggle",
    "hackathons",
    "open-source",
    "team-leadership",
    "mentoring",
    "ml-system-design",
    "bachelors-degree",
    "masters-degree",
    "phd",
    "google-ml-engineer-cert",
    "azure-ml-cert",
    "ml-certificate",
    "communication",
    "problem-solving",
    "collaboration",
    "continuous-learning",
    "healthcare",
    "finance",
    "e-commerce",
    "education-domain",
    "manufacturing",
]

SHIPPED = Path(__file__).resolve().parent.parent / "skills"


def test_every_spec_id_is_in_the_catalog(kit: Toolkit) -> None:
    """Each id of the spec has a skill, so reports and labels can name it."""
    assert len(SPEC_IDS) == 82
    assert set(SPEC_IDS) <= set(kit.catalog.skills)


def test_every_skill_is_described_and_has_a_next_step(kit: Toolkit) -> None:
    """A gap always comes with something concrete to do."""
    for skill in kit.catalog.skills.values():
        assert skill.name and skill.description and len(skill.next_step) > 30, skill.id
        assert skill.aliases, skill.id


def test_roles_phases_and_levels_come_from_the_documents(kit: Toolkit) -> None:
    """Two roles, five roadmap phases and three career levels, as the documents give them."""
    catalog = kit.catalog
    assert set(catalog.roles) == {"ml-expert", "ml-specialist"}
    assert [p.name for p in catalog.phases] == [
        "Beginner",
        "Intermediate",
        "Pre-Professional",
        "Advanced",
        "Expert",
    ]
    assert [lv.name for lv in catalog.levels] == [
        "Junior Machine Learning Engineer",
        "Machine Learning Specialist",
        "Senior Machine Learning Specialist",
    ]
    groups = {r.id for r in catalog.roles["ml-expert"].requirements}
    assert "fastapi|flask" in groups and "aws|gcp|azure" in groups


def _catalog_with(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "catalog"
    folder.mkdir()
    for path in SHIPPED.glob("*.yaml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "zz-extra.yaml",
            "category: languages\nskills:\n  - id: julia\n    name: Julia\n"
            "    description: d\n    next_step: s\n    aliases: [julia]\n    colour: red\n",
            "zz-extra.yaml:8: skill 'julia': unknown key 'colour'",
        ),
        (
            "zz-extra.yaml",
            "category: languages\nskills:\n  - id: python\n    name: P\n"
            "    description: d\n    next_step: s\n    aliases: [pythonic]\n",
            "zz-extra.yaml:3: duplicate skill id 'python'",
        ),
        (
            "zz-extra.yaml",
            "category: languages\nskills:\n  - id: julia\n    name: Julia\n"
            "    description: d\n    next_step: s\n    aliases: [julia, sklearn]\n",
            "zz-extra.yaml:7: skill 'julia': alias 'sklearn' is also an alias of 'scikit-learn'",
        ),
        (
            "zz-extra.yaml",
            "category: languages\nskills:\n  - id: julia\n    name: Julia\n"
            "    description: d\n    next_step: s\n    aliases: [julia]\n"
            "    other_meanings: [julia]\n",
            "zz-extra.yaml:8: skill 'julia': 'julia' is both one of its names and another meaning",
        ),
        (
            "zz-extra.yaml",
            "roles:\n  - id: r2\n    name: R\n    source: s\n    description: d\n"
            "    requirements:\n      - {skill: cobol, importance: core}\n",
            "zz-extra.yaml:7: role 'r2' names unknown skill 'cobol'",
        ),
        (
            "zz-extra.yaml",
            "roles:\n  - id: r2\n    name: R\n    source: s\n    description: d\n"
            "    requirements:\n      - {skill: python, importance: vital}\n",
            "zz-extra.yaml:7: role 'r2' requirement: importance 'vital' is unknown",
        ),
        ("zz-extra.yaml", "skills: [1\n", "zz-extra.yaml:2: not valid YAML"),
    ],
)
def test_invalid_catalogs_are_refused_with_file_and_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    """Unknown keys, duplicate ids, shared aliases and unknown skills name their place."""
    folder = _catalog_with(tmp_path, name, text)
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    assert any(message in line for line in str(caught.value).splitlines()), str(caught.value)


def test_a_copy_of_the_shipped_catalog_loads(tmp_path: Path) -> None:
    """A user's own copy is accepted as long as it is valid."""
    folder = _catalog_with(tmp_path, "empty-extra.yaml", "categories: []\n")
    assert len(load_catalog(folder).skills) >= 82


SCHEMA_LINE = "# yaml-language-server: $schema=catalog.schema.json"
SHIPPED_FILES = sorted(SHIPPED.glob("*.yaml"))


def test_the_schema_is_valid_json_schema() -> None:
    """skills/catalog.schema.json is itself a valid draft 2020-12 JSON Schema."""
    jsonschema: Any = importlib.import_module("jsonschema")  # by name: it ships no type hints
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def _subschemas(schema: dict[str, Any], where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every key and definition of `schema`, with where it is, depth first."""
    yield where, schema
    for group in ("properties", "$defs"):
        for name, child in schema.get(group, {}).items():
            yield from _subschemas(child, f"{where}/{group}/{name}")
    if isinstance(schema.get("items"), dict):
        yield from _subschemas(schema["items"], f"{where}/items")


def test_every_key_and_definition_of_the_schema_is_described() -> None:
    """The schema documents the format: every key and definition says what it means."""
    for where, schema in _subschemas(load_schema(), "#"):
        if where.endswith("/items"):
            continue  # a list's items are described by the list's key or their definition
        assert len(schema.get("description", "")) > 20, where
        if schema.get("type") == "object":
            assert schema.get("additionalProperties") is False, where


def test_the_schema_knows_the_importances_of_the_model() -> None:
    """The schema's importances are the model's, and its id pattern the one messages know."""
    defs = load_schema()["$defs"]
    assert tuple(defs["importance"]["enum"]) == IMPORTANCES
    assert tuple(defs["weights"]["properties"]) == IMPORTANCES
    assert defs["weights"]["required"] == list(IMPORTANCES)
    assert defs["id"]["pattern"] == ID_PATTERN  # the messages know an id by its pattern


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.name)
def test_each_shipped_file_has_the_schema_s_shape(path: Path) -> None:
    """Every shipped file validates against the schema, read by mlgap or by any YAML loader."""
    jsonschema: Any = importlib.import_module("jsonschema")
    text = path.read_text(encoding="utf-8")
    assert shape_problems(compose(text, path.name), path.name) == []
    validator = jsonschema.Draft202012Validator(load_schema())
    assert [e.message for e in validator.iter_errors(yaml.safe_load(text))] == []


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.name)
def test_the_composer_reads_shipped_files_as_yaml_does(path: Path) -> None:
    """mlgap's own YAML composer gives the data yaml.safe_load gives, for every shipped file."""
    text = path.read_text(encoding="utf-8")
    assert compose(text, path.name).data == yaml.safe_load(text)


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.name)
def test_shipped_files_start_with_the_schema_and_keep_lines_short(path: Path) -> None:
    """Each shipped file names its schema for editors on line 1 and has no line over 120."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == SCHEMA_LINE
    assert [n for n, line in enumerate(lines, start=1) if len(line) > 120] == []


JULIA = (
    "category: languages\n"
    "skills:\n"
    "  - id: julia\n"
    "    name: Julia\n"
    "    description: A language for numerical computing.\n"
    "    next_step: Write one analysis in Julia.\n"
    "    aliases:\n"
    "      - julia\n"
)
ROLE = (
    "roles:\n"
    "  - id: data-engineer\n"
    "    name: Data engineer\n"
    "    source: A job ad\n"
    "    description: Builds data pipelines.\n"
    "    requirements:\n"
    "      - skill: sql\n"
    "        importance: {importance}\n"
)
LEVEL = (
    "levels:\n"
    "  - id: lead\n"
    "    name: Lead\n"
    "    description: Leads a team.\n"
    "    min_score: {score}\n"
    "    requires: []\n"
)
SKILL_KEYS = (
    "aliases, ambiguous, conditional, description, headings, id, instances, name, near, "
    "next_step, other_meanings, parts, sources, verb_objects"
)
KEBAB = "use lower-case letters and digits joined by single hyphens, like 'scikit-learn'"
BROKEN = {
    "unknown key": (
        JULIA + "    colour: red\n",
        [f"zz.yaml:9: skill 'julia': unknown key 'colour' (allowed: {SKILL_KEYS})"],
    ),
    "misspelt key": (
        JULIA.replace("aliases:", "alias:"),
        [
            "zz.yaml:3: skill 'julia': missing key 'aliases'",
            f"zz.yaml:7: skill 'julia': unknown key 'alias' (allowed: {SKILL_KEYS})",
        ],
    ),
    "missing key": (
        JULIA.replace("    next_step: Write one analysis in Julia.\n", ""),
        ["zz.yaml:3: skill 'julia': missing key 'next_step'"],
    ),
    "wrong type": (
        JULIA.replace("aliases:\n      - julia", "aliases: julia"),
        [
            "zz.yaml:7: skill 'julia': 'aliases' must be a list, not the text 'julia' "
            "(write one item a line: '- item')"
        ],
    ),
    "a number where text is needed": (
        JULIA.replace("name: Julia", "name: 1.5"),
        [
            "zz.yaml:4: skill 'julia': 'name' must be text, not the number 1.5 "
            '(put it in quotes: "1.5")'
        ],
    ),
    "bad id": (
        JULIA.replace("id: julia", "id: Julia_Lang"),
        [f"zz.yaml:3: skill 'Julia_Lang': id 'Julia_Lang' is not lower-case-kebab ({KEBAB})"],
    ),
    "blank text": (
        JULIA.replace("name: Julia", "name: '  '"),
        ["zz.yaml:4: skill 'julia': 'name' is blank (write some text)"],
    ),
    "bad importance": (
        ROLE.format(importance="vital"),
        [
            "zz.yaml:8: role 'data-engineer' requirement: importance 'vital' is unknown "
            "(use one of core, important, bonus)"
        ],
    ),
    "skill and any_of": (
        ROLE.format(importance="core") + "        any_of: [sql, python]\n",
        ["zz.yaml:7: role 'data-engineer' requirement: give exactly one of 'skill' or 'any_of'"],
    ),
    "duplicate key": (
        JULIA + "    aliases:\n      - julialang\n",
        ["zz.yaml:9: duplicate key 'aliases' (the first is on line 7; keep one)"],
    ),
    "anchor and alias": (
        JULIA + "    instances: &tools\n      - flux\n    near: *tools\n",
        ["zz.yaml:9: YAML anchors and aliases are not allowed in a catalog (write the value out)"],
    ),
    "hex number": (
        LEVEL.format(score="0x50"),
        [
            "zz.yaml:5: level 'lead': 'min_score' must be a whole number, not the text '0x50' "
            "(write it in plain decimal digits: a whole number from 0 to 100)"
        ],
    ),
    "number with underscores": (
        LEVEL.format(score="5_0"),
        [
            "zz.yaml:5: level 'lead': 'min_score' must be a whole number, not the text '5_0' "
            "(write it in plain decimal digits: a whole number from 0 to 100)"
        ],
    ),
    "sexagesimal number": (
        LEVEL.format(score="1:30"),
        [
            "zz.yaml:5: level 'lead': 'min_score' must be a whole number, not the text '1:30' "
            "(write it in plain decimal digits: a whole number from 0 to 100)"
        ],
    ),
    "number out of range": (
        LEVEL.format(score="150"),
        [
            "zz.yaml:5: level 'lead': 'min_score' 150 is out of range "
            "(use a whole number from 0 to 100)"
        ],
    ),
    "huge integer": (
        LEVEL.format(score="9" * 5000),
        [
            "zz.yaml:5: level 'lead': 'min_score' 99999999999999999999999… is too large "
            "(use a whole number from 0 to 100)"
        ],
    ),
    "phase share out of range": (
        "settings:\n  phase_completion: 0\n",
        [
            "zz.yaml:2: settings: 'phase_completion' 0 is out of range "
            "(use a number above 0 and at most 1)"
        ],
    ),
    "weights incomplete": (
        "settings:\n  weights: {core: 3, bonus: 1}\n",
        ["zz.yaml:2: settings: missing key 'important' in 'weights'"],
    ),
}


@pytest.mark.parametrize(("text", "expected"), BROKEN.values(), ids=BROKEN.keys())
def test_catalog_check_names_each_problem_by_file_and_line(
    tmp_path: Path, text: str, expected: list[str]
) -> None:
    """`mlgap catalog check DIR` prints exactly `file:line: problem (fix)` lines and exits 3."""
    folder = _catalog_with(tmp_path, "zz.yaml", text)
    result = CliRunner().invoke(app, ["catalog", "check", str(folder)], catch_exceptions=False)
    assert result.exit_code == 3
    prefix = str(folder / "zz.yaml")
    lines = result.stderr.splitlines()
    assert [line.replace(prefix, "zz.yaml") for line in lines] == expected


def test_a_phrase_without_letters_or_digits_is_refused(tmp_path: Path) -> None:
    """A phrase that the tokenizer cannot match on is named with its line."""
    folder = _catalog_with(tmp_path, "zz.yaml", JULIA + "      - '--'\n")
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    assert str(caught.value) == (
        f"{folder / 'zz.yaml'}:9: skill 'julia': '--' has no letters or digits to match on "
        "(a phrase is matched on its words)"
    )


def test_a_bad_default_role_is_named_where_it_is_set(tmp_path: Path) -> None:
    """settings.default_role naming no role is reported at the line that sets it."""
    folder = _catalog_with(tmp_path, "zz.yaml", "settings:\n  default_role: ml-wizard\n")
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    assert str(caught.value).startswith(
        f"{folder / 'zz.yaml'}:2: settings: default_role 'ml-wizard' is not a role"
    )


YAMLISH = st.lists(
    st.sampled_from(
        ["skills:", "roles:", "levels:", "settings:", "category: data", "- ", "  ", "id: x",
         "min_score: ", "0x1F", "9" * 30, "[", "]", "{", "}", ": ", "&a ", "*a", "!!str ",
         "'", '"', "#", "\n", "\t", "requires:", "any_of: [a]", "aliases:", "---", "é"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(YAMLISH, st.text(max_size=200)))
def test_any_file_is_read_or_refused_with_lines(text: str) -> None:
    """Whatever a catalog file holds, loading it gives a catalog or CatalogError, never a crash."""
    try:
        parse_catalog([("x.yaml", text)], "x")
    except CatalogError as error:
        assert all(p.path == "x.yaml" or p.path == "x" for p in error.problems)
        assert all(p.line is None or p.line >= 1 for p in error.problems)
