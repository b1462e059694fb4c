"""Time and peak memory of extraction against the length of the text: linear, or not.

    python -m benchmarks.scaling [--sizes 0.1 1 2 5 10] [--corpus ../shared/corpus]

Each text is real résumé text (the shipped examples, or the corpus's CVs) joined to the
size, once with its line breaks and once flattened to one line (as converters deliver
half of real documents). Extraction reads the first 1,000,000 characters of a text (a note
says so), so past 1 MB the time stays flat by design: the table shows that too.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

from mlgap import Toolkit

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"
MB = 1_000_000


def _source(corpus: Path | None) -> str:
    folder = corpus / "resumes" if corpus else EXAMPLES
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 2, 5, 10])
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args(argv)
    kit = Toolkit.load()
    source = _source(args.corpus)
    print(
        f"{'MB':>5} {'layout':<9} {'seconds':>8} {'s per MB':>9} {'peak MB':>8} {'MB per MB':>10}"
    )
    for size in args.sizes:
        for layout in ("lines", "one line"):
            text = (source * (int(size * MB) // len(source) + 1))[: int(size * MB)]
            if layout == "one line":
                text = text.replace("\n", " ")
            start = time.perf_counter()
            kit.extractor.extract(text)
            seconds = time.perf_counter() - start
            tracemalloc.start()  # a second run for memory: tracing slows the first
            kit.extractor.extract(text)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            print(
                f"{size:>5g} {layout:<9} {seconds:>8.2f} {seconds / size:>9.2f} "
                f"{peak:>8.0f} {peak / size:>10.1f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
