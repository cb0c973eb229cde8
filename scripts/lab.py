"""Open JupyterLab on the start page of one edition of the course (``make lab``).

    python scripts/lab.py en [JUPYTER-LAB-ARGUMENTS ...]   # make lab
    python scripts/lab.py ko [JUPYTER-LAB-ARGUMENTS ...]   # make lab LANG=ko

``en`` opens ``notebooks/00_start_here.ipynb`` with the user's own JupyterLab settings.
``ko`` opens the Korean edition's ``notebooks_ko/00_start_here.ipynb`` with JupyterLab's
own menus and dialogs in Korean (the ``jupyterlab-language-pack-ko-KR`` package): for this
launch only, JupyterLab reads its user settings from a folder inside the course's virtual
environment (``.venv/lab-settings-ko``) whose translation setting is ``ko_KR``. The user's own settings
folder is neither read nor changed, so a later ``make lab`` opens in English as before.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_PAGES = {"en": "notebooks/00_start_here.ipynb", "ko": "notebooks_ko/00_start_here.ipynb"}
#: JupyterLab's locale for an edition; an edition not listed keeps the user's settings.
LAB_LOCALES = {"ko": "ko_KR"}
#: The user-settings file of JupyterLab's translation plugin (its "locale" setting).
TRANSLATION_SETTINGS = Path("@jupyterlab", "translation-extension", "plugin.jupyterlab-settings")


def settings_folder(edition: str) -> Path:
    """The user-settings folder of an edition's launches, inside the virtual environment
    that runs this script (``make`` runs it with ``.venv/bin/python``)."""
    return Path(sys.prefix) / f"lab-settings-{edition}"


def lab_environment(edition: str, settings: Path | None = None) -> dict[str, str]:
    """The environment variables to add for a launch of ``edition``: none for English;
    for Korean, ``JUPYTERLAB_SETTINGS_DIR`` pointing at ``settings`` (default
    :func:`settings_folder`), where the translation setting is (re)written as ko_KR."""
    if edition not in START_PAGES:
        raise SystemExit(f"edition: expected one of {', '.join(START_PAGES)}, got {edition!r}")
    if edition not in LAB_LOCALES:
        return {}
    settings = settings or settings_folder(edition)
    path = settings / TRANSLATION_SETTINGS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"locale": LAB_LOCALES[edition]}) + "\n", encoding="utf-8")
    return {"JUPYTERLAB_SETTINGS_DIR": str(settings)}


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit(__doc__)
    edition, lab_arguments = argv[0], argv[1:]
    environment = {**os.environ, **lab_environment(edition)}
    command = [sys.executable, "-m", "jupyterlab", *lab_arguments, START_PAGES[edition]]
    os.chdir(ROOT)
    os.execve(sys.executable, command, environment)


if __name__ == "__main__":
    main(sys.argv[1:])
