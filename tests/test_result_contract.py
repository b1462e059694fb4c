"""The report JSON's keys are a contract: pinned here, changed only with `schema_version`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypedDict, get_args, get_origin, get_type_hints

import pytest

from mlgap import SCHEMA_VERSION, Toolkit
from mlgap.render import RENDERERS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"


class EvidenceJSON(TypedDict):
    line: int | None
    column: int | None
    page: int | None
    text: str
    context: str
    how: str
    score: float
    status: str
    section: str | None


class FoundJSON(TypedDict):
    id: str
    name: str
    category: str
    mentions: int
    evidence: list[EvidenceJSON]
    listed_only: bool


class NotCountedJSON(TypedDict):
    id: str
    name: str
    evidence: list[EvidenceJSON]


class UnrecognizedJSON(TypedDict):
    text: str
    suggestions: list[str]
    known: bool


class RoleJSON(TypedDict):
    id: str
    name: str


class BreakdownJSON(TypedDict):
    importance: str
    weight: int
    met: int
    total: int
    points: int
    max_points: int


class CoverageJSON(TypedDict):
    category: str
    name: str
    met: int
    total: int


class GapJSON(TypedDict):
    id: str
    label: str
    importance: str
    category: str
    phase: int | None
    skills: list[str]


class PhaseJSON(TypedDict):
    number: int
    name: str
    period: str
    complete: bool
    met: list[str]
    missing: list[str]


class ReadinessJSON(TypedDict):
    phase: int
    phase_name: str
    working_on: int | None
    level: str | None
    level_name: str
    next_level: str | None
    next_level_name: str | None
    phases: list[PhaseJSON]
    rule: str
    level_rule: str
    years: float | None
    seniority: str | None


class StepJSON(TypedDict):
    rank: int
    id: str
    action: str
    unsaid: bool
    points: int
    score_after: int
    unlocks: str


class RequirementJSON(GapJSON):
    status: str
    points: int
    matched: list[str]
    implied_by: list[str]
    listed_only: bool
    ad_line: int | None
    ad_text: str


class ImpliedJSON(TypedDict):
    skill: str
    name: str
    by: str
    by_name: str
    line: int | None
    why: str


class PeriodJSON(TypedDict):
    start: str
    end: str
    months: int
    ml: bool
    line: int
    text: str
    seniority: str


class TitleJSON(TypedDict):
    seniority: str
    text: str
    line: int


class ExperienceJSON(TypedDict):
    as_of: str
    years: float
    ml_years: float
    periods: list[PeriodJSON]
    titles: list[TitleJSON]
    seniority: str | None


class AskJSON(TypedDict):
    kind: str
    text: str
    line: int
    years: float | None
    degree: str | None


class TargetJSON(TypedDict):
    kind: str
    id: str
    name: str
    digest: str
    source: str
    unscored: list[str]
    asks: list[AskJSON]


class KnockoutJSON(TypedDict):
    kind: str
    asked: str
    line: int
    shown: str
    ok: bool | None


class SectionJSON(TypedDict):
    line: int
    column: int
    section: str


class ReportJSON(TypedDict):
    schema_version: int
    source: str
    role: RoleJSON
    target: TargetJSON
    catalog_fingerprint: str
    mlgap_version: str
    knockouts: list[KnockoutJSON]
    scored_enough: bool
    ad_sections: list[SectionJSON]
    score: int
    score_breakdown: list[BreakdownJSON]
    found: list[FoundJSON]
    not_counted: list[NotCountedJSON]
    unrecognized: list[UnrecognizedJSON]
    notes: list[str]
    coverage: list[CoverageJSON]
    requirements: list[RequirementJSON]
    implied: list[ImpliedJSON]
    gaps: list[GapJSON]
    readiness: ReadinessJSON
    next_steps: list[StepJSON]
    reachable_score: int
    experience: ExperienceJSON | None


def _conforms(value: Any, kind: Any, where: str) -> None:
    """Assert `value` has exactly the shape of `kind` (a TypedDict, list, union or scalar)."""
    if isinstance(kind, type) and issubclass(kind, dict):  # a TypedDict
        hints = get_type_hints(kind)
        assert isinstance(value, dict), where
        assert set(value) == set(hints), f"{where}: keys {sorted(set(value) ^ set(hints))}"
        for key, hint in hints.items():
            _conforms(value[key], hint, f"{where}.{key}")
    elif get_origin(kind) is list:
        assert isinstance(value, list), where
        for i, item in enumerate(value):
            _conforms(item, get_args(kind)[0], f"{where}[{i}]")
    elif get_args(kind):  # a union such as int | None, or a TypedDict | None
        options = [type(None) if a is None else a for a in get_args(kind)]
        shapes = [a for a in options if isinstance(a, type) and issubclass(a, dict)]
        if value is not None and shapes:
            _conforms(value, shapes[0], where)
            return
        scalars = [a for a in options if a not in shapes]
        flat = tuple(t for a in scalars for t in ((int, float) if a is float else (a,)))
        assert isinstance(value, flat), f"{where}: {value!r}"
    else:
        allowed_scalar = (int, float) if kind is float else kind
        assert isinstance(value, allowed_scalar) and not (
            kind is int and isinstance(value, bool)
        ), f"{where}: {value!r}"


@pytest.mark.parametrize(
    ("name", "skills"),
    [
        ("beginner.txt", None),
        ("senior_specialist.txt", None),
        ("mid_level.txt", ["pytroch", "asdf"]),
    ],
)
def test_the_report_json_has_the_pinned_shape(
    kit: Toolkit, name: str, skills: list[str] | None
) -> None:
    """Every key of every level of the report is the one pinned, with its type."""
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    report = kit.assess_text(text, source=name, skills=skills)
    data = json.loads(RENDERERS["json"](report, False, 80))
    _conforms(data, ReportJSON, "report")
    assert data["schema_version"] == SCHEMA_VERSION == 3


def test_the_shape_covers_not_counted_and_unrecognized(kit: Toolkit) -> None:
    """The pinned shape is checked on non-empty lists too, not only on empty ones."""
    report = kit.assess_text("Skills: Python. No experience with Docker.", skills=["asdfgh"])
    data = report.to_dict()
    assert data["not_counted"] and data["unrecognized"] and data["found"]
    _conforms(json.loads(json.dumps(data)), ReportJSON, "report")


def test_the_shape_covers_experience_and_implications(kit: Toolkit) -> None:
    """A dated work history and an implied requirement are checked against the shape too."""
    text = "Experience\nSenior Data Scientist, Acme 2019 - 2023\n- Trained a churn classifier"
    data = kit.assess_text(text).to_dict()
    assert data["experience"]["periods"] and data["implied"]
    _conforms(json.loads(json.dumps(data)), ReportJSON, "report")


def test_the_shape_covers_a_job_match(kit: Toolkit) -> None:
    """A match against a job ad: ad lines, knock-outs, sections of the ad, unscored terms."""
    from mlgap.read.document import Document

    ad = (EXAMPLES.parent / "jobs" / "ml_engineer.txt").read_text(encoding="utf-8")
    job = kit.job_target(Document("ad.txt", ad))
    resume = (EXAMPLES / "mid_level.txt").read_text(encoding="utf-8")
    data = kit.assess_document(Document("r.txt", resume), job=job).to_dict()
    assert data["knockouts"] and data["target"]["unscored"] and data["target"]["asks"]
    assert any(r["ad_line"] for r in data["requirements"])
    _conforms(json.loads(json.dumps(data)), ReportJSON, "report")


def test_the_json_is_the_objects_own_serialisation(kit: Toolkit) -> None:
    """The JSON renderer adds nothing: it is `Assessment.to_dict()` written out."""
    report = kit.assess_text((EXAMPLES / "mid_level.txt").read_text(encoding="utf-8"))
    assert json.loads(RENDERERS["json"](report, False, 80)) == report.to_dict()
