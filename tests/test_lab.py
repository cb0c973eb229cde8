"""`make lab` and `make lab LANG=ko` (scripts/lab.py): which start page, which JupyterLab
language, and that the command line's LANG=ko never reaches a program as a locale."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("lab", ROOT / "scripts" / "lab.py")
lab = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lab)


def test_only_the_korean_launch_sets_jupyterlabs_language(tmp_path):
    assert lab.lab_environment("en", tmp_path) == {}
    assert not any(tmp_path.iterdir()), "the English launch keeps the user's settings"
    assert lab.lab_environment("ko", tmp_path) == {"JUPYTERLAB_SETTINGS_DIR": str(tmp_path)}
    setting = json.loads((tmp_path / lab.TRANSLATION_SETTINGS).read_text(encoding="utf-8"))
    assert setting == {"locale": "ko_KR"}
    with pytest.raises(SystemExit, match="edition: expected one of en, ko, got 'fr'"):
        lab.lab_environment("fr", tmp_path)


def test_each_edition_has_its_start_page():
    for page in lab.START_PAGES.values():
        assert (ROOT / page).with_suffix(".py").exists(), page
    assert lab.START_PAGES["ko"] == "notebooks_ko/00_start_here.ipynb"


def _make(*arguments: str) -> str:
    return subprocess.run(
        ["make", "--no-print-directory", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="needs GNU make")
def test_make_lab_chooses_the_edition_and_keeps_lang_out_of_the_environment():
    assert "scripts/lab.py en" in _make("-n", "lab")
    assert "scripts/lab.py ko" in _make("-n", "lab", "LANG=ko")
    show = "show-lang: ; @echo LANG=$${LANG-unset}"
    assert _make("--eval", show, "show-lang", "LANG=ko").strip() == "LANG=unset"
