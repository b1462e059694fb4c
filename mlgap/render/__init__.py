"""Renderers: each turns an assessment into the text of one output format."""

from __future__ import annotations

import json
from collections.abc import Callable

from mlgap.assess import Assessment
from mlgap.catalog import Catalog
from mlgap.render.data import report_dict
from mlgap.render.markdown import render_markdown

Renderer = Callable[[Assessment, Catalog, bool], str]


def render_json(assessment: Assessment, catalog: Catalog, color: bool = False) -> str:
    """Return the report as stable, sorted JSON (never coloured)."""
    return (
        json.dumps(report_dict(assessment, catalog), indent=2, sort_keys=True, ensure_ascii=False)
        + "\n"
    )


def render_text(assessment: Assessment, catalog: Catalog, color: bool = False) -> str:
    """Return the report for a terminal; Rich is imported only here."""
    from mlgap.render.terminal import render_terminal

    return render_terminal(assessment, catalog, color)


def render_md(assessment: Assessment, catalog: Catalog, color: bool = False) -> str:
    """Return the report as Markdown (never coloured)."""
    return render_markdown(assessment, catalog)


RENDERERS: dict[str, Renderer] = {"text": render_text, "json": render_json, "markdown": render_md}
