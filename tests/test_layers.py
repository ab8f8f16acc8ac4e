"""The architecture, enforced: layers, where SQL may live, who may import Qt, no cycles.

An AST walk of every module under ``console/`` (imports inside functions and under
``if TYPE_CHECKING:`` count: a hidden import is still a dependency). The layers, top to
bottom, are drawn in the README's "How it is built":

    console.__main__ -> ui -> app -> sync -> features -> store / channels -> base

where *base* is ``console`` itself, ``errors``, ``i18n``, ``resources`` and ``trust``,
and every other package directly under ``console/`` is a feature. A module imports only
from its own layer or below. The sandbox sits beside the channels and imports nothing of
``console`` but ``resources``.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "console"

BASE = {"console", "console.errors", "console.i18n", "console.resources", "console.trust"}
LAUNCHER = "console.__main__"
RANKS = {"base": 0, "store": 1, "channels": 1, "sandbox": 1, "feature": 2, "sync": 3,
         "app": 4, "ui": 5, "launcher": 6}
QT_PACKAGES = ("PySide6", "shiboken6")

# A string that is SQL on its own (keywords in capitals, as this project writes SQL).
SQL_TEXT = re.compile(
    r"^\s*(SELECT\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s|"
    r"CREATE\s+(TABLE|INDEX|UNIQUE\s+INDEX|VIRTUAL\s+TABLE|TRIGGER)\s|DROP\s+(TABLE|INDEX)\s|"
    r"ALTER\s+TABLE\s|PRAGMA\s|WITH\s+\w+(\s*\([^)]*\))?\s+AS\s*\(|REPLACE\s+INTO\s)")
SQL_FRAGMENT = re.compile(r"\b(SELECT\s.+\sFROM|WHERE\s+\w+(\.\w+)?\s*(=|IN\b|<|>|IS\b))",
                          re.S)
MODULE_NAME = re.compile(r"^console(\.\w+)+$")


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module
    imports: list[tuple[str, int]] = field(default_factory=list)  # (module, line)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        found[name] = Module(name, path, ast.parse(path.read_text(encoding="utf-8")))
    for module in found.values():
        module.imports = list(_imports_of(module, found))
    return found


def _imports_of(module: Module, known: dict[str, Module]) -> Iterator[tuple[str, int]]:
    is_package = module.path.name == "__init__.py"
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.name.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                yield (candidate if candidate in known else target), node.lineno


def _owner(name: str, known: dict[str, Module]) -> str:
    """The console module an imported name belongs to (``console.x.y.Class`` -> module)."""
    while name not in known and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def layer_of(name: str) -> str:
    if name == LAUNCHER:
        return "launcher"
    parts = name.split(".")
    if name in BASE or ".".join(parts[:2]) in BASE:
        return "base"
    top = parts[1]
    if top in ("store", "channels", "sandbox", "sync", "app", "ui"):
        return top
    return "feature"


def feature_of(name: str) -> str:
    return ".".join(name.split(".")[:2])


MODULES = _modules()


def _console_edges() -> Iterator[tuple[Module, str, int]]:
    for module in MODULES.values():
        for target, line in module.imports:
            if target == "console" or target.startswith("console."):
                yield module, _owner(target, MODULES), line


def _where(module: Module, line: int) -> str:
    return f"{module.path.relative_to(ROOT)}:{line}"


def test_the_walk_sees_the_whole_package() -> None:
    assert len(MODULES) > 150
    assert "console.store.db" in MODULES
    assert any(target == "console.store.db" for _, target, _ in _console_edges())


def test_only_the_ui_and_the_launcher_import_qt() -> None:
    wrong = []
    for module in MODULES.values():
        if layer_of(module.name) in ("ui", "launcher"):
            continue
        for target, line in module.imports:
            if target.split(".")[0] in QT_PACKAGES or target.startswith("console.ui"):
                wrong.append(f"{_where(module, line)} imports {target}")
    assert not wrong, "Qt outside console/ui/:\n" + "\n".join(wrong)


def test_lower_layers_never_import_higher_ones() -> None:
    wrong = []
    for module, target, line in _console_edges():
        mine, theirs = layer_of(module.name), layer_of(target)
        if RANKS[theirs] > RANKS[mine]:
            wrong.append(f"{_where(module, line)}: {mine} imports {theirs} ({target})")
    assert not wrong, "upward imports:\n" + "\n".join(wrong)


def test_store_channels_and_sandbox_keep_to_themselves() -> None:
    allowed = {
        "store": {"base", "store"},
        "channels": {"base", "channels"},
        "sandbox": {"sandbox"},
    }
    wrong = []
    for module, target, line in _console_edges():
        mine = layer_of(module.name)
        if mine not in allowed:
            continue
        theirs = layer_of(target)
        ok = theirs in allowed[mine] or (mine == "sandbox" and target in (
            "console", "console.resources"))
        if not ok:
            wrong.append(f"{_where(module, line)}: {mine} imports {target}")
    assert not wrong, "\n".join(wrong)


def _docstrings(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                ids.add(id(body[0].value))
    return ids


def _string_parts(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else " x "
                       for v in node.values)
    return None


MODEL_QUERIES = {"select", "insert", "insert_many", "insert_from", "update", "delete", "get",
                 "get_or_none", "get_by_id", "get_or_create", "create", "replace",
                 "delete_by_id", "raw"}


def _models_imported(tree: ast.Module) -> set[str]:
    """Local names of the store's peewee models imported by a module."""
    return {alias.asname or alias.name for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "console.store.models"
            for alias in node.names if alias.name[:1].isupper() and not alias.name.isupper()}


def may_hold_sql(name: str) -> bool:
    parts = name.split(".")
    return parts[1:2] == ["store"] or "queries" in parts


def sql_outside_queries() -> list[str]:
    wrong = []
    for module in MODULES.values():
        if may_hold_sql(module.name):
            continue
        skip = _docstrings(module.tree) | {  # an f-string is read whole, not part by part
            id(part) for node in ast.walk(module.tree) if isinstance(node, ast.JoinedStr)
            for part in node.values}
        models = _models_imported(module.tree)
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Attribute) and node.attr == "execute_sql":
                wrong.append(f"{_where(module, node.lineno)}: execute_sql")
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and isinstance(node.func.value, ast.Name) and node.func.value.id in models
                  and node.func.attr in MODEL_QUERIES):
                wrong.append(f"{_where(module, node.lineno)}: query on "
                             f"{node.func.value.id}.{node.func.attr}")
            elif id(node) not in skip:
                text = _string_parts(node)
                if text and (SQL_TEXT.match(text) or SQL_FRAGMENT.search(text)):
                    wrong.append(f"{_where(module, node.lineno)}: SQL text {text[:40]!r}")
    return sorted(set(wrong))


def test_sql_lives_in_queries_modules_and_the_store() -> None:
    wrong = sql_outside_queries()
    assert not wrong, "SQL outside queries.py and console/store/:\n" + "\n".join(wrong)


def test_the_sql_finder_finds_sql() -> None:
    """The check above would pass vacuously if the patterns never matched."""
    tree = ast.parse("from console.store.models import Mention as M, MENTION_STATUSES\n")
    assert _models_imported(tree) == {"M"}
    for text in ('SELECT id FROM mention WHERE id = ?', 'UPDATE "case" SET status = ?',
                 "INSERT OR IGNORE INTO tag (name) VALUES (?)", "DELETE FROM note",
                 "PRAGMA user_version", "CREATE UNIQUE INDEX a ON b (c)",
                 "WITH recent AS (SELECT 1)", " AND m.id IN (SELECT x FROM y)"):
        assert SQL_TEXT.match(text) or SQL_FRAGMENT.search(text), text
    for text in ("Select the accounts to sync", "Update the rule", "delete it",
                 "where the person spoke", "Insert a canned reply"):
        assert not (SQL_TEXT.match(text) or SQL_FRAGMENT.search(text)), text
    assert any(may_hold_sql(name) for name in MODULES if "execute_sql" in
               MODULES[name].path.read_text(encoding="utf-8"))


def test_no_module_is_loaded_by_its_name() -> None:
    """Registries are explicit lists of imported modules, so the import graph is whole."""
    wrong = []
    for module in MODULES.values():
        docs = _docstrings(module.tree)
        for node in ast.walk(module.tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docs and MODULE_NAME.match(node.value)
                    and node.value.split(".")[1] != "ui"):
                wrong.append(f"{_where(module, node.lineno)}: {node.value!r}")
    assert not wrong, "modules named in strings:\n" + "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        members.append(member)
                        if member == node:
                            break
                    if len(members) > 1:
                        found.append(sorted(members))
    return found


def test_no_import_cycles_between_modules() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, target, _ in _console_edges():
        if target != module.name and not module.name.startswith(target + "."):
            graph[module.name].add(target)
    cycles = _cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_no_import_cycles_between_features() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, target, _ in _console_edges():
        if layer_of(module.name) == layer_of(target) == "feature":
            mine, theirs = feature_of(module.name), feature_of(target)
            if mine != theirs:
                graph[mine].add(theirs)
    cycles = _cycles(graph)
    assert not cycles, "features that import each other:\n" + "\n".join(
        " <-> ".join(c) for c in cycles)


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


@pytest.mark.parametrize("name, layer", [
    ("console.__main__", "launcher"), ("console.errors", "base"),
    ("console.trust.links", "base"), ("console.store.db", "store"),
    ("console.channels.mastodon.channel", "channels"), ("console.sandbox.server", "sandbox"),
    ("console.people.queries", "feature"), ("console.sync.engine", "sync"),
    ("console.app.runtime", "app"), ("console.ui.main_window", "ui"),
])
def test_layers_are_named_as_drawn(name: str, layer: str) -> None:
    assert layer_of(name) == layer
