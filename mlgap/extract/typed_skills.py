"""Resolve skills typed on the command line, forgiving typos, suggesting when nothing fits."""

from __future__ import annotations

import re
from collections.abc import Callable

from mlgap.catalog.model import Catalog
from mlgap.errors import InputError
from mlgap.extract.index import Index
from mlgap.extract.results import Evidence, Extraction, Finding, Unrecognized
from mlgap.tokens import alias_key

_SPLIT_RE = re.compile(r"[,;\n]")
MAX_ITEMS = 300  # typed skills at once: a person types tens; more is a file pasted by mistake
MAX_ITEM = 80  # characters of one typed skill that are looked up at all
SUGGEST_AT = 80  # similarity (0-100) a name needs to be offered as "did you mean"


def as_resume_text(item: str) -> str:
    """Return a typed item as a line of a résumé's skills list, for the extractor to read."""
    return f"Skills: {item}."


def split_typed(values: list[str]) -> list[str]:
    """Return the non-empty items of comma- or semicolon-separated `values`."""
    return [item.strip() for value in values for item in _SPLIT_RE.split(value) if item.strip()]


def max_edits(length: int) -> int:
    """Return how many typos an alias of `length` characters forgives: none for short ones."""
    return 2 if length >= 6 else 1 if length >= 4 else 0


class TypedResolver:
    """Map typed skill names to catalog ids, as résumé text would be: instances included.

    A typed name is what its phrase shows in a résumé: an alias shows its skill, an
    instance every skill it shows ("CNN" shows deep learning and neural networks;
    "logistic regression" classification and regression). Case, spaces, hyphens and dots
    do not matter; typos are forgiven in longer names. A name that is a known technology
    outside the catalog ("Tableau", "JavaScript") is said to be one, with no suggestion.
    """

    def __init__(
        self,
        catalog: Catalog,
        index: Index,
        in_text: Callable[[str], frozenset[str]] | None = None,
    ) -> None:
        """`in_text` returns the skills a résumé's text shows (the extractor's reading):
        a typed phrase shows what it shows written in a résumé, the names inside it too
        ("Azure ML certification" is Azure as well). Called once per catalog phrase, when
        the resolver is built (and cached), never per typed item."""
        self.catalog = catalog
        self.forms: dict[str, tuple[str, ...]] = {}
        read: dict[str, frozenset[str]] = {}  # phrase -> in_text's answer: plurals repeat it
        # As in a résumé, a phrase shows every skill it is an alias or an instance of
        # ("SVC" is the SVM and a classifier; "medical imaging" vision and healthcare).
        # Phrases that differ only in spacing ("linear regression", "LinearRegression") are
        # one typed name: their skills are pooled.
        for key, targets in index.phrases.items():
            named = [t for t in targets if t.how in ("alias", "instance")]
            if named:
                shown = {t.skill for t in named}
                if in_text is not None:
                    phrase = named[0].alias
                    if phrase not in read:
                        read[phrase] = in_text(as_resume_text(phrase))
                    shown |= read[phrase]
                squashed = "".join(key)
                self.forms[squashed] = tuple(sorted(shown.union(self.forms.get(squashed, ()))))
        for skill in catalog.skills.values():
            self.forms.setdefault("".join(alias_key(skill.name)), (skill.id,))
            self.forms.setdefault(skill.id.replace("-", ""), (skill.id,))
        self.outside = {"".join(alias_key(name)) for name in catalog.settings.known_outside}
        self.choices = list(self.forms)

    def resolve(self, item: str) -> tuple[tuple[str, ...], str, float] | None:
        """Return (skill ids, how, score) for a typed item, or None."""
        squashed = "".join(alias_key(item))
        if not squashed:
            return None
        if squashed in self.forms:
            return self.forms[squashed], "typed", 100.0
        if squashed in self.outside:
            return None
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
        """Return up to `limit` skill names `item` may have meant: only ones genuinely close."""
        from rapidfuzz import fuzz, process

        squashed = "".join(alias_key(item)) or item.lower()
        if squashed in self.outside:
            return ()
        names: list[str] = []
        for form, _score, _ in process.extract(
            squashed, self.choices, scorer=fuzz.ratio, limit=12, score_cutoff=SUGGEST_AT
        ):
            for skill in self.forms[form]:
                name = self.catalog.skills[skill].name
                if name not in names:
                    names.append(name)
        return tuple(names[:limit])

    def extract(
        self, values: list[str], read: Callable[[str], frozenset[str]] | None = None
    ) -> Extraction:
        """Return an extraction of the typed items, each matched one carrying its evidence.
        An item no name matches is read as résumé text would be by `read` (the skills a
        text shows, as `in_text` at construction), when given: "msc statistics" is a
        master's in a field, and statistics."""
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
                known = "".join(alias_key(item)) in self.outside
                in_text = read(as_resume_text(item)) if read and not known else frozenset()
                if not in_text:
                    unrecognized.append(Unrecognized(item, self.suggest(item), known))
                    continue
                resolved = tuple(sorted(in_text)), "typed", 100.0
            shown, how, score = resolved
            for skill in shown:
                found.setdefault(skill, []).append(Evidence(text=item, how=how, score=score))
        skills = self.catalog.skills
        findings = tuple(
            Finding(k, skills[k].name, skills[k].category, tuple(v))
            for k, v in sorted(found.items())
        )
        return Extraction("--skills", findings, tuple(unrecognized))
