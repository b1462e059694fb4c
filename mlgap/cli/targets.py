"""The target `assess` and `batch` are given beside a catalog role: job ads or a role file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mlgap.catalog.role_file import is_role_file
from mlgap.errors import InputError
from mlgap.read.document import read_job_ad
from mlgap.toolkit import Toolkit

if TYPE_CHECKING:
    from mlgap.assess.targets import JobTarget


def targets_for(
    kit: Toolkit, role: str | None, ads: Sequence[Path], max_size: int
) -> list[JobTarget]:
    """Return the targets of --job ads, or of a --role that names a file; none for a
    catalog role's id. --job and --role together are refused."""
    if ads and role is not None:
        raise InputError("--job and --role both name a target", fix="give one of the two")
    if role is not None and is_role_file(role):
        return [kit.role_file_target(Path(role))]
    return [kit.job_target(read_job_ad(str(ad), max_size)) for ad in ads]
