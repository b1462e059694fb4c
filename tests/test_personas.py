"""Six personas of our own, from a first-year student to a staff engineer and a researcher:
the facts a reader would check in their reports (their exact reports are golden cases)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from mlgap import Toolkit
from mlgap.assess.results import Assessment

PERSONAS = Path(__file__).resolve().parent.parent / "examples" / "personas"
ORDER = ("1_student", "2_bootcamp", "3_analyst", "4_mid_ml", "5_staff_phd", "6_researcher")
AS_OF = datetime.date(2026, 12, 1)


@pytest.fixture(scope="module")
def reports() -> dict[str, Assessment]:
    kit = Toolkit.load()
    return {
        name: kit.assess_text((PERSONAS / f"{name}.txt").read_text(encoding="utf-8"), as_of=AS_OF)
        for name in ORDER
    }


def test_the_staff_engineer_is_told_nothing_they_have_outgrown(
    reports: dict[str, Assessment],
) -> None:
    staff = reports["5_staff_phd"]
    steps = " ".join(s.action.lower() for s in staff.next_steps)
    assert "internship" not in steps
    assert all("internship" not in s.gap.requirement.any_of for s in staff.next_steps)
    assert "deploy a trained model" not in steps
    assert staff.readiness.level == "senior-ml-specialist"


def test_a_classifier_meets_supervised_learning_by_implication(
    reports: dict[str, Assessment],
) -> None:
    """Nobody here writes "supervised learning"; everyone with a classifier meets it."""
    with_classifier = [r for r in reports.values() if "classification" in r.extraction.found]
    assert len(with_classifier) >= 3
    for report in with_classifier:
        assert "supervised-learning" not in report.extraction.found  # found stays the text
        implied = {i.skill: i for i in report.implied}
        assert implied["supervised-learning"].by == "classification"
        result = next(r for r in report.requirements if r.id == "supervised-learning")
        assert result.status == "implied"


def test_the_student_is_early_on_the_roadmap(reports: dict[str, Assessment]) -> None:
    student = reports["1_student"]
    assert student.readiness.phase in (1, 2)
    assert student.readiness.working_on == student.readiness.phase + 1
    assert student.readiness.level is None  # no degree, certificate or internship yet
    assert student.extraction.experience is not None
    assert student.extraction.experience.ml_years == 0  # a barista job is not ML work


def test_levels_rise_with_the_personas(reports: dict[str, Assessment]) -> None:
    """The levels never fall from the student to the researcher."""
    kit = Toolkit.load()
    ids = [None, *(lv.id for lv in kit.catalog.levels)]
    places = [ids.index(reports[name].readiness.level) for name in ORDER]
    assert places == sorted(places)
    assert places[0] < places[3] < places[4]


def test_the_roadmap_line_never_contradicts_itself(reports: dict[str, Assessment]) -> None:
    for report in reports.values():
        r = report.readiness
        assert r.working_on is None or r.working_on == r.phase + 1
        assert "phase 0" not in r.phase_line()
        assert all(p.complete for p in r.phases[: r.phase])


def test_each_step_says_what_it_is_worth(reports: dict[str, Assessment]) -> None:
    for report in reports.values():
        for step in report.next_steps:
            assert step.points == step.gap.requirement.weight
            assert step.score_after >= report.score
            assert step.worth(report.score).startswith(f"+{step.points} pts")
        top = sum(s.points for s in report.next_steps[:3])
        possible = sum(b.max_points for b in report.breakdown)
        earned = sum(b.points for b in report.breakdown)
        assert report.reachable == round(100 * (earned + top) / possible)


def test_the_experienced_are_asked_to_name_early_skills_not_to_learn_them(
    reports: dict[str, Assessment],
) -> None:
    staff, student = reports["5_staff_phd"], reports["1_student"]
    assert any(s.unsaid and s.action.startswith("Name ") for s in staff.next_steps)
    assert not any(s.unsaid for s in student.next_steps)


def test_the_text_report_fits_80_columns(reports: dict[str, Assessment]) -> None:
    from mlgap.render.terminal import render_terminal

    for report in reports.values():
        for line in render_terminal(report, False, 80).splitlines():
            assert len(line) <= 80, line


def test_a_degree_under_way_is_not_had_and_finishing_it_is_the_step(
    reports: dict[str, Assessment],
) -> None:
    """The first-year student's B.Sc. (expected 2029) is no degree yet (labeling.md: an
    unfinished degree does not count); the step is to finish it, not to earn one."""
    student = reports["1_student"]
    assert "bachelors-degree" not in student.extraction.found
    degree = next(f for f in student.extraction.findings if f.skill == "bachelors-degree")
    assert {e.status for e in degree.evidence} == {"unfinished"}
    step = next(s for s in student.next_steps if "bachelors-degree" in s.gap.requirement.any_of)
    assert step.under_way == degree.evidence[0].line
    assert step.action.startswith("Finish what you are studying for (line 2)")
