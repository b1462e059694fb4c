"""What a résumé is assessed against: a catalog role, a role file, or a job ad made a role.

A job ad's requirements are the catalog skills it asks for, each with a tier from where it
sits (its requirements → core, its duties → important, nice-to-have → bonus), "X or Y" kept
as one requirement, and the ad line it came from. What the company says of itself, its
benefits and its equal-opportunity text are never requirements (extraction leaves them out).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from mlgap.assess.results import Ask, Target
from mlgap.catalog.model import DEGREES, Catalog, Requirement, Role
from mlgap.extract.results import COUNTED, Evidence, Extraction
from mlgap.extract.sections import NOT_ASKED

_TIER_OF_SECTION = {
    "requirements": "core",
    "duties": "important",
    "job": "important",
    "preferred": "bonus",
}
_ASKING = frozenset(_TIER_OF_SECTION)
_NEAR = 80  # how far back a tier word ("nice to have", "must") reaches to a mention
_AFTER = 30  # and how far forward ("Python is a plus")
# Words of a sentence that make what it names welcome rather than required, or required.
_BONUS_RE = re.compile(
    r"\b(?:nice to have|a plus|is a plus|are a plus|plus\b|preferred|preferably|bonus|ideally"
    r"|desirable|desired|an advantage|advantageous|would be great|is welcome)",
    re.IGNORECASE,
)
# "Must", "required": core wherever it stands; "strong", "solid": core where no heading says.
_MUST_RE = re.compile(
    r"\b(?:must|required|minimum|qualifications?|mandatory|essential)\b",
    re.IGNORECASE,
)
_CORE_RE = re.compile(
    r"\b(?:you have|you bring|you will need|proficien\w*|strong|solid|proven|expert\w*"
    r"|deep knowledge)\b",
    re.IGNORECASE,
)
# After a mention, only a verdict on it: "Python is a plus", "SQL is required".
_BONUS_AFTER_RE = re.compile(
    r"[^.;\n]{0,12}?\b(?:is |are |would be |as )?(?:a plus|an advantage|preferred|nice to have"
    r"|welcome|desirable)\b",
    re.IGNORECASE,
)
_MUST_AFTER_RE = re.compile(
    r"[^.;\n]{0,12}?\b(?:is|are)\s(?:required|mandatory|essential|a must)\b", re.IGNORECASE
)
_OR_RE = re.compile(r"\s*(?:,\s*)?(?:or|/|and/or)\s*", re.IGNORECASE)
_YEARS_RE = re.compile(
    r"(?P<n>\d{1,2})\s?\+?\s?(?:(?:-|–|to)\s?\d{1,2}\s?)?\+?\s?years?\b(?P<rest>[^.\n]{0,60})",
    re.IGNORECASE,
)
_PAPERS_RE = re.compile(
    r"\b(?:security clearance|clearance|work permit|right to work|authori[sz]ed to work"
    r"|work authori[sz]ation|visa sponsorship|citizenship|citizen)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class JobTarget:
    """A job ad as a target: its role, and what the score cannot say."""

    role: Role
    target: Target


def job_target(catalog: Catalog, ad: Extraction, text: str, source: str) -> JobTarget:
    """Return the role a job ad asks for (its text `text`, its extraction `ad`)."""
    sentences = _Sentences(text)
    # With asking headings, what stands before them (the ad's title) asks for nothing.
    sectioned = any(kind in _ASKING for _, _, kind in ad.ad_sections)
    named = {(e.line, e.column) for f in ad.findings for e in f.evidence if e.how != "instance"}
    asked = []
    for f in ad.findings:
        counted = [
            e
            for e in f.evidence
            if e.status == COUNTED
            and (e.section in _ASKING or not sectioned)
            # "XGBoost" asks for XGBoost: not also for the ensemble methods it is one of.
            and not (e.how == "instance" and (e.line, e.column) in named)
        ]
        if counted:
            tier = min((_tier(e, sentences) for e in counted), key=_rank)
            asked.append((sentences.offset(counted[0]), f.skill, tier, counted[0]))
    asked.sort()
    requirements = [_requirement(catalog, group) for group in _joined_by_or(asked, sentences.text)]
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    title = _title(text, ad)
    name = f"Job ad: {title[:70]}" if title else f"Job ad {source}"
    role = Role(f"job-{digest}", name, source, "", tuple(requirements))
    asks = tuple(_asks(text, ad, catalog))
    unscored = tuple(_unscored(catalog, text, ad))
    return JobTarget(role, Target("job", role.id, name, digest, source, unscored, asks))


def _title(text: str, ad: Extraction) -> str:
    """Return the ad's first line, cut at a heading on it (a flattened ad's "ABOUT US")."""
    number, line = next(
        ((n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()), (0, "")
    )
    cut = min((column for at, column, _ in ad.ad_sections if at == number), default=0)
    return " ".join((line[: cut - 1] if cut > 1 else line).split()).rstrip(" -–|")


def _rank(tier: str) -> int:
    return ("core", "important", "bonus").index(tier)


class _Sentences:
    """The ad's text with its line starts: offsets of evidence, and the sentence around one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def offset(self, e: Evidence) -> int:
        line = (e.line or 1) - 1
        return self.starts[min(line, len(self.starts) - 1)] + (e.column or 1) - 1

    def around(self, e: Evidence) -> tuple[str, str]:
        """Return the text of a mention's sentence before it and just after it, at most
        _NEAR characters before: ads flattened to one line have no sentence ends."""
        at = self.offset(e)
        marks = (". ", "\n", "; ", "•")  # not ": ": a list belongs to the label before it
        lo = max(self.text.rfind(mark, max(0, at - _NEAR), at) for mark in marks)
        end = at + len(e.text)
        his = [i for mark in marks if (i := self.text.find(mark, end, end + _AFTER)) >= 0]
        return self.text[max(lo, at - _NEAR, 0) : at], self.text[end : min([*his, end + _AFTER])]


def _tier(e: Evidence, sentences: _Sentences) -> str:
    """Return a mention's tier: the nearest tier word of its sentence ("nice to have",
    "required"; "X is a plus" after it), then its section, then softer words ("strong")."""
    before, after = sentences.around(e)
    cues = [(m.start(), "bonus") for m in _BONUS_RE.finditer(before)]
    cues += [(m.start(), "core") for m in _MUST_RE.finditer(before)]
    if _BONUS_AFTER_RE.match(after):
        return "bonus"
    if _MUST_AFTER_RE.match(after):
        return "core"
    if cues:
        return max(cues)[1]
    if e.section in _TIER_OF_SECTION:
        return _TIER_OF_SECTION[e.section]
    return "core" if _CORE_RE.search(before + after) else "important"


def _joined_by_or(
    asked: list[tuple[int, str, str, Evidence]], text: str
) -> list[list[tuple[int, str, str, Evidence]]]:
    """Group skills named "X or Y" (or "X/Y") into one requirement, in the ad's order."""
    groups: list[list[tuple[int, str, str, Evidence]]] = []
    for item in asked:
        if groups:
            last = groups[-1][-1]
            gap = text[last[0] + len(last[3].text) : item[0]]
            if gap and _OR_RE.fullmatch(gap):
                groups[-1].append(item)
                continue
        groups.append([item])
    return groups


def _requirement(catalog: Catalog, group: list[tuple[int, str, str, Evidence]]) -> Requirement:
    skills = tuple(dict.fromkeys(skill for _, skill, _, _ in group))
    tier = min((t for _, _, t, _ in group), key=_rank)
    first = catalog.skills[skills[0]]
    label = " or ".join(catalog.skills[s].name for s in skills)
    evidence = group[0][3]
    return Requirement(
        skills,
        tier,
        label,
        first.next_step,
        weight=catalog.settings.weight(tier),
        category=first.category,
        ad_line=evidence.line,
        ad_text=evidence.context,
    )


def _asks(text: str, ad: Extraction, catalog: Catalog) -> list[Ask]:
    """Return the ad's knock-out conditions: years asked, a degree, papers."""
    asks = []
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        for m in _YEARS_RE.finditer(line):
            rest = m.group("rest").lower()
            said = (
                "experience" in rest
                or "experience" in line.lower()[: m.start()]
                or rest.lstrip().startswith(("of ", "with ", "in ", "using ", "working "))
            )
            if said and not _unasked(ad, number, m.start() + 1):
                asks.append(
                    Ask("years", _around(line, m.start()), number, years=float(m.group("n")))
                )
                break
        for m in _PAPERS_RE.finditer(line):
            if not _unasked(ad, number, m.start() + 1):  # "visa sponsorship" offered is no ask
                asks.append(Ask("papers", _around(line, m.start()), number))
                break
    for f in ad.findings:
        if f.skill in DEGREES and f.counted:
            e = next(e for e in f.evidence if e.status == COUNTED)
            if e.section not in ("preferred",):
                asks.append(Ask("degree", _trim(e.context), e.line or 0, degree=f.skill))
    degrees = [a for a in asks if a.kind == "degree"]
    if len(degrees) > 1:  # "a master's or PhD": the lowest one asked is what counts
        lowest = min(degrees, key=lambda a: DEGREES.index(a.degree or ""))
        asks = [a for a in asks if a.kind != "degree" or a is lowest]
    return sorted(asks, key=lambda a: (a.line, a.kind))


def _unscored(catalog: Catalog, text: str, ad: Extraction) -> list[tuple[str, int]]:
    """Return the technologies the ad names that the catalog leaves out ("Kafka")."""
    names = catalog.settings.known_outside
    if not names:
        return []
    pattern = re.compile(
        r"(?<![\w.+#])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w+#])",
        re.IGNORECASE,
    )
    seen: dict[str, int] = {}  # term -> the line it is first named on
    for number, line in enumerate(text.split("\n"), start=1):
        for m in pattern.finditer(line):
            if _unasked(ad, number, m.start() + 1):
                continue
            canonical = next(n for n in names if n.lower() == m.group().lower())
            seen.setdefault(canonical, number)
    return list(seen.items())


def _unasked(ad: Extraction, line: int, column: int) -> bool:
    """Return whether (line, column) of the ad lies under its company, benefits,
    equal-opportunity or how-to-apply headings (which one-line ads keep mid-line)."""
    kind = None
    for at_line, at_column, section in ad.ad_sections:
        if (at_line, at_column) > (line, column):
            break
        kind = section
    return kind in NOT_ASKED


def _around(line: str, at: int, width: int = 100) -> str:
    """Return the part of a (perhaps very long, flattened) line around offset `at`."""
    start = max(0, at - width // 4)
    part = " ".join(line[start : start + width].split())
    return ("…" if start else "") + part + ("…" if start + width < len(line) else "")


def _trim(line: str, width: int = 120) -> str:
    line = " ".join(line.split())
    return line if len(line) <= width else line[: width - 1] + "…"
