"""Repair the damage real résumé text carries, keeping one output line per input line.

Line numbers in evidence refer to the input's lines, so nothing here adds or removes a
line break: sections glued on one line stay on it, and clause boundaries are found later.
"""

from __future__ import annotations

import re

from mlgap.lazy_pattern import Lazy

# The patterns only some texts need are compiled when first used (`Lazy`): most texts need
# none of them, and a start pays for none.

# UTF-8 decoded as Windows-1252 or Latin-1 ("NaÃ¯ve", "â€¢"): a lead byte's character
# followed by a continuation byte's. Only lines showing it are handed to ftfy.
_MOJIBAKE_LEADS = "\u00c2\u00c3\u00d0\u00d1\u00e2"  # a substring test each: faster than the regex
_MOJIBAKE = Lazy(
    "[\u00c2-\u00c3\u00d0-\u00d1\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
    "\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]"
)
_LIGATURES = {
    "ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\t": " ", "’": "'", "‘": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-",
}  # fmt: skip
_SPECIAL = Lazy("[" + "".join(_LIGATURES) + "]")
_ENTITY = Lazy(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")
_TAG = Lazy(r"</?[A-Za-z][A-Za-z0-9]*(?:[ \t][^<>\n]{0,500})?/?>")
# Four or more single letters separated by single spaces: a letter-spaced heading
# ("T O O L S"), joined back into a word. Bounded repetition keeps this linear.
_SPACED_RE = re.compile(r"(?<![^\W\d_])(?<!')(?:[^\W\d_] ){3,60}[^\W\d_](?![^\W\d_])")

# Any run of four spaced letters has two inner letters with a space on each side; a pattern
# that starts with a literal space is searched much faster than one that starts with a letter.
_SPACED_HINT_RE = re.compile(r" [^\W\d_] [^\W\d_] ")
_SPACED_SHORT_RE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_] ){1,2}[^\W\d_](?![^\W\d_])")


# A PDF whose font spacing split each word's first letter off ("J ava, S pring, R edHat"):
# a lone capital (not "A" or "I", which are words) before the rest of a word. A line with
# _KERNED_MIN of them, one word in _KERNED_SHARE at least, is such a line, and its words are
# joined back; elsewhere "R and C" is two names (and a CV flattened to one line is not
# letter-split for holding a few of them).
_KERNED = Lazy(
    r"(?<![\w'])([B-HJ-Z]) (?!(?:and|or|for|to|in|on|with|is|are|the|of|at|as|by|from|was|"
    r"were|be|has|have|had|it|its|an|but|not|then|than|so|if|via|vs|language|programming|"
    r"scripts?|code|studio|developers?)\b)([a-z]{2,})"
)
# On such a line, lower-case words split the same way ("d egree", "o f"); "a" is a word.
_KERNED_LOWER = Lazy(r"(?<![\w'])([b-hj-z]) ([a-z]+)")
_KERNED_MIN, _KERNED_SHARE = 3, 8
# Searched first, as _SPACED_HINT_RE is: a pattern that starts with a literal space is
# searched many times faster than one that starts with a look-behind.
_KERNED_HINT = re.compile(r" [B-HJ-Z] [a-z]")


# "C ++", "C #", "F #": a language name whose suffix a converter split off. Joined back
# only after a lone capital C or F, so "section #3" or "A ++" stay as they are.
_SPLIT_SUFFIX = Lazy(r"(?<![\w+#])([CF]) (\+\+|#)(?![\w+#])")


def _fix_mojibake(line: str) -> str:
    import ftfy  # ftfy takes 60 ms to import: only text that needs it pays for it

    return str(ftfy.fix_encoding(line)).replace("\n", " ")


def _unspace(match: re.Match[str]) -> str:
    return match.group().replace(" ", "")


def _unspace_line(line: str) -> str:
    if _SPACED_HINT_RE.search(line) and _SPACED_RE.search(line):
        # Once a line is letter-spaced, its short words are too ("C O N T A C T  M E").
        return _SPACED_SHORT_RE.sub(_unspace, _SPACED_RE.sub(_unspace, line))
    return line


def _unkern_line(line: str) -> str:
    if len(_KERNED_HINT.findall(line)) < _KERNED_MIN - 1:
        return line  # the hint misses only a split at the line's start: most lines
    kerned = _KERNED.get()
    found = len(kerned.findall(line))
    if found < _KERNED_MIN or found * _KERNED_SHARE < line.count(" ") + 1:
        return line
    return _KERNED_LOWER.get().sub(r"\1\2", kerned.sub(r"\1\2", line))


def clean_text(text: str) -> str:
    """Return `text` cleaned; the number of lines never changes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Whole-text passes where they cannot move a line break; the rest only on the lines
    # that need it, since most résumés need none of it.
    if any(lead in text for lead in _MOJIBAKE_LEADS):
        mojibake = _MOJIBAKE.get()
        if mojibake.search(text):
            text = "\n".join(
                _fix_mojibake(line) if mojibake.search(line) else line for line in text.split("\n")
            )
    # Of the special characters only the tab is ASCII, and most texts are ASCII throughout.
    special = {"\t"} if text.isascii() else set(_SPECIAL.get().findall(text))
    for char in special:  # replacing the few characters present beats a translate() of all
        text = text.replace(char, _LIGATURES[char])
    if "<" in text:
        text = _TAG.get().sub(" ", text)
    if "&" in text and _ENTITY.get().search(text):
        import html  # here, not above: few texts have entities, and every start would pay

        # An entity may stand for a line break (&#10;): it becomes a space, not a new line.
        text = "\n".join(
            html.unescape(line).replace("\n", " ") if "&" in line else line
            for line in text.split("\n")
        )
    if _SPACED_HINT_RE.search(text) and _SPACED_RE.search(text):
        text = "\n".join(_unspace_line(line) for line in text.split("\n"))
    if len(_KERNED_HINT.findall(text)) >= _KERNED_MIN - 1:
        text = "\n".join(_unkern_line(line) if " " in line else line for line in text.split("\n"))
    if "C ++" in text or "C #" in text or "F #" in text:
        text = _SPLIT_SUFFIX.get().sub(r"\1\2", text)
    return text
