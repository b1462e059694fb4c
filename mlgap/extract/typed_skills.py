"""Resolve skills typed on the command line, forgiving typos, suggesting when nothing fits."""

from __future__ import annotations

import re

from mlgap.catalog.model import Catalog
from mlgap.errors import InputError
from mlgap.extract.index import Index
from mlgap.extract.results import Evidence, Extraction, Finding, Unrecognized
from mlgap.tokens import alias_key

_SPLIT_RE = re.compile(r"[,;\n]")
MAX_ITEMS = 300  # typed skills at once: a person types tens; more is a file pasted by mistake
MAX_ITEM = 80  # characters of one typed skill that are looked up at all


def split_typed(values: list[str]) -> list[str]:
    """Return the non-empty items of comma- or semicolon-separated `values`."""
    return [item.strip() for value in values for item in _SPLIT_RE.split(value) if item.strip()]


def max_edits(length: int) -> int:
    """Return how many typos an alias of `length` characters forgives: none for short ones."""
    return 2 if length >= 6 else 1 if length >= 4 else 0


class TypedResolver:
    """Map typed skill names to catalog ids."""

    def __init__(self, catalog: Catalog, index: Index) -> None:
        self.catalog = catalog
        self.index = index
        self.forms: dict[str, str] = {}
        # A typed name is the skill it is an alias of; an instance only when it shows one skill.
        for key, targets in index.phrases.items():
            for target in targets:
                if target.how == "alias":
                    self.forms.setdefault("".join(key), target.skill)
        for key, targets in index.phrases.items():
            skills = {t.skill for t in targets if t.how == "instance"}
            if len(skills) == 1:
                self.forms.setdefault("".join(key), skills.pop())
        for skill in catalog.skills.values():
            self.forms.setdefault("".join(alias_key(skill.name)), skill.id)
            self.forms.setdefault(skill.id.replace("-", ""), skill.id)
        self.choices = list(self.forms)

    def resolve(self, item: str) -> tuple[str, str, float] | None:
        """Return (skill id, how, score) for a typed item, or None."""
        squashed = "".join(alias_key(item))
        if not squashed:
            return None
        if squashed in self.forms:
            return self.forms[squashed], "typed", 100.0
        edits = max_edits(len(squashed))
        if not edits:
            return None
        from rapidfuzz import fuzz, process  # only a typo needs it: keep starts fast
        from rapidfuzz.distance import OSA

        best = process.extractOne(
            squashed, self.choices, scorer=OSA.distance, score_cutoff=edits, processor=None
        )
        if best is None or max_edits(len(best[0])) < best[1]:
            return None
        return self.forms[best[0]], "fuzzy", round(fuzz.ratio(squashed, best[0]), 1)

    def suggest(self, item: str, limit: int = 3) -> tuple[str, ...]:
        """Return up to `limit` skill names `item` may have meant."""
        from rapidfuzz import fuzz, process

        squashed = "".join(alias_key(item)) or item.lower()
        names: list[str] = []
        for form, _score, _ in process.extract(
            squashed, self.choices, scorer=fuzz.ratio, limit=12, score_cutoff=65
        ):
            name = self.catalog.skills[self.forms[form]].name
            if name not in names:
                names.append(name)
        return tuple(names[:limit])

    def extract(self, values: list[str]) -> Extraction:
        """Return an extraction of the typed items, each matched one carrying its evidence."""
        found: dict[str, list[Evidence]] = {}
        unrecognized: list[Unrecognized] = []
        items = split_typed(values)
        if len(items) > MAX_ITEMS:
            raise InputError(
                f"{len(items):,} typed skills is more than the {MAX_ITEMS} taken at once",
                path="--skills",
                fix="type the skills themselves, or give a résumé file",
            )
        for item in items:
            if len(item) > MAX_ITEM:  # no skill's name is this long: no fuzzy search either
                unrecognized.append(Unrecognized(item[:MAX_ITEM] + "…", ()))
                continue
            resolved = self.resolve(item)
            if resolved is None:
                unrecognized.append(Unrecognized(item, self.suggest(item)))
                continue
            skill, how, score = resolved
            found.setdefault(skill, []).append(Evidence(text=item, how=how, score=score))
        skills = self.catalog.skills
        findings = tuple(
            Finding(k, skills[k].name, skills[k].category, tuple(v))
            for k, v in sorted(found.items())
        )
        return Extraction("--skills", findings, tuple(unrecognized))
