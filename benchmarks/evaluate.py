"""Measure extraction against hand labels: micro precision, recall and F1, and the worst errors.

    python -m benchmarks.evaluate LABELS.jsonl DOCS_DIR [--scope scope.json] [--worst 15]
    python -m benchmarks.evaluate --corpus ../shared/corpus      # every set of the corpus

Labels are one JSON object a line: {"doc": name, "skills": {id: evidence}, "unsure": {...}}.
Ids under "unsure" are left out of scoring (neither a hit nor a false alarm); with a scope,
only the ids it lists are scored.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from mlgap import Toolkit
from mlgap.extract.results import COUNTED


@dataclass
class Score:
    """Counts of one evaluation, overall, per skill and per category, with the errors."""

    docs: int = 0
    totals: Counter[str] = field(default_factory=Counter)
    per_skill: dict[str, Counter[str]] = field(default_factory=dict)
    per_cat: dict[str, Counter[str]] = field(default_factory=dict)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.docs += other.docs
        self.totals.update(other.totals)
        for mine, theirs in ((self.per_skill, other.per_skill), (self.per_cat, other.per_cat)):
            for key, counts in theirs.items():
                mine.setdefault(key, Counter()).update(counts)
        self.errors += other.errors


def prf(c: Counter[str]) -> tuple[float, float, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(kit: Toolkit, labels: Path, docs: Path, scope: set[str] | None) -> Score:
    """Score the extractor on one labelled set."""
    score = Score()
    for line in labels.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        score.docs += 1
        text = (docs / row["doc"]).read_text(encoding="utf-8", errors="replace")
        extraction = kit.extractor.extract(text, row["doc"])
        evidence = {
            f.skill: next(e for e in f.evidence if e.status == COUNTED)
            for f in extraction.findings
            if f.counted
        }
        skip = set(row.get("unsure", {}))
        gold, predicted = set(row["skills"]) - skip, set(evidence) - skip
        if scope is not None:
            gold, predicted = gold & scope, predicted & scope
        for skill in predicted | gold:
            kind = (
                "tp"
                if skill in gold and skill in predicted
                else ("fp" if skill in predicted else "fn")
            )
            score.totals[kind] += 1
            score.per_skill.setdefault(skill, Counter())[kind] += 1
            score.per_cat.setdefault(kit.catalog.skills[skill].category, Counter())[kind] += 1
            if kind == "fp":
                e = evidence[skill]
                score.errors.append(("FP", row["doc"], skill, f"line {e.line}: {e.context[:110]}"))
            elif kind == "fn":
                score.errors.append(
                    ("FN", row["doc"], skill, f"gold: {row['skills'][skill][:110]}")
                )
    return score


def headline(name: str, score: Score) -> str:
    p, r, f = prf(score.totals)
    t = score.totals
    return (
        f"{name:<22} docs {score.docs:>4}  tp {t['tp']:>4} fp {t['fp']:>3} fn {t['fn']:>3}  "
        f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"
    )


def report(score: Score, worst: int, every_skill: bool) -> None:
    """Print the figures per category and skill, and the worst errors with their text."""
    print("\nper category:")
    for cat, c in sorted(score.per_cat.items()):
        p, r, f = prf(c)
        print(
            f"  {cat:<14} P {p:.2f}  R {r:.2f}  F1 {f:.2f}  "
            f"(tp {c['tp']} fp {c['fp']} fn {c['fn']})"
        )
    ranked = sorted(score.per_skill.items(), key=lambda kv: (prf(kv[1])[2], kv[0]))
    print("\nper skill:" if every_skill else f"\nper skill, worst {worst} by F1:")
    for skill, c in ranked if every_skill else ranked[:worst]:
        p, r, f = prf(c)
        print(
            f"  {skill:<24} P {p:.2f}  R {r:.2f}  F1 {f:.2f}  "
            f"(tp {c['tp']} fp {c['fp']} fn {c['fn']})"
        )
    for kind, title in (("FP", "false positives"), ("FN", "misses")):
        rows = [e for e in score.errors if e[0] == kind]
        print(f"\n{title} ({len(rows)}; first {min(worst, len(rows))}):")
        for _, doc, skill, where in rows[:worst]:
            print(f"  {doc:<30} {skill:<22} {where}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("labels", type=Path, nargs="?")
    parser.add_argument("docs", type=Path, nargs="?")
    parser.add_argument("--scope", type=Path, help="JSON list of the ids to score")
    parser.add_argument("--corpus", type=Path, help="score resumes/, jobs/ and skillspan/ of it")
    parser.add_argument("--worst", type=int, default=15)
    parser.add_argument("--per-skill", action="store_true", help="print every skill's figures")
    args = parser.parse_args(argv)
    kit = Toolkit.load()
    sets: list[tuple[str, Path, Path, set[str] | None]] = []
    if args.corpus:
        c = args.corpus
        in_scope = set(json.loads((c / "skillspan" / "scope.json").read_text()))
        sets = [
            ("resumes", c / "resumes" / "labels.jsonl", c / "resumes", None),
            ("jobs", c / "jobs" / "labels.jsonl", c / "jobs", None),
            (
                "skillspan (in scope)",
                c / "skillspan" / "labels.jsonl",
                c / "skillspan" / "docs",
                in_scope,
            ),
        ]
    elif args.labels and args.docs:
        given = set(json.loads(args.scope.read_text())) if args.scope else None
        sets = [(args.labels.parent.name or "set", args.labels, args.docs, given)]
    else:
        parser.error("give LABELS DOCS_DIR, or --corpus DIR")
    total = Score()
    for name, labels, docs, ids in sets:
        score = evaluate(kit, labels, docs, ids)
        print(headline(name, score))
        total.add(score)
    if len(sets) > 1:
        print(headline("all (micro)", total))
    report(total, args.worst, args.per_skill)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
