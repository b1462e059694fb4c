"""Print the requirements mlgap reads from job ads, each with its tier and ad line, to check by
reading (the corpus labels say which skills an ad asks for, not in which tier).

    python -m benchmarks.tiers ../shared/corpus/jobs [more ads or folders]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mlgap import Toolkit
from mlgap.read.document import DEFAULT_MAX_BYTES, read_document


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    files = [f for p in args.paths for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p])]
    kit = Toolkit.load()
    counts = {"core": 0, "important": 0, "bonus": 0}
    for path in files:
        job = kit.job_target(read_document(str(path), DEFAULT_MAX_BYTES))
        print(f"== {path.name}: {len(job.role.requirements)} requirements")
        for r in job.role.requirements:
            counts[r.importance] += 1
            print(
                f"  {r.importance:<10} {'|'.join(r.any_of):<32} line {r.ad_line}: {r.ad_text[:90]}"
            )
        for ask in job.target.asks:
            print(f"  check      {ask.kind:<32} line {ask.line}: {ask.text[:90]}")
    print(f"tiers: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
