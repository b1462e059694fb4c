"""Links and contact lines: where a skill's name is a profile site, not a skill (rule 7)."""

from __future__ import annotations

import re

from mlgap.tokens import TOKEN_RE

# Tokens a link is told by: a top-level domain after a dot, or a scheme.
_LINK_REACH = 600  # longer than any link the pattern below takes before its hint
_CONTACT_LINE = 300  # a line of profile links is shorter than this
LINK_TOKENS = frozenset("http https www com org io net ai dev me co ru de uk il".split())
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]{1,500}"
    r"|\b[\w-]{1,60}(?:\.[\w-]{1,60}){0,4}\.(?:com|org|io|net|ai|dev|me|co|ru|de|uk|il)/[^\s<>\"]{0,500}"
    r"|\b(?:github|gitlab|bitbucket|kaggle|linkedin)\.(?:com|io|org)\b",
    re.IGNORECASE,
)


def url_spans(lower: str, marks: list[tuple[str, int]]) -> list[tuple[int, int]]:
    """Return the spans of links in a text, given its lower-cased form and markers."""
    spans: list[tuple[int, int]] = []
    hints = [
        p
        for t, p in marks
        if t in LINK_TOKENS and (lower[p - 1 : p] == "." or lower.startswith(("http", "www"), p))
    ]
    # Only the chunks around a link's tell-tale token are tried: running the full pattern
    # at every word of a résumé costs more than all the rest of extraction.
    # Each search is bounded by the longest link the pattern takes, so that a text of one
    # endless word costs no more per hint.
    for hint in hints:
        floor = max(0, hint - _LINK_REACH)
        lo = max(lower.rfind(" ", floor, hint), lower.rfind("\n", floor, hint)) + 1 or floor
        if spans and lo < spans[-1][1]:
            continue
        ceiling = min(len(lower), hint + 2 * _LINK_REACH)
        ends = [
            e for e in (lower.find(" ", hint, ceiling), lower.find("\n", hint, ceiling)) if e >= 0
        ]
        match = _URL_RE.search(lower, lo, min(ends, default=ceiling))
        if match and match.start() <= hint and not _names_the_site(lower, match):
            spans.append(match.span())
    return spans


def _names_the_site(lower: str, match: re.Match[str]) -> bool:
    """Return whether a bare site ("kaggle.com": no scheme, no path) is named in a sentence
    that goes on ("Kaggle.com competitions"), not given as a link."""
    found = match.group()
    if "/" in found or found.startswith("www"):
        return False
    if lower[match.end() : match.end() + 1] not in (" ", "\t"):
        return False
    word = TOKEN_RE.match(lower, match.end() + 1)
    # The next word is a word of the sentence: not another link, nor a contact label.
    return bool(
        word
        and word.group()[0].isalpha()
        and word.group() not in _CONTACT_WORDS
        and lower[word.end() : word.end() + 1] != "."
    )


# Sites that are both a skill's name and a contact link. A line of nothing but such links
# ("LinkedIn | GitHub | Kaggle") labels the person's profiles: it shows no skill (rule 7).
LINK_LABELS = frozenset("github gitlab bitbucket kaggle".split())
_CONTACT_WORDS = LINK_LABELS | frozenset(
    "linkedin twitter telegram email e mail phone tel mobile website web site portfolio blog "
    "medium stackoverflow stack overflow skype whatsapp behance dribbble leetcode hackerrank "
    "orcid scholar google researchgate homepage profile profiles links link contacts contact "
    "me x facebook instagram youtube cv resume and".split()
)


def is_contact_line(text: str, start: int) -> bool:
    """Return whether the line around `start` holds nothing but contact and profile links."""
    # A contact line is short: a longer one is not one, and is not searched to its ends.
    line_start = text.rfind("\n", max(0, start - _CONTACT_LINE), start) + 1
    line_end = text.find("\n", start, start + _CONTACT_LINE)
    if (line_start == 0 and start >= _CONTACT_LINE) or (
        line_end < 0 and len(text) - start > _CONTACT_LINE
    ):
        return False
    line = text[line_start : len(text) if line_end < 0 else line_end].lower()
    return set(TOKEN_RE.findall(line)) <= _CONTACT_WORDS
