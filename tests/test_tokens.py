"""Tokenisation of names that converters split: "C ++", "C #"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mlgap import Toolkit


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Languages: C ++, Java", {"cpp", "java"}, set()),
        ("C++ and C ++", {"cpp"}, set()),
        ("Section #3 and an A ++ grade", set(), {"cpp"}),
    ],
)
def test_split_language_suffixes_are_joined(
    found: Callable[[str], set[str]], text: str, present: set[str], absent: set[str]
) -> None:
    """A lone C followed by a spaced ++ is C++; other '++' and '#' stay as they are."""
    skills = found(text)
    assert present <= skills and not absent & skills


def test_words_a_pdf_split_after_their_first_letter_are_joined() -> None:
    """A line whose words lost their first letter to the font's spacing ("J ava, R edHat")
    is joined back; R and C named in prose, or a few in a long flattened line, stay."""
    from mlgap.extract.clean import clean_text

    kerned = "Java D eveloper - J ava, S pring, R edHat J Boss, F aculty o f C ybernetics"
    assert (
        clean_text(kerned) == "Java Developer - Java, Spring, RedHat J Boss, Faculty of Cybernetics"
    )
    prose = "I used R and C for years, R for stats and C for speed."
    assert clean_text(prose) == prose
    flat = "Skills R studio work " + "Built services in Python and Java for clients. " * 30
    flat += "K afka and S park, R edis"
    assert clean_text(flat) == flat  # three splits among 300 words: no letter-split line


@pytest.mark.parametrize(
    ("text", "shown", "not_shown"),
    [
        ("Interests: deep learning, NLP, chess", set(), {"deep-learning", "nlp"}),
        (
            "INTERESTS\nReinforcement learning\nEXPERIENCE\nPython developer",
            {"python"},
            {"reinforcement-learning"},
        ),
        ("Skills: Python, NLP\nHobbies: photography", {"python", "nlp"}, set()),
    ],
)
def test_interests_are_not_skills(
    found: Callable[[str], set[str]], text: str, shown: set[str], not_shown: set[str]
) -> None:
    """What a CV lists under Interests or Hobbies is wished for; the next heading ends it."""
    skills = found(text)
    assert shown <= skills and not not_shown & skills


def test_referees_are_other_people(kit: Toolkit) -> None:
    """A referee's title under References is not the person's; the next heading ends it."""
    cv = "EXPERIENCE\nPython developer\nREFERENCES\nJane Roe, Team Lead, Acme\nSKILLS\nDocker\n"
    extraction = kit.extractor.extract(cv)
    assert {"python", "docker"} <= set(extraction.found)
    assert "team-leadership" not in extraction.found
    lead = next(f for f in extraction.findings if f.skill == "team-leadership")
    assert [e.status for e in lead.evidence] == ["referee"]


def test_a_lazy_pattern_compiles_once_with_its_flags() -> None:
    """A module's Lazy pattern is compiled at its first use, once, with the flags it was given."""
    import re

    from mlgap.lazy_pattern import Lazy

    pattern = Lazy(r"\bgan\b", re.IGNORECASE)
    assert pattern._compiled is None  # nothing compiled before the first use
    first = pattern.get()
    assert first is pattern.get()
    assert first.search("Trained a GAN") is not None
