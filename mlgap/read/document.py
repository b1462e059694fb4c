"""Read a résumé from a path or standard input into a Document, or say clearly why not.

Plain text (see text.py), PDF (by its signature, wherever in the first KB it stands) and
Word .docx. Only regular files are read: a FIFO, socket or device would block or never end.
Every failure is an InputError with a stable `kind`.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass

from mlgap.errors import InputError, MlgapError
from mlgap.read.text import decode

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
READABLE = (".txt", ".text", ".md", ".pdf", ".docx")


@dataclass(frozen=True, slots=True)
class Document:
    """A résumé's text, where it came from, and (for a PDF) the line each page starts on."""

    source: str
    text: str
    page_starts: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()  # what the reader must know about how it was read


def _too_large(source: str, max_bytes: int, size: int | None = None) -> InputError:
    what = f"is {size:,} bytes, over" if size is not None else "is over"
    return InputError(
        f"{what} the {max_bytes:,}-byte limit",
        path=source,
        fix="raise it with --max-size",
        kind="too-large",
    )


def document_from_bytes(data: bytes, source: str) -> Document:
    """Return the document `data` holds: PDF and .docx by their signatures, else text."""
    if b"%PDF-" in data[:1024]:  # the format allows bytes before the header
        from mlgap.read.pdf import pdf_pages  # pypdf is imported only for a PDF

        pages, pdf_notes = pdf_pages(data, source)
        texts = [page.rstrip("\n") for page in pages]
        starts, line = [], 1
        for text in texts:
            starts.append(line)
            line += text.count("\n") + 1
        return Document(source, "\n".join(texts), tuple(starts), tuple(pdf_notes))
    if data.startswith(b"PK\x03\x04"):
        from mlgap.read.docx import docx_text

        return Document(source, docx_text(data, source))
    text = decode(data, source)
    if not text.strip():
        raise InputError(
            "is empty", path=source, fix="give a résumé with some text in it", kind="empty"
        )
    notes: tuple[str, ...] = ()
    if source.lower().endswith((".pdf", ".docx")):
        kind = source.rsplit(".", 1)[-1].upper()
        notes = (f"the file is named .{kind.lower()} but holds plain text: read as text",)
    return Document(source, text, notes=notes)


def read_document(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the résumé at `path` ('-' for standard input)."""
    if path == "-":
        return document_from_bytes(_read_stdin(max_bytes), "<stdin>")
    return document_from_bytes(_read_file(path, max_bytes), path)


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Return the bytes of the regular file at `path`, at most `max_bytes`, or raise an
    InputError saying why not (what an engine's workers are handed instead of paths)."""
    return _read_file(path, max_bytes)


def read_job_ad(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the job ad at `path` as a résumé is read; what is wrong names it an ad."""
    try:
        return read_document(path, max_bytes)
    except MlgapError as error:
        fix = error.fix.replace(", or use `mlgap batch` for a folder", "")
        error.fix = fix.replace("résumé", "job ad")
        raise


def _read_stdin(max_bytes: int) -> bytes:
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise InputError(
            "standard input is closed", path="<stdin>", fix="pipe a résumé in", kind="missing"
        )
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:  # stdin is a directory (< /tmp), or was closed under us
        raise InputError(
            f"standard input cannot be read: {exc.strerror or exc}",
            path="<stdin>",
            fix="pipe a résumé file in",
            kind="unreadable",
        ) from exc
    if len(data) > max_bytes:
        raise _too_large("<stdin>", max_bytes)
    return data


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise InputError("no such file", path=path, fix="check the path", kind="missing") from exc
    except IsADirectoryError as exc:
        raise _directory(path) from exc
    except PermissionError as exc:
        raise InputError(
            "permission denied", path=path, fix="make the file readable", kind="permission"
        ) from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the path
        detail = exc.strerror if isinstance(exc, OSError) else "not a valid path"
        raise InputError(f"cannot be read: {detail}", path=path, kind="unreadable") from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _directory(path)
        raise InputError(
            "not a regular file (a FIFO, socket or device)",
            path=path,
            fix="give a résumé file",
            kind="not-regular",
        )
    if info.st_size > max_bytes:
        os.close(fd)
        raise _too_large(path, max_bytes, info.st_size)
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(max_bytes + 1)  # the file may grow after fstat()
        except OSError as exc:
            message = f"cannot be read: {exc.strerror}"
            raise InputError(message, path=path, kind="unreadable") from exc
    if len(data) > max_bytes:
        raise _too_large(path, max_bytes)
    return data


def _directory(path: str) -> InputError:
    return InputError(
        "is a directory",
        path=path,
        kind="directory",
        fix="give a résumé file, or use `mlgap batch` for a folder",
    )
