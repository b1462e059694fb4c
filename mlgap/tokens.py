"""Split text into the word tokens that aliases and résumés are both matched on."""

from __future__ import annotations

import re

# A token is a run of letters and digits, with a trailing "+" or "#" kept so that
# C++ and C# stay themselves instead of becoming "c". Linear: no nested quantifiers.
TOKEN_RE = re.compile(r"[^\W_]+[+#]*")


def alias_key(alias: str) -> tuple[str, ...]:
    """Return the lower-case token tuple an alias is looked up by."""
    return tuple(m.group().lower() for m in TOKEN_RE.finditer(alias))


def squash(text: str) -> str:
    """Return `text` lower-cased with everything but letters, digits, + and # removed."""
    return "".join(alias_key(text))
