"""The package's shape: no import cycles, no private names across modules, a light start,
and every fact of the decree written down once."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

import vanban
import vanban.renderer
from conftest import ROOT, SEED_PLAN

from vanban.rules import NOT_PLAN_MODULES

SRC = ROOT / "src"
PACKAGE = SRC / "vanban"
#: gettext's marker is spelt ``_`` by convention; it is not a private name.
GETTEXT = "_"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and isinstance(node.test, ast.Name) and \
        node.test.id == "TYPE_CHECKING"


@cache
def imports(module: str) -> list[tuple[str, str | None, int]]:
    """(imported module, imported name or None, line) for every vanban import of ``module``,
    at any depth (lazy imports inside functions too), except type-checking-only ones."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found: list[tuple[str, str | None, int]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                continue
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0 \
                    and child.module.split(".")[0] == "vanban":
                for alias in child.names:
                    sub = f"{child.module}.{alias.name}"
                    if sub in MODULES:  # ``from vanban.text import legacy``: a module
                        found.append((sub, None, child.lineno))
                    else:
                        found.append((child.module, alias.name, child.lineno))
            elif isinstance(child, ast.Import):
                found.extend((a.name, None, child.lineno) for a in child.names
                             if a.name.split(".")[0] == "vanban")
            visit(child)

    visit(tree)
    return found


def _package_of(module: str) -> str:
    return module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]


def test_the_package_has_no_import_cycle():
    graph = {m: {target for target, _name, _line in imports(m) if target in MODULES and target != m}
             for m in MODULES}
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[module] = 2
        return None

    for module in MODULES:
        if module not in state and (cycle := visit(module)):
            pytest.fail("import cycle: " + " → ".join(cycle))


def test_no_module_imports_a_private_name_of_another():
    crossings = []
    for module in MODULES:
        own_package = _package_of(module)
        for target, name, line in imports(module):
            if name and name.startswith("_") and name not in (GETTEXT, "__version__"):
                crossings.append(f"{module}:{line} imports {name} from {target}")
            parts = target.split(".")
            for depth, part in enumerate(parts):
                owner = ".".join(parts[:depth])
                if part.startswith("_") and not (own_package == owner or
                                                 own_package.startswith(owner + ".")):
                    crossings.append(f"{module}:{line} reaches into {target}")
    assert not crossings, "\n".join(crossings)


#: What the command line must not load before a command needs it: the Word libraries, the
#: YAML parser, the checker (its configuration, its rules), the renderer, the process pool,
#: and xml.sax (which pulls in urllib, http and email for one escape function).
HEAVY = ("docx", "docxtpl", "jinja2", "lxml", "yaml", "xml.sax", "concurrent.futures",
         "multiprocessing", "vanban.check", "vanban.check.config", "vanban.rules",
         "vanban.renderer", "vanban.plan.loader", "vanban.document", "vanban.batch.pool")


def test_the_command_line_loads_nothing_heavy_to_start():
    # (babel is loaded only when the compiled catalog is older than the .po being edited)
    code = (f"import sys, vanban.cli; "
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_help_loads_nothing_heavy_either():
    code = ("import sys, vanban.cli\n"
            "try:\n    vanban.cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_rendering_a_plan_loads_only_what_a_plan_needs(tmp_path):
    """``vanban render`` checks the plan with the plan rules only: the other commands, the
    document reader and the rules of documents and folders stay unloaded."""
    args = ["render", str(SEED_PLAN), "-o", str(tmp_path / "plan.docx"), "-q"]
    code = ("import json, sys, vanban.cli\n"
            f"try:\n    vanban.cli.main({args!r})\nexcept SystemExit:\n    pass\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.startswith('vanban.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=dict(os.environ, PYTHONPATH=str(SRC))).stdout
    loaded = json.loads(out.strip().splitlines()[-1])
    assert (tmp_path / "plan.docx").exists()
    assert [m for m in loaded if m.startswith("vanban.cli.")] == [
        "vanban.cli.common", "vanban.cli.localise", "vanban.cli.render"]
    assert not [m for m in loaded if m.startswith(("vanban.document.model",
                                                   "vanban.text.legacy"))]
    rules = {m.rsplit(".", 1)[1] for m in loaded if m.startswith("vanban.rules.vb")}
    assert rules and not rules & NOT_PLAN_MODULES


@pytest.mark.parametrize("front", [vanban, vanban.renderer], ids=lambda m: m.__name__)
def test_a_package_front_lists_and_resolves_every_name_it_exports(front):
    assert sorted(front.__all__) == sorted({*front._EXPORTS, *(
        ["__version__"] if front is vanban else [])})
    for name in front.__all__:
        assert getattr(front, name) is not None, name


def test_the_version_is_written_once():
    written = [p for p in [*PACKAGE.rglob("*.py"), ROOT / "pyproject.toml"]
               if re.search(r'^(__version__|version)\s*=\s*"', p.read_text(encoding="utf-8"),
                            re.MULTILINE)]
    assert written == [PACKAGE / "_version.py"]
    assert subprocess.run([sys.executable, "-m", "vanban", "--version"], capture_output=True,
                          text=True, check=True).stdout.split()[-1] == vanban.__version__


#: A fact of the decree (or of practice) and a piece of text that only its one definition
#: contains; found in any other module, the fact has been restated.
FACTS = {
    "signing authorities": r"TM\|KT\|TL\|TUQ\|Q",
    "the task lines": r'"Cơ quan chủ trì"',
    "the circulation marks": r'"XEM XONG TRẢ LẠI"',
    "urgency marks": r'"THƯỢNG KHẨN"',
    "the left margin's range": r"\(30, 35\)",
    "the depth of decimal numbers": r'"decimal": 2\.5',
    "parts and chapters": r"\(?:Phần\|PHẦN\|Chương",
    "the agencies' fold": r"def fold\(",
    "atomic writes": r"O_EXCL",
}


@pytest.mark.parametrize("fact", FACTS)
def test_each_fact_is_defined_in_one_module(fact):
    pattern = re.compile(FACTS[fact])
    holders = [module for module, path in MODULES.items()
               if pattern.search(path.read_text(encoding="utf-8"))]
    assert len(holders) == 1, f"{fact} is written in {holders}"
