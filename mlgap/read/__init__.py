"""Read: turn a résumé file (text, PDF, .docx) or standard input into a Document."""

from __future__ import annotations

from mlgap.read.document import DEFAULT_MAX_BYTES, READABLE, Document, read_document

__all__ = ["DEFAULT_MAX_BYTES", "READABLE", "Document", "read_document"]
