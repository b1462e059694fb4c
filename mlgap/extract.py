"""Find every skill a text shows, each with the evidence a person can check."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA
from rapidfuzz.fuzz import ratio

from mlgap.catalog import Catalog
from mlgap.clean import clean_text
from mlgap.context import CUE_AFTER, CUE_BEFORE, TECH_CATEGORIES, Cues, inside, url_spans
from mlgap.index import FUZZY_MIN_LENGTH, Index, Target, build_index, deletions
from mlgap.result import COUNTED, Evidence, Extraction, Finding
from mlgap.tokens import TOKEN_RE

re_Match = re.Match[str]

_HARD_GAP = frozenset(',;:|•()[]{}<>!?"')
_GLUE_GAP = frozenset(" -.")
_MAX_HEADING = 40
_NEAR_BEFORE, _NEAR_AFTER = 80, 150
_NEWLINE_RE = re.compile("\n")
_FIELD_RE = re.compile(r"[ \t]*[.,]?[ \t]*(?:in|of)[ \t]+([^,;()\n]{1,80})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    target: Target
    how: str
    score: float


class Extractor:
    """Extract skills from text with one catalog; build once, call many times."""

    def __init__(self, catalog: Catalog, index: Index | None = None) -> None:
        self.catalog = catalog
        self.index = index if index is not None else build_index(catalog)
        self._fuzzy_cache: dict[str, tuple[str, float] | None] = {}

    def extract(self, text: str, source: str = "<text>") -> Extraction:
        """Return the skills `text` shows; negated and wished-for mentions are kept, flagged."""
        text = clean_text(text)
        hits = self._scan(text)
        return Extraction(source, self._findings(text, hits))

    # -- scanning -----------------------------------------------------------------------

    def _scan(self, text: str) -> list[_Hit]:
        lower = text.lower()
        if len(lower) != len(text):  # a few characters grow when lower-cased
            matches = list(TOKEN_RE.finditer(text))
            toks = [m.group().lower() for m in matches]
        else:
            matches = list(TOKEN_RE.finditer(lower))
            toks = [m.group() for m in matches]
        idx = self.index
        phrases, first, glued, glue_starts = idx.phrases, idx.first, idx.glued, idx.glue_starts
        n = len(toks)
        hits: list[_Hit] = []
        wanted = idx.wanted
        for i in [i for i, t in enumerate(toks) if t in wanted or t[-1].isdigit()]:
            tok = toks[i]
            sizes = first.get(tok)
            if sizes is not None:
                for size in sizes:
                    if i + size > n:
                        continue
                    key = (tok,) if size == 1 else tuple(toks[i : i + size])
                    targets = phrases.get(key)
                    if targets and (size == 1 or self._joinable(text, matches, i, size)):
                        for target in targets:
                            hits.append(
                                _Hit(
                                    matches[i].start(),
                                    matches[i + size - 1].end(),
                                    target,
                                    target.how,
                                    100.0,
                                )
                            )
            elif tok in glued:
                self._add(hits, glued[tok], matches[i].start(), matches[i].end())
            elif (
                tok[-1].isdigit() and (base := tok.rstrip("0123456789")) in first and len(base) >= 4
            ):
                self._add(hits, (base,), matches[i].start(), matches[i].end())
            if tok in glue_starts and i + 1 < n:
                joined = tok
                for j in (i + 1, i + 2):
                    if (
                        j >= n
                        or not set(text[matches[j - 1].end() : matches[j].start()]) <= _GLUE_GAP
                    ):
                        break
                    joined += toks[j]
                    if joined in glued and glued[joined] != tuple(toks[i : j + 1]):
                        self._add(hits, glued[joined], matches[i].start(), matches[j].end())
        hits.extend(self._fuzzy_hits(toks, matches))
        hits.extend(self._heading_hits(text))
        return hits

    def _add(self, hits: list[_Hit], key: tuple[str, ...], start: int, end: int) -> None:
        for target in self.index.phrases.get(key, ()):
            hits.append(_Hit(start, end, target, target.how, 100.0))

    @staticmethod
    def _joinable(text: str, matches: list[re_Match], i: int, size: int) -> bool:
        """Return whether tokens i..i+size-1 stand together: no list separator, no column gap."""
        for j in range(i + 1, i + size):
            gap = text[matches[j - 1].end() : matches[j].start()]
            if len(gap) > 3 or not _HARD_GAP.isdisjoint(gap):
                return False
        return True

    def _fuzzy_hits(self, toks: list[str], matches: list[re_Match]) -> Iterable[_Hit]:
        first, glued, cache = self.index.first, self.index.glued, self._fuzzy_cache
        if len(cache) > 100_000:  # bound memory in long batch runs
            cache.clear()
        skip = self.index.wanted
        for i in [i for i, t in enumerate(toks) if len(t) >= FUZZY_MIN_LENGTH and t not in skip]:
            tok = toks[i]
            if tok in first or tok in glued:
                continue
            if tok not in cache:
                cache[tok] = self._closest(tok)
            best = cache[tok]
            if best is not None:
                form, score = best
                for target in self.index.phrases[(form,)]:
                    if target.how == "alias":
                        yield _Hit(matches[i].start(), matches[i].end(), target, "fuzzy", score)

    def _closest(self, tok: str) -> tuple[str, float] | None:
        if not tok.isalpha() or len(tok) > 30:
            return None
        forms: set[str] = set()
        for variant in deletions(tok):
            forms.update(self.index.fuzzy.get(variant, ()))
        best = [f for f in forms if OSA.distance(tok, f, score_cutoff=1) <= 1 and f[0] == tok[0]]
        if not best:
            return None
        form = min(best)
        return form, round(ratio(tok, form), 1)

    def _heading_hits(self, text: str) -> Iterable[_Hit]:
        headings = self.index.headings
        pos = 0
        for line in text.split("\n"):
            stripped = line.strip(" \t:-•*#=_|")
            if 0 < len(stripped) <= _MAX_HEADING:
                squashed = "".join(t.lower() for t in TOKEN_RE.findall(stripped))
                for target in headings.get(squashed, ()):
                    start = pos + line.index(stripped)
                    yield _Hit(start, start + len(stripped), target, "heading", 100.0)
            pos += len(line) + 1

    # -- judging ------------------------------------------------------------------------

    def _findings(self, text: str, hits: list[_Hit]) -> tuple[Finding, ...]:
        blocks = [(h.start, h.end, h.target.skill) for h in hits if h.how == "block"]
        links = url_spans(text)
        line_starts = [0] + [m.end() for m in _NEWLINE_RE.finditer(text)]
        cues = Cues(text)
        tech = [
            (h.start, h.end)
            for h in hits
            if h.how != "block"
            and not h.target.ambiguous
            and self.catalog.skills[h.target.skill].category in TECH_CATEGORIES
        ]
        by_skill: dict[str, dict[tuple[int, int], Evidence]] = {}
        for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
            if hit.how == "block" or not self._stands(text, hit, blocks, links, tech):
                continue
            line_no = bisect.bisect_right(line_starts, hit.start)
            line_start = line_starts[line_no - 1]
            line_end = text.find("\n", hit.start)
            line_text = text[line_start : len(text) if line_end < 0 else line_end]
            column = hit.start - line_start
            evidence = Evidence(
                text=text[hit.start : hit.end],
                how=hit.how,
                score=hit.score,
                status=cues.status(hit.start, hit.end) if hit.how != "heading" else COUNTED,
                line=line_no,
                column=column + 1,
                context=_excerpt(line_text, column),
            )
            spans = by_skill.setdefault(hit.target.skill, {})
            span = (hit.start, hit.end)
            if span not in spans and not any(s <= hit.start and hit.end <= e for s, e in spans):
                spans[span] = evidence
        return tuple(
            Finding(skill, tuple(spans.values())) for skill, spans in sorted(by_skill.items())
        )

    def _stands(
        self,
        text: str,
        hit: _Hit,
        blocks: list[tuple[int, int, str]],
        links: list[tuple[int, int]],
        tech: list[tuple[int, int]],
    ) -> bool:
        target = hit.target
        if any(s <= hit.start and hit.end <= e and k == target.skill for s, e, k in blocks):
            return False
        if links and inside(links, hit.start, hit.end):
            return False
        if target.ambiguous and not _ambiguous_ok(text, hit, target, tech):
            return False
        if target.conditional:
            return self._near(text, hit)
        return True

    def _near(self, text: str, hit: _Hit) -> bool:
        """Return whether a conditional alias (a bare degree) has its field beside it."""
        pattern = self.index.near[hit.target.skill]
        stated = _FIELD_RE.match(text, hit.end, min(len(text), hit.end + 100))
        if stated:  # "B.A. in Economics": the field is stated, and only it counts
            return pattern.search(text, stated.start(1), stated.end(1)) is not None
        lo, hi = max(0, hit.start - _NEAR_BEFORE), min(len(text), hit.end + _NEAR_AFTER)
        return pattern.search(text, lo, hi) is not None


def _ambiguous_ok(text: str, hit: _Hit, target: Target, tech: list[tuple[int, int]]) -> bool:
    """Accept an ambiguous short alias only as itself and among technologies."""
    word = text[hit.start : hit.end]
    if target.case_sensitive and word != target.alias:
        return False
    before = text[hit.start - 1] if hit.start else " "
    after = text[hit.end] if hit.end < len(text) else " "
    if before in "&'-" or after in "&'-":
        return False
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line_end = len(text) if line_end < 0 else line_end
    if any(line_start <= s and e <= line_end and abs(s - hit.start) < 60 for s, e in tech):
        return True
    prev_words = TOKEN_RE.findall(text[max(line_start, hit.start - 30) : hit.start].lower())
    next_words = TOKEN_RE.findall(text[hit.end : min(line_end, hit.end + 30)].lower())
    return bool(
        (prev_words and prev_words[-1] in CUE_BEFORE) or (next_words and next_words[0] in CUE_AFTER)
    )


def _excerpt(line: str, column: int, width: int = 160) -> str:
    """Return the line around `column`, trimmed to `width` characters."""
    line = line.strip()
    if len(line) <= width:
        return line
    start = max(0, min(column - width // 2, len(line) - width))
    return ("…" if start else "") + line[start : start + width].strip() + "…"


def extract(text: str, catalog: Catalog, source: str = "<text>") -> Extraction:
    """Return the skills `text` shows, using a fresh extractor for `catalog`."""
    return Extractor(catalog).extract(text, source)
