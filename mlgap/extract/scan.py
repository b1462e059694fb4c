"""Find every place a catalog phrase stands in a text: the fast, judgement-free pass."""

from __future__ import annotations

import operator
import re
from typing import NamedTuple

from mlgap.extract.index import FUZZY_MIN_LENGTH, Index, Target, deletions
from mlgap.tokens import TOKEN_RE

_HARD_GAP = frozenset(',;:|•()[]{}<>!?"')
_GLUE_GAP = frozenset(" -.")
_CLAUSE_GAP = frozenset(".;:|•\n!?()")
_CONJUNCTIONS = frozenset(["and", "or"])
_DONE_TO = frozenset(["by", "me", "us"])
# A hyphenated prefix that keeps a verb a verb: "co-supervised", "re-trained", "co-led".
_VERB_PREFIXES = frozenset(["co", "re", "pre"])
# After these a verb's plain form is a noun: "our mentor developer", "the design team".
_DETERMINERS = frozenset("a an the our your my their his her its".split())
# A document is flattened when its lines run over _FLAT_LINE characters on average: its
# headings stand inside lines. Short texts (a typed sentence) are never taken for one.
_FLAT_MIN, _FLAT_LINE = 1000, 300


class Hit(NamedTuple):
    """A catalog phrase found at text[start:end] (a named tuple: made by the hundred)."""

    start: int
    end: int
    target: Target
    how: str
    score: float


class Scanner:
    """Scan texts for one index; keeps a cache of fuzzy look-ups across texts."""

    def __init__(self, index: Index, marking: frozenset[str] = frozenset()) -> None:
        self.index = index
        # Tokens worth a look: where a phrase may start, a verb of a family stands, or (for
        # the caller) one of `marking`: the one pass over a text's tokens notes them all.
        self.starts = frozenset(index.first) | frozenset(index.glued) | frozenset(index.verbs)
        self.marking = marking
        self._looked_at = self.starts | marking
        # Per verb form: every object of its families, and the widest gap, to pass over
        # the places where no family can be complete with one look.
        self._verb_reach = {
            form: (frozenset().union(*(f.objects for f in families)), max(f.gap for f in families))
            for form, families in index.verbs.items()
        }
        # Words seen before: with a near miss, or plain (no near miss, no version glued on a
        # known name). Most words of a batch repeat, and a set difference skips them in C.
        self._near_misses: dict[str, tuple[str, float]] = {}
        self._plain: set[str] = set()

    @staticmethod
    def tokens(text: str, lower: str) -> tuple[list[str], list[re.Match[str]]]:
        """Return the tokens of `lower` (`text` lower-cased, offsets kept) and their matches."""
        matches = list(TOKEN_RE.finditer(lower))
        return list(map(re.Match.group, matches)), matches

    def scan(
        self,
        text: str,
        lower: str,
        toks: list[str],
        matches: list[re.Match[str]],
        marks: list[tuple[str, int]] | None = None,
    ) -> list[Hit]:
        """Return every hit in `text`, in order of position (`lower`: its lower-cased form);
        `marks` receives (token, offset) of every token of `marking`."""
        hits: list[Hit] = []
        distinct = set(toks)
        several: list[tuple[int, int]] = []  # (first token, size) of phrases of several words
        verb_places: list[int] = []
        openers: list[int] = []  # a phrase's first word, then "and"/"or"
        self._phrases(text, toks, matches, hits, several, verb_places, marks, openers)
        if several:
            self._coordinated(text, toks, matches, hits, several)
        if openers:
            self._shared_heads(text, toks, matches, hits, openers)
        self._split_words(text, toks, matches, hits)
        self._unlisted(toks, matches, distinct - self.starts - self._plain, hits)
        if verb_places:
            self._verb_objects(text, toks, matches, hits, verb_places)
        self._headings(text, lower, hits)
        # In order of start, the longest first where several start together: the longest
        # phrase is the mention ("supervised and unsupervised learning", not its first
        # three words), and the shorter ones are the same words again.
        hits.sort(key=operator.attrgetter("end"), reverse=True)
        hits.sort(key=operator.attrgetter("start"))
        return hits

    def _phrases(
        self,
        text: str,
        toks: list[str],
        matches: list[re.Match[str]],
        hits: list[Hit],
        several: list[tuple[int, int]],
        verb_places: list[int],
        marks: list[tuple[str, int]] | None,
        openers: list[int],
    ) -> None:
        index, looked_at, starts = self.index, self._looked_at, self.starts
        verbs, marking = index.verbs, self.marking
        if marks is None:
            marks = []
        phrases, pairs = index.phrases, index.pairs
        n = len(toks)
        single, longer = index.single, index.longer
        for i in [i for i, t in enumerate(toks) if t in looked_at]:
            tok = toks[i]
            if tok in marking:
                marks.append((tok, matches[i].start()))
                if tok not in starts:
                    continue  # a word the caller wants the place of, no phrase or verb
            if tok in verbs:
                verb_places.append(i)
            targets = single.get(tok)
            sizes = longer.get(tok)
            if sizes is not None and i + 1 < n:
                after = toks[i + 1]
                if (tok, after) in pairs:
                    _phrases_at(i, sizes, phrases, text, toks, matches, hits, several)
                # "data and infrastructure architecture" (i), "text/sentiment analytics"
                # (-i-1: a slash is no token, so there is no "and" to step over).
                if after in _CONJUNCTIONS:
                    openers.append(i)
                elif i + 2 < n and (tok, toks[i + 2]) in pairs and text[matches[i].end()] == "/":
                    openers.append(-i - 1)
            if targets is not None:  # a one-word phrase, or a glued one ("RandomForest")
                start, end = matches[i].span()
                hits.extend([Hit(start, end, t, t.how, 100.0) for t in targets])

    def _coordinated(
        self,
        text: str,
        toks: list[str],
        matches: list[re.Match[str]],
        hits: list[Hit],
        several: list[tuple[int, int]],
    ) -> None:
        """Find phrases that share their head with the next one: in "supervised and
        unsupervised learning", "supervised learning" too; "text/sentiment analytics";
        "training, deployment and monitoring of models"."""
        phrases = self.index.phrases
        end_of = {}
        for first, size in several:
            tail = tuple(toks[first + 1 : first + size])
            end = matches[first + size - 1].end()
            at = first
            for _ in range(3):  # "A, B and C head": up to three conjuncts before the phrase
                before = _previous_conjunct(text, toks, matches, at)
                if before is None:
                    break
                at = before
                for target in phrases.get((toks[at], *tail), ()):
                    if target.how != "block":
                        end_of[(matches[at].start(), target)] = end
        hits.extend(Hit(start, end, t, t.how, 100.0) for (start, t), end in end_of.items())

    def _shared_heads(
        self,
        text: str,
        toks: list[str],
        matches: list[re.Match[str]],
        hits: list[Hit],
        openers: list[int],
    ) -> None:
        """Find a phrase whose first word is a conjunct of a head it shares with another word,
        the other one not a phrase itself: "application, data and infrastructure architecture"
        is data architecture, "machine and deep learning" machine learning. (Where the last
        conjunct and the head are a phrase too, `_coordinated` finds both.)"""
        phrases, longer, pairs = self.index.phrases, self.index.longer, self.index.pairs
        n = len(toks)
        for opener in openers:
            # "A and B head..." or "A/B head...": B is one word; the head is the rest of one
            # of A's phrases. `b` is where B stands (a slash is no token).
            i, b = (opener, opener + 2) if opener >= 0 else (-opener - 1, -opener)
            if b + 1 >= n or (toks[i], toks[b + 1]) not in pairs:
                continue  # no phrase of A goes on with the word after B: most "A and B"
            if not all(_joins(text[matches[k - 1].end() : matches[k].start()]) for k in (i + 1, b)):
                continue
            for size in longer[toks[i]]:
                head = toks[b + 1 : b + size]
                if len(head) != size - 1:
                    continue
                found = phrases.get((toks[i], *head), ())
                if found and _together(text, matches, b, size):
                    start, end = matches[i].start(), matches[b + size - 1].end()
                    # Other meanings too: "regression and integration testing" is testing.
                    hits.extend(Hit(start, end, t, t.how, 100.0) for t in found)
                    break

    def _split_words(
        self, text: str, toks: list[str], matches: list[re.Match[str]], hits: list[Hit]
    ) -> None:
        """Find names split by a space, a hyphen or a dot: "Py Torch", "Tensor-Flow"."""
        glued, names, heads = self.index.glued, self.index.split_names, self.index.split_heads
        # Two pieces only: three-piece splits ("Sci kit learn") meet a two-piece name
        # ("scikit") on the way, and a third pass would cost as much as all the others.
        # Only a token that begins a name is joined to the next: joining every pair of a
        # text's tokens cost a fifth of the scan.
        last = len(toks) - 1
        for i in [i for i, t in enumerate(toks) if t in heads]:
            if i == last or (joined := toks[i] + toks[i + 1]) not in names:
                continue
            key = glued[joined]
            if key == (toks[i], toks[i + 1]):
                continue
            if not set(text[matches[i].end() : matches[i + 1].start()]) <= _GLUE_GAP:
                continue
            self._add(hits, key, matches[i].start(), matches[i + 1].end())

    def _add(self, hits: list[Hit], key: tuple[str, ...], start: int, end: int) -> None:
        hits.extend(Hit(start, end, t, t.how, 100.0) for t in self.index.phrases.get(key, ()))

    def _unlisted(
        self, toks: list[str], matches: list[re.Match[str]], rest: set[str], hits: list[Hit]
    ) -> None:
        """Find words no phrase starts with that still name a tool: a known name with a
        version glued on ("python3", "yolov5"), or a one-letter slip ("Tensorflw")."""
        near, plain, first = self._near_misses, self._plain, self.index.first
        if len(plain) > 200_000:  # bound memory in long batch runs
            plain.clear()
        found: dict[str, tuple[str, str, float]] = {}  # word -> (form, how, score)
        for tok in rest:
            if tok[-1].isdigit():
                base = _unversioned(tok)
                # Three letters at least: "git2", "sql2019"; not "c3" or "r2".
                if len(base) >= 3 and base in first:
                    found[tok] = (base, "versioned", 100.0)
                    continue
            elif len(tok) >= FUZZY_MIN_LENGTH:
                best = near.get(tok) or self._closest(tok)
                if best is not None:
                    near[tok] = best
                    found[tok] = (best[0], "fuzzy", best[1])
                    continue
            plain.add(tok)
        if not found:
            return
        phrases = self.index.phrases
        for i in [i for i, t in enumerate(toks) if t in found]:
            form, how, score = found[toks[i]]
            start, end = matches[i].span()
            if how == "versioned":
                hits.extend(Hit(start, end, t, t.how, 100.0) for t in phrases.get((form,), ()))
            else:
                hits.extend(
                    Hit(start, end, t, "fuzzy", score) for t in phrases[(form,)] if t.how == "alias"
                )

    def _closest(self, tok: str) -> tuple[str, float] | None:
        if not tok.isalpha() or len(tok) > 30:
            return None
        forms: set[str] = set()
        for variant in deletions(tok):
            forms.update(self.index.fuzzy.get(variant, ()))
        if not forms:
            return None
        # rapidfuzz is imported only when a near miss needs confirming: most runs never do.
        from rapidfuzz.distance import OSA
        from rapidfuzz.fuzz import ratio

        best = sorted(f for f in forms if f[0] == tok[0] and OSA.distance(tok, f) <= 1)
        return (best[0], round(ratio(tok, best[0]), 1)) if best else None

    def _verb_objects(
        self,
        text: str,
        toks: list[str],
        matches: list[re.Match[str]],
        hits: list[Hit],
        verb_places: list[int],
    ) -> None:
        """Find a verb and its object a few words apart: "solved several critical problems"."""
        verbs, reach_of = self.index.verbs, self._verb_reach
        n = len(toks)
        for i in verb_places:
            tok = toks[i]
            any_object, reach = reach_of[tok]
            if any_object.isdisjoint(toks[i + 1 : i + reach + 2]):
                continue  # no object of any family near: most places of a common verb
            if text[matches[i].start() - 1 : matches[i].start()] == "-" and (
                not i or toks[i - 1] not in _VERB_PREFIXES
            ):
                continue  # "industry-leading": an adjective, not the verb ("co-led" is one)
            if i + 1 < n and toks[i + 1] in _DONE_TO:
                continue  # "managed by other teams", "taught me": done to, not done
            if i and toks[i - 1] in _DETERMINERS and not tok.endswith(("ed", "ing")):
                continue  # "our mentor will help you": a noun, someone else's
            clause_end = i + 1  # the object must be in the verb's own clause
            while clause_end < min(n, i + reach + 2) and _CLAUSE_GAP.isdisjoint(
                text[matches[clause_end - 1].end() : matches[clause_end].start()]
            ):
                clause_end += 1
            for target, objects, gap, between, heads in verbs[tok]:
                # The furthest object: "designed the ML platform", not "designed the ML".
                last = max(
                    (j for j in range(i + 1, min(clause_end, i + gap + 2)) if toks[j] in objects),
                    default=0,
                )
                if not last:
                    continue
                if between and not between.isdisjoint(toks[i + 1 : last]):
                    continue  # "trained a model for the analyst team": a model was trained
                if (
                    last + 1 < n
                    and toks[last + 1] in heads
                    and text[matches[last].end() : matches[last + 1].start()] == " "
                ):
                    continue  # "led team meetings": the object qualifies the next noun
                start, end = matches[i].start(), matches[last].end()
                hits.append(Hit(start, end, target, "phrase", 100.0))

    def _headings(self, text: str, lower: str, hits: list[Hit]) -> None:
        """Find section headings that show a skill by themselves ("Projects", "Publications"):
        alone on a line or before a colon; in a document flattened to one line, in capitals
        between words that are not ("... SQL PROJECTS Churn model ...")."""
        headings = self.index.headings
        found = [m.span(1) for m in self.index.heading_re.finditer(lower)]
        if len(text) > _FLAT_MIN and text.count("\n") * _FLAT_LINE < len(text):
            for m in re.finditer(self.index.heading_caps, text):
                around = text[max(0, m.start() - 30) : m.start()] + text[m.end() : m.end() + 30]
                if any(c.islower() for c in around):  # a CV all in capitals has no headings so
                    found.append(m.span(1))
        for start, end in found:
            squashed = "".join(TOKEN_RE.findall(lower[start:end]))
            for target in headings.get(squashed, ()):
                hits.append(Hit(start, end, target, "heading", 100.0))


def _previous_conjunct(
    text: str, toks: list[str], matches: list[re.Match[str]], k: int
) -> int | None:
    """Return the token that stands before token k joined by "and", "or", "/" or ",", or None."""
    if k >= 2 and toks[k - 1] in ("and", "or"):
        gaps = (
            text[matches[k - 2].end() : matches[k - 1].start()],
            text[matches[k - 1].end() : matches[k].start()],
        )
        return k - 2 if all(_joins(g, " ,") for g in gaps) else None
    if k >= 1:
        gap = text[matches[k - 1].end() : matches[k].start()]
        if gap.strip() in ("/", ",") and "\n" not in gap:
            return k - 1
    return None


def _phrases_at(
    i: int,
    sizes: tuple[int, ...],
    phrases: dict[tuple[str, ...], list[Target]],
    text: str,
    toks: list[str],
    matches: list[re.Match[str]],
    hits: list[Hit],
    several: list[tuple[int, int]],
) -> None:
    """Add the phrases of several words that begin at token i, longest first (so a phrase
    is seen before its words)."""
    n = len(toks)
    for size in sizes:
        if (
            i + size <= n
            and (found := phrases.get(tuple(toks[i : i + size])))
            and _together(text, matches, i, size)
        ):
            start, end = matches[i].start(), matches[i + size - 1].end()
            hits.extend([Hit(start, end, t, t.how, 100.0) for t in found])
            several.append((i, size))


def _joins(gap: str, separators: str = " ,/") -> bool:
    """Return whether the text between two conjuncts, or a conjunct and "and"/"or", keeps
    them in one list: nothing but `separators`, on one line."""
    return gap.strip(separators) == "" and "\n" not in gap


def _unversioned(token: str) -> str:
    """Return a token without its version: "python3" -> "python", "yolov5" -> "yolo"."""
    base = token.rstrip("0123456789")
    return base[:-1] if base.endswith("v") and len(base) > 4 else base


def _together(text: str, matches: list[re.Match[str]], i: int, size: int) -> bool:
    """Return whether tokens i..i+size-1 stand together: no list separator, no column gap,
    no sentence end ("a new team. Lead developer"; "M. Sc" and "Ph. D." are abbreviations)."""
    for j in range(i + 1, i + size):
        gap = text[matches[j - 1].end() : matches[j].start()]
        if len(gap) > 3 or not _HARD_GAP.isdisjoint(gap):
            return False
        if ". " in gap and matches[j - 1].end() - matches[j - 1].start() > 2:
            return False
    return True
