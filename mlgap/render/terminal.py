"""The report for people at a terminal, drawn with Rich."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mlgap.assess import Assessment
from mlgap.catalog import Catalog
from mlgap.render.data import report_dict

_STYLE = {"core": "bold red", "important": "yellow", "bonus": "cyan"}
MAX_STEPS = 10


def _bar(met: int, total: int, width: int = 20) -> str:
    filled = round(width * met / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def render_terminal(assessment: Assessment, catalog: Catalog, color: bool) -> str:
    """Return the report with Rich markup rendered (ANSI colour only when `color`)."""
    d = report_dict(assessment, catalog)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        width=100,
        highlight=False,
        soft_wrap=False,
    )
    r = d["readiness"]
    console.print(Text(f"mlgap · {d['role']['name']} · {d['source']}", style="bold"))
    console.print(
        f"Score [bold]{d['score']}/100[/]  {_bar(d['score'], 100)}   "
        + "  ".join(f"{b['importance']} {b['met']}/{b['total']}" for b in d["score_breakdown"])
    )
    console.print(
        f"Roadmap: phase {r['phase']} ({r['phase_name']}) reached"
        + (f", working on phase {r['working_on']}" if r["working_on"] else "")
        + f" · Level: [bold]{r['level_name']}[/]"
    )

    found = Table(
        title=f"Skills found ({len(d['found'])})",
        title_justify="left",
        show_lines=False,
        expand=True,
    )
    found.add_column("skill", style="green", no_wrap=True)
    found.add_column("line", justify="right")
    found.add_column("evidence", overflow="fold")
    for f in d["found"]:
        e = f["evidence"][0]
        more = f" (+{f['mentions'] - 1})" if f["mentions"] > 1 else ""
        found.add_row(
            f["name"],
            str(e["line"]) if e["line"] is not None else "typed",
            Text((e["context"] or e["text"]) + more),
        )
    console.print(found)

    coverage = Table(title="Coverage by category", title_justify="left")
    coverage.add_column("category")
    coverage.add_column("met", justify="right")
    coverage.add_column("")
    for c in d["coverage"]:
        coverage.add_row(c["name"], f"{c['met']}/{c['total']}", _bar(c["met"], c["total"], 12))
    console.print(coverage)

    if d["gaps"]:
        console.print(Text("Gaps", style="bold"))
        for g in d["gaps"]:
            console.print(
                Text.assemble("  ", (f"{g['importance']:<10}", _STYLE[g["importance"]]), g["label"])
            )
    console.print(Text("Next steps", style="bold"))
    for s in d["next_steps"][:MAX_STEPS]:
        console.print(Text(f"  {s['rank']:>2}. {s['action']}"))
    if len(d["next_steps"]) > MAX_STEPS:
        console.print(f"  … {len(d['next_steps']) - MAX_STEPS} more: --format markdown lists all")
    for n in d["not_counted"]:
        for e in n["evidence"]:
            console.print(
                Text(
                    f"Not counted ({e['status']}): {n['name']}, line {e['line']}: {e['context']}",
                    style="dim",
                )
            )
    for u in d["unrecognized"]:
        hint = f"; did you mean {', '.join(u['suggestions'])}?" if u["suggestions"] else ""
        console.print(Text(f"Not recognised: '{u['text']}'{hint}", style="yellow"))
    return buffer.getvalue()
