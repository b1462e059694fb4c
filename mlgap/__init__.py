"""mlgap: how far a résumé is from a machine-learning career, and what to do next.

>>> from mlgap import Toolkit
>>> kit = Toolkit.load()
>>> report = kit.assess_text("Python, pandas and scikit-learn; deployed models with FastAPI")
>>> report.score, sorted(report.extraction.found)[:2]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlgap import cache
from mlgap.assess import DEFAULT_ROLE, Assessment, assess
from mlgap.catalog import Catalog
from mlgap.catalog_files import catalog_source, read_catalog_files
from mlgap.errors import CatalogError, ExitCode, InputError, MlgapError
from mlgap.extract import Extractor
from mlgap.index import build_index
from mlgap.read import Document
from mlgap.result import Evidence, Extraction, Finding
from mlgap.typed import TypedResolver

__all__ = [
    "DEFAULT_ROLE", "Assessment", "Catalog", "CatalogError", "Evidence", "ExitCode",
    "Extraction", "Finding", "InputError", "MlgapError", "Toolkit", "assess", "load_catalog",
    "merge",
]  # fmt: skip
__version__ = "0.1.0"


def merge(*extractions: Extraction) -> Extraction:
    """Return one extraction holding the findings of several (a résumé plus typed skills)."""
    by_skill: dict[str, list[Evidence]] = {}
    for extraction in extractions:
        for finding in extraction.findings:
            by_skill.setdefault(finding.skill, []).extend(finding.evidence)
    sources = " + ".join(e.source for e in extractions)
    unrecognized = tuple(u for e in extractions for u in e.unrecognized)
    findings = tuple(Finding(k, tuple(v)) for k, v in sorted(by_skill.items()))
    return Extraction(sources, findings, unrecognized)


def load_catalog(directory: str | Path | None = None) -> Catalog:
    """Load and validate the catalog in `directory` (default: the one shipped with mlgap)."""
    from mlgap.catalog_load import load_catalog as load  # PyYAML is imported only here

    return load(directory)


@dataclass(frozen=True, slots=True)
class Toolkit:
    """A loaded catalog with its extractor and typed-skill resolver, ready for many résumés."""

    catalog: Catalog
    extractor: Extractor
    typed: TypedResolver

    @classmethod
    def load(cls, catalog_dir: str | Path | None = None) -> Toolkit:
        """Load the catalog (the shipped one by default) and build the matchers once."""
        files = read_catalog_files(catalog_dir)
        key = cache.cache_key(files)
        entry = cache.load(key)
        if not (isinstance(entry, tuple) and len(entry) == 3):
            from mlgap.catalog_load import parse_catalog  # PyYAML is needed only to build

            catalog = parse_catalog(files, catalog_source(catalog_dir))
            index = build_index(catalog)
            entry = (catalog, index, TypedResolver(catalog, index))
            cache.store(key, entry)
        catalog, index, typed = entry
        return cls(catalog, Extractor(catalog, index), typed)

    def assess_document(
        self, doc: Document, role: str = DEFAULT_ROLE, skills: list[str] | None = None
    ) -> Assessment:
        """Assess a read résumé (and typed `skills`) against `role`; evidence names PDF pages."""
        parts = []
        if doc.text:
            parts.append(self.extractor.extract(doc.text, doc.source).on_pages(doc.page_starts))
        if skills:
            parts.append(self.typed.extract(skills))
        return assess(merge(*parts), self.catalog, role)

    def assess_text(
        self,
        text: str,
        role: str = DEFAULT_ROLE,
        source: str = "<text>",
        skills: list[str] | None = None,
    ) -> Assessment:
        """Extract skills from `text` (and typed `skills`) and assess them against `role`."""
        return self.assess_document(Document(source, text), role, skills)
