"""Decode the bytes of a plain-text résumé, or say clearly why they are not text."""

from __future__ import annotations

from mlgap.errors import InputError

# Byte-order marks, longest first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode(data: bytes, source: str) -> str:
    """Decode résumé bytes: by their byte-order mark, else UTF-8, else Windows-1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {encoding[:6].upper()} text",
                    path=source,
                    fix="save the file as UTF-8 text",
                    kind="encoding",
                ) from exc
    if b"\x00" in data:  # anywhere: a text file has no NUL byte, a binary one soon does
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
