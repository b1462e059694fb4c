"""Years of experience from a CV's dated work history, and the readiness rules that use them."""

from __future__ import annotations

import datetime

import pytest

from mlgap import Toolkit
from mlgap.assess.readiness import readiness
from mlgap.extract.results import Experience

AS_OF = datetime.date(2026, 12, 1)


def history(kit: Toolkit, text: str) -> Experience:
    found = kit.extractor.extract(text, as_of=AS_OF).experience
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("dates", "start", "end", "months"),
    [
        ("Jan 2020 – Mar 2022", "2020-01", "2022-03", 27),
        ("03/2018–06/2021", "2018-03", "2021-06", 40),
        ("2016–2019", "2016-01", "2019-12", 48),
        ("2019 - present", "2019-01", "2026-12", 96),
        ("September 2021 to current", "2021-09", "2026-12", 64),
        ("2024 - 2031", "2024-01", "2026-12", 36),  # the future is cut at --as-of
    ],
)
def test_date_ranges_are_read(kit: Toolkit, dates: str, start: str, end: str, months: int) -> None:
    h = history(kit, f"Experience\nData Scientist, Acme, {dates}\n- churn models")
    (period,) = h.periods
    assert (period.start, period.end, period.months) == (start, end, months)
    assert period.ml and period.line == 2


def test_overlaps_count_once_and_only_work_counts(kit: Toolkit) -> None:
    text = (
        "WORK EXPERIENCE\n"
        "Data Scientist, Acme   2018 - 2021\n"
        "Consultant (part-time) 2020 - 2022\n- billing audits for shops\n"
        "EDUCATION\nPhD in Statistics, 2012 - 2018\n"
        "PROJECTS\nKaggle, 2011 - 2012\n"
    )
    h = history(kit, text)
    assert len(h.periods) == 2
    assert h.years == 5.0  # 2018-2022, the overlap once; the PhD and projects not at all
    assert h.ml_years == 4.0


def test_a_year_alone_on_a_job_line_is_that_year(kit: Toolkit) -> None:
    h = history(kit, "Experience\nML Engineer, Shop 2022 - present\nData Analyst, Bank 2021\n")
    assert [p.months for p in h.periods] == [60, 12]


def test_internships_are_not_professional_years(kit: Toolkit) -> None:
    h = history(kit, "Experience\nData Science Intern, Bank 2021 - 2022\n")
    assert h.periods[0].seniority == "intern"
    assert h.years == 0 and h.ml_years == 0


def test_titles_give_the_seniority_with_their_line(kit: Toolkit) -> None:
    text = "Experience\nHead of Data Science\nAcme, 2020 - present\nData Analyst, Shop 2016 - 2019"
    h = history(kit, text)
    assert h.seniority == "principal"
    assert [(t.seniority, t.line) for t in h.titles] == [("principal", 2)]


def test_a_flattened_cv_keeps_its_headings(kit: Toolkit) -> None:
    text = (
        "Jane Roe EXPERIENCE Machine Learning Engineer, Acme 2019 - 2023 built models "
        "EDUCATION MSc Computer Science 2017 - 2019"
    )
    h = history(kit, text)
    assert [(p.start, p.end) for p in h.periods] == [("2019-01", "2023-12")]


def test_without_a_work_heading_degree_lines_are_left_out(kit: Toolkit) -> None:
    text = (
        "Data Engineer, Acme 2020 - 2022\nB.Sc. Computer Science, Lakeside University 2016 - 2020"
    )
    assert history(kit, text).years == 3.0


def test_a_job_ad_has_no_work_history(kit: Toolkit) -> None:
    ad = "About us\nWe are hiring.\nRequirements\n3+ years with Python since 2020 - 2023\n"
    ad += "We offer health insurance. You will build models. Benefits: gym."
    extraction = kit.extractor.extract(ad, as_of=AS_OF)
    assert extraction.experience is None or extraction.experience.periods


def test_not_started_is_said_so(kit: Toolkit) -> None:
    r = readiness(kit.catalog, frozenset(), 0)
    assert (r.phase, r.working_on) == (0, 1)
    assert r.phase_line() == "not started, working on phase 1"


def test_a_later_phase_never_counts_past_an_incomplete_one(kit: Toolkit) -> None:
    expert_items = {s for item in kit.catalog.phases[-1].items for g in item.groups for s in g}
    r = readiness(kit.catalog, frozenset(expert_items), 50)
    assert r.phases[-1].complete and r.phase == 0 and r.working_on == 1


def test_everything_met_is_all_complete(kit: Toolkit) -> None:
    everything = frozenset(kit.catalog.skills)
    r = readiness(kit.catalog, everything, 100, 10.0, "principal")
    assert r.phase == len(kit.catalog.phases) and r.working_on is None
    assert r.level == kit.catalog.levels[-1].id and r.next_level is None


def test_levels_need_the_years(kit: Toolkit) -> None:
    everything = frozenset(kit.catalog.skills)
    assert readiness(kit.catalog, everything, 100, 0.0, None).level == "junior-ml-engineer"
    assert readiness(kit.catalog, everything, 100, 3.0, "mid").level == "ml-specialist"


def test_a_senior_title_stands_in_for_the_score(kit: Toolkit) -> None:
    everything = frozenset(kit.catalog.skills)
    assert readiness(kit.catalog, everything, 20, 8.0, None).level is None
    assert readiness(kit.catalog, everything, 20, 1.0, "mid").level == "junior-ml-engineer"
    assert readiness(kit.catalog, everything, 20, 8.0, "mid").level == "ml-specialist"
    assert readiness(kit.catalog, everything, 20, 8.0, "lead").level == "senior-ml-specialist"


def test_implications_are_one_step(kit: Toolkit) -> None:
    """PyTorch implies deep learning; deep learning implied does not imply neural networks."""
    report = kit.assess_text("Skills: PyTorch")
    implied = {i.skill for i in report.implied}
    assert "deep-learning" in implied and "neural-networks" not in implied
    assert report.extraction.found == {"pytorch"}


def test_an_implication_naming_an_unknown_skill_is_refused(
    tmp_path: pytest.TempPathFactory,
) -> None:
    import shutil
    from pathlib import Path

    from mlgap.errors import CatalogError

    folder = Path(str(tmp_path)) / "catalog"
    shutil.copytree(Path(__file__).resolve().parent.parent / "skills", folder)
    roles = folder / "roles.yaml"
    roles.write_text(
        roles.read_text(encoding="utf-8").replace("      - clustering\n", "      - clusterin\n"),
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as error:
        Toolkit.load(folder)
    assert "roles.yaml" in str(error.value) and "clusterin" in str(error.value)


def test_a_batch_pins_present_with_as_of(tmp_path: pytest.TempPathFactory) -> None:
    """Rows of a cohort do not change with the day they are made on, given --as-of."""
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from mlgap.cli.app import app

    cv = Path(str(tmp_path)) / "cv.txt"
    cv.write_text("Experience\nData Scientist, Acme 2019 - present\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["batch", str(cv), "-f", "jsonl", "--as-of", "2024-12"])
    row = json.loads(result.stdout.splitlines()[0])
    assert row["experience"]["as_of"] == "2024-12" and row["experience"]["years"] == 6.0
