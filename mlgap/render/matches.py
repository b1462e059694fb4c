"""One résumé against several job ads: the ranking and the gaps the ads share."""

from __future__ import annotations

from collections.abc import Callable

from mlgap.assess.results import Matches
from mlgap.render.printable import fit, printable


def render_matches_text(m: Matches, color: bool = False, width: int = 80) -> str:
    """Return the ranking as plain text (`color` is accepted for the table's sake)."""
    first = m.reports[0].extraction.source if m.reports else ""
    out = [f"mlgap · {len(m.reports)} job ads · {first}", ""]
    for rank, r in enumerate(m.reports, start=1):
        met = sum(1 for x in r.requirements if x.met)
        few = "  (few requirements scored)" if not r.scored_enough else ""
        source = r.target.source if r.target else r.role_name
        out.append(
            fit(
                f"{rank:>3}. {r.score:>3}/100  {met}/{len(r.requirements)} met  {source}{few}",
                width,
            )
        )
    if m.shared:
        out += ["", "Gaps most of the ads share"]
        for g in m.shared:
            out.append(fit(f"  {g.ads} ads  +{g.points} in all  {g.label}", width))
    out += ["", "Each ad's report: mlgap assess RESUME --job AD"]
    return printable("\n".join(out) + "\n")


def render_matches_json(m: Matches, color: bool = False, width: int = 80) -> str:
    """Return the ranking and every report as stable JSON."""
    from mlgap.render import to_json

    return to_json(m.to_dict())


def render_matches_markdown(m: Matches, color: bool = False, width: int = 80) -> str:
    """Return the ranking as Markdown."""
    out = ["# mlgap: job ads ranked", "", "| rank | match | met | ad |", "|---|---|---|---|"]
    for rank, r in enumerate(m.reports, start=1):
        met = sum(1 for x in r.requirements if x.met)
        source = r.target.source if r.target else r.role_name
        out.append(f"| {rank} | {r.score}/100 | {met}/{len(r.requirements)} | `{source}` |")
    if m.shared:
        out += ["", "## Gaps most of the ads share", ""]
        out += [f"- {g.label}: {g.ads} ads (+{g.points} in all)" for g in m.shared]
    return printable("\n".join(out) + "\n")


MATCH_RENDERERS: dict[str, Callable[[Matches, bool, int], str]] = {
    "text": render_matches_text,
    "json": render_matches_json,
    "markdown": render_matches_markdown,
}
