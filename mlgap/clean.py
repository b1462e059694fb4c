"""Repair the damage real résumé text carries, keeping one output line per input line.

Line numbers in evidence refer to the input's lines, so nothing here adds or removes a
line break: sections glued on one line stay on it, and clause boundaries are found later.
"""

from __future__ import annotations

import html
import re

# UTF-8 read as Windows-1252 or Latin-1 leaves these sequences; the usual suspects only,
# because a general repair belongs to the reader of raw bytes (issue 5).
_MOJIBAKE = {
    "â€¢": "•", "â€“": "–", "â€”": "—", "â€˜": "‘", "â€™": "’", "â€œ": "“", "â€\x9d": "”",
    "â€¦": "…", "Ã©": "é", "Ã¨": "è", "Ã¯": "ï", "Ã¶": "ö", "Ã¼": "ü", "Ã¤": "ä", "Ã±": "ñ",
    "Ã§": "ç", "Ã¡": "á", "Ã³": "ó", "Ãº": "ú", "Ã\xad": "í", "Â·": "·", "Â ": " ", "Â": "",
}  # fmt: skip
_MOJIBAKE_RE = re.compile("|".join(re.escape(k) for k in sorted(_MOJIBAKE, key=len, reverse=True)))
_LIGATURES = str.maketrans({
    "ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\t": " ", "’": "'", "‘": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-",
})  # fmt: skip
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,500})?/?>")
# Four or more single letters separated by single spaces: a letter-spaced heading
# ("T O O L S"), joined back into a word. Bounded repetition keeps this linear.
_SPACED_RE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_] ){3,60}[^\W\d_](?![^\W\d_])")

_SPACED_SHORT_RE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_] ){1,2}[^\W\d_](?![^\W\d_])")


def _unspace(match: re.Match[str]) -> str:
    return match.group().replace(" ", "")


def clean_line(line: str) -> str:
    """Return one line of résumé text with encoding damage and markup removed."""
    if "Ã" in line or "â€" in line or "Â" in line:
        line = _MOJIBAKE_RE.sub(lambda m: _MOJIBAKE[m.group()], line)
    line = line.translate(_LIGATURES)
    if "<" in line:
        line = _TAG_RE.sub(" ", line)
    if "&" in line:
        line = html.unescape(line)
    if " " in line and _SPACED_RE.search(line):
        # Once a line is letter-spaced, its short words are too ("C O N T A C T  M E").
        line = _SPACED_SHORT_RE.sub(_unspace, _SPACED_RE.sub(_unspace, line))
    return line.rstrip("\r")


def clean_text(text: str) -> str:
    """Return `text` cleaned line by line; the number of lines never changes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(clean_line(line) for line in text.split("\n"))
