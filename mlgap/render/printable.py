"""Make text from a document safe to print for a person (no escape sequence reaches a terminal),
and cut it to a width.

A résumé may carry `ESC]0;...BEL` (sets the window title) or `ESC[2J` (clears the screen),
and bidirectional overrides that make a line read differently from what it holds. Every
such character is shown as a visible escape (`\\x1b`, `\\u202e`) in text and Markdown
reports and in messages; JSON stays faithful, escaping them its own way.
"""

from __future__ import annotations

_CONTROLS = [*range(0x00, 0x20), *range(0x7F, 0xA0)]
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
_ESCAPES = {c: f"\\x{c:02x}" for c in _CONTROLS if chr(c) not in "\n\t"}
_ESCAPES.update({c: f"\\u{c:04x}" for c in _BIDI})


def printable(text: str) -> str:
    """Return `text` with control and bidirectional characters shown as escapes.

    A file name that is not UTF-8 (its bytes kept as surrogates) shows them as `\udcff`,
    instead of failing when written to a terminal.
    """
    return text.translate(_ESCAPES).encode("utf-8", "backslashreplace").decode("utf-8")


def printable_line(text: str) -> str:
    """Return `text` for one line of output: line breaks are escaped too."""
    return printable(text).replace("\n", "\\n")


def fit(text: str, width: int) -> str:
    """Return `text` cut to `width` characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
