"""The package layout: stages import one way, no cycles, small modules, a short flat folder."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "summarizer"
# Each stage may import itself and the stages listed; the flat shared modules are "base".
ALLOWED = {
    "base": {"base"},
    "ingest": {"base", "brief"},
    "brief": {"base"},
    "engines": {"base", "brief", "ingest"},
    "briefing": {"base", "brief", "ingest"},
    "batch": {"base", "brief", "ingest", "engines", "briefing"},
    "cli": {"base", "brief", "ingest", "engines", "briefing", "batch", "evaluation"},
    "evaluation": {"base", "brief", "ingest", "engines", "briefing", "batch"},
}


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _stage(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "base"
    if parts[1] in ALLOWED:
        return parts[1]
    return "base"


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every summarizer module `path` imports, at the top or inside a function."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        out |= {n for n in names if n in modules and n != "summarizer"}
    return out


def test_stages_import_one_way() -> None:
    modules = _modules()
    wrong = [
        f"{name} imports {target}"
        for name, path in modules.items()
        for target in _imports(path, modules)
        if _stage(target) not in ALLOWED[_stage(name)] | {_stage(name)}
    ]
    assert not wrong, wrong


def test_no_import_cycles() -> None:
    modules = _modules()
    graph = {name: _imports(path, modules) for name, path in modules.items()}
    # A package's __init__ re-exporting its own modules is not a cycle.
    graph = {n: {t for t in ts if not n.startswith(t + ".")} for n, ts in graph.items()}
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(trail[trail.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert not cycles, cycles


def test_modules_stay_small_and_the_flat_folder_short() -> None:
    long = [
        f"{p.relative_to(PACKAGE)}: {n} lines"
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert not long, long
    flat = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(flat) <= 12, flat
    stages = [p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()]
    assert len(stages) >= 3, stages
