"""Result objects to plain data: the one rule every `to_dict` follows.

A field's name is its JSON key, so the JSON is a faithful image of the frozen objects:
tuples become lists, nested results give their own `to_dict()`.
"""

from __future__ import annotations

import dataclasses
from typing import Any


def fields_dict(obj: Any) -> dict[str, Any]:
    """Return the fields of dataclass instance `obj` as plain data, keyed by field name."""
    return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}


def plain(value: Any) -> Any:
    """Return `value` as plain data: results as their dicts, tuples and lists as lists."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    return value
