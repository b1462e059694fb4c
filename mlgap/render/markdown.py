"""The report as Markdown, for issues, wikis and mentoring notes."""

from __future__ import annotations

from mlgap.assess.results import Assessment
from mlgap.extract.results import COUNTED
from mlgap.render.printable import printable


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _found(a: Assessment) -> list[str]:
    out = ["## Skills found", "", "| skill | line | evidence |", "|---|---|---|"]
    for f in a.extraction.findings:
        counted = [e for e in f.evidence if e.status == COUNTED]
        if counted:
            e = counted[0]
            at = str(e.line) if e.line is not None else "typed"
            at = f"page {e.page}, {at}" if e.page is not None else at
            out.append(f"| {_cell(f.name)} | {at} | {_cell(e.context or e.text)} |")
    return out


def _notes(a: Assessment) -> list[str]:
    out: list[str] = []
    noted = [
        f"- {f.name}: {e.status}, line {e.line}: {_cell(e.context)}"
        for f in a.extraction.findings
        for e in f.evidence
        if e.status != COUNTED
    ]
    if noted:
        out += ["", "## Mentioned but not counted", "", *noted]
    if a.extraction.notes:
        out += ["", "## Notes", "", *[f"- {note}" for note in a.extraction.notes]]
    if a.extraction.unrecognized:
        out += ["", "## Typed skills not recognised", ""]
        out += [f"- {u.describe()}" for u in a.extraction.unrecognized]
    return out


def _implied(a: Assessment) -> list[str]:
    if not a.implied:
        return []
    out = ["", "## Met by implication", "", "| skill | how | why |", "|---|---|---|"]
    out += [f"| {_cell(i.name)} | {_cell(i.describe())} | {_cell(i.why)} |" for i in a.implied]
    return out


def _experience(a: Assessment) -> list[str]:
    h = a.extraction.experience
    if h is None:
        return ["", "## Experience", "", "No dated work history found."]
    out = [
        "",
        "## Experience",
        "",
        f"{h.ml_years:g} years of ML or data work, {h.years:g} in all (as of {h.as_of}); "
        f"seniority: {h.seniority}.",
        "",
        "| from | to | ML/data | line | dates stand on |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {p.start} | {p.end} | {'yes' if p.ml else 'no'} | {p.line} | {_cell(p.text)} |"
        for p in h.periods
    ]
    if h.titles:
        out += [
            "",
            "Titles: " + "; ".join(f"{t.text} ({t.seniority}, line {t.line})" for t in h.titles),
        ]
    return out


def render_markdown(a: Assessment, color: bool = False, width: int = 80) -> str:
    """Return the report as a Markdown document (never coloured)."""
    r = a.readiness
    out = [
        f"# mlgap report: {a.role_name}",
        "",
        f"- Source: `{a.extraction.source}`",
        f"- Score: **{a.score}/100**",
        f"- Roadmap: **{r.phase_line()}**",
        f"- Career level: **{r.level_name}**",
        "",
        "## Score breakdown",
        "",
        "| importance | met | points |",
        "|---|---|---|",
        *[
            f"| {b.importance} (×{b.weight}) | {b.met}/{b.total} | {b.points}/{b.max_points} |"
            for b in a.breakdown
        ],
        *_experience(a),
        "",
        *_found(a),
        *_implied(a),
    ]
    out += ["", "## Coverage by category", "", "| category | met |", "|---|---|"]
    out += [f"| {_cell(c.name)} | {c.met}/{c.total} |" for c in a.coverage]
    out += ["", "## Gaps", ""]
    out += [f"- **{g.requirement.importance}**: {g.requirement.label}" for g in a.gaps] or ["None."]
    out += ["", "## Next steps", ""]
    steps = [f"{n}. {s.action} _({s.worth(a.score)})_" for n, s in enumerate(a.next_steps, start=1)]
    out += steps or ["Nothing left to do."]
    if a.next_steps:
        top = min(3, len(a.next_steps))
        out += ["", f"The first {top} steps take the score from {a.score} to {a.reachable}."]
    out += [*_notes(a), "", f"_Readiness rule: {r.rule} {r.level_rule}_", ""]
    return printable("\n".join(out))  # résumé text is in it: nothing may drive a terminal
