"""How typed skills (`-s`) agree with résumé text: every catalog phrase, typed, and with a typo.

    python -m benchmarks.typed [--seed 1]

For every alias and instance phrase of the catalog: typed as it is, does `-s` give the same
skills as the extractor finds in the phrase written in a résumé? With one letter dropped
(phrases of 6 letters or more), does it still give those skills? And for the technologies
the catalog lists as outside it: are they said to be known, with no suggestion?
"""

from __future__ import annotations

import argparse
import random

from mlgap import Toolkit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    kit = Toolkit.load()
    phrases = sorted({p for s in kit.catalog.skills.values() for p in (*s.aliases, *s.instances)})
    same = superset = typo_total = typo_ok = 0
    for phrase in phrases:
        in_text = kit.extractor.extract(f"Skills: {phrase}.").found
        resolved = kit.typed.resolve(phrase)
        typed = set(resolved[0]) if resolved else set()
        same += typed == in_text
        superset += typed >= in_text
        letters = [i for i, c in enumerate(phrase) if c.isalpha()]
        if len(letters) >= 6:
            cut = rng.choice(letters[1:])
            slip = kit.typed.resolve(phrase[:cut] + phrase[cut + 1 :])
            typo_total += 1
            typo_ok += bool(slip) and set(slip[0]) >= typed if slip else False
    outside = kit.catalog.settings.known_outside
    known = sum(
        all(u.known and not u.suggestions for u in kit.typed.extract([n]).unrecognized)
        for n in outside
    )
    n = len(phrases)
    print(f"catalog phrases typed:          {n}")
    print(f"  same skills as in a résumé:   {same} ({same / n:.1%})")
    print(f"  at least those skills:        {superset} ({superset / n:.1%})")
    print(f"  with one letter dropped:      {typo_ok} of {typo_total} ({typo_ok / typo_total:.1%})")
    print(f"known outside the catalog:      {known} of {len(outside)} said so, no suggestion")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
