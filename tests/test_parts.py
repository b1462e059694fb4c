"""Skills shown by their parts in one block of a CV (catalog `parts`): an end-to-end
project is rarely written so, but told as preparing data, a model and its deployment."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from mlgap import Toolkit
from mlgap.cli.app import app

ONE_JOB = """Ana Lima
Data Scientist

EXPERIENCE
Data Scientist, Rivet Logistics                                   2021 - 2024
- Cleaned the delivery data and built features from GPS traces.
- Trained a gradient boosting model to predict late deliveries.
- Deployed the model behind a FastAPI service used by dispatchers.

SKILLS
Python, SQL
"""

# The same three lines, but the deployment in another job: no one project goes end to end.
TWO_JOBS = """Ana Lima
Data Scientist

EXPERIENCE
Data Scientist, Rivet Logistics                                   2022 - 2024
- Cleaned the delivery data and built features from GPS traces.
- Trained a gradient boosting model to predict late deliveries.
Backend Developer, Nordic Parcel                                  2019 - 2022
- Deployed the model of the data team behind a FastAPI service.
"""

E2E = "end-to-end-project"


def test_data_model_and_deployment_in_one_job_are_an_end_to_end_project(kit: Toolkit) -> None:
    """The evidence is the deployment's line, marked as found from the block's parts."""
    extraction = kit.extractor.extract(ONE_JOB)
    finding = next(f for f in extraction.findings if f.skill == E2E)
    (evidence,) = finding.evidence
    assert (evidence.how, evidence.line, evidence.text) == ("parts", 8, "Deployed the model")
    assert not finding.listed_only


def test_parts_in_different_jobs_are_no_project(kit: Toolkit) -> None:
    """A dated line starts another job: its deployment is no part of the first one's work."""
    found = kit.extractor.extract(TWO_JOBS).found
    assert {"data-preprocessing", "ensemble-methods", "model-deployment"} <= found
    assert E2E not in found


def test_parts_need_every_group(kit: Toolkit) -> None:
    """Without the deployment, data and a model are no end-to-end project."""
    text = ONE_JOB.replace(
        "- Deployed the model behind a FastAPI service used by dispatchers.\n", ""
    )
    assert E2E not in kit.extractor.extract(text).found


def test_a_flattened_cv_is_no_one_projects_lines(kit: Toolkit) -> None:
    """A whole CV flattened to one line is a block too long to be one project's lines; a
    short one that tells one project still shows it."""
    other_work = "- Wrote weekly reports on delivery times for the operations team.\n" * 30
    long_cv = ONE_JOB.replace("SKILLS", other_work + "SKILLS")
    assert E2E in kit.extractor.extract(long_cv).found  # its lines are still blocks
    flat = " ".join(long_cv.split())
    found = kit.extractor.extract(flat).found
    assert "model-deployment" in found
    assert E2E not in found
    short = (
        "Cleaned the sales data, trained a churn classifier and deployed the model to production."
    )
    assert E2E in kit.extractor.extract(short).found


def test_a_job_ad_is_not_judged_by_parts(kit: Toolkit) -> None:
    """An ad's duties say what the hire will do, not a project someone did."""
    ad = ONE_JOB.replace("EXPERIENCE", "What you will do").replace("Ana Lima", "Job description")
    assert E2E not in kit.extractor.extract(ad, job_ad=True).found


def test_a_part_naming_an_unknown_skill_is_refused(tmp_path: Path) -> None:
    """`parts` names skill ids; a wrong one is named with its file and line."""
    text = (
        "category: experience\n"
        "skills:\n"
        "  - id: shipped-project\n"
        "    name: A shipped project\n"
        "    description: A project that reached its users.\n"
        "    next_step: Ship one project.\n"
        "    aliases:\n"
        "      - shipped project\n"
        "    parts:\n"
        "      - [python]\n"
        "      - [deployment-of-models]\n"
    )
    folder = tmp_path / "catalog"
    folder.mkdir()
    for source in (Path(__file__).parents[1] / "skills").iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / "zz.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["catalog", "check", str(folder)], catch_exceptions=False)
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        f"{folder / 'zz.yaml'}:11: skill 'shipped-project': parts names unknown "
        "skill 'deployment-of-models' (use an id from `mlgap skills`)"
    )
