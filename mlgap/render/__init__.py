"""Render: turn a result into the text of one output format.

Each command has one table of renderers; its `--format` choices are the table's keys, so
help can never offer a format the command refuses.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from mlgap.assess.results import Assessment
from mlgap.render.markdown import render_markdown

Renderer = Callable[[Assessment, bool, int], str]  # (report, colour, terminal width)


def to_json(data: object) -> str:
    """Return data as stable JSON: sorted keys, indented, Unicode kept, newline at the end."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def render_json(assessment: Assessment, color: bool = False, width: int = 80) -> str:
    """Return the report as stable, sorted JSON (never coloured)."""
    return to_json(assessment.to_dict())


def render_text(assessment: Assessment, color: bool = False, width: int = 80) -> str:
    """Return the report for a terminal `width` columns wide, coloured only when `color`."""
    from mlgap.render.terminal import render_terminal

    return render_terminal(assessment, color, width)


RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
