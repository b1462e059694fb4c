"""Judge each hit by the words around it and gather the evidence a person can check."""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field

from mlgap.catalog.model import DEGREES, Catalog
from mlgap.extract.clean import clean_text
from mlgap.extract.cues import CUE_AFTER, CUE_BEFORE, MARKERS, Cues
from mlgap.extract.history import work_history
from mlgap.extract.index import Index, build_index
from mlgap.extract.links import LINK_LABELS, is_contact_line, url_spans
from mlgap.extract.results import (
    COUNTED,
    UNFINISHED,
    Evidence,
    Experience,
    Extraction,
    Finding,
)
from mlgap.extract.scan import Hit, Scanner
from mlgap.lazy_pattern import Lazy
from mlgap.tokens import TOKEN_RE

# Each found skill keeps this many counted mentions as evidence (and counts the rest), and
# as many that do not count: a person needs a few lines to check, not every one of forty.
MAX_EVIDENCE = 2
MAX_TEXT = 1_000_000  # characters read of one document: some 250 pages, far beyond a résumé
_NEAR_BEFORE, _NEAR_AFTER = 80, 150
_SHORT, _SHORT_NEAR = 4, 50
_TECH_NEAR = 60  # how near a technology name vouches for an ambiguous one
_MAX_LINE = 2000  # a longer line is cut to this much around a mention for its excerpt
_NEWLINE_RE = re.compile("\n")
# A second degree joined to the first ("PhD, or a Master's ..."): the field follows it.
_OTHER_DEGREE = Lazy(
    r"[ \t]*[,(]?[ \t]*(?:or|and|/)[ \t]*(?:an?[ \t]+)?(?:master'?s?|bachelor'?s?|m\.?sc\.?|"
    r"b\.?sc\.?|ms|bs|ma|ba|ph\.?[ \t]?d\.?|doctorate)(?![\w])",
    re.IGNORECASE,
)
# Degree levels named by one word, whose field must be on their own line (or the one before,
# which a wrapped line continues): the next line is often the next entry.
_BARE_LEVELS = frozenset(
    ["master", "master's", "masters", "bachelor", "bachelor's", "bachelors", "magister"]
)
# A degree still being studied for (labeling.md: an unfinished degree does not count): said
# after it on its line ("B.Sc. Computer Science (expected 2029)", "MSc, 2025 - present"), or
# before it ("First-year student, B.Sc. ...", "pursuing a Master's").
_UNFINISHED_AFTER = Lazy(
    r"\b(?:expected|ongoing|in\s+progress|pursuing|anticipated|"
    r"(?:19|20)\d\d\s*[-–]\s*(?:present|now|current|today))\b",
    re.IGNORECASE,
)
_UNFINISHED_BEFORE = Lazy(
    r"\b(?:pursuing|currently\s+(?:studying|enrolled|pursuing)|enrolled\s+in|"
    r"studying\s+(?:for|towards)|(?:first|second|third|fourth|final)[-\s]year\s+student)\b",
    re.IGNORECASE,
)
_YEAR = Lazy(r"\b(?:19|20)\d\d\b")
# "B.Sc. student in Computer Science": the student of the degree, right after it.
_STUDENT = Lazy(r"\.?[^\n,;.]{0,30}?\bstudent\b", re.IGNORECASE)
_UNFINISHED_NEAR = 50  # a degree's own words: a flattened CV's next job follows it
_MAX_BLOCK = 1500  # characters of one job's or project's lines, at most
_BLANK_LINE = Lazy(r"\n[ \t]*\n")
# A degree's stated field ("B.A. in Economics"): compiled when a degree is first found.
_FIELD = Lazy(r"[ \t]*[.,]?[ \t]*(?:in|of)[ \t]+([^,;()\n]{1,80})", re.IGNORECASE)


@dataclass(slots=True)
class _Gathered:
    evidence: list[Evidence] = field(default_factory=list)
    counted: list[Hit] = field(default_factory=list)  # every counted mention, for `parts`
    kept: Hit | None = None  # the last mention taken, when its evidence is the last kept
    reach: int = -1  # the furthest end of a mention taken: hits come in order of start
    mentions: int = 0
    others: int = 0  # mentions that do not count (negated, wished...): as few are kept
    prose: bool = False  # a counted mention outside a CV's skills list

    def overlaps(self, hit: Hit, text: str, line_starts: list[int]) -> bool:
        """Return whether `hit` stands on words already taken ("presented results", then
        "presented results to stakeholders"): overlapping matches are one mention, and its
        evidence grows to the words of both ("Designed the ML" and "ML platform")."""
        if hit.start >= self.reach:
            return False
        if hit.end > self.reach and self.kept is not None:
            self.kept = self.kept._replace(end=hit.end)
            last = self.evidence[-1]
            self.evidence[-1] = _evidence(text, self.kept, last.status, line_starts, last.section)
            self.reach = hit.end
        return True


def readable_part(text: str) -> tuple[str, tuple[str, ...]]:
    """Return the part of `text` that is read (its first MAX_TEXT characters, cut at a line
    end) and the note that says so when it is not the whole."""
    if len(text) <= MAX_TEXT:
        return text, ()
    cut = text.rfind("\n", 0, MAX_TEXT) + 1 or MAX_TEXT
    note = (
        f"only the first {cut:,} of {len(text):,} characters were read "
        f"(line {text.count(chr(10), 0, cut) + 1} on are not assessed)"
    )
    return text[:cut], (note,)


class Extractor:
    """Extract skills from text with one catalog; build once, call many times."""

    def __init__(self, catalog: Catalog, index: Index | None = None) -> None:
        self.catalog = catalog
        self.index = index if index is not None else build_index(catalog)
        marking = (
            MARKERS
            | self.index.heading_firsts
            | self.index.history_words
            | self.index.benefit_firsts
        )
        self.scanner = Scanner(self.index, marking)
        self._tech = catalog.skills_where("technology")
        # Skills that are also degree subjects ("a PhD in Statistics or a related field").
        self._fields = catalog.skills_where("degree_subject")
        self._industries = catalog.skills_where("industry")
        # Skills one of whose names is also a profile site ("GitHub", "Kaggle").
        self._linkish = {
            t.skill for name in LINK_LABELS for t in self.index.phrases.get((name,), ())
        }
        # Skills shown by their parts in one block ("data -> model -> deployed").
        self._parts = [
            (s.id, s.parts, tuple(frozenset(group) for group in s.parts))
            for s in catalog.skills.values()
            if s.parts
        ]

    def extract(
        self,
        text: str,
        source: str = "<text>",
        as_of: datetime.date | None = None,
        job_ad: bool | None = None,
    ) -> Extraction:
        """Return the skills `text` shows; negated and wished-for mentions are kept, flagged;
        and a CV's dated work history, "present" meaning `as_of` (default: today). `job_ad`
        says whether the text is a job ad (None: judged from its wording).

        Only the first MAX_TEXT characters are read (a note says so): a résumé is a few
        pages, and a longer text must not hold a worker for long.
        """
        text, notes = readable_part(text)
        text = clean_text(text)
        lower = text.lower()
        if len(lower) != len(text):
            # A few characters grow when lower-cased ("İ"): keep them as they are, so that
            # every offset in the lower-cased text is an offset in the text too.
            lower = "".join(c if len(low := c.lower()) != 1 else low for c in text)
        toks, matches = self.scanner.tokens(text, lower)
        marks: list[tuple[str, int]] = []  # where a cue, an ad phrase or a link may begin
        hits = self.scanner.scan(text, lower, toks, matches, marks)
        cues = Cues(
            text,
            lower,
            marks,
            self.index.benefits,
            self.index.sections,
            self.index.resume_sections,
            (self.index.ad_firsts, self.index.resume_firsts),
            job_ad,
            self.index.benefit_firsts,
        )
        history = None
        lines = _Lines(text)
        if not cues.job_ad:
            history = work_history(
                text,
                lower,
                cues.resume,
                self.index.titles,
                lines.line_of,
                as_of or datetime.date.today(),
                marks,
            )
        if not hits:
            return Extraction(source, (), notes=notes, experience=history)
        links = url_spans(lower, marks)
        findings = self._findings(text, links, cues, hits, lines, history)
        sections: tuple[tuple[int, int, str], ...] = ()
        if cues.job_ad:
            sections = tuple(
                (lines.line_of(at), at - text.rfind("\n", 0, at), kind)
                for at, kind in cues.sections.headings()
            )
        return Extraction(source, findings, notes=notes, experience=history, ad_sections=sections)

    def _findings(
        self,
        text: str,
        links: list[tuple[int, int]],
        cues: Cues,
        hits: list[Hit],
        lines: _Lines,
        history: Experience | None = None,
    ) -> tuple[Finding, ...]:
        shown = _Shown(self, text, links, hits)
        gathered: dict[str, _Gathered] = {}
        # A phrase that does not count carries the words inside it along: in "Deep Learning
        # Specialization (in progress)", "Deep Learning" is wished for too.
        shadow_end, shadow_status = -1, COUNTED
        for hit in hits:
            if not shown.shows(hit):
                continue
            g = gathered.get(hit.target.skill)
            if g is None:
                g = gathered[hit.target.skill] = _Gathered()
            elif g.overlaps(hit, text, lines.starts):
                continue
            g.reach = max(g.reach, hit.end)
            g.kept = None
            if hit.end <= shadow_end:
                status = shadow_status
            elif cues.none and hit.target.skill not in DEGREES:
                status = COUNTED
            else:
                status = self._status(cues, hit)
                if status != COUNTED:
                    shadow_end, shadow_status = hit.end, status
            if status == COUNTED:
                g.mentions += 1
                g.counted.append(hit)
                g.prose = g.prose or cues.resume.at(hit.start) != "skills"
                if g.mentions > MAX_EVIDENCE:
                    continue
            else:
                g.others += 1
                if g.others > MAX_EVIDENCE:
                    continue
            section = cues.sections.at(hit.start) if cues.job_ad else None
            g.evidence.append(_evidence(text, hit, status, lines.starts, section))
            g.kept = hit
        if self._parts and not cues.job_ad:
            self._from_parts(text, gathered, cues, lines, history)
        skills = self.catalog.skills
        return tuple(
            Finding(
                skill,
                skills[skill].name,
                skills[skill].category,
                tuple(g.evidence),
                g.mentions,
                listed_only=g.mentions > 0 and not g.prose and not cues.job_ad,
            )
            for skill, g in sorted(gathered.items())
        )

    def _from_parts(
        self,
        text: str,
        gathered: dict[str, _Gathered],
        cues: Cues,
        lines: _Lines,
        history: Experience | None,
    ) -> None:
        """Add the skills shown by their parts in one block of a CV: a counted mention of a
        skill of each group within one job's or one project's lines."""
        blocks: _Blocks | None = None  # found for the first skill that needs them
        for skill, groups, sets in self._parts:
            if skill in gathered and gathered[skill].mentions:
                continue  # named outright
            if any(group.isdisjoint(gathered) for group in sets):
                continue  # a part is missing from the whole text: most CVs
            per_group = [
                [h for s in group if s in gathered for h in gathered[s].counted] for group in groups
            ]
            if not all(per_group):
                continue
            blocks = blocks or _Blocks(text, cues, lines, history)
            last = [h for h in per_group[-1] if blocks.fits(h.start)]
            for hit in last:
                block = blocks.of(hit.start)
                if all(any(blocks.of(h.start) == block for h in hs) for hs in per_group[:-1]):
                    g = gathered.setdefault(skill, _Gathered())
                    g.mentions += 1
                    g.prose = True
                    g.evidence.append(
                        _evidence(text, hit._replace(how="parts"), COUNTED, lines.starts, None)
                    )
                    break

    def _status(self, cues: Cues, hit: Hit) -> str:
        """Return whether a mention counts, judged by the words around it."""
        if hit.how == "heading":
            return COUNTED
        status = cues.status(hit.start, hit.end)
        if status == COUNTED and not cues.job_ad and hit.target.skill in DEGREES:
            return UNFINISHED if _unfinished(cues.text, hit.start, hit.end) else COUNTED
        if status == COUNTED and cues.job_ad:
            if hit.target.skill in self._fields:
                return cues.degree_field(hit.start, hit.end)
            if hit.target.skill in self._industries:
                return cues.industry(hit.start, hit.end)
        return status

    def _near(self, text: str, hit: Hit) -> bool:
        """Return whether a conditional alias (a bare degree) has its field beside it."""
        pattern = re.compile(self.index.near[hit.target.skill])
        if (stated := _in_stated_field(pattern, text, hit.end)) is not None:
            return stated  # "B.A. in Economics": the field is stated, and only it counts
        if other := _OTHER_DEGREE.get().match(text, hit.end, min(len(text), hit.end + 40)):
            # "PhD, or Master's and 3 years, in Computer Science": both degrees are asked in
            # the field named after the second (labeling.md); on the same line.
            if (stated := _in_stated_field(pattern, text, other.end())) is not None:
                return stated  # "PhD or MSc in Law"
            line_end = text.find("\n", other.end(), other.end() + _NEAR_AFTER)
            hi = other.end() + _NEAR_AFTER if line_end < 0 else line_end
            return pattern.search(text, other.end(), min(len(text), hi)) is not None
        if hit.end - hit.start <= _SHORT:
            # "BSC", "MS": abbreviations with other meanings need their field on their line.
            # Both searches are bounded by the window: a one-line document costs no more.
            lo = max(0, hit.start - _SHORT_NEAR)
            lo = max(text.rfind("\n", lo, hit.start) + 1, lo)
            line_end = text.find("\n", hit.end, hit.end + _SHORT_NEAR)
            hi = min(len(text), hit.end + _SHORT_NEAR if line_end < 0 else line_end)
        else:
            lo, hi = max(0, hit.start - _NEAR_BEFORE), min(len(text), hit.end + _NEAR_AFTER)
            if text[hit.start : hit.end].lower() in _BARE_LEVELS:
                # "Master's" alone names no field: one of its own line's, not the next
                # line's ("Master's" above "Machine learning engineer at Acme").
                line_end = text.find("\n", hit.end, hi)
                hi = hi if line_end < 0 else line_end
        return pattern.search(text, lo, hi) is not None


class _Shown:
    """Decides whether a hit names a skill at all, in time that does not grow with the text.

    Hits come in order of start, so the other meanings ("regression testing") that cover a
    hit are tracked as the furthest end reached per skill, and links and technology names
    are found by bisection: no hit rescans the others.
    """

    def __init__(
        self, extractor: Extractor, text: str, links: list[tuple[int, int]], hits: list[Hit]
    ) -> None:
        self.extractor = extractor
        self.text = text
        self.link_starts = [s for s, _ in links]
        self.links = links
        self.blocks = [h for h in hits if h.how == "block"]
        self.next_block = 0
        self.block_reach: dict[str, int] = {}
        tech = extractor._tech
        self.tech = [
            (h.start, h.end)
            for h in hits
            if h.how != "block" and not h.target.ambiguous and h.target.skill in tech
        ]
        self.tech_starts = [s for s, _ in self.tech]

    def shows(self, hit: Hit) -> bool:
        """Return whether `hit` names its skill (not a link, another meaning, a profile...)."""
        target, text = hit.target, self.text
        if hit.how == "block" or self._blocked(hit):
            return False
        if self.links and self._in_link(hit):
            return False
        if (
            target.skill in self.extractor._linkish
            and text[hit.start : hit.end].lower() in LINK_LABELS
            and is_contact_line(text, hit.start)
        ):
            return False
        if target.case_sensitive and text[hit.start : hit.end] != target.alias:
            return False  # "R" not "r"; "BE" not "be"
        if target.ambiguous and not self._ambiguous_ok(hit):
            return False
        if target.acronym and _title_case(text[hit.start : hit.end]):
            return False  # "Gan" in Ramat Gan, "Bert" the name: not GAN, not BERT
        return not (target.conditional and not self.extractor._near(text, hit))

    def _blocked(self, hit: Hit) -> bool:
        """Return whether another meaning of the same skill covers the hit."""
        blocks, reach = self.blocks, self.block_reach
        while self.next_block < len(blocks) and blocks[self.next_block].start <= hit.start:
            block = blocks[self.next_block]
            reach[block.target.skill] = max(reach.get(block.target.skill, -1), block.end)
            self.next_block += 1
        return reach.get(hit.target.skill, -1) >= hit.end

    def _in_link(self, hit: Hit) -> bool:
        i = bisect.bisect_right(self.link_starts, hit.start) - 1
        return i >= 0 and hit.end <= self.links[i][1]

    def _ambiguous_ok(self, hit: Hit) -> bool:
        """Accept an ambiguous short alias only as itself and among technologies."""
        text = self.text
        before = text[hit.start - 1] if hit.start else " "
        after = text[hit.end] if hit.end < len(text) else " "
        if before in "&'-" or after in "&'-":
            return False
        # A technology on the same line, starting within 60 characters, vouches for it.
        lo, hi = max(0, hit.start - _TECH_NEAR), min(len(text), hit.start + _TECH_NEAR)
        line_start = text.rfind("\n", lo, hit.start) + 1 or lo
        line_end = text.find("\n", hit.end, hi + _TECH_NEAR)
        line_end = hi + _TECH_NEAR if line_end < 0 else line_end
        i = bisect.bisect_left(self.tech_starts, max(line_start, hit.start - _TECH_NEAR + 1))
        while i < len(self.tech) and self.tech[i][0] < hit.start + _TECH_NEAR:
            s, e = self.tech[i]
            if line_start <= s and e <= line_end:
                return True
            i += 1
        prev_words = TOKEN_RE.findall(text[max(line_start, hit.start - 30) : hit.start].lower())
        next_words = TOKEN_RE.findall(text[hit.end : min(line_end, hit.end + 30)].lower())
        return bool(
            (prev_words and prev_words[-1] in CUE_BEFORE)
            or (next_words and next_words[0] in CUE_AFTER)
        )


class _Blocks:
    """The blocks of a CV a project is told in: runs of lines between blank lines, section
    headings and the lines a dated job starts on. A block longer than _MAX_BLOCK characters
    is no one project's lines (a document flattened to one line is one block of megabytes)."""

    def __init__(self, text: str, cues: Cues, lines: _Lines, history: Experience | None) -> None:
        cuts = {m.end() for m in _BLANK_LINE.get().finditer(text)}
        cuts.update(cues.resume.starts)
        if history is not None:
            starts = lines.starts
            cuts.update(starts[p.line - 1] for p in history.periods if p.line <= len(starts))
        self.cuts = sorted(cuts)
        self.size = len(text)

    def of(self, position: int) -> int:
        """Return the block a position lies in (its number)."""
        return bisect.bisect_right(self.cuts, position)

    def fits(self, position: int) -> bool:
        """Return whether the block of `position` is short enough to be one project's."""
        i = bisect.bisect_right(self.cuts, position)
        start = self.cuts[i - 1] if i else 0
        end = self.cuts[i] if i < len(self.cuts) else self.size
        return end - start <= _MAX_BLOCK


class _Lines:
    """Where each line of a text starts, found once and only when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] = []

    @property
    def starts(self) -> list[int]:
        """Return the offset each line starts at."""
        if not self._starts:
            self._starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(self.text)]
        return self._starts

    def line_of(self, offset: int) -> int:
        """Return the line number (from 1) of an offset."""
        return bisect.bisect_right(self.starts, offset)


def _in_stated_field(pattern: re.Pattern[str], text: str, at: int) -> bool | None:
    """Return whether the field a degree states at `at` ("in Economics") is one of `pattern`'s
    fields, or None when no field is stated there."""
    stated = _FIELD.get().match(text, at, min(len(text), at + 100))
    if stated is None:
        return None
    return pattern.search(text, stated.start(1), stated.end(1)) is not None


def _unfinished(text: str, start: int, end: int) -> bool:
    """Return whether the degree named at text[start:end] is still being studied for: an
    "expected", "ongoing" or "- present" of its own line, before another year ends its words
    ("B.Sc., 2012-2016 ... Engineer, 2016 - present" is a finished degree)."""
    line_end = text.find("\n", end, end + _UNFINISHED_NEAR)
    hi = min(len(text), end + _UNFINISHED_NEAR) if line_end < 0 else line_end
    if m := _UNFINISHED_AFTER.get().search(text, end, hi):
        year = _YEAR.get().search(text, end, m.start() + 1)
        if year is None or year.start() == m.start():
            return True
    if _STUDENT.get().match(text, end, hi):
        return True
    lo = max(0, start - _UNFINISHED_NEAR)
    lo = max(text.rfind("\n", lo, start) + 1, lo)
    return _UNFINISHED_BEFORE.get().search(text, lo, start) is not None


def _title_case(word: str) -> bool:
    """Return whether `word` is written as a name: a capital, then lower case only."""
    return word[:1].isupper() and word[1:].islower()


def _evidence(
    text: str, hit: Hit, status: str, line_starts: list[int], section: str | None
) -> Evidence:
    line_no = bisect.bisect_right(line_starts, hit.start)
    line_start = line_starts[line_no - 1]
    line_end = text.find("\n", hit.start, hit.start + _MAX_LINE)
    line_end = min(len(text), hit.start + _MAX_LINE) if line_end < 0 else line_end
    # A very long line (a document flattened to one) is cut around the mention: copying
    # all of it for every mention would make long documents quadratic.
    piece_start = max(line_start, hit.start - _MAX_LINE)
    column = hit.start - line_start
    return Evidence(
        text=text[hit.start : hit.end],
        how=hit.how,
        score=hit.score,
        status=status,
        line=line_no,
        column=column + 1,
        context=_excerpt(text[piece_start:line_end], hit.start - piece_start),
        section=section,
    )


def _excerpt(line: str, column: int, width: int = 120) -> str:
    """Return the line around `column`, trimmed to `width` characters."""
    line = line.strip()
    if len(line) <= width:
        return line
    start = max(0, min(column - width // 2, len(line) - width))
    return ("…" if start else "") + line[start : start + width].strip() + "…"
