"""Judge each hit by the words around it and gather the evidence a person can check."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from mlgap.catalog.model import Catalog
from mlgap.extract.clean import clean_text
from mlgap.extract.cues import CUE_AFTER, CUE_BEFORE, Cues, markers
from mlgap.extract.index import Index, build_index
from mlgap.extract.links import LINK_LABELS, inside, is_contact_line, url_spans
from mlgap.extract.results import COUNTED, Evidence, Extraction, Finding
from mlgap.extract.scan import Hit, Scanner
from mlgap.tokens import TOKEN_RE

# Each found skill keeps this many counted mentions as evidence (and counts the rest):
# a person needs a few lines to check, not every one of forty.
MAX_EVIDENCE = 2
_NEAR_BEFORE, _NEAR_AFTER = 80, 150
_SHORT, _SHORT_NEAR = 4, 50
_NEWLINE_RE = re.compile("\n")
_FIELD_RE = re.compile(r"[ \t]*[.,]?[ \t]*(?:in|of)[ \t]+([^,;()\n]{1,80})", re.IGNORECASE)


@dataclass(slots=True)
class _Gathered:
    evidence: list[Evidence] = field(default_factory=list)
    reach: int = -1  # the furthest end of a mention taken: hits come in order of start
    mentions: int = 0


class Extractor:
    """Extract skills from text with one catalog; build once, call many times."""

    def __init__(self, catalog: Catalog, index: Index | None = None) -> None:
        self.catalog = catalog
        self.index = index if index is not None else build_index(catalog)
        self.scanner = Scanner(self.index)
        self._tech = catalog.skills_where("technology")
        # Skills that are also degree subjects ("a PhD in Statistics or a related field").
        self._fields = catalog.skills_where("degree_subject")
        # Skills one of whose names is also a profile site ("GitHub", "Kaggle").
        self._linkish = {
            t.skill for name in LINK_LABELS for t in self.index.phrases.get((name,), ())
        }

    def extract(self, text: str, source: str = "<text>") -> Extraction:
        """Return the skills `text` shows; negated and wished-for mentions are kept, flagged."""
        text = clean_text(text)
        lower = text.lower()
        if len(lower) != len(text):
            # A few characters grow when lower-cased ("İ"): keep them as they are, so that
            # every offset in the lower-cased text is an offset in the text too.
            lower = "".join(c if len(low := c.lower()) != 1 else low for c in text)
        toks, matches = self.scanner.tokens(text, lower)
        hits = self.scanner.scan(text, lower, toks, matches)
        if not hits:
            return Extraction(source, ())
        marks = markers(toks, matches)
        cues = Cues(text, lower, marks)
        links = url_spans(lower, marks)
        return Extraction(source, self._findings(text, links, cues, hits))

    def _findings(
        self, text: str, links: list[tuple[int, int]], cues: Cues, hits: list[Hit]
    ) -> tuple[Finding, ...]:
        blocks = [(h.start, h.end, h.target.skill) for h in hits if h.how == "block"]
        tech: list[tuple[int, int]] | None = None
        line_starts: list[int] | None = None
        gathered: dict[str, _Gathered] = {}
        # A phrase that does not count carries the words inside it along: in "Deep Learning
        # Specialization (in progress)", "Deep Learning" is wished for too.
        shadow_end, shadow_status = -1, COUNTED
        for hit in hits:
            target = hit.target
            if hit.how == "block":
                continue
            if blocks and any(
                s <= hit.start and hit.end <= e and k == target.skill for s, e, k in blocks
            ):
                continue
            if links and inside(links, hit.start, hit.end):
                continue
            if (
                target.skill in self._linkish
                and text[hit.start : hit.end].lower() in LINK_LABELS
                and is_contact_line(text, hit.start)
            ):
                continue
            if target.ambiguous:
                if tech is None:
                    tech = [
                        (h.start, h.end)
                        for h in hits
                        if h.how != "block"
                        and not h.target.ambiguous
                        and h.target.skill in self._tech
                    ]
                if not _ambiguous_ok(text, hit, tech):
                    continue
            if target.conditional and not self._near(text, hit):
                continue
            g = gathered.get(target.skill)
            if g is None:
                g = gathered[target.skill] = _Gathered()
            elif hit.end <= g.reach:
                continue  # the same words, already taken as a longer phrase
            g.reach = max(g.reach, hit.end)
            if hit.end <= shadow_end:
                status = shadow_status
            elif cues.none:
                status = COUNTED
            else:
                status = self._status(cues, hit)
                if status != COUNTED:
                    shadow_end, shadow_status = hit.end, status
            if status == COUNTED:
                g.mentions += 1
                if g.mentions > MAX_EVIDENCE:
                    continue
            if line_starts is None:
                line_starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]
            g.evidence.append(_evidence(text, hit, status, line_starts))
        skills = self.catalog.skills
        return tuple(
            Finding(
                skill, skills[skill].name, skills[skill].category, tuple(g.evidence), g.mentions
            )
            for skill, g in sorted(gathered.items())
        )

    def _status(self, cues: Cues, hit: Hit) -> str:
        """Return whether a mention counts, judged by the words around it."""
        if hit.how == "heading":
            return COUNTED
        status = cues.status(hit.start, hit.end)
        if status == COUNTED and cues.job_ad and hit.target.skill in self._fields:
            return cues.degree_field(hit.start, hit.end)
        return status

    def _near(self, text: str, hit: Hit) -> bool:
        """Return whether a conditional alias (a bare degree) has its field beside it."""
        pattern = self.index.near[hit.target.skill]
        stated = _FIELD_RE.match(text, hit.end, min(len(text), hit.end + 100))
        if stated:  # "B.A. in Economics": the field is stated, and only it counts
            return pattern.search(text, stated.start(1), stated.end(1)) is not None
        if hit.end - hit.start <= _SHORT:
            # "BSC", "MS": abbreviations with other meanings need their field on their line.
            lo = max(text.rfind("\n", 0, hit.start) + 1, hit.start - _SHORT_NEAR)
            line_end = text.find("\n", hit.end)
            hi = min(len(text) if line_end < 0 else line_end, hit.end + _SHORT_NEAR)
        else:
            lo, hi = max(0, hit.start - _NEAR_BEFORE), min(len(text), hit.end + _NEAR_AFTER)
        return pattern.search(text, lo, hi) is not None


def _evidence(text: str, hit: Hit, status: str, line_starts: list[int]) -> Evidence:
    line_no = bisect.bisect_right(line_starts, hit.start)
    line_start = line_starts[line_no - 1]
    line_end = text.find("\n", hit.start)
    line_text = text[line_start : len(text) if line_end < 0 else line_end]
    column = hit.start - line_start
    return Evidence(
        text=text[hit.start : hit.end],
        how=hit.how,
        score=hit.score,
        status=status,
        line=line_no,
        column=column + 1,
        context=_excerpt(line_text, column),
    )


def _ambiguous_ok(text: str, hit: Hit, tech: list[tuple[int, int]]) -> bool:
    """Accept an ambiguous short alias only as itself and among technologies."""
    target = hit.target
    if target.case_sensitive and text[hit.start : hit.end] != target.alias:
        return False
    before = text[hit.start - 1] if hit.start else " "
    after = text[hit.end] if hit.end < len(text) else " "
    if before in "&'-" or after in "&'-":
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line_end = len(text) if line_end < 0 else line_end
    if any(line_start <= s and e <= line_end and abs(s - hit.start) < 60 for s, e in tech):
        return True
    prev_words = TOKEN_RE.findall(text[max(line_start, hit.start - 30) : hit.start].lower())
    next_words = TOKEN_RE.findall(text[hit.end : min(line_end, hit.end + 30)].lower())
    return bool(
        (prev_words and prev_words[-1] in CUE_BEFORE) or (next_words and next_words[0] in CUE_AFTER)
    )


def _excerpt(line: str, column: int, width: int = 120) -> str:
    """Return the line around `column`, trimmed to `width` characters."""
    line = line.strip()
    if len(line) <= width:
        return line
    start = max(0, min(column - width // 2, len(line) - width))
    return ("…" if start else "") + line[start : start + width].strip() + "…"
