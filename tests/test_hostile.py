"""Hostile input, small versions of every case of the hostile-input benchmark: each ends
in a report or one line of error with its exit code, never a hang or a traceback.

The full-size figures (time and memory) come from `python -m benchmarks.hostile`.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlgap import Toolkit, hostile
from mlgap.extract.extractor import MAX_TEXT
from mlgap.read.document import document_from_bytes, read_document
from mlgap.testing import docx_body, docx_inflating, make_docx_parts

SHIPPED = Path(__file__).resolve().parent.parent / "skills"
SCALE = 0.02  # a fiftieth of the sizes users reported: the same shapes, in milliseconds


@pytest.fixture(autouse=True)
def _smaller_pdf_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """The PDF budget, cut as the sizes are: the same bound, reached in a fraction of the time."""
    monkeypatch.setattr("mlgap.read.pdf.MAX_CONTENT", 256 * 1024)


def _invoke(args: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        __import__("mlgap.cli", fromlist=["app"]).app, args, input=stdin, catch_exceptions=False
    )
    return result.exit_code, result.stdout, result.stderr


# name of the builder -> (exit code, what stderr says; "" when a report is expected)
EXPECTED: dict[str, tuple[int, str]] = {
    "resume-text-9.9MB.txt": (0, ""),
    "negations-9MB.txt": (0, ""),
    "dots-9MB.txt": (0, ""),
    "urls-9MB.txt": (0, ""),
    "entities-9MB.txt": (0, ""),
    "one-line-6.7MB.txt": (0, ""),
    "job-ad-112KB.txt": (0, ""),
    "work-years-9MB.txt": (0, ""),
    "date-ranges-9MB.txt": (0, ""),
    "pdf-50-pages-shared-2MB.pdf": (0, ""),
    "pdf-page-inflates-10MB.pdf": (0, ""),
    "docx-nested-40000.docx": (2, "nested more than 256 levels deep"),
    "docx-100000-runs.docx": (0, ""),
    "docx-lying-1GB.docx": (2, ".docx"),
    "docx-40-parts-19MB.docx": (2, "over 20,971,520 bytes inside"),
}


@pytest.mark.parametrize("name", list(hostile.BUILDERS))
def test_each_hostile_file_ends_in_a_report_or_one_line(tmp_path: Path, name: str) -> None:
    """Every benchmark case, small: a JSON report, or one error line with the exit code."""
    path = tmp_path / name
    path.write_bytes(hostile.BUILDERS[name](SCALE))
    code, stdout, stderr = _invoke(["assess", str(path), "-f", "json"])
    expected_code, message = EXPECTED[name]
    assert code == expected_code, stderr
    assert "Traceback" not in stderr
    if expected_code == 0:
        assert json.loads(stdout)["schema_version"] >= 2
    else:
        assert message in stderr and len(stderr.strip().splitlines()) == 1


def test_text_beyond_the_cap_is_left_out_with_a_note(kit: Toolkit) -> None:
    """A text longer than MAX_TEXT is read up to a line end before it, and the report says so."""
    text = "Skills: Python\n" + "filler words\n" * (MAX_TEXT // 13 + 10) + "Docker\n"
    extraction = kit.extractor.extract(text)
    assert "python" in extraction.found and "docker" not in extraction.found
    assert extraction.notes and "characters were read" in extraction.notes[0]


def test_a_pdf_whose_pages_hold_too_much_is_read_in_part() -> None:
    """Pages past the budget of drawing instructions are not parsed, and a note says so."""
    doc = document_from_bytes(hostile.pdf_shared_stream(0.05), "big.pdf")
    assert doc.text and doc.notes and "were not read" in doc.notes[0]
    assert len(doc.page_starts) < 50


def test_a_docx_inflating_past_the_budget_is_refused() -> None:
    """All parts together may inflate to MAX_XML bytes, whatever the zip headers claim."""
    for data in (
        docx_inflating(24),
        docx_inflating(6, parts=5),
        docx_inflating(24, claimed_sizes=10),
    ):
        with pytest.raises(Exception, match="docx") as caught:
            document_from_bytes(data, "bomb.docx")
        assert getattr(caught.value, "kind", "") in ("too-large", "corrupt")


def test_a_paragraph_inside_another_is_its_own_line() -> None:
    """Text boxes nest paragraphs: each is read once, on its own line, not twice."""
    inner = (
        "<w:p><w:r><w:t>Outer</w:t></w:r><w:r><w:p><w:r><w:t>Inner</w:t></w:r></w:p></w:r></w:p>"
    )
    doc = document_from_bytes(make_docx_parts({"word/document.xml": docx_body(inner)}), "x.docx")
    assert doc.text.splitlines() == ["Inner", "Outer"]


@pytest.mark.parametrize("kind", ["fifo", "socket-like device"])
def test_only_regular_files_are_read(tmp_path: Path, kind: str) -> None:
    """A FIFO or a device given as the résumé is refused at once ("not a regular file")."""
    if kind == "fifo":
        path = tmp_path / "fifo.txt"
        os.mkfifo(path)
        where = str(path)
    else:
        where = "/dev/zero"
    code, _, stderr = _invoke(["assess", where])
    assert code == 2 and "not a regular file" in stderr


def test_typed_skills_are_bounded() -> None:
    """Hundreds of thousands of typed words are refused in one line; a huge word is not searched."""
    code, _, stderr = _invoke(["assess", "-s", hostile.typed_words(SCALE).decode()])
    assert code == 2 and "typed skills is more than" in stderr
    code, stdout, _ = _invoke(["assess", "-s", "python, " + "x" * 100_000, "-f", "json"])
    assert code == 0 and json.loads(stdout)["unrecognized"][0]["suggestions"] == []


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("bomb", lambda p: p.write_bytes(hostile.yaml_bomb(1)), "anchors and aliases"),
        ("big", lambda p: p.write_bytes(b"# x\n" * 600_000), "over a catalog file's"),
        ("zero", lambda p: p.symlink_to("/dev/zero"), "outside the catalog folder"),
        ("fifo", lambda p: os.mkfifo(p), "not a regular file"),
        ("folder", lambda p: p.mkdir(), "not a regular file"),
        ("loop", lambda p: p.symlink_to(p.name), "cannot be read"),
        ("shadow", lambda p: p.symlink_to("/etc/hostname"), "outside the catalog folder"),
    ],
)
def test_hostile_catalog_files_are_one_line_each(
    tmp_path: Path, name: str, make: Callable[[Path], object], message: str
) -> None:
    """Bombs, devices, FIFOs, folders and links out of the folder named *.yaml: exit 3, no hang."""
    catalog = tmp_path / "catalog"
    shutil.copytree(SHIPPED, catalog)
    make(catalog / "zz.yaml")
    code, _, stderr = _invoke(["catalog", "check", str(catalog)])
    assert code == 3 and message in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1


def test_the_rest_of_a_file_after_a_nul_byte_is_not_text(tmp_path: Path) -> None:
    """NUL bytes anywhere (not only in the first 8 KB) make a file binary."""
    path = tmp_path / "late.txt"
    path.write_bytes(b"Python and SQL\n" * 1000 + b"\x00\x01")
    code, _, stderr = _invoke(["assess", str(path)])
    assert code == 2 and "binary" in stderr


def test_utf32_and_junk_before_pdf_are_read(tmp_path: Path) -> None:
    """UTF-32 with its mark is read as UTF-32; bytes before %PDF do not make a PDF text."""
    assert (
        "python"
        in Toolkit.load()
        .extract_document(document_from_bytes("Skills: Python".encode("utf-32"), "u32.txt"))
        .found
    )
    from mlgap.testing import make_pdf

    doc = document_from_bytes(b"junk\r\n" + make_pdf([["Python and SQL"]]), "junk.pdf")
    assert doc.page_starts == (1,) and "Python" in doc.text


def test_a_docx_that_is_plain_text_says_so(tmp_path: Path) -> None:
    """A .docx holding plain text is read as text, with a note saying what the file is."""
    path = tmp_path / "cv.docx"
    path.write_text("Skills: Python, SQL\n", encoding="utf-8")
    doc = read_document(str(path))
    assert doc.notes and "holds plain text" in doc.notes[0]
    code, stdout, stderr = _invoke(["assess", str(path), "-f", "json"])
    assert code == 0 and "holds plain text" in stderr
    assert json.loads(stdout)["notes"]
