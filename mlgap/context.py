"""Decide from the words around a mention whether it counts: negation, wishes, context."""

from __future__ import annotations

import bisect
import re

from mlgap.result import COUNTED, NEGATED, WISHED

# Every pattern here is a plain alternation of literals with bounded gaps, so the cost
# of a search is linear in the (short) window it runs on.
_WINDOW, _AFTER_WINDOW = 120, 30
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
# A whole document is searched for cues only where a token that can begin one stands: a
# regex tried at every word of a résumé would cost as much as the rest of extraction.
_CUE_RE = re.compile(f"{_NEGATION_RE.pattern}|{_WISH_RE.pattern}")
_CUE_FIRST = frozenset(
    [
        "no",
        "zero",
        "lack",
        "lacks",
        "lacking",
        "without",
        "not",
        "never",
        "haven",
        "have",
        "hasn",
        "has",
        "didn",
        "did",
        "don",
        "do",
        "unfamiliar",
        "would",
        "wish",
        "wishes",
        "want",
        "wants",
        "wanted",
        "hope",
        "hoping",
        "plan",
        "plans",
        "planning",
        "aim",
        "aims",
        "aiming",
        "intend",
        "intends",
        "intending",
        "eager",
        "keen",
        "looking",
        "desire",
        "aspire",
        "aspiring",
        "currently",
        "now",
        "presently",
        "am",
        "i",
        "im",
        "interested",
        "learning",
        "to",
        "future",
        "planned",
        "in",
        "soon",
        "wip",
        "studying",
    ]
)
_AFTER_WORDS_RE = re.compile(r"(?:planned|in\s+progress|learning|to\s+learn|soon|wip|studying)\b")
_LINK_TOKENS = frozenset(
    [
        "http",
        "https",
        "www",
        "com",
        "org",
        "io",
        "net",
        "ai",
        "dev",
        "me",
        "co",
        "ru",
        "de",
        "uk",
        "il",
    ]
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

    def __init__(
        self, text: str, lower: str, toks: list[str], matches: list[re.Match[str]]
    ) -> None:
        self.text = text
        firsts = [matches[i].start() for i, t in enumerate(toks) if t in _CUE_FIRST]
        self.before = [m.end() for p in firsts if (m := _CUE_RE.match(lower, p))]
        self.after = [p for p in firsts if _AFTER_WORDS_RE.match(lower, p)]
        self.none = not self.before and not self.after

    def status(self, start: int, end: int) -> str:
        """Return whether the mention at text[start:end] counts, is negated or is wished for."""
        if self.none:
            return COUNTED
        i = bisect.bisect_right(self.before, start)
        j = bisect.bisect_left(self.after, end)
        if (i and start - self.before[i - 1] <= _WINDOW) or (
            j < len(self.after) and self.after[j] - end <= _AFTER_WINDOW
        ):
            return status_of(self.text, start, end)
        return COUNTED


def status_of(text: str, start: int, end: int) -> str:
    """Return whether the mention at text[start:end] counts, is negated or is wished for."""
    line_start = text.rfind("\n", 0, start) + 1
    window_start = max(line_start, start - _WINDOW)
    before = text[window_start:start]
    cut = 0
    for boundary in _BOUNDARY_RE.finditer(before):
        cut = boundary.end()
    before = before[cut:]
    if _NEGATION_RE.search(before):
        return NEGATED
    if _WISH_RE.search(before):
        return WISHED
    if _AFTER_WISH_RE.match(text, end, min(len(text), end + _AFTER_WINDOW)):
        return WISHED
    return COUNTED


def url_spans(lower: str, toks: list[str], matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    """Return the spans of links in a text, given its lower-cased form and tokens."""
    spans: list[tuple[int, int]] = []
    hints = [matches[i].start() for i, t in enumerate(toks) if t in _LINK_TOKENS]
    hints = [p for p in hints if lower[p - 1 : p] == "." or lower.startswith(("http", "www"), p)]
    # Only the chunks around a link's tell-tale token are tried: running the full pattern
    # at every word of a résumé costs more than all the rest of extraction.
    for hint in hints:
        lo = max(lower.rfind(" ", 0, hint), lower.rfind("\n", 0, hint)) + 1
        if spans and lo < spans[-1][1]:
            continue
        ends = [e for e in (lower.find(" ", hint), lower.find("\n", hint)) if e >= 0]
        match = _URL_RE.search(lower, lo, min(ends, default=len(lower)))
        if match and match.start() <= hint:
            spans.append(match.span())
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Return whether [start, end) lies within one of `spans`."""
    return any(s <= start and end <= e for s, e in spans)
