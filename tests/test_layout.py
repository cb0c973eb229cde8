"""The layout rules of CONTRIBUTING.md that a machine can check, read from rnnlib's imports:
no private helper imported across modules, relative imports inside rnnlib, no import
between chapter modules, and no plot or explorer that depends on a chapter."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "rnnlib"
FILES = sorted(ROOT.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path):
    """``(imported module, [imported names])`` of every import in the file, with relative
    imports resolved to absolute module names."""
    package = (
        module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    )
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            yield module, [alias.name for alias in node.names], node.level
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], 0


def chapter_of(module: str):
    """``("experiments" | "exercises", "chNN")`` for a chapter module, else None."""
    parts = module.split(".")
    if len(parts) == 3 and parts[1] in ("experiments", "exercises") and parts[2].startswith("ch"):
        return parts[1], parts[2]
    return None


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_private_helper_is_imported_across_modules(path):
    private = [
        f"{module}.{name}"
        for module, names, _ in imports(path)
        for name in names
        if name.startswith("_") and name != "__future__" and module != "__future__"
    ]
    assert not private, f"{path.name} imports private helpers {private}: make them public"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_inside_rnnlib_are_relative(path):
    absolute = [
        module
        for module, _, level in imports(path)
        if level == 0 and module.split(".")[0] == "rnnlib"
    ]
    assert not absolute, f"{path.name}: use relative imports, got {absolute}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_imports_a_chapter_module(path):
    """A chapter module (experiments/chNN, exercises/chNN) is imported by notebooks and
    tests only: chapters do not import each other, and plots, explorers and topic modules
    do not depend on a chapter."""
    own = module_name(path)
    chapters = {
        target
        for module, names, _ in imports(path)
        for target in [module] + [f"{module}.{name}" for name in names]
        if chapter_of(target) and target != own
    }
    assert not chapters, (
        f"{own} imports the chapter module(s) {sorted(chapters)}: move what they share to "
        "rnnlib.analysis, rnnlib.data or a topic module"
    )


NOTEBOOKS = sorted((ROOT.parent / "notebooks").glob("[0-9][0-9]_*.py"))
ALIASES = {"experiments": "rnnlib.experiments", "exercises": "rnnlib.exercises"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_import_rnnlib_under_the_course_aliases(path):
    """Modules are imported by their own name, except a chapter's experiments and
    exercises, imported as ``experiments`` and ``exercises`` (CONTRIBUTING: Names)."""
    bad = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom | ast.Import) and any(
            (getattr(node, "module", None) or alias.name).startswith("rnnlib")
            for alias in node.names
        ):
            for alias in node.names:
                if alias.asname is None:
                    continue
                module = getattr(node, "module", None)
                if ALIASES.get(alias.asname) != module or not alias.name.startswith("ch"):
                    bad.append(f"{module or ''} {alias.name} as {alias.asname}")
    assert not bad, f"{path.name}: use the course's import aliases, got {bad}"


def test_the_start_page_imports_every_module():
    """notebooks/00_start_here.py imports each rnnlib module by name (RNNLIB_MODULES)."""
    source = (ROOT.parent / "notebooks" / "00_start_here.py").read_text()
    listed = next(
        ast.literal_eval(node.value)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "RNNLIB_MODULES"
    )
    modules = {
        module_name(path).removeprefix("rnnlib.")
        for path in FILES
        if not path.name.startswith("_") or path.parent != ROOT and path.name == "__init__.py"
    }
    packages = {name for name in modules if (ROOT / name.replace(".", "/")).is_dir()}
    missing = sorted(modules - set(listed) - (packages - {"viz", "widgets"}))
    assert not missing, f"add to RNNLIB_MODULES in notebooks/00_start_here.py: {missing}"
