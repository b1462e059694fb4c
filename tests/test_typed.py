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
    assert resolved is not None and resolved[0] == (skill,)


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
                if resolved is None or skill.id not in resolved[0]:
                    wrong.append((skill.id, variant, resolved))
    assert not wrong


def test_every_instance_resolves_to_the_skills_it_shows(kit: Toolkit) -> None:
    """Typed, an instance shows what it shows in a résumé: "CNN" is deep learning too."""
    wrong = []
    for skill in kit.catalog.skills.values():
        for instance in skill.instances:
            for variant in (instance, instance.upper(), f" {instance.title()} "):
                resolved = kit.typed.resolve(variant)
                if resolved is None or skill.id not in resolved[0]:
                    wrong.append((skill.id, variant, resolved))
    assert not wrong


@pytest.mark.parametrize(
    ("typed", "skills"),
    [
        ("CNN", {"deep-learning", "neural-networks"}),
        ("LSTM", {"deep-learning", "neural-networks"}),
        ("random forest", {"decision-trees", "ensemble-methods"}),
        ("logistic regression", {"classification", "regression"}),
        ("BERT", {"deep-learning", "nlp"}),
        ("tensorflow lite", {"edge-ml", "tensorflow"}),
        ("pyspark", {"large-datasets", "python"}),
    ],
)
def test_typed_instances_show_every_skill(kit: Toolkit, typed: str, skills: set[str]) -> None:
    """The instances the issue named resolve to all the skills they show."""
    resolved = kit.typed.resolve(typed)
    assert resolved is not None and skills <= set(resolved[0])


def test_known_technologies_outside_the_catalog_are_said_to_be_so(kit: Toolkit) -> None:
    """Tableau, JavaScript, Go...: known, not scored, and no far-fetched "did you mean"."""
    for name in kit.catalog.settings.known_outside:
        extraction = kit.typed.extract([name])
        assert not extraction.findings, name
        (item,) = extraction.unrecognized
        assert item.known and item.suggestions == (), name
    assert (
        "known technology outside this catalog"
        in kit.typed.extract(["Tableau"]).unrecognized[0].describe()
    )


@pytest.mark.parametrize("far", ["tableau", "javascript", "qwertyuiop", "leadership skills x"])
def test_suggestions_only_when_close(kit: Toolkit, far: str) -> None:
    """Nothing is offered for a name far from every skill ("javascript" is not Java)."""
    assert "Java" not in kit.typed.suggest(far)
    assert "Leading ML teams" not in kit.typed.suggest(far)


def test_every_catalog_phrase_typed_shows_what_it_shows_in_a_resume(kit: Toolkit) -> None:
    """Typed, each alias and instance shows at least the skills the same words show in a
    résumé's skills list, the names inside it included ("Azure ML certification": Azure)."""
    wrong = []
    for skill in kit.catalog.skills.values():
        for phrase in (*skill.aliases, *skill.instances):
            in_text = kit.extractor.extract(f"Skills: {phrase}.").found
            resolved = kit.typed.resolve(phrase)
            typed = set(resolved[0]) if resolved else set()
            if not in_text <= typed:
                wrong.append((phrase, sorted(in_text - typed)))
    assert not wrong


@pytest.mark.parametrize(
    ("typed", "skills"),
    [
        ("Azure ML certification", {"azure", "azure-ml-cert"}),
        ("XG Boost", {"xgboost", "decision-trees", "ensemble-methods"}),
        ("research internship", {"research", "internship"}),
        ("health insurance", {"healthcare", "finance"}),
    ],
)
def test_names_inside_a_typed_phrase_count(kit: Toolkit, typed: str, skills: set[str]) -> None:
    """A typed phrase shows the skills of the names it holds, as in a résumé."""
    resolved = kit.typed.resolve(typed)
    assert resolved is not None and skills <= set(resolved[0])


def test_a_typed_phrase_no_name_matches_is_read_as_resume_text(kit: Toolkit) -> None:
    """ "msc statistics" is no catalog name, but written in a résumé it shows a master's in
    a field and statistics; typed, it shows the same. "want to learn pyspark" shows nothing."""
    from mlgap.read.document import Document

    doc = Document("--skills", "")
    found = kit.extract_document(doc, ["msc statistics", "want to learn pyspark", "tableau"]).found
    assert {"masters-degree", "statistics"} <= set(found)
    assert "large-datasets" not in found  # a wish, in a résumé as typed
    plain = kit.typed.extract(["msc statistics"])  # without a reader: matches no name
    assert not plain.findings and plain.unrecognized[0].text == "msc statistics"
