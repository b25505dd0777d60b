"""The house rules, checked on the source (AST): no import cycle, no reaching into another
module's private names, one documented public surface, modules of a readable size.

Rules for private names (a name with one leading underscore, not a dunder):

* ``from rolematch.x import _name`` is allowed only for a private *module* (``_version``,
  ``_resources`` …: private to the package, not to another module);
* ``mod._name`` where ``mod`` is an imported module: only for a private submodule;
* ``obj._name`` (or ``getattr(obj, "_name")``) on anything but ``self``/``cls``: only
  for a name the module itself defines (a function, class, method, attribute it assigns
  or a name it binds), so a class may read its own private state on another instance,
  and nothing else's. ``_replace``/``_asdict``/``_fields``/``_make`` are the public API
  of named tuples.

:data:`ALLOWED` lists the few exceptions, each with its reason.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import rolematch

PACKAGE = Path(rolematch.__file__).resolve().parent
NAMEDTUPLE_API = {"_replace", "_asdict", "_fields", "_make", "_field_defaults"}

#: (module, private name) -> why it cannot be avoided.
ALLOWED: dict[tuple[str, str], str] = {
    ("rolematch.batch.pool", "_processes"): (
        "ProcessPoolExecutor has no public way to kill its busy workers before Python 3.14 "
        "(terminate_workers); used only when that is missing"
    ),
    ("rolematch.batch.pool", "_result_queue"): (
        "after killing busy workers before Python 3.14, the parent's end of the result pipe "
        "must be closed or the pool's manager thread blocks the interpreter's exit on half "
        "a message; read with getattr"
    ),
    ("rolematch.batch.pool", "_writer"): (
        "the writing end of that result pipe (multiprocessing.SimpleQueue has no public "
        "close for one end); read with getattr"
    ),
    ("rolematch.batch.reader", "_exit"): (
        "os._exit ends a reader child or worker whose parent died at once, without running "
        "exit handlers that would wait on the dead parent's pipes"
    ),
    ("rolematch._cli_signals", "_exit"): (
        "os._exit is the standard library's documented way to end a process without the "
        "interpreter's exit handlers (after an interrupt, the worker pool's threads)"
    ),
    ("rolematch.features._bert", "_is_vnni_supported"): (
        "torch has no public query for VNNI, which decides whether int8 activations need "
        "7 bits; read with getattr and a fallback"
    ),
    ("rolematch.features._bert", "_make_per_channel_quantized_tensor"): (
        "torch's only way to wrap int8 weights with per-row scales as they are "
        "(quantize_per_channel would quantise floats again)"
    ),
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _tree(name: str) -> ast.Module:
    return ast.parse(MODULES[name].read_text("utf-8"), filename=str(MODULES[name]))


def _resolve(module: str, node: ast.ImportFrom) -> str:
    """The absolute module name an ``ImportFrom`` reads from."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if MODULES[module].name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING"
    )


def _module_level_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Imports that run when the module is imported (not in functions, not for typing)."""

    def walk(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
        for node in body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                yield node
            elif isinstance(node, ast.If) and not _is_type_checking(node):
                yield from walk(node.body)
                yield from walk(node.orelse)
            elif isinstance(node, ast.Try):
                yield from walk(node.body)
                for h in node.handlers:
                    yield from walk(h.body)
                yield from walk(node.orelse)
                yield from walk(node.finalbody)

    yield from walk(tree.body)


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports at import time."""
    graph: dict[str, set[str]] = {}
    for name in MODULES:
        edges = set()
        for node in _module_level_imports(_tree(name)):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                src = _resolve(name, node)
                targets = [f"{src}.{a.name}" if f"{src}.{a.name}" in MODULES else src
                           for a in node.names]  # fmt: skip
            edges |= {t for t in targets if t in MODULES and t != name}
        graph[name] = edges
    return graph


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph[n]):
            if state.get(m) == 1:
                return stack[stack.index(m) :] + [m]
            if m not in state and (found := visit(m)):
                return found
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if n not in state and (found := visit(n)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycle():
    graph = import_graph()
    assert graph["rolematch.report"] >= {"rolematch.results"}  # the graph sees real edges
    assert _find_cycle(graph) is None


def test_package_modules_do_not_import_the_package_namespace():
    # ``import rolematch`` / ``from rolematch import __version__`` inside the package runs
    # __init__ from within itself: read the version from rolematch._version
    bad = []
    for name in MODULES:
        if name == "rolematch":
            continue
        for node in ast.walk(_tree(name)):
            if isinstance(node, ast.Import) and any(a.name == "rolematch" for a in node.names):
                bad.append((name, node.lineno))
            if (
                isinstance(node, ast.ImportFrom)
                and _resolve(name, node) == "rolematch"
                and any(f"rolematch.{a.name}" not in MODULES for a in node.names)
            ):
                bad.append((name, node.lineno))
    assert bad == []


def _private(attr: str) -> bool:
    return attr.startswith("_") and not attr.startswith("__") and attr not in NAMEDTUPLE_API


def _own_names(tree: ast.Module) -> set[str]:
    """Every name the module defines or binds (functions, classes, methods, attributes
    it assigns on anything, names it assigns or imports)."""
    own = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            own.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            own.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            own.add(node.target.id)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "setattr"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            own.add(node.args[1].value)  # setattr(obj, "_x", …) defines it here
    return own


def private_access(name: str, tree: ast.Module | None = None) -> list[tuple[int, str]]:
    """(line, private name) of every access in module ``name`` that breaks the rules."""
    tree = tree if tree is not None else _tree(name)
    own = _own_names(tree)
    # names bound to imported modules: ``import a.b as m``, ``from a import b`` (a module)
    module_aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            module_aliases |= {a.asname or a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            src = _resolve(name, node)
            module_aliases |= {a.asname or a.name for a in node.names
                               if f"{src}.{a.name}" in MODULES}  # fmt: skip
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            src = _resolve(name, node)
            for a in node.names:
                if _private(a.name) and f"{src}.{a.name}" not in MODULES:
                    bad.append((node.lineno, a.name))
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            value = node.value
            if isinstance(value, ast.Name) and value.id in ("self", "cls"):
                continue
            if isinstance(value, ast.Name) and value.id in module_aliases:
                if not any(m.endswith(f".{node.attr}") for m in MODULES):
                    bad.append((node.lineno, node.attr))
                continue
            if node.attr not in own:
                bad.append((node.lineno, node.attr))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "hasattr", "setattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _private(node.args[1].value)
            and node.args[1].value not in own
        ):
            bad.append((node.lineno, node.args[1].value))
    return [(line, attr) for line, attr in bad if (name, attr) not in ALLOWED]


def test_the_private_access_rule_catches_what_it_should():
    src = (
        "import numpy as np\nfrom rolematch import tokenize\nfrom rolematch.matcher import _Batch\n"
        "class A:\n    def __init__(self):\n        self._mine = 1\n"
        "    def same(self, other):\n        return other._mine\n"
        "def f(m, x):\n    tokenize._jieba.cache_clear()\n    m._score(x)\n"
        "    return getattr(m, '_batch')(x), x._replace(a=1)\n"
    )
    found = private_access("rolematch.probe", ast.parse(src))
    assert sorted(a for _, a in found) == [
        "_Batch", "_batch", "_jieba", "_score"]  # fmt: skip


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_reads_another_modules_private_names(name):
    assert private_access(name) == []


def test_allowlist_entries_are_still_needed():
    stale = []
    for module, attr in ALLOWED:
        if module in MODULES and attr not in MODULES[module].read_text("utf-8"):
            stale.append((module, attr))
    assert stale == []


def _documented_surface() -> set[str]:
    """The names the "Public API" list of the package docstring gives (what is in
    parentheses there are methods and parameters)."""
    doc = rolematch.__doc__ or ""
    items = doc[doc.index("Public API") :].split("\n\n")[1]
    return set(re.findall(r"``(\w+)``", re.sub(r"\([^)]*\)", "", items)))


def test_all_is_the_documented_public_surface():
    assert set(rolematch.__all__) == _documented_surface()
    assert sorted(rolematch.__all__) == rolematch.__all__
    for name in rolematch.__all__:
        assert getattr(rolematch, name) is not None, name
    assert hasattr(rolematch.Matcher, "score_table") and hasattr(rolematch.BatchResults, "to_frame")


def test_modules_stay_readable():
    # over ~600 lines a module must say in its docstring why it is one piece
    long = {}
    for name, path in MODULES.items():
        n = len(path.read_text("utf-8").splitlines())
        doc = ast.get_docstring(_tree(name)) or ""
        if n > 650 and "one piece" not in doc:
            long[name] = n
    assert long == {}, "split these modules or say in their docstring why they are one piece"


def test_every_subpackage_goes_into_the_wheel():
    # the wheel holds the packages pyproject.toml names and no other: rolematch.batch,
    # .spark and .fairness were missing, so `pip install .` gave a rolematch whose
    # score command could not import its batch
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(PACKAGE.parent).parts) for p in PACKAGE.rglob("__init__.py")
    }
    assert found - listed == set()
