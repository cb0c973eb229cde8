"""The browser test's harness: a JupyterLab server and the system Chromium.

The server serves a temporary copy of ``notebooks/`` (JupyterLab autosaves into the
tree it serves), with a settings directory that silences the news toast and renders
every cell (no windowing, so all outputs are in the DOM). Chromium is the system one
(``/usr/bin/chromium``, or ``$CHROMIUM``), driven by Playwright; ``playwright install``
is never used. Without a browser the tests skip with a hint, except under ``CI=true``,
where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = Path(os.environ.get("BROWSER_TEST_NOTEBOOK_DIR", ROOT / "notebooks")).resolve()
sys.path.insert(0, str(ROOT / "scripts"))
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402, F401  (one recipe; conftest uses both)

SERVER_START_TIMEOUT_S = 90

LAB_SETTINGS = {
    # No "get notified about Jupyter news" toast, no update check (offline).
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # Keep every cell in the DOM, so the test sees all outputs and widgets.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """A JupyterLab server on 127.0.0.1 with a token, serving a copy of the notebooks."""

    def __init__(self, workdir: Path):
        self.root = workdir / "notebooks"
        shutil.copytree(NOTEBOOK_DIR, self.root, ignore=shutil.ignore_patterns(".ipynb_*"))
        # the start page reads ../benchmarks/run_times.json (the measured run times)
        for results in sorted((ROOT / "benchmarks").glob("*.json")):
            (workdir / "benchmarks").mkdir(exist_ok=True)
            shutil.copy(results, workdir / "benchmarks" / results.name)
        self.settings = settings = workdir / "lab-settings"
        for relative, values in LAB_SETTINGS.items():
            path = settings / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.log_path = workdir / "jupyterlab.log"
        env = dict(os.environ)
        env.pop("MPLBACKEND", None)  # notebooks use `%matplotlib inline`
        env.update(
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(workdir / "lab-workspaces"),
            JUPYTER_RUNTIME_DIR=str(workdir / "runtime"),
            JUPYTER_PLATFORM_DIRS="1",
        )
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            f"--ServerApp.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
        ]
        self._log = open(self.log_path, "wb")  # closed in stop()
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env=env, cwd=workdir
        )
        self._wait_until_up()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(
            f"{self.base_url}{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early:\n{self.log_tail()}")
            try:
                self.api("/api/status")
                return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(
            f"JupyterLab did not answer within {SERVER_START_TIMEOUT_S} s:\n{self.log_tail()}"
        )

    def url(self, notebook_name: str) -> str:
        # `?reset` starts from an empty workspace: only this notebook is open.
        return f"{self.base_url}/lab/tree/{notebook_name}?reset&token={self.token}"

    def shutdown_sessions(self) -> None:
        """Stop every kernel (keeps the shared machine's load low between notebooks)."""
        try:
            for session in self.api("/api/sessions"):
                self.api(f"/api/sessions/{session['id']}", method="DELETE")
        except OSError:
            pass

    def log_tail(self, lines: int = 40) -> str:
        self._log.flush()
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()
