"""Time a whole `mlgap assess` process on a 5 KB résumé against importing its dependencies.

    python -m benchmarks.startup [--runs 20]

Runs each command --runs times, taking turns (after one warm-up run that also fills mlgap's
cache), and prints the median and the fastest wall-clock time of each, and the ratio of its
median to the imports' median.
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


def timed(commands: dict[str, list[str]], runs: int, cwd: str) -> dict[str, list[float]]:
    """Return each command's wall-clock seconds over `runs` rounds, the commands taking turns
    within each round so that a busy moment of the machine slows them alike."""
    for command in commands.values():  # warm-up: fills mlgap's cache and the OS's file cache
        subprocess.run(command, check=True, capture_output=True, cwd=cwd)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, cwd=cwd)
            times[name].append(time.perf_counter() - start)
    return times


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
        times = timed(commands, args.runs, tmp)
        floor = statistics.median(next(iter(times.values())))
        for name, seconds in times.items():
            median = statistics.median(seconds)
            print(
                f"{name:<52} median {median * 1000:6.0f} ms   fastest {min(seconds) * 1000:6.0f} ms"
                f"   {median / floor:4.2f}x the imports"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
