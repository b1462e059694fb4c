"""A loaded catalog with its matchers: the one object that reads, extracts and assesses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mlgap.assess.results import Assessment, Target
from mlgap.assess.scoring import assess
from mlgap.catalog import cache
from mlgap.catalog.files import catalog_source, read_catalog_files
from mlgap.catalog.model import Catalog
from mlgap.extract.clean import clean_text
from mlgap.extract.extractor import Extractor, readable_part
from mlgap.extract.index import build_index
from mlgap.extract.results import Extraction
from mlgap.extract.typed_skills import TypedResolver
from mlgap.read.document import Document

if TYPE_CHECKING:
    from mlgap.assess.targets import JobTarget


def load_catalog(directory: str | Path | None = None) -> Catalog:
    """Load and validate the catalog in `directory` (default: the one shipped with mlgap)."""
    from mlgap.catalog.load import load_catalog as load  # PyYAML is imported only here

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
        if isinstance(entry, tuple) and len(entry) == 3:
            catalog, index, typed = entry
            return cls(catalog, Extractor(catalog, index), typed)
        from mlgap.catalog.load import parse_catalog  # PyYAML is needed only to build

        catalog = parse_catalog(files, catalog_source(catalog_dir))
        index = build_index(catalog)
        extractor = Extractor(catalog, index)
        # Typed phrases are read as résumé text is, once, when the cache is built.
        typed = TypedResolver(catalog, index, lambda text: extractor.extract(text).found)
        cache.store(key, (catalog, index, typed))
        return cls(catalog, extractor, typed)

    def _found_in(self, text: str) -> frozenset[str]:
        """Return the skills `text` shows, for typed items no name matches."""
        return self.extractor.extract(text).found

    def extract_document(
        self, doc: Document, skills: list[str] | None = None, as_of: date | None = None
    ) -> Extraction:
        """Return what a read résumé (and typed `skills`) show; evidence names PDF pages, and
        "present" in its work history means `as_of` (default: today)."""
        parts = [Extraction(doc.source, (), notes=doc.notes)] if doc.notes else []
        if doc.text:
            extraction = self.extractor.extract(doc.text, doc.source, as_of)
            parts.append(extraction.on_pages(doc.page_starts))
        if skills:
            parts.append(self.typed.extract(skills, self._found_in))
        return Extraction.merge(*parts)

    def assess_document(
        self,
        doc: Document,
        role: str | None = None,
        skills: list[str] | None = None,
        as_of: date | None = None,
        job: JobTarget | None = None,
    ) -> Assessment:
        """Assess a read résumé (and typed `skills`) against `role` (default: the catalog's),
        or against a job ad's or role file's target `job`."""
        extraction = self.extract_document(doc, skills, as_of)
        if job is not None:
            return assess(extraction, self.catalog, job.role, job.target)
        return assess(extraction, self.catalog, role)

    def role_file_target(self, path: Path) -> JobTarget:
        """Return the role of a role file (checked against the catalog) as a target."""
        from mlgap.assess.targets import JobTarget
        from mlgap.catalog.load import load_role_file  # PyYAML is needed only here

        role, digest = load_role_file(path, self.catalog)
        return JobTarget(role, Target("role-file", role.id, role.name, digest, str(path)))

    def job_target(self, ad: Document) -> JobTarget:
        """Return what a read job ad asks for, as a target to assess against."""
        from mlgap.assess.targets import job_target  # only a job ad needs it

        read, _ = readable_part(ad.text)  # what extraction reads of it, and no more
        text = clean_text(read)  # the text the evidence's lines and columns are of
        extraction = self.extractor.extract(read, ad.source, job_ad=True)
        return job_target(self.catalog, extraction, text, ad.source)

    def assess_text(
        self,
        text: str,
        role: str | None = None,
        source: str = "<text>",
        skills: list[str] | None = None,
        as_of: date | None = None,
    ) -> Assessment:
        """Extract skills from `text` (and typed `skills`) and assess them against `role`."""
        return self.assess_document(Document(source, text), role, skills, as_of)
