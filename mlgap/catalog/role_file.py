"""A role file of one's own: one role in the catalog's role format, naming catalog skills.

Read and checked as strictly as the catalog (`file:line: what is wrong (how to fix)`, exit 3);
`mlgap role from-job` writes one from a job ad for a mentor to edit.
"""

from __future__ import annotations

from pathlib import Path


def is_role_file(role: str) -> bool:
    """Return whether a --role value names a file rather than a catalog role's id."""
    return role.endswith((".yaml", ".yml")) or "/" in role or Path(role).is_file()
