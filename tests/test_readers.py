"""Résumés as people have them: PDF, .docx, encodings, and every kind of broken input."""

from __future__ import annotations

import functools
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from typer.testing import CliRunner

from mlgap import Toolkit
from mlgap.cli.app import app
from mlgap.errors import InputError
from mlgap.read.document import document_from_bytes
from mlgap.testing import make_docx, make_pdf

RESUME_PAGES = [
    ["Jane Doe, data scientist", "Skills: Python, SQL (PostgreSQL), pandas"],
    ["Projects", "Deployed models with Docker and FastAPI on AWS"],
]


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Python, Docker"]]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_resume_end_to_end(runner: CliRunner, tmp_path: Path) -> None:
    """mlgap assess reads a PDF; evidence gives the line of the extracted text and the page."""
    (tmp_path / "cv.pdf").write_bytes(make_pdf(RESUME_PAGES))
    result = runner.invoke(app, ["assess", str(tmp_path / "cv.pdf"), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    found = {f["id"]: f["evidence"][0] for f in json.loads(result.stdout)["found"]}
    assert {"python", "sql", "pandas", "docker", "fastapi", "aws"} <= found.keys()
    assert (found["python"]["page"], found["python"]["line"]) == (1, 2)
    assert (found["docker"]["page"], found["docker"]["line"]) == (2, 4)
    text = runner.invoke(app, ["assess", str(tmp_path / "cv.pdf")]).stdout
    assert any("Docker" in line and "p2 line 4" in line for line in text.splitlines())


def test_a_docx_resume_end_to_end(runner: CliRunner, tmp_path: Path) -> None:
    """mlgap assess reads a .docx, headers included."""
    data = make_docx(["Skills: Python, scikit-learn", "Kaggle competitions"], header="Docker")
    (tmp_path / "cv.docx").write_bytes(data)
    result = runner.invoke(app, ["assess", str(tmp_path / "cv.docx"), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    ids = {f["id"] for f in json.loads(result.stdout)["found"]}
    assert {"python", "scikit-learn", "kaggle", "docker"} <= ids


def test_batch_reads_pdf_and_docx(runner: CliRunner, tmp_path: Path) -> None:
    """A batch folder's PDF and .docx résumés are read like text ones."""
    (tmp_path / "a.pdf").write_bytes(make_pdf(RESUME_PAGES))
    (tmp_path / "b.docx").write_bytes(make_docx(["Python and Docker"]))
    (tmp_path / "c.txt").write_text("Python", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(tmp_path), "-f", "csv"])
    assert result.exit_code == 0
    assert [line.split(",")[1] for line in result.stdout.splitlines()[1:]] == ["ok"] * 3


def test_an_owner_only_password_does_not_stop_reading() -> None:
    """A PDF that opens without a password is read even though it is 'encrypted'."""
    assert "Docker" in document_from_bytes(_encrypted(""), "x.pdf").text


BROKEN = {
    "scanned.pdf": (make_pdf([[]]), "no text layer (a scan?); OCR is not supported", "no-text"),
    "locked.pdf": (_encrypted("secret"), "the PDF is encrypted", "encrypted"),
    "corrupt.pdf": (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "not a readable PDF", "corrupt"),
    "corrupt.docx": (b"PK\x03\x04 not really a zip", "not a readable .docx file", "corrupt"),
    "nodoc.docx": (make_docx([]), "the .docx has no text", "empty"),
    "empty.txt": (b"   \n\n", "is empty", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", "binary"),
    "bad16.txt": (b"\xff\xfe\x00\xd8", "not valid UTF-16 text", "encoding"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_get_one_line_and_exit_two(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    """Every kind of broken résumé: one clear line naming the file, exit code 2."""
    data, message, kind = BROKEN[name]
    (tmp_path / name).write_bytes(data)
    result = runner.invoke(app, ["assess", str(tmp_path / name)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and name in lines[0]
    with pytest.raises(InputError) as caught:
        document_from_bytes(data, name)
    assert caught.value.kind == kind


def test_size_limit_and_permission(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files over --max-size and unreadable files are refused with exit code 2."""
    big = tmp_path / "big.txt"
    big.write_text("Python " * 300, encoding="utf-8")
    result = runner.invoke(app, ["assess", str(big), "--max-size", "1000"])
    assert result.exit_code == 2 and "over the 1,000-byte limit" in result.stderr

    # Root ignores file modes: refuse this one file at both ways Python opens files.
    real_os_open, real_io_open = os.open, io.open

    def refuse(open_: Callable[..., Any]) -> Callable[..., Any]:
        def opener(file: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(file, str | Path) and Path(file) == big:
                raise PermissionError(13, "Permission denied", str(file))
            return open_(file, *args, **kwargs)

        return opener

    monkeypatch.setattr(os, "open", refuse(real_os_open))
    monkeypatch.setattr(io, "open", refuse(real_io_open))
    result = runner.invoke(app, ["assess", str(big)])
    assert result.exit_code == 2 and "permission denied" in result.stderr


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Skills: Python, Docker – naïve Bayes\r\n".encode("utf-8-sig"), "naïve"),
        ("Skills: Python, Docker – naïve Bayes\n".encode("utf-16"), "naïve"),
        ("Skills: Python, Docker – naïve Bayes\n".encode("cp1252"), "naïve"),
        ("Skills: Python â€¢ Docker â€“ NaÃ¯ve Bayes\n".encode(), "Naïve"),
    ],
)
def test_encodings_and_mojibake(kit: Toolkit, data: bytes, expected: str) -> None:
    """UTF-8 (BOM or not), UTF-16 and Windows-1252 read right; mojibake is repaired."""
    doc = document_from_bytes(data, "cv.txt")
    extraction = kit.extractor.extract(doc.text)
    assert {"python", "docker", "classification"} <= extraction.found
    evidence = next(f for f in extraction.findings if f.skill == "classification").evidence[0]
    assert expected in evidence.context


@functools.cache
def _kit() -> Toolkit:
    # Not a fixture: Hypothesis would print the whole toolkit with a failing example.
    return Toolkit.load()


SEEDS = [make_pdf(RESUME_PAGES), make_docx(["Python", "Docker"]), b"Skills: Python\n"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(range(len(SEEDS))),
    st.lists(st.tuples(st.integers(0, 10**6), st.binary(max_size=8)), max_size=6),
)
def test_damaged_files_read_or_fail_cleanly(seed: int, edits: list[tuple[int, bytes]]) -> None:
    """A PDF, .docx or text file with bytes overwritten reads, or fails with an InputError."""
    data = bytearray(SEEDS[seed])
    for at, chunk in edits:
        at %= len(data)
        data[at : at + len(chunk)] = chunk
    try:
        doc = document_from_bytes(bytes(data), "fuzzed")
    except InputError:
        return
    for finding in _kit().extractor.extract(doc.text).findings:
        assert finding.evidence and all(e.line for e in finding.evidence)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_read_or_fail_cleanly(data: bytes) -> None:
    """Any bytes at all give a document or an InputError, nothing else."""
    try:
        document_from_bytes(data, "random")
    except InputError as error:
        assert error.kind and error.message


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_encrypted_pdfs_open_with_an_empty_password_only(algorithm: str) -> None:
    """A "protected" PDF (empty user password) is read, RC4 or AES; a real password is refused."""
    reader = PdfReader(io.BytesIO(make_pdf([["Skills: Python and SQL"]])))
    for user, readable in (("", True), ("secret", False)):
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
        buffer = io.BytesIO()
        writer.write(buffer)
        if readable:
            assert "Python" in document_from_bytes(buffer.getvalue(), "p.pdf").text
        else:
            with pytest.raises(InputError) as caught:
                document_from_bytes(buffer.getvalue(), "p.pdf")
            assert caught.value.kind == "encrypted"
