"""Read a résumé from a path or standard input into text, or say clearly why not.

Plain text in UTF-8 (with or without a BOM), UTF-16 (with a BOM) or Windows-1252; PDF
(by its signature) and Word .docx. Every failure is an InputError with a stable `kind`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from mlgap.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
READABLE = (".txt", ".text", ".md", ".pdf", ".docx")


@dataclass(frozen=True, slots=True)
class Document:
    """A résumé's text, where it came from, and (for a PDF) the line each page starts on."""

    source: str
    text: str
    page_starts: tuple[int, ...] = ()


def decode(data: bytes, source: str) -> str:
    """Decode résumé bytes: UTF-8 or UTF-16 with a BOM, UTF-8, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                "not valid UTF-16 text",
                path=source,
                fix="save the file as UTF-8 text",
                kind="encoding",
            ) from exc
    if b"\x00" in data[:8192]:
        raise InputError(
            "looks like a binary file, not text",
            path=source,
            fix="give a text, PDF or .docx résumé",
            kind="binary",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def document_from_bytes(data: bytes, source: str) -> Document:
    """Return the document `data` holds: PDF and .docx by their signatures, else text."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        from mlgap.read.pdf import pdf_pages  # pypdf is imported only for a PDF

        pages = [page.rstrip("\n") for page in pdf_pages(data, source)]
        starts, line = [], 1
        for page in pages:
            starts.append(line)
            line += page.count("\n") + 1
        return Document(source, "\n".join(pages), tuple(starts))
    if data.startswith(b"PK\x03\x04"):
        from mlgap.read.docx import docx_text

        return Document(source, docx_text(data, source))
    text = decode(data, source)
    if not text.strip():
        raise InputError(
            "is empty", path=source, fix="give a résumé with some text in it", kind="empty"
        )
    return Document(source, text)


def read_document(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the résumé at `path` ('-' for standard input)."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(
                f"is over the {max_bytes:,}-byte limit",
                path="<stdin>",
                fix="raise it with --max-size",
                kind="too-large",
            )
        return document_from_bytes(data, "<stdin>")
    return document_from_bytes(_read_file(path, max_bytes), path)


def _read_file(path: str, max_bytes: int) -> bytes:
    file = Path(path)
    try:
        if file.is_dir():
            raise InputError(
                "is a directory",
                path=path,
                kind="directory",
                fix="give a résumé file, or use `mlgap batch` for a folder",
            )
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"is {size:,} bytes, over the {max_bytes:,}-byte limit",
                path=path,
                fix="raise it with --max-size",
                kind="too-large",
            )
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may grow after stat()
    except FileNotFoundError as exc:
        raise InputError("no such file", path=path, fix="check the path", kind="missing") from exc
    except PermissionError as exc:
        raise InputError(
            "permission denied", path=path, fix="make the file readable", kind="permission"
        ) from exc
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", path=path, kind="unreadable") from exc
    if len(data) > max_bytes:
        raise InputError(
            f"is over the {max_bytes:,}-byte limit",
            path=path,
            fix="raise it with --max-size",
            kind="too-large",
        )
    return data
