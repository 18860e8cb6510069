"""The core stays free of Qt: no module under tracker/ imports PySide6, shiboken6 or ui/.

Checked two ways: by reading every module's imports with ``ast`` (works with Qt
not installed, catches imports inside functions too), and with import-linter's
contract from pyproject.toml when the tool is installed.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "ui")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            found.append((node.lineno, str(node.args[0].value)))
    return found


def test_core_modules_never_import_qt_or_ui():
    modules = sorted((ROOT / "tracker").rglob("*.py"))
    assert modules, "tracker/ not found"
    offences = []
    for path in modules:
        for line, name in imported_modules(path):
            if name.split(".")[0] in FORBIDDEN:
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not offences, "\n".join(offences)


def test_the_checker_sees_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\ndef f():\n    from PySide6.QtCore import Qt\n    importlib.import_module('ui.app')\n")
    names = [name for _, name in imported_modules(sample)]
    assert names == ["os", "PySide6.QtCore", "ui.app"]


def test_import_linter_contract():
    tool = shutil.which("lint-imports") or (ROOT / ".venv" / "bin" / "lint-imports")
    if not Path(tool).exists():
        pytest.skip("import-linter is not installed")
    result = subprocess.run([str(tool)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
