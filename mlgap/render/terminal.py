"""The report for people at a terminal: plain aligned text, coloured by Rich on a terminal.

The layout is built as lines of (text, style) pieces; Rich is imported only to colour them,
so a report into a pipe or a file costs no Rich import and no table layout.
"""

from __future__ import annotations

import io
import textwrap

from mlgap.assess.results import Assessment
from mlgap.extract.results import COUNTED, Evidence, Finding
from mlgap.render.printable import printable

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


def where(e: Evidence) -> str:
    """Return where a piece of evidence stands: "p2 line 4", "line 4" or "typed"."""
    at = f"line {e.line}" if e.line is not None else "typed"
    return f"p{e.page} {at}" if e.page is not None else at


def _found_line(f: Finding) -> Line:
    counted = [e for e in f.evidence if e.status == COUNTED]
    e = counted[0]
    mentions = max(f.mentions, len(counted))
    more = f" (+{mentions - 1})" if mentions > 1 else ""
    evidence = _snippet(e.context or e.text, e.text, WIDTH - 45 - len(more)) + more
    return [
        ("  ", ""),
        (f"{_fit(f.name, 32):<33}", "green"),
        (f"{where(e):<10}", "dim"),
        (evidence, ""),
    ]


def _found(a: Assessment) -> list[Line]:
    found = sorted((f for f in a.extraction.findings if f.counted), key=lambda f: f.name.lower())
    return [[], [(f"Skills found ({len(found)})", "bold")], *map(_found_line, found)]


def _coverage(a: Assessment) -> list[Line]:
    lines: list[Line] = [[], [("Coverage by category", "bold")]]
    for c in a.coverage:
        lines.append(
            [(f"  {c.name:<32} {c.met:>2}/{c.total:<3} ", ""), (_bar(c.met, c.total, 12), "green")]
        )
    return lines


def _steps(a: Assessment) -> list[Line]:
    lines: list[Line] = []
    if a.gaps:
        lines += [[], [("Gaps, most important first", "bold")]]
        for g in a.gaps:
            imp = g.requirement.importance
            lines.append([("  ", ""), (f"{imp:<10}", _STYLE[imp]), (g.requirement.label, "")])
    lines += [[], [("Next steps", "bold")]]
    for rank, s in enumerate(a.next_steps[:MAX_STEPS], start=1):
        wrapped = textwrap.wrap(s.requirement.next_step, WIDTH - 6) or [""]
        lines.append([(f"  {rank:>2}. ", "bold"), (wrapped[0], "")])
        lines += [[("      " + rest, "")] for rest in wrapped[1:]]
    if len(a.next_steps) > MAX_STEPS:
        more = len(a.next_steps) - MAX_STEPS
        lines.append([(f"  … and {more} more: --format markdown lists them all", "dim")])
    if not a.next_steps:
        lines.append([("  Nothing left: every requirement of the role is met.", "green")])
    return lines


def _notes(a: Assessment) -> list[Line]:
    lines: list[Line] = []
    for f in a.extraction.findings:
        for e in f.evidence:
            if e.status != COUNTED:
                note = f"Not counted ({e.status}): {f.name}, line {e.line}: {e.context}"
                lines.append([(_fit(note, WIDTH), "dim")])
    lines += [[(f"Note: {note}", "yellow")] for note in a.extraction.notes]
    for u in a.extraction.unrecognized:
        lines.append([(f"Not recognised: {u.describe()}", "yellow")])
    return [[], *lines] if lines else []


def report_lines(a: Assessment) -> list[Line]:
    """Return the terminal report as lines of (text, style) pieces."""
    r = a.readiness
    breakdown = " · ".join(f"{b.importance} {b.met}/{b.total}" for b in a.breakdown)
    working = f", working on phase {r.working_on}" if r.working_on else ""
    return [
        [(f"mlgap · {a.role_name} · {a.extraction.source}", "bold")],
        [
            ("Score ", ""),
            (f"{a.score}/100", "bold"),
            ("  ", ""),
            (_bar(a.score, 100), "green"),
            (f"   {breakdown}", ""),
        ],
        [
            (f"Roadmap: phase {r.phase} ({r.phase_name}) reached{working}", ""),
            (" · Level: ", ""),
            (r.level_name, "bold"),
        ],
        *_found(a),
        *_coverage(a),
        *_steps(a),
        *_notes(a),
    ]


def render_terminal(assessment: Assessment, color: bool = False) -> str:
    """Return the report as text, with ANSI colour only when `color`."""
    # Résumé text is in these lines: nothing in it may drive the terminal.
    lines = [
        [(printable(text), style) for text, style in line] for line in report_lines(assessment)
    ]
    if not color:
        return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)
    from rich.console import Console  # only a colour terminal pays for importing Rich
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=WIDTH, highlight=False)
    for line in lines:
        console.print(Text.assemble(*line), soft_wrap=True)
    return buffer.getvalue()
