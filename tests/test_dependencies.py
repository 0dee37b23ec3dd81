"""What pyproject.toml declares matches what the code imports: every module pledgecard imports is
a dependency or an extra, one a core feature needs is a dependency (not something an extra
happens to bring), and every module the mypy overrides name is one that is declared."""

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


#: Modules a core feature needs, so a dependency and not an extra (배포용 HWP: cryptography).
CORE = ["cryptography", "olefile", "pydantic", "pypdfium2", "regex"]


@pytest.mark.parametrize("module", sorted(_imported_modules()))
def test_every_module_pledgecard_imports_is_declared(module: str) -> None:
    extras = PROJECT["project"]["optional-dependencies"].values()
    assert _distribution(module) in _declared(PROJECT["project"]["dependencies"], *extras)


@pytest.mark.parametrize("module", CORE)
def test_core_modules_are_dependencies_not_extras(module: str) -> None:
    assert _distribution(module) in _declared(PROJECT["project"]["dependencies"])


def test_mypy_overrides_name_only_installed_modules() -> None:
    extras = PROJECT["project"]["optional-dependencies"].values()
    declared = _declared(PROJECT["project"]["dependencies"], *extras)
    for override in PROJECT["tool"]["mypy"]["overrides"]:
        for module in override["module"]:
            assert _distribution(module) in declared, module
