"""Measure extraction against hand labels: both protocols, two fixed halves, errors with text.

    python -m benchmarks.evaluate --corpus ../shared/corpus [--half A|B|all] [--worst 15]
        (the errors listed with their text are half A's unless --errors-from B|all asks)
    python -m benchmarks.evaluate LABELS.jsonl DOCS_DIR [--scope scope.json]
    python -m benchmarks.evaluate --corpus ../shared/corpus --json      # the figures as JSON

Labels are one JSON object a line: {"doc": name, "skills": {id: evidence}, "unsure": {...}}.
Two protocols, as the corpus README defines them:
- confident: the ids a labeller marked unsure are left out of that document's scoring;
- strict: every id under "skills" counts, and a prediction of an unsure id is a false alarm.
With a scope (SkillSpan's tool-only labels) only the ids it lists are scored.

Halves: every document belongs to half A or B by a checksum of its name (fixed: the same
split on every machine and every run). Rules are written looking at half A only; half B
is reported beside it, and a gap between them is fitting to the documents looked at.
The second labelling (`second-labels.jsonl`) gives the labellers' own agreement.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlgap import Toolkit
from mlgap.extract.results import COUNTED

PROTOCOLS = ("confident", "strict")


def half_of(doc: str) -> str:
    """Return the fixed half ("A" or "B") a document belongs to."""
    return "AB"[zlib.crc32(doc.encode()) % 2]


def source_of(doc: str) -> str:
    """Return where a document comes from: a CV, a job ad, or a SkillSpan posting."""
    if doc.startswith("skillspan"):
        return "skillspan"
    return "vanetik job ads" if doc.startswith("vanetik_job") else "vanetik CVs"


@dataclass
class Score:
    """Counts of one evaluation, overall, per skill, per category and per source."""

    docs: int = 0
    totals: Counter[str] = field(default_factory=Counter)
    per_skill: dict[str, Counter[str]] = field(default_factory=dict)
    per_cat: dict[str, Counter[str]] = field(default_factory=dict)
    per_source: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def count(self, kind: str, skill: str, category: str, source: str) -> None:
        self.totals[kind] += 1
        for table, key in (
            (self.per_skill, skill),
            (self.per_cat, category),
            (self.per_source, source),
        ):
            table.setdefault(key, Counter())[kind] += 1

    def add(self, other: Score) -> None:
        self.docs += other.docs
        self.totals.update(other.totals)
        for mine, theirs in (
            (self.per_skill, other.per_skill),
            (self.per_cat, other.per_cat),
            (self.per_source, other.per_source),
        ):
            for key, counts in theirs.items():
                mine.setdefault(key, Counter()).update(counts)
        self.errors += other.errors


def prf(c: Counter[str]) -> tuple[float, float, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True)
class LabelledSet:
    """One labelled set of the corpus."""

    name: str
    labels: Path
    docs: Path
    scope: frozenset[str] | None = None
    # Ads are read as the product reads an ad given to it (`--job`, `job_target`): as ads.
    # None: judged from the wording, as `assess` judges a résumé.
    job_ad: bool | None = None


def corpus_sets(corpus: Path, ads: bool | None = True) -> list[LabelledSet]:
    """Return the sets labelled by labeling.md on every id, and SkillSpan's tool labels.
    `ads`: how the ads are read; True as `mlgap` reads the ad it is given, None to have
    the extractor judge from the wording whether each is an ad."""
    scope = frozenset(json.loads((corpus / "skillspan" / "scope.json").read_text()))
    return [
        LabelledSet("resumes", corpus / "resumes" / "labels.jsonl", corpus / "resumes"),
        LabelledSet("jobs", corpus / "jobs" / "labels.jsonl", corpus / "jobs", job_ad=ads),
        LabelledSet(
            "skillspan (all ids)",
            corpus / "skillspan" / "labels-all-ids.jsonl",
            corpus / "skillspan" / "docs",
            job_ad=ads,
        ),
        LabelledSet(
            "skillspan (tools, 263)",
            corpus / "skillspan" / "labels.jsonl",
            corpus / "skillspan" / "docs",
            scope,
            job_ad=ads,
        ),
    ]


def _rows(labels: Path, half: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if half == "all" or half_of(r["doc"]) == half]


def evaluate(
    kit: Toolkit, labelled: LabelledSet, protocol: str, half: str = "all", flatten: bool = False
) -> Score:
    """Score the extractor on one labelled set under one protocol; `flatten`: each document
    joined to one line first, as many real ones arrive."""
    score = Score()
    for row in _rows(labelled.labels, half):
        score.docs += 1
        text = (labelled.docs / row["doc"]).read_text(encoding="utf-8", errors="replace")
        if flatten:
            text = " ".join(text.split())
        evidence = {
            f.skill: next(e for e in f.evidence if e.status == COUNTED)
            for f in kit.extractor.extract(text, row["doc"], job_ad=labelled.job_ad).findings
            if f.counted
        }
        skip = set(row.get("unsure", {})) if protocol == "confident" else set()
        gold, predicted = set(row["skills"]) - skip, set(evidence) - skip
        if labelled.scope is not None:
            gold, predicted = gold & labelled.scope, predicted & labelled.scope
        for skill in predicted | gold:
            kind = (
                "tp"
                if skill in gold and skill in predicted
                else "fp"
                if skill in predicted
                else "fn"
            )
            score.count(kind, skill, kit.catalog.skills[skill].category, source_of(row["doc"]))
            if kind == "fp":
                e = evidence[skill]
                score.errors.append(("FP", row["doc"], skill, f"line {e.line}: {e.context[:110]}"))
            elif kind == "fn":
                score.errors.append(
                    ("FN", row["doc"], skill, f"gold: {row['skills'][skill][:110]}")
                )
    return score


def agreement(corpus: Path, protocol: str) -> Counter[str]:
    """Return tp/fp/fn of the second labeller against the first: the ceiling of any extractor."""
    first: dict[str, dict[str, Any]] = {}
    for labels in (
        corpus / "resumes" / "labels.jsonl",
        corpus / "skillspan" / "labels-all-ids.jsonl",
    ):
        for line in labels.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            first[row["doc"]] = row
    counts: Counter[str] = Counter()
    for line in (corpus / "second-labels.jsonl").read_text(encoding="utf-8").splitlines():
        second = json.loads(line)
        one = first[second["doc"]]
        skip = set(one.get("unsure", {})) | set(second.get("unsure", {}))
        skip = skip if protocol == "confident" else set()
        a, b = set(one["skills"]) - skip, set(second["skills"]) - skip
        counts.update(tp=len(a & b), fp=len(b - a), fn=len(a - b))
    return counts


def headline(name: str, score: Score) -> str:
    p, r, f = prf(score.totals)
    t = score.totals
    return (
        f"{name:<32} docs {score.docs:>4}  tp {t['tp']:>4} fp {t['fp']:>3} fn {t['fn']:>3}  "
        f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
    )


def _table(title: str, rows: dict[str, Counter[str]], order: list[str] | None = None) -> None:
    print(f"\n{title}:")
    for key in order or sorted(rows):
        c = rows[key]
        p, r, f = prf(c)
        counts = f"(tp {c['tp']} fp {c['fp']} fn {c['fn']})"
        print(f"  {key:<24} P {p:.2f}  R {r:.2f}  F1 {f:.2f}  {counts}")


def report(score: Score, worst: int, every_skill: bool) -> None:
    """Print the figures per source, category and skill, and the worst errors with their text."""
    _table("per source", score.per_source)
    _table("per category", score.per_cat)
    ranked = sorted(score.per_skill, key=lambda k: (prf(score.per_skill[k])[2], k))
    _table(
        "per skill" if every_skill else f"per skill, worst {worst} by F1",
        score.per_skill,
        ranked if every_skill else ranked[:worst],
    )
    for kind, title in (("FP", "false positives"), ("FN", "misses")):
        rows = [e for e in score.errors if e[0] == kind]
        print(f"\n{title} ({len(rows)}; first {min(worst, len(rows))}):")
        for _, doc, skill, where in rows[:worst]:
            print(f"  {doc:<30} {skill:<22} {where}")


def figures(score: Score) -> dict[str, Any]:
    """Return a score as plain data (for --json)."""

    def cell(c: Counter[str]) -> dict[str, Any]:
        p, r, f = prf(c)
        return {
            "tp": c["tp"],
            "fp": c["fp"],
            "fn": c["fn"],
            "p": round(p, 3),
            "r": round(r, 3),
            "f1": round(f, 3),
        }

    return {
        "docs": score.docs,
        "all": cell(score.totals),
        "per_category": {k: cell(v) for k, v in sorted(score.per_cat.items())},
        "per_source": {k: cell(v) for k, v in sorted(score.per_source.items())},
        "per_skill": {k: cell(v) for k, v in sorted(score.per_skill.items())},
    }


def _run_corpus(
    kit: Toolkit,
    corpus: Path,
    half: str,
    protocol: str,
    ads: bool | None = True,
    flatten: bool = False,
) -> tuple[Score, list[str]]:
    """Score every set of the corpus; return the total over the all-ids sets, and headlines."""
    total, lines = Score(), []
    for labelled in corpus_sets(corpus, ads):
        score = evaluate(kit, labelled, protocol, half, flatten)
        lines.append(headline(f"{protocol:<9} {labelled.name}", score))
        if labelled.scope is None:  # the micro total is over the sets labelled on every id
            total.add(score)
    lines.append(headline(f"{protocol:<9} all ids (micro)", total))
    return total, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("labels", type=Path, nargs="?")
    parser.add_argument("docs", type=Path, nargs="?")
    parser.add_argument("--scope", type=Path, help="JSON list of the ids to score")
    parser.add_argument("--corpus", type=Path, help="score every labelled set of this corpus")
    parser.add_argument("--half", choices=["A", "B", "all"], default="all")
    parser.add_argument("--worst", type=int, default=15)
    parser.add_argument(
        "--errors-from",
        choices=["A", "B", "all"],
        default="A",
        help="the half whose errors are listed with their text, when --half is all (default A: "
        "rules are written from half A; B's figures are printed, its texts only when asked)",
    )
    parser.add_argument("--per-skill", action="store_true", help="print every skill's figures")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--details", choices=PROTOCOLS, default="confident", help="the protocol the errors follow"
    )
    parser.add_argument(
        "--flatten", action="store_true", help="join each document to one line first"
    )
    parser.add_argument(
        "--guess-ads",
        action="store_true",
        help="judge from its wording whether each ad is one, as for a résumé (default: ads as ads)",
    )
    args = parser.parse_args(argv)
    kit = Toolkit.load()
    if args.labels and args.docs:
        given = frozenset(json.loads(args.scope.read_text())) if args.scope else None
        labelled = LabelledSet(args.labels.parent.name or "set", args.labels, args.docs, given)
        for protocol in PROTOCOLS:
            score = evaluate(kit, labelled, protocol, args.half)
            print(headline(f"{protocol:<9} {labelled.name}", score))
        report(evaluate(kit, labelled, "confident", args.half), args.worst, args.per_skill)
        return 0
    if not args.corpus:
        parser.error("give LABELS DOCS_DIR, or --corpus DIR")
    out: dict[str, Any] = {}
    detailed = Score()
    listed = args.errors_from if args.half == "all" else args.half
    for protocol in PROTOCOLS:
        for half in ["A", "B", "all"] if args.half == "all" else [args.half]:
            ads = None if args.guess_ads else True
            total, lines = _run_corpus(kit, args.corpus, half, protocol, ads, args.flatten)
            out[f"{protocol}/{half}"] = figures(total)
            if not args.json:
                print(f"\n== half {half}" if half != "all" else "\n== both halves", f"({protocol})")
                print("\n".join(lines))
            if protocol == args.details and half == listed:
                detailed = total
        ceiling = agreement(args.corpus, protocol)
        out[f"{protocol}/labellers"] = {"p_r_f1": [round(x, 3) for x in prf(ceiling)]}
        if not args.json:
            p, r, f = prf(ceiling)
            print(f"{protocol:<9} labellers' agreement (21 docs)  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if args.json:
        print(json.dumps(out, indent=2, sort_keys=True))
        return 0
    print(f"\n== details, {args.details} protocol, half", listed)
    report(detailed, args.worst, args.per_skill)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
