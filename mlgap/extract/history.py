"""A CV's dated work history: its periods, total and ML/data years, and seniority titles.

Read from the date ranges under a work heading ("2019 – present", "Jan 2020 – Mar 2022",
"03/2018–06/2021", "2016–2019", a year alone on a job's line). When a CV has no work
heading, from every range outside its education and projects sections whose line is not
about a degree. Overlapping periods are merged, so two jobs at once count once.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from mlgap.catalog.model import SENIORITIES
from mlgap.extract.results import Experience, Period, TitleSignal
from mlgap.extract.sections import Sections
from mlgap.lazy_pattern import Lazy
from mlgap.tokens import alias_key

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# One date: "jan 2020", "03/2018", "2016". Bounded alternatives only: no nested repeats.
_DATE = (
    rf"(?:(?P<{{p}}m>{_MONTH})\s{{{{1,3}}}}|(?P<{{p}}n>0?[1-9]|1[0-2])\s?[/.]\s?)?"
    r"(?P<{p}y>(?:19|20)\d\d)"
)
_OPEN = r"present|current|now|today|date|ongoing"
_RANGE_RE = re.compile(
    rf"(?<![\w/.])(?:{_DATE.format(p='a')})\s{{0,3}}(?:-|–|—|to|until|till)\s{{0,3}}"
    rf"(?:(?P<open>{_OPEN})|{_DATE.format(p='b')})(?![\w/])"
)
# The words the scanner notes on its one pass over a text's tokens (`words()`): years, and
# what makes a period ML or data work (its title or bullets say so). Searching a text for
# them with patterns would cost more than all the rest of extraction.
YEARS = frozenset(str(year) for year in range(1950, 2050))
# How far a range reaches around its first year: "september 2019 - december 2021".
_BEFORE_YEAR, _AFTER_YEAR = 16, 40
_RANGE_STARTS = ("-", "–", "—", "to", "until", "till")
_ML_WORDS = frozenset(
    "ml ai mlops nlp analytics statistician statisticians quant quantitative model models".split()
)
_ML_PHRASES = {
    "machine": ("machine learning",),
    "artificial": ("artificial intelligence",),
    "deep": ("deep learning",),
    "data": ("data scien", "data engineer", "data analy", "data mining"),
    "computer": ("computer vision",),
    "research": ("research scien",),
}
# A line about a degree is education even outside an education heading (compiled when a
# CV's dates first stand outside any heading).
_EDUCATION = Lazy(
    r"\b(?:university|college|school|institute|bachelor\w*|master\w*|ph\.?\s?d|b\.?\s?sc"
    r"|m\.?\s?sc|degree|diploma|graduated|thesis|coursework|gpa)\b"
)
_NOT_WORK = frozenset({"education", "projects", "interests", "references"})
_TITLE_LINE = 80  # a title line is short; a longer line above the dates is a bullet
_BULLETS = "-–•*·▪►✓✔>"
_AROUND = 200  # how far from its dates a job's title is looked for (flattened CVs: one line)
_BLOCK = 600  # characters after a date that can still be that job's bullets
MAX_PERIODS = 60  # a CV lists a few jobs; past this, the text is not a work history


def words(titles: tuple[tuple[str, tuple[str, ...]], ...]) -> frozenset[str]:
    """Return the tokens work_history needs the places of: years, ML words, title words."""
    firsts = {alias_key(w)[0] for _, phrases in titles for w in phrases if alias_key(w)}
    return YEARS | _ML_WORDS | frozenset(_ML_PHRASES) | frozenset(firsts)


@dataclass(frozen=True, slots=True)
class Titles:
    """The seniority words of work titles: one pattern, and the words it may begin with."""

    pattern: re.Pattern[str]
    firsts: frozenset[str]


def title_pattern(titles: tuple[tuple[str, tuple[str, ...]], ...]) -> Titles | None:
    """Return one pattern for every seniority word, each in a group named for its seniority."""
    groups = []
    for seniority in SENIORITIES:
        words = sorted(dict(titles).get(seniority, ()), key=len, reverse=True)
        if words:
            body = "|".join(r"\s+".join(map(re.escape, w.lower().split())) for w in words)
            groups.append(f"(?P<{seniority}>{body})")
    if not groups:
        return None
    firsts = frozenset(alias_key(w)[0] for _, phrases in titles for w in phrases if alias_key(w))
    return Titles(re.compile(rf"\b(?:{'|'.join(groups)})\b"), firsts)


class _Dated(NamedTuple):
    """One dated period as found: its months, and where its dates stand in the text."""

    first: int  # months since year 0
    last: int
    at: int  # offset of the dates
    stop: int  # offset just past them


def work_history(
    text: str,
    lower: str,
    sections: Sections,
    titles: Titles | None,
    line_of: Callable[[int], int],
    as_of: datetime.date,
    marks: list[tuple[str, int]],
) -> Experience | None:
    """Return the work history of a CV (None when it dates no work); `marks`: (token,
    offset) of every token of `words()`, in order."""
    years = [p for t, p in marks if t in YEARS]
    if not years:
        return None
    ml_at, title_at = [], []
    for t, p in marks:  # one pass: marks hold the cue and heading words too
        if t in _ML_WORDS or (t in _ML_PHRASES and lower.startswith(_ML_PHRASES[t], p)):
            ml_at.append(p)
        elif titles is not None and t in titles.firsts:
            title_at.append(p)
    has_work = "work" in sections.kinds
    now = as_of.year * 12 + as_of.month - 1
    found: list[_Dated] = []
    for m in _ranges(lower, years):
        where = sections.at(m.start())
        if (where != "work") if has_work else (where in _NOT_WORK or _on_degree_line(lower, m)):
            continue
        start = _month(m, "a", first=True)
        end = now if m.group("open") else _month(m, "b", first=False)
        end = min(end, now)
        if start <= end <= start + 50 * 12:
            found.append(_Dated(start, end, m.start(), m.end()))
        if len(found) > MAX_PERIODS:
            return None
    if has_work:
        found.extend(_lone_years(lower, years, sections, found, now))
        found.sort(key=lambda f: f.at)
    if not found:
        return None
    periods = []
    signals: dict[int, TitleSignal] = {}
    for k, (start, end, offset, stop) in enumerate(found):
        # Its title: the line above too, unless that line holds the job before.
        title_start = _title_start(lower, offset)
        line_start = max(title_start, found[k - 1].stop if k else 0)
        next_offset = found[k + 1].at if k + 1 < len(found) else len(lower)
        # A job's bullets run to the next job's dates, the next heading, or _BLOCK at most.
        block_end = min(next_offset, stop + _BLOCK, sections.end(offset))
        line_end = lower.find("\n", stop)
        # The line the dates stand on, within _AROUND of them: a flattened CV is one line.
        lo = max(lower.rfind("\n", 0, offset) + 1, offset - _AROUND)
        title = text[lo : min(line_end % (len(lower) + 1), stop + _AROUND)]
        words = _title_words(
            lower, max(title_start, offset - _AROUND), stop, titles, line_of, title_at
        )
        signals.update((t.line, t) for t in words)
        seniority = max((t.seniority for t in words), key=SENIORITIES.index, default="mid")
        periods.append(
            Period(
                start=_iso(start),
                end=_iso(end),
                months=end - start + 1,
                ml=_any_between(ml_at, line_start, block_end),
                line=line_of(offset),
                text=" ".join(title.split())[:160],
                seniority=seniority,
            )
        )
    # An internship is not professional work: it counts in neither total.
    paid = [(f, p) for f, p in zip(found, periods, strict=True) if p.seniority != "intern"]
    return Experience(
        as_of=as_of.isoformat()[:7],
        years=_years([f for f, _ in paid]),
        ml_years=_years([f for f, p in paid if p.ml]),
        periods=tuple(periods),
        titles=tuple(signals[k] for k in sorted(signals)),
    )


def _any_between(places: list[int], start: int, end: int) -> bool:
    """Return whether any of the sorted `places` lies in [start, end)."""
    i = bisect.bisect_left(places, start)
    return i < len(places) and places[i] < end


def _ranges(lower: str, years: list[int]) -> list[re.Match[str]]:
    """Return the date ranges of `lower`, tried only around its years: a search of every
    character for a month or a number would cost more than all the rest of extraction."""
    found: list[re.Match[str]] = []
    reach = 0
    for year in years:
        if year < reach:
            continue  # the second date of the range just found
        if not lower[year + 4 : year + 12].lstrip(" .").startswith(_RANGE_STARTS):
            continue  # no "-", "to" right after it: not the first date of a range
        lo = max(reach, year - _BEFORE_YEAR)
        m = _RANGE_RE.search(lower, lo, min(len(lower), year + 4 + _AFTER_YEAR))
        if m is not None and m.start() <= year < m.end():
            found.append(m)
            reach = m.end()
    return found


def _title_start(lower: str, offset: int) -> int:
    """Return where the title of the job dated at `offset` begins: its own line, or the line
    above when that is a short title line, not a bullet."""
    start = lower.rfind("\n", 0, offset) + 1
    before = lower.rfind("\n", max(0, start - 1 - 2 * _TITLE_LINE), max(0, start - 1)) + 1
    if before == 0 and start > 2 * _TITLE_LINE:
        return start  # the line above is long: a bullet or prose, not a title
    above = lower[before : max(before, start - 1)].strip()
    if above and len(above) <= _TITLE_LINE and above[0] not in _BULLETS:
        return before
    return start


def _on_degree_line(lower: str, m: re.Match[str]) -> bool:
    start = max(lower.rfind("\n", 0, m.start()) + 1, m.start() - _AROUND)
    end = min(lower.find("\n", m.end()) % (len(lower) + 1), m.end() + _AROUND)
    return bool(_EDUCATION.get().search(lower, start, end))


def _lone_years(
    lower: str,
    years: list[int],
    sections: Sections,
    found: list[_Dated],
    now: int,
) -> list[_Dated]:
    """Return a year standing alone on a work line, no range there: a job of that year."""
    taken = sorted((f.at, f.stop) for f in found)
    starts = [a for a, _ in taken]
    lone: list[_Dated] = []
    line_start, line_end = -1, -1  # the line of the last year looked at: each found once
    for at in years:
        if lower[at - 1 : at] in ("/", ".") or sections.at(at) != "work":
            continue  # "03/2019" without a range, "v.2019": not a job's year
        if len(lone) > MAX_PERIODS:
            break  # not a work history: the caller gives up on it
        if not line_start <= at < line_end:
            line_start = lower.rfind("\n", 0, at) + 1
            line_end = lower.find("\n", at + 4) % (len(lower) + 1)
        k = bisect.bisect_left(starts, line_end) - 1  # the last range starting before the end
        if k >= 0 and taken[k][1] > line_start:
            continue  # the line has a range: this year is part or a detail of that job
        start = int(lower[at : at + 4]) * 12
        if start <= now:
            lone.append(_Dated(start, min(start + 11, now), at, at + 4))
    return lone[:MAX_PERIODS]


def _month(m: re.Match[str], p: str, first: bool) -> int:
    """Return a date as months since year 0; a year alone is its January or December."""
    year = int(m.group(f"{p}y"))
    if (name := m.group(f"{p}m")) is not None:
        month = _MONTHS[name[:3]]
    elif (number := m.group(f"{p}n")) is not None:
        month = int(number)
    else:
        month = 1 if first else 12
    return year * 12 + month - 1


def _iso(months: int) -> str:
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def _years(found: list[_Dated]) -> float:
    """Return the years the periods cover, overlaps counted once, to one decimal."""
    total, reach = 0, -1
    for start, end, _, _ in sorted(found):
        if end > reach:
            total += end - max(start, reach + 1) + 1
            reach = end
    return round(total / 12, 1)


def _title_words(
    lower: str,
    start: int,
    stop: int,
    titles: Titles | None,
    line_of: Callable[[int], int],
    title_at: list[int],
) -> list[TitleSignal]:
    """Return the seniority words of one period's title, from `start` (see _title_start) to
    the end of the line its dates end on (`title_at`: where a title word may begin)."""
    if titles is None:
        return []
    end = min(lower.find("\n", stop) % (len(lower) + 1), stop + _AROUND)
    out = []
    reach = start
    for at in title_at[bisect.bisect_left(title_at, start) : bisect.bisect_left(title_at, end)]:
        if at >= reach and (m := titles.pattern.match(lower, at)) and m.lastgroup:
            out.append(TitleSignal(m.lastgroup, m.group(), line_of(at)))
            reach = m.end()
    return out
