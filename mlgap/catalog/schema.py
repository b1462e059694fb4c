"""Check a catalog file's shape against skills/catalog.schema.json.

jsonschema finds the problems; `schema_messages` turns each into `file:line: what (fix)`.
"""

from __future__ import annotations

import importlib
import json
from functools import cache
from typing import Any

from mlgap.catalog.files import shipped_catalog
from mlgap.catalog.schema_messages import Where, explain
from mlgap.catalog.yaml_nodes import Composed
from mlgap.errors import MlgapError

SCHEMA_FILE = "catalog.schema.json"


def load_schema() -> dict[str, Any]:
    """Return the catalog's JSON Schema, shipped beside the catalog."""
    schema: dict[str, Any] = json.loads((shipped_catalog() / SCHEMA_FILE).read_text("utf-8"))
    return schema


def jsonschema_module() -> Any:
    """Return the jsonschema module, imported now."""
    # Imported here, by name: it costs ~70 ms, paid only when a catalog is built (a cache
    # miss), and it ships no type hints (its stubs are not a dependency), so it is Any.
    return importlib.import_module("jsonschema")


@cache
def _validator() -> Any:
    schema = load_schema()
    defs = schema.pop("$defs", {})
    # Following a `$ref` costs jsonschema more than the check it leads to, and there is one
    # for each of the catalog's thousands of phrases: inlined, validating takes half the time.
    return jsonschema_module().Draft202012Validator(_inline(schema, defs))


def _inline(node: object, defs: dict[str, Any]) -> Any:
    """Return `node` with each `{"$ref": "#/$defs/x", ...}` made definition x plus the rest."""
    if isinstance(node, list):
        return [_inline(child, defs) for child in node]
    if not isinstance(node, dict):
        return node
    inlined = {key: _inline(child, defs) for key, child in node.items() if key != "$ref"}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return {**_inline(defs[ref.removeprefix("#/$defs/")], defs), **inlined}
    return inlined if ref is None else {**inlined, "$ref": ref}


def shape_problems(composed: Composed, display: str) -> list[MlgapError]:
    """Return every way a composed file breaks the schema, in the order of its lines."""
    where = Where(composed, display)
    problems: dict[tuple[int, str], MlgapError] = {}
    for error in _validator().iter_errors(composed.data):
        for problem in explain(where, error):
            problems.setdefault((problem.line or 0, str(problem)), problem)
    return [problems[key] for key in sorted(problems)]
