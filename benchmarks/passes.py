"""Passes of the extractor over the corpus texts, for timing or counting instructions.

    python -m benchmarks.passes --corpus ../shared/corpus --set cv --passes 5

prints the fastest pass in milliseconds (after one warm-up pass). On a machine whose speed
drifts, count instructions instead, which do not drift: the difference between

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python -m benchmarks.passes --corpus ../shared/corpus --set all --passes 1
    ... --passes 0

("Collected" on stderr) is one pass. Run it from two checkouts to compare two commits.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from mlgap import Toolkit

_SETS = {"cv": ("resumes",), "all": ("resumes", "jobs", "skillspan/docs")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--set", choices=sorted(_SETS), default="all")
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args(argv)
    texts = [
        path.read_text(encoding="utf-8", errors="replace")
        for folder in _SETS[args.set]
        for path in sorted((args.corpus / folder).glob("*.txt"))
    ]
    if not texts:
        parser.error(f"no .txt files under {args.corpus} for --set {args.set}")
    extract = Toolkit.load().extractor.extract
    for text in texts:  # the warm-up pass: caches and first compiles
        extract(text)
    best = float("inf")
    for _ in range(args.passes):
        start = time.perf_counter()
        for text in texts:
            extract(text)
        best = min(best, time.perf_counter() - start)
    if args.passes:
        print(f"{len(texts)} texts: fastest of {args.passes} passes {best * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
