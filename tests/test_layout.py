"""The package's shape: one sub-package per stage, imports only downwards, no cycles."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mlgap"
# The pipeline from the bottom up: a module may import only from its own sub-package or
# from a lower stage. read and catalog share a stage and must not import each other.
STAGES = {
    "errors": 0, "version": 0,
    "tokens": 1, "atomic_write": 1, "plain_data": 1, "lazy_pattern": 1, "testing": 1,
    "hostile": 2,
    "read": 2, "catalog": 2,
    "extract": 3,
    "assess": 4,
    "render": 5,
    "toolkit": 6,
    "batch": 7,
    "cli": 8,
    "__init__": 9, "__main__": 9,
}  # fmt: skip


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(_module_name(p) for p in PACKAGE.rglob("*.py"))


def _stage(module: str) -> str:
    """Return the stage a module belongs to: its first name below `mlgap`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    """Return every mlgap module `path` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "mlgap" or node.module.startswith("mlgap."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "mlgap")
    return found


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in PACKAGE.rglob("*.py")}


def test_every_module_belongs_to_a_stage() -> None:
    """A new top-level module or sub-package must be given its place in the pipeline."""
    assert {_stage(m) for m in MODULES} <= set(STAGES)


@pytest.mark.parametrize("module", [m for m in MODULES if _stage(m) not in ("__init__",)])
def test_imports_run_only_downwards(module: str) -> None:
    """No module imports a higher stage, a sibling stage, or the package face `mlgap`."""
    path = PACKAGE.parent / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = PACKAGE.parent / module.replace(".", "/") / "__init__.py"
    own = _stage(module)
    for target in _imports(path):
        if module == "mlgap.__main__" and target.startswith("mlgap.cli"):
            continue
        assert target != "mlgap", f"{module} imports the package face"
        there = _stage(target)
        assert there == own or STAGES[there] < STAGES[own], f"{module} imports {target}"


def test_no_import_cycles() -> None:
    """The module graph, lazy imports included, has no cycle."""
    graph = _graph()
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if target not in graph:
                continue
            assert state.get(target) != 1, " -> ".join([*trail, module, target])
            if target not in state:
                visit(target, [*trail, module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


_IMPORT_EACH = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "mlgap" or m.startswith("mlgap.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{name}: {type(error).__name__}: {error}")
print("\\n".join(failed))
"""


def test_every_module_imports_alone() -> None:
    """Each module imports with no other mlgap module loaded before it: no cycle hides."""
    modules = [m for m in MODULES if m != "mlgap.__main__"]  # running it runs the CLI
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH, *modules], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


_LOADED_AT_EXIT = """
import atexit, sys
heavy = set(sys.argv[1].split())
atexit.register(lambda: print(" ".join(sorted(
    m for m in sys.modules if m in heavy or m.split(".")[0] in heavy)), file=sys.stderr))
sys.argv = ["mlgap", *sys.argv[2:]]
from mlgap.cli import main
main()
"""
# What a report from the start-up cache never needs: the catalog builder's YAML and schema,
# the terminal's Rich, typo checking, PDF reading, logging, temporary files, the resources API.
_HEAVY = "yaml jsonschema rich rapidfuzz ftfy pypdf logging tempfile importlib.resources"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_report_from_the_cache_imports_nothing_it_does_not_use(fmt: str) -> None:
    """A start is timed in milliseconds: each of these costs several (see benchmarks.startup)."""
    resume = str(PACKAGE.parent / "examples" / "resumes" / "beginner.txt")
    command = [sys.executable, "-c", _LOADED_AT_EXIT, _HEAVY, "assess", resume, "--format", fmt]
    subprocess.run(command, capture_output=True, check=True)  # fills the cache
    loaded = subprocess.run(command, capture_output=True, text=True, check=True).stderr
    assert loaded.split() == []
