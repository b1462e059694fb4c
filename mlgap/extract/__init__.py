"""Extract: find every skill a text shows, with the line that shows it."""

from __future__ import annotations

from mlgap.extract.extractor import Extractor
from mlgap.extract.results import Evidence, Extraction, Finding, Unrecognized

__all__ = ["Evidence", "Extraction", "Extractor", "Finding", "Unrecognized"]
