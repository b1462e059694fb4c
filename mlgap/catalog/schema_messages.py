"""Say in words what jsonschema found wrong with a catalog file, at the line it is on.

Each jsonschema error becomes `file:line: what is wrong (how to fix)`: the line is that of
the YAML value at the error's path, the object is named as a mentor knows it ("skill
'pytorch'", "role 'ml-expert' requirement"), and the common cases get words of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from mlgap.catalog.yaml_nodes import MAX_DIGITS, Composed, NodePath
from mlgap.errors import MlgapError

ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"  # the schema's pattern for ids
# The objects a message names, by the shape of their path ("#": any list index).
_NOUNS = {
    ("categories", "#"): "category",
    ("skills", "#"): "skill",
    ("roles", "#"): "role",
    ("roles", "#", "requirements", "#"): "requirement",
    ("phases", "#"): "phase",
    ("phases", "#", "items", "#"): "item",
    ("levels", "#"): "level",
    ("levels", "#", "requires", "#"): "requirement",
    ("settings",): "settings",
}
_TYPES = {
    "object": "a mapping of keys",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


class Where:
    """Names and lines of the values of one composed file."""

    def __init__(self, composed: Composed, display: str) -> None:
        self.composed = composed
        self.display = display

    def problem(self, path: NodePath, message: str, fix: str = "") -> MlgapError:
        line = self.composed.line(path)
        return MlgapError(message, path=self.display, line=line, fix=fix)

    def subject(self, path: NodePath) -> tuple[str, NodePath]:
        """Return how messages name the object holding `path`, and the rest of the path."""
        names: list[str] = []
        rest_from = 0
        for end in range(1, len(path) + 1):
            noun = _NOUNS.get(tuple("#" if isinstance(p, int) else p for p in path[:end]))
            if noun is not None:
                ident = _value_at(self.composed.data, path[:end])
                ident = ident.get("id") if isinstance(ident, dict) else None
                shown = f"{noun} '{_short(ident)}'" if isinstance(ident, str) and ident else noun
                names.append(shown)
                rest_from = end
        name = " ".join(names) or "file"
        return name, path[rest_from:]


def _value_at(data: object, path: NodePath) -> object:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _field(rest: NodePath) -> str:
    """Return how a message names the value at `rest`: "aliases", "any_of item 2"."""
    words = ""
    for part in rest:
        words += f" item {part + 1}" if isinstance(part, int) else ("." if words else "") + part
    return words.strip()


def _show(value: object) -> str:
    """Return a short description of a YAML value, as a message quotes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text '{_short(value)}'"
    return f"the number {_short(str(value))}"


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _range(schema: dict[str, Any]) -> str:
    """Return the numbers a schema allows, in words: "a whole number from 0 to 100"."""
    kind = _TYPES.get(schema.get("type", "number"), "a number")
    if "minimum" in schema and "maximum" in schema:
        return f"{kind} from {schema['minimum']} to {schema['maximum']}"
    if "exclusiveMinimum" in schema:
        top = f" and at most {schema['maximum']}" if "maximum" in schema else ""
        return f"{kind} above {schema['exclusiveMinimum']}{top}"
    if "minimum" in schema:
        return f"{kind} of at least {schema['minimum']}"
    return kind


Error = Any  # jsonschema.ValidationError, whose module is imported only when validating
Explain = Callable[[Where, Error], Iterator[MlgapError]]


def _explain_type(where: Where, error: Error) -> Iterator[MlgapError]:
    path = tuple(error.absolute_path)
    subject, rest = where.subject(path)
    expected = error.validator_value
    wanted = _TYPES.get(expected, str(expected))
    value = error.instance
    name = _field(rest)
    fix = ""
    if expected in ("integer", "number") and isinstance(value, str):
        if value.lstrip("+-").isdigit() and len(value.lstrip("+-")) > MAX_DIGITS:
            yield where.problem(
                path,
                f"{subject}: '{name}' {_short(value, 24)} is too large",
                f"use {_range(error.schema)}",
            )
            return
        fix = f"write it in plain decimal digits: {_range(error.schema)}"
    elif expected == "string" and isinstance(value, bool | int | float):
        written = _show(value).removeprefix("the number ")
        fix = f'put it in quotes: "{written}"'
    elif expected == "array" and isinstance(value, str | int | float):
        fix = "write one item a line: '- item'"
    elif expected == "object" and "properties" in error.schema:
        fix = f"keys: {', '.join(error.schema['properties'])}"
    if rest:
        message = f"{subject}: '{name}' must be {wanted}, not {_show(value)}"
    else:
        message = f"{subject}: expected {wanted}, found {_show(value)}"
    yield where.problem(path, message, fix)


def _explain_unknown_keys(where: Where, error: Error) -> Iterator[MlgapError]:
    path = tuple(error.absolute_path)
    subject, rest = where.subject(path)
    allowed = sorted(error.schema.get("properties", {}))
    inside = f" in '{_field(rest)}'" if rest else ""
    for key in error.instance:
        if key not in allowed:
            yield where.problem(
                (*path, key),
                f"{subject}: unknown key '{_short(key)}'{inside}",
                f"allowed: {', '.join(allowed)}",
            )


def _explain_missing(where: Where, error: Error) -> Iterator[MlgapError]:
    path = tuple(error.absolute_path)
    subject, rest = where.subject(path)
    inside = f" in '{_field(rest)}'" if rest else ""
    for key in error.validator_value:
        if key not in error.instance:
            yield where.problem(path, f"{subject}: missing key '{key}'{inside}")


def _explain_dependency(where: Where, error: Error) -> Iterator[MlgapError]:
    path = tuple(error.absolute_path)
    subject, _ = where.subject(path)
    for key, needed in error.validator_value.items():
        for other in needed:
            if key in error.instance and other not in error.instance:
                yield where.problem(path, f"a {subject} with '{key}' must name their '{other}'")


def _explain_choice(where: Where, error: Error) -> Iterator[MlgapError]:
    path = tuple(error.absolute_path)
    subject, _ = where.subject(path)
    keys = [key for option in error.validator_value for key in option.get("required", ())]
    choices = " or ".join(f"'{key}'" for key in keys)
    yield where.problem(path, f"{subject}: give exactly one of {choices}")


def _explain_enum(where: Where, error: Error) -> Iterator[MlgapError]:
    path = tuple(error.absolute_path)
    subject, rest = where.subject(path)
    value = error.instance
    shown = f"'{_short(value)}'" if isinstance(value, str) else _show(value)
    options = ", ".join(str(option) for option in error.validator_value)
    yield where.problem(
        path, f"{subject}: {_field(rest)} {shown} is unknown", f"use one of {options}"
    )


def _explain_pattern(where: Where, error: Error) -> Iterator[MlgapError]:
    path = tuple(error.absolute_path)
    subject, rest = where.subject(path)
    name = _field(rest)
    if error.validator_value == ID_PATTERN:
        yield where.problem(
            path,
            f"{subject}: {name} '{_short(error.instance)}' is not lower-case-kebab",
            "use lower-case letters and digits joined by single hyphens, like 'scikit-learn'",
        )
    else:
        yield where.problem(path, f"{subject}: '{name}' is blank", "write some text")


def _explain_range(where: Where, error: Error) -> Iterator[MlgapError]:
    path = tuple(error.absolute_path)
    subject, rest = where.subject(path)
    value = _short(str(error.instance), 24)
    yield where.problem(
        path, f"{subject}: '{_field(rest)}' {value} is out of range", f"use {_range(error.schema)}"
    )


def _explain_empty(where: Where, error: Error) -> Iterator[MlgapError]:
    path = tuple(error.absolute_path)
    subject, rest = where.subject(path)
    yield where.problem(path, f"{subject}: '{_field(rest)}' is empty", "list at least one")


def _explain_other(where: Where, error: Error) -> Iterator[MlgapError]:
    path = tuple(error.absolute_path)
    subject, _ = where.subject(path)
    yield where.problem(path, f"{subject}: {_short(error.message, 120)}")


_EXPLAIN: dict[str, Explain] = {
    "type": _explain_type,
    "additionalProperties": _explain_unknown_keys,
    "required": _explain_missing,
    "dependentRequired": _explain_dependency,
    "oneOf": _explain_choice,
    "enum": _explain_enum,
    "pattern": _explain_pattern,
    "minimum": _explain_range,
    "maximum": _explain_range,
    "exclusiveMinimum": _explain_range,
    "exclusiveMaximum": _explain_range,
    "minItems": _explain_empty,
}


def explain(where: Where, error: Error) -> Iterator[MlgapError]:
    """Yield the problems one jsonschema error stands for, in words."""
    yield from _EXPLAIN.get(error.validator, _explain_other)(where, error)
