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
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


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
