"""Fuzz the readers and the extractor with Hypothesis: many inputs, every failure reported.

    python -m benchmarks.fuzz [--examples 5000]

Three targets: arbitrary bytes as a résumé file; valid PDF, .docx and text files with bytes
overwritten; arbitrary text through extraction. A failure is any exception other than the
InputError a bad file should give, an input that takes over 5 s, or a finding without
evidence that stands in the text.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlgap import Toolkit
from mlgap.errors import InputError
from mlgap.extract.clean import clean_text
from mlgap.read.document import document_from_bytes
from mlgap.testing import make_docx, make_pdf

SEEDS = [
    make_pdf([["Jane Doe", "Skills: Python, SQL, PyTorch"], ["Docker and AWS"]]),
    make_docx(["Skills: Python, scikit-learn", "Kaggle"], header="Docker"),
    "Skills: Python, R, C++ • NaÃ¯ve Bayes, no experience with Docker\r\n".encode(),
]


class Tally:
    """Inputs run and failures seen, by kind."""

    def __init__(self) -> None:
        self.runs = 0
        self.failures: Counter[str] = Counter()
        self.slowest = 0.0

    def check(self, work: Callable[[], None]) -> None:
        self.runs += 1
        start = time.monotonic()
        try:
            work()
        except InputError:
            pass
        except Exception as exc:  # a fuzzer records every failure
            self.failures[f"{type(exc).__name__}: {str(exc)[:80]}"] += 1
        elapsed = time.monotonic() - start
        self.slowest = max(self.slowest, elapsed)
        if elapsed > 5:
            self.failures["slower than 5 s"] += 1


def extract_checked(kit: Toolkit, text: str) -> None:
    """Extract from `text`; raise unless every piece of evidence stands where it says."""
    cleaned = clean_text(text)
    lines = cleaned.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for finding in kit.extractor.extract(text).findings:
        if not finding.evidence:
            raise AssertionError(f"{finding.skill} has no evidence")
        for e in finding.evidence:
            if e.line is None or e.column is None:
                raise AssertionError(f"{finding.skill}: evidence without a place")
            # A phrase may run onto the next line ("K-means\nclustering").
            if not cleaned.startswith(e.text, starts[e.line - 1] + e.column - 1):
                raise AssertionError(f"{finding.skill}: evidence not where it says")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--examples", type=int, default=5000, help="inputs per target")
    args = parser.parse_args(argv)
    kit = Toolkit.load()
    config = settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )

    def read_and_extract(data: bytes) -> None:
        extract_checked(kit, document_from_bytes(data, "fuzz").text)

    tallies = {name: Tally() for name in ("bytes", "damaged files", "text")}

    @config
    @given(st.binary(max_size=4096))
    def arbitrary_bytes(data: bytes) -> None:
        tallies["bytes"].check(lambda: read_and_extract(data))

    @config
    @given(
        st.sampled_from(range(len(SEEDS))),
        st.lists(
            st.tuples(st.integers(0, 10**6), st.binary(min_size=1, max_size=16)),
            min_size=1,
            max_size=8,
        ),
    )
    def damaged(seed: int, edits: list[tuple[int, bytes]]) -> None:
        data = bytearray(SEEDS[seed])
        for at, chunk in edits:
            at %= len(data)
            data[at : at + len(chunk)] = chunk
        tallies["damaged files"].check(lambda: read_and_extract(bytes(data)))

    words = st.sampled_from(
        [
            "Python",
            "R",
            "C++",
            "no experience with",
            "SQL Server",
            "clustering",
            "https://github.com/x",
            "B.Sc. in",
            "\n",
            " ",
            ",",
            "would like to learn",
            "K- Means",
            "Ã©",
            "<b>",
            "T O O L S",
        ]
    )

    @config
    @given(st.one_of(st.text(max_size=2000), st.lists(words, max_size=60).map("".join)))
    def arbitrary_text(text: str) -> None:
        tallies["text"].check(lambda: extract_checked(kit, text))

    for target in (arbitrary_bytes, damaged, arbitrary_text):
        target()
    return 1 if _report(tallies) else 0


def _report(tallies: dict[str, Tally]) -> int:
    """Print each target's figures and its commonest failures; return the failures."""
    total = 0
    for name, tally in tallies.items():
        total += sum(tally.failures.values())
        print(
            f"{name:<14} {tally.runs:>7} inputs  {sum(tally.failures.values()):>4} failures  "
            f"slowest {tally.slowest * 1000:.0f} ms"
        )
        for failure, count in tally.failures.most_common(10):
            print(f"    {count:>5} × {failure}")
    return total


if __name__ == "__main__":
    raise SystemExit(main())
