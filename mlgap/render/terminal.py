"""The report for people at a terminal: plain aligned text, coloured by Rich on a terminal.

The layout is built as lines of (text, style) pieces; Rich is imported only to colour them,
so a report into a pipe or a file costs no Rich import and no table layout.
"""

from __future__ import annotations

import io
import textwrap
from typing import Any

from mlgap.assess import Assessment
from mlgap.catalog import Catalog
from mlgap.render.data import report_dict

WIDTH = 100
MAX_STEPS = 10
_STYLE = {"core": "bold red", "important": "yellow", "bonus": "cyan"}
Line = list[tuple[str, str]]


def _bar(met: int, total: int, width: int = 20) -> str:
    filled = round(width * met / total) if total else 0
    return "█" * filled + "░" * (width - filled)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _snippet(context: str, match: str, width: int) -> str:
    """Return `context` cut to `width` characters around `match`."""
    if len(context) <= width:
        return context
    at = context.find(match)
    start = max(0, min(at - width // 3, len(context) - width + 1)) if at >= 0 else 0
    cut = context[start : start + width - 2].strip()
    return ("…" if start else "") + cut + ("…" if start + width - 2 < len(context) else "")


def _found(d: dict[str, Any]) -> list[Line]:
    lines: list[Line] = [[], [(f"Skills found ({len(d['found'])})", "bold")]]
    for f in sorted(d["found"], key=lambda f: str(f["name"]).lower()):
        e = f["evidence"][0]
        where = f"line {e['line']}" if e["line"] is not None else "typed"
        if e["page"] is not None:
            where = f"p{e['page']} {where}"
        more = f" (+{f['mentions'] - 1})" if f["mentions"] > 1 else ""
        evidence = _snippet(e["context"] or e["text"], e["text"], WIDTH - 45 - len(more)) + more
        lines.append(
            [
                ("  ", ""),
                (f"{_fit(f['name'], 32):<33}", "green"),
                (f"{where:<10}", "dim"),
                (evidence, ""),
            ]
        )
    return lines


def _coverage(d: dict[str, Any]) -> list[Line]:
    lines: list[Line] = [[], [("Coverage by category", "bold")]]
    for c in d["coverage"]:
        lines.append(
            [
                (f"  {c['name']:<32} {c['met']:>2}/{c['total']:<3} ", ""),
                (_bar(c["met"], c["total"], 12), "green"),
            ]
        )
    return lines


def _steps(d: dict[str, Any]) -> list[Line]:
    lines: list[Line] = []
    if d["gaps"]:
        lines += [[], [("Gaps, most important first", "bold")]]
        lines += [
            [("  ", ""), (f"{g['importance']:<10}", _STYLE[g["importance"]]), (g["label"], "")]
            for g in d["gaps"]
        ]
    lines += [[], [("Next steps", "bold")]]
    for s in d["next_steps"][:MAX_STEPS]:
        wrapped = textwrap.wrap(s["action"], WIDTH - 6) or [""]
        lines.append([(f"  {s['rank']:>2}. ", "bold"), (wrapped[0], "")])
        lines += [[("      " + rest, "")] for rest in wrapped[1:]]
    if len(d["next_steps"]) > MAX_STEPS:
        more = len(d["next_steps"]) - MAX_STEPS
        lines.append([(f"  … and {more} more: --format markdown lists them all", "dim")])
    if not d["next_steps"]:
        lines.append([("  Nothing left: every requirement of the role is met.", "green")])
    return lines


def _notes(d: dict[str, Any]) -> list[Line]:
    lines: list[Line] = []
    for n in d["not_counted"]:
        for e in n["evidence"]:
            note = f"Not counted ({e['status']}): {n['name']}, line {e['line']}: {e['context']}"
            lines.append([(_fit(note, WIDTH), "dim")])
    for u in d["unrecognized"]:
        hint = f"; did you mean {', '.join(u['suggestions'])}?" if u["suggestions"] else ""
        lines.append([(f"Not recognised: '{u['text']}'{hint}", "yellow")])
    return [[], *lines] if lines else []


def report_lines(assessment: Assessment, catalog: Catalog) -> list[Line]:
    """Return the terminal report as lines of (text, style) pieces."""
    d = report_dict(assessment, catalog)
    r = d["readiness"]
    breakdown = " · ".join(
        f"{b['importance']} {b['met']}/{b['total']}" for b in d["score_breakdown"]
    )
    working = ""
    if r["working_on"]:
        working = f", working on phase {r['working_on']}"
    return [
        [(f"mlgap · {d['role']['name']} · {d['source']}", "bold")],
        [
            ("Score ", ""),
            (f"{d['score']}/100", "bold"),
            ("  ", ""),
            (_bar(d["score"], 100), "green"),
            (f"   {breakdown}", ""),
        ],
        [
            (f"Roadmap: phase {r['phase']} ({r['phase_name']}) reached{working}", ""),
            (" · Level: ", ""),
            (r["level_name"], "bold"),
        ],
        *_found(d),
        *_coverage(d),
        *_steps(d),
        *_notes(d),
    ]


def render_terminal(assessment: Assessment, catalog: Catalog, color: bool) -> str:
    """Return the report as text, with ANSI colour only when `color`."""
    lines = report_lines(assessment, catalog)
    if not color:
        return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)
    from rich.console import Console  # only a colour terminal pays for importing Rich
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=WIDTH, highlight=False)
    for line in lines:
        console.print(Text.assemble(*line), soft_wrap=True)
    return buffer.getvalue()
