"""Measure extraction against hand labels: micro precision, recall and F1, and the worst errors.

    python -m benchmarks.evaluate LABELS.jsonl DOCS_DIR [--scope scope.json] [--worst 15]

Labels are one JSON object a line: {"doc": name, "skills": {id: evidence}, "unsure": {...}}.
Ids under "unsure" are left out of scoring (neither a hit nor a false alarm); with --scope,
only the ids it lists are scored.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from mlgap import Toolkit
from mlgap.result import COUNTED


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("docs", type=Path)
    parser.add_argument("--scope", type=Path, help="JSON list of the ids to score")
    parser.add_argument("--worst", type=int, default=15)
    parser.add_argument("--per-skill", action="store_true", help="print every skill's figures")
    args = parser.parse_args(argv)
    kit = Toolkit.load()
    scope = set(json.loads(args.scope.read_text())) if args.scope else None
    totals: Counter[str] = Counter()
    per_skill: dict[str, Counter[str]] = {}
    per_cat: dict[str, Counter[str]] = {}
    errors: list[tuple[str, str, str, str]] = []
    for line in args.labels.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = (args.docs / row["doc"]).read_text(encoding="utf-8", errors="replace")
        extraction = kit.extractor.extract(text, row["doc"])
        evidence = {
            f.skill: next(e for e in f.evidence if e.status == COUNTED)
            for f in extraction.findings
            if f.counted
        }
        gold = set(row["skills"])
        skip = set(row.get("unsure", {}))
        predicted = set(evidence) - skip
        if scope is not None:
            gold &= scope
            predicted &= scope
        for skill in predicted | gold:
            kind = (
                "tp"
                if skill in gold and skill in predicted
                else "fp"
                if skill in predicted
                else "fn"
            )
            totals[kind] += 1
            per_skill.setdefault(skill, Counter())[kind] += 1
            cat = kit.catalog.skills[skill].category
            per_cat.setdefault(cat, Counter())[kind] += 1
            if kind == "fp":
                e = evidence[skill]
                errors.append(("FP", row["doc"], skill, f"line {e.line}: {e.context[:110]}"))
            elif kind == "fn":
                errors.append(("FN", row["doc"], skill, f"gold: {row['skills'][skill][:110]}"))
    p, r, f = _prf(totals["tp"], totals["fp"], totals["fn"])
    print(
        f"documents: {len(args.labels.read_text().splitlines())}  "
        f"tp {totals['tp']}  fp {totals['fp']}  fn {totals['fn']}"
    )
    print(f"micro precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print("\nper category:")
    for cat, c in sorted(per_cat.items()):
        cp, cr, cf = _prf(c["tp"], c["fp"], c["fn"])
        print(
            f"  {cat:<14} P {cp:.2f}  R {cr:.2f}  F1 {cf:.2f}  (tp {c['tp']} fp {c['fp']} "
            f"fn {c['fn']})"
        )
    print("\nper skill (worst F1 first):" if not args.per_skill else "\nper skill:")
    ranked = sorted(
        per_skill.items(), key=lambda kv: (_prf(kv[1]["tp"], kv[1]["fp"], kv[1]["fn"])[2], kv[0])
    )
    for skill, c in ranked if args.per_skill else ranked[: args.worst]:
        sp, sr, sf = _prf(c["tp"], c["fp"], c["fn"])
        print(
            f"  {skill:<24} P {sp:.2f}  R {sr:.2f}  F1 {sf:.2f}  (tp {c['tp']} fp {c['fp']} "
            f"fn {c['fn']})"
        )
    for kind in ("FP", "FN"):
        rows = [e for e in errors if e[0] == kind][: args.worst]
        print(f"\n{'false positives' if kind == 'FP' else 'misses'} (first {len(rows)}):")
        for _, doc, skill, where in rows:
            print(f"  {doc:<28} {skill:<22} {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
