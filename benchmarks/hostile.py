"""Time and peak memory of `mlgap` on every hostile input of issue #9, as whole processes.

    python -m benchmarks.hostile [--scale 1.0] [--timeout 120] [--only NAME]

Each case is built in code (mlgap/hostile.py) in a temporary folder and run as its own
`python -m mlgap ...` process; the figures are its wall time, its peak resident memory (the
kernel's own accounting, from wait4) and its exit code with the first line it printed on
stderr. The aim: every case done in under 5 s and 300 MB, or refused in under 1 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mlgap.hostile import BUILDERS, big_yaml, docx_deep, typed_words, yaml_bomb

SHIPPED = Path(__file__).resolve().parent.parent / "skills"


def run(
    args: list[str], timeout: float, env: dict[str, str] | None = None, code: Path | None = None
) -> tuple[float, float, int, str]:
    """Return (seconds, peak MB, exit code, first stderr line) of `python -m mlgap ARGS`."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mlgap", *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**os.environ, **(env or {}), **({"PYTHONPATH": str(code)} if code else {})},
            cwd=code,
            start_new_session=True,
        )
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - start
        exit_code = os.waitstatus_to_exitcode(status)
        err.seek(0)
        first = err.read().decode(errors="replace").strip().splitlines()
    return seconds, usage.ru_maxrss / 1024, exit_code, first[0][:90] if first else ""


def build_files(folder: Path, scale: float) -> None:
    """Write every file case into `folder` (run in a process of its own, see `cases`)."""
    for name, build in BUILDERS.items():
        (folder / name).write_bytes(build(scale))
    (folder / "typed.txt").write_bytes(typed_words(scale))
    (folder / "bomb.yaml").write_bytes(yaml_bomb(scale))
    (folder / "big.yaml").write_bytes(big_yaml(scale))
    (folder / "deep.docx").write_bytes(docx_deep(scale))


def cases(folder: Path, scale: float) -> dict[str, list[str]]:
    """Build every case under `folder`; return name -> mlgap arguments."""
    # The files are built by a child process: building them takes GBs, and a process that
    # once grew large passes its peak on to every child it starts, as their own peak memory
    # (Linux counts the forked copy), which would spoil every figure.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.hostile",
            "--build-into",
            str(folder),
            "--scale",
            str(scale),
        ],
        check=True,
    )
    out = {name: ["assess", str(folder / name), "-f", "json"] for name in BUILDERS}
    fifo = folder / "fifo.txt"
    os.mkfifo(fifo)
    out["fifo-as-resume"] = ["assess", str(fifo)]
    typed = (folder / "typed.txt").read_text()
    step = 100_000  # one argument may hold 128 KB: the megabyte comes as several -s
    pieces = [typed[i : i + step] for i in range(0, len(typed), step)]
    out["typed-1MB-unknown"] = ["assess", *[a for p in pieces for a in ("-s", p)], "-f", "json"]
    out["report-to-/dev/full"] = ["assess", "-s", "python", "-o", "/dev/full"]
    for name in ("bomb", "big"):
        catalog = folder / f"catalog-{name}"
        shutil.copytree(SHIPPED, catalog)
        (folder / f"{name}.yaml").rename(catalog / "zz.yaml")
        out[f"catalog-yaml-{name}"] = ["catalog", "check", str(catalog)]
    for name, make in (("dev-zero", "zero"), ("fifo", "fifo")):
        catalog = folder / f"catalog-{name}"
        shutil.copytree(SHIPPED, catalog)
        if make == "zero":
            (catalog / "zz.yaml").symlink_to("/dev/zero")
        else:
            os.mkfifo(catalog / "zz.yaml")
        out[f"catalog-file-{name}"] = ["catalog", "check", str(catalog)]
    cohort = folder / "cohort"
    cohort.mkdir()
    for i in range(40):
        shutil.copy(
            Path(__file__).resolve().parent.parent / "examples/resumes/mid_level.txt",
            cohort / f"r{i:02d}.txt",
        )
    os.mkfifo(cohort / "stuck.txt")
    shutil.copy(folder / "deep.docx", cohort / "deep.docx")
    out["batch-with-fifo-and-deep-docx"] = ["batch", str(cohort), "-o", str(folder / "out.csv")]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--skip", action="append", default=[], help="leave out cases like this")
    parser.add_argument(
        "--code", type=Path, help="run the mlgap of this checkout instead (for before/after)"
    )
    parser.add_argument("--build-into", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build_into:
        build_files(args.build_into, args.scale)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cache = folder / "cache"
        todo = cases(folder, args.scale)
        # The cache entry is a FIFO: the start must not wait on it.
        env = {"MLGAP_CACHE_DIR": str(cache)}
        run(["catalog", "check"], args.timeout, env, args.code)  # fill the cache once
        entry = next(cache.glob("*.pickle"))
        print(f"{'case':<34} {'seconds':>8} {'peak MB':>8} {'exit':>5}  first line on stderr")
        for name, mlgap_args in todo.items():
            if (args.only and args.only not in name) or any(s in name for s in args.skip):
                continue
            seconds, peak, code, first = run(mlgap_args, args.timeout, env, args.code)
            print(f"{name:<34} {seconds:8.2f} {peak:8.0f} {code:>5}  {first}", flush=True)
        entry.unlink()
        os.mkfifo(entry)
        seconds, peak, code, first = run(["assess", "-s", "python"], args.timeout, env, args.code)
        print(f"{'fifo-as-cache-entry':<34} {seconds:8.2f} {peak:8.0f} {code:>5}  {first}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
