"""The browser test's harness: a JupyterLab server and the system Chromium.

The server is ``scripts/lab_server.LabServer`` (as lecture mode's): a temporary copy of
both editions (JupyterLab autosaves into the tree it serves), settings of its own that
silence the news toast and render every cell (no windowing, so all outputs are in the
DOM); notebooks are addressed as ``notebooks/NN_name.ipynb`` or
``notebooks_ko/NN_name.ipynb``. Chromium is the system one
(``/usr/bin/chromium``, or ``$CHROMIUM``), driven by Playwright; ``playwright install``
is never used. Without a browser the tests skip with a hint, except under ``CI=true``,
where a missing browser is a failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402, F401  (one recipe; conftest uses both)
from lab_server import EDITION_DIRS, LabServer  # noqa: E402, F401  (one server; conftest uses it)

#: The notebooks the browser test runs, by their path in the served copy.
NOTEBOOKS = [
    path.relative_to(ROOT)
    for folder in EDITION_DIRS
    for path in sorted((ROOT / folder).glob("*.ipynb"))
]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def no_browser(reason: str):
    """Skip (or fail under CI=true) with a hint on how to enable the browser test."""
    message = (
        f"browser test needs Chromium and Playwright: {reason}. "
        "To enable it on Debian/Ubuntu: `sudo apt-get install chromium` "
        "(or run `make test` as root, which installs it)."
    )
    if _in_ci():
        pytest.fail(message + " [CI=true: a missing browser is a failure]", pytrace=False)
    pytest.skip(message)
