"""The report for people at a terminal: plain aligned text, coloured by Rich on a terminal.

The layout is built as lines of (text, style) pieces; Rich is imported only to colour them,
so a report into a pipe or a file costs no Rich import and no table layout.
"""

from __future__ import annotations

import io
import textwrap

from mlgap.assess.results import MIN_SCORED, Assessment, RequirementResult
from mlgap.catalog.model import SENIORITIES
from mlgap.extract.results import COUNTED, Evidence, Finding
from mlgap.render.printable import fit, printable

WIDTH = 80  # the report's width when the caller gives none: it reads in 80 columns
MAX_STEPS = 8
MAX_PERIODS = 6  # dated periods shown under the experience line
_STYLE = {"core": "bold red", "important": "yellow", "bonus": "cyan"}
Line = list[tuple[str, str]]


def _bar(met: int, total: int, width: int = 20) -> str:
    filled = round(width * met / total) if total else 0
    return "█" * filled + "░" * (width - filled)


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


def _found_line(f: Finding, width: int) -> Line:
    counted = [e for e in f.evidence if e.status == COUNTED]
    e = counted[0]
    mentions = max(f.mentions, len(counted))
    more = f" (+{mentions - 1})" if mentions > 1 else ""
    name_width = min(28, width // 3)
    room = max(10, width - name_width - 14 - len(more))
    evidence = _snippet(e.context or e.text, e.text, room) + more
    return [
        ("  ", ""),
        (f"{fit(f.name, name_width - 1):<{name_width}}", "green"),
        (f"{where(e):<11}", "dim"),
        (evidence, ""),
    ]


def _found(a: Assessment, width: int) -> list[Line]:
    found = sorted((f for f in a.extraction.findings if f.counted), key=lambda f: f.name.lower())
    lines = [[], [(f"Skills found ({len(found)})", "bold")]]
    lines += [_found_line(f, width) for f in found]
    if a.implied:
        name_width = min(28, width // 3)
        lines += [[], [(f"Met by implication ({len(a.implied)})", "bold")]]
        lines += [
            [
                ("  ", ""),
                (f"{fit(i.name, name_width - 1):<{name_width}}", "cyan"),
                (fit(i.describe(), width - name_width - 2), ""),
            ]
            for i in a.implied
        ]
    return lines


def _coverage(a: Assessment, width: int) -> list[Line]:
    lines: list[Line] = [[], [("Coverage by category", "bold")]]
    name_width = min(32, width - 22)
    for c in a.coverage:
        label = f"  {fit(c.name, name_width):<{name_width}} {c.met:>2}/{c.total:<3} "
        lines.append([(label, ""), (_bar(c.met, c.total, 12), "green")])
    return lines


def _gaps(a: Assessment, width: int) -> list[Line]:
    """The gaps by importance, as lists: the next steps below say what to do about them."""
    lines: list[Line] = []
    if a.gaps:
        lines += [[], [(f"Gaps ({len(a.gaps)})", "bold")]]
    for imp in ("core", "important", "bonus"):
        labels = [g.requirement.label for g in a.gaps if g.requirement.importance == imp]
        if not labels:
            continue
        wrapped = textwrap.wrap("; ".join(labels), width - 13) or [""]
        lines.append([("  ", ""), (f"{imp:<10} ", _STYLE[imp]), (wrapped[0], "")])
        lines += [[(" " * 13 + rest, "")] for rest in wrapped[1:]]
    return lines


def _steps(a: Assessment, width: int) -> list[Line]:
    lines: list[Line] = [[], [("Next steps", "bold")]]
    for rank, s in enumerate(a.next_steps[:MAX_STEPS], start=1):
        wrapped = textwrap.wrap(s.action, width - 6) or [""]
        lines.append([(f"  {rank:>2}. ", "bold"), (wrapped[0], "")])
        lines += [[("      " + rest, "")] for rest in wrapped[1:]]
        lines.append([("      ", ""), (s.worth(a.score), "dim")])
    if len(a.next_steps) > MAX_STEPS:
        more = len(a.next_steps) - MAX_STEPS
        lines.append([(f"  … and {more} more: --format markdown lists them all", "dim")])
    if a.next_steps:
        top = min(3, len(a.next_steps))
        lines += [
            [],
            [(f"The first {top} steps take the score from {a.score} to {a.reachable}.", "")],
        ]
    else:
        lines.append([("  Nothing left: every requirement of the role is met.", "green")])
    return lines


def _notes(a: Assessment, width: int) -> list[Line]:
    lines: list[Line] = []
    for f in a.extraction.findings:
        for e in f.evidence:
            if e.status != COUNTED:
                note = f"Not counted ({e.status}): {f.name}, line {e.line}: {e.context}"
                lines.append([(fit(note, width), "dim")])
    lines += [[(f"Note: {note}", "yellow")] for note in a.extraction.notes]
    for u in a.extraction.unrecognized:
        lines.append([(f"Not recognised: {u.describe()}", "yellow")])
    return [[], *lines] if lines else []


def experience_line(a: Assessment) -> str:
    """Return the work history in one line: years, seniority and its evidence, a PhD."""
    h = a.extraction.experience
    phd = " · PhD" if "phd" in a.extraction.found else ""
    if h is None:
        return f"Experience: no dated work history found{phd}"
    ml = [p for p in h.periods if p.ml]
    if not ml:
        return f"Experience: {h.years:g} years of work, none in ML/data roles{phd}"
    top = max(ml, key=lambda p: SENIORITIES.index(p.seniority))
    return (
        f"Experience: {h.ml_years:g} years in ML/data, {h.years:g} in all · "
        f"{h.seniority} (line {top.line}){phd}"
    )


def _periods(a: Assessment, width: int) -> list[Line]:
    """The dated periods the years come from, each with its line: what a reader checks."""
    h = a.extraction.experience
    if h is None:
        return []
    lines: list[Line] = []
    for p in h.periods[:MAX_PERIODS]:
        # An internship is listed but not counted in the years.
        kind = "intern " if p.seniority == "intern" else "ML/data" if p.ml else "other  "
        head = f"  {p.start}–{p.end}  {kind}  line {p.line:<4} "
        lines.append([(head, "dim"), (fit(p.text, max(10, width - len(head))), "")])
    if len(h.periods) > MAX_PERIODS:
        lines.append([(f"  … and {len(h.periods) - MAX_PERIODS} more periods", "dim")])
    return lines


_STATUS_STYLE = {"met": "green", "implied": "cyan", "missing": "red"}


def _evidence_of(a: Assessment, r: RequirementResult) -> str:
    """Return where the résumé shows a requirement: "line 4", "implied by X, line 8"."""
    if r.implied:
        return r.implied[0].describe()
    if not r.matched:
        gain = next((s.score_after - a.score for s in a.next_steps if s.gap is r), 0)
        return f"+{gain} to the match"
    finding = next(f for f in a.extraction.findings if f.skill == r.matched[0])
    e = next(e for e in finding.evidence if e.status == COUNTED)
    listed = " (listed only)" if r.listed_only else ""
    return f"{where(e)}{listed}"


def _job_lines(a: Assessment, width: int) -> list[Line]:
    """A job ad's requirements, each met, implied or missing, with the résumé's and the ad's
    lines; what the score cannot say; the knock-out conditions to check."""
    target = a.target
    lines: list[Line] = [[], [(f"The ad's requirements ({len(a.requirements)})", "bold")]]
    label_width = max(12, min(26, width - 54))
    room = width - label_width - 33  # for the résumé's evidence
    for r in sorted(a.requirements, key=lambda r: (r.requirement.rank, r.place)):
        imp = r.requirement.importance
        ad = f"ad {r.requirement.ad_line}" if r.requirement.ad_line else ""
        lines.append(
            [
                ("  ", ""),
                (f"{r.status:<8}", _STATUS_STYLE[r.status]),
                (f"{imp:<10}", _STYLE[imp]),
                (f"{fit(r.requirement.label, label_width - 1):<{label_width}}", ""),
                (f"{fit(_evidence_of(a, r), room):<{room}}", ""),
                (f"  {ad}", "dim"),
            ]
        )
    if target is not None and target.unscored:
        text = "Not scored (outside the catalog): " + ", ".join(target.unscored_lines())
        lines += [[]] + [[(row, "yellow")] for row in textwrap.wrap(text, width)]
    if not a.scored_enough:
        lines += [
            [],
            [
                (
                    f"Only {len(a.requirements)} of this ad's requirements can be scored "
                    f"(fewer than {MIN_SCORED}): the match score says little.",
                    "bold red",
                )
            ],
        ]
    if a.knockouts:
        lines += [[], [("Check yourself (not in the score)", "bold")]]
        for k in a.knockouts:
            mark = "ok" if k.ok else "check" if k.ok is None else "short"
            lines.append(
                [
                    (f"  {mark:<6}", "green" if k.ok else "yellow"),
                    (fit(f"{k.kind}: ad line {k.line}: {k.asked}", width - 8), ""),
                ]
            )
            lines.append([(" " * 8, ""), (fit(f"résumé: {k.shown}", width - 8), "dim")])
    listed = [r.requirement.label for r in a.requirements if r.listed_only]
    if listed:
        text = "Listed only (a skills list, no sentence shows them): " + ", ".join(listed)
        lines += [[]] + [[(row, "yellow")] for row in textwrap.wrap(text, width)]
    return lines


def _header(a: Assessment, width: int, score_label: str) -> list[Line]:
    """Return the lines every report opens with: what against what, the score, experience."""
    breakdown = " · ".join(f"{b.importance} {b.points}/{b.max_points} pts" for b in a.breakdown)
    return [
        [(fit(f"mlgap · {a.role_name} · {a.extraction.source}", width), "bold")],
        [(score_label, ""), (f"{a.score}/100", "bold"), ("  ", ""), (_bar(a.score, 100), "green")],
        [(f"  {breakdown}", "")],
        [(fit(experience_line(a), width), "")],
    ]


def _job_report(a: Assessment, width: int) -> list[Line]:
    return [
        *_header(a, width, "Match "),
        *_job_lines(a, width),
        *_steps(a, width),
        *_notes(a, width),
    ]


def report_lines(a: Assessment, width: int = WIDTH) -> list[Line]:
    """Return the terminal report, `width` columns wide, as lines of (text, style) pieces."""
    if a.target is not None and a.target.kind == "job":
        return _job_report(a, width)
    r = a.readiness
    return [
        *_header(a, width, "Score "),
        *_periods(a, width),
        [(f"Roadmap: {r.phase_line()}", "")],
        [("Level: ", ""), (r.level_name, "bold")],
        *_found(a, width),
        *_coverage(a, width),
        *_gaps(a, width),
        *_steps(a, width),
        *_notes(a, width),
    ]


def render_terminal(assessment: Assessment, color: bool = False, width: int = WIDTH) -> str:
    """Return the report as text `width` columns wide, with ANSI colour only when `color`."""
    # Résumé text is in these lines: nothing in it may drive the terminal.
    lines = [
        [(printable(text), style) for text, style in line]
        for line in report_lines(assessment, width)
    ]
    if not color:
        return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)
    from rich.console import Console  # only a colour terminal pays for importing Rich
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=width, highlight=False)
    for line in lines:
        console.print(Text.assemble(*line), soft_wrap=True)
    return buffer.getvalue()
