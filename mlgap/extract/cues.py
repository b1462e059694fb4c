"""Cues in the words around a mention: negation, wishes, a job ad's own background."""

from __future__ import annotations

import bisect
import re

from mlgap.extract.links import LINK_TOKENS
from mlgap.extract.results import BACKGROUND, COUNTED, FIELD, NEGATED, REFEREE, WISHED
from mlgap.extract.sections import NOT_ASKED, Sections
from mlgap.lazy_pattern import Lazy

# Every pattern here is a plain alternation of literals with bounded gaps, so the cost
# of a search is linear in the (short) window it runs on.
_WINDOW, _AFTER_WINDOW = 120, 30
_SENTENCE_REACH = 1000  # how far a sentence is looked for around a mention
_BENEFIT_NEAR = 120  # how near a perk must be named for a mention to be one
# How near a mention the words that ask for it must stand, under the company's heading: an
# ad flattened to one line is one "sentence" of hundreds of words, and "with us you'll be
# ..." at its start does not make "our culture is centred around collaboration" asked.
_ASK_BEFORE, _ASK_AFTER = 100, 60
# Where a clause ends, for the window a cue is looked for in.
_BOUNDARY = Lazy(
    r"[.;!?•|·▪►✓✔]\s|[;•|·▪►✓✔]|\n\s*\n|\b(?:but|however|although|whereas|while|except)\b",
    re.IGNORECASE,
)
_AD_RE = re.compile(
    r"\b(?:you will|you'll|we are looking|we're looking|your profile|the candidate|we offer|"
    r"apply now|job description|about you|what we offer|nice to have|must have|you have|"
    r"you are|your responsibilities|you bring|who you are|join our team|join us)\b"
)
_AD_FIRST = frozenset(
    ["you", "we", "your", "apply", "job", "about", "what", "nice", "must", "who", "join"]
)
# The patterns below are compiled when first used (`Lazy`): most are for job ads or for the
# few CVs that say no or wish, and compiling all of them up front cost every start 10 ms.
_COMPANY = Lazy(r"\b(?:we|our|us)\b|\bcompan(?:y|ies)\b|\bpartners?\b")
# The employer boasting of itself ("X is the world's leading maker"): looked for only in a
# sentence that holds "lead", since "a" and "the" would make every word a place to try.
_BOAST = Lazy(r"\b(?:world'?s|global|market|industry) lead\w*|\b(?:a|the) leading\b")
_ASK = Lazy(
    r"\b(?:you|your|candidates?|experience[ds]?|knowledge|skill(?:s|ed)?|familiar\w*|"
    r"proficien\w*|plus|required|requirements?|must|should|ideally|prefer\w*|bonus|"
    r"advantage\w*|understanding|ability|desire|looking for|seeking|background in|"
    # "expertise in X" asks; "our emphasis is on expertise" is what the company values.
    r"expert|experts|expertise (?:in|with|of)|"
    # "This position will research ...": the duties of the post, said of the post.
    r"(?:position|role|post|job) (?:will|includes?|involves?)|"
    r"hands-on|expect\w*|passionate|look(?:s|ing)? (?:first )?(?:and foremost )?for|"
    r"(?:people|someone|person|engineers?) who)\b"
)
_SENTENCE_ENDS = (". ", "! ", "? ", ";", "\n")
# What opens an ad's perks in running text: the mentions before it are not perks.
_OFFER = Lazy(r"\b(?:what we offer|we offer|benefits|perks)\b")
_DEGREE = Lazy(r"\b(?:degree|bachelor'?s?|master'?s?|b\.?sc|m\.?sc|ph\.?\s?d|diploma)\b")
# "... in Computer Science, Statistics": the subject follows "in" within a list of subjects.
_FIELD_LIST = Lazy(r"\bin\s+(?:[\w ]{1,40},\s*){0,4}[\w ]{0,40}$")
# A sentence that starts with a verb is a duty of the hire ("Work on ETL pipelines ...").
_DUTY = Lazy(
    r"[\W\d]{0,6}(?:develop|build|design|work|maintain|implement|create|write|deploy|lead|"
    r"support|collaborate|own|drive|contribute|help|use|ensure|integrate|test|analy[sz]e|"
    r"improve|optimi[sz]e|manage|participate|automate|monitor|operate|run|set up|define)\b"
)
_NEGATION = Lazy(
    r"\b(?:no|zero|lacks?|lacking|without(?: any)?)\s+(?:\w+\s+){0,2}?"
    r"(?:experience|knowledge|exposure|background|familiarity|skills?)\b"
    r"|\bnot\s+(?:yet\s+|very\s+|really\s+)?(?:familiar|experienced|proficient|comfortable|"
    r"used|worked|skilled|knowledgeable|confident)\b"
    r"|\b(?:never|haven't|have not|hasn't|has not|didn't|did not|don't|do not)\s+"
    r"(?:\w+\s+)?(?:used|use|worked|work|touched|know|tried|had)\b"
    r"|\bunfamiliar\s+with\b|\bno\s+(?:hands-on|prior|practical|professional|real)\b"
    # "Unfinished bachelor's in CS": a degree not completed is not had (labeling.md).
    r"|\b(?:unfinished|incomplete|uncompleted)\b",
    re.IGNORECASE,
)
_WISH = Lazy(
    r"\b(?:would\s+(?:like|love)|wish(?:es)?|want(?:s|ed)?|hope|hoping|plan(?:s|ning)?|"
    r"aim(?:s|ing)?|intend(?:s|ing)?|eager|keen|looking|desire|aspir(?:e|ing))\s+to\s+"
    r"(?:\w+\s+){0,2}?(?:learn|study|master|develop|gain|explore|get|start|try|improve|pick)"
    r"|\b(?:currently|now|presently|am|i'm|im)\s+(?:learning|studying|taking|exploring)\b"
    # "keep studying Java": still learning it, as "currently learning" is (rule 3).
    r"|\b(?:keep|continue|still)\s+(?:on\s+)?(?:learning|studying)\b"
    r"|\binterested\s+in\s+(?:learning|studying)\b|\blearning\s+goals?\b|\bto\s+be\s+learned\b"
    # "Objective: to learn Docker": a purpose is a wish (found from "learn", as above);
    # so is "to become an ML engineer working with TensorFlow".
    r"|\bto\s+learn\b|\bto\s+become\b"
    # "Would love to work with NLP", "dreaming of working with RL".
    r"|\b(?:would\s+(?:like|love)|wish(?:es)?|hope|hoping|dream(?:s|ing)?\s+of)\s+(?:to\s+)?"
    r"work(?:ing)?\s+(?:with|on|in)\b"
    r"|\bwish\s*list\b|\bfuture\s+(?:skills|learning)\b"
    r"|\b(?:looking|searching|seeking)\s+for\s+(?:a\s+|an\s+|my\s+)?(?:first\s+)?"
    r"(?:job|position|role|internship|opportunit(?:y|ies))\b",
    re.IGNORECASE,
)
_AFTER_WISH = Lazy(
    # "Kubernetes, to learn" ends there; "used PyTorch to learn embeddings" is a purpose.
    r"[\s,:-]{0,3}[(\[]?\s*(?:planned|in\s+progress|ongoing|learning|to\s+learn(?![ \t]+\w)|soon|"
    r"wip|studying)\b",
    re.IGNORECASE,
)
# A whole document is searched for cues only where a token that can begin one stands (a
# regex tried at every word of a résumé would cost as much as the rest of extraction): the
# tokens a cue starts with. Short common words ("to", "in", "am") would be tried thousands
# of times, so those cues are found from their second word.
_CUE_FIRST = frozenset(
    "no zero lack lacks lacking without not never haven have hasn has didn did don do "
    "unfamiliar would wish wishes want wants wanted hope hoping plan plans planning aim aims "
    "aiming intend intends intending eager keen looking desire aspire aspiring interested "
    "learning future planned soon wip studying searching seeking ongoing unfinished incomplete "
    "uncompleted dream dreams dreaming".split()
)
_CUE_SECOND = frozenset("learning studying taking exploring learned learn progress become".split())
_AFTER_WORDS_RE = re.compile(
    r"(?:planned|in\s+progress|ongoing|learning|to\s+learn|soon|wip|studying)\b"
)
# Words beside an ambiguous short name ("R", "RL") that make it a technology: "in R",
# "R programming", "R scripts".
CUE_BEFORE = frozenset(
    "in using with programming language languages skills of technologies tools stack".split()
)
CUE_AFTER = frozenset(
    "programming language studio shiny markdown packages package scripts script code "
    "libraries".split()
)


class Cues:
    """Where a document says no, wishes or plans; found once, asked about every mention."""

    def __init__(
        self,
        text: str,
        lower: str,
        marks: list[tuple[str, int]],
        benefits: str | None = None,
        sections: str | None = None,
        resume_sections: str | None = None,
        heading_firsts: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
        job_ad: bool | None = None,
        benefit_firsts: frozenset[str] = frozenset(),
    ) -> None:
        self.text = text
        self.lower = lower
        self._last_span, self._last_sentence = (-1, -1), (0, "")
        firsts = [p for t, p in marks if t in _CUE_FIRST]
        seconds = [p for t, p in marks if t in _CUE_SECOND]
        before: set[int] = set()
        if firsts or seconds:
            # The two patterns status_of() uses, negation first, as one alternation of both
            # would find them: one more pattern would cost a start its compiling.
            cues = (_NEGATION.get(), _WISH.get())
            before.update(m.end() for p in firsts if (m := _first_match(cues, lower, p)))
            before.update(
                m.end()
                for p in seconds
                if (m := _first_found(cues, lower, max(0, p - 14), p + 16)) and m.end() > p
            )
        self.before = sorted(before)
        after = {p for p in firsts if _AFTER_WORDS_RE.match(lower, p)}
        after.update(
            m.start()
            for p in seconds
            if (m := _AFTER_WORDS_RE.search(lower, max(0, p - 4), p + 12))
        )
        self.after = sorted(after)
        # A job ad's own stack ("we run on Azure") is background, not a requirement (rule 8).
        ad = {m.group() for t, p in marks if t in _AD_FIRST and (m := _AD_RE.match(lower, p))}
        self.job_ad = len(ad) >= 2 if job_ad is None else job_ad
        # The patterns (sources) compiled only for the documents that use them.
        self.benefits = re.compile(benefits) if benefits and self.job_ad else None
        # Where a perk may begin (`marks` holds the words of `benefit_firsts`): the perks
        # pattern is tried only near one of these.
        self.perk_places = sorted(p for t, p in marks if t in benefit_firsts)
        # A job ad's headings, or a CV's: each tried only where one of its words stands.
        heading_words = heading_firsts[0] if self.job_ad else heading_firsts[1]
        places = [p for t, p in marks if t in heading_words]
        ad_headings = re.compile(sections) if sections and self.job_ad and places else None
        self.sections = Sections(text, lower, ad_headings, places)
        # A CV's sections: its interests say what one wishes to do, not what one has done,
        # and its work history is dated.
        cv_headings = (
            re.compile(resume_sections) if resume_sections and places and not self.job_ad else None
        )
        self.resume = Sections(text, lower, cv_headings, places)
        # Sections whose words are not the person's skills: interests (wishes) and
        # references (other people, whose titles and skills are theirs).
        self.not_own = "interests" in self.resume.kinds or "references" in self.resume.kinds
        self.none = not self.before and not self.after and not self.job_ad and not self.not_own

    def _sentence(self, start: int, end: int) -> tuple[int, str]:
        """Return the start and text of the sentence around a mention: asked by each test
        of one mention in turn, so the last one is kept."""
        if self._last_span != (start, end):
            self._last_span, self._last_sentence = (start, end), _sentence(self.lower, start, end)
        return self._last_sentence

    def _in_unasked_section(self, start: int, end: int) -> bool:
        """Return whether a mention stands under the benefits, equal-opportunity or company
        headings; under the company's, a sentence that asks or gives a duty still asks
        (sections often run on past their end when the next heading is missing)."""
        section = self.sections.at(start)
        if section not in NOT_ASKED:
            return False
        return section != "company" or not self._asked_near(start, end)

    def _asked_near(self, start: int, end: int) -> bool:
        """Return whether the words near a mention ask for it, or its sentence, starting
        near it, gives a duty: in an ad flattened to one long "sentence", words that ask
        far away ("with us you'll ...") do not ask for what follows."""
        lo, sentence = self._sentence(start, end)
        near = max(0, start - lo - _ASK_BEFORE)
        if _ASK.get().search(sentence, near, end - lo + _ASK_AFTER):
            return True
        return near == 0 and _DUTY.get().match(sentence) is not None

    def _in_benefits(self, start: int, end: int) -> bool:
        """Return whether a job ad's sentence lists the employer's perks close to a mention.

        Close: ads flattened to one line have no sentence ends, and the perks must not
        cancel the requirements a few hundred characters before them.
        """
        if self.benefits is None:
            return False
        i = bisect.bisect_left(self.perk_places, start - _BENEFIT_NEAR)
        if i == len(self.perk_places) or self.perk_places[i] > end + _BENEFIT_NEAR:
            return False  # no word a perk begins with is near: most mentions
        lo, sentence = self._sentence(start, end)
        near = max(0, start - lo - _BENEFIT_NEAR), end - lo + _BENEFIT_NEAR
        section = self.sections.at(start)
        opener = _OFFER.get()
        # A perk under another heading is another part of the ad: it says nothing here; nor
        # does one after "what we offer" when the mention stands before it ("... in Python
        # What we offer health insurance": a flattened ad's next part).
        return any(
            self.sections.at(lo + m.start()) == section
            and not (m.start() > end - lo and opener.search(sentence, end - lo, m.start()))
            for m in self.benefits.finditer(sentence, *near)
        )

    def industry(self, start: int, end: int) -> str:
        """Return BACKGROUND when a job ad's sentence about the company names an industry
        with no word near it that asks: the employer's own industry is not asked."""
        if not _speaks_of_company(self._sentence(start, end)[1]) or self._asked_near(start, end):
            return COUNTED
        return BACKGROUND

    def degree_field(self, start: int, end: int) -> str:
        """Return FIELD when a job ad names this subject only as the field of a degree."""
        lo, sentence = self._sentence(start, end)
        degree, field_list = _DEGREE.get(), _FIELD_LIST.get()
        if degree.search(sentence) and field_list.search(sentence, 0, start - lo):
            return FIELD
        return COUNTED

    def status(self, start: int, end: int) -> str:
        """Return whether the mention counts, is negated, wished for, or an ad's background."""
        if self.none:
            return COUNTED
        if self.not_own and (kind := self.resume.at(start)) in ("interests", "references"):
            return WISHED if kind == "interests" else REFEREE
        if self.job_ad and (
            self._in_unasked_section(start, end)
            or self._in_benefits(start, end)
            or _is_background(self._sentence(start, end)[1])
        ):
            return BACKGROUND
        i = bisect.bisect_right(self.before, start)
        j = bisect.bisect_left(self.after, end)
        if (i and start - self.before[i - 1] <= _WINDOW) or (
            j < len(self.after) and self.after[j] - end <= _AFTER_WINDOW
        ):
            return status_of(self.text, start, end)
        return COUNTED


def _first_match(patterns: tuple[re.Pattern[str], ...], text: str, at: int) -> re.Match[str] | None:
    """Return the first of `patterns` to match at `at`, as their alternation would."""
    for pattern in patterns:
        if m := pattern.match(text, at):
            return m
    return None


def _first_found(
    patterns: tuple[re.Pattern[str], ...], text: str, lo: int, hi: int
) -> re.Match[str] | None:
    """Return the leftmost match of any of `patterns` in text[lo:hi], the earlier pattern's
    on a tie, as their alternation would find."""
    found = [m for pattern in patterns if (m := pattern.search(text, lo, hi))]
    return min(found, key=re.Match.start) if found else None


def _sentence(lower: str, start: int, end: int) -> tuple[int, str]:
    """Return the start and text of the sentence around lower[start:end].

    A sentence is looked for at most _SENTENCE_REACH characters either way: a text with no
    sentence ends (9 MB of one line) must not cost a scan of all of it per mention.
    """
    # A sentence ends at ". " rather than "." so that "Node.js" does not end one.
    floor = max(0, start - _SENTENCE_REACH)
    lo = max(max(lower.rfind(c, floor, start) + len(c) for c in _SENTENCE_ENDS), floor)
    ceiling = end + _SENTENCE_REACH
    ends = [e for e in (lower.find(c, end, ceiling) for c in _SENTENCE_ENDS) if e >= 0]
    return lo, lower[lo : min(ends, default=min(len(lower), ceiling))]


def _speaks_of_company(sentence: str) -> bool:
    """Return whether a sentence speaks of the company: in its own voice, or boasting."""
    if _COMPANY.get().search(sentence):
        return True
    return "lead" in sentence and _BOAST.get().search(sentence) is not None


def _is_background(sentence: str) -> bool:
    """Return whether a job ad's sentence around a mention describes the company, not the hire."""
    return (
        _speaks_of_company(sentence)
        and not _ASK.get().search(sentence)
        and not _DUTY.get().match(sentence)
    )


def status_of(text: str, start: int, end: int) -> str:
    """Return whether the mention at text[start:end] counts, is negated or is wished for."""
    # Only the window before the mention matters, so no search goes further back than it.
    floor = max(0, start - _WINDOW)
    line_start = text.rfind("\n", floor, start) + 1 or floor
    if line_start > max(1, floor) and _last_visible(text, line_start - 1) not in ".:;!?•|":
        # The line goes on from the one before (a wrapped sentence): so does the window.
        line_start = text.rfind("\n", floor, line_start - 1) + 1 or floor
    window_start = max(line_start, floor)
    before = text[window_start:start]
    cut = 0
    for boundary in _BOUNDARY.get().finditer(before):
        cut = boundary.end()
    before = before[cut:]
    if _NEGATION.get().search(before):
        return NEGATED
    if _WISH.get().search(before):
        return WISHED
    if _AFTER_WISH.get().match(text, end, min(len(text), end + _AFTER_WINDOW)):
        return WISHED
    return COUNTED


def _last_visible(text: str, end: int, reach: int = 200) -> str:
    """Return the last non-space character of text[:end] within `reach`, or ""."""
    for i in range(end - 1, max(-1, end - 1 - reach), -1):
        if not text[i].isspace():
            return text[i]
    return ""


# Every token that may begin a cue, an ad phrase or a link: the scanner notes where they stand.
MARKERS = _CUE_FIRST | _CUE_SECOND | _AD_FIRST | LINK_TOKENS
