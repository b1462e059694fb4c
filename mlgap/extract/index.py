"""The lookup tables extraction runs on, built once from the catalog."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from mlgap.catalog.model import Catalog, Skill
from mlgap.extract.history import Titles, title_pattern
from mlgap.extract.history import words as history_words
from mlgap.extract.sections import RESUME_KINDS, sections_pattern
from mlgap.tokens import alias_key

FUZZY_MIN_LENGTH = 7


class Target(NamedTuple):
    """What a phrase shows: a skill, how, and the conditions it counts under.

    A named tuple, not a dataclass: the cache holds some two thousand of them, and a tuple
    unpickles in C where a frozen dataclass runs Python code per field (a third of a start).
    """

    skill: str
    how: str  # alias, instance, heading or block (an other meaning)
    alias: str
    ambiguous: bool = False
    case_sensitive: bool = False
    conditional: bool = False
    acronym: bool = False  # written in capitals in the catalog: in title case it is a name


# Nouns an object may qualify, in every family, when it is no object at all: "managed team
# working skills", "lead for team projects", "led team meetings" lead no team.
_COMPOUND_HEADS = frozenset(
    "work working player players spirit building meeting meetings project projects "
    "event events lead leads leader leaders base".split()
)


class VerbFamily(NamedTuple):
    """One verb form's family: what it shows, the objects that complete it within `gap`
    words, the words that between them are the verb's own object, and the words that after
    an object make it qualify them (a named tuple, as Target, for the cache)."""

    target: Target
    objects: frozenset[str]
    gap: int
    between: frozenset[str]
    heads: frozenset[str]


@dataclass(slots=True)
class Index:
    """Phrase tables keyed by token tuples, plus the helpers for glued and misspelt words."""

    phrases: dict[tuple[str, ...], list[Target]] = field(default_factory=dict)
    first: dict[str, tuple[int, ...]] = field(default_factory=dict)
    glued: dict[str, tuple[str, ...]] = field(default_factory=dict)
    headings: dict[str, list[Target]] = field(default_factory=dict)
    fuzzy: dict[str, set[str]] = field(default_factory=dict)
    # Pattern sources, not patterns: each is compiled where it is used (re keeps it so), as
    # most documents need few of them and compiling all cost each start some 12 ms.
    near: dict[str, str] = field(default_factory=dict)
    pairs: set[tuple[str, str]] = field(default_factory=set)
    single: dict[str, list[Target]] = field(default_factory=dict)
    longer: dict[str, tuple[int, ...]] = field(default_factory=dict)
    split_names: frozenset[str] = frozenset()
    split_heads: frozenset[str] = frozenset()  # what a split name's first piece may be
    heading_re: re.Pattern[str] = re.compile("(?!)")
    # The same headings in capitals inside a line, for documents flattened to one line
    # ("... SQL PROJECTS Churn model ..."): a source, compiled only for such a document.
    heading_caps: str = "(?!)"
    benefits: str | None = None  # a job ad's perks, searched in lower-case text
    benefit_firsts: frozenset[str] = frozenset()  # the words a perk begins with
    sections: str | None = None  # a job ad's section headings
    resume_sections: str | None = None  # a CV's interests and other headings
    # The words a heading of either kind begins with: the patterns are tried only there.
    heading_firsts: frozenset[str] = frozenset()
    ad_firsts: frozenset[str] = frozenset()
    resume_firsts: frozenset[str] = frozenset()
    titles: Titles | None = None  # the seniority words of work titles
    history_words: frozenset[str] = frozenset()  # the tokens a work history is read from
    # A verb's every form -> (what it shows, the object forms that complete it, the gap).
    verbs: dict[str, list[VerbFamily]] = field(default_factory=dict)

    def add(self, phrase: str, target: Target, plural: bool = True) -> None:
        """Add a phrase (and, unless told not to, its plural) as showing `target`."""
        key = alias_key(phrase)
        self._add_key(key, target)
        last = key[-1]
        if plural and last.isalpha() and len(last) >= 4 and not last.endswith("s"):
            self._add_key((*key[:-1], last + "s"), target)

    def _add_key(self, key: tuple[str, ...], target: Target) -> None:
        targets = self.phrases.setdefault(key, [])
        if target not in targets:
            targets.append(target)
        if len(key) > 1:
            self.pairs.add((key[0], key[1]))
        sizes = self.first.get(key[0], ())
        if len(key) not in sizes:
            self.first[key[0]] = tuple(sorted((*sizes, len(key)), reverse=True))
        squashed = "".join(key)
        # Glued ("RandomForest") and split ("Py Torch") spellings are looked up by their
        # squashed form; short ones are left out because "s 3" or "a i" are not words.
        if target.how != "block" and len(squashed) >= 5:
            self.glued.setdefault(squashed, key)

    def add_fuzzy(self, form: str) -> None:
        """Make a one-word name findable with one letter wrong."""
        for variant in deletions(form):
            self.fuzzy.setdefault(variant, set()).add(form)


def is_acronym(alias: str) -> bool:
    """Return whether a catalog phrase is an acronym: a short word in capitals ("GAN"), or
    its plural ("GANs"). In title case the same letters are a name: Ramat Gan, Bert Jansen."""
    letters = alias[:-1] if alias.endswith("s") else alias
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()


def verb_forms(verb: str) -> set[str]:
    """Return the regular forms of a verb: solve, solves, solved, solving (and plain -s/-ed);
    identify, identifies, identified."""
    stem = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, verb + "s", verb + "es", verb + "d", verb + "ed", stem + "ed", stem + "ing"}
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "o", "u", ""):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    return forms


def deletions(word: str) -> set[str]:
    """Return `word` and every string one deletion away (symmetric-delete candidates)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _near_pattern(phrases: tuple[str, ...]) -> str:
    # Upper-case phrases (IT, CS) match case-sensitively: "it" is also a pronoun.
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        body = re.escape(phrase)
        parts.append(body if phrase.isupper() else f"(?i:{body})")
    return r"(?<![^\W_])(?:" + "|".join(parts) + r")(?![^\W_])"


def build_index(catalog: Catalog) -> Index:
    """Return the extraction tables for `catalog`."""
    index = Index()
    # Fuzzy matching in running text is limited to technology names, where a one-letter slip
    # ("Tensorflw") is a typo; words of the other categories are ordinary English words.
    fuzzy = catalog.skills_where("technology")
    for skill in catalog.skills.values():
        _add_skill(index, skill, skill.id in fuzzy)
    _pool_spellings(index)
    # Split spellings ("Py Torch") are looked for only among one-word names: a name of
    # several words is found by its words whatever stands between them.
    natural = {"".join(k) for k in index.phrases if len(k) > 1}
    index.split_names = frozenset(
        k[0]
        for k, targets in index.phrases.items()
        if len(k) == 1
        and len(k[0]) >= 5
        and k[0] not in natural
        and any(t.how != "block" for t in targets)
    )
    index.split_heads = frozenset(
        name[:k] for name in index.split_names for k in range(1, len(name))
    )
    index.heading_re = _heading_pattern(index.headings)
    index.heading_caps = _heading_caps_pattern(index.headings)
    index.benefits = _words_pattern(catalog.settings.benefit_phrases)
    index.benefit_firsts = frozenset(
        key[0] for p in catalog.settings.benefit_phrases if (key := alias_key(p))
    )
    index.sections = sections_pattern(dict(catalog.settings.ad_sections))
    index.resume_sections = sections_pattern(dict(catalog.settings.resume_sections), RESUME_KINDS)
    index.titles = title_pattern(catalog.settings.seniority_titles)
    index.history_words = history_words(catalog.settings.seniority_titles)
    # The words a heading of each kind begins with: the patterns are tried only there.
    index.ad_firsts = _firsts(catalog.settings.ad_sections)
    index.resume_firsts = _firsts(catalog.settings.resume_sections)
    index.heading_firsts = index.ad_firsts | index.resume_firsts
    index.single = {k[0]: v for k, v in index.phrases.items() if len(k) == 1}
    index.longer = {
        t: tuple(s for s in sizes if s > 1)
        for t, sizes in index.first.items()
        if any(s > 1 for s in sizes)
    }
    # A glued spelling that is no word of a phrase itself ("RandomForest", "KMeans") is
    # looked up as a one-word phrase: the scanner then has one look-up a token, not two.
    for tok, key in index.glued.items():
        if tok not in index.single and tok not in index.longer and key in index.phrases:
            index.single[tok] = index.phrases[key]
    return index


def _add_skill(index: Index, skill: Skill, fuzzy: bool) -> None:
    """Add every phrase of one skill, each kind with the conditions it counts under."""
    for alias in skill.aliases:
        index.add(alias, Target(skill.id, "alias", alias, acronym=is_acronym(alias)))
        key = alias_key(alias)
        if fuzzy and len(key) == 1 and len(key[0]) >= FUZZY_MIN_LENGTH and key[0].isalpha():
            index.add_fuzzy(key[0])
    for alias in skill.instances:
        index.add(alias, Target(skill.id, "instance", alias, acronym=is_acronym(alias)))
    for alias in skill.ambiguous:
        sensitive = alias != alias.lower()
        index.add(
            alias,
            Target(skill.id, "alias", alias, ambiguous=True, case_sensitive=sensitive),
            plural=False,
        )
    for alias in skill.conditional:
        # "BE" (a bachelor of engineering) in capitals only: "be" is a verb.
        sensitive = alias.isupper() and len(alias) <= 3
        index.add(
            alias,
            Target(skill.id, "alias", alias, conditional=True, case_sensitive=sensitive),
            plural=False,
        )
    for phrase in skill.other_meanings:
        index.add(phrase, Target(skill.id, "block", phrase), plural=False)
    for heading in skill.headings:
        squashed = "".join(alias_key(heading))
        index.headings.setdefault(squashed, []).append(Target(skill.id, "heading", heading))
    if skill.near:
        index.near[skill.id] = _near_pattern(skill.near)
    for family in skill.verb_objects:
        objects, between = _noun_forms(family.objects), _noun_forms(family.not_between)
        heads = _COMPOUND_HEADS | _noun_forms(family.not_followed_by)
        for verb in family.verbs:
            target = Target(skill.id, "phrase", f"{verb} … {family.objects[0]}")
            entry = VerbFamily(target, objects, family.gap, between, heads)
            for form in verb_forms(verb):
                index.verbs.setdefault(form, []).append(entry)


def _noun_forms(words: tuple[str, ...]) -> frozenset[str]:
    """Return `words` with their plurals in -s and -es."""
    return frozenset(f for w in words for f in (w, w + "s", w + "es"))


def _pool_spellings(index: Index) -> None:
    """Give phrases that differ only in spacing the same skills: "XG Boost" shows what
    "XGBoost" shows, "LinearRegression" what "linear regression" does (the catalog lists
    each set of words once, and any spacing of it is the same name)."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for key in index.phrases:
        squashed = "".join(key)
        if len(squashed) >= 5:  # "s 3", "a i": short squashed forms are not one name
            groups.setdefault(squashed, []).append(key)
    for keys in groups.values():
        if len(keys) < 2:
            continue
        plain = [
            t
            for k in keys
            for t in index.phrases[k]
            if t.how in ("alias", "instance") and not (t.ambiguous or t.conditional)
        ]
        for key in keys:
            targets = index.phrases[key]
            if all(t.how != "block" for t in targets):
                shown = {(t.skill, t.how) for t in targets}
                for t in plain:
                    if (t.skill, t.how) not in shown and (t.skill, "alias") not in shown:
                        shown.add((t.skill, t.how))
                        targets.append(t)


def _words_pattern(phrases: tuple[str, ...]) -> str | None:
    """Return a pattern for any of `phrases` as whole words in lower-case text, or None."""
    if not phrases:
        return None
    # Words apart by any run of spaces, hyphens or an apostrophe: "health-care plan", "paid
    # time off", "what's in it for you".
    longest_first = sorted(phrases, key=len, reverse=True)
    body = "|".join(r"[\s'-]+".join(map(re.escape, alias_key(p))) for p in longest_first)
    return rf"(?<![^\W_])(?:{body})(?![^\W_])"


def _heading_pattern(headings: dict[str, list[Target]]) -> re.Pattern[str]:
    """Return a pattern for a line that is nothing but a heading ("Projects:", "PUBLICATIONS")."""
    words = sorted(
        {t.alias for targets in headings.values() for t in targets}, key=len, reverse=True
    )
    body = "|".join(r"[\W_]*".join(re.escape(w) for w in alias_key(h)) for h in words)
    # The heading alone on its line ("PROJECTS"), or opening it before a colon ("Projects: ...").
    return re.compile(rf"^[^\w\n]{{0,20}}((?:{body}))(?:[^\w\n]{{0,20}}$|[ \t]*:)", re.MULTILINE)


def _heading_caps_pattern(headings: dict[str, list[Target]]) -> str:
    """Return the source of a pattern for a heading in capitals anywhere in a line."""
    words = sorted(
        {t.alias for targets in headings.values() for t in targets}, key=len, reverse=True
    )
    body = "|".join(r"[ \t]+".join(re.escape(w.upper()) for w in alias_key(h)) for h in words)
    return rf"(?<!\w)({body})(?!\w)"


def _firsts(headings: tuple[tuple[str, tuple[str, ...]], ...]) -> frozenset[str]:
    """Return the first word of every heading."""
    return frozenset(
        alias_key(phrase)[0] for _, phrases in headings for phrase in phrases if alias_key(phrase)
    )
