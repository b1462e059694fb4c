"""Text from PDF résumés, page by page, with pypdf (imported only when a PDF comes)."""

from __future__ import annotations

import logging
from io import BytesIO

from mlgap.errors import InputError

MAX_PAGES = 50  # a résumé is a few pages; a 2,000-page PDF is not one


def _encrypted(source: str) -> InputError:
    return InputError(
        "the PDF is encrypted", path=source, fix="save an unprotected copy of it", kind="encrypted"
    )


def pdf_pages(data: bytes, source: str) -> list[str]:
    """Return the text of each page of a PDF, or raise an InputError saying why not."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import FileNotDecryptedError, PdfReadError
    except ImportError as exc:  # a broken install: pypdf is a dependency of mlgap
        raise InputError(
            "reading PDF needs pypdf", path=source, fix="pip install pypdf", kind="missing-reader"
        ) from exc
    # pypdf logs what it repairs in a damaged file (as warnings and errors) to stderr; the
    # user gets one line from us instead. Silenced for this call only, not for the process.
    logger = logging.getLogger("pypdf")  # its modules' loggers inherit this level
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _encrypted(source)
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    except InputError:
        raise
    except FileNotDecryptedError as exc:
        raise _encrypted(source) from exc
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
    if not any(page.strip() for page in pages):
        raise InputError(
            "the PDF has no text layer (a scan?); OCR is not supported",
            path=source,
            fix="export it from the original document, or type it",
            kind="no-text",
        )
    return pages
