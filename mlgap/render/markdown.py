"""The report as Markdown, for issues, wikis and mentoring notes."""

from __future__ import annotations

from mlgap.assess import Assessment
from mlgap.catalog import Catalog
from mlgap.render.data import report_dict


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(assessment: Assessment, catalog: Catalog) -> str:
    """Return the report as a Markdown document."""
    d = report_dict(assessment, catalog)
    r = d["readiness"]
    out = [
        f"# mlgap report: {d['role']['name']}",
        "",
        f"- Source: `{d['source']}`",
        f"- Score: **{d['score']}/100**",
        f"- Roadmap phase reached: **{r['phase']}. {r['phase_name']}**"
        + (f" (working on phase {r['working_on']})" if r["working_on"] else ""),
        f"- Career level: **{r['level_name']}**",
        "",
        "## Score breakdown",
        "",
        "| importance | met | points |",
        "|---|---|---|",
        *[
            f"| {b['importance']} (×{b['weight']}) | {b['met']}/{b['total']} | "
            f"{b['points']}/{b['max_points']} |"
            for b in d["score_breakdown"]
        ],
        "",
        "## Skills found",
        "",
        "| skill | line | evidence |",
        "|---|---|---|",
    ]
    for f in d["found"]:
        e = f["evidence"][0]
        where = e["line"] if e["line"] is not None else "typed"
        if e["page"] is not None:
            where = f"page {e['page']}, {where}"
        out.append(f"| {_cell(f['name'])} | {where} | {_cell(e['context'] or e['text'])} |")
    out += ["", "## Coverage by category", "", "| category | met |", "|---|---|"]
    out += [f"| {_cell(c['name'])} | {c['met']}/{c['total']} |" for c in d["coverage"]]
    out += ["", "## Gaps", ""]
    out += [f"- **{g['importance']}**: {g['label']}" for g in d["gaps"]] or ["None."]
    out += ["", "## Next steps", ""]
    out += [f"{s['rank']}. {s['action']}" for s in d["next_steps"]] or ["Nothing left to do."]
    if d["not_counted"]:
        out += ["", "## Mentioned but not counted", ""]
        out += [
            f"- {n['name']}: {e['status']}, line {e['line']}: {_cell(e['context'])}"
            for n in d["not_counted"]
            for e in n["evidence"]
        ]
    if d["unrecognized"]:
        out += ["", "## Typed skills not recognised", ""]
        out += [
            f"- `{u['text']}`"
            + (f": did you mean {', '.join(u['suggestions'])}?" if u["suggestions"] else "")
            for u in d["unrecognized"]
        ]
    out += ["", f"_Readiness rule: {r['rule']}_", ""]
    return "\n".join(out)
