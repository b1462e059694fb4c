"""Decide from the words around a mention whether it counts: negation, wishes, context."""

from __future__ import annotations

import re

from mlgap.result import COUNTED, NEGATED, WISHED

# Every pattern here is a plain alternation of literals with bounded gaps, so the cost
# of a search is linear in the (short) window it runs on.
_BOUNDARY_RE = re.compile(
    r"[.;!?•|·▪►✓✔]\s|[;•|·▪►✓✔]|\n\s*\n|\b(?:but|however|although|whereas|while|except)\b",
    re.IGNORECASE,
)
_NEGATION_RE = re.compile(
    r"\b(?:no|zero|lacks?|lacking|without(?: any)?)\s+(?:\w+\s+){0,2}?"
    r"(?:experience|knowledge|exposure|background|familiarity|skills?)\b"
    r"|\bnot\s+(?:yet\s+|very\s+|really\s+)?(?:familiar|experienced|proficient|comfortable|"
    r"used|worked|skilled|knowledgeable|confident)\b"
    r"|\b(?:never|haven't|have not|hasn't|has not|didn't|did not|don't|do not)\s+"
    r"(?:\w+\s+)?(?:used|use|worked|work|touched|know|tried|had)\b"
    r"|\bunfamiliar\s+with\b|\bno\s+(?:hands-on|prior|practical|professional|real)\b",
    re.IGNORECASE,
)
_WISH_RE = re.compile(
    r"\b(?:would\s+(?:like|love)|wish(?:es)?|want(?:s|ed)?|hope|hoping|plan(?:s|ning)?|"
    r"aim(?:s|ing)?|intend(?:s|ing)?|eager|keen|looking|desire|aspir(?:e|ing))\s+to\s+"
    r"(?:\w+\s+){0,2}?(?:learn|study|master|develop|gain|explore|get|start|try|improve|pick)"
    r"|\b(?:currently|now|presently|am|i'm|im)\s+(?:learning|studying|taking|exploring)\b"
    r"|\binterested\s+in\s+(?:learning|studying)\b|\blearning\s+goals?\b|\bto\s+be\s+learned\b"
    r"|\bwish\s*list\b|\bfuture\s+(?:skills|learning)\b",
    re.IGNORECASE,
)
_AFTER_WISH_RE = re.compile(
    r"[\s,:-]{0,3}[(\[]?\s*(?:planned|in\s+progress|learning|to\s+learn|soon|wip|studying)\b",
    re.IGNORECASE,
)
_AFTER_WORDS_RE = re.compile(
    r"\b(?:planned|in\s+progress|learning|to\s+learn|soon|wip|studying)\b", re.IGNORECASE
)
_LINK_HINT_RE = re.compile(
    r"://|www\.|\.(?:com|org|io|net|ai|dev|me|co|ru|de|uk|il)\b", re.IGNORECASE
)
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]{1,500}"
    r"|\b[\w-]{1,60}(?:\.[\w-]{1,60}){0,4}\.(?:com|org|io|net|ai|dev|me|co|ru|de|uk|il)/[^\s<>\"]{0,500}"
    r"|\b(?:github|gitlab|bitbucket|kaggle|linkedin)\.(?:com|io|org)\b",
    re.IGNORECASE,
)
CUE_BEFORE = frozenset(
    {
        "in",
        "using",
        "with",
        "programming",
        "language",
        "languages",
        "skills",
        "of",
        "technologies",
        "tools",
        "stack",
    }
)
CUE_AFTER = frozenset(
    {
        "programming",
        "language",
        "studio",
        "shiny",
        "markdown",
        "packages",
        "package",
        "scripts",
        "script",
        "code",
        "libraries",
    }
)
TECH_CATEGORIES = frozenset({"languages", "libraries", "data", "visualization", "mlops"})


class Cues:
    """Where a document says no, wishes or plans; found once, asked about every mention."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.any_before = bool(_NEGATION_RE.search(text) or _WISH_RE.search(text))
        self.any_after = bool(_AFTER_WORDS_RE.search(text))

    def status(self, start: int, end: int) -> str:
        """Return whether the mention at text[start:end] counts, is negated or is wished for."""
        if not self.any_before and not self.any_after:
            return COUNTED
        return status_of(self.text, start, end)


def status_of(text: str, start: int, end: int) -> str:
    """Return whether the mention at text[start:end] counts, is negated or is wished for."""
    line_start = text.rfind("\n", 0, start) + 1
    window_start = max(line_start, start - 120)
    before = text[window_start:start]
    cut = 0
    for boundary in _BOUNDARY_RE.finditer(before):
        cut = boundary.end()
    before = before[cut:]
    if _NEGATION_RE.search(before):
        return NEGATED
    if _WISH_RE.search(before):
        return WISHED
    if _AFTER_WISH_RE.match(text, end, min(len(text), end + 30)):
        return WISHED
    return COUNTED


def url_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of links in `text`: what stands in a link is not a skill."""
    spans: list[tuple[int, int]] = []
    # Only the whitespace-delimited chunks around a link hint are tried: running the full
    # pattern at every word of a résumé costs more than all the rest of extraction.
    for hint in _LINK_HINT_RE.finditer(text):
        lo = max(text.rfind(" ", 0, hint.start()), text.rfind("\n", 0, hint.start())) + 1
        if spans and lo < spans[-1][1]:
            continue
        match = _URL_RE.search(text, lo, hint.end() + 500)
        if match and match.start() <= hint.start():
            spans.append(match.span())
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Return whether [start, end) lies within one of `spans`."""
    return any(s <= start and end <= e for s, e in spans)
