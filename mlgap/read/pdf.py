"""Text from PDF résumés, page by page, with pypdf (imported only when a PDF comes).

pypdf parses each page's drawing instructions in Python, so their size decides the time a
page takes. A résumé's pages hold some kilobytes of them; the pages read here hold at most
MAX_CONTENT bytes between them, and decompression stops at MAX_INFLATED bytes a stream, so
no PDF can hold a worker for minutes or fill its memory. Pages past either limit are not
read, and a note says so.
"""

from __future__ import annotations

import logging
from io import BytesIO
from typing import Any

from mlgap.errors import InputError

MAX_PAGES = 50  # a résumé is a few pages; a 2,000-page PDF is not one
# Bytes of drawing instructions parsed, all pages together: pypdf parses some 200 KB a
# second of dense text instructions, and a text résumé's page holds 5-50 KB of them.
MAX_CONTENT = 640 * 1024
MAX_INFLATED = 16 * 1024 * 1024  # bytes one compressed stream may inflate to
_LIMITS = dict.fromkeys(
    (
        "zlib_maximum_output_length",
        "lzw_maximum_output_length",
        "run_length_maximum_output_length",
        "array_based_stream_maximum_output_length",
        "brotli_maximum_output_length",
    ),
    MAX_INFLATED,
)


def _encrypted(source: str) -> InputError:
    return InputError(
        "the PDF is encrypted with a password",
        path=source,
        fix="save an unprotected copy of it",
        kind="encrypted",
    )


def _content_size(page: Any) -> int:
    """Return how many bytes of drawing instructions a page holds (each stream once)."""
    contents = page.get("/Contents")
    if contents is None:
        return 0
    contents = contents.get_object()
    streams = contents if isinstance(contents, list) else [contents]
    return sum(len(s.get_object().get_data()) for s in streams)


def pdf_pages(data: bytes, source: str) -> tuple[list[str], list[str]]:
    """Return the text of a PDF's pages and notes on what was not read, or raise an InputError."""
    pages, notes = _read_pages(data, source)
    if not any(page.strip() for page in pages):
        if notes:
            raise InputError(
                f"the PDF's text could not be read within the limits: {notes[0]}",
                path=source,
                fix="export the résumé to PDF again, or save it as text",
                kind="too-large",
            )
        raise InputError(
            "the PDF has no text layer (a scan?); OCR is not supported",
            path=source,
            fix="export it from the original document, or type it",
            kind="no-text",
        )
    return pages, notes


def _read_pages(data: bytes, source: str) -> tuple[list[str], list[str]]:
    try:
        from pypdf import PdfReader, apply_configuration
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
    except ImportError as exc:  # a broken install: pypdf is a dependency of mlgap
        raise InputError(
            "reading PDF needs pypdf 7.1 or later",
            path=source,
            fix="pip install 'pypdf[crypto]>=7.1'",
            kind="missing-reader",
        ) from exc
    # pypdf logs what it repairs in a damaged file (as warnings and errors) to stderr; the
    # user gets one line from us instead. Silenced for this call only, not for the process.
    logger = logging.getLogger("pypdf")  # its modules' loggers inherit this level
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with apply_configuration(None, **_LIMITS):  # a context variable: not process-wide
            reader = PdfReader(BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise _encrypted(source)
            return _page_texts(reader.pages)
    except InputError:
        raise
    except FileNotDecryptedError as exc:
        raise _encrypted(source) from exc
    except DependencyError as exc:
        raise InputError(
            "the PDF's encryption needs the cryptography package",
            path=source,
            fix="pip install cryptography",
            kind="missing-reader",
        ) from exc
    except Exception as exc:  # a damaged file can break pypdf in many ways
        detail = str(exc) if isinstance(exc, PdfReadError) else type(exc).__name__
        raise InputError(
            f"not a readable PDF ({detail})",
            path=source,
            fix="export the résumé to PDF again, or save it as text",
            kind="corrupt",
        ) from exc
    finally:
        logger.setLevel(level)


def _page_texts(pages: Any) -> tuple[list[str], list[str]]:
    """Return the text of each page read, and notes on the pages left unread."""
    texts: list[str] = []
    budget = MAX_CONTENT
    count = len(pages)
    for number in range(1, min(count, MAX_PAGES) + 1):
        page = pages[number - 1]
        size = _content_size(page)
        if size > budget:
            return texts, [
                f"pages {number} to {count} were not read: they hold more drawing "
                f"instructions than a résumé ({size:,} bytes on page {number})"
            ]
        budget -= size
        texts.append(page.extract_text() or "")
    if count > MAX_PAGES:
        return texts, [f"only the first {MAX_PAGES} of {count} pages were read"]
    return texts, []
