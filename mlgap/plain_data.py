"""Result objects to plain data: the one rule every `to_dict` follows.

A field's name is its JSON key, so the JSON is a faithful image of the frozen objects:
tuples become lists, nested results give their own `to_dict()`.
"""

from __future__ import annotations

from typing import Any

# Scalars are most of what a report holds: testing for them first spares each one a failed
# `to_dict` look-up (a batch turns millions of values into JSON).
_SCALARS = (str, int, float, type(None))


def fields_dict(obj: Any) -> dict[str, Any]:
    """Return the fields of dataclass instance `obj` as plain data, keyed by field name."""
    # `__match_args__` is the dataclass's own tuple of its fields' names, in order: cheaper
    # to read than dataclasses.fields() builds it, and none of ours has pseudo-fields.
    names: tuple[str, ...] = type(obj).__match_args__
    return {name: plain(getattr(obj, name)) for name in names}


def plain(value: Any) -> Any:
    """Return `value` as plain data: results as their dicts, tuples and lists as lists."""
    if isinstance(value, _SCALARS):
        return value
    if type(value) in (tuple, list):  # exactly: a named tuple may be a result of its own
        return [plain(item) for item in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value
