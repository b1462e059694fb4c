"""Typed skills: every alias, case and spacing variant and small typo resolves; junk does not."""

from __future__ import annotations

import pytest

from mlgap import Toolkit


@pytest.mark.parametrize(
    ("typed", "skill"),
    [
        ("python", "python"),
        ("pytroch", "pytorch"),
        ("SQL", "sql"),
        ("Pandas ", "pandas"),
        ("dokcer", "docker"),
        ("sklearn", "scikit-learn"),
        ("Tensor Flow", "tensorflow"),
        ("k8s", "kubernetes"),
        ("scikit lean", "scikit-learn"),
        ("R", "r"),
        ("mathplotlib", "matplotlib"),
        ("Feature Engineering", "feature-engineering"),
    ],
)
def test_typed_names_and_typos_resolve(kit: Toolkit, typed: str, skill: str) -> None:
    """A mentor's quick check forgives case, spacing and typos in long names."""
    resolved = kit.typed.resolve(typed)
    assert resolved is not None and resolved[0] == skill


@pytest.mark.parametrize("junk", ["asdf", "", "   ", "zz", "go"])
def test_junk_resolves_to_nothing(kit: Toolkit, junk: str) -> None:
    """Garbage and words of no skill are not forced onto a skill."""
    assert kit.typed.resolve(junk) is None


def test_unrecognised_items_are_reported_with_suggestions(kit: Toolkit) -> None:
    """Nothing typed is silently dropped."""
    extraction = kit.typed.extract(["python; asdf, mlfloww", "tensorflow"])
    assert extraction.found == {"python", "tensorflow", "mlflow"}
    assert [u.text for u in extraction.unrecognized] == ["asdf"]
    assert kit.typed.suggest("pandass") and "Pandas" in kit.typed.suggest("pandass")


def test_every_alias_resolves_to_its_skill_whatever_the_case(kit: Toolkit) -> None:
    """A skill always matches each of its own aliases, in any case and with extra spaces."""
    wrong = []
    for skill in kit.catalog.skills.values():
        for alias in skill.aliases:
            for variant in (alias.upper(), alias.title(), f"  {alias}  "):
                resolved = kit.typed.resolve(variant)
                if resolved is None or resolved[0] != skill.id:
                    wrong.append((skill.id, variant, resolved))
    assert not wrong
