"""Time extraction against a plain keyword trie (flashtext) given the same aliases.

    pip install -e '.[bench]' && python -m benchmarks.speed [--docs 2000] [--seed 1]

Makes N résumés of about 5 KB from the shipped examples (shuffled lines, varied words),
then reports résumés per second on one core (best of --rounds) for mlgap's extractor
and for flashtext; --corpus DIR builds them from real documents instead.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from pathlib import Path

from mlgap import Toolkit

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"
# Prose that names no skill: real résumés are mostly this. With SKILL_LINES of the lines
# taken from the examples, a synthetic résumé has about as many skill mentions per KB as
# the real résumés of the development corpus (measured: ~45 per 5 KB).
FILLER = (
    "Collaborated with product teams on quarterly planning and reporting.",
    "Improved the onboarding flow for new customers across three regions.",
    "Responsible for budgets, vendor contracts and weekly status meetings.",
    "Wrote documentation and ran internal workshops for the support team.",
    "Reduced the monthly close from ten days to six by simplifying approvals.",
    "Coordinated releases with the QA, design and customer success teams.",
    "Interviewed candidates and helped new hires settle into the office.",
    "Handled escalations from key accounts and kept them informed each week.",
    "Organised the yearly conference for 300 attendees from 12 countries.",
    "Prepared board presentations and tracked the company's quarterly goals.",
    "2016 - 2019, Operations Associate, Northwind Logistics, Rotterdam.",
    "Languages: English (fluent), Spanish (intermediate), German (basic).",
    "Interests: long-distance running, chess, photography and cooking.",
    "References available on request.",
    "Volunteer at the city library, reading programme for children.",
    "Moved the archive of 40,000 documents to the new records system.",
)
SKILL_LINES = 0.2


def make_resumes(count: int, seed: int, size: int = 5000) -> list[str]:
    """Return `count` synthetic résumés of about `size` characters."""
    rng = random.Random(seed)
    lines = [ln for p in sorted(EXAMPLES.glob("*.txt")) for ln in p.read_text().splitlines()]
    out = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            parts.append(rng.choice(lines) if rng.random() < SKILL_LINES else rng.choice(FILLER))
        out.append("\n".join(parts))
    return out


def from_corpus(folder: Path, count: int, seed: int, size: int = 5000) -> list[str]:
    """Return `count` texts of about `size` characters, each real documents joined.

    `folder` holds the documents, or is the development corpus whose `resumes/` holds them.
    """
    rng = random.Random(seed)
    if (folder / "resumes").is_dir():
        folder = folder / "resumes"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no *.txt documents in {folder}")
    out = []
    for _ in range(count):
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            parts.append(rng.choice(texts))
        out.append("\n".join(parts)[:size])
    return out


def best_of(rounds: int, work: Callable[[str], object], docs: list[str]) -> float:
    """Return the fastest of `rounds` timings of `work` over `docs`: the least disturbed."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for doc in docs:
            work(doc)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5, help="report the best of this many")
    parser.add_argument(
        "--corpus", type=Path, help="build the résumés from real documents in this folder instead"
    )
    args = parser.parse_args(argv)
    kit = Toolkit.load()
    if args.corpus:
        docs = from_corpus(args.corpus, args.docs, args.seed)
    else:
        docs = make_resumes(args.docs, args.seed)
    mean_kb = sum(len(d.encode()) for d in docs) / len(docs) / 1024
    print(f"{len(docs)} résumés, mean {mean_kb:.1f} KB")
    ours = best_of(args.rounds, kit.extractor.extract, docs)
    print(
        f"mlgap extractor: {len(docs) / ours:,.0f} résumés/s "
        f"({1000 * ours / len(docs):.2f} ms each)"
    )
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        print("flashtext not installed: pip install -e '.[bench]' for the side-by-side figure")
        return 0
    processor = KeywordProcessor(case_sensitive=False)
    for skill in kit.catalog.skills.values():
        for alias in skill.aliases + skill.instances + skill.ambiguous + skill.conditional:
            processor.add_keyword(alias, skill.id)
    theirs = best_of(args.rounds, processor.extract_keywords, docs)
    print(
        f"flashtext (same {len(processor)} aliases): {len(docs) / theirs:,.0f} résumés/s "
        f"({1000 * theirs / len(docs):.2f} ms each)"
    )
    print(f"ratio mlgap/flashtext time: {ours / theirs:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
