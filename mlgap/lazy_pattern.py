"""A module's regular expression compiled when first used, not when the module is imported.

Most patterns serve only some documents (job ads, CVs that say no, texts with entities), and
compiling them all at import cost every start some 10 ms. A `Lazy` stands where the compiled
pattern would, keeps its flags with its source, and compiles once.
"""

from __future__ import annotations

import re


class Lazy:
    """A pattern's source and flags; `.get()` returns it compiled (the first call compiles)."""

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def get(self) -> re.Pattern[str]:
        """Return the compiled pattern."""
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled
