"""Time a whole `mlgap assess` process on a 5 KB résumé against importing its dependencies.

    python -m benchmarks.startup [--runs 20]

Runs each command --runs times (after one warm-up run that also fills mlgap's cache) and
prints the median and the fastest wall-clock time of each.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.speed import make_resumes


def timed(command: list[str], runs: int, cwd: str) -> tuple[float, float]:
    """Return (median, fastest) seconds of `runs` runs of `command`."""
    subprocess.run(command, check=True, capture_output=True, cwd=cwd)  # warm-up, cache fill
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=cwd)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        resume = Path(tmp) / "resume.txt"
        resume.write_text(make_resumes(1, seed=7)[0], encoding="utf-8")
        size = resume.stat().st_size
        mlgap = [sys.executable, "-m", "mlgap", "assess", str(resume)]
        commands = {
            "python -c 'import typer, rich, yaml, rapidfuzz'": [
                sys.executable,
                "-c",
                "import typer, rich, yaml, rapidfuzz",
            ],
            f"mlgap assess ({size:,} B résumé) --format json": [*mlgap, "--format", "json"],
            f"mlgap assess ({size:,} B résumé), terminal report": mlgap,
        }
        for name, command in commands.items():
            median, fastest = timed(command, args.runs, tmp)
            print(f"{name:<52} median {median * 1000:6.0f} ms   fastest {fastest * 1000:6.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
