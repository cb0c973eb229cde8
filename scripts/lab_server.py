"""A JupyterLab server on a temporary copy of the course: lecture mode and the browser tests.

JupyterLab saves into the tree it serves, so the server never serves the repository: it
serves a copy of both editions (``notebooks/``, ``notebooks_ko/``) and of the measured run
times (``benchmarks/*.json``, read by the start page), under a folder of its own, with
JupyterLab settings, workspaces, runtime and data folders of its own too (the user's own
settings are never read or changed). Notebooks are addressed by their path in the copy,
``notebooks/04_lstm_and_gru.ipynb`` or ``notebooks_ko/04_lstm_and_gru.ipynb``.
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

ROOT = Path(__file__).resolve().parents[1]
#: The course's editions: English (the source) and Korean.
EDITION_DIRS = ("notebooks", "notebooks_ko")
SERVER_START_TIMEOUT_S = 90

#: Settings every server of the course uses (one file per JupyterLab plugin).
BASE_SETTINGS = {
    # No "get notified about Jupyter news" pop-up, no update check (offline).
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # Every cell in the page (no windowing): all outputs and widgets are in the DOM.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """JupyterLab on 127.0.0.1 with a token, serving a copy of the course in ``workdir``.

    settings: extra JupyterLab settings ({plugin file: values}) on top of BASE_SETTINGS;
    environment: extra environment variables for the server and its kernels, on top of
    ``env`` (the environment it is launched from; default: this process's);
    arguments: extra command-line arguments for JupyterLab.
    """

    def __init__(
        self,
        workdir: Path,
        *,
        settings: dict | None = None,
        environment: dict | None = None,
        arguments: list[str] = (),
        port: int | None = None,
        env: dict | None = None,
        source: Path = ROOT,
    ):
        self.workdir = self.root = Path(workdir)
        for edition in EDITION_DIRS:
            if (source / edition).is_dir():
                shutil.copytree(
                    source / edition, self.root / edition, ignore=shutil.ignore_patterns(".ipynb_*")
                )
        (self.root / "benchmarks").mkdir(exist_ok=True)
        for results in sorted((source / "benchmarks").glob("*.json")):
            shutil.copy2(results, self.root / "benchmarks" / results.name)
        self.settings_dir = self.workdir / "lab-settings"
        for relative, values in {**BASE_SETTINGS, **(settings or {})}.items():
            path = self.settings_dir / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        self.runtime = self.workdir / "runtime"
        self.data = self.workdir / "jupyter-data"  # e.g. its notebook-signature database
        self.port = port or free_port()
        self.token = secrets.token_hex(16)
        self.log_path = self.workdir / "jupyterlab.log"
        env = dict(os.environ if env is None else env)
        env.pop("MPLBACKEND", None)  # notebooks use `%matplotlib inline`
        env.update(
            JUPYTERLAB_SETTINGS_DIR=str(self.settings_dir),
            JUPYTERLAB_WORKSPACES_DIR=str(self.workdir / "lab-workspaces"),
            JUPYTER_RUNTIME_DIR=str(self.runtime),
            JUPYTER_DATA_DIR=str(self.data),
            JUPYTER_PLATFORM_DIRS="1",
            **(environment or {}),
        )
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            f"--ServerApp.token={self.token}",
            f"--ServerApp.root_dir={self.root}",
            *arguments,
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        self._log = open(self.log_path, "wb")  # closed in stop()
        self.process = subprocess.Popen(
            command, stdout=self._log, stderr=subprocess.STDOUT, env=env, cwd=self.workdir
        )
        self._wait_until_up()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        """The address that opens ``path`` (e.g. ``notebooks/00_start_here.ipynb``) alone:
        ``?reset`` starts from an empty workspace."""
        return f"{self.base_url}/lab/tree/{path}?reset&token={self.token}"

    def api(self, path: str, method: str = "GET", body: dict | None = None):
        request = urllib.request.Request(
            f"{self.base_url}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read()
        return json.loads(data) if data else None

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

    def shutdown_sessions(self) -> None:
        """Stop every kernel."""
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
