"""No process-wide state in the library: runs in one process never see each other's job."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from mlgap import Toolkit
from mlgap.batch.run import CHUNK, run_batch

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"


def _role_of(line: str) -> str:
    role: str = json.loads(line)["role"]["id"]
    return role


def test_interleaved_batches_keep_their_own_role(kit: Toolkit) -> None:
    """Two batches with different roles, read turn about in one process, give their own rows."""
    paths = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))] * 2
    expert = run_batch(paths, fmt="jsonl", role="ml-expert", jobs=1, kit=kit)
    specialist = run_batch(paths, fmt="jsonl", role="ml-specialist", jobs=1, kit=kit)
    pairs = list(zip(expert, specialist, strict=True))
    assert [_role_of(a.line) for a, _ in pairs] == ["ml-expert"] * len(paths)
    assert [_role_of(b.line) for _, b in pairs] == ["ml-specialist"] * len(paths)
    # The roles really differ on this résumé.
    assert json.loads(pairs[0][0].line)["gaps"] != json.loads(pairs[0][1].line)["gaps"]


def test_a_worker_batch_beside_an_in_process_one(kit: Toolkit) -> None:
    """A batch in worker processes and one in this process, interleaved, keep their roles."""
    paths = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))] * (CHUNK // 3 + 2)
    assert len(paths) > CHUNK  # enough for the worker pool
    workers = run_batch(paths, fmt="jsonl", role="ml-specialist", jobs=2, kit=kit)
    here = run_batch(paths, fmt="jsonl", role="ml-expert", jobs=1, kit=kit)
    pairs = list(zip(workers, here, strict=True))
    assert {_role_of(a.line) for a, _ in pairs} == {"ml-specialist"}
    assert {_role_of(b.line) for _, b in pairs} == {"ml-expert"}


def test_an_in_process_batch_leaves_the_garbage_collector_alone(kit: Toolkit) -> None:
    """The caller's collector settings are its own: a batch neither freezes nor retunes them."""
    before = (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled())
    rows = list(run_batch([str(EXAMPLES / "beginner.txt")], jobs=1, kit=kit))
    assert rows[0].score is not None
    assert (gc.get_threshold(), gc.get_freeze_count(), gc.isenabled()) == before


def test_assessing_twice_with_two_catalog_loads_agrees() -> None:
    """Requirement details belong to each loaded catalog: a second load gives the same report."""
    text = (EXAMPLES / "mid_level.txt").read_text(encoding="utf-8")
    first, second = Toolkit.load(), Toolkit.load()
    assert first.catalog is not second.catalog
    assert first.assess_text(text).to_dict() == second.assess_text(text).to_dict()
