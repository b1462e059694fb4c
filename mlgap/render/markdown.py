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


def render_markdown(a: Assessment, color: bool = False) -> str:
    """Return the report as a Markdown document (never coloured)."""
    r = a.readiness
    working = f" (working on phase {r.working_on})" if r.working_on else ""
    out = [
        f"# mlgap report: {a.role_name}",
        "",
        f"- Source: `{a.extraction.source}`",
        f"- Score: **{a.score}/100**",
        f"- Roadmap phase reached: **{r.phase}. {r.phase_name}**{working}",
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
        "",
        *_found(a),
    ]
    out += ["", "## Coverage by category", "", "| category | met |", "|---|---|"]
    out += [f"| {_cell(c.name)} | {c.met}/{c.total} |" for c in a.coverage]
    out += ["", "## Gaps", ""]
    out += [f"- **{g.requirement.importance}**: {g.requirement.label}" for g in a.gaps] or ["None."]
    out += ["", "## Next steps", ""]
    steps = [f"{n}. {s.requirement.next_step}" for n, s in enumerate(a.next_steps, start=1)]
    out += steps or ["Nothing left to do."]
    out += [*_notes(a), "", f"_Readiness rule: {r.rule}_", ""]
    return printable("\n".join(out))  # résumé text is in it: nothing may drive a terminal
