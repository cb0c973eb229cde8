"""Set-up checks: the declared environments agree, and this one matches them.

* ``environment.yml`` (conda, Binder) names exactly the packages of pyproject's
  ``dependencies`` + ``dev`` extra, with the same version specifiers;
* the installed packages satisfy pyproject's specifiers (a stale ``.venv`` fails here
  rather than somewhere obscure);
* ``rnnlib`` is imported from this working tree (the editable install), not a copy;
* the jupytext pairing and the CI entry point are what the tooling expects.
"""

from __future__ import annotations

import os
import sys
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    from pip._vendor import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]

# pip name -> conda-forge name, where they differ.
CONDA_NAMES: dict[str, str] = {}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _declared_requirements() -> list[Requirement]:
    project = _pyproject()["project"]
    return [
        Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]
    ]


def _environment_yml() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def _conda_specs() -> dict[str, str]:
    """``{canonical name: specifier}`` for the packages of environment.yml: conda's, and
    those of the nested ``pip:`` list that conda-forge lacks (not the ``-e .`` line)."""
    entries = []
    for entry in _environment_yml()["dependencies"]:
        if isinstance(entry, dict):
            entries += [e for e in entry.get("pip", []) if not e.startswith("-e")]
        else:
            entries.append(entry)
    specs = {}
    for entry in entries:
        requirement = Requirement(entry)
        specs[canonicalize_name(requirement.name)] = str(requirement.specifier)
    return specs


def test_environment_yml_names_the_pyproject_packages():
    expected = {
        canonicalize_name(CONDA_NAMES.get(r.name, r.name)): str(r.specifier)
        for r in _declared_requirements()
    }
    conda = _conda_specs()
    python_spec = conda.pop("python", None)
    conda.pop("pip", None)
    missing = sorted(set(expected) - set(conda))
    extra = sorted(set(conda) - set(expected))
    differ = {
        name: (expected[name], conda[name])
        for name in expected.keys() & conda.keys()
        if expected[name] != conda[name]
    }
    assert not missing, f"in pyproject.toml but not in environment.yml: {missing}"
    assert not extra, f"in environment.yml but not in pyproject.toml: {extra}"
    assert not differ, f"version specifiers differ (pyproject, environment.yml): {differ}"
    assert python_spec == _pyproject()["project"]["requires-python"], (
        f"environment.yml python{python_spec} != pyproject requires-python "
        f"{_pyproject()['project']['requires-python']}"
    )


def test_environment_yml_installs_rnnlib_itself():
    pip_lists = [e["pip"] for e in _environment_yml()["dependencies"] if isinstance(e, dict)]
    assert any("-e ." in entries for entries in pip_lists), "environment.yml: add `pip: [-e .]`"


@pytest.mark.parametrize("requirement", _declared_requirements(), ids=lambda r: r.name)
def test_installed_versions_satisfy_pyproject(requirement):
    try:
        version = metadata.version(requirement.name)
    except metadata.PackageNotFoundError:
        pytest.fail(f"{requirement.name} is not installed: run `make setup` (or `make test`)")
    assert requirement.specifier.contains(version, prereleases=True), (
        f"{requirement.name} {version} does not satisfy {requirement.specifier}: "
        "pyproject.toml changed since the last install; run `make setup`"
    )


def test_python_version_is_supported():
    assert sys.version_info >= (3, 10), f"rnnlib needs Python >= 3.10, this is {sys.version}"


def test_rnnlib_is_imported_from_this_working_tree():
    import rnnlib

    location = Path(rnnlib.__file__).resolve()
    assert location.is_relative_to(ROOT), (
        f"rnnlib is imported from {location}, not from {ROOT}: reinstall with `pip install -e .`"
    )


def test_jupytext_pairs_notebooks_with_py_percent():
    config = tomllib.loads((ROOT / "jupytext.toml").read_text(encoding="utf-8"))
    assert set(config["formats"].split(",")) == {"ipynb", "py:percent"}
    assert "jupytext_version" in config.get("notebook_metadata_filter", ""), (
        "keep the jupytext version out of the .py headers (notebook_metadata_filter)"
    )


def test_ci_entry_point_runs_make_test():
    script = ROOT / ".ci" / "run"
    assert os.access(script, os.X_OK), ".ci/run must be executable"
    text = script.read_text(encoding="utf-8")
    assert "set -euo pipefail" in text and "make test" in text
