"""Text from Word (.docx) résumés, read with the standard library.

A .docx is a zip of XML parts; the text is in word/document.xml as runs (w:t) in paragraphs
(w:p), with tabs and breaks. The standard library reads that well, and python-docx would add
lxml (several MB) for no better text. Headers, footers and text boxes are read too, since
résumés put contact lines and skills there.

The file comes from a stranger, so every part is inflated in chunks against a real count of
bytes (not the size the zip claims), all parts together are bounded, and the XML is read as
a stream of events with a bound on nesting: time and memory stay linear in the file.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO
from typing import cast
from xml.etree import ElementTree

from mlgap.errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _T, _TAB, _BREAKS = f"{_W}p", f"{_W}t", f"{_W}tab", (f"{_W}br", f"{_W}cr")
_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
MAX_XML = 20 * 1024 * 1024  # bytes all XML parts together may inflate to
MAX_DEPTH = 256  # nesting of XML elements: Word writes a few dozen at most
MAX_PARTS = 40  # headers and footers beyond these are not read
_CHUNK = 1024 * 1024


def _corrupt(source: str) -> InputError:
    return InputError(
        "not a readable .docx file",
        path=source,
        fix="save the résumé again from Word, or as PDF or text",
        kind="corrupt",
    )


def _too_large(source: str, what: str) -> InputError:
    return InputError(
        f"the .docx is {what} (a zip bomb?)",
        path=source,
        fix="save the résumé again from Word, or as PDF or text",
        kind="too-large",
    )


class _Paragraphs:
    """Gathers paragraph lines from XML events; a paragraph inside another is its own line."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines: list[str] = []
        self.open: list[list[str]] = []  # the pieces of each paragraph being read
        self.depth = 0

    def start(self, tag: str) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _too_large(self.source, f"nested more than {MAX_DEPTH} levels deep")
        if tag == _P:
            self.open.append([])
        elif self.open and tag == _TAB:
            self.open[-1].append("\t")
        elif self.open and tag in _BREAKS:
            self.open[-1].append("\n")

    def end(self, element: ElementTree.Element) -> None:
        self.depth -= 1
        if element.tag == _T and self.open and element.text:
            self.open[-1].append(element.text)
        elif element.tag == _P and self.open:
            self.lines.append("".join(self.open.pop()))
        element.clear()  # what is read is dropped: memory stays flat


def _read_part(
    archive: zipfile.ZipFile, name: str, budget: int, source: str
) -> tuple[list[str], int]:
    """Return the paragraphs of one XML part and the bytes left of the budget."""
    parser: ElementTree.XMLPullParser[ElementTree.Element] = ElementTree.XMLPullParser(
        events=("start", "end")
    )
    paragraphs = _Paragraphs(source)
    with archive.open(name) as stream:
        while chunk := stream.read(_CHUNK):
            budget -= len(chunk)
            if budget < 0:
                raise _too_large(source, f"over {MAX_XML:,} bytes inside")
            parser.feed(chunk)
            # Asked for start and end events only: each comes with its element.
            events = cast("Iterator[tuple[str, ElementTree.Element]]", parser.read_events())
            for event, element in events:
                if event == "start":
                    paragraphs.start(element.tag)
                else:
                    paragraphs.end(element)
    parser.close()
    return paragraphs.lines, budget


def docx_text(data: bytes, source: str) -> str:
    """Return the text of a .docx file, or raise an InputError saying why not."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = sorted(n for n in archive.namelist() if _PARTS.fullmatch(n))
            if "word/document.xml" not in names:
                raise _corrupt(source)
            # The body first, then headers and footers.
            names.sort(key=lambda n: n != "word/document.xml")
            lines: list[str] = []
            budget = MAX_XML
            for name in names[:MAX_PARTS]:
                part, budget = _read_part(archive, name, budget, source)
                lines += part
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
        NotImplementedError,  # zipfile: a compression method it does not know
        RuntimeError,  # zipfile: an encrypted member
    ) as exc:
        raise _corrupt(source) from exc
    text = "\n".join(lines)
    if not text.strip():
        raise InputError(
            "the .docx has no text",
            path=source,
            fix="check that the résumé is not an image pasted into Word",
            kind="empty",
        )
    return text
