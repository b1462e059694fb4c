"""The shipped catalog is complete and consistent; broken catalogs are refused precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlgap import CatalogError, Toolkit, load_catalog

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
            "zz-extra.yaml:8: skill: unknown key 'colour'",
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
