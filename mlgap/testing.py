"""Small, valid PDF and .docx files made in code, for tests, fuzzing and demos.

Nothing here is used by mlgap itself; it lives in the package so that tests and the fuzzing
script build their fixtures at run time instead of shipping binary files.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape


def _pdf_string(text: str) -> str:
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(pages: list[list[str]]) -> bytes:
    """Return a PDF whose pages hold these lines of text (Latin-1 text, Helvetica)."""
    count = len(pages)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids ["
        + " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
        + f"] /Count {count} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        body = (
            "BT /F1 11 Tf 14 TL 50 780 Td "
            + " ".join(f"{_pdf_string(line)} Tj T*" for line in lines)
            + " ET"
            if lines
            else ""
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"
        )
        data = body.encode("latin-1")
        objects.append(f"<< /Length {len(data)} >>\nstream\n{body}\nendstream")
    return _pdf_file([obj.encode("latin-1") for obj in objects])


def make_docx(paragraphs: list[str], header: str = "") -> bytes:
    """Return a .docx whose body holds these paragraphs (and a header, if given)."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def part(root: str, texts: list[str]) -> str:
        body = "".join(
            f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>' for t in texts
        )
        return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {ns}>{body}</w:{root}>'

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(
            "word/document.xml",
            part("document", paragraphs)
            .replace(f"<w:document {ns}>", f"<w:document {ns}><w:body>")
            .replace("</w:document>", "</w:body></w:document>"),
        )
        if header:
            archive.writestr("word/header1.xml", part("hdr", [header]))
    return buffer.getvalue()


def make_pdf_stream_pages(content: bytes, pages: int, *, compress: bool = False) -> bytes:
    """Return a PDF of `pages` pages that all draw one shared content stream.

    Hostile-input fixtures: a small file whose pages together hold `pages` times `content`
    of drawing instructions, or (with `compress`) a stream that inflates far beyond its size.
    """
    import zlib

    data = zlib.compress(content, 9) if compress else content
    flate = " /Filter /FlateDecode" if compress else ""
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(data)}{flate} >>\nstream\n".encode() + data + b"\nendstream",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    ] * pages
    return _pdf_file(objects)


def _pdf_file(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def text_lines(lines: list[str]) -> bytes:
    """Return drawing instructions that show these lines of Latin-1 text, one under another."""
    body = " ".join(f"{_pdf_string(line)} Tj T*" for line in lines)
    return f"BT /F1 11 Tf 14 TL 50 780 Td {body} ET".encode("latin-1")


_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def make_docx_parts(parts: dict[str, bytes], *, claimed_sizes: int | None = None) -> bytes:
    """Return a .docx holding these XML parts as they are; optionally lying about sizes.

    With `claimed_sizes`, every member's recorded uncompressed size is rewritten to that
    number, as a zip bomb does to pass a size check.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        for name, xml in parts.items():
            archive.writestr(name, xml)
    data = buffer.getvalue()
    if claimed_sizes is None:
        return data
    return _claim_sizes(data, claimed_sizes)


def _claim_sizes(data: bytes, size: int) -> bytes:
    """Rewrite the uncompressed size of every member, in local and central headers."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = out.find(signature)
        while at >= 0:
            out[at + offset : at + offset + 4] = size.to_bytes(4, "little")
            at = out.find(signature, at + 4)
    return bytes(out)


def docx_body(inner: str) -> bytes:
    """Return word/document.xml with `inner` as the body's XML."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS}><w:body>{inner}'
        "</w:body></w:document>"
    ).encode()


def docx_nested(depth: int) -> bytes:
    """Return a .docx whose body nests `depth` paragraphs, with a skill at the bottom."""
    inner = "<w:p>" * depth + "<w:r><w:t>Python</w:t></w:r>" + "</w:p>" * depth
    return make_docx_parts({"word/document.xml": docx_body(inner)})


def docx_runs(runs: int) -> bytes:
    """Return a .docx of one paragraph made of `runs` runs of one word each."""
    inner = "<w:p>" + "<w:r><w:t>Python </w:t></w:r>" * runs + "</w:p>"
    return make_docx_parts({"word/document.xml": docx_body(inner)})


def docx_inflating(megabytes: int, *, parts: int = 1, claimed_sizes: int | None = None) -> bytes:
    """Return a .docx whose parts each inflate to about `megabytes` MB of XML."""
    filler = "<w:p><w:r><w:t>" + " " * (megabytes * 1024 * 1024) + "</w:t></w:r></w:p>"
    body = docx_body(filler)
    names = ["word/document.xml"] + [f"word/header{i}.xml" for i in range(1, parts)]
    return make_docx_parts(dict.fromkeys(names, body), claimed_sizes=claimed_sizes)
