"""What pyproject.toml declares matches what the code imports: a module pledgecard needs at run
time is a dependency (not something an optional extra happens to bring), and every module the
mypy overrides name is one that some dependency or extra installs."""

from __future__ import annotations

import ast
import sys
import tomllib
from typing import Any

import pytest

from .conftest import ROOT

PROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
#: Import names whose distribution is named otherwise.
DISTRIBUTIONS = {"hwp5": "pyhwp", "yaml": "pyyaml"}


def _name(requirement: str) -> str:
    for stop in "<>=!~[; ":
        requirement = requirement.split(stop)[0]
    return requirement.strip().lower().replace("_", "-")


def _declared(*groups: list[str]) -> set[str]:
    return {_name(r) for group in groups for r in group}


def _distribution(module: str) -> str:
    top = module.split(".")[0]
    return DISTRIBUTIONS.get(top, top).lower().replace("_", "-")


def _imported_modules() -> set[str]:
    """Top-level modules that pledgecard imports anywhere (at module level or inside a function)."""
    found: set[str] = set()
    for path in (ROOT / "pledgecard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"pledgecard", "__future__"}


@pytest.mark.parametrize("module", sorted(_imported_modules()))
def test_every_module_pledgecard_imports_is_a_dependency(module: str) -> None:
    assert _distribution(module) in _declared(PROJECT["project"]["dependencies"])


def test_mypy_overrides_name_only_installed_modules() -> None:
    extras = PROJECT["project"]["optional-dependencies"].values()
    declared = _declared(PROJECT["project"]["dependencies"], *extras)
    for override in PROJECT["tool"]["mypy"]["overrides"]:
        for module in override["module"]:
            assert _distribution(module) in declared, module
