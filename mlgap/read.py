"""Read a résumé from a path or standard input into text, or say clearly why not."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from mlgap.errors import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Document:
    """A résumé's text and where it came from."""

    source: str
    text: str


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
    if b"\x00" in data[:4096]:
        raise InputError(
            "looks like a binary file, not text",
            path=source,
            fix="give a plain-text résumé (.txt)",
            kind="binary",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_document(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the résumé at `path` ('-' for standard input)."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        source = "<stdin>"
    else:
        source = path
        file = Path(path)
        try:
            if file.is_dir():
                raise InputError(
                    "is a directory",
                    path=path,
                    fix="give a résumé file, or use `mlgap batch` for a folder",
                    kind="directory",
                )
            size = file.stat().st_size
            if size > max_bytes:
                raise InputError(
                    f"is {size:,} bytes, over the {max_bytes:,}-byte limit",
                    path=path,
                    fix="raise it with --max-size",
                    kind="too-large",
                )
            data = file.read_bytes()
        except FileNotFoundError as exc:
            raise InputError(
                "no such file", path=path, fix="check the path", kind="missing"
            ) from exc
        except PermissionError as exc:
            raise InputError(
                "permission denied", path=path, fix="make the file readable", kind="permission"
            ) from exc
        except OSError as exc:
            raise InputError(
                f"cannot be read: {exc.strerror}", path=path, kind="unreadable"
            ) from exc
    if len(data) > max_bytes:
        raise InputError(
            f"is over the {max_bytes:,}-byte limit",
            path=source,
            fix="raise it with --max-size",
            kind="too-large",
        )
    text = decode(data, source)
    if not text.strip():
        raise InputError(
            "is empty", path=source, fix="give a résumé with some text in it", kind="empty"
        )
    return Document(source, text)
