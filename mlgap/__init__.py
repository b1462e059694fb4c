"""mlgap: how far a résumé is from a machine-learning career, and what to do next.

>>> from mlgap import Toolkit
>>> kit = Toolkit.load()
>>> report = kit.assess_text("Python, pandas and scikit-learn; deployed models with FastAPI")
>>> report.score, sorted(report.extraction.found)[:2]

This module only gathers the public API; the code lives in one sub-package per stage:
read -> extract -> assess -> render, with the catalog beneath them and batch and cli above.
"""

from __future__ import annotations

from mlgap.assess import SCHEMA_VERSION, Assessment, assess
from mlgap.catalog import Catalog
from mlgap.errors import CatalogError, ExitCode, InputError, MlgapError
from mlgap.extract import Evidence, Extraction, Finding
from mlgap.read import Document, read_document
from mlgap.toolkit import Toolkit, load_catalog
from mlgap.version import VERSION

__all__ = [
    "SCHEMA_VERSION", "Assessment", "Catalog", "CatalogError", "Document", "Evidence",
    "ExitCode", "Extraction", "Finding", "InputError", "MlgapError", "Toolkit", "assess",
    "load_catalog", "read_document",
]  # fmt: skip
__version__ = VERSION
