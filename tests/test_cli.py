"""The command line: inputs, formats, exit codes and errors as one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlgap.cli.app import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"


def test_assess_a_resume_prints_the_report(runner: CliRunner) -> None:
    """The default report names skills with their lines, the score, gaps and next steps."""
    result = runner.invoke(app, ["assess", str(EXAMPLES / "beginner.txt")])
    assert result.exit_code == 0, result.output
    for part in ("Skills found", "Score", "Coverage by category", "Next steps", "Pandas"):
        assert part in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not a terminal


def test_typed_skills_and_stdin(runner: CliRunner) -> None:
    """-s works alone; - reads standard input; unknown typed skills warn on stderr."""
    result = runner.invoke(app, ["assess", "-s", "python, pytroch, asdf", "-f", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {f["id"] for f in data["found"]} == {"python", "pytorch"}
    assert data["unrecognized"][0]["text"] == "asdf"
    assert "'asdf' matches no skill" in result.stderr
    piped = runner.invoke(app, ["assess", "-", "-f", "json"], input="Skills: Docker, SQL\n")
    assert {f["id"] for f in json.loads(piped.stdout)["found"]} == {"docker", "sql"}


def test_json_report_has_the_promised_shape(runner: CliRunner) -> None:
    """The JSON is versioned and holds found, gaps, readiness and next steps."""
    result = runner.invoke(
        app,
        ["assess", str(EXAMPLES / "mid_level.txt"), "--role", "ml-specialist", "--format", "json"],
    )
    data = json.loads(result.stdout)
    assert data["schema_version"] == 3 and data["role"]["id"] == "ml-specialist"
    assert 0 <= data["score"] <= 100
    assert {
        "found",
        "not_counted",
        "gaps",
        "readiness",
        "next_steps",
        "coverage",
        "score_breakdown",
    } <= set(data)
    assert all(f["evidence"] and f["evidence"][0]["line"] for f in data["found"])
    assert [s["rank"] for s in data["next_steps"]] == list(range(1, len(data["next_steps"]) + 1))


def test_markdown_and_output_file(runner: CliRunner, tmp_path: Path) -> None:
    """--output writes the chosen format to a file and nothing to stdout."""
    target = tmp_path / "report.md"
    result = runner.invoke(
        app, ["assess", str(EXAMPLES / "beginner.txt"), "-f", "markdown", "-o", str(target)]
    )
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# mlgap report")
    assert not list(tmp_path.glob(".report.md.*"))  # no temporary file left


def test_fail_under_returns_one(runner: CliRunner) -> None:
    """Below --fail-under: the whole report, exit 1, and one line with score and threshold."""
    low = runner.invoke(app, ["assess", "-s", "python", "--fail-under", "50", "-f", "json"])
    assert low.exit_code == 1
    # The threshold, not an error message or a traceback:
    assert low.stderr == "mlgap: score 3 is below --fail-under 50\n"
    assert json.loads(low.stdout)["score"] < 50
    ok = runner.invoke(app, ["assess", "-s", "python", "--fail-under", "0", "-f", "json"])
    assert ok.exit_code == 0 and ok.stderr == ""
    assert json.loads(ok.stdout) == json.loads(low.stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["assess", "missing.txt"], "missing.txt: no such file"),
        (["assess", "."], ".: is a directory"),
        (["assess"], "nothing to assess"),
        (["assess", "-s", "python", "--role", "astronaut"], "unknown role 'astronaut'"),
        (["assess", "-s", "python", "-f", "yaml"], "unknown format 'yaml'"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(
    runner: CliRunner, args: list[str], message: str
) -> None:
    """Every bad input gets one clear line on stderr and exit code 2, never a traceback."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_empty_and_binary_files(runner: CliRunner, tmp_path: Path) -> None:
    """Empty and binary files are refused with exit code 2."""
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02binary")
    for name, message in (("empty.txt", "is empty"), ("blob.bin", "binary")):
        result = runner.invoke(app, ["assess", str(tmp_path / name)])
        assert result.exit_code == 2 and message in result.stderr


def test_text_encodings_are_read(runner: CliRunner, tmp_path: Path) -> None:
    """UTF-8 with BOM, UTF-16 and Windows-1252 résumés read the same."""
    text = "Skills: Python, Docker – naïve Bayes\n"
    for name, data in (
        ("bom.txt", b"\xef\xbb\xbf" + text.encode()),
        ("u16.txt", text.encode("utf-16")),
        ("cp.txt", text.encode("cp1252")),
    ):
        (tmp_path / name).write_bytes(data)
        result = runner.invoke(app, ["assess", str(tmp_path / name), "-f", "json"])
        ids = {f["id"] for f in json.loads(result.stdout)["found"]}
        assert {"python", "docker", "classification"} <= ids, name


def test_invalid_catalog_exits_three(runner: CliRunner, tmp_path: Path) -> None:
    """A broken catalog is reported as file:line and exit code 3."""
    (tmp_path / "bad.yaml").write_text("skills:\n  - id: x\n", encoding="utf-8")
    result = runner.invoke(app, ["catalog", "check", str(tmp_path)])
    assert result.exit_code == 3
    assert "bad.yaml:1: a file with 'skills' must name their 'category'" in result.stderr
    ok = runner.invoke(app, ["catalog", "check"])
    assert ok.exit_code == 0 and "82 skills" in ok.stdout


def test_skills_and_roles_listings(runner: CliRunner) -> None:
    """The catalog can be browsed and filtered, as text or JSON."""
    listing = runner.invoke(app, ["skills", "torch", "--format", "json"])
    ids = {s["id"] for s in json.loads(listing.stdout)}
    assert "pytorch" in ids and "python" not in ids
    assert "ml-specialist" in runner.invoke(app, ["roles"]).stdout
