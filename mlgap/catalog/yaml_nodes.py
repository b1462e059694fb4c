"""Compose a catalog file's YAML into plain data, with the line each value starts on.

PyYAML's loaders would build the data themselves, but they let through what a catalog must
not hold: duplicate keys (the last one silently wins), anchors and aliases (the way to a
"billion laughs" bomb) and YAML 1.1 numbers (0x1F, 1_000, 1:30) that a reader does not see
as numbers. So the data is composed here from the parser's events, and each plain scalar is
resolved by the few rules a catalog needs: decimal numbers, true/false, null, else text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from mlgap.errors import CatalogError, MlgapError

NodePath = tuple[str | int, ...]
Lines = dict[NodePath, int]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Longer runs of digits are left as text, so that a number of a million digits costs
# nothing to read and is reported as too large where a number is expected.
MAX_DIGITS = 20
MAX_DEPTH = 32  # a catalog nests six deep; nothing legitimate needs more
_INT_RE = re.compile(rf"[-+]?(?:0|[1-9][0-9]{{0,{MAX_DIGITS - 1}}})\Z")
_FLOAT_RE = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_WORDS: dict[str, object] = {
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Composed:
    """A file's data as plain Python values, and the line of every value by its path.

    The line of a mapping's value is the line of its key; the line of a list item, the line
    it starts on; the line of the whole file, the line its first key is on.
    """

    data: object
    lines: Lines

    def line(self, path: NodePath) -> int:
        """Return the line of the value at `path`, or of the nearest value holding it."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def resolve_plain(text: str) -> object:
    """Return the value an unquoted scalar stands for in a catalog."""
    if text in _WORDS:
        return _WORDS[text]
    if _INT_RE.match(text):
        return int(text)
    if _FLOAT_RE.match(text):
        return float(text)
    return text


@dataclass(slots=True)
class _Frame:
    value: dict[str, Any] | list[Any]
    path: NodePath
    key: str | None = None  # in a mapping: the key whose value comes next
    keys: dict[str, int] = field(default_factory=dict)  # in a mapping: each key's line


@dataclass(slots=True)
class _Composer:
    display: str
    stack: list[_Frame] = field(default_factory=list)
    lines: Lines = field(default_factory=dict)
    problems: list[MlgapError] = field(default_factory=list)
    root: object = None
    documents: int = 0

    def problem(self, line: int, message: str, fix: str = "") -> None:
        self.problems.append(MlgapError(message, path=self.display, line=line, fix=fix))

    def feed(self, event: yaml.Event) -> bool:
        """Take in one parser event; return True when composing must stop."""
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            message = "YAML anchors and aliases are not allowed in a catalog"
            self.problem(line, message, "write the value out")
            return True
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problem(line, "a catalog file holds one YAML document", "remove the '---'")
                return True
        elif isinstance(event, yaml.ScalarEvent):
            self._scalar(event, line)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            return self._start(event, line)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self.stack.pop()
        return False

    def _scalar(self, event: yaml.ScalarEvent, line: int) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            self._key(top, event.value, line)
            return
        if event.tag is not None:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(
                line,
                f"YAML tags such as '{tag}' are not allowed in a catalog",
                "write the plain value, in quotes if it must stay text",
            )
        plain = event.tag is None and event.implicit[0]
        self._place(resolve_plain(event.value) if plain else event.value, line)

    def _key(self, top: _Frame, key: str, line: int) -> None:
        top.key = key
        if key in top.keys:
            self.problem(
                line, f"duplicate key '{key}'", f"the first is on line {top.keys[key]}; keep one"
            )
            return
        top.keys[key] = line
        self.lines[(*top.path, key)] = line

    def _start(self, event: yaml.CollectionStartEvent, line: int) -> bool:
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.value, dict) and top.key is None:
            self.problem(line, "a key must be a plain word", "write 'key: value'")
            return True
        if len(self.stack) >= MAX_DEPTH:
            self.problem(line, f"the data is nested more than {MAX_DEPTH} deep")
            return True
        value: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        self.stack.append(_Frame(value, self._place(value, line)))
        return False

    def _place(self, value: object, line: int) -> NodePath:
        """Put a composed value where it belongs; return its path."""
        if not self.stack:
            self.root = value
            self.lines[()] = line
            return ()
        top = self.stack[-1]
        if isinstance(top.value, list):
            path: NodePath = (*top.path, len(top.value))
            top.value.append(value)
            self.lines[path] = line
            return path
        key, top.key = top.key, None
        assert key is not None  # a value in a mapping always follows its key
        if key not in top.value:  # a duplicate key was reported; the first value stays
            top.value[key] = value
        return (*top.path, key)


def compose(text: str, display: str) -> Composed:
    """Return the data and lines of one catalog file; raise CatalogError if it cannot be read."""
    composer = _Composer(display)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if composer.feed(event):
                break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = f"{exc.context} on line {exc.context_mark.line + 1}" if exc.context_mark else ""
        problem = exc.problem or str(exc).split("\n")[0]
        composer.problem(mark.line + 1 if mark else 1, f"not valid YAML: {problem}", context)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, ...)
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        code = f" #x{exc.character:04x}" if isinstance(exc.character, int) else ""
        composer.problem(line, f"not valid YAML: {exc.reason}{code}", "remove the character")
    except yaml.YAMLError as exc:
        composer.problem(1, f"not valid YAML: {(str(exc).splitlines() or ['?'])[0]}")
    if not composer.problems and () not in composer.lines:
        composer.problem(1, "the file is empty")
    if composer.problems:
        raise CatalogError(composer.problems)
    return Composed(composer.root, composer.lines)
