"""Targets beyond the two roles: job ads, role files of one's own, and progress between reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mlgap import Toolkit
from mlgap.assess.targets import JobTarget
from mlgap.cli.app import app
from mlgap.errors import ExitCode
from mlgap.read.document import Document

ROOT = Path(__file__).resolve().parent.parent
JOBS = ROOT / "examples" / "jobs"
PERSONAS = ROOT / "examples" / "personas"


def _job(kit: Toolkit, name: str) -> JobTarget:
    return kit.job_target(Document(name, (JOBS / name).read_text(encoding="utf-8")))


def _tiers(job: JobTarget) -> dict[str, str]:
    return {r.id: r.importance for r in job.role.requirements}


def test_an_ads_sections_give_the_tiers(kit: Toolkit) -> None:
    tiers = _tiers(_job(kit, "ml_engineer.txt"))
    assert tiers["python"] == "core"  # "Strong Python" under Requirements
    assert tiers["sql"] == "important"  # named only in the duties
    assert tiers["model-monitoring"] == "important"
    assert tiers["pytorch|tensorflow"] == "bonus"  # "X or Y": one requirement, nice to have
    assert tiers["xgboost|lightgbm"] == "core"
    assert tiers["aws|gcp"] == "core"


def test_the_company_and_its_benefits_ask_for_nothing(kit: Toolkit) -> None:
    """ "Our platform runs on Kubernetes" and "a learning budget" are not requirements."""
    ids = {s for r in _job(kit, "ml_engineer.txt").role.requirements for s in r.any_of}
    assert "kubernetes" not in ids and "continuous-learning" not in ids
    assert "ensemble-methods" not in ids  # "XGBoost" asks for XGBoost, not for its family


def test_a_flattened_ad_keeps_its_tiers(kit: Toolkit) -> None:
    tiers = _tiers(_job(kit, "data_scientist_one_line.txt"))
    assert tiers["communication"] == "important"  # WHAT YOU WILL DO: present findings
    assert tiers["scikit-learn"] == "core"  # REQUIREMENTS
    assert tiers["recommendation-systems"] == "bonus"  # NICE TO HAVE ... is a plus


def test_every_requirement_has_its_ad_line(kit: Toolkit) -> None:
    job = _job(kit, "ml_engineer.txt")
    lines = (JOBS / "ml_engineer.txt").read_text(encoding="utf-8").splitlines()
    for r in job.role.requirements:
        assert r.ad_line is not None
        assert r.ad_text.split("…")[0].strip()[:20] in lines[r.ad_line - 1]


def test_what_the_catalog_cannot_score_is_said(kit: Toolkit) -> None:
    job = _job(kit, "mostly_outside.txt")
    assert len(job.role.requirements) < 5
    assert any(u.startswith("JavaScript") for u in job.target.unscored_lines())
    assert [a.kind for a in job.target.asks] == ["years", "papers"]


def test_an_ad_mostly_outside_the_catalog_exits_5(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["assess", str(PERSONAS / "4_mid_ml.txt"), "--job", str(JOBS / "mostly_outside.txt")]
    )
    assert result.exit_code == int(ExitCode.TOO_FEW_SCORED)
    assert "can be scored" in result.stderr and "JavaScript" in result.stderr


def test_knockouts_stand_apart_from_the_score(kit: Toolkit) -> None:
    job = _job(kit, "data_scientist_one_line.txt")
    resume = Document("r.txt", (PERSONAS / "3_analyst.txt").read_text(encoding="utf-8"))
    report = kit.assess_document(resume, job=job)
    by_kind = {k.kind: k for k in report.knockouts}
    assert by_kind["degree"].ok is False  # a Master's asked, a bachelor's shown
    assert by_kind["years"].ok is True  # 2+ years asked
    degree = next(r for r in report.requirements if r.id == "masters-degree")
    assert degree.status == "missing"


def test_a_skill_only_in_a_skills_list_is_listed_only(kit: Toolkit) -> None:
    listed = kit.assess_text("Skills\nDocker, Python\n\nExperience\nBuilt services in Python.")
    flags = {f.skill: f.listed_only for f in listed.extraction.findings}
    assert flags == {"docker": True, "python": False}
    docker = next(r for r in listed.requirements if r.id == "docker")
    assert docker.listed_only and docker.met


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_several_ads_give_the_same_bytes_in_any_order(runner: CliRunner, fmt: str) -> None:
    ads = ["ml_engineer.txt", "data_scientist_one_line.txt", "mostly_outside.txt"]
    outputs = set()
    for order in (ads, ads[::-1], ads[1:] + ads[:1]):
        args = ["assess", str(PERSONAS / "4_mid_ml.txt"), "--as-of", "2026-12", "-f", fmt]
        for ad in order:
            args += ["--job", str(JOBS / ad)]
        outputs.add(runner.invoke(app, args).stdout)
    assert len(outputs) == 1
    if fmt == "json":
        ranked = json.loads(outputs.pop())["matches"]
        assert ranked[-1]["report"]["scored_enough"] is False  # unscorable ads rank last
        assert [m["score"] for m in ranked[:-1]] == sorted(
            (m["score"] for m in ranked[:-1]), reverse=True
        )


def test_a_role_from_a_job_scores_as_the_job(
    runner: CliRunner, tmp_path: Path, kit: Toolkit
) -> None:
    role_file = tmp_path / "ml.yaml"
    result = runner.invoke(
        app, ["role", "from-job", str(JOBS / "ml_engineer.txt"), "-o", str(role_file)]
    )
    assert result.exit_code == 0
    text = role_file.read_text(encoding="utf-8")
    assert "# ad line 16: - Strong Python, with scikit-learn and XGBoost or LightGBM" in text
    resume = Document("r.txt", (PERSONAS / "4_mid_ml.txt").read_text(encoding="utf-8"))
    from_file = kit.assess_document(resume, job=kit.role_file_target(role_file))
    from_ad = kit.assess_document(resume, job=_job(kit, "ml_engineer.txt"))
    assert from_file.score == from_ad.score
    assert [r.id for r in from_file.requirements] == [r.id for r in from_ad.requirements]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("roles:\n  - id: r\n    name: R\n    source: s\n    description: d\n    requirements:\n"
         "      - {skill: pythn, importance: core}\n", ":7: role 'r' names unknown skill 'pythn'"),
        ("roles:\n  - id: r\n    name: R\n    source: s\n    description: d\n    requirements:\n"
         "      - {skill: python, importance: vital}\n", ":7:"),
        ("roles: []\n", "a role file holds one role and nothing else"),
    ],
)  # fmt: skip
def test_a_broken_role_file_is_exit_3_at_its_line(
    runner: CliRunner, tmp_path: Path, body: str, message: str
) -> None:
    role_file = tmp_path / "mine.yaml"
    role_file.write_text(body, encoding="utf-8")
    result = runner.invoke(app, ["assess", "-s", "python", "--role", str(role_file)])
    assert result.exit_code == 3
    assert result.stderr.startswith(str(role_file)) and message in result.stderr


def _report(runner: CliRunner, tmp_path: Path, name: str, resume: str, *extra: str) -> Path:
    path = tmp_path / name
    (tmp_path / f"{name}.txt").write_text(resume, encoding="utf-8")
    args = ["assess", str(tmp_path / f"{name}.txt"), "-f", "json", "-o", str(path), *extra]
    assert runner.invoke(app, args).exit_code == 0
    return path


def test_diff_shows_what_changed(runner: CliRunner, tmp_path: Path) -> None:
    old = _report(runner, tmp_path, "old.json", "Skills: Python, SQL, Docker")
    new = _report(runner, tmp_path, "new.json", "Skills: Python, SQL, Pandas, NumPy")
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {c["id"] for c in data["newly_met"]} == {"pandas", "numpy"}
    assert {c["id"] for c in data["newly_lost"]} == {"docker"}
    assert data["like_for_like"] and data["score"][1] > data["score"][0]


def test_diff_refuses_reports_of_different_targets(runner: CliRunner, tmp_path: Path) -> None:
    old = _report(runner, tmp_path, "old.json", "Skills: Python")
    new = _report(runner, tmp_path, "new.json", "Skills: Python", "--role", "ml-specialist")
    refused = runner.invoke(app, ["diff", str(old), str(new)])
    assert refused.exit_code == 2 and "different targets" in refused.stderr
    forced = runner.invoke(app, ["diff", str(old), str(new), "--force"])
    assert forced.exit_code == 0 and "Not like for like" in forced.stdout


def test_diff_refuses_what_is_not_a_report(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"a": 1}', encoding="utf-8")
    result = runner.invoke(app, ["diff", str(bad), str(bad)])
    assert result.exit_code == 2 and "not an mlgap report" in result.stderr


def test_a_cohort_against_one_ad_is_ranked(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["batch", str(PERSONAS), "--job", str(JOBS / "ml_engineer.txt"), "-f", "csv"]
    )
    assert result.exit_code == 0
    rows = result.stdout.splitlines()[1:]
    scores = [int(row.split(",")[2]) for row in rows]
    assert len(scores) == 6 and scores == sorted(scores, reverse=True)


def test_reports_carry_the_packages_version() -> None:
    import tomllib

    from mlgap.version import VERSION

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == VERSION


@pytest.mark.parametrize(
    "damage",
    [
        lambda r: r.update(target="x"),
        lambda r: r["requirements"].append({"x": 1}),
        lambda r: r.update(requirements=5),
        lambda r: r["requirements"][0].update(status="great"),
        lambda r: r.update(score_breakdown=[1, 2]),
        lambda r: r.update(experience={"years": "many"}),
        lambda r: r.update(readiness=[]),
    ],
)
def test_a_damaged_report_is_refused_in_one_line(
    runner: CliRunner, tmp_path: Path, damage: Any
) -> None:
    good = _report(runner, tmp_path, "good.json", "Skills: Python, SQL")
    data = json.loads(good.read_text(encoding="utf-8"))
    damage(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(good), str(bad)])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith(f"mlgap: error: {bad}: not an mlgap report")
