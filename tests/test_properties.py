"""Properties of the extractor over arbitrary and generated text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mlgap import Toolkit
from mlgap.extract.clean import clean_text


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=400),
        st.lists(
            st.sampled_from(
                [
                    "K-means",
                    "clustering",
                    "İ",
                    "\n",
                    " ",
                    "Python",
                    "no experience with",
                    "T O O L S",
                ]
            ),
            max_size=30,
        ).map("".join),
    )
)
def test_any_text_gives_findings_with_real_evidence(kit: Toolkit, text: str) -> None:
    """Arbitrary text never crashes, and every finding's evidence stands where it says."""
    extraction = kit.extractor.extract(text)
    cleaned = clean_text(text)
    starts = [0]
    for line in cleaned.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    for finding in extraction.findings:
        assert finding.skill in kit.catalog.skills and finding.evidence
        for e in finding.evidence:
            assert e.line is not None and e.column is not None
            # A phrase may run onto the next line ("K-means\nclustering").
            assert cleaned.startswith(e.text, starts[e.line - 1] + e.column - 1)
            assert 0 <= e.score <= 100


def test_each_alias_is_found_in_a_skills_list(kit: Toolkit) -> None:
    """Every plain alias, in any case, is found as its skill in a list of technologies."""
    missed = []
    for skill in kit.catalog.skills.values():
        for alias in skill.aliases:
            for cased in (alias, alias.upper(), alias.lower()):
                if skill.id not in kit.extractor.extract(f"Skills: Docker, {cased}, Pandas").found:
                    missed.append((skill.id, cased))
    assert not missed


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Python", "SQL", "Docker", "pandas", "PyTorch", "AWS"]),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([", ", " / ", " | ", "; "]),
)
def test_separators_and_order_do_not_matter(kit: Toolkit, names: list[str], sep: str) -> None:
    """A list of tools gives the same skills however it is joined or ordered."""
    forward = kit.extractor.extract(sep.join(names)).found
    backward = kit.extractor.extract(sep.join(reversed(names))).found
    assert forward == backward
    assert len(forward) == len(set(names))
