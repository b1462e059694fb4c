"""Time `mlgap batch` over N synthetic résumés of ~5 KB and measure its peak memory.

    python -m benchmarks.batch [--docs 10000 20000] [--jobs 2] [--format jsonl] [--dask]

--format is csv, jsonl (the full report a row) or jsonl-slim (the compact row).

With --dask, each size runs three ways in turn: the local batch with --jobs, and on a
local Dask cluster (`--dask local`) of 1 and of 2 workers.

The résumés are made from the shipped examples (lines shuffled and mixed with filler, a
different mix each), written to a temporary folder; the command runs as a real process,
and the memory figures are the peak resident memory of that process and its workers,
sampled from /proc every 20 ms (Linux).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.speed import make_resumes


def _tree_rss(root: int) -> tuple[int, int]:
    """Return (sum, largest) resident memory in bytes of `root` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in (p.name for p in Path("/proc").iterdir()):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            statm = Path(f"/proc/{entry}/statm").read_text().split()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry))
        rss[int(entry)] = int(statm[1]) * os.sysconf("SC_PAGE_SIZE")
    total, largest, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        largest = max(largest, rss.get(pid, 0))
        todo += children.get(pid, [])
    return total, largest


def run(command: list[str]) -> tuple[float, int, int]:
    """Run `command`; return (seconds, peak total RSS, peak single-process RSS)."""
    start = time.perf_counter()
    # The installed mlgap is timed, not a checkout that PYTHONPATH may point at.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    peaks = [0, 0]

    def sample() -> None:
        while process.poll() is None:
            total, largest = _tree_rss(process.pid)
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], largest)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    elapsed = time.perf_counter() - start
    sampler.join()
    if code not in (0, 4):
        raise SystemExit(f"mlgap batch exited with {code}")
    return elapsed, peaks[0], peaks[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[10_000, 20_000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--format", default="jsonl", choices=["csv", "jsonl", "jsonl-slim"])
    parser.add_argument("--dask", action="store_true", help="compare with Dask, 1 and 2 workers")
    args = parser.parse_args(argv)
    ways: list[tuple[str, list[str]]] = [("local", [])]
    if args.dask:
        ways += [(f"dask, {n} worker{'s' if n > 1 else ''}", ["--dask", "local", "--jobs", str(n)])
                 for n in (1, 2)]  # fmt: skip
    for count in args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "resumes"
            folder.mkdir()
            for i, text in enumerate(make_resumes(count, seed=count)):
                (folder / f"r{i:06d}.txt").write_text(text, encoding="utf-8")
            out = Path(tmp) / f"cohort.{args.format}"
            mlgap = str(Path(sys.executable).parent / "mlgap")
            command = [
                mlgap,
                "batch",
                str(folder),
                "--format",
                args.format,
                "--output",
                str(out),
                "--summary",
                str(Path(tmp) / "summary.md"),
            ]
            for way, extra in ways:
                local = ["--jobs", str(args.jobs)] if not extra else []
                seconds, total, largest = run([*command, *local, *extra])
                print(
                    f"{count:>7} résumés, {way:<16}: {seconds:6.2f} s "
                    f"({count / seconds:,.0f}/s), peak memory {total / 2**20:.0f} MB in all, "
                    f"{largest / 2**20:.0f} MB largest process, "
                    f"{out.stat().st_size / count / 1024:.1f} KB a row"
                )
                out.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
