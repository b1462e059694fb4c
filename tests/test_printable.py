"""Nothing from a document takes over the terminal: escapes are shown, not obeyed."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mlgap.cli import app
from mlgap.render.printable import printable, printable_line

HOSTILE = "Skills: Python \x1b]0;owned\x07 and SQL \x1b[2J; Docker \u202eevil\n"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_reports_for_people_show_escapes_instead_of_sending_them(fmt: str) -> None:
    """Text and Markdown reports carry no ESC, BEL or bidi override from the résumé."""
    result = CliRunner().invoke(app, ["assess", "-", "-f", fmt], input=HOSTILE)
    assert result.exit_code == 0
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in result.stdout
    assert "\\x1b" in result.stdout


def test_json_keeps_the_text_faithful() -> None:
    """JSON holds the résumé's characters as they are (escaped by JSON itself)."""
    result = CliRunner().invoke(app, ["assess", "-", "-f", "json"], input=HOSTILE)
    contexts = [e["context"] for f in json.loads(result.stdout)["found"] for e in f["evidence"]]
    assert any("\x1b" in c for c in contexts)
    assert "\x1b" not in result.stdout  # json.dumps writes it as \u001b


def test_typed_skill_warnings_are_printable() -> None:
    """A typed skill with escapes in it is warned about without them."""
    result = CliRunner().invoke(app, ["assess", "-s", "python, \x1b[31mzzzz\x1b[0m"])
    assert "\x1b" not in result.stderr and "\\x1b[31mzzzz" in result.stderr


def test_printable_keeps_ordinary_text_and_layout() -> None:
    """Letters, accents, tabs and line breaks pass unchanged; one-line text escapes breaks."""
    assert printable("Naïve Bayes\tC++\nR") == "Naïve Bayes\tC++\nR"
    assert printable_line("a\nb\x00") == "a\\nb\\x00"
