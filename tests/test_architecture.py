"""The shape of the package: imports point down the layers, and only the edges read the environment.

The layers are declared once, as import-linter contracts in ``pyproject.toml``; these tests run
them on the package, and on a copy with one wrong import to show that the check bites.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=where,
        env={"PYTHONPATH": str(where), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_import_points_down_the_layers() -> None:
    res = _lint_imports(ROOT)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Contracts: 3 kept, 0 broken." in res.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "broken"),
    [
        ("kg/build/sources.py", "import kg.web", "kg.build.sources -> kg.web"),
        ("kg/query/store.py", "from kg.state import runs", "kg.query.store -> kg.state.runs"),
        ("kg/iris.py", "import kg.build.rdf", "kg.iris -> kg.build.rdf"),
        (
            "kg/build/extract/values.py",
            "import kg.build.rdf",
            "kg.build.extract.values -> kg.build.rdf",
        ),
    ],
)
def test_a_lower_layer_importing_a_higher_one_is_caught(
    tmp_path: Path, module: str, bad_import: str, broken: str
) -> None:
    shutil.copytree(ROOT / "kg", tmp_path / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with open(tmp_path / module, "a", encoding="utf-8") as f:
        f.write(f"\n{bad_import}  # noqa\n")
    res = _lint_imports(tmp_path)
    assert res.returncode == 1
    assert broken in res.stdout


@pytest.mark.parametrize("package", ["kg.explain", "kg.build", "kg.export", "kg.query", "kg.state"])
def test_the_library_layers_load_without_flask(package: str) -> None:
    """The package and every module in it (``walk_packages``), in a fresh interpreter."""
    probe = (
        f"import importlib, pkgutil, sys, {package} as p; "
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(p.__path__, p.__name__ + '.')]; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'werkzeug')))"
    )
    res = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"


# Only the command line and the application factory read the environment (kg.config's table).
EDGES = {"kg/cli/main.py", "kg/web/__init__.py"}


def _environment_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: os.{node.attr}")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr == "load"
            and isinstance(node.value, ast.Name)
            and node.value.id == "Config"
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: Config.load")
    return found


def test_library_code_never_reads_the_environment() -> None:
    offenders = [
        hit
        for path in sorted((ROOT / "kg").rglob("*.py"))
        if str(path.relative_to(ROOT)) not in EDGES
        for hit in _environment_reads(path)
    ]
    assert offenders == []


def _environment_writes(node: ast.AST) -> bool:
    """``os.environ[...] = …`` (or ``+=``, ``del``), or a call that changes the environment."""
    if isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
        targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
        return any(
            isinstance(t, ast.Subscript) and ast.unparse(t.value).endswith("environ")
            for t in targets
        )
    return isinstance(node, ast.Call) and ast.unparse(node.func).endswith(
        ("environ.update", "environ.setdefault", "environ.pop", "environ.clear", "putenv")
    )


def test_the_cli_never_changes_the_environment() -> None:
    writes = [
        f"{path.name}:{ast.unparse(node)}"
        for path in sorted((ROOT / "kg" / "cli").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _environment_writes(node)
    ]
    assert writes == []
