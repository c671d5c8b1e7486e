"""No module of flash_reader imports itself through others: a circle makes the import order
matter, and hides one at first use inside a function (feed/search ↔ reading/kana once did)."""

from __future__ import annotations

import ast
from pathlib import Path

import flash_reader

PACKAGE = Path(flash_reader.__file__).resolve().parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each module → the flash_reader modules it imports, anywhere in it (in functions too)."""
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from package import module` names a module; `from module import name`
                # imports that module.
                imported.update(f"{node.module}.{alias.name}"
                                if f"{node.module}.{alias.name}" in modules else node.module
                                for alias in node.names)
        graph[name] = {module for module in imported if module in modules and module != name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The modules that import each other through any path, in groups (one per circle)."""
    reaches: dict[str, set[str]] = {}
    for start in graph:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for imported in graph[todo.pop()] - seen:
                seen.add(imported)
                todo.append(imported)
        reaches[start] = seen
    return sorted({tuple(sorted(other for other in reaches[module] if module in reaches[other]))
                   for module in graph if module in reaches[module]})


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = import_graph()
    assert "flash_reader.reading.fold" in graph["flash_reader.reading.kana"]
    assert "flash_reader.reading.kana" in graph["flash_reader.feed.search"]


def test_a_circle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a", "e"}, "e": {"d"}, "f": set()}
    assert circles(graph) == [("a", "b", "c"), ("d", "e")]


def test_no_import_circles() -> None:
    assert circles(import_graph()) == []
