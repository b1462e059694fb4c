"""The sections of a document found by their headings. A job ad's: about the company, duties,
requirements, nice-to-have, benefits, equal-opportunity text, how to apply; a CV's:
interests, references, the rest.
The headings are catalog data (`settings.ad_sections`, `settings.resume_sections`) and count
on their own line, before a colon, or in capitals: documents flattened to one line keep their
headings that way ("WHAT YOU WILL DO ...", "Job benefits: ...").

What the employer offers, says of itself or of equal opportunity, and how to apply, is never a
requirement; the others are where a requirement and its tier come from.
"""

from __future__ import annotations

import bisect
import re

from mlgap.tokens import alias_key

# "job": a heading that opens an ad or its description ("Job description"), after which
# what is named is asked for again (a document may hold several ads, one after another).
SECTION_KINDS = (
    "job",
    "company",
    "duties",
    "requirements",
    "preferred",
    "benefits",
    "eeo",
    "apply",
)
NOT_ASKED = frozenset({"company", "benefits", "eeo", "apply"})


# A CV's sections: what one wishes for, the dated work history, what is never work, other
# people (referees), the rest.
RESUME_KINDS = ("interests", "work", "education", "projects", "skills", "references", "other")


def sections_pattern(
    headings: dict[str, tuple[str, ...]], kinds: tuple[str, ...] = SECTION_KINDS
) -> str | None:
    """Return the source of one pattern for every heading, each in a group named for its
    section (compiled where used: most documents never need one of the two kinds)."""
    groups = []
    for kind in kinds:
        phrases = sorted(headings.get(kind, ()), key=len, reverse=True)
        if phrases:
            # Words apart by spaces, hyphens or an apostrophe ("what you'll do": the
            # apostrophe splits "you'll" into two of the words a phrase is listed by).
            body = "|".join(r"[\s'-]+".join(map(re.escape, alias_key(p))) for p in phrases)
            groups.append(f"(?P<{kind}>{body})")
    if not groups:
        return None
    return rf"(?<![^\W_])(?:{'|'.join(groups)})(?![^\W_])"


class Sections:
    """Where each section of one document starts; asked which section a position is in."""

    def __init__(
        self, text: str, lower: str, pattern: re.Pattern[str] | None, places: list[int]
    ) -> None:
        """Find the headings of `pattern` that begin at one of `places` (the offsets of
        the words a heading may begin with, in order): one attempt at each, where a search
        of the whole text would try every character."""
        self.starts: list[int] = []
        self.kinds: list[str] = []
        if pattern is None:
            return
        reach = 0
        for place in places:
            if place < reach or not _may_head(text, place):
                continue  # inside the last heading ("company" in "About the company"), or prose
            if (match := pattern.match(lower, place)) is None:
                continue
            reach = match.end()
            if _is_heading(text, match.start(), match.end()) and match.lastgroup:
                self.starts.append(match.start())
                self.kinds.append(match.lastgroup)

    def headings(self) -> list[tuple[int, str]]:
        """Return (offset, kind) of every heading found, in order."""
        return list(zip(self.starts, self.kinds, strict=True))

    def end(self, position: int) -> int:
        """Return where the section `position` lies in ends: the next heading, or far away."""
        i = bisect.bisect_right(self.starts, position)
        return self.starts[i] if i < len(self.starts) else 1 << 62

    def at(self, position: int) -> str | None:
        """Return the section `position` lies in, or None before the first heading."""
        i = bisect.bisect_right(self.starts, position) - 1
        return self.kinds[i] if i >= 0 else None


def _may_head(text: str, at: int) -> bool:
    """Return whether a heading may begin at `at`: in capitals, first on its line, or with a
    colon close after. Most candidates are words of running prose, and this is cheaper than
    trying the pattern there."""
    if text[at : at + 1].isupper():  # capitals, or title case
        return True
    # A few characters back only: a flattened document is one line of megabytes.
    before = text[max(0, at - 8) : at]
    opens_line = at == 0 or ("\n" in before and not before.rsplit("\n", 1)[1].strip(" \t•-*#>"))
    return opens_line or ":" in text[at : at + 48]


def _is_heading(text: str, start: int, end: int) -> bool:
    """Return whether a heading phrase stands as one: before a colon, in capitals (the way
    flattened ads keep their headings), or alone on its line. Cheapest test first: most
    candidates are words in running prose."""
    after = text[end : end + 4].lstrip(" \t")
    phrase = text[start:end]
    if after.startswith(":") or (end - start > 3 and phrase.isupper()):
        return True
    # Flattened documents keep a heading of several words in title case ("Your Skills").
    words = phrase.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return True
    if after[:1] not in ("", "\n"):
        return False
    before = text[max(0, start - 8) : start]
    return start == 0 or ("\n" in before and not before.rsplit("\n", 1)[1].strip(" \t•-*#>"))
