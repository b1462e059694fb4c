"""The command-line conventions people expect, and no traceback anywhere: issue #9's rows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlgap.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(runner: CliRunner, flag: str) -> None:
    """--version and -V print the version."""
    result = runner.invoke(app, [flag])
    assert result.exit_code == 0 and result.stdout.startswith("mlgap ")


def test_help_short_and_long_and_completion(runner: CliRunner) -> None:
    """-h is --help in every command; completion can be shown and installed."""
    for args in (["-h"], ["assess", "-h"], ["batch", "-h"], ["catalog", "check", "-h"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Usage" in result.stdout
    top = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout
    assert "--install-completion" in top and "--show-completion" in top


def test_short_options_mean_the_same_everywhere(runner: CliRunner) -> None:
    """-r role, -f format, -o output, -j jobs, -q, -v are accepted where they apply."""
    helps = {
        c: runner.invoke(app, [c, "--help"], env={"COLUMNS": "200"}).stdout
        for c in ("assess", "batch")
    }
    for command, options in {
        "assess": ("-r", "-f", "-o", "-q", "-v", "-s"),
        "batch": ("-r", "-f", "-o", "-j", "-q", "-v", "-0"),
    }.items():
        for option in options:
            assert f"{option} " in helps[command] or f"{option}," in helps[command], (
                command,
                option,
            )


def test_bare_mlgap_prints_help_to_stderr(runner: CliRunner) -> None:
    """No command: the help goes to stderr and the exit code is 2."""
    result = runner.invoke(app, [])
    assert result.exit_code == 2 and result.stdout == "" and "Usage" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "--bogus"],
        ["assess", "-s", "python", "--fail-under", "101"],
        ["assess", "-s", "python", "--max-size", "9" * 30],
        ["batch", str(EXAMPLES), "--jobs", "1000000"],
        ["assess", "-s", "python", "--color", "sometimes"],
        ["nonsense"],
    ],
)
def test_usage_errors_are_one_line_like_every_other_error(
    runner: CliRunner, args: list[str]
) -> None:
    """Typer's boxes are gone: `mlgap: error: ...` in one line, exit 2."""
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mlgap: error: "), result.stderr


def test_quiet_and_verbose(runner: CliRunner, tmp_path: Path) -> None:
    """-q drops warnings; -v says which files a batch left out."""
    quiet = runner.invoke(app, ["assess", "-s", "python, zzzqqq", "-q", "-f", "json"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    loud = runner.invoke(app, ["assess", "-s", "python, zzzqqq", "-f", "json"])
    assert "matches no skill" in loud.stderr
    (tmp_path / "cv.txt").write_text("Python\n", encoding="utf-8")
    (tmp_path / "notes.log").write_text("x\n", encoding="utf-8")
    verbose = runner.invoke(app, ["batch", str(tmp_path), "-v"])
    assert "skipped" in verbose.stderr and "notes.log" in verbose.stderr


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {}, False),  # not a terminal
        (["--color", "always", "-f", "json"], {}, False),  # machine output is never coloured
    ],
)
def test_colour_follows_color_force_color_and_no_color(
    runner: CliRunner, args: list[str], env: dict[str, str], coloured: bool
) -> None:
    """--color beats FORCE_COLOR and NO_COLOR; JSON never has colour."""
    result = runner.invoke(app, ["assess", "-s", "python", *args], env=env)
    assert ("\x1b[" in result.stdout) == coloured


def test_a_closed_pipe_ends_quietly() -> None:
    """`mlgap batch ... | head -1`: no traceback, the usual 141."""
    paths = "\n".join(str(p) for p in sorted(EXAMPLES.glob("*.txt"))) + "\n"
    with subprocess.Popen(
        [sys.executable, "-m", "mlgap", "batch", "--files-from", "-", "-f", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdin and process.stdout and process.stderr
        process.stdin.write(paths.encode())
        process.stdin.close()
        process.stdout.readline()
        process.stdout.close()  # the reader goes away after one row
        err = process.stderr.read()
        assert process.wait(timeout=60) in (0, 141)
    assert b"Traceback" not in err


def _closing(fd: int) -> None:
    os.close(fd)


def test_stdout_or_stdin_closed_is_one_line() -> None:
    """Started with stdout or stdin closed: one line and exit 2."""
    command = [sys.executable, "-m", "mlgap", "assess"]
    closed_out = subprocess.run(
        [*command, "-s", "python"], stderr=subprocess.PIPE, preexec_fn=lambda: _closing(1)
    )
    assert closed_out.returncode == 2 and b"standard output is closed" in closed_out.stderr
    closed_in = subprocess.run([*command, "-"], capture_output=True, preexec_fn=lambda: _closing(0))
    assert closed_in.returncode == 2 and b"standard input is closed" in closed_in.stderr


def test_an_output_name_that_is_not_utf8_gets_one_line(runner: CliRunner, tmp_path: Path) -> None:
    """A file name with bytes that are not UTF-8 is shown escaped, not as a traceback."""
    name = os.fsdecode(os.fsencode(str(tmp_path)) + b"/no/\xff.json")
    result = runner.invoke(app, ["assess", "-s", "python", "-o", name])
    assert result.exit_code == 2 and "\\udcff" in result.stderr


def test_json_from_stdin_on_a_pipe(runner: CliRunner) -> None:
    """`-` reads a piped résumé without a prompt on stdout."""
    result = runner.invoke(app, ["assess", "-", "-f", "json"], input="Skills: Docker, SQL\n")
    assert {f["id"] for f in json.loads(result.stdout)["found"]} == {"docker", "sql"}


def test_reading_stdin_from_a_terminal_says_so() -> None:
    """`mlgap assess -` with a terminal as stdin says it waits, and reads until Ctrl-D."""
    import pty

    controller, terminal = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "mlgap", "assess", "-", "-f", "json"],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        os.close(terminal)
        os.write(controller, b"Skills: Python, SQL\n\x04")
        out, err = process.communicate(timeout=60)
    os.close(controller)
    assert b"reading a r\xc3\xa9sum\xc3\xa9 from standard input" in err
    assert {f["id"] for f in json.loads(out)["found"]} == {"python", "sql"}


_WHOLE_APP = "import sys; from mlgap.cli.app import app; app(prog_name='mlgap')"


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["assess", "--help"],
        ["assess"],
        ["assess", "-s", "python, pytroch", "--format", "json"],
        ["assess", "--nosuch"],
        ["batch", "-h"],
        ["catalog"],
        ["catalog", "check"],
        ["role", "from-job", "--help"],
        ["roles"],
        ["nosuch"],
    ],
)
def test_the_command_run_alone_behaves_as_in_the_whole_app(args: list[str]) -> None:
    """`mlgap CMD` builds only CMD's parser (a faster start): same output, same exit code."""
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    alone = subprocess.run([sys.executable, "-m", "mlgap", *args], capture_output=True, env=env)
    whole = subprocess.run([sys.executable, "-c", _WHOLE_APP, *args], capture_output=True, env=env)
    assert (alone.returncode, alone.stdout, alone.stderr) == (
        whole.returncode,
        whole.stdout,
        whole.stderr,
    )
