"""Text from Word (.docx) résumés, read with the standard library.

A .docx is a zip of XML parts; the text is in word/document.xml as runs (w:t) in paragraphs
(w:p), with tabs and breaks. The standard library reads that well, and python-docx would add
lxml (several MB) for no better text. Headers, footers and text boxes are read too, since
résumés put contact lines and skills there.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from io import BytesIO
from xml.etree import ElementTree

from mlgap.errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
MAX_XML = 20 * 1024 * 1024  # the largest XML part read: a guard against zip bombs


def _paragraphs(xml: bytes) -> list[str]:
    root = ElementTree.fromstring(xml)
    lines = []
    for paragraph in root.iter(f"{_W}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                pieces.append(node.text)
            elif node.tag == f"{_W}tab":
                pieces.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
        lines.append("".join(pieces))
    return lines


def docx_text(data: bytes, source: str) -> str:
    """Return the text of a .docx file, or raise an InputError saying why not."""
    corrupt = InputError(
        "not a readable .docx file",
        path=source,
        fix="save the résumé again from Word, or as PDF or text",
        kind="corrupt",
    )
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = sorted(n for n in archive.namelist() if _PARTS.fullmatch(n))
            if "word/document.xml" not in names:
                raise corrupt
            # The body first, then headers and footers.
            names.sort(key=lambda n: n != "word/document.xml")
            lines: list[str] = []
            for name in names:
                if archive.getinfo(name).file_size > MAX_XML:
                    raise InputError(
                        "the .docx is too large inside (a zip bomb?)", path=source, kind="too-large"
                    )
                lines += _paragraphs(archive.read(name))
    except InputError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        ElementTree.ParseError,
        KeyError,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise corrupt from exc
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(
            "the .docx has no text",
            path=source,
            fix="check that the résumé is not an image pasted into Word",
            kind="empty",
        )
    return text
